"""A small full-text search engine for tips (and glossary terms).

Parents type what is on their mind: "signing", "lawyer", "they rush us", "advocat".
So the engine
- reduces words to their stems ("signing", "signed" → "sign"; Snowball stemmer),
- widens the query with related words from a curated synonym list (lawyer → advocate),
- forgives typos and cut-off words by matching the closest words in the library,
- ranks with BM25 over weighted fields (a match in a title counts more than in a body),
- and gives a bonus when the words appear together as a phrase ("take it home").

Parents also type whole sentences ("my son got sent home early again"). For those,
words that name no topic ("my", "son", "morning") count little, and a concept layer
reads situations and conditions ("sent home" means discipline; "dyslexia" means
reading and the evaluation) into the words the tips use.

It is pure Python over plain data, so it runs anywhere and is easy to test.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cached_property, lru_cache
from typing import Any

_WORD = re.compile(r"[0-9a-z]+")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)
K1 = 1.2
B = 0.75
SYNONYM_WEIGHT = 0.45  # a related word counts a bit less than the word itself
FUZZY_WEIGHT = 0.7
PHRASE_BONUS = 1.5
PHRASE_CANDIDATES = 60
LIGHT_WEIGHT = 0.2  # a word that names no topic in a sentence ("my", "son", "morning")
CONCEPT_WEIGHT = 0.6  # a word a recognised concept stands for
# A field of questions, one a line ("can I record the meeting?"): a document whose one
# question says what a sentence says gains up to this share of the best score.
QUESTION_FIELD = "asks"
QUESTION_BONUS = 0.5
QUESTION_CANDIDATES = PHRASE_CANDIDATES  # the same texts, read once
QUESTION_MIN_WORDS = 3  # a sentence; a keyword or two is found by the fields alone
QUESTION_LENGTH_EXPONENT = 0.5  # how much a long question's unshared words cost it
# What a query word's other readings in a document (its related words, spellings) add
# to its best one.
OTHER_READINGS = 0.15
# How many words away a concept's `unless` word still changes what it means ("the
# IEP they sent home", "sent home the papers").
GUARD_REACH = 3


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    """Snowball's English stemmer: PyStemmer's C build (the same algorithm, ~20x
    faster: it matters when indexing a big library), else the pure-Python one."""
    try:
        import Stemmer

        return Stemmer.Stemmer("english").stemWord  # type: ignore[no-any-return]
    except ImportError:  # a platform without a PyStemmer build
        # The English stemmer alone: `import snowballstemmer` loads every language.
        from snowballstemmer.english_stemmer import EnglishStemmer

        return EnglishStemmer().stemWord  # type: ignore[no-any-return]


# Stems already known (from a cached index), so most queries never load the stemmer.
_KNOWN_STEMS: dict[str, str] = {}


@lru_cache(maxsize=1 << 18)  # a big library has ~100,000 words: stem each once
def stem(word: str) -> str:
    known = _KNOWN_STEMS.get(word)
    if known is not None:
        return known
    return str(_stemmer()(word))


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, accents and punctuation dropped; a contraction
    typed without its apostrophe ("dont", "wont") read as with it ("don", "t")."""
    found = _WORD.findall(_fold(text))
    if not _CONTRACTIONS.keys().isdisjoint(found):
        found = [part for word in found for part in _CONTRACTIONS.get(word, (word,))]
    return found


# Contractions parents type without the apostrophe, read as "don't" is: "don", "t".
_CONTRACTIONS: dict[str, tuple[str, str]] = {
    word: (word[: -len(end)], end)
    for end, spelled in {
        "t": "dont doesnt didnt cant wont isnt wasnt arent werent havent hasnt hadnt "
        "couldnt wouldnt shouldnt",
        "s": "hes shes whats thats theres",
        "re": "theyre youre",
        "m": "im",
        "ve": "ive weve theyve",
    }.items()
    for word in spelled.split()
}


def _fold(text: str) -> str:
    if text.isascii():  # nearly always: nothing to fold
        return text.lower()
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stems(text: str, *, keep_stopwords: bool = False) -> list[str]:
    return [stem(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]


@dataclass(frozen=True)
class Match:
    """Why a document matched: which query word, through what, in which field."""

    query_word: str
    via: str  # "word", "synonym", "close match", "concept", "phrase" or "question"
    term: str  # the stem that matched
    fields: tuple[str, ...]
    about: str = ""  # for a concept: what it is about, in plain words
    weight: float = 1.0  # how much the query word counted (little for "my", "son")
    # Whether the query word names a topic: not "my", "son" (a concept's own words
    # count little, since the concept speaks for them, but still name its topic).
    topical: bool = True

    @property
    def own(self) -> bool:
        """Whether it matched the parent's own word (or a form or a typo of it), not a
        related word or a concept's."""
        return self.via in ("word", "close match") and self.topical


@dataclass(frozen=True)
class Concept:
    """A situation or condition a parent names, and the words the tips use for it.

    `says` are stems that must all be in the query (in any order); `means` are the
    stems searched for in their place; `about` says it in plain words."""

    says: tuple[str, ...]
    means: tuple[str, ...]
    about: str
    glossary: str | None = None
    # Stems that, next to the concept's words, show it means something else: the IEP
    # "they sent home" is a paper, not a child sent home.
    unless: tuple[str, ...] = ()

    def to_data(self) -> list[Any]:
        return [list(self.says), list(self.means), self.about, self.glossary, list(self.unless)]

    @classmethod
    def from_data(cls, data: Sequence[Any]) -> Concept:
        says, means, about, glossary, unless = data
        return cls(tuple(says), tuple(means), about, glossary, tuple(unless))

    def in_words(self, found: Sequence[str]) -> bool:
        """Whether stems `found` (a query's, in order) name this concept: every word
        it says, and none of its `unless` words within `GUARD_REACH` of them."""
        if not set(self.says) <= set(found):
            return False
        if not self.unless:
            return True
        said = [n for n, term in enumerate(found) if term in self.says]
        return not any(
            term in self.unless and min(abs(n - m) for m in said) <= GUARD_REACH
            for n, term in enumerate(found)
        )


@dataclass
class Hit:
    id: str
    score: float
    matches: list[Match] = field(default_factory=list)

    @property
    def terms(self) -> set[str]:
        """Stems to highlight: the parent's own words and their forms (a typo read as
        the word it meant too), never a related word or a concept's, and not words
        that name no topic ("my", "son")."""
        return set(self.own_terms)

    @property
    def own_terms(self) -> dict[str, float]:
        """The stems of the parent's own topic words that matched, with their weight."""
        own: dict[str, float] = {}
        for match in self.matches:
            if match.own:
                weight = FUZZY_WEIGHT if match.via == "close match" else 1.0
                own[match.term] = max(own.get(match.term, 0.0), weight)
        return own

    @property
    def related_terms(self) -> dict[str, float]:
        """The stems matched through a related word or a concept, with their weight."""
        found: dict[str, float] = {}
        for match in self.matches:
            if match.via in ("synonym", "concept") and not match.own:
                found[match.term] = max(found.get(match.term, 0.0), match.weight)
        return found

    @property
    def fields(self) -> list[str]:
        """The fields any query word matched in, strongest reasons first."""
        return list(dict.fromkeys(name for match in self.matches for name in match.fields))


@dataclass(frozen=True)
class _QueryTerm:
    term: str
    weight: float
    query_word: str
    via: str
    # A term from a several-word synonym ("specific learning disability") counts only
    # in documents that have all of that synonym's words, not "learning" alone.
    together: tuple[str, ...] = ()
    about: str = ""
    # The query word (its stem) this term reads: a word and its related words and
    # spellings share one, and a document counts each once, by its best reading.
    # Empty: the term counts on its own (a concept's words).
    reads: str = ""
    topical: bool = True  # see `Match.topical`


class SearchIndex:
    """BM25F over a few named fields per document, stored as postings.

    Postings (term → the documents and fields it occurs in) let a query touch only
    the documents that contain its words. Saved (`to_data`), each term's postings are
    one packed string, unpacked only when a query uses that term: loading the index
    of a 10,000-tip library then costs little more than reading the file.
    """

    # Whether the index stems the words it reads (English). An index over text that
    # is already stems (Spanish: `i18n.search.SpanishIndex`) reads each token as it
    # is: stemming a Spanish stem again as English merges words that differ ("corre",
    # e-mail, and "corr", to run someone out).
    STEMS_WORDS = True

    def _stem(self, word: str) -> str:
        return stem(word) if self.STEMS_WORDS else word

    def _stems(self, text: str, *, keep_stopwords: bool = False) -> list[str]:
        if self.STEMS_WORDS:
            return stems(text, keep_stopwords=keep_stopwords)
        return [w for w in words(text) if keep_stopwords or w not in STOPWORDS]

    def __init__(
        self,
        documents: Sequence[tuple[str, Mapping[str, str]]],
        *,
        field_weights: Mapping[str, float],
        synonyms: Sequence[Sequence[str]] = (),
        concepts: Sequence[Concept] = (),
        light_words: Iterable[str] = (),
    ) -> None:
        self.field_weights = dict(field_weights)
        fields = list(self.field_weights)
        self.ids = [doc_id for doc_id, _ in documents]
        texts = [dict(text) for _, text in documents]
        self._text_of: Callable[[int], Mapping[str, str]] = texts.__getitem__
        postings: dict[str, list[tuple[int, int, int]]] = {}
        lengths: list[list[int]] = [[] for _ in fields]
        self._lengths: Sequence[Sequence[int]] = lengths
        self._words: set[str] = set()
        stop = _stop_stems()
        for doc, (_, text) in enumerate(documents):
            for field_no, name in enumerate(fields):
                found = words(text.get(name, ""))
                self._words.update(found)
                counted = Counter(
                    t for t in (self._stem(w) for w in found if w not in STOPWORDS) if t not in stop
                )
                lengths[field_no].append(sum(counted.values()))
                for term, tf in counted.items():
                    postings.setdefault(term, []).append((doc, field_no, tf))
        self._packed: dict[str, str] = {}
        self._postings = postings
        self._df = {term: len({doc for doc, _, _ in ps}) for term, ps in postings.items()}
        self._synonyms = [[self._stems(entry) for entry in group] for group in synonyms]
        self._concepts = list(concepts)
        self._light = {self._stem(w) for w in light_words}
        self._word_stems: dict[str, str] = {}
        self._finish()

    def _finish(self) -> None:
        count = len(self.ids)
        self._common_idf = common_idf(count)
        self._avg = [
            (sum(lengths) / len(lengths) if lengths else 0.0) or 1.0 for lengths in self._lengths
        ]
        self._weights = list(self.field_weights.values())
        self._idf: Mapping[str, float] = {
            t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in self._df.items()
        }
        # The weight of the rarest word: kept, since a stored index cannot list its
        # words' weights without reading every one of them.
        self.rarest_idf = max(self._idf.values(), default=1.0)

    def _postings_of(self, term: str) -> list[tuple[int, int, int]]:
        found = self._postings.get(term)
        if found is None:
            packed = self._packed.get(term, "")
            numbers = [int(n) for n in packed.split(",")] if packed else []
            found = list(zip(numbers[0::3], numbers[1::3], numbers[2::3], strict=True))
            self._postings[term] = found
        return found

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data from which `from_data` rebuilds the same index."""
        return {
            "field_weights": self.field_weights,
            "ids": self.ids,
            "postings": {
                term: ",".join(f"{d},{f},{n}" for d, f, n in self._postings_of(term))
                for term in self._df
            },
            "df": self._df,
            "lengths": self._lengths,
            "synonyms": self._synonyms,
            "concepts": [concept.to_data() for concept in self._concepts],
            "light": sorted(self._light),
            "stems": {w: stem(w) for w in sorted(self._words)} if self.STEMS_WORDS else {},
        }

    @classmethod
    def from_data(
        cls, data: Mapping[str, Any], text_of: Callable[[int], Mapping[str, str]]
    ) -> SearchIndex:
        """The saved index; `text_of(n)` gives document n's fields (for phrase matches)."""
        index = cls.__new__(cls)
        index.field_weights = dict(data["field_weights"])
        index.ids = list(data["ids"])
        index._text_of = text_of
        index._packed = dict(data["postings"])
        index._postings = {}
        index._df = dict(data["df"])
        index._lengths = list(data["lengths"])
        index._synonyms = list(data["synonyms"])
        index._concepts = [Concept.from_data(c) for c in data["concepts"]]
        index._light = set(data["light"])
        index._words = set()
        index._word_stems = dict(data.get("stems", {}))
        _KNOWN_STEMS.update(index._word_stems)
        index._finish()
        return index

    def concepts_in(self, query: str) -> list[Concept]:
        """The concepts `query` names: every word of a concept's `says` is in it (and
        none of its `unless` words next to them)."""
        found = [self._stem(w) for w in words(query)]
        return [concept for concept in self._concepts if concept.in_words(found)]

    def _query_concepts(self, query: str) -> list[Concept]:
        """The concepts of the query being searched (as `_expand` received it)."""
        return self.concepts_in(query)

    def _expand(self, query: str) -> list[_QueryTerm]:
        query_words = [w for w in words(query) if w not in STOPWORDS]
        query_stems = [self._stem(w) for w in query_words]
        concepts = self._query_concepts(query)
        spoken_for = {term for concept in concepts for term in concept.says}
        lights = {t for t in query_stems if self._is_light(t)} | spoken_for
        # A sentence's topic-less words count little, unless they are all it has.
        topical = [t for t in query_stems if t not in lights]
        light = LIGHT_WEIGHT if topical or concepts else 1.0
        terms: list[_QueryTerm] = []
        for word, term in zip(query_words, query_stems, strict=True):
            weight = light if term in lights else 1.0
            if term in self._idf:
                names_topic = not self._is_light(term)
                terms.append(
                    _QueryTerm(term, weight, word, "word", reads=term, topical=names_topic)
                )
            elif weight == 1.0 and term not in self._vocabulary:
                # A word the synonyms know is no typo ("corrieron": sent out of school);
                # read as a close spelling, it would meet an unrelated word ("correo").
                for close in self._close_terms(term):
                    terms.append(_QueryTerm(close, FUZZY_WEIGHT, word, "close match", reads=term))
        for concept in concepts:
            said = " ".join(w for w in query_words if self._stem(w) in concept.says)
            for term in concept.means:
                if term not in self._idf:
                    continue
                if term in concept.says:  # the parent's own word, which it also means
                    typed = next((w for w in query_words if self._stem(w) == term), said)
                    terms.append(_QueryTerm(term, CONCEPT_WEIGHT, typed, "word", reads=term))
                else:
                    terms.append(
                        _QueryTerm(term, CONCEPT_WEIGHT, said, "concept", about=concept.about)
                    )
        # Synonym groups whose member (one word or a phrase) appears in the query.
        for group in self._synonyms:
            hit_member = next((m for m in group if m and _contains(query_stems, m)), None)
            if hit_member is None or (topical and set(hit_member) <= self._light):
                continue
            shown = " ".join(hit_member)
            typed = " ".join(w for w in query_words if self._stem(w) in hit_member) or shown
            for member in group:
                if not all(term in self._idf for term in member):
                    continue  # no document has every word of it
                together = tuple(member) if len(member) > 1 else ()
                for term in member:
                    if term not in query_stems and term not in self._light:
                        terms.append(
                            _QueryTerm(
                                term, SYNONYM_WEIGHT, typed, "synonym", together, reads=shown
                            )
                        )
        # A widened or light term found in many documents costs much to read and adds
        # little: skipped, unless the query has nothing else.
        strong = [qt for qt in terms if qt.weight >= 1.0 or self._idf[qt.term] >= self._common_idf]
        terms = strong or terms
        best: dict[str, _QueryTerm] = {}
        for qt in terms:  # per term, the strongest reading; unconstrained if equal
            held = best.get(qt.term)
            if held is None or (qt.weight, not qt.together) > (held.weight, not held.together):
                best[qt.term] = qt
        return list(best.values())

    @cached_property
    def _vocabulary(self) -> frozenset[str]:
        """Every word of the related-word groups: words known, even if no tip has them."""
        return frozenset(term for group in self._synonyms for member in group for term in member)

    def _is_light(self, term: str) -> bool:
        """A word that names no topic: a listed one, or a number ("14 year old", "30
        minutes") unless the synonyms name it ("504", "18")."""
        if term in self._light:
            return True
        if not term.isdigit():
            return False
        return not any(term in member for group in self._synonyms for member in group)

    def _documents_with_all(self, terms: tuple[str, ...]) -> set[int]:
        found: set[int] | None = None
        for term in terms:
            docs = {doc for doc, _, _ in self._postings_of(term)}
            found = docs if found is None else found & docs
        return found or set()

    def _close_terms(self, term: str) -> list[str]:
        """Library terms a typo or an unfinished word probably meant: words it begins,
        else close spellings. Typos rarely change the first letter, and requiring it
        keeps "speach" from matching "each"."""
        if len(term) < 3:
            return []
        prefixed = self._terms_starting(term) if len(term) >= 4 else []
        if prefixed:
            return sorted(prefixed, key=lambda t: -self._idf[t])[:3]
        return get_close_matches(term, self._terms_starting(term[:1]), n=2, cutoff=0.8)

    def text(self, doc: int) -> Mapping[str, str]:
        """Document number `doc`'s text, by field."""
        return self._text_of(doc)

    def _terms_starting(self, prefix: str) -> list[str]:
        """The library's terms that begin with `prefix`."""
        return [term for term in self._idf if term.startswith(prefix)]

    def _doc_id(self, doc: int) -> str:
        return self.ids[doc]

    def search(self, query: str, *, limit: int | None = 10) -> list[Hit]:
        terms = self._expand(query)
        if not terms:
            return []
        scores: dict[int, float] = {}
        # Per document, which query terms matched and where; made into `Match`es only
        # for the documents returned (a big library matches thousands).
        matched: dict[int, list[tuple[_QueryTerm, tuple[str, ...]]]] = {}
        matches: dict[int, list[Match]] = {}
        names = list(self.field_weights)
        lengths, avg, weights = self._lengths, self._avg, self._weights
        with_all: dict[tuple[str, ...], set[int]] = {}  # shared by a phrase's words
        best_reading: dict[int, dict[str, float]] = {}  # doc -> query word -> its best gain
        readings = Counter(qt.reads for qt in terms if qt.reads)
        several = {word for word, count in readings.items() if count > 1}
        for qt in terms:
            weighted: dict[int, float] = {}
            fields_hit: dict[int, list[str]] = {}
            allowed = None
            if qt.together:
                if qt.together not in with_all:
                    with_all[qt.together] = self._documents_with_all(qt.together)
                allowed = with_all[qt.together]
            for doc, field_no, tf in self._postings_of(qt.term):
                if allowed is not None and doc not in allowed:
                    continue
                norm = 1 - B + B * lengths[field_no][doc] / avg[field_no]
                weighted[doc] = weighted.get(doc, 0.0) + weights[field_no] * tf / norm
                fields_hit.setdefault(doc, []).append(names[field_no])
            factor = qt.weight * self._idf[qt.term] * (K1 + 1)
            for doc, wtf in weighted.items():
                gain = factor * wtf / (wtf + K1)
                if qt.reads in several:  # "work" read as "job" too counts mostly once
                    held = best_reading.setdefault(doc, {})
                    before = held.get(qt.reads, 0.0)
                    held[qt.reads] = max(before, gain)
                    gain = max(gain - before, 0.0) + OTHER_READINGS * min(gain, before)
                scores[doc] = scores.get(doc, 0.0) + gain
                matched.setdefault(doc, []).append((qt, tuple(fields_hit[doc])))
        phrase = self._stems(query, keep_stopwords=True)
        if len(phrase) > 1:  # phrase bonus for the strongest candidates only: it re-reads text
            for doc in sorted(scores, key=lambda d: -scores[d])[:PHRASE_CANDIDATES]:
                in_fields = tuple(
                    name
                    for name in names
                    if _contains(
                        self._stems(self._text_of(doc).get(name, ""), keep_stopwords=True),
                        phrase,
                    )
                )
                if in_fields:
                    scores[doc] *= PHRASE_BONUS
                    matches.setdefault(doc, []).append(
                        Match(query.strip(), "phrase", " ".join(phrase), in_fields)
                    )
        # A sentence, not a keyword or two: those the fields alone find best.
        said = {qt.reads or qt.query_word for qt in terms}
        if QUESTION_FIELD in self.field_weights and len(said) >= QUESTION_MIN_WORDS:
            self._question_bonus(terms, scores, matches)
        ranked = sorted(scores, key=lambda doc: (-scores[doc], doc))
        if limit is not None:
            ranked = ranked[:limit]
        return [
            Hit(
                self._doc_id(doc),
                round(scores[doc], 4),
                [
                    Match(qt.query_word, qt.via, qt.term, fields, qt.about, qt.weight, qt.topical)
                    for qt, fields in matched[doc]
                ]
                + matches.get(doc, []),
            )
            for doc in ranked
        ]

    def _question_bonus(
        self,
        terms: Sequence[_QueryTerm],
        scores: dict[int, float],
        matches: dict[int, list[Match]],
    ) -> None:
        """Add, to the strongest candidates, how closely one of their questions (one
        line of the question field) says what the query says.

        A sentence is best answered by the tip whose own question says the same thing,
        not by one that has its words scattered about. The closeness of a question is
        the share of the query's words it holds (each word by its weight and rarity,
        a related word for less) times the share of the question's own words the query
        holds (its topic-less words counting little): a question of three words that
        shares two with the query is closer than one of twelve that shares the same
        two. The best question's closeness, times the best score of all, is added, so
        the lift is the same for a small library and a big one."""
        by_word: dict[str, float] = {}  # each query word's own mass
        mass: dict[str, tuple[str, float]] = {}  # term -> (its query word, its mass)
        for qt in terms:
            value = qt.weight * self._idf[qt.term]
            word = qt.reads or qt.query_word
            mass[qt.term] = (word, value)
            if qt.via in ("word", "close match"):
                by_word[word] = max(by_word.get(word, 0.0), value)
        for word, value in mass.values():  # a concept's or synonym's only source
            by_word.setdefault(word, value)
        total = sum(by_word.values())
        if not total or not scores:
            return
        top = max(scores.values())
        light, stop = self._light, _stop_stems()
        for doc in sorted(scores, key=lambda d: -scores[d])[:QUESTION_CANDIDATES]:
            best, best_line = 0.0, ""
            for line in self._text_of(doc).get(QUESTION_FIELD, "").split("\n"):
                own = {t for t in self._stems(line) if t not in stop}
                if not own:
                    continue
                shared: dict[str, float] = {}
                for term in own:
                    found = mass.get(term)
                    if found is not None and found[1] > shared.get(found[0], 0.0):
                        shared[found[0]] = found[1]
                if not shared:
                    continue
                of_query = sum(shared.values()) / total
                said = sum(LIGHT_WEIGHT if t in light else 1.0 for t in own)
                held = sum(LIGHT_WEIGHT if t in light else 1.0 for t in own if t in mass)
                closeness = of_query * (held / said) ** QUESTION_LENGTH_EXPONENT
                if closeness > best:
                    best, best_line = closeness, line
            if best:
                scores[doc] += QUESTION_BONUS * best * top
                matches.setdefault(doc, []).append(
                    Match(best_line, "question", "", (QUESTION_FIELD,))
                )

    def topic_words(self, query: str) -> list[tuple[str, str]]:
        """The query's words that name a topic, as typed, each with its stem."""
        found = [(w, self._stem(w)) for w in words(query) if w not in STOPWORDS]
        return [(word, term) for word, term in found if not self._is_light(term)]

    def coverage(self, query: str, hit: Hit) -> float:
        """How much of what the query is about `hit` answers, from 0 to 1: the share of
        the query's topic words (rare ones weighing more; a word no tip has, the most)
        the hit matched, a word met only through a related word or a concept for
        less. A best hit that covers little means no tip answers the question."""
        said = self.topic_words(query)
        if not said:
            return 1.0
        rarest = self.rarest_idf
        met: dict[str, float] = {}
        for match in hit.matches:
            if match.via in ("phrase", "question"):
                continue
            if match.own:
                value = FUZZY_WEIGHT if match.via == "close match" else 1.0
            else:
                value = CONCEPT_WEIGHT if match.via == "concept" else SYNONYM_WEIGHT
            for word in words(match.query_word):
                met[word] = max(met.get(word, 0.0), value)
        mass = {word: self._idf.get(term, rarest) for word, term in said}
        return sum(mass[w] * met.get(w, 0.0) for w in mass) / sum(mass.values())

    def suggestions(self, query: str, n: int = 3) -> list[str]:
        """Library words close to what was typed, for a "nothing found" message: whole
        words as the tips spell them ("specific"), not stems ("specif")."""
        close: list[str] = []
        for word in words(query):
            close += get_close_matches(
                self._stem(word), self._terms_starting(word[:1]), n=n, cutoff=0.7
            )
        spelled = self._spellings(close)
        return list(dict.fromkeys(spelled.get(term, term) for term in close))[:n]

    def _spellings(self, terms: Iterable[str]) -> dict[str, str]:
        """For each of `terms` (stems), the shortest word in the library that has it."""
        wanted = set(terms)
        spelled: dict[str, str] = {}
        known = self._word_stems or {w: self._stem(w) for w in self._words}
        for word, term in sorted(known.items(), key=lambda item: (len(item[0]), item[0])):
            if term in wanted:
                spelled.setdefault(term, word)
        return spelled


def common_idf(count: int) -> float:
    """The idf of a word in 2% of the documents (and at least in 100 of them): below it,
    a light word is skipped."""
    df = max(100, count / 50)
    return math.log(1 + (count - df + 0.5) / (df + 0.5))


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in STOPWORDS)


def _contains(sequence: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    if n == 0 or n > len(sequence):
        return False
    first = part[0]
    return any(
        sequence[i] == first and list(sequence[i : i + n]) == list(part)
        for i in range(len(sequence) - n + 1)
    )


def highlight_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words in `text` whose stem is one of `terms`."""
    if not terms:
        return []
    spans = []
    for match in re.finditer(r"[0-9A-Za-zÀ-ÿ]+", text):
        if stem(_fold(match.group())) in terms:
            spans.append((match.start(), match.end()))
    return spans

"""A small full-text search engine for tips (and glossary terms).

Parents type what is on their mind: "signing", "lawyer", "they rush us", "advocat".
So the engine
- reduces words to their stems ("signing", "signed" → "sign"; Snowball stemmer),
- widens the query with related words from a curated synonym list (lawyer → advocate),
- forgives typos and cut-off words by matching the closest words in the library,
- ranks with BM25 over weighted fields (a match in a title counts more than in a body),
- and gives a bonus when the words appear together as a phrase ("take it home").

It is pure Python over plain data, so it runs anywhere and is easy to test.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, accents and punctuation dropped."""
    return _WORD.findall(_fold(text))


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stems(text: str, *, keep_stopwords: bool = False) -> list[str]:
    return [stem(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]


@dataclass(frozen=True)
class Match:
    """Why a document matched: which query word, through what, in which field."""

    query_word: str
    via: str  # "word", "synonym", "close match" or "phrase"
    term: str  # the stem that matched
    fields: tuple[str, ...]


@dataclass
class Hit:
    id: str
    score: float
    matches: list[Match] = field(default_factory=list)

    @property
    def terms(self) -> set[str]:
        """Stems to highlight."""
        return {match.term for match in self.matches if match.via != "phrase"}


@dataclass(frozen=True)
class _QueryTerm:
    term: str
    weight: float
    query_word: str
    via: str


class SearchIndex:
    """BM25F over a few named fields per document."""

    def __init__(
        self,
        documents: Sequence[tuple[str, Mapping[str, str]]],
        *,
        field_weights: Mapping[str, float],
        synonyms: Sequence[Sequence[str]] = (),
    ) -> None:
        self.field_weights = dict(field_weights)
        self.ids = [doc_id for doc_id, _ in documents]
        self._tf: list[dict[str, Counter[str]]] = []
        self._sequences: list[dict[str, list[str]]] = []
        lengths: dict[str, list[int]] = {name: [] for name in self.field_weights}
        df: Counter[str] = Counter()
        for _, fields in documents:
            per_field: dict[str, Counter[str]] = {}
            sequences: dict[str, list[str]] = {}
            seen: set[str] = set()
            for name in self.field_weights:
                sequence = stems(fields.get(name, ""), keep_stopwords=True)
                sequences[name] = sequence
                counted = Counter(t for t in sequence if t not in _STOP_STEMS)
                per_field[name] = counted
                lengths[name].append(sum(counted.values()))
                seen.update(counted)
            df.update(seen)
            self._tf.append(per_field)
            self._sequences.append(sequences)
        self._avg = {name: (sum(v) / len(v) if v else 0.0) or 1.0 for name, v in lengths.items()}
        self._lengths = lengths
        count = len(documents)
        self._idf = {term: math.log(1 + (count - n + 0.5) / (n + 0.5)) for term, n in df.items()}
        self._synonyms = [[stems(entry) for entry in group] for group in synonyms]

    @property
    def vocabulary(self) -> list[str]:
        return list(self._idf)

    def _expand(self, query: str) -> list[_QueryTerm]:
        query_words = [w for w in words(query) if w not in STOPWORDS]
        query_stems = [stem(w) for w in query_words]
        terms: list[_QueryTerm] = []
        for word, term in zip(query_words, query_stems, strict=True):
            if term in self._idf:
                terms.append(_QueryTerm(term, 1.0, word, "word"))
            else:
                for close in self._close_terms(term):
                    terms.append(_QueryTerm(close, FUZZY_WEIGHT, word, "close match"))
        # Synonym groups whose member (one word or a phrase) appears in the query.
        for group in self._synonyms:
            hit_member = next((m for m in group if m and _contains(query_stems, m)), None)
            if hit_member is None:
                continue
            shown = " ".join(hit_member)
            for member in group:
                for term in member:
                    if term in self._idf and term not in query_stems:
                        terms.append(_QueryTerm(term, SYNONYM_WEIGHT, shown, "synonym"))
        best: dict[str, _QueryTerm] = {}
        for qt in terms:
            if qt.term not in best or qt.weight > best[qt.term].weight:
                best[qt.term] = qt
        return list(best.values())

    def _close_terms(self, term: str) -> list[str]:
        if len(term) < 3:
            return []
        prefixed = [t for t in self._idf if len(term) >= 4 and t.startswith(term)]
        if prefixed:
            return sorted(prefixed, key=lambda t: -self._idf[t])[:3]
        return get_close_matches(term, self._idf.keys(), n=2, cutoff=0.8)

    def search(self, query: str, *, limit: int | None = 10) -> list[Hit]:
        terms = self._expand(query)
        if not terms:
            return []
        phrase = stems(query, keep_stopwords=True)
        hits: list[Hit] = []
        for index, per_field in enumerate(self._tf):
            score = 0.0
            matches: list[Match] = []
            for qt in terms:
                weighted_tf = 0.0
                fields_hit: list[str] = []
                for name, weight in self.field_weights.items():
                    tf = per_field[name].get(qt.term, 0)
                    if not tf:
                        continue
                    norm = 1 - B + B * self._lengths[name][index] / self._avg[name]
                    weighted_tf += weight * tf / norm
                    fields_hit.append(name)
                if weighted_tf:
                    score += (
                        qt.weight * self._idf[qt.term] * weighted_tf * (K1 + 1) / (weighted_tf + K1)
                    )
                    matches.append(Match(qt.query_word, qt.via, qt.term, tuple(fields_hit)))
            if not score:
                continue
            if len(phrase) > 1:
                in_fields = tuple(
                    name
                    for name, sequence in self._sequences[index].items()
                    if _contains(sequence, phrase)
                )
                if in_fields:
                    score *= PHRASE_BONUS
                    matches.append(Match(query.strip(), "phrase", " ".join(phrase), in_fields))
            hits.append(Hit(self.ids[index], round(score, 4), matches))
        hits.sort(key=lambda hit: (-hit.score, self.ids.index(hit.id)))
        return hits if limit is None else hits[:limit]

    def suggestions(self, query: str, n: int = 3) -> list[str]:
        """Library words close to what was typed, for a "nothing found" message."""
        found: list[str] = []
        for word in words(query):
            found.extend(get_close_matches(stem(word), self._idf.keys(), n=n, cutoff=0.6))
        return list(dict.fromkeys(found))[:n]


_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)


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

"""Searching the tip library: the tip documents, the concept layer and the results.

A search gives a `SearchResults`: the ranked tips (each with the sentence of the tip
that best answers the query) and the glossary terms the query names, shown above the
tips so "504 vs iep" starts with what Section 504 is. The index of a library read
from files is cached on disk under the library's `source_key`, apart from the
library itself: a plan never pays for reading it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from iepprep.core.common.textsearch import STOPWORDS, Concept, Hit, SearchIndex, stems, words
from iepprep.core.content.library import Library, bundled_text, tip_fields
from iepprep.core.content.models import Tip
from iepprep.core.i18n.messages import _, ngettext
from iepprep.core.search.concepts import ConceptsFile
from iepprep.core.search.store import STORE_FORMAT, StoredIndex, write_store
from iepprep.core.storage.cache import construct
from iepprep.errors import IepprepError

if TYPE_CHECKING:
    from iepprep.core.content.reference import Glossary, GlossaryTerm

# A parent's own question ("asks") is the closest thing to the query; then the title.
TIP_FIELDS = {"title": 2.5, "asks": 0.3, "topics": 1.5, "body": 1.0, "why": 0.8}
MAX_GLOSSARY_TERMS = 3
# A result shown must score at least this share of the best one: a tired parent reads
# the few tips that answer, not eight where the last five barely touch the question.
CLOSE_TO_BEST = 0.35
# When the best tip covers less than this share of the query's topic words (see
# `SearchIndex.coverage`), no tip answers it: "how do I get insurance to pay for ABA"
# shows the few closest tips, said to be only that. Measured on the tuning, dev and
# keyword sets: every right first answer covers at least 0.21 (most above 0.3); a
# question on the same words as a tip ("summer camp", ESY's "summer") still passes.
COVERAGE_FLOOR = 0.2
CLOSEST_SHOWN = 3


@dataclass(frozen=True)
class TipHit:
    tip: Tip
    hit: Hit
    answer: str = ""  # the sentence of the tip that best answers the query

    @property
    def score(self) -> float:
        return self.hit.score


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[TipHit]
    glossary: list[GlossaryTerm] = field(default_factory=list)
    # What the query was understood to be about ("discipline and the manifestation
    # determination"), from the concept layer.
    about: list[str] = field(default_factory=list)
    # No tip answers the query exactly: `hits` are the few closest ones.
    closest: bool = False

    def __bool__(self) -> bool:
        return bool(self.hits or self.glossary)


# Acronyms that appear in nearly every tip: widening a query with them only adds noise.
_TOO_COMMON = {"IEP", "IDEA"}


def load_synonyms() -> list[list[str]]:
    """The curated synonym groups, plus each glossary acronym with its expansion."""
    from iepprep.core.content.datafiles import parse_yaml
    from iepprep.core.content.reference import load_glossary

    data = parse_yaml(bundled_text("synonyms.yaml"), name="synonyms.yaml")
    groups = [list(map(str, group)) for group in data["groups"]]
    for entry in load_glossary().terms:
        if entry.expansion and entry.term not in _TOO_COMMON:
            groups.append([entry.term, entry.expansion, *entry.aliases])
    return groups


def load_concepts() -> ConceptsFile:
    """The concept layer (concepts.yaml), validated; its glossary names must exist."""
    from iepprep.core.content.datafiles import describe_list_item, parse_yaml, validate
    from iepprep.core.content.reference import load_glossary
    from iepprep.errors import DataFileError

    name = "concepts.yaml"
    concepts = validate(
        ConceptsFile,
        parse_yaml(bundled_text(name), name=name),
        name=name,
        describe_item=describe_list_item("concepts", "concept"),
    )
    glossary = load_glossary()
    for entry in concepts.concepts:
        if entry.glossary and glossary.get(entry.glossary) is None:
            raise DataFileError(f"{name}: {entry.glossary!r} is not in the glossary.")
        said = [w for text in entry.says for w in words(text)]
        if all(w in STOPWORDS for w in said):  # "me", "on": they name nothing alone
            raise DataFileError(
                f"{name}: the concept {entry.says} says only stop words; name it by the "
                "words that carry its meaning."
            )
    return concepts


class Searchable(Protocol):
    """What a search needs of a library: its tips by id and what identifies its files."""

    @property
    def tips(self) -> Mapping[str, Tip]: ...

    @property
    def source_key(self) -> str: ...

    @property
    def language(self) -> str: ...

    @property
    def tip_topics(self) -> list[str]: ...


class IndexedLibrary:
    """A library as `tips search` sees it: the stored index, and only the tips it shows.

    The whole library (every tip parsed, validated and indexed) is loaded only when
    the store is missing or unusable: the first search after a change.
    """

    def __init__(self, source_key: str, load: Callable[[], Library]) -> None:
        self.source_key = source_key
        self._load = load

    @cached_property
    def index(self) -> SearchIndex:
        return _stored_index(self.source_key, lambda: self._loaded)

    language = "en"  # a translated library is searched whole (see `open_for_search`)

    @cached_property
    def _loaded(self) -> Library:
        return self._load()

    @property
    def tips(self) -> Mapping[str, Tip]:
        index = self.index
        return _StoredTips(index) if isinstance(index, StoredIndex) else self._loaded.tips

    @property
    def tip_topics(self) -> list[str]:
        index = self.index
        if isinstance(index, StoredIndex):
            return list(index.meta["topics"])
        return self._loaded.tip_topics


def open_for_search(extra_tips: Sequence[Path] = ()) -> Searchable:
    """The bundled library plus `extra_tips`, ready to search without reading it all
    (in another language than English: the translated library, with its own index)."""
    from iepprep.core.content.library import library_key, load_library
    from iepprep.core.i18n.language import current

    if current() != "en":
        return load_library(extra_tips)
    return IndexedLibrary(library_key(extra_tips), lambda: load_library(extra_tips))


class _StoredTips(Mapping[str, Tip]):
    """Tips by id from the index store, each built when it is shown."""

    def __init__(self, index: StoredIndex) -> None:
        self._index = index

    def __getitem__(self, tip_id: str) -> Tip:
        found = self._index.tip_json(tip_id)
        if found is None:
            raise KeyError(tip_id)
        return construct(Tip, json.loads(found))

    def __iter__(self) -> Iterator[str]:
        return self._index.tip_ids()

    def __len__(self) -> int:
        return self._index.meta["count"]  # type: ignore[no-any-return]


_last_index: dict[str, SearchIndex] = {}  # source_key -> the index read last


def tip_index(library: Searchable) -> SearchIndex:
    """The library's search index: the stored one, or built now (and stored); a
    translated library's own index in its language."""
    if isinstance(library, IndexedLibrary):
        return library.index
    if library.language != "en":
        from iepprep.core.search.translated import translated_tip_index

        return translated_tip_index(cast(Library, library))
    if not library.source_key:
        return build_tip_index(library)
    return _stored_index(library.source_key, lambda: cast(Library, library))


def _stored_index(source_key: str, load: Callable[[], Library]) -> SearchIndex:
    """The index stored for `source_key`; built from `load()` and stored when missing."""
    found = _last_index.get(source_key)
    if found is not None:
        return found
    path = _store_path(source_key)
    try:
        found = StoredIndex.open(path)
    except (OSError, sqlite3.Error, ValueError):
        library = load()
        found = build_tip_index(library)
        with suppress(OSError, sqlite3.Error, IepprepError):  # unwritable: only slower
            write_store(
                path,
                found,
                lambda tip_id: library.tips[tip_id].model_dump_json(exclude_defaults=True),
                {"topics": library.tip_topics},
            )
    _last_index.clear()
    _last_index[source_key] = found
    return found


def _store_path(source_key: str) -> Path:
    import hashlib

    from iepprep import __version__
    from iepprep.core.storage.files import cache_dir

    # The weights are in the key too: a changed weight must not read an old index.
    name = f"{__version__}\0{STORE_FORMAT}\0{TIP_FIELDS}\0{source_key}".encode()
    return cache_dir() / f"tip-index-{hashlib.sha256(name).hexdigest()[:40]}.sqlite"


def build_tip_index(library: Searchable) -> SearchIndex:
    concepts = load_concepts()
    documents = [(tip.id, tip_fields(tip)) for tip in library.tips.values()]
    return SearchIndex(
        documents,
        field_weights=TIP_FIELDS,
        synonyms=load_synonyms(),
        concepts=[
            Concept(
                # Its stop words too: [listen, me] needs "me" ("they don't listen to me").
                tuple(term for said in entry.says for term in stems(said, keep_stopwords=True)),
                tuple(dict.fromkeys(term for meant in entry.means for term in stems(meant))),
                entry.about,
                entry.glossary,
                tuple(term for word in entry.unless for term in stems(word)),
            )
            for entry in concepts.concepts
        ],
        light_words=concepts.light_words,
    )


def search_tips(library: Searchable, query: str, *, limit: int | None = 10) -> list[TipHit]:
    index = tip_index(library)
    found = []
    for hit in index.search(query, limit=limit):
        tip = library.tips[hit.id]
        answer = answer_sentence(tip.body, hit.own_terms, hit.related_terms)
        found.append(TipHit(tip, hit, answer))
    return found


def search(library: Searchable, query: str, *, limit: int | None = 10) -> SearchResults:
    """Tips for `query`, best first, with the glossary terms it names."""
    from iepprep.core.content.reference import load_glossary

    concepts = tip_index(library).concepts_in(query)
    glossary = load_glossary()
    named = glossary_terms_named(glossary, query)
    for concept in concepts:  # "dyslexia" names SLD (an alias); "summer" names no ESY
        entry = glossary.get(concept.glossary) if concept.glossary else None
        if entry is not None and entry not in named and _names(entry, query):
            named.append(entry)
    hits = search_tips(library, query, limit=limit)
    closest = bool(hits) and tip_index(library).coverage(query, hits[0].hit) < COVERAGE_FLOOR
    return SearchResults(
        query=query,
        hits=hits[:CLOSEST_SHOWN] if closest else close_to_best(hits),
        glossary=named[:MAX_GLOSSARY_TERMS],
        about=list(dict.fromkeys(concept.about for concept in concepts)),
        closest=closest,
    )


def _names(entry: GlossaryTerm, query: str) -> bool:
    """Whether `query` holds one of the entry's names (its term, expansion or an
    alias) as whole words: a definition is shown for a word the parent used, never
    for one a concept read into the query."""
    from iepprep.core.content.reference import normalize

    padded = f" {normalize(query)} "
    return any(f" {normalize(name)} " in padded for name in entry.names if normalize(name))


def close_to_best(hits: list[TipHit], share: float = CLOSE_TO_BEST) -> list[TipHit]:
    """The hits that score at least `share` of the best one (the best always)."""
    if not hits:
        return hits
    floor = share * hits[0].score
    return [hits[0], *(hit for hit in hits[1:] if hit.score >= floor)]


def glossary_terms_named(glossary: Glossary, query: str) -> list[GlossaryTerm]:
    """The glossary terms a query names outright: "504", "FBA", "least restrictive".

    A term counts when the query holds its name, its expansion or an alias as whole
    words. A one-word name that is an everyday word ("team", "goals", "records") counts
    only when it is the whole query; IEP and IDEA, which nearly every query mentions,
    count only in a short query that names another term too ("504 vs IEP").
    """
    from iepprep.core.content.reference import normalize

    key = normalize(query)
    padded = f" {key} "
    found: list[GlossaryTerm] = []
    common: list[GlossaryTerm] = []
    for entry in glossary.terms:
        for name in entry.names:
            wanted = normalize(name)
            if not wanted or f" {wanted} " not in padded:
                continue
            everyday = " " not in wanted and not _looks_like_a_term(name)
            if everyday and wanted != key:
                continue
            if wanted in _SMALL_WORDS and name not in query and wanted != key:
                continue  # "upset at homework" is not about AT (Assistive Technology)
            if entry.term in _TOO_COMMON and wanted != key:
                common.append(entry)
            elif entry not in found:
                found.append(entry)
            break
    if found and len(key.split()) <= 4:
        found += [entry for entry in common if entry not in found]
    return found


# Acronyms that are also small English words count only as typed in capitals.
_SMALL_WORDS = frozenset({"at", "it", "as", "is", "or", "in", "on", "an", "us", "am", "so", "up"})


def _looks_like_a_term(name: str) -> bool:
    """An acronym or a number ("FBA", "504", "P&A"), not an everyday word."""
    return bool(re.fullmatch(r"[A-Z0-9&.]{2,8}", name)) or any(ch.isdigit() for ch in name)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`(])")


def answer_sentence(
    body: str,
    terms: Collection[str] | Mapping[str, float],
    related: Mapping[str, float] | None = None,
) -> str:
    """The sentence of `body` that holds most of the parent's own matched words
    (`terms`, each by its weight), the earlier one on a tie: what a tired parent
    reads instead of the whole tip. Words met only through a related word or a
    concept (`related`) choose only when no sentence holds a word of the parent's;
    the first sentence when none holds either."""
    sentences = [s.strip() for s in _SENTENCE_END.split(" ".join(body.split())) if s.strip()]
    if not sentences:
        return body
    from iepprep.core.i18n.language import is_spanish
    from iepprep.core.i18n.search import spanish_search_terms

    # In Spanish the terms are Spanish stems (core/i18n/search.py).
    terms_of = spanish_search_terms if is_spanish() else (lambda text: set(stems(text)))
    held = [terms_of(sentence) for sentence in sentences]
    for wanted in (terms, related or {}):
        weights = wanted if isinstance(wanted, Mapping) else dict.fromkeys(wanted, 1.0)
        covered = [sum(weights[t] for t in found if t in weights) for found in held]
        best = max(covered)
        if best > 0:
            return sentences[covered.index(best)]
    return sentences[0]


def suggest(library: Searchable, query: str) -> list[str]:
    return tip_index(library).suggestions(query)


def reasons(hit: TipHit) -> list[str]:
    """Why a tip matched, in words a parent reads: the parents' question it answers,
    then which of the parent's words (as typed) met which words of the tip. No stems,
    no scores, and no reason built on a word that names no topic ("my", "son")."""
    from iepprep.core.i18n.language import is_spanish

    fields = tip_fields(hit.tip)
    said: list[str] = []
    # Typed word(s) -> the tip's words they met as themselves, and through a related
    # word or a concept: the first are the reason; the second only when alone.
    own: dict[str, list[str]] = {}
    related: dict[str, list[str]] = {}
    for match in hit.hit.matches:
        if match.via == "question":
            asked = _spanish_ask(match.query_word, fields) if is_spanish() else match.query_word
            said.insert(
                0, _("parents ask it this way: \u201c{question}\u201d").format(question=asked)
            )
        elif match.via == "phrase":
            said.append(
                _("it has your words together: \u201c{words}\u201d").format(words=match.query_word)
            )
        elif match.topical:  # "my", "son": no reason
            theirs = _spelled(match.term, fields, match.fields)
            kind = own if match.own else related
            held = kind.setdefault(match.query_word, [])
            if theirs is not None and theirs not in held:
                held.append(theirs)
    for typed in dict.fromkeys([*own, *related]):
        if own.get(typed):
            quoted = ", ".join(f"\u201c{word}\u201d" for word in own[typed][:3])
            line = _("you wrote \u201c{word}\u201d; the tip says {its}").format(
                word=typed, its=quoted
            )
        elif related.get(typed):
            near = related[typed][:3]
            quoted = ", ".join(f"\u201c{word}\u201d" for word in near)
            line = ngettext(
                "you wrote \u201c{word}\u201d; the tip says {its}, a related word",
                "you wrote \u201c{word}\u201d; the tip says {its}, related words",
                len(near),
            ).format(word=typed, its=quoted)
        else:
            continue
        said.append(line)
    return list(dict.fromkeys(said))


def _spelled(term: str, fields: dict[str, str], where: tuple[str, ...]) -> str | None:
    """The word, as the tip spells it, whose stem is `term`."""
    from iepprep.core.common.textsearch import stem, words
    from iepprep.core.i18n.language import is_spanish

    if is_spanish():  # Spanish stems; the word keeps its accents
        from iepprep.core.i18n.fallback import fold
        from iepprep.core.i18n.search import spanish_stem

        for name in (*where, *fields):
            for found in re.finditer(r"[0-9A-Za-zÀ-ÿ]+", fields.get(name, "")):
                if spanish_stem(fold(found.group())) == term:
                    return found.group().lower()
        return None
    for name in (*where, *fields):
        for word in words(fields.get(name, "")):
            if stem(word) == term:
                return word
    return None


def _spanish_ask(stems: str, fields: dict[str, str]) -> str:
    """The tip's own question a stemmed one came from, as parents wrote it."""
    from iepprep.core.i18n.search import spanish_search_terms

    wanted = set(stems.split())
    asks = [line for line in fields.get("asks", "").split("\n") if line.strip()]
    best = max(asks, key=lambda ask: len(spanish_search_terms(ask) & wanted), default="")
    return best or stems

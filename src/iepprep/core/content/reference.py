"""Reference content: the glossary, the rights summary and the state notes.

Every entry carries a citation or a public source; loading fails if one does not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from iepprep.core.content.datafiles import describe_list_item, parse_yaml, validate
from iepprep.core.content.library import bundled_text
from iepprep.core.content.models import Applies
from iepprep.core.family.profile import US_STATES
from iepprep.core.i18n.fallback import fold, marked
from iepprep.core.storage.cache import cached, construct

if TYPE_CHECKING:
    from iepprep.core.common.textsearch import SearchIndex

Url = Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class GlossaryTerm(Strict):
    term: Annotated[str, Field(min_length=2, max_length=60)]
    expansion: Annotated[str, Field(max_length=120)] | None = None
    aliases: list[str] = []
    definition: Annotated[str, Field(min_length=10, max_length=600)]
    example: Annotated[str, Field(max_length=200)] | None = None
    see_also: list[str] = []
    citation: Annotated[str, Field(max_length=160)] | None = None
    source: Url | None = None
    varies_by_state: bool = False
    applies: Applies = Applies.model_construct()  # no validation at import: keeps start-up fast
    priority: Annotated[int, Field(ge=1, le=3)] = 3

    @model_validator(mode="after")
    def _sourced(self) -> GlossaryTerm:
        if not (self.citation or self.source):
            raise ValueError(f"{self.term!r} needs a citation or a source")
        return self

    @property
    def names(self) -> list[str]:
        """Every way to look this term up."""
        return [self.term, *([self.expansion] if self.expansion else []), *self.aliases]

    @property
    def heading(self) -> str:
        return f"{self.term} ({self.expansion})" if self.expansion else self.term

    def json_data(self) -> dict[str, object]:
        return {
            "term": self.term,
            "expansion": self.expansion,
            "definition": self.definition,
            "see_also": list(self.see_also),
            "citation": self.citation,
            "source": self.source,
            "example": self.example,
            "aliases": list(self.aliases),
            "varies_by_state": self.varies_by_state,
        }


class GlossaryFile(Strict):
    version: Literal[1] = 1
    terms: list[GlossaryTerm]

    @model_validator(mode="after")
    def _consistent(self) -> GlossaryFile:
        owner: dict[str, str] = {}
        for entry in self.terms:
            for name in entry.names:
                key = normalize(name)
                if key in owner and owner[key] != entry.term:
                    raise ValueError(f"{name!r} names both {owner[key]!r} and {entry.term!r}")
                owner[key] = entry.term
        for entry in self.terms:
            for other in entry.see_also:
                if normalize(other) not in owner:
                    raise ValueError(f"{entry.term!r} refers to {other!r}, which is not a term")
        return self


class Right(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    title: Annotated[str, Field(min_length=5, max_length=80)]
    text: Annotated[str, Field(min_length=20, max_length=1200)]
    citation: Annotated[str, Field(min_length=5, max_length=160)]
    varies_by_state: bool
    state_note: Annotated[str, Field(max_length=400)] | None = None

    @model_validator(mode="after")
    def _note_when_varies(self) -> Right:
        if self.varies_by_state and not self.state_note:
            raise ValueError(f"right {self.id!r} varies by state but says nothing about how")
        return self

    def json_data(self) -> dict[str, object]:
        return self.model_dump(mode="json")


class RightsFile(Strict):
    version: Literal[1] = 1
    rights: list[Right]


class StateNote(Strict):
    """One way a state differs, from the state's own statute, regulation or agency page.

    `checked` is the day the note was last compared with that text: state rules change,
    and a parent deserves to know how fresh a figure is.
    """

    text: Annotated[str, Field(min_length=10, max_length=500)]
    source: Url
    citation: Annotated[str, Field(max_length=120)] | None = None
    checked: Annotated[dt.date, Field(ge=dt.date(2020, 1, 1))]


class StateInfo(Strict):
    meeting_name: Annotated[str, Field(max_length=120)] | None = None
    meeting_name_source: Url | None = None
    notes: list[StateNote] = []

    @model_validator(mode="after")
    def _name_sourced(self) -> StateInfo:
        if self.meeting_name and not self.meeting_name_source:
            raise ValueError("a state's meeting name needs a source")
        return self


class StatesFile(Strict):
    version: Literal[1] = 1
    states: dict[str, StateInfo]

    @model_validator(mode="after")
    def _known_codes(self) -> StatesFile:
        unknown = [code for code in self.states if code not in US_STATES]
        if unknown:
            raise ValueError(f"unknown state codes: {', '.join(unknown)}")
        return self


def normalize(text: str) -> str:
    """Lookup key: lower case, punctuation dropped (keeps & and digits), spaces folded."""
    return " ".join(re.sub(r"[^0-9a-z&]+", " ", text.lower()).split())


@dataclass(frozen=True)
class Glossary:
    terms: list[GlossaryTerm]

    @cached_property
    def _by_name(self) -> dict[str, GlossaryTerm]:
        return {normalize(name): entry for entry in self.terms for name in entry.names}

    def get(self, name: str) -> GlossaryTerm | None:
        return self._by_name.get(normalize(name))

    def find(self, query: str) -> GlossaryTerm | None:
        """The entry `query` names: by a name or alias, else the best search hit when
        every word asked for is in one of its names ("least restrictive" finds LRE)."""
        entry = self.get(query)
        if entry is not None:
            return entry
        matches = self.search(query, limit=1)
        wanted = set(normalize(query).split())
        if matches and wanted <= set(normalize(" ".join(matches[0].names)).split()):
            return matches[0]
        return None

    @cached_property
    def acronyms(self) -> dict[str, GlossaryTerm]:
        """Terms written in capitals with an expansion (FAPE, FBA, IEP, …)."""
        return {
            entry.term: entry
            for entry in self.terms
            if entry.expansion and re.fullmatch(r"[A-Z][A-Z&]{1,6}", entry.term)
        }

    @cached_property
    def _index(self) -> SearchIndex:
        """The terms' search index, built on the first search and kept for the next."""
        from iepprep.core.common.textsearch import SearchIndex

        return SearchIndex(
            [
                (
                    entry.term,
                    {"names": " ".join(entry.names), "definition": entry.definition},
                )
                for entry in self.terms
            ],
            field_weights={"names": 3.0, "definition": 1.0},
        )

    @cached_property
    def _by_term(self) -> dict[str, GlossaryTerm]:
        return {entry.term: entry for entry in self.terms}

    def search(self, query: str, limit: int = 5) -> list[GlossaryTerm]:
        """Terms ranked for a free-text query, by the same engine as tip search."""
        return [self._by_term[hit.id] for hit in self._index.search(query, limit=limit)]

    def suggestions(self, query: str, n: int = 4) -> list[str]:
        from difflib import get_close_matches

        key = normalize(query)
        close = get_close_matches(key, list(self._by_name), n=n, cutoff=0.6)
        found = [self._by_name[name].term for name in close]
        found += [entry.term for entry in self.search(query, limit=n)]
        return list(dict.fromkeys(found))[:n]


def load_glossary() -> Glossary:
    """The glossary, validated once and then served from the cache."""
    name = "glossary.yaml"

    def build() -> list[dict[str, object]]:
        parsed = validate(
            GlossaryFile,
            parse_yaml(bundled_text(name), name=name),
            name=name,
            describe_item=describe_list_item("terms", "term"),
        )
        return [entry.model_dump(mode="json", exclude_defaults=True) for entry in parsed.terms]

    glossary = cached(
        "glossary",
        [bundled_text(name)],
        build,
        lambda data: Glossary([construct(GlossaryTerm, entry) for entry in data]),
    )
    from iepprep.core.i18n.language import current

    if current() == "en":
        return glossary

    return localize_glossary(glossary, current())


def load_rights() -> list[Right]:
    name = "rights.yaml"
    parsed = validate(
        RightsFile,
        parse_yaml(bundled_text(name), name=name),
        name=name,
        describe_item=describe_list_item("rights", "right"),
    )
    from iepprep.core.i18n.language import current

    return localize_rights(parsed.rights, current())


def load_states() -> dict[str, StateInfo]:
    """The state notes, validated once and then served from the cache."""
    name = "states.yaml"

    def build() -> dict[str, object]:
        parsed = validate(StatesFile, parse_yaml(bundled_text(name), name=name), name=name)
        return {code: info.model_dump(mode="json") for code, info in parsed.states.items()}

    states = cached(
        "states",
        [bundled_text(name)],
        build,
        lambda data: {code: construct(StateInfo, info) for code, info in data.items()},
    )
    from iepprep.core.i18n.language import current

    return localize_states(states, current())


# ------------------------------------------------------------------ in other languages
# The same entries with a translation's words (`data/<lang>/`); an entry with no
# translation keeps its English, marked (see `iepprep.core.i18n.fallback`).


def _english_label(entry: GlossaryTerm) -> str:
    return f"{entry.term}, {entry.expansion}" if entry.expansion else entry.term


def localize_glossary_terms(terms: Sequence[GlossaryTerm], lang: str) -> list[GlossaryTerm]:
    """Each term under its name in `lang`, with the English term (and what it stands
    for) as its expansion: "Ubicación (Placement)", "Aviso previo por escrito (PWN,
    Prior Written Notice)". The English names still find it."""
    from iepprep.core.content.library import cached_translation

    text = cached_translation(lang, "glossary.yaml")
    if lang == "en" or text is None:
        return list(terms)
    spanish_name = {
        entry.term: text.terms[entry.term].term for entry in terms if entry.term in text.terms
    }
    by_name = {fold(name): entry.term for entry in terms for name in entry.names}
    localized = []
    for entry in terms:
        translated = text.terms.get(entry.term)
        if translated is None:
            localized.append(
                entry.model_copy(update={"definition": marked(entry.definition, lang)})
            )
            continue
        names = [translated.term, *translated.aliases]
        folded = [fold(name) for name in names if fold(name) != name.casefold()]
        see_also = [
            spanish_name.get(by_name.get(fold(other), other), other) for other in entry.see_also
        ]
        localized.append(
            entry.model_copy(
                update={
                    "term": translated.term,
                    "expansion": _english_label(entry),
                    "aliases": list(dict.fromkeys([*names[1:], *folded, *entry.names])),
                    "definition": translated.definition,
                    "example": translated.example,
                    "see_also": see_also,
                }
            )
        )
    return localized


class TranslatedGlossary(Glossary):
    """The glossary in another language: looked up and searched with its words (accents
    optional); the English acronyms are still spelled out where a plan first uses them."""

    @cached_property
    def acronyms(self) -> dict[str, GlossaryTerm]:
        found = {}
        for entry in self.terms:
            english = (entry.expansion or "").split(",")[0]
            if english and english.upper() == english and 2 <= len(english) <= 7:
                found[english] = entry.model_copy(update={"expansion": entry.term.lower()})
        return found

    @cached_property
    def _index(self) -> SearchIndex:
        from iepprep.core.i18n.search import SpanishIndex

        return SpanishIndex(
            [
                (e.term, {"names": " ".join(e.names), "definition": e.definition})
                for e in self.terms
            ],
            field_weights={"names": 3.0, "definition": 1.0},
        )

    def get(self, name: str) -> GlossaryTerm | None:
        return super().get(name) or super().get(fold(name))


def localize_glossary(glossary: Glossary, lang: str) -> Glossary:
    """The glossary in `lang`, or `glossary` itself in English."""
    from iepprep.core.content.library import cached_translation

    if lang == "en" or cached_translation(lang, "glossary.yaml") is None:
        return glossary
    return TranslatedGlossary(localize_glossary_terms(glossary.terms, lang))


def localize_rights(rights: Sequence[Right], lang: str) -> list[Right]:
    from iepprep.core.i18n.content import rights_text

    text = rights_text(lang)
    if lang == "en" or text is None:
        return list(rights)
    localized = []
    for right in rights:
        translated = text.rights.get(right.id)
        if translated is None:
            localized.append(right.model_copy(update={"title": marked(right.title, lang)}))
        else:
            localized.append(
                right.model_copy(
                    update={
                        "title": translated.title,
                        "text": translated.text,
                        "state_note": translated.state_note or right.state_note,
                    }
                )
            )
    return localized


def localize_states(states: Mapping[str, StateInfo], lang: str) -> dict[str, StateInfo]:
    """The state notes in `lang`. A note's translation is found by the English it
    translates: an English note that changed shows in English, marked, until it is
    translated again."""
    from iepprep.core.i18n.content import states_text

    text = states_text(lang)
    if lang == "en" or text is None:
        return dict(states)
    localized = {}
    for code, info in states.items():
        translated = text.states.get(code)
        by_english = {_words(n.en): n.text for n in translated.notes} if translated else {}
        notes = [
            note.model_copy(
                update={"text": by_english.get(_words(note.text)) or marked(note.text, lang)}
            )
            for note in info.notes
        ]
        name = info.meeting_name
        if name and translated and translated.meeting_name:
            name = translated.meeting_name
        localized[code] = info.model_copy(update={"notes": notes, "meeting_name": name})
    return localized


def _words(text: str) -> str:
    return " ".join(text.split())

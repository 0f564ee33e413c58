"""Content in the chosen language: the same models, with the translated words.

Each function takes the English content, as loaded and validated, and returns it with
the words of `lang` in place; everything else (ids, phases, who it is for, citations,
sources) is the English entry's own. So the planner, search and every renderer work
unchanged on translated content.

Fallback: an entry with no translation keeps its English words, marked with
`IN_ENGLISH`, never a blank or a key. That is how a parent group's own `--tips` file
shows in a Spanish plan when it has no Spanish text.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from iepprep.core.i18n import content
from iepprep.core.i18n.language import ENGLISH

if TYPE_CHECKING:
    from iepprep.core.content import Question, Tip, Topic
    from iepprep.core.i18n.translations import TipText
    from iepprep.core.letters import LetterSpec
    from iepprep.core.library import Library
    from iepprep.core.questionnaire import Questionnaire
    from iepprep.core.reference import GlossaryTerm, Right, StateInfo
    from iepprep.core.review import SignCheck
    from iepprep.core.textsearch import SearchIndex

# Shown before a text that has no translation yet, by language.
IN_ENGLISH = {"es": "(en inglés) "}


def marked(text: str, lang: str) -> str:
    """English `text`, marked as English for a reader of `lang`."""
    mark = IN_ENGLISH.get(lang, "")
    return text if not mark or text.startswith(mark) else mark + text


def fold(text: str) -> str:
    """Lower case without accents: 'Ubicación' -> 'ubicacion'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ------------------------------------------------------------------ tips and questions


def localize_tip(tip: Tip, text: TipText | None, lang: str) -> Tip:
    if text is None:
        return tip.model_copy(update={"title": marked(tip.title, lang)})
    return tip.model_copy(
        update={"title": text.title, "body": text.body, "why": text.why, "asks": list(text.asks)}
    )


class LocalizedTips(Mapping[str, "Tip"]):
    """Tips by id, each translated when first used (a search shows only a few)."""

    def __init__(self, tips: Mapping[str, Tip], texts: Mapping[str, TipText], lang: str) -> None:
        self._tips = tips
        self._texts = texts
        self._lang = lang
        self._built: dict[str, Tip] = {}

    def __getitem__(self, tip_id: str) -> Tip:
        tip = self._built.get(tip_id)
        if tip is None:
            tip = localize_tip(self._tips[tip_id], self._texts.get(tip_id), self._lang)
            self._built[tip_id] = tip
        return tip

    def __iter__(self) -> Iterator[str]:
        return iter(self._tips)

    def __len__(self) -> int:
        return len(self._tips)


def localize_library(library: Library, lang: str) -> Library:
    """The library with its tips, topics and questions in `lang`, searchable in it."""
    tips_text = content.tips_text(lang)
    questions_text = content.questions_text(lang)
    if lang == ENGLISH or tips_text is None or questions_text is None:
        return library
    tips = LocalizedTips(library.tips, tips_text.tips, lang)
    topics: list[Topic] = [
        topic.model_copy(
            update={"title": questions_text.topics.get(topic.id) or marked(topic.title, lang)}
        )
        for topic in library.topics
    ]
    questions: list[Question] = [
        question.model_copy(
            update={
                "text": questions_text.questions.get(question.id) or marked(question.text, lang)
            }
        )
        for question in library.questions
    ]
    return dataclasses.replace(
        library,
        tips=tips,
        topics=topics,
        questions=questions,
        search_index=tip_index(tips, lang),
    )


def tip_index(tips: Mapping[str, Tip], lang: str) -> SearchIndex:
    """A search index over the translated tips (built on the first search)."""
    from iepprep.core.i18n.search import SpanishIndex
    from iepprep.core.search import TIP_FIELDS

    def documents() -> list[tuple[str, dict[str, str]]]:
        return [
            (
                tip.id,
                {
                    "title": tip.title,
                    "body": tip.body,
                    "why": tip.why,
                    "topics": "",
                    "asks": " ".join(tip.asks),
                },
            )
            for tip in tips.values()
        ]

    weights = {**TIP_FIELDS, "asks": max(TIP_FIELDS.values())}
    return SpanishIndex(documents, field_weights=weights, synonyms=synonyms(lang))


def synonyms(lang: str) -> list[list[str]]:
    """The curated groups of related words in `lang`, plus each glossary entry's names
    in both languages (so "FAPE" and "educación pública gratuita" meet)."""
    from iepprep.core.datafiles import parse_yaml
    from iepprep.core.library import bundled_text

    name = f"{lang}/synonyms.yaml"
    try:
        data = parse_yaml(bundled_text(name), name=name)
    except OSError:
        data = {"groups": []}
    groups = [[str(word) for word in group] for group in data.get("groups", [])]
    glossary = content.glossary_text(lang)
    if glossary is not None:
        for english, entry in glossary.terms.items():
            if english not in ("IEP", "IDEA"):
                groups.append([entry.term, english, *entry.aliases])
    return groups


# --------------------------------------------------------------------------- glossary


def _english_label(entry: GlossaryTerm) -> str:
    return f"{entry.term}, {entry.expansion}" if entry.expansion else entry.term


def localize_glossary_terms(terms: Sequence[GlossaryTerm], lang: str) -> list[GlossaryTerm]:
    """Each term under its name in `lang`, with the English term (and what it stands
    for) as its expansion: "Ubicación (Placement)", "Aviso previo por escrito (PWN,
    Prior Written Notice)". The English names still find it."""
    text = content.glossary_text(lang)
    if lang == ENGLISH or text is None:
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


def localize_glossary(glossary: object, lang: str) -> object:
    """The glossary in `lang` (a `SpanishGlossary`), or `glossary` itself in English."""
    from iepprep.core.reference import Glossary

    assert isinstance(glossary, Glossary)
    if lang == ENGLISH or content.glossary_text(lang) is None:
        return glossary
    return _translated_glossary_class()(localize_glossary_terms(glossary.terms, lang))


def _translated_glossary_class() -> type:
    from iepprep.core.i18n.search import SpanishIndex
    from iepprep.core.reference import Glossary

    class SpanishGlossary(Glossary):
        """The glossary in Spanish: looked up and searched with Spanish words; the
        English acronyms are still spelled out where a plan first uses them."""

        @cached_property
        def acronyms(self) -> dict[str, GlossaryTerm]:
            found = {}
            for entry in self.terms:
                english = (entry.expansion or "").split(",")[0]
                if english and english.upper() == english and 2 <= len(english) <= 7:
                    found[english] = entry.model_copy(update={"expansion": entry.term.lower()})
            return found

        @cached_property
        def _index(self) -> SpanishIndex:
            return SpanishIndex(
                lambda: [
                    (e.term, {"names": " ".join(e.names), "definition": e.definition})
                    for e in self.terms
                ],
                field_weights={"names": 3.0, "definition": 1.0},
            )

        def search(self, query: str, limit: int = 5) -> list[GlossaryTerm]:
            by_term = {entry.term: entry for entry in self.terms}
            return [by_term[hit.id] for hit in self._index.search(query, limit=limit)]

        def get(self, name: str) -> GlossaryTerm | None:
            return super().get(name) or super().get(fold(name))

    return SpanishGlossary


# --------------------------------------------------------- rights, states and review


def localize_rights(rights: Sequence[Right], lang: str) -> list[Right]:
    text = content.rights_text(lang)
    if lang == ENGLISH or text is None:
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
    text = content.states_text(lang)
    if lang == ENGLISH or text is None:
        return dict(states)
    localized = {}
    for code, info in states.items():
        translated = text.states.get(code)
        notes = [
            note.model_copy(
                update={
                    "text": translated.notes[n]
                    if translated and n < len(translated.notes)
                    else marked(note.text, lang)
                }
            )
            for n, note in enumerate(info.notes)
        ]
        name = info.meeting_name
        if name:
            name = translated.meeting_name if translated and translated.meeting_name else name
        localized[code] = info.model_copy(update={"notes": notes, "meeting_name": name})
    return localized


def localize_checks(checks: Sequence[SignCheck], lang: str) -> list[SignCheck]:
    text = content.review_text(lang)
    if lang == ENGLISH or text is None:
        return list(checks)
    localized = []
    for check in checks:
        translated = text.checks.get(check.id)
        if translated is None:
            localized.append(check.model_copy(update={"text": marked(check.text, lang)}))
        else:
            localized.append(
                check.model_copy(update={"text": translated.text, "why": translated.why})
            )
    return localized


def localize_letters(letters: Mapping[str, LetterSpec], lang: str) -> dict[str, LetterSpec]:
    text = content.letters_text(lang)
    if lang == ENGLISH or text is None:
        return dict(letters)
    localized = {}
    for kind, spec in letters.items():
        translated = text.letters.get(kind)
        localized[kind] = (
            spec.model_copy(
                update={
                    "title": translated.title,
                    "subject": translated.subject,
                    "body": list(translated.body),
                }
            )
            if translated is not None
            else spec.model_copy(update={"title": marked(spec.title, lang)})
        )
    return localized


def letter_phrases(lang: str) -> dict[str, str]:
    """The words the letter code fills in, in `lang` (empty: use the English ones)."""
    text = content.letters_text(lang)
    return dict(text.phrases) if text is not None and lang != ENGLISH else {}


# ----------------------------------------------------------------------- questionnaire

# Which answers-file key holds each kind of fixed choice.
_CHOICE_KEYS = {
    "Grade": "grade",
    "MeetingType": "meeting_type",
    "Schooling": "schooling",
    "Concern": "concerns",
    "Attendee": "attendees",
    "Document": "documents_received",
    "Relationship": "relationship",
}


def choice_label(value: object, lang: str) -> str | None:
    """The label of a fixed choice (a grade, a concern, ...) in `lang`, if translated."""
    text = content.questionnaire_text(lang)
    key = _CHOICE_KEYS.get(type(value).__name__)
    if text is None or key is None:
        return None
    return text.choices.get(key, {}).get(str(value))


def localize_questionnaire(questionnaire: Questionnaire, lang: str) -> Questionnaire:
    text = content.questionnaire_text(lang)
    if lang == ENGLISH or text is None:
        return questionnaire
    asks = []
    for ask in questionnaire.questions:
        translated = text.questions.get(ask.key)
        if translated is None:
            asks.append(ask.model_copy(update={"ask": marked(ask.ask, lang)}))
        else:
            asks.append(ask.model_copy(update={"ask": translated.ask, "why": translated.why}))
    return questionnaire.model_copy(update={"questions": asks})

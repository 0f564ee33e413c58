"""Drafting letters from the family's answers and meeting notes.

The wording lives in `data/letters.yaml`. Each paragraph may use fields such as
{child} or {parent}; a paragraph that is only `{list:NAME}` becomes a bulleted list.
What iepprep cannot know stays an obvious [placeholder] for the parent to fill in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from iepprep.core.content.datafiles import parse_yaml, validate
from iepprep.core.content.library import bundled_text
from iepprep.core.family.profile import Document, Profile
from iepprep.core.i18n.labels import label
from iepprep.core.i18n.messages import N_
from iepprep.core.meeting.live import MeetingRecord

_LIST = re.compile(r"^\{list:([a-z]+)\}$")
# How the school can reach the parent: never known to iepprep, always filled in by hand.
CONTACT = "[your phone number]\n[your e-mail address]"
# Letters about a meeting that has happened: drafted before it, they come with a warning.
AFTER_THE_MEETING = ("recap", "disagreement")


class LetterSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: Annotated[str, Field(min_length=5)]
    subject: Annotated[str, Field(min_length=5)]
    body: Annotated[list[str], Field(min_length=3)]


class LettersFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    version: Literal[1] = 1
    letters: dict[str, LetterSpec]


@dataclass(frozen=True)
class Letter:
    kind: str
    title: str
    date: str
    subject: str
    paragraphs: list[str | list[str]]  # a list is a bulleted list
    lang: str = "en"


# The words the code fills in, in English; a translation's `phrases` replace them.
PHRASES = {
    "child_placeholder": "[your child's name]",
    "to_school": "IEP team at {school}",
    "to_placeholder": N_("[case manager's name]"),
    "parent_placeholder": "[your name]",
    "meeting_on": " on {date}",
    "worries": "In my own words: {worries}",
    "record_evaluation_report": "Any new evaluation reports, with the scores and the "
    "evaluators' recommendations",
    # Asked for plainly: that the school need not share a draft is the tip's to tell
    # the parent (ask-for-a-draft), never the letter's to tell the school.
    "draft_request": "If the team has written a draft IEP or proposed goals, I would be grateful "
    "for a copy before the meeting too, so I can come prepared.",
    "record_progress_reports": "The latest progress reports on each IEP goal",
    "record_other": "[any other records you want, such as attendance or discipline records]",
    "concern_line": "{concern}: [what you see, with an example]",
    "answer_line": "{question} Answer: {answer}",
    "answer_placeholder": "[the answer]",
    "concerns_placeholder": "[your main concerns]",
    "agreed_placeholder": "[what was agreed, who will do it, and by when]",
    "notes_placeholder": "[anything else you noted]",
}


def load_letters(lang: str | None = None) -> dict[str, LetterSpec]:
    """The letter templates, in `lang` (default: the language of this run)."""
    from iepprep.core.i18n.language import current

    name = "letters.yaml"
    parsed = validate(LettersFile, parse_yaml(bundled_text(name), name=name), name=name)
    return localize_letters(parsed.letters, lang or current())


def phrases(lang: str | None = None) -> dict[str, str]:
    from iepprep.core.i18n.content import letters_text
    from iepprep.core.i18n.language import current

    text = letters_text(lang or current())
    return {**PHRASES, **(text.phrases if text is not None else {})}


def localize_letters(letters: dict[str, LetterSpec], lang: str) -> dict[str, LetterSpec]:
    """The templates in `lang`; one with no translation keeps its English, marked."""
    from iepprep.core.i18n.content import letters_text
    from iepprep.core.i18n.fallback import marked

    text = letters_text(lang)
    if lang == "en" or text is None:
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


def _one_line(text: str) -> str:
    from iepprep.core.common.safety import one_line

    return one_line(text)


def draft(
    kind: str,
    profile: Profile,
    record: MeetingRecord | None,
    *,
    today: dt.date,
    lang: str | None = None,
) -> Letter:
    """The letter `kind`, filled in, in `lang` (default: the language of this run)."""
    spec = load_letters(lang)[kind]
    words = phrases(lang)
    child = _one_line(profile.child_name) if profile.child_name else words["child_placeholder"]
    fields = {
        "to": words["to_school"].format(school=_school(profile.school, lang))
        if profile.school
        else words["to_placeholder"],
        "child": child,
        "parent": _one_line(profile.parent_name)
        if profile.parent_name
        else words["parent_placeholder"],
        "contact": words.get("contact", CONTACT),
        "meeting_on": words["meeting_on"].format(date=_long_date(profile.meeting_date, lang))
        if profile.meeting_date
        else "",
        "worries_paragraph": words["worries"].format(worries=_sentence(profile.worries))
        if profile.worries
        else "",
        # A draft IEP is not an education record the law lets parents see (34 CFR
        # 300.613 covers records); it is asked for apart, as a courtesy.
        "draft_request": ""
        if Document.DRAFT_IEP in profile.documents_received
        else words["draft_request"],
    }
    lists = _lists(profile, record, words, lang)
    paragraphs: list[str | list[str]] = []
    for text in spec.body:
        match = _LIST.match(text.strip())
        if match:
            items = lists[match.group(1)]
            if items:
                paragraphs.append(items)
            elif paragraphs and isinstance(paragraphs[-1], str) and paragraphs[-1].endswith(":"):
                paragraphs.pop()  # an empty list takes its lead-in line with it
            continue
        filled = text.format_map(fields).strip()
        if filled:
            paragraphs.append(filled)
    return Letter(
        kind=kind,
        title=spec.title,
        date=_long_date(today, lang),
        subject=spec.subject.format_map(fields),
        paragraphs=paragraphs,
        lang=_language(lang),
    )


def _school(name: str, lang: str | None) -> str:
    """The school's name as the letter says it: in Spanish "la Escuela Lincoln" (the
    IEP team "de la Escuela Lincoln"), a name like "Lincoln Elementary" as it is."""
    from iepprep.core.i18n.fallback import fold

    school = _one_line(name)
    if _language(lang) == "es" and fold(school).split(" ", 1)[0] in _SPANISH_SCHOOL_WORDS:
        return "la " + school
    return school


# A Spanish school name that starts with one of these takes "la" ("de la Escuela ...").
_SPANISH_SCHOOL_WORDS = frozenset({"escuela", "academia", "preparatoria", "secundaria"})


def _sentence(text: str) -> str:
    """The parent's words on one line, ending like a sentence (a period if none)."""
    line = _one_line(text)
    return line if not line or line.endswith((".", "!", "?", "…", '"', "”", ")")) else line + "."


def _language(lang: str | None) -> str:
    from iepprep.core.i18n.language import current

    return lang or current()


def _long_date(day: dt.date, lang: str | None) -> str:
    """The date written out in the letter's language."""
    from iepprep.core.common.dates import long_date
    from iepprep.core.i18n.dates import spanish_long_date

    return spanish_long_date(day) if _language(lang) == "es" else long_date(day)


def _lists(
    profile: Profile, record: MeetingRecord | None, words: dict[str, str], lang: str | None
) -> dict[str, list[str]]:
    records = []
    wanted = {
        Document.EVALUATION_REPORT: words["record_evaluation_report"],
        Document.PROGRESS_REPORTS: words["record_progress_reports"],
    }
    for doc, line in wanted.items():
        if doc not in profile.documents_received:
            records.append(line)
    records.append(words["record_other"])
    concerns = [
        words["concern_line"].format(concern=label(c, lang).capitalize()) for c in profile.concerns
    ]
    answered, notes, open_questions = [], [], []
    if record is not None:
        # An answer heard is not an agreement: the answers get their own list, and
        # what was agreed stays for the parent to write (only they know it).
        answered = [
            words["answer_line"].format(
                question=_one_line(a.question.text),
                answer=_one_line(a.text) or words["answer_placeholder"],
            )
            for a in record.answers.values()
        ]
        notes = [_one_line(n.text) for n in record.notes]
        # Only questions raised at the meeting and left unanswered, not every prep question.
        open_questions = [
            _one_line(q.text) for q in record.open_questions if q.id in record.skipped
        ]
    return {
        "records": records,
        "concerns": concerns or [words["concerns_placeholder"]],
        "agreed": [words["agreed_placeholder"]],
        "answered": answered,
        "notes": notes or [words["notes_placeholder"]],
        "open": open_questions,
    }


_PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\]")


def fill_in_note(letter: Letter, reader: str, *, own_words: str | None = None) -> str | None:
    """For a parent who reads `reader` (Spanish) and sends the letter in English: a
    short note, in their language, naming each [placeholder] of the English letter
    and what it asks for ("[your phone number]: su número de teléfono"), and, when
    the letter quotes the parent's own words written in Spanish (`own_words`, the
    language of those words when the letter carries them), a line saying they stay
    untranslated. None when the letter is in the reader's language or has nothing to
    fill in."""
    from iepprep.core.i18n.messages import _

    if letter.lang != "en":
        return None
    notes = []
    if own_words == "es":
        notes.append(
            _(
                "Your own words are in Spanish inside the English letter: translate them, or "
                "ask for help, before you send it."
            )
        )
    lines = [p for paragraph in letter.paragraphs for p in _as_lines(paragraph)]
    found = list(dict.fromkeys(_PLACEHOLDER.findall("\n".join([letter.subject, *lines]))))
    if found and reader != "en":
        meaning = _placeholder_meanings(letter.kind, reader)
        listed = "; ".join(
            f"{english} = {meaning[english].strip('[]')}" if english in meaning else english
            for english in found
        )
        notes.append(
            _("The letter is in English, to send: fill in what is in [brackets]: {listed}.").format(
                listed=listed
            )
        )
    return "\n".join(notes) or None


def own_words_language(letter: Letter, profile: Profile) -> str | None:
    """The language of the parent's own words (their worries) when the letter quotes
    them: the plan's language, the one they were typed in."""
    if not profile.worries:
        return None
    text = "\n".join(p for paragraph in letter.paragraphs for p in _as_lines(paragraph))
    return profile.language if _sentence(profile.worries) in text else None


def _as_lines(paragraph: str | list[str]) -> list[str]:
    return list(paragraph) if isinstance(paragraph, list) else [paragraph]


def _placeholder_meanings(kind: str, lang: str) -> dict[str, str]:
    """Each English [placeholder] with its translation: the phrases (same keys in
    both languages) and the letter's own lines (same order in both), paired in order."""
    from iepprep.core.i18n.messages import _

    pairs: list[tuple[str, str]] = []
    english_words, words = PHRASES, phrases(lang)
    for key, english in english_words.items():
        pairs.append((english, words.get(key, english)))
    pairs.append((CONTACT, words.get("contact", CONTACT)))
    # The Spanish letter greets the whole team; the English one may name a person.
    pairs.append((PHRASES["to_placeholder"], _(PHRASES["to_placeholder"])))
    english_spec, spec = load_letters("en").get(kind), load_letters(lang).get(kind)
    if english_spec is not None and spec is not None:
        pairs += list(zip(english_spec.body, spec.body, strict=False))
    meaning: dict[str, str] = {}
    for english, translated in pairs:
        ours, theirs = _PLACEHOLDER.findall(english), _PLACEHOLDER.findall(translated)
        if len(ours) == len(theirs):
            meaning.update(zip(ours, theirs, strict=True))
    return meaning

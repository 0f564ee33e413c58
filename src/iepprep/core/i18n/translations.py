"""The shape of a translation file: `data/<lang>/<name>.yaml`, keyed by the English ids.

A translation file holds only the words; everything else (phase, topics, who a tip is
for, citations, sources) stays in the English file and is shared. Each file is
validated against these models when it is loaded, like the English ones, so a broken
translation is reported clearly and never reaches a plan.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Line = Annotated[str, Field(min_length=2, max_length=200)]
Paragraph = Annotated[str, Field(min_length=5, max_length=1600)]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class TipText(Strict):
    title: Line
    body: Paragraph
    why: Line
    asks: Annotated[list[Line], Field(max_length=12)] = []


class TipsText(Strict):
    version: Literal[1] = 1
    tips: dict[str, TipText]


class QuestionsText(Strict):
    version: Literal[1] = 1
    topics: dict[str, Line]
    questions: dict[str, Annotated[str, Field(min_length=10, max_length=400)]]


class TermText(Strict):
    """A glossary entry in another language.

    `term` is the name in that language; the English term (and its expansion) stays
    beside it wherever the entry is shown, because that is the word the school uses.
    """

    term: Line
    aliases: list[Line] = []
    definition: Paragraph
    example: Annotated[str, Field(max_length=300)] | None = None


class GlossaryText(Strict):
    version: Literal[1] = 1
    terms: dict[str, TermText]  # keyed by the English term


class RightText(Strict):
    title: Line
    text: Paragraph
    state_note: Paragraph | None = None


class RightsText(Strict):
    version: Literal[1] = 1
    rights: dict[str, RightText]


class NoteText(Strict):
    """A state note: the English it translates (so a changed English note is seen as
    untranslated, never shown with a stale translation), and its translation."""

    en: Paragraph
    text: Paragraph


class StateText(Strict):
    meeting_name: Line | None = None
    notes: list[NoteText] = []


class StatesText(Strict):
    version: Literal[1] = 1
    states: dict[str, StateText]


class CheckText(Strict):
    text: Paragraph
    why: Paragraph


class ReviewText(Strict):
    version: Literal[1] = 1
    checks: dict[str, CheckText]


class LetterText(Strict):
    title: Line
    subject: Line
    body: Annotated[list[str], Field(min_length=3)]


class LettersText(Strict):
    version: Literal[1] = 1
    letters: dict[str, LetterText]
    # The words the letter code fills in ("[your child's name]", ...), by key; kept as
    # written, since some are glued to the word before (" el {date}": "Maya el 10").
    phrases: dict[str, Annotated[str, StringConstraints(strip_whitespace=False)]] = {}


class AskText(Strict):
    ask: Line
    why: Line | None = None


class QuestionnaireText(Strict):
    version: Literal[1] = 1
    questions: dict[str, AskText]  # keyed by the answers-file key
    # Labels of the fixed choices, by answers-file key, then by value.
    choices: dict[str, dict[str, Line]] = {}


class RuleText(Strict):
    """A deadline rule's words; the counting, the days and the citation stay in the
    English file, because they are the law's facts, not its words."""

    title: Annotated[str, Field(min_length=3, max_length=90)]
    note: Annotated[str, Field(min_length=10, max_length=700)]


class DeadlinesText(Strict):
    version: Literal[1] = 1
    federal: dict[str, RuleText]  # keyed by the rule's id
    states: dict[str, dict[str, RuleText]] = {}  # by state code, then rule id
    unverified: dict[str, Paragraph] = {}  # by state code


class FindingText(Strict):
    message: Annotated[str, Field(min_length=10, max_length=400)]
    question: Annotated[str, Field(min_length=10, max_length=300)]


class SectionText(Strict):
    what: Paragraph
    needed: Paragraph


class DraftChecksText(Strict):
    """The draft check's words for the parent. What it looks for in the draft (its
    words and phrases) stays English: the school's draft is in English."""

    version: Literal[1] = 1
    kinds: dict[str, FindingText]
    sections: dict[str, SectionText]  # keyed by the section's id


TRANSLATION_MODELS: dict[str, type[Strict]] = {
    "tips.yaml": TipsText,
    "questions.yaml": QuestionsText,
    "glossary.yaml": GlossaryText,
    "rights.yaml": RightsText,
    "states.yaml": StatesText,
    "review.yaml": ReviewText,
    "letters.yaml": LettersText,
    "questionnaire.yaml": QuestionnaireText,
    "deadlines.yaml": DeadlinesText,
    "draft_checks.yaml": DraftChecksText,
}

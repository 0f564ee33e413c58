"""What a draft check finds, and the data file that says what to look for."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Kind = Literal[
    "goal-no-baseline",
    "goal-no-criterion",
    "goal-no-timeframe",
    "goal-no-measurement",
    "goal-unreadable",
    "service-no-frequency",
    "service-no-duration",
    "service-no-location",
    "service-no-start",
    "vague-wording",
    "missing-section",
    "goal-repeated",
    "criterion-lowered",
    "goal-dropped",
    "service-reduced",
    "ambiguous-date",
    "esy-deferred",
]
Section = Literal["goals", "services", "wording", "sections", "compared"]


# Accents off, one letter for one, so a match in the folded text is at the same place
# in the draft's own: Spanish drafts are often typed without accents ("ano escolar").
_ACCENTS = str.maketrans("áéíóúüñÁÉÍÓÚÜÑàèìòùÀÈÌÒÙ", "aeiouunAEIOUUNaeiouAEIOU")


def fold(text: str) -> str:
    """`text` without accents, as long as it was."""
    return text.translate(_ACCENTS)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Finding(_Model):
    """One thing to ask about, with the line of the draft it is about."""

    kind: Kind
    section: Section
    quote: str
    message: str
    question: str
    page: int | None = None
    about: str | None = None  # a missing part: its section rule's id ("esy")


class Goal(_Model):
    text: str
    page: int | None = None
    baseline: bool
    criterion: str | None  # the target, as written: "80%", "4 of 5 trials", "90 wpm"
    timeframe: bool
    measurement: bool
    readable: bool = True


class Service(_Model):
    name: str
    text: str
    page: int | None = None
    frequency: str | None = None
    duration: str | None = None
    location: str | None = None
    start: str | None = None
    minutes_per_week: float | None = None


class DraftReport(_Model):
    source: str
    previous: str | None = None
    findings: list[Finding]
    goals: list[Goal]
    services: list[Service]
    checked: list[str]  # what was checked, in words
    not_checked: list[str]  # what could not be checked, and why


# ------------------------------------------------------------------ the data file


class KindText(_Model):
    section: Section
    message: Annotated[str, Field(min_length=10, max_length=400)]
    question: Annotated[str, Field(min_length=10, max_length=300)]


class SectionRule(_Model):
    id: str
    words: Annotated[list[str], Field(min_length=1)]
    patterns: list[str] = []  # regular expressions, for what words alone miss
    what: str
    # Earlier wordings of `what`: findings saved before they carried `about` name
    # their part by the description they were given then.
    former_what: list[str] = []
    needed: str
    citation: str
    # Plan questions (data/questions.yaml ids) that already ask about this part: the
    # draft's question is not added to a plan that has one of them.
    asked_by: list[str] = []


class DraftChecksFile(_Model):
    version: Literal[1] = 1
    kinds: dict[Kind, KindText]
    sections: list[SectionRule]
    vague_phrases: Annotated[list[str], Field(min_length=1)]

    @model_validator(mode="after")
    def _searchable(self) -> DraftChecksFile:
        """What is looked for, in English or Spanish, must be findable: a pattern that
        compiles and has no accents (it runs on the text with its accents off), and no
        word or phrase twice once accents are off (a typo's sign)."""
        import re

        for rule in self.sections:
            for pattern in rule.patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"section {rule.id!r}: pattern {pattern!r}: {exc}") from None
                if fold(pattern) != pattern:
                    raise ValueError(
                        f"section {rule.id!r}: pattern {pattern!r} has accents; write it "
                        "without them (the draft is searched with its accents off)"
                    )
            _no_repeats(f"section {rule.id!r} words", rule.words)
        _no_repeats("vague_phrases", self.vague_phrases)
        return self


def _no_repeats(where: str, words: list[str]) -> None:
    seen: set[str] = set()
    for word in words:
        key = fold(" ".join(word.lower().split()))
        if not key:
            raise ValueError(f"{where}: an empty word")
        if key in seen:
            raise ValueError(f"{where}: {word!r} is listed twice")
        seen.add(key)


@cache
def load_checks() -> DraftChecksFile:
    from iepprep.core.content.datafiles import parse_yaml, validate
    from iepprep.core.content.library import bundled_text

    data = parse_yaml(bundled_text("draft_checks.yaml"), name="draft_checks.yaml")
    return validate(DraftChecksFile, data, name="draft_checks.yaml")


@cache
def load_checks_in(lang: str) -> DraftChecksFile:
    """The checks with what they say to the parent in `lang` (`data/<lang>/draft_checks.yaml`).

    What is looked for in the draft (words, patterns, vague phrases) is the same in
    every language, English and Spanish both: the draft's language is not the
    parent's choice of screens. A text with no translation keeps its English, marked."""
    english = load_checks()
    if lang == "en":
        return english
    from iepprep.core.i18n.content import draft_checks_text
    from iepprep.core.i18n.fallback import marked

    text = draft_checks_text(lang)
    if text is None:
        return english
    kinds = {}
    for kind, words in english.kinds.items():
        found = text.kinds.get(kind)
        kinds[kind] = words.model_copy(
            update={"message": found.message, "question": found.question}
            if found is not None
            else {"message": marked(words.message, lang), "question": marked(words.question, lang)}
        )
    sections = []
    for rule in english.sections:
        said = text.sections.get(rule.id)
        sections.append(
            rule.model_copy(
                update={"what": said.what, "needed": said.needed}
                if said is not None
                else {"what": marked(rule.what, lang), "needed": marked(rule.needed, lang)}
            )
        )
    return english.model_copy(update={"kinds": kinds, "sections": sections})

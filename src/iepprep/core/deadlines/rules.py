"""The deadline rules: the federal ones and each checked state's, from `deadlines.yaml`.

A rule is data (which event it counts from, how many days, how they are counted, the
citation) so that a state's rules are added by editing the file, not the code.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    from iepprep.core.i18n.translations import RuleText

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class Event(StrEnum):
    """Something that happened on a date the parent knows; deadlines count from these."""

    REQUESTED = "requested"  # a written request for an evaluation reached the school
    CONSENT = "consent"  # consent to evaluate was signed
    ELIGIBILITY = "eligibility"  # eligibility was decided
    IEP = "iep"  # the IEP meeting was held
    LAST_EVALUATION = "last-evaluation"  # the last evaluation (eligibility, else the IEP)
    PLACEMENT_CHANGE = "placement-change"  # a decision to change placement for discipline
    COMPLAINT = "complaint"  # a state complaint was filed
    DUE_PROCESS = "due-process"  # a due process complaint was received


class Counting(StrEnum):
    CALENDAR = "calendar"
    SCHOOL = "school"


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Rule(_Strict):
    """One deadline: `days` (or `years`) after an event, counted one way."""

    id: Slug
    title: Annotated[str, Field(min_length=3, max_length=90)]
    start: Event = Field(alias="from")
    days: Annotated[int, Field(ge=1, le=400)] | None = None
    years: Annotated[int, Field(ge=1, le=5)] | None = None
    counting: Counting
    wait_days: Annotated[int, Field(ge=1, le=60)] | None = None
    skip_breaks_over: Annotated[int, Field(ge=1, le=30)] | None = None
    skip_summer: bool = False
    extend_by_absences: Annotated[int, Field(ge=1, le=30)] | None = None
    # The law says "school working days" (Massachusetts, 603 CMR 28.05(1)): counted like
    # school days here, and named as the law names them.
    working_days: bool = False
    citation: Annotated[str, Field(min_length=5, max_length=120)]
    url: Annotated[str, Field(pattern=r"^https://\S+$", max_length=300)] | None = None
    note: Annotated[str, Field(min_length=10, max_length=700)]

    @model_validator(mode="after")
    def _one_length(self) -> Rule:
        if (self.days is None) == (self.years is None):
            raise ValueError("give either days or years")
        if self.counting is Counting.SCHOOL and (self.skip_breaks_over or self.skip_summer):
            raise ValueError("breaks and summer are skipped only in a calendar-day count")
        if self.extend_by_absences and self.counting is not Counting.SCHOOL:
            raise ValueError("extend_by_absences fits a school-day count only")
        if self.working_days and self.counting is not Counting.SCHOOL:
            raise ValueError("working_days fits a school-day count only")
        return self


class StateRules(_Strict):
    checked: dt.date
    rules: Annotated[list[Rule], Field(min_length=1)]


class DeadlinesFile(_Strict):
    version: Literal[1] = 1
    federal: Annotated[list[Rule], Field(min_length=1)]
    states: dict[Annotated[str, Field(pattern=r"^[A-Z]{2}$")], StateRules]
    unverified: dict[Annotated[str, Field(pattern=r"^[A-Z]{2}$")], str] = {}

    @model_validator(mode="after")
    def _unique_ids(self) -> DeadlinesFile:
        for where, rules in [("federal", self.federal)] + [
            (code, state.rules) for code, state in self.states.items()
        ]:
            ids = [rule.id for rule in rules]
            if len(ids) != len(set(ids)):
                raise ValueError(f"two {where} rules share an id")
        return self

    def rules_for(self, state: str | None) -> tuple[list[Rule], StateRules | None]:
        """The federal rules with the state's own replacing or adding to them."""
        own = self.states.get(state) if state else None
        if own is None:
            return list(self.federal), None
        by_id = {rule.id: rule for rule in self.federal}
        extra = []
        for rule in own.rules:
            if rule.id in by_id:
                by_id[rule.id] = rule
            else:
                extra.append(rule)
        return extra + list(by_id.values()), own


@cache
def load_rules() -> DeadlinesFile:
    """The bundled rules: validated once, then served from the content cache (a plan
    reads them for its header, and must not pay for building validators each run)."""
    from iepprep.core.content.datafiles import parse_yaml, validate
    from iepprep.core.content.library import bundled_text
    from iepprep.core.storage.cache import cached, construct

    text = bundled_text("deadlines.yaml")

    def build() -> dict[str, object]:
        book = validate(
            DeadlinesFile, parse_yaml(text, name="deadlines.yaml"), name="deadlines.yaml"
        )
        return {
            "federal": [rule.model_dump(mode="json") for rule in book.federal],
            "states": {code: own.model_dump(mode="json") for code, own in book.states.items()},
            "unverified": dict(book.unverified),
        }

    def use(data: dict[str, object]) -> DeadlinesFile:
        return DeadlinesFile.model_construct(
            federal=[construct(Rule, rule) for rule in data["federal"]],  # type: ignore[attr-defined]
            states={
                code: construct(StateRules, own)
                for code, own in data["states"].items()  # type: ignore[attr-defined]
            },
            unverified=data["unverified"],  # type: ignore[arg-type]
        )

    return cached("deadlines", [text], build, use)


@cache
def load_rules_in(lang: str) -> DeadlinesFile:
    """The bundled rules with their titles and notes in `lang` (`data/<lang>/deadlines.yaml`).

    Only the words change: the days, the counting and the citations are the English
    file's, so a translation can never change what a deadline is. A rule with no
    translation keeps its English, marked."""
    english = load_rules()
    if lang == "en":
        return english
    from iepprep.core.i18n.content import deadlines_text
    from iepprep.core.i18n.fallback import marked

    text = deadlines_text(lang)
    if text is None:
        return english

    def localized(rules: list[Rule], words: dict[str, RuleText]) -> list[Rule]:
        out = []
        for rule in rules:
            found = words.get(rule.id)
            update = (
                {"title": found.title, "note": found.note}
                if found is not None
                else {"title": marked(rule.title, lang), "note": marked(rule.note, lang)}
            )
            out.append(rule.model_copy(update=update))
        return out

    return english.model_copy(
        update={
            "federal": localized(english.federal, text.federal),
            "states": {
                code: own.model_copy(
                    update={"rules": localized(own.rules, text.states.get(code, {}))}
                )
                for code, own in english.states.items()
            },
            "unverified": {
                code: text.unverified.get(code) or marked(note, lang)
                for code, note in english.unverified.items()
            },
        }
    )

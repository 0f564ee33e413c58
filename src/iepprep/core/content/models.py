"""The shape of iepprep's content: tips, question topics and questions.

Content lives in YAML files (the bundled ones in `iepprep/data/`, and any a parent
group adds with `--tips`). Each file is validated against these models when it is
loaded, so a mistake in a file is reported once, clearly, and never reaches a plan.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from iepprep.core.family.profile import (
    Attendee,
    Concern,
    Document,
    Grade,
    MeetingType,
    Profile,
    Relationship,
    Schooling,
)
from iepprep.core.i18n.translations import TipText

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class Phase(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Applies(Strict):
    """Which families a tip or question is for. Every condition given must hold.

    List conditions match when the family's answer is one of the values (for the
    list answers, when any of them is). `any_of` adds alternatives: at least one
    must match. An empty `Applies` matches everyone.
    """

    first_meeting: bool | None = None
    meeting_type: list[MeetingType] | None = None
    grade: list[Grade] | None = None
    schooling: list[Schooling] | None = None
    relationship: list[Relationship] | None = None
    concerns: list[Concern] | None = None
    attendees: list[Attendee] | None = None
    going_alone: bool | None = None
    missing_documents: list[Document] | None = None
    other_language: bool | None = None
    has_state: bool | None = None
    any_of: list[Applies] | None = None  # at least one of these must match too

    def matches(self, profile: Profile) -> bool:
        checks: list[bool] = []
        if self.any_of is not None:
            checks.append(any(option.matches(profile) for option in self.any_of))
        if self.first_meeting is not None:
            checks.append(profile.first_meeting == self.first_meeting)
        if self.meeting_type is not None:
            checks.append(profile.meeting_type in self.meeting_type)
        if self.grade is not None:
            checks.append(profile.grade in self.grade)
        if self.schooling is not None:
            checks.append(profile.schooling in self.schooling)
        if self.relationship is not None:
            checks.append(profile.relationship in self.relationship)
        if self.concerns is not None:
            checks.append(bool(set(self.concerns) & set(profile.concerns)))
        if self.attendees is not None:
            checks.append(bool(set(self.attendees) & set(profile.attendees)))
        if self.going_alone is not None:
            checks.append(profile.going_alone == self.going_alone)
        if self.missing_documents is not None:
            checks.append(bool(set(self.missing_documents) & set(profile.missing_documents)))
        if self.other_language is not None:
            checks.append(profile.other_language == self.other_language)
        if self.has_state is not None:
            checks.append((profile.state is not None) == self.has_state)
        return all(checks)


class Source(Strict):
    """Where a piece of advice comes from.

    `article`: the parents' advice in the seed article (`where` says which part).
    `added`: added by iepprep or a parent group; `where` names the public source.
    """

    kind: Literal["article", "added"]
    where: Annotated[str, Field(min_length=3, max_length=200)]
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)] | None = None


class Tip(Strict):
    """One piece of advice. Its title is also the checklist line."""

    id: Slug
    title: Annotated[str, Field(min_length=3, max_length=90)]
    body: Annotated[str, Field(min_length=10, max_length=700)]
    why: Annotated[str, Field(min_length=5, max_length=200)]
    phase: Phase
    topics: Annotated[list[Slug], Field(min_length=1, max_length=8)]
    applies: Applies = Applies.model_construct()  # no validation at import: keeps start-up fast
    priority: Annotated[int, Field(ge=1, le=3)] = 2
    days_before: Annotated[int, Field(ge=0, le=120)] | None = None
    days_after: Annotated[int, Field(ge=0, le=120)] | None = None
    citation: Annotated[str, Field(max_length=120)] | None = None
    varies_by_state: bool = False
    source: Source
    # Questions this tip answers, in parents' own words ("can I record the meeting?").
    # Searched with a high weight, so a parent's sentence finds the tip that answers it.
    asks: Annotated[
        list[Annotated[str, Field(min_length=3, max_length=160)]], Field(max_length=12)
    ] = []
    # The tip in other languages, by code ("es"): how a parent group's own --tips file
    # carries its Spanish. The bundled tips keep theirs in data/es/tips.yaml instead.
    translations: dict[Literal["es"], TipText] = {}

    @model_validator(mode="after")
    def _timing_fits_phase(self) -> Tip:
        if self.days_before is not None and self.phase is not Phase.BEFORE:
            raise ValueError("days_before only fits a tip whose phase is 'before'")
        if self.days_after is not None and self.phase is not Phase.AFTER:
            raise ValueError("days_after only fits a tip whose phase is 'after'")
        return self


class TipsFile(Strict):
    """A tips file: the bundled `tips.yaml`, or one added with `--tips`."""

    version: Literal[1] = 1
    tips: Annotated[list[Tip], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_ids(self) -> TipsFile:
        seen: set[str] = set()
        for tip in self.tips:
            if tip.id in seen:
                raise ValueError(f"the id {tip.id!r} is used by more than one tip")
            seen.add(tip.id)
        return self


class Topic(Strict):
    """A group of questions (present levels, goals, services, ...)."""

    id: Slug
    title: Annotated[str, Field(min_length=3, max_length=60)]
    applies: Applies = Applies.model_construct()  # no validation at import: keeps start-up fast


class Question(Strict):
    """A question a parent can ask at the meeting."""

    id: Slug
    topic: Slug
    text: Annotated[str, Field(min_length=10, max_length=300)]
    priority: Annotated[int, Field(ge=1, le=3)] = 2
    applies: Applies = Applies.model_construct()  # no validation at import: keeps start-up fast
    tips: list[Slug] = []
    source: Source


class QuestionsFile(Strict):
    """The question bank: topics in the order they are asked, then the questions."""

    version: Literal[1] = 1
    topics: Annotated[list[Topic], Field(min_length=1)]
    questions: Annotated[list[Question], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> QuestionsFile:
        topic_ids = [topic.id for topic in self.topics]
        if len(set(topic_ids)) != len(topic_ids):
            raise ValueError("two topics share an id")
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"the id {question.id!r} is used by more than one question")
            seen.add(question.id)
            if question.topic not in topic_ids:
                raise ValueError(
                    f"question {question.id!r} names the topic {question.topic!r}, "
                    f"which is not in the topics list"
                )
        return self

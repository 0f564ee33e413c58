"""A family's plan: the data every renderer (text, Markdown, JSON, …) draws from."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from iepprep.core.content.models import Phase
from iepprep.core.family.profile import Profile


class ChecklistItem(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    phase: Phase
    text: str
    why: str
    due: dt.date | None = None
    tips: list[str]
    priority: int
    citation: str | None = None
    varies_by_state: bool = False
    source: str  # "article" (parents' advice) or "added" (by iepprep or a parent group)
    # Why this step is in this family's plan ("because this is a first IEP"), and
    # whether that reason is about them (False: a step for every family).
    reason: str = ""
    tailored: bool = False
    score: int = 0  # how much it matters for this family; the plan keeps the highest


class PlanQuestion(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    topic: str
    topic_title: str
    text: str
    tips: list[str]
    priority: int
    number: int = 0  # its number in the plan (1, 2, …); kept when a list leaves some out
    reason: str = ""  # why it is in this family's plan
    tailored: bool = False


class PlanWord(BaseModel):
    """A word the family may hear at the meeting, with its plain meaning."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    term: str
    expansion: str | None
    definition: str
    citation: str | None = None
    reason: str = ""  # why this family may hear it


class StateNotes(BaseModel):
    """What differs in the family's state, or an honest 'we have no notes'."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    code: str
    name: str
    known: bool
    meeting_name: str | None = None
    notes: list[dict[str, str | None]] = []


class PlanDeadline(BaseModel):
    """The next legal deadline the meeting starts, for the plan's header."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    title: str
    date: dt.date
    citation: str


class Plan(BaseModel):
    """What `iepprep plan` shows. Its JSON form is a contract (see the README)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    profile: Profile
    today: dt.date
    checklist: list[ChecklistItem]
    questions: list[PlanQuestion]
    notices: list[str]
    words: list[PlanWord] = []
    state: StateNotes | None = None
    generic: bool = False  # True when no answers were given and a first-meeting plan is shown
    complete: bool = False  # True: every step and question that applies (plan --all)
    deadline: PlanDeadline | None = None  # the next legal deadline (iepprep deadlines)

    def phase(self, phase: Phase) -> list[ChecklistItem]:
        return [item for item in self.checklist if item.phase is phase]

    @property
    def meeting_passed(self) -> bool:
        date = self.profile.meeting_date
        return date is not None and date < self.today

    def to_json_data(self) -> dict[str, object]:
        return {
            "profile": self.profile.answers(),
            "checklist": [item.model_dump(mode="json") for item in self.checklist],
            "questions": [question.model_dump(mode="json") for question in self.questions],
            "notices": list(self.notices),
            "words": [word.model_dump(mode="json") for word in self.words],
            "state": self.state.model_dump(mode="json") if self.state else None,
            "generated": self.today.isoformat(),
            "complete": self.complete,
            "deadline": self.deadline.model_dump(mode="json") if self.deadline else None,
        }

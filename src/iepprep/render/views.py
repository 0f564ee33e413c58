"""One view model per screen: what a screen shows, worked out once for every format.

A command builds a view (`plan_view`, `search_view`, …) from the core's results; each
format module only lays it out. So the questions are grouped by topic in one place,
the checklist's phases and due dates are decided in one place, and the sentence a
format prints is the sentence every format prints.

Views are plain frozen dataclasses: they hold already-validated core objects and a
few derived strings, and are never read from a file, so they need no validation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from iepprep.core.content.models import Phase
from iepprep.render import wording

if TYPE_CHECKING:
    from iepprep.core.content.models import Tip
    from iepprep.core.content.reference import GlossaryTerm, Right
    from iepprep.core.meeting.letters import Letter
    from iepprep.core.meeting.live import Note
    from iepprep.core.meeting.review import Review, SignCheck
    from iepprep.core.planning.plan import ChecklistItem, Plan, PlanQuestion, PlanWord, StateNotes
    from iepprep.core.search.tips import SearchResults, TipHit


# ------------------------------------------------------------------ plans


@dataclass(frozen=True)
class ChecklistRow:
    item: ChecklistItem
    due: str | None  # "by Mon Nov 30", "as soon as you can"
    urgent: bool  # due today or earlier: shown in the warning colour
    source: list[str]  # "tip dont-go-alone", "from parents", the citation, …


@dataclass(frozen=True)
class PhaseSection:
    phase: Phase
    title: str  # "Before the meeting"
    rows: list[ChecklistRow]


@dataclass(frozen=True)
class QuestionGroup:
    topic: str
    title: str
    questions: list[PlanQuestion]


@dataclass(frozen=True)
class QuestionsSection:
    intro: str | None
    groups: list[QuestionGroup]

    @property
    def questions(self) -> list[PlanQuestion]:
        return [q for group in self.groups for q in group.questions]


@dataclass(frozen=True)
class PlanView:
    """The plan (`kind="plan"`), its checklist alone, or its questions alone."""

    kind: Literal["plan", "checklist", "questions"]
    plan: Plan
    title: str
    facts: list[tuple[str, str]]  # the meeting at a glance: ("When", "Thu Dec 10 …")
    notices: list[str]
    phases: list[PhaseSection]
    questions: QuestionsSection | None
    words: list[PlanWord]
    state: StateNotes | None
    legal: str = field(default_factory=lambda: wording.NOT_LEGAL_ADVICE)  # in the run's language
    plan_id: str | None = None  # a saved plan's own id: its calendar events' UIDs
    # The same facts with "(in 12 days)" after the date: only for a screen, since a
    # file is read on later days, when the count is wrong.
    facts_on_screen: list[tuple[str, str]] = field(default_factory=list)

    @property
    def items(self) -> list[ChecklistItem]:
        return [row.item for section in self.phases for row in section.rows]


def checklist_row(item: ChecklistItem, plan: Plan) -> ChecklistRow:
    due = wording.due_text(item, plan)
    urgent = item.due is not None and item.due <= plan.today
    return ChecklistRow(item, due, urgent, wording.source_bits(item))


def phase_sections(plan: Plan, phases: Sequence[Phase] = tuple(Phase)) -> list[PhaseSection]:
    sections = []
    for phase in phases:
        rows = [checklist_row(item, plan) for item in plan.phase(phase)]
        if rows:
            sections.append(PhaseSection(phase, wording.phase_title(phase), rows))
    return sections


def questions_section(questions: Sequence[PlanQuestion]) -> QuestionsSection | None:
    """The questions grouped by topic, in the order given (the plan's order)."""
    if not questions:
        return None
    groups: list[QuestionGroup] = []
    for question in questions:
        if not groups or groups[-1].topic != question.topic:
            groups.append(QuestionGroup(question.topic, question.topic_title, []))
        groups[-1].questions.append(question)
    return QuestionsSection(wording.questions_intro(len(questions)), groups)


def plan_view(plan: Plan, *, plan_id: str | None = None) -> PlanView:
    return PlanView(
        kind="plan",
        plan=plan,
        title=wording.plan_title(plan),
        facts=wording.header_lines(plan),
        notices=list(plan.notices),
        phases=phase_sections(plan),
        questions=questions_section(plan.questions),
        words=list(plan.words),
        state=plan.state,
        plan_id=plan_id,
        facts_on_screen=wording.header_lines(plan, countdown=True),
    )


def checklist_view(plan: Plan, phases: Sequence[Phase], *, plan_id: str | None = None) -> PlanView:
    return PlanView(
        kind="checklist",
        plan=plan,
        title=wording.plan_title(plan),
        facts=wording.header_lines(plan),
        notices=list(plan.notices),
        phases=phase_sections(plan, phases),
        questions=None,
        words=[],
        state=None,
        plan_id=plan_id,
        facts_on_screen=wording.header_lines(plan, countdown=True),
    )


def questions_view(
    plan: Plan, questions: Sequence[PlanQuestion], *, bank: bool = False
) -> PlanView:
    """The questions of a plan; with `bank`, the whole question bank, which is not
    this family's: no family header over it."""
    return PlanView(
        kind="questions",
        plan=plan,
        title=wording.question_bank() if bank else wording.plan_title(plan),
        facts=[] if bank else wording.header_lines(plan),
        notices=[],
        phases=[],
        questions=questions_section(questions) or QuestionsSection(None, []),
        words=[],
        state=None,
        facts_on_screen=[] if bank else wording.header_lines(plan, countdown=True),
    )


# ------------------------------------------------------------------- tips


@dataclass(frozen=True)
class TipListView:
    tips: list[Tip]
    title: str = field(default_factory=lambda: wording.tips_title())


@dataclass(frozen=True)
class TipView:
    tip: Tip

    @property
    def legal(self) -> str | None:
        """A tip that cites the law carries the not-legal-advice line."""
        return wording.NOT_LEGAL_ADVICE if self.tip.citation else None


@dataclass(frozen=True)
class NothingFound:
    """What to try when a search finds nothing."""

    suggestions: list[str]
    topics: list[str]
    glossary_term: str | None = None


@dataclass(frozen=True)
class SearchView:
    """Search results: the glossary entries the query names go above the tips; with
    `explain`, why each tip matched, in words; `nothing` when no tip matched, or
    when no tip answers exactly (`results.closest`: the hits are the closest ones)."""

    results: SearchResults
    explain: bool = False
    nothing: NothingFound | None = None

    @property
    def query(self) -> str:
        return self.results.query

    @property
    def hits(self) -> list[TipHit]:
        return self.results.hits

    @property
    def glossary(self) -> list[GlossaryTerm]:
        return self.results.glossary


# --------------------------------------------------------- words and rights


@dataclass(frozen=True)
class GlossaryView:
    entries: list[GlossaryTerm]
    single: bool  # one word in full, or the list of every word
    legal: str = field(default_factory=lambda: wording.NOT_LEGAL_ADVICE)  # in the run's language


@dataclass(frozen=True)
class RightsView:
    rights: list[Right]
    state: StateNotes | None
    intro: str = field(default_factory=lambda: wording.RIGHTS_INTRO)
    legal: str = field(default_factory=lambda: wording.NOT_LEGAL_ADVICE)  # in the run's language


# --------------------------------------------------------- after the meeting


@dataclass(frozen=True)
class ReviewView:
    review: Review
    plan: PlanView  # the header and the after-meeting checklist
    open_questions: list[PlanQuestion]
    notes: list[Note]
    checks: list[SignCheck]
    legal: str = field(default_factory=lambda: wording.NOT_LEGAL_ADVICE)  # in the run's language


def review_view(review: Review) -> ReviewView:
    return ReviewView(
        review=review,
        plan=checklist_view(review.plan, [Phase.AFTER]),
        open_questions=list(review.open_questions),
        notes=list(review.notes),
        checks=list(review.checks),
    )


@dataclass(frozen=True)
class NotesView:
    notes: list[Note]


@dataclass(frozen=True)
class LetterView:
    letter: Letter
    legal: str = field(default_factory=lambda: wording.NOT_LEGAL_ADVICE)  # in the run's language


@dataclass(frozen=True)
class HistoryRow:
    number: int
    who: str
    meeting: str  # "Annual review, Thu Dec 10, 2026"
    saved: str  # "saved Sat Nov 28 at 00:56 · 2 notes"
    data: dict[str, object]  # the JSON row (a contract: see the README)


@dataclass(frozen=True)
class HistoryView:
    rows: list[HistoryRow]
    folder: str
    unfinished: dt.datetime | None = None


def history_view(
    rows: Sequence[dict[str, object]], folder: str, unfinished: dt.datetime | None
) -> HistoryView:
    from iepprep.core.common.safety import one_line
    from iepprep.core.family.profile import MeetingType
    from iepprep.core.i18n.labels import label
    from iepprep.core.i18n.messages import _, ngettext

    def counted(key: str, n: int) -> str:
        if key == "notes":
            return ngettext("{n} note", "{n} notes", n)
        if key == "answered":
            return ngettext("{n} answered", "{n} answered", n)
        return ngettext("{n} letter", "{n} letters", n)

    out = []
    for row in rows:
        who = one_line(str(row["child_name"])) if row["child_name"] else _("(no name)")
        kind = label(MeetingType(str(row["meeting_type"])))
        date = f", {readable_when(str(row['meeting_date']))}" if row["meeting_date"] else ""
        extra = []
        for key in ("notes", "answered", "letters"):
            count = int(str(row.get(key, 0)))
            if count:
                extra.append(counted(key, count).format(n=count))
        saved = _("saved {when}").format(when=readable_when(str(row["updated"])))
        saved += " · " + ", ".join(extra) if extra else ""
        out.append(HistoryRow(int(str(row["number"])), who, kind + date, saved, dict(row)))
    return HistoryView(out, folder, unfinished)


def readable_when(iso: str) -> str:
    """'Thu Dec 10, 2026' for a date, 'Sat Nov 28 at 00:56' for a date and time
    (as written, if it is neither)."""
    from iepprep.core.common.safety import one_line
    from iepprep.core.i18n import dates

    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return one_line(iso)
    if "T" in iso:
        return dates.short_moment(moment)
    from iepprep.core.i18n.language import is_spanish

    comma = "" if is_spanish() else ","  # 'sáb 12 dic 2026', 'Sat Dec 12, 2026'
    return f"{dates.short_date(moment.date())}{comma} {moment.year}"


def note_stamp(at: dt.datetime) -> str:
    """'Sat Nov 28, 00:56' / 'sáb 28 nov, 00:56': when a note was made."""
    from iepprep.core.i18n.dates import short_date

    return f"{short_date(at.date())}, {at:%H:%M}"

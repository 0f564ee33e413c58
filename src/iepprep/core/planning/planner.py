"""Turn a family's answers into a plan: a selection of tips and questions, with dates.

The planner is pure: the same profile, library and day always give the same plan.
A plan is a selection, not the whole library: every tip and question that applies
is scored for this family (see `priorities`), and the best are kept until the plan
fills a few printed pages. The before-the-meeting part is sized to the days left:
three days or fewer keep only the must-dos; weeks keep the full preparation, spread
over the time. `complete=True` (`iepprep plan --all`) keeps everything that applies.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from iepprep.core.content.library import Library
from iepprep.core.content.models import Applies, Phase, Question, Tip
from iepprep.core.content.reference import Glossary, GlossaryTerm, StateInfo
from iepprep.core.family.profile import MeetingType, Profile
from iepprep.core.i18n.dates import long_date
from iepprep.core.i18n.messages import _
from iepprep.core.planning.plan import (
    ChecklistItem,
    Plan,
    PlanDeadline,
    PlanQuestion,
    PlanWord,
    StateNotes,
)
from iepprep.core.planning.priorities import Fit, fit, with_worry

if TYPE_CHECKING:
    from iepprep.core.planning.schooldays import SchoolDays

SHORT_NOTICE_DAYS = 3  # this close to the meeting, only the must-dos
LAST_QUESTION_PRIORITY = 2  # priority-3 questions stay in the bank (`iepprep questions --all`)
SHORT_TIME_PENALTY = 10  # with days left, a step that is not a must-do drops back
WORRY_TIPS = 3  # at most this many tips join the plan for what the parent wrote
WORRY_MIN_SCORE = 6.0  # search scores below this are guesses, not answers
WORRY_RELATIVE = 0.6  # ... and so are hits far below the best one
# Steps that need someone at school to read or answer them: dated on school days.
SCHOOL_VERBS = {"ask", "send", "tell", "answer", "call", "get", "share", "request"}
SCHOOL_TOPICS = {"records", "communication", "scheduling", "language", "team"}


@dataclass(frozen=True)
class Sizing:
    """How much of each part a plan keeps (None: everything that applies)."""

    before: int | None
    during: int | None
    after: int | None
    questions: int | None
    words: int | None
    days_left: int | None  # until the meeting; None without a date

    @property
    def short(self) -> bool:
        return self.days_left is not None and 0 <= self.days_left <= SHORT_NOTICE_DAYS

    def limit(self, phase: Phase) -> int | None:
        return {Phase.BEFORE: self.before, Phase.DURING: self.during, Phase.AFTER: self.after}[
            phase
        ]


def sizing_for(profile: Profile, today: dt.date, *, complete: bool = False) -> Sizing:
    """A plan that fits a few printed pages, its first part sized to the time left."""
    meeting = profile.meeting_date
    days_left = (meeting - today).days if meeting is not None else None
    if complete:
        return Sizing(None, None, None, None, None, days_left)
    if days_left is None:
        before = 12
    elif days_left < 0:
        before = 6  # the meeting is over: the steps after it matter now
    elif days_left <= SHORT_NOTICE_DAYS:
        before = 8
    elif days_left < 14:
        before = 10
    else:
        before = 12
    return Sizing(before, 8, 7, 18, 8, days_left)


# Plan objects are built with model_construct: the planner makes them from validated
# content, so validating them again would only build schemas and slow every command.


def worry_tips(profile: Profile, library: Library) -> list[str]:
    """The ids of the tips that answer what the parent wrote, best first."""
    if not profile.worries:
        return []
    from iepprep.core.search.tips import search_tips

    hits = search_tips(library, profile.worries, limit=WORRY_TIPS * 2)
    # A worry brings tips from any topic, but never ones for another age.
    hits = [hit for hit in hits if fits_age(hit.tip.applies, profile)][:WORRY_TIPS]
    if not hits:
        return []
    floor = max(WORRY_MIN_SCORE, hits[0].score * WORRY_RELATIVE)
    return [hit.tip.id for hit in hits if hit.score >= floor]


def fits_age(applies: Applies, profile: Profile) -> bool:
    """The tip's grade condition (if any) holds for this family."""
    return applies.grade is None or profile.grade in applies.grade


def score_tips(
    profile: Profile, library: Library, sizing: Sizing, worried: list[str]
) -> dict[str, Fit]:
    """Every tip for this family (or for what they wrote), with its score and reason."""
    fits: dict[str, Fit] = {}
    for tip in library.tips.values():
        in_worry = tip.id in worried
        if not (tip.applies.matches(profile) or in_worry):
            continue
        found = fit(tip.priority, profile, tip.applies, tip_id=tip.id)
        if in_worry and profile.worries:
            found = with_worry(found, profile.worries)
        elif sizing.short and tip.phase is Phase.BEFORE and tip.priority > 1:
            found = Fit(found.score - SHORT_TIME_PENALTY, found.reason, found.tailored)
        fits[tip.id] = found
    return fits


def select_tips(
    profile: Profile,
    library: Library,
    sizing: Sizing | None = None,
    fits: dict[str, Fit] | None = None,
) -> list[Tip]:
    """The tips for this family, in library order: the best of each phase."""
    sizing = sizing or sizing_for(profile, dt.date.today())
    fits = fits if fits is not None else score_tips(profile, library, sizing, [])
    order = {tip_id: index for index, tip_id in enumerate(library.tips)}
    keep: set[str] = set()
    for phase in Phase:
        ranked = sorted(
            (tip for tip in library.tips_in(phase) if tip.id in fits),
            key=lambda tip: (-fits[tip.id].score, order[tip.id]),
        )
        keep.update(tip.id for tip in ranked[: sizing.limit(phase)])
    return [tip for tip in library.tips.values() if tip.id in keep]


def _with_school(tip: Tip) -> bool:
    """Whether a step needs someone at school. `tip` is the English tip (its title's
    first word is read): see `school_steps`."""
    words = tip.title.split()
    return (bool(words) and words[0].lower() in SCHOOL_VERBS) or bool(
        SCHOOL_TOPICS & set(tip.topics)
    )


def school_steps(tips: list[Tip], library: Library) -> frozenset[str]:
    """The ids of the steps that need someone at school, read from each tip's English
    (`Library.original`), so a Spanish plan dates them on the same school days."""
    return frozenset(tip.id for tip in tips if _with_school(library.original(tip.id)))


def due_dates(
    tips: list[Tip], profile: Profile, today: dt.date, with_school: frozenset[str]
) -> dict[str, dt.date]:
    """Target dates: never in the past, before-steps on or before the meeting day,
    never on a federal holiday, and steps that need someone at school on school days.

    When the time left is shorter than the preparation needs, the whole timeline is
    compressed into the days that are left, in the same order, so the steps that need
    the most lead time come first; no day gets more than its share of the steps.
    """
    meeting = profile.meeting_date
    if meeting is None:
        return {}
    from iepprep.core.planning.schooldays import SchoolDays

    calendar = SchoolDays(today, meeting + dt.timedelta(days=60))
    due: dict[str, dt.date] = {}
    if meeting >= today:
        due.update(_before_dates(tips, meeting, today, calendar, with_school))
    for tip in tips:
        if tip.days_after is not None:
            day = meeting + dt.timedelta(days=tip.days_after)
            if tip.id in with_school:
                day = calendar.on_or_after(day)
            else:
                day = _not_a_holiday(day, calendar)
            if day >= today:
                due[tip.id] = day
    return due


def _before_dates(
    tips: list[Tip],
    meeting: dt.date,
    today: dt.date,
    calendar: SchoolDays,
    with_school: frozenset[str],
) -> dict[str, dt.date]:
    last = max(today, meeting - dt.timedelta(days=1))
    dated = sorted(
        (tip for tip in tips if tip.days_before is not None),
        key=lambda tip: -(tip.days_before or 0),
    )
    if not dated:
        return {}
    longest = dated[0].days_before or 0
    days_left = (meeting - today).days
    # A day holds at most its share of the squeezed steps (those that lost lead time).
    share = max(2, math.ceil(len(dated) / ((last - today).days + 1)))
    taken: dict[dt.date, int] = {}
    due = {}
    for tip in dated:
        lead = tip.days_before or 0
        ahead = _days_ahead(lead, longest, days_left)
        day = max(today, meeting - dt.timedelta(days=ahead)) if ahead else meeting
        if ahead:
            school = tip.id in with_school
            day = _school_day(school, min(day, last), today, last, calendar)
            squeezed = ahead < lead
            if squeezed and taken.get(day, 0) >= share:  # full: the next day with room
                day = next(
                    (
                        d
                        for d in _days_after(day, last)
                        if taken.get(d, 0) < share and _fits(school, d, calendar)
                    ),
                    day,
                )
        taken[day] = taken.get(day, 0) + 1
        due[tip.id] = day
    return due


def _days_ahead(lead: int, longest: int, days_left: int) -> int:
    """How many days before the meeting a step with `lead` days of lead time is due.

    When the longest lead does not fit in the days left, the near steps keep their
    dates and the far ones are squeezed, in order, into the rest of the time.
    """
    if longest <= days_left:
        return lead
    knee = days_left / 2
    if lead <= knee:
        return lead
    squeezed = knee + (lead - knee) * (days_left - knee) / (longest - knee)
    return min(days_left, math.ceil(squeezed - 1e-9))


def _days_after(day: dt.date, last: dt.date) -> list[dt.date]:
    return [day + dt.timedelta(days=n) for n in range(1, (last - day).days + 1)]


def _fits(school: bool, day: dt.date, calendar: SchoolDays) -> bool:
    """A day this step may be due: a school day when it needs the school, else any
    day but a holiday."""
    return calendar.is_school_day(day) if school else not calendar.holiday(day)


def _not_a_holiday(day: dt.date, calendar: SchoolDays) -> dt.date:
    while calendar.holiday(day):
        day += dt.timedelta(days=1)
    return day


def _school_day(
    school: bool, day: dt.date, first: dt.date, last: dt.date, calendar: SchoolDays
) -> dt.date:
    """`day`, moved off a holiday, and for a step that needs the school to the nearest
    school day between `first` and `last` (earlier rather than later)."""
    if _fits(school, day, calendar):
        return day
    for step in (-1, 1):
        option = day
        while first <= option <= last:
            if _fits(school, option, calendar):
                return option
            option += dt.timedelta(days=step)
    return day


def checklist_for(
    profile: Profile,
    tips: list[Tip],
    today: dt.date,
    with_school: frozenset[str],
    fits: dict[str, Fit] | None = None,
) -> list[ChecklistItem]:
    fits = fits or {tip.id: fit(tip.priority, profile, tip.applies, tip_id=tip.id) for tip in tips}
    due = due_dates(tips, profile, today, with_school)
    items = [
        ChecklistItem.model_construct(
            id=tip.id,
            phase=tip.phase,
            text=tip.title,
            why=tip.why,
            due=due.get(tip.id),
            tips=[tip.id],
            priority=tip.priority,
            citation=tip.citation,
            varies_by_state=tip.varies_by_state,
            source=tip.source.kind,
            reason=fits[tip.id].reason,
            tailored=fits[tip.id].tailored,
            score=fits[tip.id].score,
        )
        for tip in tips
    ]
    order = {item.id: index for index, item in enumerate(items)}

    def sort_key(item: ChecklistItem) -> tuple[int, dt.date, int, int]:
        # Before and after: by date, then importance. At the meeting: in meeting order.
        phase_rank = list(Phase).index(item.phase)
        if item.phase is Phase.DURING:
            return (phase_rank, dt.date.max, 0, order[item.id])
        return (phase_rank, item.due or dt.date.max, -fits[item.id].score, order[item.id])

    return sorted(items, key=sort_key)


def questions_for(
    profile: Profile,
    library: Library,
    sizing: Sizing | None = None,
    worried: Sequence[str] = (),
) -> list[PlanQuestion]:
    """The questions that matter most for this family, grouped by topic.

    Every question that applies is scored with its topic (a discipline question
    carries the discipline meeting's weight), so none is lost to a per-topic cap.
    """
    limit = sizing.questions if sizing is not None else None
    complete = sizing is not None and sizing.questions is None
    topic_order = {topic.id: index for index, topic in enumerate(library.topics)}
    topics = {topic.id: topic for topic in library.topics}
    candidates: list[tuple[int, int, Fit, Question]] = []
    for index, question in enumerate(library.questions):
        topic = topics[question.topic]
        # A question that answers what the parent wrote joins even from another topic.
        in_worry = bool(profile.worries and set(question.tips) & set(worried))
        if not in_worry and not (
            topic.applies.matches(profile) and question.applies.matches(profile)
        ):
            continue
        found = fit(question.priority, profile, question.applies, topic.applies, kind="question")
        if in_worry and profile.worries:
            found = with_worry(found, profile.worries)
        elif question.priority > LAST_QUESTION_PRIORITY and not complete:
            continue
        candidates.append((-found.score, index, found, question))
    candidates.sort(key=lambda entry: entry[:2])
    kept = candidates[:limit]
    kept.sort(key=lambda entry: (topic_order[entry[3].topic], entry[3].priority, entry[1]))
    return [
        PlanQuestion.model_construct(
            id=q.id,
            topic=q.topic,
            topic_title=topics[q.topic].title,
            text=q.text,
            tips=list(q.tips),
            priority=q.priority,
            number=number,
            reason=found.reason,
            tailored=found.tailored,
        )
        for number, (_, _, found, q) in enumerate(kept, start=1)
    ]


def all_questions(library: Library) -> list[PlanQuestion]:
    """The whole question bank, grouped by topic (for `iepprep questions --all`)."""
    titles = {topic.id: topic.title for topic in library.topics}
    ordered = sorted(
        library.questions,
        key=lambda q: ([t.id for t in library.topics].index(q.topic), q.priority),
    )
    return [
        PlanQuestion.model_construct(
            id=q.id,
            topic=q.topic,
            topic_title=titles[q.topic],
            text=q.text,
            tips=list(q.tips),
            priority=q.priority,
            number=number,
        )
        for number, q in enumerate(ordered, start=1)
    ]


def notices_for(profile: Profile, today: dt.date) -> list[str]:
    notices: list[str] = []
    meeting = profile.meeting_date
    if meeting is not None and meeting < today:
        notices.append(
            _(
                "Your meeting date, {date}, has passed. The steps after the meeting matter "
                "most now. If another meeting is coming, run iepprep plan again with its date."
            ).format(date=long_date(meeting))
        )
    elif meeting is not None and (meeting - today).days < 3:
        notices.append(
            _(
                "Your meeting is very soon. Do the most important steps first: write your "
                "questions down, and remember you may take the IEP home before signing."
            )
        )
    if meeting is not None and meeting >= today and meeting.weekday() >= 5:
        # Typed from an answers file, or "in 2 weeks" landing on a Saturday: schools
        # rarely meet then, and the date is in every letter.
        notices.append(
            _(
                "Your meeting date, {date}, is on a weekend. Check the day with the school; "
                "if it is wrong, change meeting_date in your answers or run iepprep plan again."
            ).format(date=long_date(meeting))
        )
    return notices


def sizing_notice(sizing: Sizing, steps: tuple[int, int], questions: tuple[int, int]) -> str | None:
    """What the plan left out, and how to see it: (kept, that applied) for each."""
    if steps[0] == steps[1] and questions[0] == questions[1]:
        return None
    days = sizing.days_left
    if sizing.short and days is not None:
        # Not "in 3 days": the notice is printed in files too, read on later days.
        first = _("Your meeting is soon, so this plan keeps the must-dos, most important first.")
    else:
        first = _("This plan keeps what matters most for your family.")
    rest = _(
        "It has {kept_steps} of {all_steps} steps and {kept_questions} of {all_questions} "
        "questions. See them all: iepprep plan --all"
    ).format(
        kept_steps=steps[0],
        all_steps=steps[1],
        kept_questions=questions[0],
        all_questions=questions[1],
    )
    return f"{first} {rest}"


def words_for(
    glossary: Glossary, profile: Profile, limit: int | None = 8
) -> list[tuple[GlossaryTerm, Fit]]:
    """The words this family is likely to hear: their meeting's words first, then
    their concerns', then the few everyone hears."""
    ranked = []
    for index, entry in enumerate(glossary.terms):
        if not entry.applies.matches(profile):
            continue
        found = fit(entry.priority, profile, entry.applies, kind="word")
        if found.tailored or entry.priority == 1:
            ranked.append((-found.score, index, entry, found))
    ranked.sort(key=lambda row: row[:2])
    return [(entry, found) for _, _, entry, found in ranked[:limit]]


def state_notes(profile: Profile, states: dict[str, StateInfo]) -> StateNotes | None:
    if profile.state is None or profile.state_name is None:
        return None
    from iepprep.core.i18n.labels import state_name

    name = state_name(profile.state) or profile.state_name
    info = states.get(profile.state)
    if info is None:
        return StateNotes.model_construct(code=profile.state, name=name, known=False)
    return StateNotes.model_construct(
        code=profile.state,
        name=name,
        known=True,
        meeting_name=info.meeting_name,
        notes=[note.model_dump(mode="json") for note in info.notes],
    )


def make_plan(
    profile: Profile,
    library: Library,
    *,
    today: dt.date,
    generic: bool = False,
    glossary: Glossary | None = None,
    states: dict[str, StateInfo] | None = None,
    complete: bool = False,
) -> Plan:
    """The plan for `profile`. With a glossary, acronyms are spelled out on first use
    and the plan ends with the words this family may hear. `complete` keeps every
    step and question that applies, not only those that matter most."""
    sizing = sizing_for(profile, today, complete=complete)
    worried = worry_tips(profile, library)
    fits = score_tips(profile, library, sizing, worried)
    tips = select_tips(profile, library, sizing, fits)
    questions = questions_for(profile, library, sizing, worried)
    notices = notices_for(profile, today)
    if not complete:
        every = len(questions_for(profile, library, sizing_for(profile, today, complete=True)))
        left_out = sizing_notice(
            sizing, (len(tips), len(fits)), (len(questions), max(every, len(questions)))
        )
        if left_out:
            notices.append(left_out)
    if generic:
        notices.insert(
            0,
            _(
                "No answers saved yet, so this is a general plan for a first IEP meeting. "
                "Run iepprep plan to make one for your child."
            ),
        )
    plan = Plan.model_construct(
        profile=profile,
        today=today,
        checklist=checklist_for(profile, tips, today, school_steps(tips, library), fits),
        questions=questions,
        notices=notices,
        generic=generic,
        complete=complete,
        state=state_notes(profile, states) if states is not None else None,
        deadline=None if generic else next_deadline(profile, today),
    )
    if glossary is None:
        return plan
    from iepprep.core.planning.jargon import explain_plan

    words = [
        PlanWord.model_construct(
            term=e.term,
            expansion=e.expansion,
            definition=e.definition,
            citation=e.citation,
            reason=found.reason,
        )
        for e, found in words_for(glossary, profile, sizing.words)
    ]
    return explain_plan(plan, glossary).model_copy(update={"words": words})


def next_deadline(profile: Profile, today: dt.date) -> PlanDeadline | None:
    """The next legal deadline this meeting starts (see `iepprep deadlines`)."""
    from iepprep.core.deadlines.counting import meeting_deadline

    found = meeting_deadline(
        profile.meeting_type.value, profile.meeting_date, state=profile.state, today=today
    )
    if found is None:
        return None
    return PlanDeadline.model_construct(
        id=found.rule.id, title=found.rule.title, date=found.date, citation=found.rule.citation
    )


def generic_profile() -> Profile:
    """A first IEP meeting, for when there are no answers yet. Constructed, not
    validated: building Profile's validator would cost ~6 ms for two known values
    (a test checks it equals the validated profile)."""
    return Profile.model_construct(first_meeting=True, meeting_type=MeetingType.INITIAL)

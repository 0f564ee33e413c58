"""Turn a family's answers into a plan: a selection of tips and questions, with dates.

The planner is pure: the same profile, library and day always give the same plan.
A plan is a selection, not the whole library. Tips written for this family's
situation (a first meeting, a tense relationship, a discipline meeting, …) always
come in; general tips come in by priority until each phase is full.
"""

from __future__ import annotations

import datetime as dt

from iepprep.core.content.library import Library
from iepprep.core.content.models import Phase, Tip
from iepprep.core.content.reference import Glossary, StateInfo
from iepprep.core.family.profile import MeetingType, Profile
from iepprep.core.i18n.dates import long_date
from iepprep.core.i18n.messages import _
from iepprep.core.planning.plan import ChecklistItem, Plan, PlanQuestion, PlanWord, StateNotes

# How many checklist lines each phase may hold; tailored tips may exceed it.
PHASE_LIMITS = {Phase.BEFORE: 12, Phase.DURING: 11, Phase.AFTER: 9}
QUESTIONS_PER_TOPIC = 3
LAST_QUESTION_PRIORITY = 2  # priority-3 questions stay in the bank (`iepprep questions --all`)


def select_tips(profile: Profile, library: Library) -> list[Tip]:
    """The tips for this family, in library order."""
    chosen: list[Tip] = []
    for phase in Phase:
        matching = [tip for tip in library.tips_in(phase) if tip.applies.matches(profile)]
        # Tailored: written for this family's situation and important. Nice-to-have
        # tailored tips compete for room like general ones.
        tailored = [tip for tip in matching if not tip.applies.is_general and tip.priority < 3]
        tailored_ids = {tip.id for tip in tailored}
        general = sorted(
            (tip for tip in matching if tip.id not in tailored_ids), key=lambda tip: tip.priority
        )
        room = max(PHASE_LIMITS[phase] - len(tailored), 0)
        essentials = [tip for tip in general if tip.priority == 1]
        others = [tip for tip in general if tip.priority > 1]
        keep = {tip.id for tip in tailored + essentials + others[: max(room - len(essentials), 0)]}
        chosen.extend(tip for tip in matching if tip.id in keep)
    return chosen


def _due(tip: Tip, profile: Profile, today: dt.date) -> dt.date | None:
    meeting = profile.meeting_date
    if meeting is None:
        return None
    if tip.days_before is not None and meeting >= today:
        return max(meeting - dt.timedelta(days=tip.days_before), today)
    if tip.days_after is not None:
        return meeting + dt.timedelta(days=tip.days_after)
    return None


# Plan objects are built with model_construct: the planner makes them from validated
# content, so validating them again would only build schemas and slow every command.


def checklist_for(profile: Profile, tips: list[Tip], today: dt.date) -> list[ChecklistItem]:
    items = [
        ChecklistItem.model_construct(
            id=tip.id,
            phase=tip.phase,
            text=tip.title,
            why=tip.why,
            due=_due(tip, profile, today),
            tips=[tip.id],
            priority=tip.priority,
            citation=tip.citation,
            varies_by_state=tip.varies_by_state,
            source=tip.source.kind,
        )
        for tip in tips
    ]
    order = {item.id: index for index, item in enumerate(items)}

    def sort_key(item: ChecklistItem) -> tuple[int, dt.date, int, int]:
        # Before and after: by date, then importance. At the meeting: in meeting order.
        phase_rank = list(Phase).index(item.phase)
        if item.phase is Phase.DURING:
            return (phase_rank, dt.date.max, 0, order[item.id])
        return (phase_rank, item.due or dt.date.max, item.priority, order[item.id])

    return sorted(items, key=sort_key)


def questions_for(profile: Profile, library: Library) -> list[PlanQuestion]:
    chosen: list[PlanQuestion] = []
    for topic in library.topics:
        if not topic.applies.matches(profile):
            continue
        fitting = [
            question
            for question in library.questions
            if question.topic == topic.id
            and question.priority <= LAST_QUESTION_PRIORITY
            and question.applies.matches(profile)
        ]
        fitting.sort(key=lambda question: question.priority)  # stable: file order within ties
        before = len(chosen)
        chosen.extend(
            PlanQuestion.model_construct(
                id=question.id,
                topic=topic.id,
                topic_title=topic.title,
                text=question.text,
                tips=list(question.tips),
                priority=question.priority,
                number=before + offset,
            )
            for offset, question in enumerate(fitting[:QUESTIONS_PER_TOPIC], start=1)
        )
    return chosen


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
    return notices


def state_notes(profile: Profile, states: dict[str, StateInfo]) -> StateNotes | None:
    if profile.state is None or profile.state_name is None:
        return None
    info = states.get(profile.state)
    if info is None:
        return StateNotes.model_construct(code=profile.state, name=profile.state_name, known=False)
    return StateNotes.model_construct(
        code=profile.state,
        name=profile.state_name,
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
) -> Plan:
    """The plan for `profile`. With a glossary, acronyms are spelled out on first use
    and the plan ends with the words this family may hear."""
    tips = select_tips(profile, library)
    notices = notices_for(profile, today)
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
        checklist=checklist_for(profile, tips, today),
        questions=questions_for(profile, library),
        notices=notices,
        generic=generic,
        state=state_notes(profile, states) if states is not None else None,
    )
    if glossary is None:
        return plan
    from iepprep.core.planning.jargon import explain_plan

    words = [
        PlanWord.model_construct(
            term=e.term, expansion=e.expansion, definition=e.definition, citation=e.citation
        )
        for e in glossary.words_for(profile)
    ]
    return explain_plan(plan, glossary).model_copy(update={"words": words})


def generic_profile() -> Profile:
    """A first IEP meeting, for when there are no answers yet. Constructed, not
    validated: building Profile's validator would cost ~6 ms for two known values
    (a test checks it equals the validated profile)."""
    return Profile.model_construct(first_meeting=True, meeting_type=MeetingType.INITIAL)

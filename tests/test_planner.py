"""Tailoring: each rule of the issue is a test, and plans are selections."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY
from iepprep.core.content.library import Library
from iepprep.core.content.models import Phase
from iepprep.core.family.profile import Profile
from iepprep.core.planning.plan import Plan
from iepprep.core.planning.planner import make_plan


def plan_for(library: Library, **answers: object) -> Plan:
    return make_plan(Profile.model_validate(answers), library, today=TODAY)


def ids(plan: Plan) -> set[str]:
    return {item.id for item in plan.checklist}


def topics(plan: Plan) -> set[str]:
    return {q.topic for q in plan.questions}


def test_first_meeting_gets_the_basics(library: Library) -> None:
    first = ids(plan_for(library, first_meeting=True, attendees=["partner"]))
    assert {
        "learn-the-language",
        "take-notes",
        "take-it-home-before-signing",
        "bring-a-photo",
    } <= first
    later = ids(plan_for(library, first_meeting=False, attendees=["partner"]))
    assert "learn-the-language" not in later and "bring-a-photo" not in later


def test_going_alone_means_bring_someone(library: Library) -> None:
    assert "dont-go-alone" in ids(plan_for(library, attendees=[]))
    assert "dont-go-alone" in ids(plan_for(library, attendees=["child", "interpreter"]))
    assert "dont-go-alone" not in ids(plan_for(library, attendees=["friend"]))


def test_tense_relationship(library: Library) -> None:
    tense = ids(plan_for(library, relationship="tense"))
    assert {"put-it-in-writing", "when-you-disagree", "consider-an-advocate"} <= tense
    calm = ids(plan_for(library, relationship="collaborative"))
    assert not {"put-it-in-writing", "when-you-disagree", "consider-an-advocate"} & calm


def test_homeschool_and_private_school(library: Library) -> None:
    for schooling in ("homeschool", "private"):
        plan = plan_for(library, schooling=schooling)
        assert {"services-outside-public-school", "child-find"} <= ids(plan)
        assert "outside-public-school" in topics(plan)
    public = plan_for(library, schooling="public")
    assert "services-outside-public-school" not in ids(public)
    assert "outside-public-school" not in topics(public)


def test_high_school_transition(library: Library) -> None:
    for grade in ("high", "post_secondary"):
        plan = plan_for(library, grade=grade)
        assert {"transition-planning", "invite-your-student", "age-of-majority"} <= ids(plan)
        assert "transition" in topics(plan)
    assert "transition-planning" not in ids(plan_for(library, grade="middle"))


def test_discipline_meeting(library: Library) -> None:
    plan = plan_for(library, meeting_type="discipline")
    assert {"learn-manifestation-determination", "fba-and-bip"} <= ids(plan)
    assert "discipline" in topics(plan)
    assert "discipline" not in topics(plan_for(library, meeting_type="annual"))


def test_concerns_bring_their_question_topics(library: Library) -> None:
    plan = plan_for(library, concerns=["reading", "speech_language", "behavior"])
    assert {"academics", "communication-needs", "behavior"} <= topics(plan)
    texts = " ".join(q.text for q in plan.questions)
    assert "reading instruction" in texts
    none = plan_for(library, concerns=[])
    assert not {"academics", "communication-needs", "behavior"} & topics(none)


def test_missing_documents_are_requested(library: Library) -> None:
    missing = ids(plan_for(library, meeting_type="reevaluation", documents_received=[]))
    assert {"request-evaluation-report", "ask-for-a-draft", "request-progress-reports"} <= missing
    have = ids(
        plan_for(
            library,
            meeting_type="reevaluation",
            documents_received=["draft_iep", "evaluation_report", "progress_reports"],
        )
    )
    assert not {"request-evaluation-report", "ask-for-a-draft", "request-progress-reports"} & have


def test_other_language_gets_an_interpreter(library: Library) -> None:
    assert {"ask-for-an-interpreter", "ask-for-translated-documents"} <= ids(
        plan_for(library, language="es")
    )
    assert "ask-for-an-interpreter" not in ids(plan_for(library, language="en"))


def test_target_dates_count_back_from_the_meeting(library: Library) -> None:
    meeting = dt.date(2026, 12, 20)
    plan = plan_for(library, meeting_date=meeting.isoformat(), first_meeting=True)
    by_id = {item.id: item for item in plan.checklist}
    assert by_id["learn-the-language"].due == meeting - dt.timedelta(days=7)
    assert by_id["send-a-recap"].due == meeting + dt.timedelta(days=2)
    before = [item.due for item in plan.phase(Phase.BEFORE) if item.due]
    assert before == sorted(before)
    assert all(due >= TODAY for due in before)


def test_target_dates_never_fall_in_the_past(library: Library) -> None:
    plan = plan_for(library, meeting_date="2026-11-30")
    assert all(item.due >= TODAY for item in plan.phase(Phase.BEFORE) if item.due)


def test_passed_meeting_says_so(library: Library) -> None:
    plan = plan_for(library, meeting_date="2026-11-01")
    assert plan.meeting_passed
    assert any("has passed" in notice for notice in plan.notices)
    assert all(item.due is None for item in plan.phase(Phase.BEFORE))


def test_no_date_means_no_due_dates(library: Library) -> None:
    assert all(item.due is None for item in plan_for(library).checklist)


def test_a_plan_is_a_selection(library: Library) -> None:
    a = plan_for(
        library,
        first_meeting=True,
        meeting_type="initial",
        grade="preschool",
        concerns=["speech_language"],
        language="es",
    )
    b = plan_for(
        library,
        meeting_type="discipline",
        grade="high",
        relationship="tense",
        attendees=["advocate"],
        concerns=["behavior"],
        documents_received=["draft_iep", "evaluation_report", "progress_reports"],
    )
    for plan in (a, b):
        assert len(plan.checklist) < len(library.tips) * 0.6
        assert len(plan.questions) < len(library.questions) * 0.6
    # Essentials (take notes, ask when confused, …) are shared; a good part is not.
    assert len(ids(a) - ids(b)) >= len(ids(a)) / 3
    assert len(ids(b) - ids(a)) >= len(ids(b)) / 3
    assert topics(a) != topics(b)


def test_questions_most_important_first_within_a_topic(library: Library) -> None:
    plan = plan_for(library, concerns=["reading"])
    for topic in topics(plan):
        priorities = [q.priority for q in plan.questions if q.topic == topic]
        assert priorities == sorted(priorities)


def test_every_checklist_item_points_to_a_tip(library: Library) -> None:
    plan = plan_for(library, first_meeting=True)
    for item in plan.checklist:
        assert item.tips and all(tip in library.tips for tip in item.tips)


def test_questions_are_numbered_in_plan_order(library: Library) -> None:
    from iepprep.core.planning.planner import all_questions

    plan = make_plan(Profile(concerns=["behavior", "speech_language"]), library, today=TODAY)
    assert [q.number for q in plan.questions] == list(range(1, len(plan.questions) + 1))
    bank = all_questions(library)
    assert [q.number for q in bank] == list(range(1, len(bank) + 1))


def test_the_generic_profile_is_what_validation_would_give() -> None:
    from iepprep.core.planning.planner import generic_profile

    validated = Profile.model_validate({"first_meeting": True, "meeting_type": "initial"})
    assert generic_profile() == validated
    assert generic_profile().answers() == validated.answers()

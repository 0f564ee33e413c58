"""Tailoring: each rule of the issue is a test, and plans are selections."""

from __future__ import annotations

import datetime as dt
import re

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


# ---------------------------------------------------------------- a plan shaped by the family

FAMILY = {"meeting_type": "initial", "first_meeting": True, "grade": "kindergarten"}


def plan_on(library: Library, today: dt.date, **answers: object) -> Plan:
    return make_plan(Profile.model_validate(answers), library, today=today)


def test_three_days_keep_the_must_dos_and_weeks_keep_the_full_preparation(
    library: Library,
) -> None:
    soon = plan_for(library, **FAMILY, meeting_date="2026-11-30")  # 3 days
    later = plan_for(library, **FAMILY, meeting_date="2026-12-28")  # a month
    short, full = soon.phase(Phase.BEFORE), later.phase(Phase.BEFORE)
    assert len(short) <= 8 < len(full)
    # The must-dos: every essential step kept outranks every step left out.
    kept = {item.id for item in short}
    assert {"request-evaluation-report", "learn-the-language"} <= kept
    assert all(item.priority == 1 or item.tailored for item in short)
    for plan in (soon, later):
        meeting = plan.profile.meeting_date
        assert meeting is not None
        for item in plan.phase(Phase.BEFORE):
            assert item.due is not None and TODAY <= item.due <= meeting, item
    assert any("keeps the must-dos" in notice for notice in soon.notices)
    # Notices are printed in files too: a date, never a count of days that goes stale.
    assert not any(re.search(r"\bin \d+ days\b", notice) for notice in soon.notices)


def test_a_short_time_is_spread_over_the_days_left_not_piled_on_today(library: Library) -> None:
    plan = plan_for(library, **FAMILY, meeting_date="2026-12-03", language="es")  # 6 days
    dues = [item.due for item in plan.phase(Phase.BEFORE)]
    assert dues.count(TODAY) <= 3
    assert len(set(dues)) >= 4


def test_due_dates_fall_on_school_days_and_never_on_a_holiday(library: Library) -> None:
    from iepprep.core.planning.planner import _with_school
    from iepprep.core.planning.schooldays import SchoolDays

    today = dt.date(2026, 11, 2)
    plan = plan_on(library, today, **FAMILY, meeting_date="2026-12-03", language="es")
    calendar = SchoolDays(today, dt.date(2027, 1, 31))
    assert calendar.holiday(dt.date(2026, 11, 26)) == "Thanksgiving Day"
    for item in plan.checklist:
        if item.due is None:
            continue
        assert calendar.holiday(item.due) is None, item
        if _with_school(library.tips[item.id]):
            assert calendar.is_school_day(item.due), item
    # 7 days before Dec 3 is Thanksgiving: learning the words moves off it.
    learn = next(item for item in plan.checklist if item.id == "learn-the-language")
    assert learn.due == dt.date(2026, 11, 25)


def test_a_spanish_plan_has_the_same_dates_as_the_english_one(library: Library) -> None:
    """The school-day rule reads each step's English, so a Spanish plan never moves a
    step that needs the school onto a weekend (testers: Sunday Nov 29, Saturday Dec 5)."""
    from iepprep.core.content.library import localize_library
    from iepprep.core.planning.schooldays import SchoolDays

    spanish = localize_library(library, "es")
    assert spanish.language == "es"
    today = dt.date(2026, 11, 28)  # a Saturday
    calendar = SchoolDays(today, dt.date(2027, 2, 28))
    for meeting in ("2026-12-07", "2026-12-10", "2026-12-12", "2027-01-08"):
        answers = {"meeting_type": "annual", "meeting_date": meeting, "concerns": ["behavior"]}
        english = plan_on(library, today, **answers)  # the same answers, read in each language
        es = plan_on(spanish, today, **answers)
        dates = {item.id: item.due for item in english.checklist if item.due}
        assert dates, meeting
        assert {item.id: item.due for item in es.checklist if item.due} == dates, meeting
        assert "request-progress-reports" in dates
        assert calendar.is_school_day(dates["request-progress-reports"])


def test_a_question_central_to_the_meeting_is_never_dropped(library: Library) -> None:
    plan = plan_for(
        library,
        meeting_type="discipline",
        grade="middle",
        concerns=["behavior", "attention", "reading", "social_emotional"],
        relationship="tense",
    )
    ids_ = {q.id for q in plan.questions}
    assert {
        "mdr-caused-by-disability",
        "mdr-iep-followed",
        "mdr-fba-bip",
        "mdr-services-during-removal",
    } <= ids_
    assert all(q.reason == "because this is a discipline meeting" for q in plan.questions[:4])
    assert len(plan.questions) <= 18


def test_all_keeps_everything_that_applies(library: Library) -> None:
    profile = Profile.model_validate({**FAMILY, "meeting_date": "2026-11-30"})
    default = make_plan(profile, library, today=TODAY)
    everything = make_plan(profile, library, today=TODAY, complete=True)
    assert len(everything.checklist) > len(default.checklist)
    assert len(everything.questions) > len(default.questions)
    assert {q.priority for q in everything.questions} == {1, 2, 3}
    assert {i.id for i in default.checklist} <= {i.id for i in everything.checklist}
    assert everything.complete and everything.to_json_data()["complete"] is True
    assert not any("plan --all" in notice for notice in everything.notices)
    assert any("plan --all" in notice for notice in default.notices)


def test_worries_in_their_own_words_bring_what_answers_them(library: Library) -> None:
    family = {"meeting_type": "annual", "grade": "middle"}
    calm = plan_for(library, **family)
    worried = plan_for(library, **family, worries="suspended 12 days, now they want to move him")
    assert "learn-manifestation-determination" not in ids(calm)
    joined = next(i for i in worried.checklist if i.id == "learn-manifestation-determination")
    assert joined.reason.startswith("because you wrote: \u201csuspended 12 days")
    assert not any(i.reason.startswith("because you wrote") for i in calm.checklist)
    from iepprep.core.planning.planner import worry_tips

    answering = set(worry_tips(worried.profile, library))
    from_worry = [q for q in worried.questions if q.reason.startswith("because you wrote")]
    assert from_worry and all(set(q.tips) & answering for q in from_worry)
    assert any(q.topic == "discipline" for q in from_worry)  # from a topic not otherwise shown


def test_a_worry_nothing_answers_adds_nothing_and_a_worry_adds_a_few(library: Library) -> None:
    from iepprep.core.planning.planner import WORRY_TIPS

    plan = plan_for(library, worries="qwerty zxcvb")
    assert not any(i.reason.startswith("because you wrote") for i in plan.checklist)
    wide = plan_for(library, worries="I am nervous I will sign something I don't agree with")
    marked = [i for i in wide.checklist if i.reason.startswith("because you wrote")]
    assert 1 <= len(marked) <= WORRY_TIPS


def test_each_item_says_why_it_is_there(library: Library) -> None:
    plan = plan_for(library, **FAMILY, relationship="tense", attendees=["partner"])
    for item in [*plan.checklist, *plan.questions, *plan.words]:
        assert item.reason, item
    by_id = {item.id: item for item in plan.checklist}
    assert by_id["learn-the-language"].reason == "because this is your first IEP meeting"
    assert by_id["consider-an-advocate"].reason == "because things are tense with the school"
    assert by_id["take-notes"].reason == "an essential step for every family"
    assert not by_id["take-notes"].tailored
    data = plan.to_json_data()
    assert all("reason" in item for item in data["checklist"])  # type: ignore[union-attr]


def test_attention_alone_brings_no_incident_or_restraint_questions(library: Library) -> None:
    attention = {q.id for q in plan_for(library, concerns=["attention"]).questions}
    assert "beh-attention-supports" in attention
    assert not {"beh-tell-me", "beh-fba", "beh-positive-supports"} & attention
    behavior = {q.id for q in plan_for(library, concerns=["behavior"]).questions}
    assert "beh-tell-me" in behavior


def test_words_follow_the_meeting_and_the_child(library: Library) -> None:
    from iepprep.core.content.reference import load_glossary

    def words(**answers: object) -> list[str]:
        profile = Profile.model_validate(answers)
        plan = make_plan(profile, library, today=TODAY, glossary=load_glossary())
        return [word.term for word in plan.words]

    discipline = words(meeting_type="discipline", grade="middle", concerns=["behavior"])
    assert {"MDR", "IAES", "Stay put", "FBA"} <= set(discipline)
    assert "Transition services" not in discipline
    assert discipline.index("MDR") < discipline.index("IEP")  # their meeting's words first
    assert "Transition services" in words(grade="high")
    assert "Evaluation" in words(meeting_type="initial", first_meeting=True)


def test_a_worry_never_brings_tips_for_another_age(run) -> None:  # type: ignore[no-untyped-def]
    # The example family's worry ("how we will know it is working") once read as "work"
    # and put graduation first in an elementary-school plan.
    import json

    plan = json.loads(run("plan", "--example", "-f", "json").stdout)
    ids = {item["id"] for item in plan["checklist"]}
    assert not ids & {"summary-of-performance", "transition-planning", "invite-your-student"}
    assert not [q for q in plan["questions"] if q["topic"] == "transition"]


def test_a_meeting_on_a_weekend_is_noted_in_the_plan(library: Library) -> None:
    from iepprep.core.i18n.language import set_current

    saturday = plan_on(library, dt.date(2026, 11, 28), meeting_date="2026-12-12")
    assert any(
        "Saturday, December 12, 2026, is on a weekend" in notice for notice in saturday.notices
    )
    thursday = plan_on(library, dt.date(2026, 11, 28), meeting_date="2026-12-10")
    assert not any("weekend" in notice for notice in thursday.notices)
    set_current("es")
    spanish = plan_on(library, dt.date(2026, 11, 28), meeting_date="2026-12-13")
    assert any("domingo, 13 de diciembre de 2026" in notice for notice in spanish.notices)
    assert any("fin de semana" in notice for notice in spanish.notices)

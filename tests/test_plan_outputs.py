"""What the plan's other outputs show: review, the question bank, the calendar, letters."""

from __future__ import annotations

import datetime as dt
import json

from conftest import TODAY


def family(write_yaml, **extra: object):
    answers = {"child_name": "Mia", "parent_name": "Ana", "meeting_date": "2026-12-10"}
    return write_yaml("family.yaml", {**answers, **extra})


def test_review_lists_open_questions_in_plan_order_and_the_answers_given(run, write_yaml) -> None:
    assert run("plan", "--answers", str(family(write_yaml, concerns=["reading"]))).exit_code == 0
    assert run("questions", "done", "3", "--answer", "every six weeks").exit_code == 0
    data = json.loads(run("review", "-f", "json").stdout)
    numbers = [q["number"] for q in data["open_questions"]]
    assert numbers == sorted(numbers) and 3 not in numbers
    assert data["answered"][0]["number"] == 3
    assert data["answered"][0]["answer"] == "every six weeks"
    text = run("review").stdout
    assert "answers you have" in text.lower() and "every six weeks" in text
    assert "every six weeks" in run("review", "-f", "markdown").stdout


def test_the_whole_question_bank_has_no_family_header(run, write_yaml) -> None:
    assert run("plan", "--answers", str(family(write_yaml))).exit_code == 0
    bank = run("questions", "--all").stdout
    assert "IEP meeting plan for Mia" not in bank and "questions to ask" in bank.lower()
    assert "IEP meeting plan for Mia" in run("questions").stdout


def test_the_meeting_time_is_shown_and_timed_on_the_calendar(run, write_yaml) -> None:
    answers = family(write_yaml, meeting_time="3:30 pm", language="es", first_meeting=True)
    # The family speaks Spanish; --lang en shows the plan in English all the same.
    assert (
        "Thursday, December 10, 2026 at 3:30 pm"
        in run("--lang", "en", "plan", "--answers", str(answers), "--no-save").stdout
    )
    assert "a las 3:30 pm" in run("plan", "--answers", str(answers), "--no-save").stdout
    ics = run("plan", "--answers", str(answers), "--no-save", "-f", "ics").stdout
    assert "DTSTART:20261210T153000" in ics and "TRIGGER:-P1D" in ics
    untimed = run("plan", "--answers", str(family(write_yaml)), "--no-save", "-f", "ics").stdout
    assert "DTSTART;VALUE=DATE:20261210" in untimed


def test_the_calendar_holds_a_dozen_steps_at_most_never_piled_or_on_a_holiday(
    run, write_yaml
) -> None:
    from collections import Counter

    from iepprep.core.planning.schooldays import SchoolDays

    answers = family(
        write_yaml,
        meeting_date="2026-11-30",
        meeting_type="initial",
        first_meeting=True,
        language="es",
        relationship="tense",
    )
    ics = run("plan", "--answers", str(answers), "--no-save", "--all", "-f", "ics").stdout
    dates = [line.split(":")[1] for line in ics.splitlines() if line.startswith("DTSTART;")]
    steps = dates[1:]  # the first is the meeting itself
    assert 1 <= len(steps) <= 12
    assert max(Counter(steps).values()) <= 2
    assert steps.count(TODAY.strftime("%Y%m%d")) <= 2
    school = SchoolDays(TODAY, TODAY.replace(year=2027))
    import datetime as dt

    assert not any(school.holiday(dt.datetime.strptime(day, "%Y%m%d").date()) for day in steps)


def test_a_recap_before_the_meeting_warns_and_says_how_to_go_on(run, write_yaml) -> None:
    answers = str(family(write_yaml))
    early = run("letter", "recap", "--answers", answers)
    assert early.exit_code == 0
    assert "a recap is for after it" in early.stderr and "iepprep plan --edit" in early.stderr
    assert "after it" in run("letter", "disagreement", "--answers", answers).stderr
    assert "after it" not in run("letter", "records-request", "--answers", answers).stderr
    past = str(write_yaml("past.yaml", {"meeting_date": "2026-11-20"}))
    assert "after it" not in run("letter", "recap", "--answers", past).stderr


def test_letters_end_with_places_for_contact_details(run, write_yaml) -> None:
    answers = str(family(write_yaml))
    for kind in ("records-request", "parent-concerns", "meeting-request", "recap", "disagreement"):
        text = run("letter", kind, "--answers", answers).stdout
        assert text.rstrip().endswith("Ana\n[your phone number]\n[your e-mail address]"), kind


def test_a_worry_shows_on_screen_where_it_brought_something(run, write_yaml) -> None:
    worried = family(write_yaml, worries="suspended 12 days, now they want to move him")
    text = run("plan", "--answers", str(worried), "--no-save").stdout
    assert "because you wrote: \u201csuspended 12 days" in text
    calm = run("plan", "--answers", str(family(write_yaml)), "--no-save").stdout
    assert "because you wrote" not in calm


def test_files_show_the_meeting_date_not_a_count_of_days(run, write_yaml, tmp_path) -> None:
    """'(in 12 days)' is wrong the day after a file is printed: only a screen says it."""
    answers = write_yaml("a.yaml", {"child_name": "Maya", "meeting_date": "2026-12-10"})
    for suffix in ("md", "html", "txt"):
        out = tmp_path / f"plan.{suffix}"
        assert run("plan", "--answers", str(answers), "-o", str(out)).exit_code == 0
        written = out.read_text(encoding="utf-8")
        assert "December 10, 2026" in written, suffix
        assert "in 13 days" not in written, suffix
    pdf = tmp_path / "plan.pdf"
    assert run("plan", "--answers", str(answers), "-o", str(pdf)).exit_code == 0
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "December 10, 2026" in text and "in 13 days" not in text


def test_the_screen_still_counts_the_days(library) -> None:
    from iepprep.core.family.profile import Profile
    from iepprep.core.planning.planner import make_plan
    from iepprep.render.views import plan_view

    profile = Profile(child_name="Maya", meeting_date=dt.date(2026, 12, 10))
    view = plan_view(make_plan(profile, library, today=TODAY))
    assert dict(view.facts_on_screen)["When"].endswith("(in 13 days)")
    assert not dict(view.facts)["When"].endswith("days)")

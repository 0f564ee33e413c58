"""Deadlines: worked examples from the regulations, counted by hand, and bad input.

Each expected date below was counted by hand on a paper calendar from the rule's text;
the comment beside it shows the count.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from iepprep.core.deadlines.calendar import Closures, SchoolCalendar, read_closures
from iepprep.core.deadlines.counting import deadlines_for
from iepprep.core.deadlines.rules import Event, load_rules
from iepprep.errors import InputError

D = dt.date
TODAY = D(2026, 11, 28)

# A district calendar for 2026-27, as a parent would type it.
DISTRICT = """\
# Our district, 2026-27
2026-11-23 to 2026-11-27   # Thanksgiving break
2026-12-21..2027-01-01     # Winter break
2027-01-18                 # MLK day
2027-06-12 to 2027-08-29   # Summer: last day of spring term is Fri June 11
"""


@pytest.fixture
def district(tmp_path: Path) -> SchoolCalendar:
    path = tmp_path / "district.txt"
    path.write_text(DISTRICT)
    return SchoolCalendar(read_closures(path, today=TODAY))


def one(report, rule_id):  # type: ignore[no-untyped-def]
    (found,) = [d for d in report.deadlines if d.id == rule_id]
    return found


def test_federal_evaluation_is_60_calendar_days_from_consent() -> None:
    report = deadlines_for({Event.CONSENT: D(2026, 10, 26)}, state=None, calendar=SchoolCalendar())
    evaluation = one(report, "evaluation-complete")
    assert evaluation.date == D(2026, 12, 25)  # Oct 26 + 60 days
    assert evaluation.rule.citation == "34 CFR 300.301(c)(1)"
    assert evaluation.verified


def test_texas_counts_45_school_days_across_thanksgiving_and_winter_break(
    district: SchoolCalendar,
) -> None:
    # Nov 3-20: 14 school days; Thanksgiving week closed; Nov 30-Dec 18: 15 (29);
    # winter break closed; Jan 4-15: 10 (39); Jan 18 closed; Jan 19-26: 6 (45).
    report = deadlines_for({Event.CONSENT: D(2026, 11, 2)}, state="TX", calendar=district)
    assert one(report, "evaluation-complete").date == D(2027, 1, 26)
    assert one(report, "evaluation-complete").how == "45 school days after Nov 2, 2026"


def test_texas_absences_of_three_or_more_move_the_date(district: SchoolCalendar) -> None:
    # 4 absences add 4 school days: Jan 27, 28, 29, Feb 1.
    moved = deadlines_for(
        {Event.CONSENT: D(2026, 11, 2)}, state="TX", calendar=district, absences=4
    )
    assert one(moved, "evaluation-complete").date == D(2027, 2, 1)
    # 2 absences do not move it (the rule starts at 3).
    kept = deadlines_for({Event.CONSENT: D(2026, 11, 2)}, state="TX", calendar=district, absences=2)
    assert one(kept, "evaluation-complete").date == D(2027, 1, 26)
    assert "do not move it" in one(kept, "evaluation-complete").how


def test_pennsylvania_does_not_count_the_summer(district: SchoolCalendar) -> None:
    # May 18-June 11: 25 days. June 12-Aug 29 (summer) not counted. Aug 30 is day 26,
    # Aug 31 day 27, Sep 30 day 57, Oct 3 day 60.
    report = deadlines_for({Event.CONSENT: D(2027, 5, 17)}, state="PA", calendar=district)
    evaluation = one(report, "evaluation-complete")
    assert evaluation.date == D(2027, 10, 3)
    assert evaluation.skipped == ("79 days of the summer break",)


def test_pennsylvania_without_a_calendar_says_the_summer_is_unknown() -> None:
    report = deadlines_for({Event.CONSENT: D(2027, 5, 17)}, state="PA", calendar=SchoolCalendar())
    evaluation = one(report, "evaluation-complete")
    assert evaluation.date == D(2027, 7, 16)  # 60 calendar days: nothing known to skip
    assert evaluation.estimate
    assert "summer" in evaluation.cautions[0]


def test_california_skips_a_winter_break_longer_than_five_school_days(
    district: SchoolCalendar,
) -> None:
    # Dec 2-18: 17 days. Dec 19-Jan 3 (a 10-school-day break) not counted.
    # Jan 4 is day 18, Jan 31 day 45, Feb 15 day 60.
    report = deadlines_for({Event.CONSENT: D(2026, 12, 1)}, state="CA", calendar=district)
    assert one(report, "evaluation-complete").date == D(2027, 2, 15)


def test_california_counts_a_short_break() -> None:
    # Thanksgiving (3 school days off) is counted: plain 60 calendar days.
    calendar = SchoolCalendar(
        Closures(frozenset({D(2026, 11, 25), D(2026, 11, 26), D(2026, 11, 27)}), "x")
    )
    report = deadlines_for({Event.CONSENT: D(2026, 11, 2)}, state="CA", calendar=calendar)
    assert one(report, "evaluation-complete").date == D(2027, 1, 1)


def test_manifestation_review_is_10_school_days(district: SchoolCalendar) -> None:
    # Decision Fri Nov 13: Nov 16-20 (5), Thanksgiving closed, Nov 30-Dec 4 (10).
    report = deadlines_for({Event.PLACEMENT_CHANGE: D(2026, 11, 13)}, state=None, calendar=district)
    assert one(report, "mdr").date == D(2026, 12, 4)


def test_school_days_without_a_calendar_skip_federal_holidays_and_say_it_is_an_estimate() -> None:
    # Decision Fri Nov 20: Nov 23, 24, 25, (26 Thanksgiving), 27, 30, Dec 1, 2, 3, 4, 7.
    report = deadlines_for(
        {Event.PLACEMENT_CHANGE: D(2026, 11, 20)}, state=None, calendar=SchoolCalendar()
    )
    mdr = one(report, "mdr")
    assert mdr.date == D(2026, 12, 7)
    assert mdr.estimate
    assert "--closures" in mdr.cautions[0]


def test_dispute_deadlines() -> None:
    report = deadlines_for(
        {Event.COMPLAINT: D(2026, 9, 1), Event.DUE_PROCESS: D(2026, 9, 1)},
        state=None,
        calendar=SchoolCalendar(),
    )
    assert one(report, "state-complaint-decision").date == D(2026, 10, 31)  # +60
    assert one(report, "resolution-meeting").date == D(2026, 9, 16)  # +15
    assert one(report, "hearing-decision").date == D(2026, 11, 15)  # +30, then +45


def test_yearly_and_three_year_reviews() -> None:
    report = deadlines_for(
        {Event.ELIGIBILITY: D(2024, 2, 29), Event.IEP: D(2024, 3, 20)},
        state=None,
        calendar=SchoolCalendar(),
    )
    assert one(report, "iep-meeting").date == D(2024, 3, 30)
    assert one(report, "annual-review").date == D(2025, 3, 20)
    assert one(report, "reevaluation").date == D(2027, 2, 28)  # from eligibility; no Feb 29


def test_state_rules_replace_the_federal_one_and_add_their_own() -> None:
    report = deadlines_for(
        {Event.REQUESTED: D(2026, 10, 1), Event.CONSENT: D(2026, 10, 20)},
        state="WA",
        calendar=SchoolCalendar(),
    )
    ids = [d.id for d in report.deadlines]
    assert ids.count("evaluation-complete") == 1
    assert "evaluation-request-response" in ids
    assert one(report, "evaluation-complete").rule.citation.startswith("WAC 392-172A-03005")
    assert report.state_checked is not None


def test_an_unchecked_state_gets_the_federal_rule_marked_as_such() -> None:
    report = deadlines_for({Event.CONSENT: D(2026, 10, 26)}, state="OH", calendar=SchoolCalendar())
    evaluation = one(report, "evaluation-complete")
    assert evaluation.date == D(2026, 12, 25)
    assert not evaluation.verified
    assert report.state_checked is None


def test_florida_says_why_the_federal_rule_is_shown() -> None:
    report = deadlines_for({Event.CONSENT: D(2026, 10, 26)}, state="FL", calendar=SchoolCalendar())
    assert report.state_note and "6A-6.0331" in report.state_note


def test_every_checked_state_rule_has_a_primary_citation() -> None:
    book = load_rules()
    for required in ["CA", "IL", "MA", "NH", "NJ", "NY", "PA", "TX", "WA"]:
        assert required in book.states, required
    for state in book.states.values():
        for rule in state.rules:
            assert any(
                mark in rule.citation
                for mark in ("Code", "CMR", "TAC", "Adm", "WAC", "NYCRR", "N.J.A.C.", "Ed 11")
            )


def test_dates_in_the_wrong_order_are_refused() -> None:
    with pytest.raises(InputError, match=r"--eligibility .* is before --consent"):
        deadlines_for(
            {Event.CONSENT: D(2026, 11, 2), Event.ELIGIBILITY: D(2026, 10, 1)},
            state=None,
            calendar=SchoolCalendar(),
        )


# --------------------------------------------------------------- closures files


def test_closures_text_yaml_and_ics_agree(tmp_path: Path) -> None:
    text = tmp_path / "c.txt"
    text.write_text("2026-12-21 to 2026-12-23\n# comment\n\n12/24/2026\n")
    yaml_file = tmp_path / "c.yaml"
    yaml_file.write_text("- 2026-12-21..2026-12-23\n- 2026-12-24\n")
    ics = tmp_path / "c.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Winter break\r\n"
        "DTSTART;VALUE=DATE:20261221\r\nDTEND;VALUE=DATE:20261225\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Early release day\r\n"
        "DTSTART;VALUE=DATE:20261218\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:3\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Board meeting\r\n"
        "DTSTART:20261217T190000\r\nDTEND:20261217T210000\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    expected = {D(2026, 12, 21), D(2026, 12, 22), D(2026, 12, 23), D(2026, 12, 24)}
    for path in (text, yaml_file, ics):
        assert set(read_closures(path, today=TODAY).days) == expected, path.name
    assert read_closures(ics, today=TODAY).skipped_events == ("Early release day",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("2026-12-21\nnext week sometime\n", "Line 2 .* is not a date"),
        ("2026-12-23 to 2026-12-21\n", "ends before it starts"),
        ("2026-02-30\n", "does not exist"),
        ("# nothing here\n", "lists no dates"),
        ("2026-01-01 to 2028-01-01\n", "more than a year"),
    ],
)
def test_bad_closures_files_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "closures.txt"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        read_closures(path, today=TODAY)


def test_a_calendar_that_closes_everything_is_refused() -> None:
    every_day = frozenset(D(2026, 12, 1) + dt.timedelta(days=n) for n in range(300))
    calendar = SchoolCalendar(Closures(every_day, "closed.txt"))
    with pytest.raises(InputError, match="leaves no school days"):
        deadlines_for({Event.PLACEMENT_CHANGE: D(2026, 12, 1)}, state=None, calendar=calendar)


def test_a_broken_ics_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_text("BEGIN:VCALENDAR\r\nthis is not\r\n")
    with pytest.raises(InputError, match="closures file"):
        read_closures(path, today=TODAY)


# --------------------------------------------------------------- the command


def test_command_json_contract(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "district.txt"
    path.write_text(DISTRICT)
    result = run(
        "deadlines",
        "--consent",
        "2026-11-02",
        "--state",
        "TX",
        "--closures",
        str(path),
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    (deadline,) = json.loads(result.stdout)
    for key in (
        "id",
        "title",
        "date",
        "counted",
        "days",
        "from",
        "citation",
        "state",
        "verified",
        "note",
    ):
        assert key in deadline
    assert deadline["date"] == "2027-01-26"
    assert deadline["counted"] == "school"
    assert deadline["from"] == "consent"


def test_command_text_says_how_it_counted_and_not_legal_advice(run) -> None:  # type: ignore[no-untyped-def]
    result = run("deadlines", "--placement-change", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert "estimate" in result.stdout
    assert "Not legal advice" in result.stdout
    assert "300.530(e)" in result.stdout


def test_command_without_dates_explains_what_it_needs(run) -> None:  # type: ignore[no-untyped-def]
    result = run("deadlines")
    assert result.exit_code == 0
    assert "--consent" in result.stdout


def test_command_errors_name_the_option(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("deadlines", "--consent", "not a date")
    assert result.exit_code == 2
    assert "--consent" in result.stderr
    result = run("deadlines", "--consent", "2026-10-01", "--state", "Narnia")
    assert result.exit_code == 2
    assert "--state" in result.stderr
    missing = tmp_path / "nope.ics"
    result = run("deadlines", "--consent", "2026-10-01", "--closures", str(missing))
    assert result.exit_code == 2
    assert "closures file" in result.stderr


def test_command_date_without_year_means_the_last_one(run) -> None:  # type: ignore[no-untyped-def]
    # Today is 2026-11-28 in the tests: "Dec 1" is last December, not next week.
    result = run("deadlines", "--consent", "Dec 1", "-f", "json")
    assert json.loads(result.stdout)[0]["from_date"] == "2025-12-01"


def test_command_takes_dates_years_back(run) -> None:  # type: ignore[no-untyped-def]
    # A reevaluation is counted from an evaluation up to three years back.
    result = run("deadlines", "--eligibility", "2024-03-01", "-f", "json")
    assert result.exit_code == 0, result.output
    found = {d["id"]: d["date"] for d in json.loads(result.stdout)}
    assert found["reevaluation"] == "2027-03-01"
    assert run("deadlines", "--consent", "1999-01-01").exit_code == 2


def test_command_calendar_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    target = tmp_path / "deadlines.ics"
    result = run("deadlines", "--due-process", "2026-09-01", "-o", str(target))
    assert result.exit_code == 0, result.output
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {
        "IEP deadline: Resolution meeting held",
        "IEP deadline: Hearing decision",
    }
    assert all(e.walk("VALARM") for e in events)


def test_command_uses_the_saved_plan(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "meeting_type: eligibility\nfirst_meeting: true\nstate: TX\nmeeting_date: 2026-12-10\n"
    )
    assert run("plan", "--answers", str(answers)).exit_code == 0
    result = run("deadlines", "-f", "json")
    found = {d["id"]: d for d in json.loads(result.stdout)}
    assert found["iep-meeting"]["date"] == "2027-01-09"  # 30 days after the eligibility meeting
    assert found["iep-meeting"]["state"] == "TX"
    text = " ".join(run("deadlines").stdout.split())
    assert "Counted from your saved plan's meeting on Thu Dec 10, 2026" in text


# --------------------------------------------------------------- found by hostile testing


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("12/25", "2025-12-25"),  # no year: the last Dec 25, not next month's
        ("2/29", "2024-02-29"),  # the last Feb 29 there was
        ("Feb 29", "2024-02-29"),
        ("yesterday", "2026-11-26"),
        ("2 weeks ago", "2026-11-13"),
        ("last monday", "2026-11-23"),
        ("tuesday", "2026-11-24"),  # a step that happened: the last Tuesday, not a year ago
        ("10/26/26", "2026-10-26"),
    ],
)
def test_event_dates_as_parents_type_them(run, typed: str, meant: str) -> None:  # type: ignore[no-untyped-def]
    result = run("deadlines", "--consent", typed, "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["from_date"] == meant


def test_a_weekday_that_does_not_fit_last_years_date_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    """ "Tuesday Dec 15" with no year: the event has passed, so last year's Dec 15 is
    meant; but that was a Monday. Counting from it anyway gave a deadline a year off
    without a word; the parent almost surely typed a meeting still to come."""
    english = run("deadlines", "--iep", "Tuesday Dec 15")
    assert english.exit_code == 2
    assert "December 15, 2025 was a Monday, not a Tuesday" in " ".join(english.output.split())
    spanish = run("--lang", "es", "deadlines", "--iep", "martes 15 de diciembre")
    assert spanish.exit_code == 2
    assert "el 15 de diciembre de 2025 fue lunes, no martes" in " ".join(spanish.output.split())
    assert run("deadlines", "--iep", "march 3").exit_code == 0  # "mar" is no weekday here


def test_a_recurring_closure_counts_every_repeat(tmp_path: Path) -> None:
    path = tmp_path / "rrule.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTAMP:20260101T000000Z\r\nSUMMARY:No school Mondays\r\n"
        "DTSTART;VALUE=DATE:20261102\r\nDTEND;VALUE=DATE:20261103\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=10\r\nEXDATE;VALUE=DATE:20261109\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    closures = read_closures(path, today=TODAY)
    assert D(2026, 11, 16) in closures.days and D(2027, 1, 4) in closures.days
    assert D(2026, 11, 9) not in closures.days  # the EXDATE
    assert len(closures.days) == 9


def test_a_broken_date_in_a_calendar_names_the_event(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTAMP:20260101T000000Z\r\nSUMMARY:Winter break\r\nDTSTART;VALUE=DATE:2026XX01\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(InputError, match="Winter break"):
        read_closures(path, today=TODAY)


def test_a_closures_file_far_too_long_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("2026-12-01\n" * 6000)
    with pytest.raises(InputError, match="more than 5,000 lines"):
        read_closures(path, today=TODAY)


def test_output_never_replaces_the_calendar_it_reads(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "closures.txt"
    path.write_text(DISTRICT)
    result = run("deadlines", "--consent", "2026-11-02", "--closures", str(path), "-o", str(path))
    assert result.exit_code == 2
    assert "is the file iepprep is reading" in result.stderr
    assert path.read_text() == DISTRICT


def test_the_plan_header_shows_the_next_deadline(run, write_yaml) -> None:  # type: ignore[no-untyped-def]
    answers = write_yaml(
        "a.yaml",
        {"meeting_type": "eligibility", "meeting_date": "2026-12-10", "state": "TX"},
    )
    data = json.loads(run("plan", "--answers", str(answers), "-f", "json").stdout)
    assert data["deadline"] == {
        "id": "iep-meeting",
        "title": "Meeting to write the first IEP",
        "date": "2027-01-09",  # 30 days after an eligibility decision on Dec 10
        "citation": "34 CFR 300.323(c)(1)",
    }
    shown = " ".join(run("plan", "--answers", str(answers), "--no-save").stdout.split())
    assert "Next deadline: Meeting to write the first IEP: by Saturday, January 9, 2027" in shown
    example = json.loads(run("plan", "--example", "-f", "json").stdout)
    assert example["deadline"]["id"] == "annual-review"


def test_the_cached_rules_equal_the_validated_ones() -> None:
    from iepprep.core.content.datafiles import parse_yaml, validate
    from iepprep.core.content.library import bundled_text
    from iepprep.core.deadlines.rules import DeadlinesFile

    load_rules.cache_clear()
    first = load_rules()  # builds (or reads) the cache entry
    load_rules.cache_clear()
    again = load_rules()  # read back from the cache
    text = bundled_text("deadlines.yaml")
    validated = validate(DeadlinesFile, parse_yaml(text, name="d"), name="d")
    assert again == validated
    assert first == validated


def test_far_off_dates_read_in_months_or_years() -> None:
    from iepprep.render.deadlines import when

    today = D(2026, 11, 27)
    assert when(D(2026, 12, 10), today) == "in 13 days"
    assert when(D(2027, 3, 1), today) == "in about 3 months"
    assert when(D(2027, 11, 20), today) == "in about a year"
    assert when(D(2029, 11, 27), today) == "in about 3 years"  # was "in 1096 days"
    assert when(D(2024, 3, 31), today) == "passed about 3 years ago"
    assert when(D(2026, 11, 20), today) == "passed 7 days ago"


def test_a_reevaluation_is_not_counted_from_the_iep_and_says_how_to_count_it(run) -> None:  # type: ignore[no-untyped-def]
    # 34 CFR 300.303(b)(2) counts from the last evaluation: an IEP-based date is not
    # shown as the reevaluation deadline (it was, with a caution, before).
    guessed = json.loads(run("deadlines", "--iep", "2026-11-20", "-f", "json").stdout)
    assert "reevaluation" not in {d["id"] for d in guessed}
    known = json.loads(
        run(
            "deadlines", "--iep", "2026-11-20", "--last-evaluation", "2024-03-01", "-f", "json"
        ).stdout
    )
    (reeval,) = [d for d in known if d["id"] == "reevaluation"]
    assert reeval["date"] == "2027-03-01"
    assert not any("--last-evaluation" in c for c in reeval["cautions"])
    assert "iep-meeting" not in {d["id"] for d in known}  # no first-IEP count from it
    shown = " ".join(run("deadlines", "--iep", "2026-11-20").stdout.split())
    assert "counted from your child's last evaluation, not from the IEP meeting" in shown


# ---------------------------------------------------- the reevaluation (34 CFR 300.303(b)(2))


def test_the_reevaluation_is_never_counted_from_the_iep_meeting() -> None:
    report = deadlines_for({Event.IEP: D(2026, 11, 20)}, state=None, calendar=SchoolCalendar())
    assert "reevaluation" not in {d.id for d in report.deadlines}
    assert Event.LAST_EVALUATION in report.missing
    assert report.not_counted is not None
    assert "last evaluation, not from the IEP meeting" in report.not_counted
    assert "--last-evaluation DATE" in report.not_counted


def test_the_reevaluation_counts_from_the_last_evaluation_given() -> None:
    report = deadlines_for(
        {Event.IEP: D(2026, 11, 20), Event.LAST_EVALUATION: D(2025, 3, 4)},
        state=None,
        calendar=SchoolCalendar(),
    )
    reevaluation = one(report, "reevaluation")
    assert (reevaluation.start, reevaluation.date) == (D(2025, 3, 4), D(2028, 3, 4))
    assert not reevaluation.cautions and report.not_counted is None
    # Only the eligibility decision stands in for it, and says so.
    report = deadlines_for(
        {Event.ELIGIBILITY: D(2025, 3, 4)}, state=None, calendar=SchoolCalendar()
    )
    assert any("--last-evaluation" in caution for caution in one(report, "reevaluation").cautions)


def test_command_last_evaluation_in_both_languages(run) -> None:  # type: ignore[no-untyped-def]
    result = run("deadlines", "--iep", "2026-11-20")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Reevaluation" not in text and "3 years after" not in text
    assert "counted from your child's last evaluation" in text
    result = run(
        "deadlines", "--iep", "2026-11-20", "--last-evaluation", "2025-03-04", "-f", "json"
    )
    assert result.exit_code == 0, result.output
    found = {d["id"]: (d["from"], d["from_date"], d["date"]) for d in json.loads(result.stdout)}
    assert found["reevaluation"] == ("last-evaluation", "2025-03-04", "2028-03-04")
    spanish = " ".join(run("--lang", "es", "deadlines", "--iep", "2026-11-20").stdout.split())
    assert "Reevaluación" not in spanish
    assert "última evaluación" in spanish and "--last-evaluation" in spanish

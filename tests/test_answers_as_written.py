"""Answers as parents write them: language names, choices, dates and times, in a file
and at the prompt alike, and errors that name the bad value and the likely one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import TODAY
from iepprep.core.common.dates import parse_time, parse_written_date, passed_this_year
from iepprep.core.family.profile import Profile, language_code
from iepprep.core.planning.answers import parse_answers
from iepprep.core.planning.questionnaire import (
    Ask,
    check,
    load_questionnaire,
    run_interview,
    understood,
)
from iepprep.errors import InputError


def spec(key: str) -> Ask:
    return next(q for q in load_questionnaire().questions if q.key == key)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("español", "es"),
        ("Espanol", "es"),
        ("Spanish", "es"),
        ("ES", "es"),
        ("Français", "fr"),
        ("francais", "fr"),
        ("中文", "zh"),
        ("Tiếng Việt", "vi"),
        ("Kreyòl ayisyen", "ht"),
        ("hmn", "hmn"),
    ],
)
def test_a_language_by_its_own_name_or_in_english(typed: str, code: str) -> None:
    assert language_code(typed) == code
    assert Profile.model_validate({"language": typed}).language == code


def test_an_unknown_language_says_how_to_write_it() -> None:
    assert language_code("Klingonese") is None
    message = check(spec("language"), "Klingonese", today=TODAY)
    assert message is not None and "español" in message and "(es)" in message


def test_what_was_understood_is_shown_back() -> None:
    assert understood(spec("language"), "español", today=TODAY) == "Spanish (es)"
    assert understood(spec("state"), "tx", today=TODAY) == "Texas"
    assert understood(spec("meeting_time"), "3:30PM", today=TODAY) == "3:30 pm"
    assert understood(spec("meeting_date"), "12/10", today=TODAY) == "Thursday, December 10, 2026"
    # A checkbox echoes the same way for one pick or many.
    assert understood(spec("concerns"), ["reading"], today=TODAY) == "reading"
    assert understood(spec("concerns"), ["reading", "math"], today=TODAY) == "reading, math"
    assert understood(spec("concerns"), [], today=TODAY) == "none"
    assert understood(spec("child_name"), "Zoë", today=TODAY) is None  # nothing to add


def file_error(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_answers(text, name="family.yaml")
    return caught.value.message


def test_a_bad_choice_names_the_value_and_the_likely_one() -> None:
    message = file_error("concerns: [dyslexia, reading]\ngrade: 5th\n")
    assert "'concerns': dyslexia is not one of reading, writing" in message
    assert "did you mean reading?" in message
    assert "'grade': 5th is not one of" in message and "did you mean elementary?" in message
    assert "did you mean middle?" in file_error("grade: 7th grade\n")
    assert "did you mean discipline?" in file_error("meeting_type: MDR\n")
    assert not message.endswith("?.")


def test_choices_as_people_write_them() -> None:
    profile = parse_answers(
        "concerns: [Speech and language, speech-language, Attention]\n"
        "grade: High school\nmeeting_type: Annual\n",
        name="family.yaml",
    )
    assert profile.concerns == ["speech_language", "attention"]
    assert (profile.grade, profile.meeting_type) == ("high", "annual")


def test_dates_in_a_file_as_at_the_prompt() -> None:
    for written in ("12/10/2026", "Dec 10, 2026", "10 December 2026", "2026-12-10"):
        assert parse_answers(f"meeting_date: {written}\n", name="f").meeting_date == dt.date(
            2026, 12, 10
        )
        assert check(spec("meeting_date"), written, today=TODAY) is None
    assert "write the year too" in file_error("meeting_date: Dec 10\n")
    assert "no such date" in file_error("meeting_date: 2/30/2027\n")


def test_a_dotted_date_that_could_be_either_is_asked_back() -> None:
    asked = "10.12.2026 could be October 12 or December 10: write the month in letters"
    assert asked in file_error("meeting_date: 10.12.2026\n")
    assert asked in (check(spec("meeting_date"), "10.12.2026", today=TODAY) or "")
    assert parse_written_date("25.12.2026") == dt.date(2026, 12, 25)  # only one reading
    assert parse_written_date("12.12.2026") == dt.date(2026, 12, 12)


def test_a_past_date_is_refused_at_the_prompt_with_the_reason() -> None:
    message = check(spec("meeting_date"), "11/20/2026", today=TODAY)
    assert message == (
        "Friday, November 20, 2026 has passed: type the date of the coming meeting, "
        "or leave it empty"
    )
    # Editing a plan after its meeting keeps the date that was saved.
    assert check(spec("meeting_date"), "2026-11-20", today=TODAY, default="2026-11-20") is None


def test_a_day_just_gone_is_asked_about_not_silently_moved_a_year() -> None:
    assert passed_this_year("Nov 20", today=TODAY) == dt.date(2027, 11, 20)
    assert passed_this_year("11/20", today=TODAY) == dt.date(2027, 11, 20)
    assert passed_this_year("Jan 5", today=TODAY) is None  # long past: next year is plain
    assert passed_this_year("Dec 10", today=TODAY) is None
    assert passed_this_year("Nov 20, 2027", today=TODAY) is None
    assert passed_this_year("next friday", today=TODAY) is None


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("15:30", dt.time(15, 30)),
        ("3:30 pm", dt.time(15, 30)),
        ("3:30PM", dt.time(15, 30)),
        ("3 p.m.", dt.time(15, 0)),
        ("9.15 am", dt.time(9, 15)),
        ("8:30", dt.time(8, 30)),
        ("12 pm", dt.time(12, 0)),
        ("noon", dt.time(12, 0)),
    ],
)
def test_meeting_times_as_people_write_them(typed: str, time: dt.time) -> None:
    assert parse_time(typed) == time


def test_a_time_that_could_be_either_is_asked_back() -> None:
    for typed in ("3:30", "3", "13 pm", "25:00", "soon"):
        with pytest.raises(ValueError):
            parse_time(typed)
    assert "morning or the afternoon" in file_error("meeting_time: '3:30'\n")


def test_meeting_time_in_a_file_even_unquoted() -> None:
    # YAML 1.1 reads an unquoted 15:30 as the number 930; it still means 3:30 pm.
    profile = parse_answers("meeting_date: 2026-12-10\nmeeting_time: 15:30\n", name="f")
    assert profile.meeting_time == dt.time(15, 30)
    assert profile.answers()["meeting_time"] == "15:30"
    again = Profile.model_validate(profile.answers())
    assert again == profile


class Scripted:
    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any:
        self.asked.append(ask.key)
        return self.answers.get(ask.key, default)


def test_no_first_meeting_question_after_first_iep() -> None:
    first = Scripted({"meeting_type": "initial"})
    profile = run_interview(first, today=TODAY)
    assert "first_meeting" not in first.asked and profile.first_meeting is True
    annual = Scripted({"meeting_type": "annual"})
    run_interview(annual, today=TODAY)
    assert "first_meeting" in annual.asked


def test_the_time_is_asked_only_with_a_date() -> None:
    dated = Scripted({"meeting_date": "12/10", "meeting_time": "3:30 pm"})
    assert run_interview(dated, today=TODAY).meeting_time == dt.time(15, 30)
    undated = Scripted({})
    run_interview(undated, today=TODAY)
    assert "meeting_time" not in undated.asked

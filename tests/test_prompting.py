"""The questionnaire: real questionary widgets on a pipe, and whole flows scripted."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import TODAY
from iepprep.core.questionnaire import Ask, check, load_questionnaire, run_interview
from iepprep.prompting import QuestionaryPrompter

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"


@pytest.fixture
def pipe_input() -> Iterator[Any]:
    from prompt_toolkit.input import create_pipe_input

    with create_pipe_input() as pipe:
        yield pipe


def ask_with_keys(pipe: Any, ask: Ask, keys: str, default: Any = None) -> Any:
    from prompt_toolkit.output import DummyOutput

    pipe.send_text(keys)
    prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
    return prompter.ask(ask, default=default, today=TODAY)


def spec(key: str) -> Ask:
    return next(q for q in load_questionnaire().questions if q.key == key)


def test_select_with_arrow_keys(pipe_input) -> None:
    assert ask_with_keys(pipe_input, spec("meeting_type"), DOWN + ENTER, "annual") == "reevaluation"


def test_select_enter_keeps_the_default(pipe_input) -> None:
    assert ask_with_keys(pipe_input, spec("grade"), ENTER, "elementary") == "elementary"


def test_checkbox_picks_several(pipe_input) -> None:
    keys = SPACE + DOWN + DOWN + SPACE + ENTER
    assert ask_with_keys(pipe_input, spec("concerns"), keys, []) == ["reading", "math"]


def test_confirm(pipe_input) -> None:
    assert ask_with_keys(pipe_input, spec("first_meeting"), "y", False) is True


def test_text_answer(pipe_input) -> None:
    assert ask_with_keys(pipe_input, spec("child_name"), "Zoë\r") == "Zoë"


def test_a_date_in_words_is_shown_as_the_date_it_means(pipe_input) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    pipe_input.send_text("next tuesday\r")
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    assert prompter.ask(spec("meeting_date"), default=None, today=TODAY) == "next tuesday"
    assert "= Tuesday, December 1, 2026" in screen.getvalue()


def test_several_picks_are_listed_back(pipe_input) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    pipe_input.send_text(SPACE + DOWN + DOWN + SPACE + ENTER)
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    assert prompter.ask(spec("concerns"), default=[], today=TODAY) == ["reading", "math"]
    assert "= reading, math" in screen.getvalue()


def test_text_rejects_a_bad_date_then_accepts_a_good_one(pipe_input) -> None:
    answer = ask_with_keys(pipe_input, spec("meeting_date"), "13/45\r" + "\x7f" * 5 + "12/10\r")
    assert answer == "12/10"


def test_ctrl_c_raises_keyboard_interrupt(pipe_input) -> None:
    with pytest.raises(KeyboardInterrupt):
        ask_with_keys(pipe_input, spec("child_name"), CTRL_C)


def test_check_uses_the_answers_model() -> None:
    assert check(spec("meeting_date"), "12/10", today=TODAY) is None
    assert "no such date" in check(spec("meeting_date"), "2/30/2027", today=TODAY)
    assert check(spec("state"), "Texas", today=TODAY) is None
    assert "not a US state" in check(spec("state"), "Atlantis", today=TODAY)
    assert check(spec("child_name"), "x" * 81, today=TODAY)


class Scripted:
    """A prompter that answers from a dict; Enter (the default) for anything else."""

    def __init__(self, answers: dict[str, Any], interrupt_at: str | None = None) -> None:
        self.answers = answers
        self.asked: list[str] = []
        self.interrupt_at = interrupt_at

    def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any:
        self.asked.append(ask.key)
        if ask.key == self.interrupt_at:
            raise KeyboardInterrupt
        return self.answers.get(ask.key, default)


def test_interview_skips_questions_that_do_not_apply() -> None:
    prompter = Scripted({"schooling": "homeschool"})
    profile = run_interview(prompter, today=TODAY)
    assert "school" not in prompter.asked
    assert profile.schooling == "homeschool"
    assert profile.language == "en"


def test_interview_converts_and_validates() -> None:
    prompter = Scripted(
        {
            "child_name": "Zoë",
            "meeting_date": "dec 10",
            "meeting_type": "initial",
            "state": "texas",
            "language": "Spanish",
            "concerns": ["math"],
        }
    )
    profile = run_interview(prompter, today=TODAY)
    assert profile.meeting_date == dt.date(2026, 12, 10)
    assert profile.first_meeting is True  # the default for a first IEP
    assert (profile.state, profile.language) == ("TX", "es")


def test_edit_keeps_previous_answers_as_defaults() -> None:
    previous = {"child_name": "Zoë", "grade": "high", "concerns": ["math"]}
    profile = run_interview(Scripted({}), today=TODAY, previous=previous)
    assert profile.child_name == "Zoë" and profile.grade == "high"
    assert profile.concerns == ["math"]


def test_cli_interactive_plan_saves(run, monkeypatch, isolated_home) -> None:
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda: None)
    scripted = Scripted({"child_name": "Zoë", "grade": "high"})
    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter", lambda: scripted)
    result = run("plan")
    assert result.exit_code == 0, result.output
    assert "IEP meeting plan for Zoë" in result.stdout
    assert (isolated_home / "plans" / "plan-0001.json").exists()


def test_cli_ctrl_c_exits_130_and_saves_nothing(run, monkeypatch, isolated_home) -> None:
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda: None)
    scripted = Scripted({"child_name": "Zoë"}, interrupt_at="grade")
    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter", lambda: scripted)
    result = run("plan")
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines()[-1] == "Stopped. Nothing was saved."
    assert not (isolated_home / "plans").exists()


def test_no_terminal_exits_2_with_a_hint(isolated_home) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iepprep", "plan"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "--answers" in result.stderr
    assert "Traceback" not in result.stderr

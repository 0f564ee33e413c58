"""The questionnaire: real questionary widgets on a pipe, and whole flows scripted."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import TODAY
from iepprep.core.planning.questionnaire import Ask, check, load_questionnaire, run_interview
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
    assert ask_with_keys(pipe_input, spec("first_meeting"), "y\r", False) is True


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
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    scripted = Scripted({"child_name": "Zoë", "grade": "high"})
    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter", lambda: scripted)
    result = run("plan")
    assert result.exit_code == 0, result.output
    assert "IEP meeting plan for Zoë" in result.stdout
    assert (isolated_home / "plans" / "plan-0001.json").exists()


class Resuming(Scripted):
    """Scripted, and answers the "pick up where you left off?" question."""

    def __init__(self, answers: dict[str, Any], resume: bool) -> None:
        super().__init__(answers)
        self.resume = resume
        self.offered: list[str] = []

    def confirm(self, message: str, *, default: bool) -> bool:
        self.offered.append(message)
        return self.resume


def interview_with(monkeypatch: pytest.MonkeyPatch, prompter: Any) -> None:
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter", lambda: prompter)


def test_ctrl_c_keeps_the_answers_given_and_plan_picks_them_up(
    run, monkeypatch, isolated_home
) -> None:
    first = Scripted({"child_name": "Zoë", "meeting_type": "annual"}, interrupt_at="grade")
    interview_with(monkeypatch, first)
    stopped = run("plan")
    assert stopped.exit_code == 130
    assert stopped.stderr.strip().splitlines()[-1] == (
        "Stopped. Your answers so far are kept on this computer: run iepprep plan to pick "
        "up where you left off."
    )
    draft = isolated_home / "plans" / "draft.json"
    assert draft.stat().st_mode & 0o777 == 0o600
    assert isolated_home.stat().st_mode & 0o777 == 0o700
    listed = run("history").stdout
    assert "No saved plans yet" in listed  # a draft is not a plan
    assert "You have unfinished answers from " in listed

    second = Resuming({"grade": "high"}, resume=True)
    interview_with(monkeypatch, second)
    result = run("plan", "-f", "json")
    assert result.exit_code == 0, result.output
    assert second.offered == ["Pick up where you left off?"]
    assert "You stopped partway on " in result.stderr and "after 4 questions" in result.stderr
    answered_before = first.asked[:-1]  # all but the one interrupted
    assert not set(answered_before) & set(second.asked)
    assert second.asked[0] == "grade"
    profile = json.loads(result.stdout)["profile"]
    assert (profile["child_name"], profile["meeting_type"], profile["grade"]) == (
        "Zoë",
        "annual",
        "high",
    )
    assert not draft.exists()


def test_ctrl_c_at_the_pick_up_question_still_keeps_the_draft(
    run, monkeypatch, isolated_home
) -> None:
    interview_with(monkeypatch, Scripted({"child_name": "Zoë"}, interrupt_at="grade"))
    assert run("plan").exit_code == 130

    class StopAtOffer(Resuming):
        def confirm(self, message: str, *, default: bool) -> bool:
            raise KeyboardInterrupt

    interview_with(monkeypatch, StopAtOffer({}, resume=True))
    result = run("plan")
    assert result.exit_code == 130
    assert "Your answers so far are kept" in result.stderr.strip().splitlines()[-1]
    assert (isolated_home / "plans" / "draft.json").exists()


def test_an_interrupted_edit_is_kept_too(run, monkeypatch, isolated_home, write_yaml) -> None:
    family = write_yaml("family.yaml", {"child_name": "Zoë", "grade": "middle"})
    assert run("plan", "--answers", str(family)).exit_code == 0
    interview_with(monkeypatch, Scripted({"meeting_type": "annual"}, interrupt_at="grade"))
    assert run("plan", "--edit").exit_code == 130
    finishing = Resuming({"grade": "high"}, resume=True)
    interview_with(monkeypatch, finishing)
    result = run("plan", "-f", "json")
    assert result.exit_code == 0
    profile = json.loads(result.stdout)["profile"]
    assert (profile["child_name"], profile["meeting_type"], profile["grade"]) == (
        "Zoë",
        "annual",
        "high",
    )
    # The edit, picked up later, still changes the plan it was editing, in place.
    assert len(json.loads(run("history", "-f", "json").stdout)) == 1
    first = json.loads(run("plan", "--from", "1", "-f", "json").stdout)["profile"]
    assert first["grade"] == "high"


def test_a_parent_may_start_afresh_instead(run, monkeypatch, isolated_home) -> None:
    interview_with(monkeypatch, Scripted({"child_name": "Zoë"}, interrupt_at="grade"))
    assert run("plan").exit_code == 130
    fresh = Resuming({}, resume=False)
    interview_with(monkeypatch, fresh)
    result = run("plan", "-f", "json")
    assert result.exit_code == 0
    assert fresh.asked[0] == "child_name"
    assert json.loads(result.stdout)["profile"]["child_name"] is None
    assert not (isolated_home / "plans" / "draft.json").exists()


def test_a_damaged_draft_is_set_aside(run, monkeypatch, isolated_home) -> None:
    folder = isolated_home / "plans"
    folder.mkdir(parents=True)
    (folder / "draft.json").write_text('{"answers": {"grade": "sophomore"}, "asked": []', "utf-8")
    prompter = Resuming({"child_name": "Zoë"}, resume=True)
    interview_with(monkeypatch, prompter)
    assert run("plan").exit_code == 0
    assert prompter.offered == []  # nothing to offer
    (folder / "draft.json").write_text(
        json.dumps({"updated": "2026-11-27T10:00:00", "answers": {"grade": "x"}, "asked": []}),
        "utf-8",
    )
    assert run("plan").exit_code == 0
    assert prompter.offered == [] and not (folder / "draft.json").exists()


def test_no_draft_without_saving_or_before_any_answer(run, monkeypatch, isolated_home) -> None:
    interview_with(monkeypatch, Scripted({"child_name": "Zoë"}, interrupt_at="grade"))
    result = run("plan", "--no-save")
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines()[-1] == "Stopped. Nothing was saved."
    interview_with(monkeypatch, Scripted({}, interrupt_at="child_name"))
    assert run("plan").stderr.strip().splitlines()[-1] == "Stopped. Nothing was saved."
    assert not (isolated_home / "plans").exists()


def test_forget_all_removes_a_draft_too(run, monkeypatch, isolated_home) -> None:
    interview_with(monkeypatch, Scripted({"child_name": "Zoë"}, interrupt_at="grade"))
    assert run("plan").exit_code == 130
    assert run("forget", "--all", "--yes").exit_code == 0
    assert not (isolated_home / "plans").exists()


def test_interview_reports_each_answer_and_skips_what_was_asked() -> None:
    reported: list[tuple[dict[str, Any], list[str]]] = []
    prompter = Scripted({"child_name": "Zoë"})
    run_interview(
        prompter,
        today=TODAY,
        previous={"meeting_type": "annual"},
        asked=["meeting_type"],
        on_answer=lambda answers, asked: reported.append((answers, asked)),
    )
    assert "meeting_type" not in prompter.asked
    first_answers, first_asked = reported[0]
    assert first_answers == {"meeting_type": "annual", "child_name": "Zoë"}
    assert first_asked == ["meeting_type", "child_name"]
    assert len(reported) == len(prompter.asked)


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


def test_edit_changes_the_plan_in_place(run, monkeypatch, isolated_home, write_yaml) -> None:
    family = write_yaml("family.yaml", {"child_name": "Zoë", "meeting_date": "2026-12-10"})
    assert run("plan", "--answers", str(family)).exit_code == 0
    assert run("notes", "add", "Ms. Park agreed to weekly updates").exit_code == 0
    assert run("questions", "done", "1", "--answer", "yes").exit_code == 0
    assert run("letter", "parent-concerns").exit_code == 0
    interview_with(monkeypatch, Scripted({"meeting_date": "12/17"}))
    edited = run("plan", "--edit")
    assert edited.exit_code == 0, edited.output
    assert "Updated plan 1 with your new answers" in edited.stderr
    history = json.loads(run("history", "-f", "json").stdout)
    assert len(history) == 1  # history does not grow with an edit
    profile = json.loads(run("plan", "--from", "1", "-f", "json").stdout)["profile"]
    assert (profile["child_name"], profile["meeting_date"]) == ("Zoë", "2026-12-17")
    assert "weekly updates" in run("notes", "list").stdout
    review = json.loads(run("review", "-f", "json").stdout)
    assert review["notes"] and all(q["number"] != 1 for q in review["open_questions"])
    assert not (isolated_home / "plans" / "plan-0002.json").exists()
    # Editing an older plan changes that one, not the latest.
    other = write_yaml("other.yaml", {"child_name": "Ana"})
    assert run("plan", "--answers", str(other)).exit_code == 0
    interview_with(monkeypatch, Scripted({"grade": "high"}))
    assert run("plan", "--edit", "--from", "1").exit_code == 0
    history = json.loads(run("history", "-f", "json").stdout)
    assert len(history) == 2
    assert json.loads(run("plan", "--from", "1", "-f", "json").stdout)["profile"]["grade"] == "high"


def test_one_pick_is_listed_back_too(pipe_input) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    pipe_input.send_text(SPACE + ENTER)
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    assert prompter.ask(spec("concerns"), default=[], today=TODAY) == ["reading"]
    assert "= reading" in screen.getvalue()


def test_a_language_name_is_shown_back_as_understood(pipe_input) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    pipe_input.send_text("español\r")
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    assert prompter.ask(spec("language"), default=None, today=TODAY) == "español"
    assert "= Spanish (es)" in screen.getvalue()


def test_a_day_just_gone_asks_whether_next_year_is_meant(pipe_input) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    # "Nov 20" on Nov 27: not next year's, so asked again; then Dec 1.
    pipe_input.send_text("nov 20\r" + "n\r" + "dec 1\r")
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    assert prompter.ask(spec("meeting_date"), default=None, today=TODAY) == "dec 1"
    shown = screen.getvalue()
    assert "November 20 has passed this year. Do you mean Saturday, November 20, 2027?" in shown
    assert "= Tuesday, December 1, 2026" in shown


class PicksALanguageFirst(Scripted):
    """Answers the first, two-language question, then the questionnaire."""

    def __init__(self, answers: dict[str, Any], first: str) -> None:
        super().__init__(answers)
        self.first = first
        self.defaults: dict[str, Any] = {}

    def language(self, *, default: str) -> str:
        return self.first

    def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any:
        self.defaults[ask.key] = default
        return super().ask(ask, default=default, today=today)


@pytest.mark.parametrize("first", ["en", "es"])
def test_the_language_picked_first_is_not_asked_again(run, monkeypatch, first) -> None:
    parent = PicksALanguageFirst({"child_name": "Zoë"}, first)
    interview_with(monkeypatch, parent)
    result = run("plan", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "language" not in parent.asked
    assert json.loads(result.stdout)["profile"]["language"] == first


def test_another_language_goes_on_in_english_and_asks_which_once(run, monkeypatch) -> None:
    parent = PicksALanguageFirst({"child_name": "Zoë", "language": "Vietnamese"}, "other")
    interview_with(monkeypatch, parent)
    result = run("plan", "--format", "json")
    assert result.exit_code == 0, result.output
    assert parent.asked.count("language") == 1
    assert json.loads(result.stdout)["profile"]["language"] == "vi"
    assert "Saved your answers" in result.stderr  # in English


def test_the_meeting_type_menu_starts_on_its_first_choice_unless_an_answer_says(
    pipe_input,
) -> None:
    parent = PicksALanguageFirst({}, "en")
    run_interview(parent, today=TODAY)
    assert parent.defaults["meeting_type"] is None  # not a guess of "annual"
    run_interview(parent, today=TODAY, previous={"meeting_type": "discipline"})
    assert parent.defaults["meeting_type"] == "discipline"
    # and on the screen, None puts the cursor on the first choice
    assert ask_with_keys(pipe_input, spec("meeting_type"), ENTER, None) == "eligibility"


def test_questions_and_choices_wrap_at_words_in_a_narrow_window(monkeypatch) -> None:
    """At 45 columns the terminal used to cut a question's second line ("It stays o")."""
    from iepprep.prompting import choice_title, question_text

    monkeypatch.setenv("COLUMNS", "45")
    for ask in load_questionnaire().questions:
        menu = ask.kind in ("select", "multiselect")
        text = question_text(ask.ask, ask.why, menu=menu)
        lines = text.splitlines()
        assert len("? " + lines[0]) <= 44
        assert all(len(line) <= 44 for line in lines[1:])
        words = " ".join(line.strip() for line in lines).split()
        assert words == f"{ask.ask} ({ask.why})".split() if ask.why else ask.ask.split()
        for title, _value in ask.choices():
            wrapped = choice_title(title, pointer=5).splitlines()
            assert len(" » ○ " + wrapped[0]) <= 44
            assert all(len(line) <= 44 for line in wrapped[1:])
            assert " ".join(wrapped).split() == title.split()
    assert choice_title("discipline meeting (manifestation determination)", pointer=3) == (
        "discipline meeting (manifestation\n     determination)"
    )


def test_a_refused_answer_says_why_right_under_it_and_keeps_what_was_typed(
    pipe_input,
) -> None:
    """prompt_toolkit shows a validator's message at the window's bottom edge, far from
    the question: the reason now comes right under the answer."""
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    pipe_input.send_text("12/45\r" + "\x7f" * 2 + "10\r")  # corrects the day only
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    assert prompter.ask(spec("meeting_date"), default=None, today=TODAY) == "12/10"
    shown = screen.getvalue()
    reason = shown.index("! there is no such date as '12/45'")
    assert shown.index("When is the meeting?", reason) > reason  # asked again after it


def test_a_meeting_on_a_weekend_is_confirmed(pipe_input) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    # Dec 12 is a Saturday: not meant, so asked again; then Dec 10, a Thursday.
    pipe_input.send_text("dec 12\r" + "n\r" + "dec 10\r")
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    assert prompter.ask(spec("meeting_date"), default=None, today=TODAY) == "dec 10"
    shown = screen.getvalue()
    assert "That is a Saturday (December 12, 2026). Is that right?" in shown
    assert "That is a Thursday" not in shown  # a weekday is taken without asking


def test_a_meeting_on_a_weekend_is_confirmed_in_spanish(pipe_input) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    from iepprep.core.i18n.language import set_current

    set_current("es")
    screen = io.StringIO()
    pipe_input.send_text("en 2 semanas\r" + "s\r")  # on Saturday Nov 28: Saturday Dec 12
    prompter = QuestionaryPrompter(input=pipe_input, output=PlainTextOutput(screen))
    today = dt.date(2026, 11, 28)
    assert prompter.ask(spec("meeting_date"), default=None, today=today) == "en 2 semanas"
    assert "Ese día es sábado (12 de diciembre de 2026). ¿Es correcto?" in screen.getvalue()

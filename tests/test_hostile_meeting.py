"""Hostile cases for meeting day (issue 18): whatever a parent types or pastes, and
however the meeting is stopped, their words are kept and the meeting goes on."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from iepprep.core.meeting.live import (
    ANSWERED,
    FINISH,
    NOTE,
    REMINDERS,
    MeetingRecord,
    StoppedWhileTyping,
    run_meeting,
    split_text,
)
from iepprep.core.planning.plan import PlanQuestion
from iepprep.core.storage.journal import MAX_TEXT, Event, Journal
from iepprep.core.storage.plans import PlanStore

WHEN = dt.datetime(2026, 12, 10, 9)


def questions() -> list[PlanQuestion]:
    return [
        PlanQuestion(id=f"q{n}", topic="goals", topic_title="Goals", text=f"Question {n}?",
                     tips=[], priority=n, number=n)
        for n in (1, 2)
    ]  # fmt: skip


class Scripted:
    def __init__(self, choices: list[str], texts: list[Any]) -> None:
        self.choices, self.texts, self.shown = choices, texts, []

    def choose(self, title: str, question: Any, actions: Any) -> str:
        self.titles = [*getattr(self, "titles", []), title]
        if not self.choices:
            raise KeyboardInterrupt
        return self.choices.pop(0)

    def text(self, message: str) -> str:
        text = self.texts.pop(0)
        if isinstance(text, BaseException):
            raise text
        return str(text)

    def show(self, lines: Any) -> None:
        self.shown.extend(lines)


def clock() -> dt.datetime:
    return WHEN


@pytest.fixture
def saved_plan(run, write_yaml) -> None:
    assert (
        run("plan", "--answers", str(write_yaml("a.yaml", {"child_name": "Maya"}))).exit_code == 0
    )


# -------------------------------------------------------------- text that vanished (4)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x1c"])
def test_line_separators_inside_a_note_never_hide_it(run, saved_plan, separator) -> None:
    assert run("notes", "add", f"before{separator}after").exit_code == 0
    assert run("notes", "add", "next").exit_code == 0
    notes = [n["text"] for n in json.loads(run("notes", "list", "-f", "json").stdout)]
    assert notes == [f"before{separator}after", "next"]


# ------------------------------------------------------------- long text (5, 8)


def test_a_long_pasted_note_is_kept_in_parts_and_the_meeting_goes_on(tmp_path) -> None:
    record = MeetingRecord(questions(), Journal(tmp_path / "j.jsonl"))
    pasted = " ".join(["word"] * 2500)  # 12,499 characters
    prompter = Scripted([NOTE, FINISH], [pasted])
    run_meeting(record, prompter, reminders=[], clock=clock)
    parts = [note.text for note in record.notes]
    assert len(parts) == 4 and all(len(part) <= MAX_TEXT for part in parts)
    assert parts[0].startswith("(part 1 of 4) word")
    assert " ".join(p.split(") ", 1)[1] for p in parts) == pasted
    assert any("4 notes" in line for line in prompter.shown)


def test_a_long_answer_in_the_meeting_becomes_notes_and_the_question_stays_open(tmp_path):
    record = MeetingRecord(questions(), Journal(tmp_path / "j.jsonl"))
    run_meeting(record, Scripted([ANSWERED, FINISH], ["x" * 5000]), reminders=[], clock=clock)
    assert not record.answers
    assert record.notes[0].text.startswith("(part 1 of 2) Answer to question 1: x")


def test_long_notes_and_answers_follow_one_rule_on_the_command_line(run, saved_plan) -> None:
    long = "y" * (MAX_TEXT + 1)
    note = run("notes", "add", long)
    answer = run("questions", "done", "1", "--answer", long)
    for result in (note, answer):
        assert result.exit_code == 2
        assert f"the limit is {MAX_TEXT}, so nothing was saved" in result.stderr
    assert json.loads(run("notes", "list", "-f", "json").stdout) == []
    assert len(json.loads(run("questions", "--open", "-f", "json").stdout)) > 0


def test_split_text_cuts_at_spaces() -> None:
    parts = split_text("ab " * 10, size=8)
    assert all(len(p) <= 8 for p in parts) and " ".join(parts).split() == ["ab"] * 10


# ------------------------------------------------------------ stopped mid-note (41)


def test_ctrl_c_while_typing_a_note_keeps_what_was_typed(tmp_path) -> None:
    record = MeetingRecord(questions(), Journal(tmp_path / "j.jsonl"))
    prompter = Scripted([NOTE], [StoppedWhileTyping("OT twice a we")])
    with pytest.raises(KeyboardInterrupt):
        run_meeting(record, prompter, reminders=[], clock=clock)
    assert [n.text for n in record.notes] == ["(unfinished) OT twice a we"]


def test_ctrl_c_on_a_real_prompt_carries_the_text(pipe_input) -> None:
    from prompt_toolkit.output import DummyOutput

    from iepprep.prompting import QuestionaryMeetingPrompter

    pipe_input.send_text("half a note\x03")
    prompter = QuestionaryMeetingPrompter(input=pipe_input, output=DummyOutput())
    with pytest.raises(StoppedWhileTyping) as stop:
        prompter.text("Your note:")
    assert stop.value.text == "half a note"


def test_cli_says_the_unfinished_note_was_saved(run, saved_plan, monkeypatch) -> None:
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    monkeypatch.setattr(
        "iepprep.prompting.QuestionaryMeetingPrompter",
        lambda: Scripted([NOTE], [StoppedWhileTyping("half")]),
    )
    result = run("meeting")
    assert result.exit_code == 130 and "the note you were typing too" in result.stderr
    assert json.loads(run("notes", "list", "-f", "json").stdout)[0]["text"] == "(unfinished) half"


@pytest.fixture
def pipe_input() -> Iterator[Any]:
    from prompt_toolkit.input import create_pipe_input

    with create_pipe_input() as pipe:
        yield pipe


# --------------------------------------------------- several writers at once (41)


def test_note_numbers_are_unique_when_notes_arrive_together(isolated_home) -> None:
    store = PlanStore()
    store.save({"child_name": "Maya"})
    start = threading.Barrier(8)
    numbers: list[int] = []

    def add(n: int) -> None:
        record = MeetingRecord(questions(), store.journal(1))
        start.wait()
        numbers.append(record.add_note(f"note {n}", now=WHEN))

    threads = [threading.Thread(target=add, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == list(range(1, 9))


def test_the_live_count_includes_notes_added_elsewhere(tmp_path) -> None:
    journal = Journal(tmp_path / "j.jsonl")
    record = MeetingRecord(questions(), journal)

    class AddsElsewhere(Scripted):
        def choose(self, title: str, question: Any, actions: Any) -> str:
            if len(getattr(self, "titles", [])) == 1:
                journal.append(Event("note", WHEN, text="from notes add"))
            return super().choose(title, question, actions)

    prompter = AddsElsewhere([NOTE, REMINDERS, FINISH], ["mine"])
    run_meeting(record, prompter, reminders=[], clock=clock)
    assert "1 note" in prompter.titles[1]
    assert "2 notes" in prompter.titles[2]  # the one added by another command counts


# --------------------------------------------------------- numbers and terminals (25, 29)


@pytest.mark.parametrize("number", ["9" * 5000, "\u0661", "\u00b2"])
def test_question_numbers_no_one_means_are_not_found(run, saved_plan, number) -> None:
    result = run("questions", "done", number)
    assert result.exit_code == 3 and "Traceback" not in result.output


def test_meeting_without_a_terminal_points_to_the_commands_that_work(run, saved_plan) -> None:
    result = run("meeting")
    assert result.exit_code == 2
    assert "iepprep notes add" in result.stderr and "plan --answers" not in result.stderr


# ------------------------------------------------------------ the draft (6, 30)


def test_saying_no_to_the_draft_keeps_it_until_a_new_answer_replaces_it(isolated_home) -> None:
    from iepprep.core.planning.interview import draft_to_resume

    store = PlanStore()
    store.save_draft({"child_name": "Maya"}, ["child_name"])

    class SaysNo:
        def confirm(self, message: str, *, default: bool) -> bool:
            return False  # or Esc, then Enter

    assert draft_to_resume(SaysNo(), tell=print, drafts=store) is None
    assert store.load_draft() is not None  # nothing new typed yet: nothing lost
    store.save_draft({"child_name": "Leo"}, ["child_name"])
    draft = store.load_draft()
    assert draft is not None and draft.answers == {"child_name": "Leo"}


def test_prompts_go_to_the_screen_when_stdout_is_a_file(monkeypatch) -> None:
    from iepprep import prompting

    class Tty:
        def isatty(self) -> bool:
            return True

        def fileno(self) -> int:
            return 2

        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            pass

        encoding = "utf-8"

    class File(Tty):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(prompting.sys, "stdout", File())
    monkeypatch.setattr(prompting.sys, "stderr", Tty())
    chosen = prompting._screen_output()
    assert "output" in chosen
    monkeypatch.setattr(prompting.sys, "stdout", Tty())
    assert prompting._screen_output() == {}


def test_forget_asks_on_the_screen_when_stdout_is_a_file(monkeypatch) -> None:
    import sys

    from iepprep.cli import saved

    asked: dict[str, Any] = {}

    class Keyboard:
        def isatty(self) -> bool:
            return True

    def prompt(question: str, **kwargs: Any) -> str:
        asked.update(kwargs)
        return "y"

    monkeypatch.setattr(sys, "stdin", Keyboard())
    monkeypatch.setattr(saved.typer, "prompt", prompt)
    assert saved._confirm("Delete?") is True
    assert asked.get("err") is True  # the question goes to stderr, the screen


def test_a_draft_with_a_date_out_of_range_keeps_its_other_answers(isolated_home) -> None:
    from iepprep.core.planning.interview import draft_to_resume

    store = PlanStore()
    answers = {"child_name": "Maya", "meeting_date": "9999-12-31", "grade": "high"}
    store.save_draft(answers, ["child_name", "meeting_date", "grade"])

    class SaysYes:
        def confirm(self, message: str, *, default: bool) -> bool:
            return True

    draft = draft_to_resume(SaysYes(), tell=print, drafts=store)
    assert draft is not None
    assert draft.answers == {"child_name": "Maya", "grade": "high"}
    assert draft.asked == ["child_name", "grade"]  # the date is asked again

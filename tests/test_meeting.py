"""Meeting day and after: live mode, the journal, notes, review and letters."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY
from iepprep.core.meeting.live import FINISH, NOTE, MeetingRecord, run_meeting
from iepprep.core.planning.plan import PlanQuestion
from iepprep.core.storage.journal import Journal

DOWN, ENTER = "\x1b[B", "\r"
STYLES = r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\"  # colours and terminal hyperlinks
HOSTILE_NOTE = "Ms. Lee [bold]sends[/bold] \x1b[31mdraft\x07 <b>Friday</b> *soon*"


def questions() -> list[PlanQuestion]:
    return [
        PlanQuestion(
            id=f"q{n}",
            topic="goals",
            topic_title="Goals",
            text=f"Question number {n}?",
            tips=[],
            priority=p,
            number=n,
        )
        for n, p in ((1, 2), (2, 1), (3, 2))
    ]


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 10, 9, 0)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


@pytest.fixture
def pipe_input() -> Iterator[Any]:
    from prompt_toolkit.input import create_pipe_input

    with create_pipe_input() as pipe:
        yield pipe


def test_live_mode_on_real_prompts(pipe_input, tmp_path: Path) -> None:
    from prompt_toolkit.output import DummyOutput

    from iepprep.prompting import QuestionaryMeetingPrompter

    record = MeetingRecord(questions(), Journal(tmp_path / "j.jsonl"))
    assert record.next_question().id == "q2"  # most important first
    keys = (
        ENTER
        + "Yes, three goals\r"  # answer q2
        + DOWN
        + ENTER  # skip q1
        + DOWN
        + DOWN
        + ENTER
        + "Speech twice a week\r"  # a note
        + DOWN
        + DOWN
        + DOWN
        + DOWN
        + ENTER  # finish
    )
    pipe_input.send_text(keys)
    prompter = QuestionaryMeetingPrompter(input=pipe_input, output=DummyOutput())
    run_meeting(record, prompter, reminders=["Take a break"], clock=Clock())
    again = MeetingRecord(questions(), Journal(tmp_path / "j.jsonl"))
    assert again.answers["q2"].text == "Yes, three goals"
    assert "q1" in again.skipped
    assert [n.text for n in again.notes] == ["Speech twice a week"]
    assert [q.id for q in again.open_questions] == ["q1", "q3"]
    assert again.next_question().id == "q3"  # resumes after what was done


def test_live_mode_shows_the_number_on_the_printed_plan(pipe_input, tmp_path: Path) -> None:
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    from iepprep.prompting import QuestionaryMeetingPrompter

    screen = io.StringIO()
    pipe_input.send_text(ENTER)
    prompter = QuestionaryMeetingPrompter(input=pipe_input, output=PlainTextOutput(screen))
    prompter.choose("0 min in", questions()[1], [("answer", "Answered")])
    assert "2. Question number 2?" in screen.getvalue()


KILL_SCRIPT = textwrap.dedent(
    """
    import datetime as dt, os, signal, sys
    from pathlib import Path
    from iepprep.core.storage.journal import Journal
    from iepprep.core.meeting.live import MeetingRecord, run_meeting
    from iepprep.core.planning.plan import PlanQuestion

    qs = [PlanQuestion(id="q1", topic="goals", topic_title="Goals", text="Q?", tips=[],
                       priority=1)]
    record = MeetingRecord(qs, Journal(Path(sys.argv[1])))

    class Prompter:
        def __init__(self):
            self.calls = 0
        def choose(self, title, question, actions):
            self.calls += 1
            if self.calls == 3:
                os.kill(os.getpid(), signal.SIGKILL)  # the power goes out between two notes
            return "note"
        def text(self, message):
            return f"note {self.calls}"
        def show(self, lines):
            pass

    run_meeting(record, Prompter(), reminders=[], clock=lambda: dt.datetime(2026, 12, 10, 9))
    """
)


def test_notes_survive_kill_9_and_resume_shows_them(tmp_path: Path, pipe_input) -> None:
    from prompt_toolkit.output import DummyOutput

    from iepprep.prompting import QuestionaryMeetingPrompter

    path = tmp_path / "j.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -9
    with path.open("ab") as handle:  # and a line cut short as the disk lost power
        handle.write(b'{"kind": "note", "at": "2026-12-10T09:')
    record = MeetingRecord(questions()[:1], Journal(path))
    assert [n.text for n in record.notes] == ["note 1", "note 2"]
    assert record.started is not None
    pipe_input.send_text(DOWN + DOWN + ENTER + "note after resume\r" + DOWN * 4 + ENTER)
    run_meeting(
        record,
        QuestionaryMeetingPrompter(input=pipe_input, output=DummyOutput()),
        reminders=[],
        clock=Clock(),
    )
    resumed = MeetingRecord(questions()[:1], Journal(path))
    assert [n.text for n in resumed.notes] == ["note 1", "note 2", "note after resume"]


def test_journal_is_private_and_flushed(tmp_path: Path) -> None:
    record = MeetingRecord(questions(), Journal(tmp_path / "plans" / "j.jsonl"))
    record.add_note("hello", now=dt.datetime(2026, 12, 10, 9))
    path = tmp_path / "plans" / "j.jsonl"
    assert path.stat().st_mode & 0o777 == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == "hello"


class Scripted:
    def __init__(self, choices: list[str], texts: list[str]) -> None:
        self.choices, self.texts = choices, texts

    def choose(self, title: str, question: Any, actions: Any) -> str:
        if not self.choices:
            raise KeyboardInterrupt
        return self.choices.pop(0)

    def text(self, message: str) -> str:
        return self.texts.pop(0)

    def show(self, lines: Any) -> None:
        pass


@pytest.fixture
def saved_plan(run, write_yaml) -> Path:
    answers = write_yaml(
        "family.yaml",
        {
            "child_name": "Maya",
            "parent_name": "Jordan",
            "school": "Lincoln Elementary",
            "meeting_date": "2026-12-10",
            "concerns": ["reading"],
            "worries": "Maya is falling behind in reading.",
            "documents_received": ["evaluation_report"],
        },
    )
    assert run("plan", "--answers", str(answers), "-f", "json").exit_code == 0
    return answers


def test_cli_meeting_ctrl_c_saves_and_exits_130(run, saved_plan, monkeypatch) -> None:
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    monkeypatch.setattr(
        "iepprep.prompting.QuestionaryMeetingPrompter",
        lambda: Scripted([NOTE, NOTE], ["first", "second"]),
    )
    result = run("meeting")
    assert result.exit_code == 130
    assert "Everything so far is saved" in result.stderr
    notes = json.loads(run("notes", "list", "-f", "json").stdout)
    assert [n["text"] for n in notes] == ["first", "second"]
    monkeypatch.setattr(
        "iepprep.prompting.QuestionaryMeetingPrompter", lambda: Scripted([FINISH], [])
    )
    again = run("meeting")
    assert again.exit_code == 0 and "Welcome back" in again.stderr


def test_cli_meeting_needs_a_terminal(run, saved_plan) -> None:
    result = run("meeting")
    assert result.exit_code == 2


def test_notes_and_questions_without_prompts(run, saved_plan) -> None:
    assert run("notes", "add", "OT", "twice", "a", "week").exit_code == 0
    assert "OT twice a week" in run("notes", "list").stdout
    assert run("notes", "add", "   ").exit_code == 2
    before = json.loads(run("questions", "--open", "-f", "json").stdout)
    first = before[0]["id"]
    done = run("questions", "done", first, "--answer", "Woodcock-Johnson")
    assert done.exit_code == 0 and "answered" in done.stderr
    after = json.loads(run("questions", "--open", "-f", "json").stdout)
    assert len(after) == len(before) - 1 and first not in {q["id"] for q in after}
    assert run("questions", "done", "no-such-question").exit_code == 3


def test_notes_as_markdown_are_escaped_and_dated(run, saved_plan) -> None:
    assert run("notes", "add", HOSTILE_NOTE).exit_code == 0
    markdown = run("notes", "list", "-f", "markdown").stdout
    assert re.fullmatch(r"- Ms\. Lee .* _\(\d{4}-\d\d-\d\d \d\d:\d\d\)_\n", markdown), markdown
    assert "\\[bold]" in markdown  # no link can start; "Ms." needs no backslash
    assert "\\*soon\\*" in markdown and "*soon*" not in markdown.replace("\\*", "")
    assert "\x1b" not in markdown and "\x07" not in markdown and "<b>" not in markdown


def test_reminders_are_the_standing_tips_then_the_plans_own(library) -> None:
    from iepprep.core.content.models import Phase
    from iepprep.core.family.profile import Profile
    from iepprep.core.meeting.live import REMINDER_TIPS, reminder_tips
    from iepprep.core.planning.planner import make_plan
    from iepprep.render.wording import reminder_lines

    plan = make_plan(Profile(concerns=["behavior"]), library, today=TODAY)
    tips = reminder_tips(plan, library.tips)
    ids = [tip.id for tip in tips]
    assert ids[: len(REMINDER_TIPS)] == list(REMINDER_TIPS)
    assert len(ids) == len(set(ids))
    assert {item.id for item in plan.phase(Phase.DURING)} <= set(ids)
    lines = reminder_lines(tips)
    assert lines[1] == "Reminders for the meeting:"
    assert lines[2] == f"  - {tips[0].title}: {tips[0].why}"
    assert len(lines) == len(tips) + 3


def test_a_question_can_be_marked_by_its_number_in_the_plan(run, saved_plan) -> None:
    questions = json.loads(run("questions", "-f", "json").stdout)
    shown = run("questions").stdout
    assert f"  3. {questions[2]['text'][:40]}" in " ".join(shown.split("\n"))
    done = run("questions", "done", "3", "--answer", "twice a week")
    assert done.exit_code == 0, done.output
    assert questions[2]["text"][:30] in " ".join(done.stderr.split())
    still_open = {q["id"] for q in json.loads(run("questions", "--open", "-f", "json").stdout)}
    assert questions[2]["id"] not in still_open
    still = run("questions", "--open").stdout
    assert "  3. " not in still and "  4. " in still  # the plan's numbers, not new ones
    titles = [line for line in still.splitlines() if line and not line.startswith(" ")]
    assert len(titles) == len(set(titles))  # each topic once, in plan order
    missing = run("questions", "done", str(len(questions) + 1))
    assert missing.exit_code == 3
    assert f"numbered 1 to {len(questions)}" in missing.stderr


def test_meeting_commands_need_a_saved_plan(run) -> None:
    result = run("notes", "add", "hello")
    assert result.exit_code == 3
    assert "iepprep plan" in result.stderr


def test_review(run, saved_plan) -> None:
    run("notes", "add", "Speech", "twice", "a", "week")
    data = json.loads(run("review", "-f", "json").stdout)
    assert {"checklist", "open_questions", "notes", "before_you_sign"} <= set(data)
    assert all(item["phase"] == "after" for item in data["checklist"])
    assert data["notes"][0]["text"] == "Speech twice a week"
    checks = " ".join(c["text"] for c in data["before_you_sign"])
    for phrase in (
        "measurable",
        "baseline",
        "how often",
        "how long",
        "where",
        "from when",
        "who tells every teacher",
        "progress",
        "concerns",
        "placement",
    ):
        assert phrase in checks, phrase
    text = run("review").stdout
    assert "BEFORE YOU SIGN" in text and "[ ] " in text
    first_open = data["open_questions"][0]
    assert f"{first_open['number']:>3}. {first_open['text'][:30]}" in text  # plan numbers
    assert run("review", "-f", "markdown").stdout.count("- [ ] ") >= 9


@pytest.mark.parametrize(
    "kind", ["records-request", "parent-concerns", "meeting-request", "recap", "disagreement"]
)
def test_every_letter_is_drafted_with_names_and_date(run, saved_plan, kind: str) -> None:
    result = run("letter", kind)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("Friday, November 27, 2026")
    assert "Maya" in text and "Jordan" in text and "Lincoln Elementary" in text
    assert "Subject:" in text


def test_letters_use_worries_and_notes(run, saved_plan) -> None:
    concerns = run("letter", "parent-concerns").stdout
    assert "Maya is falling behind in reading." in concerns
    assert "Reading: [what you see" in concerns
    records = run("letter", "records-request").stdout
    assert "draft IEP" in records and "evaluation reports" not in records  # already received
    run("notes", "add", "OT starts Jan 5")
    first = json.loads(run("questions", "--open", "-f", "json").stdout)[0]
    run("questions", "done", first["id"], "--answer", "Ms. Diaz by Friday")
    recap = run("letter", "recap").stdout
    assert "OT starts Jan 5" in recap and "Ms. Diaz by Friday" in recap
    assert "correct" in recap
    assert "prior written notice" in run("letter", "disagreement").stdout


def test_placeholders_when_the_tool_cannot_know(run, write_yaml) -> None:
    result = run("letter", "meeting-request", "--answers", str(write_yaml("a.yaml", {})))
    assert "[your child's name]" in result.stdout
    assert "[your name]" in result.stdout and "[case manager's name]" in result.stdout


def test_hostile_note_cannot_break_a_letter(run, saved_plan, tmp_path: Path) -> None:
    assert run("notes", "add", HOSTILE_NOTE).exit_code == 0
    text = run("letter", "recap").stdout
    assert "\x1b" not in text and "\x07" not in text
    assert "Ms. Lee [bold]sends[/bold]" in text  # markup shown as typed
    md = run("letter", "recap", "-f", "markdown").stdout
    assert "<b>" not in md and "\\*soon\\*" in md
    out = tmp_path / "recap.md"
    assert run("letter", "recap", "-o", str(out)).exit_code == 0
    saved = out.read_text(encoding="utf-8")
    assert "&lt;b" in saved and "<b>" not in saved


def test_letters_and_notes_join_the_saved_plan(run, saved_plan, tmp_path: Path) -> None:
    run("notes", "add", "hello")
    run("letter", "recap", "-o", str(tmp_path / "recap.txt"))
    run("letter", "recap", "-o", str(tmp_path / "recap.txt"))  # the same draft: kept once
    row = json.loads(run("history", "-f", "json").stdout)[0]
    assert (row["notes"], row["letters"]) == (1, 1)
    assert "1 note" in run("history").stdout


def test_forget_removes_the_journal_too(run, saved_plan, isolated_home: Path) -> None:
    run("notes", "add", "private")
    assert list((isolated_home / "plans").glob("*.journal.jsonl"))
    run("forget", "1", "--yes")
    assert [p.name for p in (isolated_home / "plans").glob("*")] == [".iepprep"]  # the marker


def test_today_is_fixed_for_letters() -> None:
    assert TODAY.isoformat() == "2026-11-27"


def test_a_letter_before_any_plan_has_placeholders(run) -> None:
    result = run("letter", "records-request")
    assert result.exit_code == 0
    assert "[your child's name]" in result.stdout and "[your name]" in result.stdout
    assert "iepprep plan" in result.stderr


def test_letters_wrap_on_a_terminal_and_stay_whole_elsewhere(run, saved_plan) -> None:
    piped = run("letter", "recap").stdout
    assert any(len(line) > 80 for line in piped.splitlines())  # whole paragraphs to paste
    import re

    shown = re.sub(STYLES, "", run("letter", "recap", env={"FORCE_COLOR": "1"}).stdout)
    assert max(len(line) for line in shown.splitlines()) <= 80
    assert "understood each other" in " ".join(shown.split())


def test_a_long_bullet_in_a_letter_wraps_under_its_own_text(run, saved_plan) -> None:
    import re

    note = "The school agreed to a speech and language evaluation, with results by January 15"
    assert run("notes", "add", note).exit_code == 0
    shown = re.sub(STYLES, "", run("letter", "recap", env={"FORCE_COLOR": "1"}).stdout)
    lines = shown.splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("- The school agreed"))
    assert lines[first + 1].startswith("  ") and lines[first + 1].strip()
    assert note in " ".join(" ".join(lines[first : first + 2]).removeprefix("- ").split())


def test_time_in_the_meeting_reads_naturally() -> None:
    from iepprep.core.meeting.live import _time_in

    start = dt.datetime(2026, 12, 10, 9, 0)
    assert _time_in(None, start) == "0 min in"
    assert _time_in(start, start + dt.timedelta(minutes=42)) == "42 min in"
    assert _time_in(start, start + dt.timedelta(minutes=135)) == "2 h 15 min in"
    assert _time_in(start, start + dt.timedelta(days=1)) == "started Thu Dec 10 at 09:00"


def test_a_recap_keeps_answers_heard_apart_from_what_was_agreed(run, saved_plan) -> None:
    """An answered question is not an agreement: it used to be listed as one."""
    first = json.loads(run("questions", "--open", "-f", "json").stdout)[0]
    run("questions", "done", first["id"], "--answer", "not this year")
    recap = run("letter", "recap").stdout
    agreed = recap.index("What we agreed")
    heard = recap.index("The questions I asked, and the answers I heard:")
    assert agreed < heard
    assert "not this year" not in recap[agreed:heard]
    assert "[what was agreed, who will do it, and by when]" in recap[agreed:heard]
    assert "not this year" in recap[heard:]


def test_a_recap_without_answers_has_no_empty_answers_list(run, saved_plan) -> None:
    recap = run("letter", "recap").stdout
    assert "What we agreed" in recap
    assert "answers I heard" not in recap


def test_a_spanish_recap_keeps_the_space_before_the_meeting_date(run, saved_plan) -> None:
    """' el {date}' lost its space when read ('Mayael jueves')."""
    recap = run("--lang", "es", "letter", "recap").stdout
    assert "Maya el jueves, 10 de diciembre de 2026" in recap
    assert "Mayael" not in recap


def test_review_and_meeting_before_the_meeting_say_so_and_still_work(
    run, saved_plan, monkeypatch
) -> None:
    early = run("review")  # today is Nov 27; the saved meeting is on Dec 10
    assert early.exit_code == 0
    assert "Your meeting is on Thursday, December 10, 2026 (in 13 days)" in early.stderr
    assert "read ahead" in early.stderr
    assert "BEFORE YOU SIGN" in early.stdout.upper()
    on_the_day = run("review", env={"IEPPREP_TODAY": "2026-12-10"})
    assert on_the_day.exit_code == 0 and "Your meeting is on" not in on_the_day.stderr

    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    monkeypatch.setattr(
        "iepprep.prompting.QuestionaryMeetingPrompter", lambda: Scripted([FINISH], [])
    )
    practice = run("meeting")
    assert practice.exit_code == 0
    assert "Live mode is for the meeting itself" in practice.stderr
    assert "Your meeting is on" not in run("meeting", env={"IEPPREP_TODAY": "2026-12-10"}).stderr

"""Hostile input, interruptions, privacy and accessibility, over the whole tool.

Every case ends in a plan or a clean one-paragraph error with a non-zero exit, never
a traceback; saved data stays consistent; nothing goes over the network; user and
tip text is only ever text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import socket
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iepprep.core.content.library import load_library, parse_tips
from iepprep.core.planning.answers import parse_answers
from iepprep.core.planning.planner import make_plan
from iepprep.errors import DataFileError, InputError

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f",*{chr(97 + i)}" * 8 + "]"
       for i in range(8)]
)  # fmt: skip
BOX_DRAWING = re.compile("[\u2500-\u257f]")
# Styles (CSI ... m) and terminal hyperlinks (OSC 8), the only escapes iepprep writes.
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)")


def assert_clean_failure(result: Any, *, code: int | None = None) -> None:
    assert result.exit_code != 0
    if code is not None:
        assert result.exit_code == code
    assert "Traceback" not in result.output
    assert result.stderr.strip(), "an error says what happened"


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("tips: [", "not valid YAML"),
        ("tips:\n  - id: x\n    title: 42\n", "has a problem"),
        ("tips: []\nextra: 1\n", "has a problem"),
        ("", "is empty"),
        ("[" * 5000 + "]" * 5000, "nesting"),
        (BILLION_LAUGHS, "alias"),
    ],
)
def test_bad_tips_files(run, write_yaml, content: str, expected: str) -> None:
    result = run("--tips", str(write_yaml("bad.yaml", content)), "tips", "list")
    assert_clean_failure(result, code=2)
    assert expected in result.stderr


@pytest.mark.timeout(20)
def test_alias_bomb_in_answers_is_refused(run, write_yaml) -> None:
    bomb = BILLION_LAUGHS + "\nchild_name: *i\n"
    result = run("plan", "--answers", str(write_yaml("a.yaml", bomb)), "--no-save")
    assert_clean_failure(result, code=2)
    assert "alias" in result.stderr


def test_huge_binary_unreadable_and_missing_files(run, tmp_path: Path, monkeypatch) -> None:
    binary = tmp_path / "tips.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    assert_clean_failure(run("--tips", str(binary), "tips", "list"), code=2)
    assert_clean_failure(run("--tips", str(tmp_path / "none.yaml"), "tips", "list"), code=2)
    assert_clean_failure(run("plan", "--answers", str(tmp_path)), code=2)  # a folder
    monkeypatch.setattr("iepprep.core.content.datafiles.MAX_FILE_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 200 + "\n", encoding="utf-8")
    result = run("plan", "--answers", str(big))
    assert_clean_failure(result, code=2)
    assert "too large" in result.stderr


def test_unreadable_file(run, write_yaml, monkeypatch) -> None:
    path = write_yaml("a.yaml", {"grade": "high"})

    def denied(*args: Any, **kwargs: Any) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("iepprep.core.content.datafiles.os.open", denied)  # even root is refused
    result = run("plan", "--answers", str(path))
    assert_clean_failure(result, code=2)
    assert "permission denied" in result.stderr


@pytest.mark.parametrize(
    "answers",
    [
        {"child_name": "x" * 10_000},
        {"meeting_date": "2026-02-30"},
        {"meeting_date": "yesterday"},
        {"grade": "twelfth"},
        {"concerns": "everything"},
        {"language": 7},
        {"state": ["TX"]},
    ],
)
def test_bad_answers_are_clean_errors(run, write_yaml, answers: dict[str, Any]) -> None:
    assert_clean_failure(run("plan", "--answers", str(write_yaml("a.yaml", answers))), code=2)


def test_errors_do_not_repeat_the_childs_details(run, write_yaml) -> None:
    answers = {"child_name": "Zoë Private", "worries": "diagnosed with something private",
               "grade": "college"}  # fmt: skip
    result = run("plan", "--answers", str(write_yaml("a.yaml", answers)))
    assert_clean_failure(result, code=2)
    assert "Zoë" not in result.stderr and "diagnosed" not in result.stderr


def test_read_only_data_folder_keeps_old_plan_and_the_answers(run, write_yaml, monkeypatch):
    first = write_yaml("a.yaml", {"child_name": "Maya"})
    assert run("plan", "--answers", str(first)).exit_code == 0

    def read_only(self: Path, target: Any) -> Path:
        raise PermissionError(30, "Read-only file system")

    second = write_yaml("b.yaml", {"child_name": "Leo", "grade": "high"})
    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", read_only)
        result = run("plan", "--answers", str(second))
    assert result.exit_code == 1
    assert "IEP meeting plan for Leo" in result.stdout  # the plan is shown anyway
    assert "Read-only file system" in result.stderr
    kept = json.loads(result.stderr[result.stderr.index("{") :])
    assert kept == {"child_name": "Leo", "grade": "high", "meeting_type": "annual",
                    "schooling": "public", "relationship": "neutral", "language": "en",
                    "first_meeting": False}  # fmt: skip
    assert "plan for Maya" in run("plan", "--from", "latest").stdout


# ------------------------------------------------------ interruptions


class Interrupting:
    def __init__(self, error: type[BaseException]) -> None:
        self.error = error

    def ask(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error

    def choose(self, *args: Any) -> Any:
        raise self.error


@pytest.mark.parametrize("error", [KeyboardInterrupt, EOFError])
def test_interrupt_or_closed_terminal_in_plan(run, monkeypatch, error, isolated_home) -> None:
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter", lambda: Interrupting(error))
    result = run("plan")
    assert result.exit_code == 130
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) <= 2  # the greeting, then one line
    assert not (isolated_home / "plans").exists()


@pytest.mark.parametrize("error", [KeyboardInterrupt, EOFError])
def test_interrupt_or_closed_terminal_in_meeting(run, write_yaml, monkeypatch, error) -> None:
    assert run("plan", "--answers", str(write_yaml("a.yaml", {}))).exit_code == 0
    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    monkeypatch.setattr("iepprep.prompting.QuestionaryMeetingPrompter", lambda: Interrupting(error))
    result = run("meeting")
    assert result.exit_code == 130
    assert "Everything so far is saved" in result.stderr


# ------------------------------------------------------------- privacy


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("iepprep tried to use the network")

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_every_command_works_without_network(run, write_yaml, tmp_path: Path, no_network):
    answers = str(write_yaml("a.yaml", {"child_name": "Maya", "meeting_date": "2026-12-10",
                                        "state": "CA"}))  # fmt: skip
    commands = [
        ["--help"], ["--version"], ["plan", "--answers", answers], ["plan", "--example"],
        ["checklist"], ["questions"], ["questions", "--all"], ["questions", "--open"],
        ["tips", "search", "sign"], ["tips", "list"], ["tips", "show", "take-notes"],
        ["glossary"], ["glossary", "fape"], ["rights"], ["history"],
        ["notes", "add", "hello"], ["notes", "list"], ["review"],
        ["letter", "recap"], ["letter", "records-request"],
        ["plan", "--from", "latest", "-o", str(tmp_path / "p.pdf")],
        ["plan", "--from", "latest", "-o", str(tmp_path / "p.html")],
        ["plan", "--from", "latest", "-o", str(tmp_path / "p.ics")],
        ["plan", "--from", "latest", "-o", str(tmp_path / "p.md")],
        ["forget", "--all", "--yes"],
    ]  # fmt: skip
    for command in commands:
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)


def test_forget_all_removes_everything_iepprep_wrote(run, write_yaml, tmp_path, monkeypatch):
    home, cache = tmp_path / "home", tmp_path / "elsewhere" / "iepprep"
    monkeypatch.setenv("IEPPREP_HOME", str(home))
    monkeypatch.setenv("IEPPREP_CACHE", str(cache))
    run("plan", "--answers", str(write_yaml("a.yaml", {"child_name": "Maya"})))
    run("notes", "add", "private note")
    run("tips", "search", "sign")
    assert home.exists() and cache.exists()
    assert run("forget", "--all", "--yes").exit_code == 0
    assert not home.exists() and not cache.exists()


# --------------------------------------------------------- text safety

NASTY = "Zoë\x1b[31m RED\x1b]0;title\x07 [bold]x[/bold] <script>alert(1)</script> \u202eevil"


def test_control_characters_never_reach_the_terminal(run, write_yaml, tmp_path) -> None:
    answers = write_yaml("a.yaml", {"child_name": NASTY[:80], "worries": NASTY,
                                    "school": "<b>School</b>", "meeting_date": "2026-12-10"})  # fmt: skip
    tips = write_yaml("t.yaml", {"tips": [{
        "id": "nasty-tip", "title": "Look \x1b[2J here", "body": "Body [red]text[/red] \x07 ok",
        "why": "Because \x1b[0m.", "phase": "before", "topics": ["support"],
        "source": {"kind": "added", "where": "Test group"}}]})  # fmt: skip
    for args in (["plan", "--answers", str(answers), "--no-save"],
                 ["tips", "show", "nasty-tip"], ["tips", "search", "look"]):  # fmt: skip
        for env in ({}, {"FORCE_COLOR": "1"}):
            result = run("--tips", str(tips), *args, env=env)
            assert result.exit_code == 0, result.output
            text = ANSI.sub("", result.stdout) if env else result.stdout
            # The escape characters are gone; what is left of a sequence is plain text.
            assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    plan = run("plan", "--answers", str(answers), "--no-save").stdout
    assert "[bold]x[/bold]" in plan
    for name in ("p.md", "p.html", "p.ics"):
        run("plan", "--answers", str(answers), "--no-save", "-o", str(tmp_path / name))
        content = (tmp_path / name).read_text(encoding="utf-8")
        assert "\x1b" not in content and "\x07" not in content and "\u202e" not in content
        if name != "p.ics":  # a calendar holds plain text; the others are markup
            assert "<script>" not in content


# ------------------------------------------------------- accessibility


@pytest.mark.parametrize("how", [["--plain"], "TERM=dumb"])
def test_plain_output_for_screen_readers(run, how) -> None:
    args, env = (how, {}) if isinstance(how, list) else ([], {"TERM": "dumb"})
    result = run(*args, "plan", "--example", env={**env, "FORCE_COLOR": "1"})
    out = result.stdout
    assert not ANSI.search(out)
    assert not BOX_DRAWING.search(out)
    assert "[ ]" not in out and "To do: Don't go alone" in out
    assert " · " not in out
    search = run(*args, "tips", "search", "sign", env={**env, "FORCE_COLOR": "1"}).stdout
    assert "*sign*" in search  # matches marked by more than color


@pytest.mark.parametrize("command", [["plan", "--example"], ["tips", "search", "sign"],
                                     ["glossary", "fape"], ["rights"], ["checklist"],
                                     ["tips", "search", "xylophone"], ["glossary", "zzzz"],
                                     ["tips", "search", "they", "rush", "us", "--explain"]])  # fmt: skip
def test_forty_columns_stay_readable(run, command) -> None:
    for env in ({"COLUMNS": "40"}, {"COLUMNS": "40", "FORCE_COLOR": "1"}):
        out = ANSI.sub("", run(*command, env=env).stdout)
        assert max(len(line) for line in out.splitlines()) <= 40


# ----------------------------------------------------- property-based

KEYS = ["child_name", "parent_name", "school", "grade", "meeting_type", "first_meeting",
        "meeting_date", "schooling", "concerns", "attendees", "documents_received",
        "relationship", "state", "language", "worries", "nonsense"]  # fmt: skip
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=90),
    st.sampled_from(["high", "annual", "tense", "TX", "es", "2026-12-10", "reading", "child"]),
    st.lists(st.sampled_from(["reading", "partner", "draft_iep", "bogus"]), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8))
def test_any_answers_give_a_plan_or_a_clean_error(answers: dict[str, Any]) -> None:
    try:
        profile = parse_answers(json.dumps(answers), name="answers.json", json_only=True)
    except InputError as err:
        assert err.message and err.exit_code == 2
        return
    from iepprep.render import jsondata, markdown

    plan = make_plan(profile, _LIBRARY, today=dt.date(2026, 11, 27))
    assert markdown.plan(plan) and jsondata.dumps(plan.to_json_data())


TIP_FIELDS = ["id", "title", "body", "why", "phase", "topics", "applies", "priority",
              "days_before", "source", "junk"]  # fmt: skip
TIP_VALUES = st.one_of(
    VALUES, st.sampled_from(["before", "during", "after", "a-tip"]),
    st.just({"kind": "added", "where": "Group"}), st.just(["support"]),
    st.just({"grade": ["high"]}), st.integers(min_value=-5, max_value=200),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.sampled_from(TIP_FIELDS), TIP_VALUES, max_size=11),
                max_size=4))  # fmt: skip
def test_any_tips_file_loads_or_is_a_clean_error(tips: list[dict[str, Any]]) -> None:
    try:
        parsed = parse_tips(json.dumps({"tips": tips}), name="group.yaml")
    except DataFileError as err:
        assert err.message.startswith("group.yaml")
        return
    assert len(parsed.tips) == len(tips)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_a_tips_file(text: str) -> None:
    with contextlib.suppress(DataFileError):  # an error is fine; a crash is not
        parse_tips(text, name="group.yaml")


_LIBRARY = load_library()

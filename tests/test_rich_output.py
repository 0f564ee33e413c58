"""Screens drawn by Rich: colour decisions, the plain layout, help, odd streams."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

STYLED = re.compile(r"\x1b\[[0-9;]*m")
ANY_ESCAPE = re.compile(r"\x1b")
BOX_DRAWING = re.compile(r"[\u2500-\u257f\u2610]")

# ------------------------------------------------------------- colour decisions


@pytest.mark.parametrize(
    ("env", "args", "colour"),
    [
        ({"FORCE_COLOR": "1"}, [], True),  # a terminal (forced: the runner is a pipe)
        ({}, [], False),  # a pipe
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, [], False),
        ({"FORCE_COLOR": "1"}, ["--plain"], False),
    ],
)
def test_when_the_screen_is_coloured(run, env, args, colour) -> None:
    for command in (["plan", "--example"], ["tips", "search", "sign"], ["glossary", "fape"]):
        out = run(*args, *command, env=env).stdout
        assert bool(STYLED.search(out)) is colour, (command, env, args)
        if not colour:
            assert not ANY_ESCAPE.search(out)


def test_phase_headings_are_coloured_with_a_rule_and_urgent_dates_warn(run) -> None:
    out = run("plan", "--example", env={"FORCE_COLOR": "1"}).stdout
    before = next(line for line in out.splitlines() if "BEFORE THE MEETING" in line)
    assert "\u2500" * 10 in before  # a rule beside the heading
    assert "\x1b[1;36mBEFORE THE MEETING" in before  # the phase's own colour
    urgent = next(line for line in out.splitlines() if "as soon as you can" in line)
    assert "\x1b[1;33m (as soon as you can)" in urgent  # the warning colour
    later = next(line for line in out.splitlines() if "(by Mon Nov 30)" in line)
    assert "\x1b[36m (by Mon Nov 30)" in later  # a date ahead: calm
    assert "\u2610 " in out  # checkboxes on a terminal


def test_links_are_terminal_hyperlinks_only_on_a_terminal(run) -> None:
    url = "https://www.parentcenterhub.org/find-your-center/"
    shown = run("glossary", "fape", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b]8;id=" in shown and f";{url}\x1b\\" in shown
    assert "\x1b]8" not in run("glossary", "fape").stdout
    assert "\x1b]8" not in run("--plain", "glossary", "fape", env={"FORCE_COLOR": "1"}).stdout


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb", "FORCE_COLOR": "1"}])
def test_no_color_and_dumb_terminals_get_the_screen_reader_layout(run, env) -> None:
    out = run("plan", "--example", env=env).stdout
    assert "To do: Don't go alone" in out
    assert not BOX_DRAWING.search(out) and "[ ]" not in out


def test_plain_works_before_or_after_the_command(run) -> None:
    for args in (
        ["--plain", "plan", "--example"],
        ["plan", "--plain", "--example"],
        ["plan", "--example", "--plain"],
    ):
        result = run(*args, env={"FORCE_COLOR": "1"})
        assert result.exit_code == 0, args
        assert "To do: Don't go alone" in result.stdout
        assert not ANY_ESCAPE.search(result.stdout)
    searched = run("tips", "search", "sign", "--plain").stdout
    assert "*sign*" in searched.lower()


def test_plain_after_double_dash_is_left_alone() -> None:
    from iepprep.cli.app import hoist_global_options

    assert hoist_global_options(["plan", "--plain"]) == ["--plain", "plan"]
    assert hoist_global_options(["notes", "add", "--", "--plain"]) == [
        "notes",
        "add",
        "--",
        "--plain",
    ]
    assert hoist_global_options(["tips", "list"]) == ["tips", "list"]


# -------------------------------------------------------------------- phases


@pytest.mark.parametrize("name", ["at", "AT", "during", "at-the-meeting", "at the meeting"])
def test_at_the_meeting_is_a_phase_name(run, name) -> None:
    shown = run("checklist", "--phase", name)
    assert shown.exit_code == 0, shown.output
    assert "AT THE MEETING" in shown.stdout and "BEFORE THE MEETING" not in shown.stdout
    listed = run("tips", "list", "--phase", name, "-f", "json")
    assert listed.exit_code == 0 and '"phase": "during"' in listed.stdout


@pytest.mark.parametrize("name", ["before-the-meeting", "after-the-meeting"])
def test_other_phases_by_their_titles(run, name) -> None:
    assert run("checklist", "--phase", name).exit_code == 0


def test_an_unknown_phase_says_which_exist(run) -> None:
    result = run("checklist", "--phase", "soon")
    assert result.exit_code == 2
    assert "before, at (or during) or after" in _words(result.stderr)


# ---------------------------------------------------------------------- help


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["plan"],
        ["tips", "search"],
        ["glossary"],
        ["notes", "add"],
        ["forget"],
        ["letter"],
        ["deadlines"],
        ["draft", "check"],
    ],
)
def test_help_speaks_in_words_not_python_types(run, command) -> None:
    shown = run(*command, "--help").stdout
    for python_type in ("<list[str]>", "<str>", "<bool>", "<int>", "<path>", "list[str]"):
        assert python_type not in shown, (command, python_type)


def test_help_groups_commands_as_a_parent_would(run) -> None:
    shown = run("--help").stdout
    panels = [
        "Before the meeting",
        "At the meeting",
        "After the meeting",
        "Words and rights",
        "Your saved plans",
    ]
    positions = [shown.index(panel) for panel in panels]
    assert positions == sorted(positions)


def _words(shown: str) -> str:
    """What a panel says, without its box."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", shown).split())


def test_each_command_offers_only_the_formats_it_writes(run) -> None:
    tips = _words(run("tips", "search", "--help").stdout)
    assert "text, markdown or json" in tips and "pdf" not in tips
    plan = _words(run("plan", "--help").stdout)
    assert "html, pdf, ics or answers" in plan
    checklist = _words(run("checklist", "--help").stdout)
    assert "Output format: text, markdown, json, html, pdf or ics." in checklist
    refused = run("tips", "search", "sign", "--format", "pdf")
    assert refused.exit_code == 2 and "cannot write pdf" in refused.stderr


def test_each_command_shows_one_example(run) -> None:
    for command in (
        ["plan"],
        ["tips", "search"],
        ["glossary"],
        ["review"],
        ["deadlines"],
        ["draft", "check"],
    ):
        shown = run(*command, "--help").stdout
        examples = shown.split("Examples:")[-1]
        assert len([line for line in examples.splitlines() if "iepprep " in line]) == 1


# --------------------------------------------------- the not-legal-advice line


@pytest.mark.parametrize(
    "command",
    [
        ["tips", "show", "know-what-fape-means"],
        ["glossary"],
        ["glossary", "fape"],
        ["rights"],
        ["plan", "--example"],
        ["plan", "--example", "-f", "markdown"],
        ["plan", "--example", "-f", "html"],
        ["glossary", "fape", "-f", "markdown"],
        ["tips", "show", "know-what-fape-means", "-f", "markdown"],
        ["letter", "records-request", "-f", "markdown"],
        ["checklist"],
        ["questions"],
    ],
)
def test_what_states_the_law_says_it_is_not_legal_advice(run, command) -> None:
    result = run(*command)
    assert result.exit_code == 0, result.output
    assert "not legal advice" in " ".join(result.stdout.split())


def test_a_tip_without_a_citation_has_no_legal_line(run) -> None:
    assert "not legal advice" not in run("tips", "show", "dont-go-alone").stdout


def test_a_letter_in_a_file_stays_the_letter_and_the_line_goes_to_stderr(run, tmp_path) -> None:
    piped = run("letter", "records-request")
    assert "not legal advice" not in piped.stdout and "not legal advice" in piped.stderr
    on_screen = run("letter", "records-request", env={"FORCE_COLOR": "1"})
    assert "not legal advice" in " ".join(STYLED.sub("", on_screen.stdout).split())


# ---------------------------------------------------------- invisible text


INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u2028\u2029\ufeff\U000e0041\u2060"


def test_invisible_characters_never_reach_the_terminal(run, write_yaml) -> None:
    from iepprep.core.common.safety import clean

    assert clean(f"Ma{INVISIBLE}ya") == "Maya"
    answers = write_yaml("a.yaml", {"child_name": f"Ma{INVISIBLE}ya", "worries": f"x{INVISIBLE}y"})
    for env in ({}, {"FORCE_COLOR": "1"}):
        out = run("plan", "--answers", str(answers), "--no-save", env=env).stdout
        assert "IEP meeting plan for Maya" in STYLED.sub("", out)
        assert not any(char in out for char in INVISIBLE)


# ----------------------------------------------- closed and narrow streams


def _iepprep(
    args: list[str], home: Path, *, shell_redirect: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the console script's main() as a shell would, with `shell_redirect`."""
    command = " ".join(
        [
            f"'{sys.executable}'",
            "-c",
            "'from iepprep.__main__ import main; main()'",
            *(f"'{a}'" for a in args),
            shell_redirect,
        ]
    )
    full_env = {**os.environ, "IEPPREP_HOME": str(home), "IEPPREP_TODAY": "2026-11-27"}
    full_env.pop("FORCE_COLOR", None)
    full_env.update(env or {})
    return subprocess.run(
        ["/bin/sh", "-c", command],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def test_closed_stdout_is_no_crash(tmp_path: Path) -> None:
    for args in (["plan", "--example"], ["tips", "search", "sign", "-f", "json"]):
        result = _iepprep(args, tmp_path, shell_redirect=">&-")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    saved = _iepprep(["plan", "--answers", "/nonexistent.yaml"], tmp_path, shell_redirect=">&-")
    assert saved.returncode == 2 and "Traceback" not in saved.stderr


def test_closed_stderr_keeps_exit_codes_and_stdout_clean(tmp_path: Path) -> None:
    ok = _iepprep(["plan", "--example", "-f", "json"], tmp_path, shell_redirect="2>&-")
    assert ok.returncode == 0
    assert ok.stdout.lstrip().startswith("{") and "example family" not in ok.stdout
    missing = _iepprep(["plan", "--from", "9", "-f", "json"], tmp_path, shell_redirect="2>&-")
    assert missing.returncode == 3 and missing.stdout == ""
    bad_option = _iepprep(["plan", "--nope"], tmp_path, shell_redirect="2>&-")
    assert bad_option.returncode == 2 and bad_option.stdout == ""


def test_a_note_is_saved_on_an_ascii_terminal(tmp_path: Path, write_yaml) -> None:
    answers = write_yaml("a.yaml", {"child_name": "Zoë"})
    ascii_env = {"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0", "LC_ALL": "C"}
    made = _iepprep(["plan", "--answers", str(answers)], tmp_path, env=ascii_env)
    assert made.returncode == 0, made.stderr
    assert "IEP meeting plan for Zo?" in made.stdout
    added = _iepprep(["notes", "add", "café at 9 — ask about ☕"], tmp_path, env=ascii_env)
    assert added.returncode == 0, added.stderr
    listed = _iepprep(["notes", "list", "-f", "json"], tmp_path)
    assert "café at 9 — ask about ☕" in listed.stdout
    for args in (["tips", "search", "sign"], ["glossary", "fape"], ["rights"], ["review"]):
        shown = _iepprep(args, tmp_path, env=ascii_env)
        assert shown.returncode == 0, (args, shown.stderr)
        assert "Traceback" not in shown.stderr


# ---------------------------------------------------------- styles and screens


def test_every_style_the_screens_use_is_in_the_theme(run, monkeypatch) -> None:
    """A misspelt style name would print unstyled without a word: catch it here."""
    from rich.rule import Rule
    from rich.text import Text

    from iepprep.cli import output
    from iepprep.render.console import THEME

    used: set[str] = set()
    real = output._emit_text

    def recording(ctx, out, registry, draw):  # type: ignore[no-untyped-def]
        def spy(renderer):  # type: ignore[no-untyped-def]
            screen = draw(renderer)
            for item in screen.items:
                if isinstance(item, Rule) and isinstance(item.title, Text):
                    item = item.title
                if isinstance(item, Text):
                    for style in [item.style, *(span.style for span in item.spans)]:
                        if isinstance(style, str) and style:
                            used.add(style)
            return screen

        return real(ctx, out, registry, spy)

    monkeypatch.setattr(output, "_emit_text", recording)
    env = {"FORCE_COLOR": "1"}
    for command in (
        ["plan", "--example"],
        ["tips", "search", "sign", "--explain"],
        ["tips", "show", "know-what-fape-means"],
        ["glossary", "fape"],
        ["rights", "--state", "TX"],
        ["history"],
    ):
        assert run(*command, env=env).exit_code == 0
    assert {"phase.before", "due", "due.urgent", "legal", "muted", "match"} <= used
    assert used <= set(THEME.styles), used - set(THEME.styles)


def test_a_long_line_wraps_at_words_and_a_long_link_stays_whole(run, write_yaml) -> None:
    shown = run("tips", "search", "they", "never", "listen", "to", "what", "I", "say", "at", "all",
                env={"COLUMNS": "40"}).stdout  # fmt: skip
    assert max(len(line) for line in shown.splitlines()) <= 40
    url = "https://example.org/a/very/long/address/that/no/line/can/hold"
    tips = write_yaml("t.yaml", {"tips": [{
        "id": "long-link", "title": "A tip with a long link", "body": "Read the page it names.",
        "why": "It explains more.", "phase": "before", "topics": ["support"],
        "source": {"kind": "added", "where": "Test group", "url": url}}]})  # fmt: skip
    detail = run("--tips", str(tips), "tips", "show", "long-link", env={"COLUMNS": "40"}).stdout
    assert url in detail.splitlines()  # whole, on its own line, to copy or click


def test_forty_columns_with_colour_wrap_at_words(run) -> None:
    out = run("plan", "--example", env={"COLUMNS": "40", "FORCE_COLOR": "1"}).stdout
    lines = [
        STYLED.sub("", re.sub(r"\x1b\]8;[^\x1b]*\x1b\\", "", line)) for line in out.splitlines()
    ]
    assert max(len(line) for line in lines) <= 40
    assert any(line.startswith("  When:") for line in lines)  # labels above values


# ------------------------------------------------------------ progress on slow work


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_spinner_only_on_a_terminal(monkeypatch) -> None:
    from contextlib import nullcontext

    from rich.status import Status

    from iepprep.render.progress import working

    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a pipe or a log
    assert isinstance(working("Writing the PDF…"), nullcontext)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert isinstance(working("Writing the PDF…"), Status)
    monkeypatch.setenv("NO_COLOR", "1")  # the plain layout: no spinner either
    assert isinstance(working("Writing the PDF…"), nullcontext)

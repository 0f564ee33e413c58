"""Styled text, word wrap and escape codes for the terminal (render/terminal.py)."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from iepprep.render import terminal
from iepprep.render.terminal import (
    AnsiConsole,
    PlainConsole,
    StyledText,
    ansi,
    cell_width,
    line_breaks,
    styles_visible,
)

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def lines_of(text: str, width: int) -> list[str]:
    return [line.plain for line in StyledText(text).wrap(width)]


def test_wraps_at_spaces_and_drops_the_spaces_at_breaks() -> None:
    assert lines_of("Bring someone with you to the meeting", 15) == [
        "Bring someone",
        "with you to the",
        "meeting",
    ]
    assert line_breaks("ab  cd", 3) == [(0, 2), (4, 6)]  # offsets into the text
    assert line_breaks("   ", 10) == [(0, 0)]  # a blank line stays a line


def test_each_line_of_the_text_wraps_on_its_own() -> None:
    assert lines_of("short\n\nsecond paragraph here", 10) == [
        "short",
        "",
        "second",
        "paragraph",
        "here",
    ]


def test_a_word_wider_than_a_line_starts_a_line_and_is_cut() -> None:
    url = "https://www.parentcenterhub.org/find-your-center/"
    lines = lines_of(f"Find yours at {url}", 20)
    assert lines[0] == "Find yours at"
    assert "".join(lines[1:]) == url
    assert all(cell_width(line) <= 20 for line in lines)


def test_a_typed_indent_is_kept_on_the_first_line() -> None:
    assert lines_of("    indented words here", 12) == ["    indented", "words here"]


def test_wide_characters_count_two_cells() -> None:
    assert cell_width("Ánh") == 3
    assert cell_width("山田花子") == 8
    assert cell_width("e\u0301") == 1  # e + combining acute accent
    lines = lines_of("山田 花子 山田 花子", 9)
    assert lines == ["山田 花子", "山田 花子"]
    assert all(cell_width(line) <= 9 for line in lines)


def test_a_character_wider_than_the_line_still_gets_one() -> None:
    assert lines_of("山", 1) == ["山"]


@given(st.text(alphabet=st.sampled_from("ab 山\u0301-"), max_size=60), st.integers(2, 30))
@example(text="   a", width=2)  # an indent wider than the line
@example(text=" 山", width=2)  # an indent that leaves no room for a wide character
def test_wrapping_keeps_every_word_and_fits_the_width(text: str, width: int) -> None:
    lines = lines_of(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        assert cell_width(line) <= width or len(line) == 1


def test_a_style_covers_only_the_text_it_was_given_with() -> None:
    row = StyledText("Title", style="bold")
    row.append("\nwhy it matters")
    row.append("\nsource", style="dim")
    first, why, source = row.wrap(80)
    assert ansi(first) == "\x1b[1mTitle\x1b[0m"
    assert ansi(why) == "why it matters"  # not bold: Rich's Text made it so
    assert ansi(source) == "\x1b[2msource\x1b[0m"


def test_styles_follow_their_words_across_a_wrap() -> None:
    text = StyledText("decline to sign it and sign only parts")
    for start in (11, 23):
        assert text.plain[start : start + 4] == "sign"
        text.stylize("bold yellow", start, start + 4)
    lines = text.wrap(16)
    assert [line.plain for line in lines] == ["decline to sign", "it and sign only", "parts"]
    assert ansi(lines[0]) == "decline to \x1b[1;33msign\x1b[0m"
    assert ansi(lines[1]) == "it and \x1b[1;33msign\x1b[0m only"
    assert ansi(lines[2]) == "parts"


def test_overlapping_styles_combine() -> None:
    text = StyledText("Don't sign yet", style="bold")
    text.stylize("yellow", 6, 10)
    assert ansi(text) == "\x1b[1mDon't \x1b[0m\x1b[1;33msign\x1b[0m\x1b[1m yet\x1b[0m"


def test_adding_keeps_styles_in_place() -> None:
    line = StyledText("[ ] ") + StyledText("Call", style="bold")
    assert ansi(line) == "[ ] \x1b[1mCall\x1b[0m"
    assert ansi(StyledText("a", style="dim") + ", b") == "\x1b[2ma\x1b[0m, b"


def test_markup_and_escape_lookalikes_print_as_typed() -> None:
    text = StyledText("[bold]Maya[/bold] :smile:", style="dim")
    assert ESCAPE.sub("", ansi(text)) == "[bold]Maya[/bold] :smile:"


def test_an_unknown_style_word_adds_no_codes() -> None:
    assert terminal.sgr("bold sparkly") == "1"
    assert ansi(StyledText("x", style="sparkly")) == "x"


def test_consoles_write_all_lines_at_once() -> None:
    lines = [StyledText("one", style="bold"), StyledText("two")]
    plain, styled = io.StringIO(), io.StringIO()
    PlainConsole(plain).write_lines(lines)
    AnsiConsole(styled).write_lines(lines)
    assert plain.getvalue() == "one\ntwo\n"
    assert styled.getvalue() == "\x1b[1mone\x1b[0m\ntwo\n"


def test_width_comes_from_columns_and_is_at_least_20(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert PlainConsole().width == 57
    monkeypatch.setenv("COLUMNS", "5")
    assert PlainConsole().width == 20


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        if self.closed:
            raise ValueError("I/O operation on closed file")  # as real streams do
        return True


@pytest.mark.parametrize(
    ("env", "tty", "plain", "expected"),
    [
        ({}, True, False, True),
        ({}, False, False, False),  # a pipe
        ({"FORCE_COLOR": "1"}, False, False, True),
        ({"TTY_COMPATIBLE": "1"}, False, False, True),
        ({"NO_COLOR": "1"}, True, False, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False, False),
        ({"TERM": "dumb"}, True, False, False),
        ({}, True, True, False),  # --plain
    ],
)
def test_when_styles_show(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, plain: bool, expected: bool
) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = _Tty() if tty else io.StringIO()
    assert styles_visible(stream, plain) is expected


def test_a_closed_stream_shows_no_styles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    stream = _Tty()
    assert styles_visible(stream) is True
    stream.close()
    assert styles_visible(stream) is False


def test_every_style_the_renderers_use_has_codes(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    """A typo in a style name would silently print unstyled: catch it here."""
    used: set[str] = set()
    real = terminal.sgr

    def recording(style: str) -> str:
        used.update(style.split())
        return real(style)

    monkeypatch.setattr(terminal, "sgr", recording)
    env = {"FORCE_COLOR": "1"}
    run("plan", "--example", env=env)
    run("tips", "search", "sign", "--explain", env=env)
    run("tips", "show", "dont-go-alone", env=env)
    run("glossary", "fape", env=env)
    run("rights", "--state", "TX", env=env)
    errored = run("plan", "--from", "99", env=env)  # an error, on stderr
    assert errored.exit_code != 0 and "\x1b[1;31mError: " in errored.stderr
    assert {"bold", "dim", "yellow", "red"} <= used
    assert used <= set(terminal.SGR_CODES)


def test_messages_wrap_at_words_but_keep_a_long_path_whole() -> None:
    out = io.StringIO()
    path = "/home/parent/Documents/iep/plan-for-maya.pdf"
    PlainConsole(out, width=24).print(f"Wrote the plan to {path} just now", wrap=True)
    assert out.getvalue().splitlines() == ["Wrote the plan to", path, "just now"]

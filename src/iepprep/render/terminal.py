"""Lines of text with styles, wrapped to a width and written to a terminal or a pipe.

The text renderer needs very little of a terminal library: bold, dim and two colors,
word wrap that lines up under a hanging indent, and no markup parsing ever. Rich does
all that and much more, but importing its console costs ~20 ms, more than every other
part of a search together, and the issue's budget for a whole command is ~150 ms. So
this module does just that little part:

- `StyledText`: a string and the styles of its parts, built only from plain strings
  (a child's name that looks like markup, `[bold]`, prints as typed);
- `wrap`: greedy word wrap measured in terminal cells (a CJK character takes two);
- `PlainConsole` writes the words only (a pipe, a file, --plain, TERM=dumb, NO_COLOR);
  `AnsiConsole` adds the standard SGR escape codes a color terminal understands.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable
from typing import IO, NamedTuple

# ECMA-48 "select graphic rendition" codes for the style words the renderers use.
SGR_CODES: dict[str, str] = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}
TAB_CELLS = 8  # a terminal may show a tab this wide: never let a line overflow
_WORD = re.compile(r"\S+")


class Span(NamedTuple):
    start: int
    end: int
    style: str


def cell_width(text: str) -> int:
    """Columns `text` takes on a terminal: wide (East Asian) characters take two,
    combining marks none."""
    if text.isascii():
        return len(text) + text.count("\t") * (TAB_CELLS - 1)
    width = 0
    for char in text:
        if char == "\t":
            width += TAB_CELLS
        elif unicodedata.combining(char):
            continue
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            width += 2
        else:
            width += 1
    return width


class StyledText:
    """Text and the styles of its parts; a style is words from `SGR_CODES`.

    A style given when text is added covers that text only (unlike Rich, where a
    `Text`'s own style also covers what is appended later).
    """

    __slots__ = ("plain", "spans")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = text
        self.spans: list[Span] = [Span(0, len(text), style)] if style and text else []

    def __repr__(self) -> str:
        return f"StyledText({self.plain!r}, spans={self.spans!r})"

    def append(self, text: str | StyledText, style: str = "") -> StyledText:
        start = len(self.plain)
        if isinstance(text, StyledText):
            self.plain += text.plain
            self.spans += [Span(s + start, e + start, st) for s, e, st in text.spans]
        else:
            self.plain += text
        if style and len(self.plain) > start:
            self.spans.append(Span(start, len(self.plain), style))
        return self

    def stylize(self, style: str, start: int = 0, end: int | None = None) -> None:
        end = len(self.plain) if end is None else min(end, len(self.plain))
        if style and start < end:
            self.spans.append(Span(start, end, style))

    def __add__(self, other: StyledText | str) -> StyledText:
        return self.slice(0, len(self.plain)).append(other)

    def slice(self, start: int, end: int) -> StyledText:
        """The part from `start` to `end`, with its styles."""
        part = StyledText(self.plain[start:end])
        part.spans = [
            Span(max(s, start) - start, min(e, end) - start, style)
            for s, e, style in self.spans
            if s < end and e > start
        ]
        return part

    def wrap(self, width: int, *, cut_words: bool = True) -> list[StyledText]:
        """Lines no wider than `width` cells: one or more for each line of the text.
        With `cut_words=False` a word wider than a line (a path, a link) stays whole."""
        lines: list[StyledText] = []
        offset = 0
        for paragraph in self.plain.split("\n"):
            for start, end in line_breaks(paragraph, width, cut_words=cut_words):
                lines.append(self.slice(offset + start, offset + end))
            offset += len(paragraph) + 1
        return lines


def line_breaks(paragraph: str, width: int, *, cut_words: bool = True) -> list[tuple[int, int]]:
    """Where to break one paragraph: (start, end) of each line, in characters.

    Greedy, at spaces; the spaces at a break are dropped, and a word wider than a line
    is cut (or, with `cut_words=False`, left whole on its own line). A paragraph's
    leading spaces are kept (an indent someone typed).
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    line_start = line_end = used = 0
    empty = True
    for match in _WORD.finditer(paragraph):
        word_start, word_end = match.span()
        if not empty:
            gap = cell_width(paragraph[line_end:word_start])
            word_cells = cell_width(match.group())
            if used + gap + word_cells <= width:
                line_end, used = word_end, used + gap + word_cells
                continue
            lines.append((line_start, line_end))
            line_start, used = word_start, 0
        else:
            used = cell_width(paragraph[line_start:word_start])  # the leading indent
        # The word starts the line; cut it while it is wider than what is left.
        while cut_words and used + cell_width(paragraph[word_start:word_end]) > width:
            cut = _fit(paragraph, word_start, word_end, width - used)
            if cut == word_start and used:  # no room after the indent: drop the indent
                line_start, used = word_start, 0
                continue
            cut = max(cut, word_start + 1)  # a character wider than a line still gets one
            if cut >= word_end:
                break
            lines.append((line_start, cut))
            line_start = word_start = cut
            used = 0
        line_end = word_end
        used += cell_width(paragraph[word_start:word_end])
        empty = False
    lines.append((line_start, line_end) if not empty else (0, 0))
    return lines


def _fit(text: str, start: int, end: int, cells: int) -> int:
    """The end of the longest run from `start` that fits in `cells` (none if nothing does)."""
    used = 0
    for position in range(start, end):
        used += cell_width(text[position])
        if used > cells:
            return position
    return end


class PlainConsole:
    """Writes the words only; as wide as COLUMNS or the terminal, else 80."""

    def __init__(self, file: IO[str] | None = None, width: int | None = None) -> None:
        self.file = file
        self.width = max(width if width is not None else terminal_width(), 20)

    def print(self, text: StyledText | str = "", *, wrap: bool = False) -> None:
        """Write `text`; with `wrap`, at word boundaries to fit the width (long words,
        like paths, stay whole so they can be copied)."""
        text = text if isinstance(text, StyledText) else StyledText(text)
        self.write_lines(text.wrap(self.width, cut_words=False) if wrap else [text])

    def write_lines(self, lines: Iterable[StyledText]) -> None:
        out = self.file or sys.stdout
        if out is None:  # no console at all (pythonw)
            return
        out.write("".join(self.render(line) + "\n" for line in lines))

    def render(self, line: StyledText) -> str:
        return line.plain


class AnsiConsole(PlainConsole):
    """Writes the words with their styles, as escape codes a color terminal shows."""

    def render(self, line: StyledText) -> str:
        return ansi(line)


def ansi(text: StyledText) -> str:
    """`text` with SGR escape codes around each differently styled part."""
    if not text.spans:
        return text.plain
    edges = {0, len(text.plain)}
    for span in text.spans:
        edges.update((span.start, span.end))
    out: list[str] = []
    for start, end in itertools.pairwise(sorted(edges)):
        part = text.plain[start:end]
        styles = [style for s, e, style in text.spans if s <= start and e >= end]
        codes = sgr(" ".join(styles))
        out.append(f"\x1b[{codes}m{part}\x1b[0m" if codes and part else part)
    return "".join(out)


def sgr(style: str) -> str:
    """The SGR parameters for a style like "bold yellow"; unknown words are left out."""
    codes: list[str] = []
    for word in style.split():
        code = SGR_CODES.get(word)
        if code is not None and code not in codes:
            codes.append(code)
    return ";".join(codes)


def terminal_width() -> int:
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else shutil.get_terminal_size((80, 24)).columns


def plain_requested(plain: bool) -> bool:
    """--plain, or a terminal that says it cannot do more (TERM=dumb)."""
    return plain or os.environ.get("TERM", "") == "dumb"


def styles_visible(stream: IO[str] | None, plain: bool = False) -> bool:
    """Whether styles written to `stream` would show: a color terminal (or one forced
    by FORCE_COLOR or TTY_COMPATIBLE=1), unless --plain, TERM=dumb or NO_COLOR."""
    if plain_requested(plain) or os.environ.get("NO_COLOR"):
        return False  # NO_COLOR: no escape codes at all, bold included
    if os.environ.get("TTY_COMPATIBLE") == "1" or os.environ.get("FORCE_COLOR"):
        return _escape_codes_work()
    return is_terminal(stream) and _escape_codes_work()


def is_terminal(stream: IO[str] | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # a closed stream
        return False


def _escape_codes_work() -> bool:
    """Everywhere but an old Windows console, which colorama switches into the mode
    that understands escape codes (colorama comes with typer on Windows)."""
    if sys.platform != "win32":
        return True
    try:
        import colorama
    except ImportError:
        return False
    colorama.just_fix_windows_console()
    return True


def console_for(stream: IO[str], *, plain: bool = False) -> PlainConsole:
    """The console for `stream`: styled where styles show, plain elsewhere."""
    kind = AnsiConsole if styles_visible(stream, plain) else PlainConsole
    return kind(stream)

"""Plain text for output that shows no styles: a pipe, a file, --plain, TERM=dumb.

When nobody will see bold or color, loading Rich only costs time (about 25 ms of a
typical command). These two small classes do the part of Rich's job the text
renderer needs: text with (ignored) styles, wrapped to a width.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Iterable
from typing import IO, Any


class PlainText:
    """The subset of `rich.text.Text` the text renderer uses, without styles."""

    __slots__ = ("plain",)

    def __init__(self, text: str = "", style: Any = "") -> None:
        self.plain = text

    def append(self, text: str | PlainText, style: Any = "") -> PlainText:
        self.plain += text.plain if isinstance(text, PlainText) else text
        return self

    def append_text(self, text: PlainText) -> PlainText:
        self.plain += text.plain
        return self

    def stylize(self, style: Any, start: int = 0, end: int | None = None) -> None:
        """Styles are not shown in plain text."""

    def rstrip(self) -> None:
        self.plain = self.plain.rstrip()

    def __add__(self, other: PlainText | str) -> PlainText:
        return PlainText(self.plain + (other.plain if isinstance(other, PlainText) else other))

    def join(self, lines: Iterable[PlainText]) -> PlainText:
        return PlainText(self.plain.join(line.plain for line in lines))

    def wrap(self, console: Any, width: int) -> list[PlainText]:
        lines: list[PlainText] = []
        for paragraph in self.plain.split("\n"):
            wrapped = textwrap.wrap(
                paragraph, width, break_on_hyphens=False, replace_whitespace=False
            )
            lines += [PlainText(line) for line in wrapped] or [PlainText("")]
        return lines


class PlainConsole:
    """Writes plain text lines; as wide as COLUMNS or the terminal, else 80."""

    def __init__(self, file: IO[str] | None = None, width: int | None = None) -> None:
        self.file = file
        if width is None:
            columns = os.environ.get("COLUMNS", "")
            width = (
                int(columns) if columns.isdigit() else shutil.get_terminal_size((80, 24)).columns
            )
        self.width = max(width, 20)

    def print(self, text: PlainText | str = "", **_: Any) -> None:
        out = self.file or sys.stdout
        out.write((text.plain if isinstance(text, PlainText) else text) + "\n")


def styles_visible(plain: bool) -> bool:
    """Whether styled output would show: a terminal, or one forced by the environment."""
    if plain or os.environ.get("TERM", "") == "dumb" or os.environ.get("NO_COLOR"):
        return False  # NO_COLOR: no escape codes at all, bold included
    if os.environ.get("TTY_COMPATIBLE") == "1" or os.environ.get("FORCE_COLOR"):
        return True
    stream = sys.stdout
    return stream is not None and stream.isatty()

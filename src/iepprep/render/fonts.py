"""The fonts shipped inside iepprep for printed pages, and which characters they draw.

The PDF is set in Atkinson Hyperlegible (designed by the Braille Institute for
low-vision readers); letters it lacks, such as the Vietnamese ones in "Nguyễn Thị
Ánh", and Greek and Cyrillic, come from Noto Sans. Both are OFL fonts that live in
`iepprep/fonts/` with their licence (OFL.txt), so nothing is downloaded or looked up.

We read each font's character map ourselves (a few hundred bytes of the file) so the
PDF renderer can tell, before typesetting, which characters no font can draw: a
child's name in Japanese must never vanish silently.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import typst

MAIN_FAMILY = "Atkinson Hyperlegible"
FALLBACK_FAMILY = "Noto Sans"
MAIN_FILE = "AtkinsonHyperlegible-Regular.ttf"
FALLBACK_FILE = "NotoSans-VariableFont.ttf"


def folder() -> Path:
    """The folder holding the shipped font files (a real folder: the wheel is unzipped)."""
    return Path(str(files("iepprep").joinpath("fonts")))


@cache
def coverage(file_name: str) -> frozenset[int]:
    """Every code point the font's Unicode character map draws."""
    with (folder() / file_name).open("rb") as font:
        return frozenset(_cmap_code_points(_cmap_table(font)))


def main_coverage() -> frozenset[int]:
    return coverage(MAIN_FILE)


def printable(char: str) -> bool:
    """Whether a shipped font draws `char` (spaces and break points always print)."""
    point = ord(char)
    if char.isspace() or char == "\u200b":  # a zero-width space is a break, never a glyph
        return True
    return point in coverage(MAIN_FILE) or point in coverage(FALLBACK_FILE)


def book(*, system: bool) -> typst.Fonts:
    """The fonts Typst may use: the shipped ones, and the computer's own if `system`
    (only when a shipped font lacks a character; finding them costs ~0.1 s)."""
    import typst

    return typst.Fonts(
        include_system_fonts=system, include_embedded_fonts=False, font_paths=[str(folder())]
    )


def drawable(chars: set[str], fonts_book: typst.Fonts) -> set[str]:
    """Which of `chars` some font in the book can draw (a name in Japanese may be
    drawn by a font installed on the computer)."""
    found: set[str] = set()
    for info in fonts_book.fonts():
        if not info.path or not (chars - found):
            continue
        try:
            with Path(info.path).open("rb") as font:
                wanted = {ord(char) for char in chars - found}
                points = _cmap_code_points(_cmap_table(font, info.index), wanted)
        except (OSError, struct.error):
            continue
        found |= {chr(point) for point in points}
    return found


def _cmap_table(font: BinaryIO, index: int = 0) -> bytes:
    """The font's 'cmap' table, read alone (Noto Sans is 2 MB; its map is 20 kB).
    `index` picks a font inside a collection (.ttc)."""
    head = font.read(12)
    if head[:4] == b"ttcf":
        font.seek(12 + 4 * index)
        font.seek(struct.unpack(">I", font.read(4))[0])
        head = font.read(12)
    table_count = struct.unpack_from(">H", head, 4)[0]
    directory = font.read(16 * table_count)
    for entry in range(table_count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", directory, 16 * entry)
        if tag == b"cmap":
            font.seek(offset)
            return font.read(length)
    return b""


def _cmap_code_points(font: bytes, wanted: set[int] | None = None) -> set[int]:
    """Code points (all, or those `wanted`) the best Unicode subtable of a 'cmap'
    table maps to a glyph.

    Only the two formats Unicode fonts use are read: 12 (full Unicode, preferred)
    and 4 (the Basic Multilingual Plane)."""
    if len(font) < 4:
        return set()
    cmap = 0
    subtables: dict[int, int] = {}
    for index in range(struct.unpack_from(">H", font, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", font, cmap + 4 + 8 * index)
        if (platform, encoding) in {(3, 10), (0, 4), (0, 6), (3, 1), (0, 3)}:
            start = cmap + offset
            subtables.setdefault(struct.unpack_from(">H", font, start)[0], start)
    if 12 in subtables:
        return _format_12(font, subtables[12], wanted)
    if 4 in subtables:
        return _format_4(font, subtables[4], wanted)
    return set()


def _in_segment(first: int, last: int, wanted: set[int] | None) -> Iterable[int]:
    if wanted is None:
        return range(first, last + 1)
    return [point for point in wanted if first <= point <= last]


def _format_12(font: bytes, start: int, wanted: set[int] | None) -> set[int]:
    points: set[int] = set()
    groups = struct.unpack_from(">I", font, start + 12)[0]
    for first, last, glyph in struct.iter_unpack(
        ">III", font[start + 16 : start + 16 + 12 * groups]
    ):
        points.update(_in_segment(first, last, wanted))
        if not glyph:
            points.discard(first)  # glyph 0 draws nothing
    return points


def _format_4(font: bytes, start: int, wanted: set[int] | None) -> set[int]:
    segments = struct.unpack_from(">H", font, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", font, start + 14)
    starts_at = start + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", font, starts_at)
    deltas = struct.unpack_from(f">{segments}h", font, starts_at + 2 * segments)
    offsets_at = starts_at + 4 * segments
    offsets = struct.unpack_from(f">{segments}H", font, offsets_at)
    points: set[int] = set()
    for index, (first, last, delta, offset) in enumerate(
        zip(starts, ends, deltas, offsets, strict=True)
    ):
        for point in _in_segment(first, last, wanted):
            if point == 0xFFFF:
                continue
            if offset == 0:
                glyph = (point + delta) & 0xFFFF
            else:
                at = offsets_at + 2 * index + offset + 2 * (point - first)
                glyph = struct.unpack_from(">H", font, at)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                points.add(point)
    return points

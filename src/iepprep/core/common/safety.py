"""Making text safe to print: user and tip text is only ever text.

Names, worries and tips could hold terminal control sequences (ESC, BEL, …), things
that look like Rich markup (`[bold]`), or invisible characters that change what a
line shows. Before anything is printed these are removed: C0 and C1 controls (tab
and newline stay), bidirectional overrides and marks, zero-width characters, line
and paragraph separators, the byte-order mark, and tag characters. Renderers build
Rich `Text` objects, which are never parsed as markup.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include CSI and NEL).
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Characters that print nothing but change what a line looks like or says:
# the Arabic letter mark; zero-width space, non-joiner, joiner; left-to-right and
# right-to-left marks; line and paragraph separators; bidi embeddings, overrides
# and isolates; word joiner and invisible operators; the byte-order mark (also the
# zero-width no-break space); and tag characters (which can spell hidden text).
_INVISIBLE = (
    "\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[{_CONTROL}{_INVISIBLE}]")


def clean(text: str) -> str:
    """Remove control and invisible characters; keep newlines and tabs."""
    return _UNSAFE.sub("", text)


def one_line(text: str) -> str:
    """`clean`, with runs of whitespace (newlines too) folded into one space."""
    return " ".join(clean(text).split())

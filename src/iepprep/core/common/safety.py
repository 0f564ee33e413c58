"""Making text safe to print: user and tip text is only ever text.

Names, worries and tips could hold terminal control sequences (ESC, BEL, …) or
things that look like Rich markup (`[bold]`). Control characters are removed before
anything is printed; renderers build `StyledText` objects, which are never parsed
as markup.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides can make text display differently from what it is.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Remove control and bidi-override characters; keep newlines and tabs."""
    return _BIDI.sub("", _CONTROL.sub("", text))


def one_line(text: str) -> str:
    """`clean`, with runs of whitespace (newlines too) folded into one space."""
    return " ".join(clean(text).split())

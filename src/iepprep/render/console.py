"""Building Rich consoles after the options are known (never at import time)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def plain_requested(plain: bool) -> bool:
    """--plain, or a terminal that says it cannot do more (TERM=dumb)."""
    return plain or os.environ.get("TERM", "") == "dumb"


def make_console(*, stderr: bool = False, plain: bool = False) -> Console:
    """A console for the user's terminal: colors only where the terminal shows them.

    Rich itself honors NO_COLOR, and writes no escape codes when output is piped.
    """
    from rich.console import Console

    return Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        markup=False,
        no_color=plain or None,
        color_system=None if plain else "auto",
        safe_box=True,
    )

"""The Rich consoles: the one place that decides how text reaches the screen.

Every screen iepprep prints (the plan, tips, errors, hints) goes through a console
made here, so the decisions are made once and by Rich: whether the stream is a
terminal, whether it shows colour (NO_COLOR, FORCE_COLOR, TERM=dumb), how wide it is
(COLUMNS or the window). iepprep adds only what Rich does not know:

- `--plain`, for screen readers, and the same plain layout wherever Rich itself
  would show no styles on a terminal (NO_COLOR, TERM=dumb);
- semantic style names (`THEME`), so a renderer says "due.urgent", never "yellow";
- markup, emoji codes and highlighting are off: a child's name prints as typed.

Importing this module imports Rich's console (~30 ms); the JSON, Markdown, HTML and
calendar paths never do.
"""

from __future__ import annotations

from contextlib import nullcontext, suppress
from typing import IO, TYPE_CHECKING

from rich.console import Console
from rich.text import Text
from rich.theme import Theme

from iepprep.core.common.safety import clean

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from iepprep.render.base import TextOptions

# What each style name means on a colour terminal. Calm: three phase colours, one
# warning colour, dim for what is secondary; no backgrounds, nothing blinking.
THEME = Theme(
    {
        "title": "bold",
        "heading": "bold",
        "phase.before": "bold cyan",
        "phase.during": "bold magenta",
        "phase.after": "bold green",
        "rule.line": "dim",
        "fact.label": "dim",
        "item": "bold",
        "box": "cyan",
        "due": "cyan",
        "due.urgent": "bold yellow",
        "muted": "dim",
        "notice": "yellow",
        "number": "bold cyan",
        "topic": "bold",
        "term": "bold",
        "match": "bold yellow",
        "legal": "dim italic",
        "link": "underline",
        "error": "bold red",
        "hint": "dim",
        "info": "dim",
    }
)


def make_console(
    file: IO[str] | None = None, *, stderr: bool = False, **options: object
) -> Console:
    """A console with iepprep's theme; no markup, emoji codes or highlighting ever.

    A width Rich cannot use (COLUMNS=0 makes it 0, and then every screen prints
    nothing) becomes 80 columns, and a tiny one `MIN_WIDTH`, so words always show.
    """
    console = Console(
        file=file,
        stderr=stderr,
        theme=THEME,
        markup=False,
        emoji=False,
        highlight=False,
        **options,  # type: ignore[arg-type]
    )
    if console.width <= 0:
        console.width = 80
    elif console.width < MIN_WIDTH:
        console.width = MIN_WIDTH
    return console


MIN_WIDTH = 20  # narrower than this, no word of a plan fits on a line


def is_plain(console: Console, plain: bool = False) -> bool:
    """The plain layout (no colour, no decoration, "To do:") is for --plain and for a
    terminal that shows no styles: NO_COLOR, or TERM=dumb, as Rich reads them."""
    return plain or console.no_color or (console.is_terminal and console.color_system is None)


def text_options(console: Console, *, plain: bool = False) -> TextOptions:
    """How the text renderer should lay out a screen for `console`."""
    from iepprep.render.base import TextOptions

    flat = is_plain(console, plain)
    return TextOptions(
        console=console,
        width=console.width,
        plain=flat,
        on_terminal=console.is_terminal,
        unicode=not console.options.ascii_only,
        links=console.is_terminal and not flat,
    )


def stdout_console(*, plain: bool = False) -> Console:
    """The console for a command's output on the screen (or a pipe). In the plain
    layout it writes no escape codes at all, bold and dim included."""
    console = make_console()
    if is_plain(console, plain):
        return make_console(color_system=None, no_color=True)
    return console


def file_console(file: IO[str], *, width: int = 80) -> Console:
    """A console writing words only, for --output FILE.txt: no styles, 80 columns."""
    return make_console(file, width=width, color_system=None, force_terminal=False)


def stderr_console() -> Console:
    """The console for messages that are not the output: hints, errors, progress."""
    return make_console(stderr=True)


def print_error(message: str, hint: str | None, *, prefix: str = "Error: ") -> None:
    """One paragraph on standard error: what happened, then what to do."""
    console = stderr_console()
    text = Text(overflow="ignore")
    text.append(prefix, style=None if is_plain(console) else "error")
    text.append(clean(message))
    if hint:
        text.append("\n" + clean(hint))
    _print_message(console, text)


def print_info(message: str) -> None:
    """A message about the output (saved, wrote a file), dim, on standard error."""
    console = stderr_console()
    style = "" if is_plain(console) else "info"
    _print_message(console, Text(clean(message), style=style, overflow="ignore"))


def _print_message(console: Console, text: Text) -> None:
    # A terminal wraps at words; a pipe or log gets one line per paragraph, and a
    # word longer than a line (a path) stays whole so it can be copied.
    with suppress(OSError, ValueError):  # standard error closed or gone: nowhere to say it
        console.print(text, soft_wrap=not console.is_terminal, crop=False)


def status(message: str) -> AbstractContextManager[object]:
    """A spinner on standard error, unless it shows no styles (NO_COLOR, TERM=dumb)."""
    console = stderr_console()
    if is_plain(console) or not console.is_terminal:
        return nullcontext()
    return console.status(Text(message, style="info"), spinner="dots")

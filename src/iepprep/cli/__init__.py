"""The command line: options in, core calls, rendered output and exit codes out.

This layer stays thin: it parses options, asks the core for a plan or search results,
hands them to a renderer, and turns `IepprepError`s into one clear message and an
exit code. One module per group of commands:

- `app`: the typer app, global and shared options, error handling;
- `output`: writing a result in each format;
- `family`: which answers and saved plan a command works on;
- `planning` (plan, checklist, questions), `meeting_day` (meeting, notes, review,
  letter), `saved` (history, forget), `reference` (glossary, rights), `tips`.
"""

import contextlib
import os
from typing import Any

import typer

# Registering the commands: each module adds its own to `app` when imported.
from iepprep.cli import deadlines, draft, meeting_day, planning, reference, saved, tips  # noqa: F401
from iepprep.cli.app import app

__all__ = ["app", "main"]


def _help_as_paragraphs(root: typer.Typer) -> None:
    """Typer's Rich help keeps a docstring's line breaks; join each paragraph's lines
    so help wraps to the window, and escape `[` (Rich markup) so "[square
    brackets]" in a sentence print as typed."""
    import inspect

    def reflow(text: str | None) -> str | None:
        if not text:
            return text
        paragraphs = inspect.cleandoc(text).split("\n\n")
        return "\n\n".join(" ".join(p.split()) for p in paragraphs).replace("[", "\\[")

    for command in root.registered_commands:
        command.help = reflow(command.help or inspect.getdoc(command.callback))
    for group in root.registered_groups:
        if group.typer_instance is not None:
            info = group.typer_instance.info
            callback = group.typer_instance.registered_callback
            doc = info.help if isinstance(info.help, str) else None
            if callback is not None and callback.help is None and callback.callback:
                callback.help = reflow(inspect.getdoc(callback.callback))
            if doc:
                info.help = reflow(doc)
            _help_as_paragraphs(group.typer_instance)


_help_as_paragraphs(app)


def main() -> None:
    """Console-script entry point.

    Ends with `os._exit` once the output is flushed: tearing down the interpreter
    (freeing every module and object) takes ~30 ms, a sixth of a typical command, and
    nothing is left to do by then. Every file iepprep writes is complete and synced
    before the command returns, and iepprep registers no exit handlers.
    """
    import sys

    guard_standard_streams()
    _keep_only_invoked_command(app, sys.argv[1:])
    code: int | str | None = 0
    try:
        app(prog_name="iepprep")
    except SystemExit as exit_:
        code = exit_.code
    if isinstance(code, str):  # a message to print, as sys.exit would
        if sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(code + "\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    os._exit(code or 0)


def guard_standard_streams() -> None:
    """Make output safe wherever it goes, before anything is written.

    - A standard stream closed by the shell (`>&-`, `2>&-`) is None in Python; its
      file descriptor is taken by /dev/null, so no file iepprep opens later gets
      number 1 or 2 (where a library's stray write would land in a parent's notes).
      What would have been printed there is dropped; errors never move to stdout.
    - A stream that cannot encode every character (PYTHONIOENCODING=ascii, a C
      locale) writes a "?" for what it cannot show instead of failing halfway:
      the command still does its work and saves what was typed.
    """
    import sys

    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.open(os.devnull, os.O_RDWR)  # takes the lowest free number: fd
    sys.argv[1:] = [_as_typed(arg) for arg in sys.argv[1:]]
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors="replace")


def _as_typed(arg: str) -> str:
    """An argument as the parent typed it. In a C locale (with PYTHONUTF8=0) Python
    reads the bytes of "café" as undecodable; they are UTF-8, so read them so, and a
    note keeps its accents instead of failing to save."""
    import sys

    try:
        return arg.encode(sys.getfilesystemencoding(), "surrogateescape").decode("utf-8")
    except UnicodeError:
        return arg


def _keep_only_invoked_command(root: typer.Typer, argv: list[str]) -> None:
    """Drop the commands this run cannot reach, when the command is named exactly.

    Typer builds every command's parameters at start, a cost paid on every run for
    commands that are not used. When the words that are not options name a command
    (or a group and one of its commands, like `tips search`), only that one is kept;
    otherwise (--help, a typo) the whole tree stays, so help and "did you mean" work
    as usual.
    """
    words = _command_words(argv)
    app: typer.Typer = root
    for depth, name in enumerate(words[:2]):
        commands = [c for c in app.registered_commands if _name_of(c) == name]
        groups = [g for g in app.registered_groups if g.name == name]
        if len(commands) + len(groups) != 1:
            return
        app.registered_commands = commands
        app.registered_groups = groups
        if not groups or groups[0].typer_instance is None or depth == 1:
            return
        app = groups[0].typer_instance


def _command_words(argv: list[str]) -> list[str]:
    """The leading words that may name a command: up to the first option after them."""
    words: list[str] = []
    items = iter(argv)
    for word in items:
        if word in ("--tips", "--lang"):
            next(items, None)  # a global option's value is not a command
        elif word.startswith("-"):
            if words:
                break
        else:
            words.append(word)
    return words


def _name_of(command: Any) -> str:
    return str(command.name or getattr(command.callback, "__name__", "")).replace("_", "-")

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

import os
from typing import Any

import typer

# Registering the commands: each module adds its own to `app` when imported.
from iepprep.cli import deadlines, draft, meeting_day, planning, reference, saved, tips  # noqa: F401
from iepprep.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point.

    Ends with `os._exit` once the output is flushed: tearing down the interpreter
    (freeing every module and object) takes ~30 ms, a sixth of a typical command, and
    nothing is left to do by then. Every file iepprep writes is complete and synced
    before the command returns, and iepprep registers no exit handlers.
    """
    import sys

    _keep_only_invoked_command(app, sys.argv[1:])
    code: int | str | None = 0
    try:
        app(prog_name="iepprep")
    except SystemExit as exit_:
        code = exit_.code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    if isinstance(code, str):  # a message to print, as sys.exit would
        print(code, file=sys.stderr, flush=True)
        code = 1
    os._exit(code or 0)


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

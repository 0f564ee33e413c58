"""Asking questions in a real terminal, with questionary.

This is the only module that imports questionary (lazily, so commands that do not
prompt start fast). Tests drive it with prompt_toolkit's pipe input; whole flows are
tested with a scripted prompter instead.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from iepprep.core.questionnaire import Ask, check
from iepprep.errors import NeedsTerminalError


def require_terminal() -> None:
    """Refuse to prompt when nobody can answer (a pipe, a script, CI)."""
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        raise NeedsTerminalError(
            "iepprep plan asks questions, but there is no terminal to answer them in.",
            hint="Give the answers in a file instead: iepprep plan --answers answers.yaml "
            "(see the README for the keys), or try iepprep plan --example.",
        )


class QuestionaryPrompter:
    """Asks with questionary widgets; Enter accepts the default (skips)."""

    def __init__(self, **prompt_kwargs: Any) -> None:
        # input/output overrides, used by tests with prompt_toolkit pipe input
        self._kwargs = prompt_kwargs

    def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any:
        import questionary

        style = questionary.Style([("instruction", "italic"), ("qmark", "bold")])
        # The reason goes on its own line: beside a long question it wraps mid-word.
        message = f"{ask.ask}\n  ({ask.why})\n " if ask.why else ask.ask
        if ask.kind == "select":
            choices = [questionary.Choice(title, value=value) for title, value in ask.choices()]
            return questionary.select(
                message,
                choices=choices,
                default=default,
                style=style,
                instruction="(arrow keys, then Enter)",
                **self._kwargs,
            ).unsafe_ask()
        if ask.kind == "multiselect":
            picked = set(default or [])
            choices = [
                questionary.Choice(title, value=value, checked=value in picked)
                for title, value in ask.choices()
            ]
            return questionary.checkbox(
                message, choices=choices, style=style, instruction=" ", **self._kwargs
            ).unsafe_ask()
        if ask.kind == "confirm":
            return questionary.confirm(
                message, default=bool(default), style=style, **self._kwargs
            ).unsafe_ask()
        shown_default = "" if default is None else str(default)

        def validate(text: str) -> bool | str:
            problem = check(ask, text, today=today)
            return True if problem is None else problem

        return questionary.text(
            message, default=shown_default, validate=validate, style=style, **self._kwargs
        ).unsafe_ask()

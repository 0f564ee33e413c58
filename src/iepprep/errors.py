"""Errors a user can act on, each carrying the exit code the CLI should end with.

The core raises these; the CLI layer prints `message` (plus `hint`) and exits with
`exit_code`. Nothing else in the program decides exit codes, so they stay consistent.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum


def N_(message: str) -> str:
    """Marks a message for translation in modules below `core/i18n` (storage): the CLI
    translates an error when it prints it (see `IepprepError.fields`)."""
    return message


class ExitCode(IntEnum):
    """Exit codes scripts can rely on (also listed in the README)."""

    OK = 0
    ERROR = 1  # something went wrong that is not the user's input (disk, permissions)
    USAGE = 2  # the input is wrong: bad option, answers file, tips file, no terminal
    NOT_FOUND = 3  # a tip, term or saved plan that does not exist
    INTERRUPTED = 130  # Ctrl-C or a closed terminal


class IepprepError(Exception):
    """Base class: a message written for the user, plus what to do about it."""

    exit_code: ExitCode = ExitCode.ERROR
    prefix = "Error: "  # printed before the message

    def __init__(
        self, message: str, hint: str | None = None, *, fields: Mapping[str, object] | None = None
    ) -> None:
        """With `fields`, `message` and `hint` are templates ("There is no saved plan
        number {number}."), kept so the CLI can print them translated; `message` and
        `hint` are the English, filled in."""
        self.template = message
        self.hint_template = hint
        self.fields = dict(fields or {})
        self.message = message.format(**self.fields) if fields else message
        self.hint = hint.format(**self.fields) if fields and hint else hint
        super().__init__(self.message)


class InputError(IepprepError):
    """Something the user gave us (an option, an answers file) is not valid."""

    exit_code = ExitCode.USAGE


class DataFileError(IepprepError):
    """A tips, questions or other content file is malformed."""

    exit_code = ExitCode.USAGE


class NeedsTerminalError(IepprepError):
    """We would have to ask questions, but nobody is at a keyboard to answer them."""

    exit_code = ExitCode.USAGE


class NotFoundError(IepprepError):
    """The tip, term or saved plan asked for does not exist."""

    exit_code = ExitCode.NOT_FOUND


class Interrupted(IepprepError):
    """Ctrl-C or a closed terminal, when there is more to say than "Stopped"."""

    exit_code = ExitCode.INTERRUPTED
    prefix = ""


class StorageError(IepprepError):
    """Saved data could not be read or written."""

    exit_code = ExitCode.ERROR

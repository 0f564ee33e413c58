"""The typer app, its global options, the options commands share, and error handling.

Commands raise `IepprepError`s; `friendly_errors` prints them as one paragraph and
exits with their code. Nothing here imports Rich, questionary or the renderers at
import time, so every command starts fast.
"""

import datetime as dt
import functools
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from typer.core import TyperGroup

from iepprep import __version__
from iepprep.core.i18n.messages import _
from iepprep.errors import ExitCode, IepprepError, InputError

P = ParamSpec("P")
R = TypeVar("R")


def examples(*lines: str) -> str:
    """An --help epilog listing example command lines, kept as written (no rewrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


# The order --help lists commands in: what a parent does first, first.
COMMAND_ORDER = [
    "plan",
    "checklist",
    "questions",
    "tips",
    "glossary",
    "rights",
    "deadlines",
    "draft",
    "meeting",
    "notes",
    "review",
    "letter",
    "history",
    "forget",
]


class _OrderedGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: n for n, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))


app = typer.Typer(
    cls=_OrderedGroup,
    name="iepprep",
    help=(
        "Get ready for your child's IEP meeting: a plan made for your family, "
        "questions to ask, and tips from parents who have been there. "
        "Everything stays on this computer."
    ),
    epilog=(
        "\b\nStart here:\n  iepprep plan             answer a few questions, get your plan\n"
        "  iepprep plan --example   see a plan for an example family\n"
        "  iepprep tips search sign find tips by keyword"
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
tips_app = typer.Typer(
    help="Search, list and read the tips.",
    epilog=examples("iepprep tips search sign", "iepprep tips list --topic rights"),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
app.add_typer(tips_app, name="tips")


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"
    PDF = "pdf"
    ICS = "ics"
    ANSWERS = "answers"  # the plan's answers as an answers file (YAML)


class PhaseChoice(StrEnum):
    """The --phase values. The same as `core.content.Phase`, defined again here so
    that `--help` does not have to import the content models."""

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"


SUFFIX_FORMATS = {
    ".txt": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".json": Format.JSON,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".pdf": Format.PDF,
    ".ics": Format.ICS,
    ".yaml": Format.ANSWERS,
    ".yml": Format.ANSWERS,
}
BINARY_FORMATS = {Format.PDF}


class Settings:
    """Global options, shared by every command through the typer context.

    `lang_chosen`: the language was chosen for this run on purpose (--lang or
    IEPPREP_LANG), so the language in a family's answers does not override it.
    """

    def __init__(
        self, tips_files: list[Path], plain: bool, *, lang: str = "en", lang_chosen: bool = False
    ) -> None:
        self.tips_files = tips_files
        self.plain = plain
        self.lang = lang
        self.lang_chosen = lang_chosen


def settings_of(ctx: typer.Context) -> Settings:
    """The options given before the command (--tips, --plain), kept on the root context."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings([], False)


def follow_family_language(ctx: typer.Context, family_language: str | None) -> None:
    """Speak the family's language (an answers file's `language: es`) unless a
    language was chosen for this run on purpose."""
    from iepprep.core.i18n.language import SUPPORTED, set_current

    settings = settings_of(ctx)
    if settings.lang_chosen or family_language not in SUPPORTED or family_language == "en":
        return
    settings.lang = family_language
    set_current(family_language)


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print user-facing errors as one paragraph and exit with their code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except IepprepError as err:
            print_error(err.message, err.hint, prefix=_translated_prefix(err.prefix))
            raise typer.Exit(int(err.exit_code)) from None
        except KeyboardInterrupt:
            print_error(_("Stopped. Nothing was saved."), None, prefix="")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except EOFError:
            print_error(_("The terminal closed. Nothing was saved."), None, prefix="")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            raise typer.Exit(int(ExitCode.OK)) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # the last line of defence: never a traceback
            if os.environ.get("IEPPREP_DEBUG"):
                raise
            print_error(
                _(
                    "Something went wrong inside iepprep ({problem}). Your saved answers are safe."
                ).format(problem=type(exc).__name__),
                _("Please report this; run with IEPPREP_DEBUG=1 to see the details."),
            )
            raise typer.Exit(int(ExitCode.ERROR)) from None

    return wrapper


def _translated_prefix(prefix: str) -> str:
    return {"Error: ": _("Error: ")}.get(prefix, prefix)


def print_error(message: str, hint: str | None, *, prefix: str = "Error: ") -> None:
    import sys

    from iepprep.core.common.safety import clean
    from iepprep.render.terminal import StyledText, console_for, is_terminal

    text = StyledText(_translated_prefix(prefix), style="bold red")
    text.append(clean(message))
    if hint:
        text.append("\n" + clean(hint))
    console_for(sys.stderr).print(text, wrap=is_terminal(sys.stderr))


def info(message: str) -> None:
    """A message for the user that is not the output itself: to stderr, dimmed on a
    color terminal."""
    import sys

    from iepprep.core.common.safety import clean
    from iepprep.render.terminal import StyledText, console_for, is_terminal

    if sys.stderr is None:  # no console at all (pythonw)
        return
    text = StyledText(clean(message), style="dim")
    console_for(sys.stderr).print(text, wrap=is_terminal(sys.stderr))
    sys.stderr.flush()


def today() -> dt.date:
    """Today, or IEPPREP_TODAY (YYYY-MM-DD) for reproducible output."""
    override = os.environ.get("IEPPREP_TODAY")
    if override:
        try:
            return dt.date.fromisoformat(override)
        except ValueError:
            raise InputError(f"IEPPREP_TODAY={override!r} is not a date like 2026-12-10.") from None
    return dt.date.today()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iepprep {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    tips: Annotated[
        list[Path] | None,
        typer.Option(
            "--tips",
            help="Add the tips in this file (same format as data/tips.yaml). Repeatable.",
            metavar="FILE",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="Plain output for screen readers: no color or decoration."),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language: en (English) or es (español). Default: IEPPREP_LANG, the "
            "language in your answers, or your system's language.",
            metavar="LANG",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    from iepprep.core.i18n.language import choose, explicit, parse_language, set_current

    if lang is not None and parse_language(lang) is None:
        raise typer.BadParameter(
            f"{lang!r} is not a language iepprep speaks: use en (English) or es (español).",
            param_hint="--lang",
        )
    chosen = choose(lang, os.environ)
    set_current(chosen)
    ctx.obj = Settings(list(tips or []), plain, lang=chosen, lang_chosen=explicit(lang, os.environ))


# ----------------------------------------------------------------- shared options

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format: text, markdown or json (plans also: html, pdf, ics, answers). "
        "With --output, the file's extension picks it.",
        case_sensitive=False,
        show_default=False,
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option("--from", help="Use this saved plan (a number, or 'latest').", metavar="N"),
]
PaperOption = Annotated[
    Paper,
    typer.Option("--paper", help="Paper size for PDF: letter or a4.", case_sensitive=False),
]


def _dash_is_stdout(ctx: typer.Context, value: Path | None) -> Path | None:
    """`-o -` means standard output, as in most tools (never a file named "-")."""
    if value is not None and str(value) == "-":
        ctx.meta["output_to_stdout"] = True
        return None
    return value


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the screen ('-' for standard output).",
        metavar="FILE",
        dir_okay=False,
        readable=False,  # never read: /dev/stdout may be a pipe only writable
        callback=_dash_is_stdout,
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="With --output: replace the file even if it is read-only."),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        "-a",
        help="Read the answers from this YAML or JSON file.",
        metavar="FILE",
        dir_okay=False,
    ),
]

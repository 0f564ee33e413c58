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
from typer.core import TyperArgument, TyperGroup, TyperOption

from iepprep import __version__
from iepprep.core.i18n.messages import N_, _
from iepprep.errors import ExitCode, IepprepError, InputError
from iepprep.render.formats import Format

P = ParamSpec("P")
R = TypeVar("R")


def examples(*lines: str) -> str:
    """An --help epilog listing example command lines, kept as written (no rewrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


# The order --help lists commands in: what a parent does first, first. Each
# command names its panel (rich_help_panel): before, at and after the meeting,
# words and rights, saved plans.
COMMAND_ORDER = [
    "plan",
    "checklist",
    "questions",
    "tips",
    "meeting",
    "notes",
    "review",
    "letter",
    "deadlines",
    "draft",
    "glossary",
    "rights",
    "history",
    "forget",
]


def _help_in_words() -> None:
    """Help shows each value in words (FILE, N, WORDS...), never a Python type.

    Typer's Rich help adds a column with each parameter's type (`<list[str]>`,
    `<bool>`); an argument's name and an option's metavar already say what to
    type, and a flag takes nothing, so that column stays empty."""
    original = TyperOption.display_type_rich

    def option_type(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else original(self, ctx)

    setattr(TyperArgument, "display_type_rich", lambda self, ctx: None)  # noqa: B010
    setattr(TyperOption, "display_type_rich", option_type)  # noqa: B010


_help_in_words()


def hoist_global_options(args: list[str]) -> list[str]:
    """`--plain` and `--lang es` work wherever they are typed (`iepprep plan --plain`,
    `iepprep deadlines --lang es` too): they are moved before the command, where the
    global options are read. Not after `--`."""
    end = args.index("--") if "--" in args else len(args)
    moved: list[str] = []
    rest: list[str] = []
    words = iter(args[:end])
    for arg in words:
        if arg == "--plain" and rest:
            moved.append(arg)
        elif arg == "--lang" and rest:
            value = next(words, None)
            moved.extend([arg] if value is None else [arg, value])
        elif arg.startswith("--lang=") and rest:
            moved.append(arg)
        else:
            rest.append(arg)
    return [*moved, *rest, *args[end:]] if moved else args


def _speak_before_help(root: Any, args: list[str]) -> None:
    """Choose the run's language before the arguments are read, so that `--help` (read
    first) is drawn in it: `iepprep --help --lang es`, or IEPPREP_LANG / the locale."""
    from iepprep.cli.help_text import language_flag, translate_tree
    from iepprep.core.i18n.language import ENGLISH, choose, set_current

    lang = choose(language_flag(args), os.environ)
    set_current(lang)
    if lang != ENGLISH:
        translate_tree(root)


class _OrderedGroup(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = hoist_global_options(list(args))
            _speak_before_help(self, args)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: n for n, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))


app = typer.Typer(
    cls=_OrderedGroup,
    name="iepprep",
    help=N_(
        "Get ready for your child's IEP meeting: a plan made for your family, "
        "questions to ask, and tips from parents who have been there. "
        "Everything stays on this computer."
    ),
    epilog=N_(
        "\b\nStart here:\n  iepprep plan             answer a few questions, get your plan\n"
        "  iepprep plan --example   see a plan for an example family\n"
        "  iepprep tips search sign find tips by keyword"
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
tips_app = typer.Typer(
    help="Search, list and read the tips.",
    epilog=examples("iepprep tips search sign"),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)
app.add_typer(tips_app, name="tips", rich_help_panel="Before the meeting")


class Phase(StrEnum):
    """The --phase values. The same as `core.content.Phase`, defined again here so
    that `--help` does not have to import the content models."""

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


# Each way a parent may name a phase: the section titles say "at the meeting".
# In Spanish too, in any run (accents optional): antes, durante, después.
PHASE_NAMES = {
    **dict.fromkeys(("before", "before-the-meeting"), Phase.BEFORE),
    **dict.fromkeys(("during", "at", "at-the-meeting", "during-the-meeting"), Phase.DURING),
    **dict.fromkeys(("after", "after-the-meeting"), Phase.AFTER),
    **dict.fromkeys(("antes", "antes-de-la-reunion"), Phase.BEFORE),
    **dict.fromkeys(("durante", "en-la-reunion", "durante-la-reunion"), Phase.DURING),
    **dict.fromkeys(("despues", "despues-de-la-reunion"), Phase.AFTER),
}


def parse_phase(value: str) -> Phase:
    from iepprep.core.i18n.fallback import fold

    name = "-".join(fold(value.strip()).replace("_", " ").split())
    try:
        return PHASE_NAMES[name]
    except KeyError:
        raise typer.BadParameter(
            _("{value} is not a phase: use before, at (or during) or after.").format(
                value=repr(value)
            )
        ) from None


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"


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
            message, hint = translated(err)
            print_error(message, hint, prefix=_translated_prefix(err.prefix))
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


def translated(err: IepprepError) -> tuple[str, str | None]:
    """An error's message and hint in the language of this run: a message the core
    raised already translated passes through; one marked in a module below the
    translations (N_ in errors.py, with its `fields`) is translated here."""
    fields = {
        name: _(value) if isinstance(value, str) else value for name, value in err.fields.items()
    }
    message = _(err.template).format(**fields) if fields else _(err.message)
    hint = err.hint
    if err.hint_template is not None:
        hint = _(err.hint_template).format(**fields) if fields else _(err.hint_template)
    return message, hint


def _translated_prefix(prefix: str) -> str:
    return {"Error: ": _("Error: ")}.get(prefix, prefix)


def print_error(message: str, hint: str | None, *, prefix: str = "Error: ") -> None:
    from iepprep.render.console import print_error

    print_error(message, hint, prefix=_translated_prefix(prefix))


def info(message: str) -> None:
    """A message for the user that is not the output itself: to stderr, dimmed on a
    colour terminal. On a pipe or in a log it is written as words, without loading
    Rich, so a JSON or Markdown command stays light."""
    import sys

    stream = sys.stderr
    if stream is None:  # no console at all (pythonw, or 2>&-)
        return
    try:
        if stream.isatty():
            from iepprep.render.console import print_info

            print_info(message)
            return
        from iepprep.core.common.safety import clean

        stream.write(clean(message) + "\n")
        stream.flush()
    except (OSError, ValueError):  # closed or gone: nowhere to say it
        pass


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
            help=N_("Add the tips in this file (same format as data/tips.yaml). Repeatable."),
            metavar="FILE",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain", help=N_("Plain output for screen readers: no color or decoration.")
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=N_(
                "Language: en (English) or es (español). Default: IEPPREP_LANG, the "
                "language in your answers, or your system's language."
            ),
            metavar="LANG",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help=N_("Show the version and exit."),
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


def format_option(formats: list[Format]) -> Any:
    """The --format option of a command that writes these formats (and only these):
    `fmt: Annotated[str | None, format_option(formats.PLAN.formats)] = None`."""
    names = [f.value for f in formats]
    listed = ", ".join(names[:-1]) + " or " + names[-1]

    def parse(value: str) -> str:
        if value.lower() not in names:
            raise typer.BadParameter(
                _("this command cannot write {format}; use {listed}.").format(
                    format=value,
                    listed=_("{some} or {last}").format(some=", ".join(names[:-1]), last=names[-1]),
                )
            )
        return value.lower()

    return typer.Option(
        "--format",
        "-f",
        help=f"Output format: {listed}. With --output, the file's extension picks it.",
        parser=parse,
        metavar="FORMAT",
        show_default=False,
    )


PhaseOption = Annotated[
    Phase | None,
    typer.Option(
        "--phase",
        "-p",
        help="Only this part: before, at (or during) or after the meeting.",
        parser=parse_phase,
        metavar="PHASE",
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option("--from", help="Use this saved plan (a number, or 'latest').", metavar="N"),
]
PaperOption = Annotated[
    Paper,
    typer.Option(
        "--paper", help="Paper size for PDF: letter or a4.", case_sensitive=False, metavar="SIZE"
    ),
]


def _dash_is_stdout(ctx: typer.Context, value: Path | None) -> Path | None:
    """`-o -` means standard output, as in most tools (never a file named "-")."""
    if value is not None and str(value) == "-":
        ctx.meta["output_to_stdout"] = True
        return None
    return value


def _output_path(value: str) -> Path:
    """A file to write: an empty name is a missing file name, not the current folder."""
    if not value:
        raise typer.BadParameter(_("the file name is empty; give a file name."))
    if value != "-" and Path(value).is_dir():
        raise typer.BadParameter(
            _("{value} is a folder; give a file name.").format(value=repr(value))
        )
    return Path(value)


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the screen ('-' for standard output).",
        metavar="FILE",
        parser=_output_path,
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

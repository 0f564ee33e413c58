"""The command line: options in, core calls, rendered output and exit codes out.

This layer stays thin. It parses options, asks the core for a plan or search
results, hands them to a renderer, and turns `IepprepError`s into one clear message
and an exit code. Heavy or interactive modules are imported inside the commands that
need them, so `iepprep --help` starts fast.
"""

import datetime as dt
import functools
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from iepprep import __version__
from iepprep.errors import ExitCode, IepprepError, InputError, StorageError

P = ParamSpec("P")
R = TypeVar("R")


def examples(*lines: str) -> str:
    """An --help epilog listing example command lines, kept as written (no rewrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


app = typer.Typer(
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
}
BINARY_FORMATS = {Format.PDF}


class Settings:
    """Global options, shared by every command through the typer context."""

    def __init__(self, tips_files: list[Path], plain: bool) -> None:
        self.tips_files = tips_files
        self.plain = plain


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings([], False)


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print user-facing errors as one paragraph and exit with their code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except IepprepError as err:
            _print_error(err.message, err.hint)
            raise typer.Exit(int(err.exit_code)) from None
        except KeyboardInterrupt:
            _print_error("Stopped. Nothing was saved.", None, prefix="")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except EOFError:
            _print_error("The terminal closed. Nothing was saved.", None, prefix="")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            raise typer.Exit(int(ExitCode.OK)) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # the last line of defence: never a traceback
            if os.environ.get("IEPPREP_DEBUG"):
                raise
            _print_error(
                f"Something went wrong inside iepprep ({type(exc).__name__}). "
                "Your saved answers are safe.",
                "Please report this; run with IEPPREP_DEBUG=1 to see the details.",
            )
            raise typer.Exit(int(ExitCode.ERROR)) from None

    return wrapper


def _print_error(message: str, hint: str | None, *, prefix: str = "Error: ") -> None:
    from rich.text import Text

    from iepprep.render.console import make_console
    from iepprep.render.safety import clean

    console = make_console(stderr=True)
    text = Text(prefix, style="bold red") if prefix else Text()
    text.append(clean(message))
    if hint:
        text.append("\n" + clean(hint))
    console.print(text, soft_wrap=True)  # let the terminal wrap: paths stay whole


def _info(message: str) -> None:
    """A message for the user that is not the output itself: to stderr, dimmed on a
    color terminal. Plain writes: a second Rich console for one line costs ~10 ms."""
    import sys

    from iepprep.render.safety import clean

    stream = sys.stderr
    dim = (
        stream is not None
        and stream.isatty()
        and not os.environ.get("NO_COLOR")
        and os.environ.get("TERM", "") != "dumb"
    )
    if stream is not None:
        text = clean(message)
        stream.write(f"\x1b[2m{text}\x1b[0m\n" if dim else text + "\n")
        stream.flush()


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
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(list(tips or []), plain)


# ----------------------------------------------------------------- shared options

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format: text, markdown or json (plans also: html, pdf, ics). "
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
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the screen.",
        metavar="FILE",
        dir_okay=False,
    ),
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


def _pick_format(fmt: Format | None, output: Path | None) -> Format:
    if fmt is not None:
        return fmt
    if output is not None:
        return SUFFIX_FORMATS.get(output.suffix.lower(), Format.TEXT)
    return Format.TEXT


def _emit(ctx: typer.Context, fmt: Format, output: Path | None, build: dict[Format, Any]) -> None:
    """Write one result in the chosen format, to the screen or to --output."""
    settings = _settings(ctx)
    if fmt not in build:
        offered = ", ".join(f.value for f in build)
        raise InputError(f"This command cannot write {fmt.value}; it can write {offered}.")
    if fmt in BINARY_FORMATS and output is None:
        raise InputError(
            f"A {fmt.value.upper()} file needs a name: add --output FILE.{fmt.value}",
        )
    producer = build[fmt]
    if fmt is Format.TEXT:
        from iepprep.render.console import make_console, plain_requested
        from iepprep.render.plaintext import PlainConsole, PlainText, styles_visible
        from iepprep.render.text import ReferenceRenderer

        if output is None:
            plain = plain_requested(settings.plain)
            if styles_visible(plain):
                renderer = ReferenceRenderer(make_console(plain=plain), plain=plain)
            else:  # a pipe, a file, --plain: nothing would show styles, so no Rich
                renderer = ReferenceRenderer(PlainConsole(), plain=plain, text_kind=PlainText)
            producer(renderer)
            renderer.flush()
            return
        import io

        buffer = io.StringIO()
        renderer = ReferenceRenderer(
            PlainConsole(buffer, width=80), plain=True, text_kind=PlainText
        )
        producer(renderer)
        renderer.flush()
        content: str | bytes = buffer.getvalue()
    else:
        content = producer()
    if output is None:
        if isinstance(content, bytes):
            content = content.decode("utf-8")
        typer.echo(content, nl=False)
    else:
        from iepprep.core.storage import write_output_file

        write_output_file(output, content)
        _info(f"Wrote {output}")


def _load_library(ctx: typer.Context) -> Any:
    from iepprep.core.library import load_library

    return load_library(_settings(ctx).tips_files)


def _make_plan(ctx: typer.Context, profile: Any, *, generic: bool = False) -> Any:
    """The plan, with jargon explained, words to know and state notes."""
    from iepprep.core.planner import make_plan
    from iepprep.core.reference import load_glossary, load_states

    return make_plan(
        profile,
        _load_library(ctx),
        today=today(),
        generic=generic,
        glossary=load_glossary(),
        states=load_states(),
    )


def _profile_for_reading(answers: Path | None) -> tuple[Any, bool]:
    """The profile for checklist/questions: --answers, else the last saved plan, else generic."""
    from iepprep.core.answers import load_answers

    if answers is not None:
        return load_answers(answers), False
    from iepprep.core.planner import GENERIC_PROFILE
    from iepprep.core.storage import PlanStore

    latest = PlanStore().latest()
    if latest is None:
        return GENERIC_PROFILE, True
    return _saved_profile(latest.answers, latest.number), False


def _saved_profile(answers: dict[str, Any], number: int) -> Any:
    from iepprep.core.datafiles import validate
    from iepprep.core.profile import Profile
    from iepprep.errors import StorageError

    return validate(Profile, answers, name=f"Saved plan {number}", error=StorageError)


# ------------------------------------------------------------------------ plan


@app.command(
    epilog=examples(
        "iepprep plan",
        "iepprep plan --example",
        "iepprep plan --answers family.yaml --format markdown --output plan.md",
    ),
)
@friendly_errors
def plan(
    ctx: typer.Context,
    answers: AnswersOption = None,
    example: Annotated[
        bool, typer.Option("--example", help="Show a plan for an example family.")
    ] = False,
    from_saved: Annotated[
        str | None,
        typer.Option("--from", help="Re-open a saved plan: its number, or 'latest'.", metavar="N"),
    ] = None,
    edit: Annotated[
        bool,
        typer.Option("--edit", help="Ask again, with your saved answers as the defaults."),
    ] = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Don't save the answers.")] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    paper: PaperOption = Paper.LETTER,
) -> None:
    """Answer a few questions and get a plan made for your family.

    Asks about the coming meeting (Enter skips any question), then shows what to do
    before, at and after the meeting, and the questions to ask. The answers are saved
    on this computer so other commands can use them.
    """
    from iepprep.core.answers import example_profile, load_answers
    from iepprep.core.storage import PlanStore

    chosen = [
        name
        for name, on in (
            ("--answers", answers is not None),
            ("--example", example),
            ("--from", from_saved is not None and not edit),
            ("--edit", edit and answers is not None),
        )
        if on
    ]
    if len(chosen) > 1:
        raise InputError(f"Use only one of {' and '.join(chosen)}.")
    store = PlanStore()
    save = not no_save
    if example:
        profile, save = example_profile(), False
    elif answers is not None:
        profile = load_answers(answers)
    elif edit:
        saved = _find_saved(store, from_saved or "latest")
        _saved_profile(saved.answers, saved.number)  # refuse to edit an unreadable plan
        profile = _interview(today(), previous=saved.answers)
    elif from_saved is not None:
        saved = _find_saved(store, from_saved)
        profile, save = _saved_profile(saved.answers, saved.number), False
    else:
        profile = _interview(today())
    result = _make_plan(ctx, profile)
    not_saved: StorageError | None = None
    if save:
        try:
            saved = store.save(profile.answers())
            _info(f"Saved your answers as plan {saved.number}, in {store.folder}.")
        except StorageError as err:
            not_saved = err  # show the plan anyway; the answers are printed below
    elif example:
        _info("This is an example family; nothing was saved. Make your own: iepprep plan")
    _emit_plan(ctx, result, fmt, output, paper)
    if not_saved is not None:
        _keep_answers_safe(profile, not_saved)


def _keep_answers_safe(profile: Any, err: StorageError) -> None:
    """Saving failed: print the answers as an answers file, so nothing typed is lost."""
    import json

    answers = {k: v for k, v in profile.answers().items() if v not in (None, [])}
    _print_error(
        err.message,
        "So that nothing you typed is lost, here are your answers. Save these lines in "
        "a file (for example answers.json) and use: iepprep plan --answers answers.json",
        prefix="Not saved: ",
    )
    __import__("sys").stderr.write(json.dumps(answers, indent=2, ensure_ascii=False) + "\n")
    raise typer.Exit(int(err.exit_code))


def _interview(day: dt.date, previous: dict[str, Any] | None = None) -> Any:
    from iepprep.core.questionnaire import run_interview
    from iepprep.prompting import QuestionaryPrompter, require_terminal

    require_terminal()
    if previous:
        _info("Your saved answers are filled in: press Enter to keep one; Ctrl-C stops.")
    else:
        _info("A few questions about the meeting. Press Enter to skip any of them; Ctrl-C stops.")
    return run_interview(QuestionaryPrompter(), today=day, previous=previous)


def _find_saved(store: Any, which: str) -> Any:
    from iepprep.errors import NotFoundError

    if which.strip().lower() == "latest":
        latest = store.latest()
        if latest is None:
            raise NotFoundError("There are no saved plans yet.", hint="Make one: iepprep plan")
        return latest
    try:
        number = int(which)
    except ValueError:
        raise InputError(f"--from takes a plan number or 'latest', not {which!r}.") from None
    return store.get(number)


def _emit_plan(
    ctx: typer.Context, result: Any, fmt: Format | None, output: Path | None, paper: Paper
) -> None:

    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: lambda r: r.plan(result),
            Format.MARKDOWN: lambda: _markdown().plan(result),
            Format.JSON: lambda: _jsondata().dumps(result.to_json_data()),
            Format.HTML: lambda: _html().plan(result),
            Format.PDF: lambda: _pdf().plan(result, paper=paper.value),
            Format.ICS: lambda: _ics().calendar(result),
        },
    )


def _markdown() -> Any:
    from iepprep.render import markdown

    return markdown


def _jsondata() -> Any:
    from iepprep.render import jsondata

    return jsondata


def _html() -> Any:
    from iepprep.render import html

    return html


def _pdf() -> Any:
    from iepprep.render import pdf

    return pdf


def _ics() -> Any:
    from iepprep.render import ics

    return ics


# --------------------------------------------------------- checklist and questions


class PhaseChoice(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


@app.command(
    epilog=examples("iepprep checklist", "iepprep checklist --phase before --output list.md")
)
@friendly_errors
def checklist(
    ctx: typer.Context,
    phase: Annotated[
        PhaseChoice | None,
        typer.Option(
            "--phase", "-p", help="Only this part: before, during or after.", case_sensitive=False
        ),
    ] = None,
    answers: AnswersOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    paper: PaperOption = Paper.LETTER,
) -> None:
    """Print the checklist: before, at and after the meeting.

    Uses your last saved plan, or --answers FILE, or else a general first-meeting plan.
    """
    from iepprep.core.content import Phase

    profile, generic = _profile_for_reading(answers)
    result = _make_plan(ctx, profile, generic=generic)
    phases = [Phase(phase.value)] if phase else list(Phase)
    items = [item for item in result.checklist if item.phase in phases]

    def as_text(r: Any) -> None:
        r.plan_header(result)
        for each in phases:
            r.checklist_phase(result, each)
        r.footer()

    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: as_text,
            Format.MARKDOWN: lambda: _markdown().checklist_only(result, phases),
            Format.JSON: lambda: _jsondata().dumps([i.model_dump(mode="json") for i in items]),
            Format.HTML: lambda: _html().checklist_only(result, phases),
            Format.PDF: lambda: _pdf().checklist_only(result, phases, paper=paper.value),
            Format.ICS: lambda: _ics().calendar(
                result.model_copy(
                    update={"checklist": [i for i in result.checklist if i.phase in phases]}
                )
            ),
        },
    )


questions_app = typer.Typer(
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
app.add_typer(questions_app, name="questions")


@questions_app.callback(
    invoke_without_command=True,
    epilog=examples(
        "iepprep questions",
        "iepprep questions --open",
        "iepprep questions --all --format markdown",
        'iepprep questions done goals-every-need --answer "yes, one per need"',
    ),
)
@friendly_errors
def questions(
    ctx: typer.Context,
    all_questions: Annotated[
        bool, typer.Option("--all", help="The whole question bank, not just your plan's.")
    ] = False,
    open_only: Annotated[
        bool, typer.Option("--open", help="Only the questions not answered yet.")
    ] = False,
    answers: AnswersOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    paper: PaperOption = Paper.LETTER,
) -> None:
    """Print the questions to ask at the meeting, grouped by topic.

    Uses your last saved plan, or --answers FILE, or else a general first-meeting plan.
    Mark one answered with: iepprep questions done ID
    """
    if ctx.invoked_subcommand is not None:
        return
    from iepprep.core import planner

    if open_only:
        if all_questions or answers is not None:
            raise InputError("--open works on your saved plan; use it without --all or --answers.")
        current = _current(ctx, None)
        result = current.plan
        chosen = current.record.open_questions
    else:
        profile, generic = _profile_for_reading(answers)
        result = _make_plan(ctx, profile, generic=generic)
        chosen = planner.all_questions(_load_library(ctx)) if all_questions else result.questions

    def as_text(r: Any) -> None:
        r.plan_header(result)
        r.questions(chosen)
        r.footer()

    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: as_text,
            Format.MARKDOWN: lambda: _markdown().questions_only(result, chosen),
            Format.JSON: lambda: _jsondata().dumps([q.model_dump(mode="json") for q in chosen]),
            Format.HTML: lambda: _html().questions_only(result, chosen),
            Format.PDF: lambda: _pdf().questions_only(result, chosen, paper=paper.value),
        },
    )


@questions_app.command(
    "done",
    epilog=examples('iepprep questions done goals-every-need --answer "yes, one goal per need"'),
)
@friendly_errors
def questions_done(
    ctx: typer.Context,
    question_id: Annotated[
        str, typer.Argument(help="The question's id (see --format json).", metavar="ID")
    ],
    answer: Annotated[str, typer.Option("--answer", "-a", help="The answer, in a few words.")] = "",
    from_saved: FromOption = None,
) -> None:
    """Mark a question of your saved plan as answered, with a short answer."""
    current = _current(ctx, from_saved)
    done = current.record.answer(question_id, answer, now=_now())
    left = len(current.record.open_questions)
    _info(
        f"Saved: {done.question.id} is answered. {left} question{'s' if left != 1 else ''} still open."
    )


# ---------------------------------------------------------------- meeting and after


class Current:
    """The saved plan the meeting-day commands work on, with its journal."""

    def __init__(self, saved: Any, plan: Any, record: Any) -> None:
        self.saved = saved
        self.plan = plan
        self.record = record


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _current(ctx: typer.Context, from_saved: str | None) -> Current:
    from iepprep.core.meeting import MeetingRecord
    from iepprep.core.storage import PlanStore
    from iepprep.errors import NotFoundError

    store = PlanStore()
    if from_saved is None and store.latest() is None:
        raise NotFoundError(
            "There is no saved plan yet; notes and answers are kept with your plan.",
            hint="Make one first: iepprep plan (or iepprep plan --answers FILE).",
        )
    saved = _find_saved(store, from_saved or "latest")
    plan = _make_plan(ctx, _saved_profile(saved.answers, saved.number))
    return Current(saved, plan, MeetingRecord(plan.questions, store.journal(saved.number)))


@app.command(epilog=examples("iepprep meeting", "iepprep meeting --from 2"))
@friendly_errors
def meeting(ctx: typer.Context, from_saved: FromOption = None) -> None:
    """Live mode for the meeting itself: your questions one at a time, notes, reminders.

    Everything is saved the moment you enter it. Ctrl-C leaves; run it again to
    pick up where you stopped.
    """
    from iepprep.core.meeting import run_meeting
    from iepprep.prompting import QuestionaryMeetingPrompter, require_terminal

    require_terminal()
    current = _current(ctx, from_saved)
    record = current.record
    resumed = record.started is not None
    _info(
        ("Welcome back: picking up where you stopped. " if resumed else "")
        + "Everything you enter is saved at once. Ctrl-C leaves."
    )
    try:
        run_meeting(
            record,
            QuestionaryMeetingPrompter(),
            reminders=_reminders(ctx, current.plan),
            clock=_now,
        )
    except (KeyboardInterrupt, EOFError):
        _info("Stopped. Everything so far is saved. Pick up where you left off: iepprep meeting")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    left = len(record.open_questions)
    _info(
        f"Saved: {len(record.answers)} answered, {left} still open, {len(record.notes)} "
        f"note{'s' if len(record.notes) != 1 else ''}. Next: iepprep review"
    )


REMINDER_TIPS = (
    "ask-when-confused",
    "take-a-break",
    "take-it-home-before-signing",
    "dont-let-them-rush",
    "you-can-say-no",
    "take-notes",
)


def _reminders(ctx: typer.Context, plan: Any) -> list[str]:
    from iepprep.core.content import Phase

    library = _load_library(ctx)
    ids = list(REMINDER_TIPS) + [
        i.id for i in plan.phase(Phase.DURING) if i.id not in REMINDER_TIPS
    ]
    lines = ["", "Reminders for the meeting:"]
    for tip_id in ids:
        tip = library.tips.get(tip_id)
        if tip is not None:
            lines.append(f"  - {tip.title}: {tip.why}")
    return [*lines, ""]


notes_app = typer.Typer(
    help="Notes from the meeting, kept with your saved plan.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    epilog=examples('iepprep notes add "OT twice a week, starting Jan 5"', "iepprep notes list"),
)
app.add_typer(notes_app, name="notes")


@notes_app.command("add", epilog=examples('iepprep notes add "Ms. Lee will send the draft Friday"'))
@friendly_errors
def notes_add(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help="The note.")],
    from_saved: FromOption = None,
) -> None:
    """Add a note to your saved plan (saved at once)."""
    current = _current(ctx, from_saved)
    current.record.add_note(" ".join(words), now=_now())
    count = len(current.record.notes)
    _info(f"Saved note {count} with plan {current.saved.number}.")


@notes_app.command("list", epilog=examples("iepprep notes list", "iepprep notes list -f json"))
@friendly_errors
def notes_list(
    ctx: typer.Context,
    from_saved: FromOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Show the notes kept with your saved plan."""

    notes = _current(ctx, from_saved).record.notes
    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: lambda r: r.notes(notes),
            Format.MARKDOWN: lambda: "".join(
                f"- {_md(n.text)} _({n.at:%Y-%m-%d %H:%M})_\n" for n in notes
            ),
            Format.JSON: lambda: _jsondata().dumps(
                [{"at": n.at.isoformat(), "text": n.text} for n in notes]
            ),
        },
    )


def _md(text: str) -> str:
    from iepprep.render.markdown import escape

    return escape(text)


@app.command(epilog=examples("iepprep review", "iepprep review --format markdown -o review.md"))
@friendly_errors
def review(
    ctx: typer.Context,
    from_saved: FromOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """After the meeting: what to do next, open questions, your notes, and what to
    check before you sign."""
    from iepprep.core.review import make_review

    current = _current(ctx, from_saved)
    result = make_review(current.plan, current.record)
    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: lambda r: r.review(result),
            Format.MARKDOWN: lambda: _markdown().review(result),
            Format.JSON: lambda: _jsondata().dumps(result.json_data()),
        },
    )


class LetterKind(StrEnum):
    RECORDS_REQUEST = "records-request"
    PARENT_CONCERNS = "parent-concerns"
    MEETING_REQUEST = "meeting-request"
    RECAP = "recap"
    DISAGREEMENT = "disagreement"


@app.command(
    epilog=examples(
        "iepprep letter records-request",
        "iepprep letter recap --output recap.txt",
        "iepprep letter parent-concerns --answers family.yaml --format markdown",
    )
)
@friendly_errors
def letter(
    ctx: typer.Context,
    kind: Annotated[
        LetterKind,
        typer.Argument(
            help="records-request, parent-concerns, meeting-request, recap or disagreement.",
            case_sensitive=False,
        ),
    ],
    answers: AnswersOption = None,
    from_saved: FromOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Draft a letter or e-mail to the school, ready to edit.

    Filled from your answers and meeting notes; what iepprep cannot know stays in
    [square brackets]. Not legal advice.
    """
    from iepprep.core.answers import load_answers
    from iepprep.core.letters import draft
    from iepprep.render import letters as letter_render

    if answers is not None:
        if from_saved is not None:
            raise InputError("Use --answers or --from, not both.")
        current = None
        profile = load_answers(answers)
        record = None
    else:
        current = _current(ctx, from_saved)
        profile = current.plan.profile
        record = current.record
    result = draft(kind.value, profile, record, today=today())
    chosen = _pick_format(fmt, output)
    _emit(
        ctx,
        chosen,
        output,
        {
            Format.TEXT: lambda r: r.emit(letter_render.text(result).rstrip("\n")),
            Format.MARKDOWN: lambda: letter_render.markdown(result),
        },
    )
    if current is not None:
        current.record.record_letter(
            kind.value,
            now=_now(),
            text=letter_render.text(result),
            path=str(output) if output else None,
        )


# --------------------------------------------------------------------- history


@app.command(epilog=examples("iepprep history", "iepprep plan --from 2"))
@friendly_errors
def history(ctx: typer.Context, fmt: FormatOption = None, output: OutputOption = None) -> None:
    """List your saved plans: child, meeting and when each was made."""
    from iepprep.core.storage import PlanStore

    store = PlanStore()
    plans = store.all()
    rows = [_history_row(saved, store.journal(saved.number)) for saved in plans]

    def as_text(r: Any) -> None:
        r.history(rows, str(store.folder))

    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: as_text,
            Format.JSON: lambda: _jsondata().dumps(rows),
        },
    )


def _history_row(saved: Any, journal: Any) -> dict[str, Any]:
    answers = saved.answers
    events = journal.events()
    answered = {e.question for e in events if e.kind == "answered"}
    return {
        "notes": sum(1 for e in events if e.kind == "note"),
        "answered": len(answered),
        "letters": sum(1 for e in events if e.kind == "letter"),
        "number": saved.number,
        "child_name": answers.get("child_name"),
        "meeting_type": answers.get("meeting_type", "annual"),
        "meeting_date": answers.get("meeting_date"),
        "created": saved.created.isoformat(),
        "updated": saved.updated.isoformat(),
        "path": str(saved.path),
    }


@app.command(epilog=examples("iepprep forget 2", "iepprep forget --all --yes"))
@friendly_errors
def forget(
    number: Annotated[
        int | None, typer.Argument(help="The saved plan to delete (see iepprep history).")
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Delete everything iepprep saved on this computer.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask to confirm.")] = False,
) -> None:
    """Delete a saved plan, or everything iepprep saved (after you confirm)."""
    from iepprep.core.storage import PlanStore

    store = PlanStore()
    if number is None and not everything:
        raise InputError(
            "Say what to delete: a plan number (see iepprep history), or --all.",
        )
    if number is not None and everything:
        raise InputError("Use a plan number or --all, not both.")
    if everything:
        question = f"Delete all your saved plans and notes in {store.home}?"
    else:
        assert number is not None
        saved = store.get(number)
        who = saved.answers.get("child_name") or "your child"
        question = f"Delete saved plan {number} (for {who})?"
    if not yes and not _confirm(question):
        _info("Nothing was deleted.")
        return
    if everything:
        count = store.delete_all()
        _info(f"Deleted everything iepprep saved ({count} plan{'s' if count != 1 else ''}).")
    else:
        assert number is not None
        store.delete(number)
        _info(f"Deleted saved plan {number}.")


def _confirm(question: str) -> bool:
    from iepprep.errors import NeedsTerminalError

    stdin = __import__("sys").stdin
    if stdin is None or not stdin.isatty():
        raise NeedsTerminalError(
            "Deleting needs a yes, and there is no terminal to ask in.",
            hint="Add --yes to delete without being asked.",
        )
    return bool(typer.confirm(question, default=False))


# --------------------------------------------------------------- words and rights


@app.command(
    epilog=examples(
        "iepprep glossary", "iepprep glossary fape", "iepprep glossary least restrictive"
    )
)
@friendly_errors
def glossary(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(help="A word or acronym to explain (leave out to list them all)."),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Explain the words and acronyms used at IEP meetings, in plain language."""
    from iepprep.core.reference import load_glossary
    from iepprep.errors import NotFoundError

    book = load_glossary()
    chosen_format = _pick_format(fmt, output)
    if not words:
        entries = sorted(book.terms, key=lambda e: e.term.lower())
        _emit(
            ctx,
            chosen_format,
            output,
            {
                Format.TEXT: lambda r: r.glossary(entries),
                Format.MARKDOWN: lambda: _markdown().glossary(entries),
                Format.JSON: lambda: _jsondata().dumps([e.json_data() for e in entries]),
            },
        )
        return
    query = " ".join(words)
    entry = book.get(query)
    if entry is None:
        matches = book.search(query, limit=1)
        from iepprep.core.reference import normalize

        # A search hit counts only if every word asked for is in one of its names.
        wanted = set(normalize(query).split())
        if matches and wanted <= set(normalize(" ".join(matches[0].names)).split()):
            entry = matches[0]
    if entry is None:
        suggestions = book.suggestions(query)
        if chosen_format is Format.TEXT and output is None:
            _emit(
                ctx,
                Format.TEXT,
                None,
                {Format.TEXT: lambda r: r.not_in_glossary(query, suggestions)},
            )
            raise typer.Exit(int(ExitCode.NOT_FOUND))
        hint = f"Closest: {', '.join(suggestions)}." if suggestions else None
        raise NotFoundError(f"{query!r} is not in the glossary.", hint=hint)
    found = entry
    _emit(
        ctx,
        chosen_format,
        output,
        {
            Format.TEXT: lambda r: r.glossary_entry(found),
            Format.MARKDOWN: lambda: _markdown().glossary([found], title=found.term),
            Format.JSON: lambda: _jsondata().dumps(found.json_data()),
        },
    )


@app.command(epilog=examples("iepprep rights", "iepprep rights --state CA --format markdown"))
@friendly_errors
def rights(
    ctx: typer.Context,
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            "-s",
            help="Add notes for this state (like CA or California).",
            metavar="STATE",
        ),
    ] = None,
    answers: AnswersOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Your key rights under IDEA, in plain words, each with where the law says it.

    Adds what differs in your state: from --state, else your answers or saved plan.
    Not legal advice.
    """
    from iepprep.core.datafiles import validate
    from iepprep.core.planner import state_notes
    from iepprep.core.profile import Profile
    from iepprep.core.reference import load_rights, load_states

    if state is not None:
        profile = validate(Profile, {"state": state}, name="--state", error=InputError)
    else:
        profile, _ = _profile_for_reading(answers)
    notes = state_notes(profile, load_states())
    items = load_rights()

    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: lambda r: r.rights(items, notes),
            Format.MARKDOWN: lambda: _markdown().rights(items, notes),
            Format.JSON: lambda: _jsondata().dumps([right.json_data() for right in items]),
        },
    )


# ------------------------------------------------------------------------ tips


@tips_app.command(
    "search",
    epilog=examples("iepprep tips search signing", "iepprep tips search they rush us --explain"),
)
@friendly_errors
def tips_search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help="What to look for, in your own words.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 8,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each tip matched.")] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Find tips by keyword, best match first."""
    from iepprep.core.search import search_tips, suggest

    query = " ".join(words)
    library = _load_library(ctx)
    hits = search_tips(library, query, limit=limit)

    def as_text(r: Any) -> None:
        if hits:
            r.search_results(query, hits, explain=explain)
        else:
            r.nothing_found(query, suggest(library, query), library.tip_topics)

    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: as_text,
            Format.MARKDOWN: lambda: _markdown().search_results(query, hits),
            Format.JSON: lambda: _jsondata().dumps(_jsondata().search_data(hits)),
        },
    )


@tips_app.command(
    "list", epilog=examples("iepprep tips list --phase during", "iepprep tips list --topic rights")
)
@friendly_errors
def tips_list(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only this topic.")] = None,
    phase: Annotated[
        PhaseChoice | None,
        typer.Option("--phase", "-p", help="Only before, during or after.", case_sensitive=False),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """List the tips, optionally by topic or phase."""
    from iepprep.core.content import Phase
    from iepprep.errors import NotFoundError

    library = _load_library(ctx)
    wanted_topic = topic.strip().lower() if topic else None
    if wanted_topic and wanted_topic not in library.tip_topics:
        raise NotFoundError(
            f"No tip has the topic {topic!r}.",
            hint="Topics: " + ", ".join(sorted(library.tip_topics)),
        )
    chosen = library.tips_in(Phase(phase.value) if phase else None, wanted_topic)
    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: lambda r: r.tips(chosen),
            Format.MARKDOWN: lambda: _markdown().tips(chosen),
            Format.JSON: lambda: _jsondata().dumps([_jsondata().tip_data(t) for t in chosen]),
        },
    )


@tips_app.command("show", epilog=examples("iepprep tips show take-it-home-before-signing"))
@friendly_errors
def tips_show(
    ctx: typer.Context,
    tip_id: Annotated[
        str, typer.Argument(help="The tip's id (shown in plans and lists).", metavar="ID")
    ],
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Show one tip in full, with where it comes from."""

    tip = _load_library(ctx).tip(tip_id)
    _emit(
        ctx,
        _pick_format(fmt, output),
        output,
        {
            Format.TEXT: lambda r: r.tip_detail(tip),
            Format.MARKDOWN: lambda: _markdown().tips([tip], title=tip.title),
            Format.JSON: lambda: _jsondata().dumps(_jsondata().tip_data(tip)),
        },
    )


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
    commands that are not used. When the first word that is not a global option is
    a command's name, only that command is kept; otherwise (--help, a typo) the whole
    tree stays, so help and "did you mean" work as usual.
    """
    global_flags_with_value = {"--tips"}
    words = iter(argv)
    name = None
    for word in words:
        if word in global_flags_with_value:
            next(words, None)
        elif word.startswith("--tips="):
            continue
        elif not word.startswith("-"):
            name = word
            break
    if name is None:
        return
    commands = [
        c
        for c in root.registered_commands
        if str(c.name or getattr(c.callback, "__name__", "")).replace("_", "-") == name
    ]
    groups = [g for g in root.registered_groups if g.name == name]
    if len(commands) + len(groups) != 1:
        return
    root.registered_commands = commands
    root.registered_groups = groups

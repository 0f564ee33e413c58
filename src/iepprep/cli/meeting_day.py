"""Meeting day and after: live meeting mode, notes, review, letters."""

from enum import StrEnum
from typing import Annotated, Any

import typer

from iepprep.cli.app import (
    AnswersOption,
    ForceOption,
    Format,
    FormatOption,
    FromOption,
    OutputOption,
    app,
    examples,
    follow_family_language,
    friendly_errors,
    info,
    today,
)
from iepprep.cli.family import Current, current_plan, current_time, library_for
from iepprep.cli.output import _emit, _jsondata, _markdown
from iepprep.errors import ExitCode, InputError


class LetterLanguage(StrEnum):
    EN = "en"
    ES = "es"
    BOTH = "both"


@app.command(epilog=examples("iepprep meeting", "iepprep meeting --from 2"))
@friendly_errors
def meeting(ctx: typer.Context, from_saved: FromOption = None) -> None:
    """Live mode for the meeting itself: questions, notes, reminders.

    Everything is saved the moment you enter it. Ctrl-C leaves; run it again to
    pick up where you stopped.
    """
    from iepprep.core.meeting.live import run_meeting
    from iepprep.prompting import QuestionaryMeetingPrompter, require_terminal

    require_terminal("meeting")
    current = current_plan(ctx, from_saved)
    record = current.record
    resumed = record.started is not None
    info(
        ("Welcome back: picking up where you stopped. " if resumed else "")
        + "Everything you enter is saved at once. Ctrl-C leaves."
    )
    try:
        run_meeting(
            record,
            QuestionaryMeetingPrompter(),
            reminders=_reminders(ctx, current.plan),
            clock=current_time,
        )
    except (KeyboardInterrupt, EOFError) as stop:
        unfinished = " (the note you were typing too)" if getattr(stop, "text", "") else ""
        info(
            f"Stopped. Everything so far is saved{unfinished}. "
            "Pick up where you left off: iepprep meeting"
        )
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    left = len(record.open_questions)
    info(
        f"Saved: {len(record.answers)} answered, {left} still open, {len(record.notes)} "
        f"note{'s' if len(record.notes) != 1 else ''}. Next: iepprep review"
    )


def _reminders(ctx: typer.Context, plan: Any) -> list[str]:
    from iepprep.core.meeting.live import reminder_tips
    from iepprep.render.wording import reminder_lines

    return reminder_lines(reminder_tips(plan, library_for(ctx).tips))


notes_app = typer.Typer(
    help="Notes from the meeting, kept with your saved plan.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    epilog=examples('iepprep notes add "OT twice a week, starting Jan 5"', "iepprep notes list"),
)
app.add_typer(notes_app, name="notes")


@notes_app.command(
    "add",
    epilog=examples('iepprep notes add "Ms. Lee will send the draft Friday"'),
    # A note may start with a dash ("-5 min"): words that are not options are the note.
    context_settings={"ignore_unknown_options": True},
)
@friendly_errors
def notes_add(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help="The note.")],
    from_saved: FromOption = None,
) -> None:
    """Add a note to your saved plan (saved at once)."""
    current = current_plan(ctx, from_saved)
    count = current.record.add_note(" ".join(words), now=current_time())
    info(f"Saved note {count} with plan {current.saved.number}.")


@notes_app.command("list", epilog=examples("iepprep notes list", "iepprep notes list -f json"))
@friendly_errors
def notes_list(
    ctx: typer.Context,
    from_saved: FromOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show the notes kept with your saved plan."""

    notes = current_plan(ctx, from_saved).record.notes
    _emit(
        ctx,
        fmt,
        output,
        {
            Format.TEXT: lambda r: r.notes(notes),
            Format.MARKDOWN: lambda: _markdown().notes(notes),
            Format.JSON: lambda: _jsondata().dumps([note.json_data() for note in notes]),
        },
    )


@app.command(epilog=examples("iepprep review", "iepprep review --format markdown -o review.md"))
@friendly_errors
def review(
    ctx: typer.Context,
    from_saved: FromOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """After the meeting: next steps, open questions and your notes.

    Ends with the points to check in the proposed IEP before you sign.
    """
    from iepprep.core.meeting.review import make_review

    current = current_plan(ctx, from_saved)
    result = make_review(current.plan, current.record)
    _emit(
        ctx,
        fmt,
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
    letter_lang: Annotated[
        LetterLanguage | None,
        typer.Option(
            "--letter-lang",
            help="The letter's language: en, es, or both (Spanish to read, English to "
            "send). Default: the language iepprep speaks.",
            case_sensitive=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Draft a letter or e-mail to the school, ready to edit.

    Filled from your answers and meeting notes; what iepprep cannot know stays in
    [square brackets]. Not legal advice.
    """
    from iepprep.core.family.profile import Profile
    from iepprep.core.meeting.letters import draft
    from iepprep.core.planning.answers import load_answers
    from iepprep.core.storage.plans import PlanStore
    from iepprep.render import letters as letter_render

    current: Current | None = None
    record = None
    if answers is not None:
        if from_saved is not None:
            raise InputError("Use --answers or --from, not both.")
        profile = load_answers(answers, today=today())
    elif from_saved is None and PlanStore().latest() is None:
        profile = Profile()  # no plan yet: a draft with [placeholders] is still useful
        info(
            "No saved plan yet, so the letter has [placeholders] to fill in. "
            "Make a plan and they are filled for you: iepprep plan"
        )
    else:
        current = current_plan(ctx, from_saved)
        profile = current.plan.profile
        record = current.record
    if current is None:
        follow_family_language(ctx, profile.language)
    languages = _letter_languages(letter_lang)
    results = [draft(kind.value, profile, record, today=today(), lang=lang) for lang in languages]

    def as_text() -> str:
        if len(results) == 1:
            return letter_render.text(results[0])
        return letter_render.both(results, letter_render.text)

    def as_markdown() -> str:
        if len(results) == 1:
            return letter_render.markdown(results[0])
        return letter_render.both(results, letter_render.markdown)

    _emit(
        ctx,
        fmt,
        output,
        {
            Format.TEXT: lambda r: r.letter(as_text()),
            Format.MARKDOWN: as_markdown,
        },
    )
    if current is not None:
        current.record.record_letter(
            kind.value,
            now=current_time(),
            text=as_text(),
            path=str(output) if output else None,
        )


def _letter_languages(choice: "LetterLanguage | None") -> list[str]:
    from iepprep.core.i18n.language import current

    if choice is None:
        return [current()]
    if choice is LetterLanguage.BOTH:
        return ["es", "en"]
    return [choice.value]

"""Meeting day and after: live meeting mode, notes, review, letters."""

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from iepprep.cli.app import (
    AnswersOption,
    ForceOption,
    FromOption,
    OutputOption,
    app,
    examples,
    follow_family_language,
    format_option,
    friendly_errors,
    info,
    today,
)
from iepprep.cli.family import (
    Current,
    answers_profile,
    current_plan,
    current_time,
    library_for,
)
from iepprep.cli.output import emit
from iepprep.core.i18n.messages import _, ngettext
from iepprep.errors import ExitCode, InputError
from iepprep.render import formats


class LetterLanguage(StrEnum):
    EN = "en"
    ES = "es"
    BOTH = "both"


@app.command(rich_help_panel="At the meeting", epilog=examples("iepprep meeting --from 2"))
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
    _say_if_not_yet("meeting", current.plan.profile)
    record = current.record
    resumed = record.started is not None
    info(
        (_("Welcome back: picking up where you stopped.") + " " if resumed else "")
        + _("Everything you enter is saved at once. Ctrl-C leaves.")
    )
    try:
        run_meeting(
            record,
            QuestionaryMeetingPrompter(),
            reminders=_reminders(ctx, current.plan),
            clock=current_time,
        )
    except (KeyboardInterrupt, EOFError) as stop:
        if getattr(stop, "text", ""):
            stopped = _("Stopped. Everything so far is saved (the note you were typing too).")
        else:
            stopped = _("Stopped. Everything so far is saved.")
        info(stopped + " " + _("Pick up where you left off: iepprep meeting"))
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    answered, left = len(record.answers), len(record.open_questions)
    info(
        _("Saved: {answered}, {left}, {notes}. Next: iepprep review").format(
            answered=ngettext("{n} answered", "{n} answered", answered).format(n=answered),
            left=ngettext("{n} still open", "{n} still open", left).format(n=left),
            notes=ngettext("{n} note", "{n} notes", len(record.notes)).format(n=len(record.notes)),
        )
    )


def _reminders(ctx: typer.Context, plan: Any) -> list[str]:
    from iepprep.core.meeting.live import reminder_tips
    from iepprep.render.wording import reminder_lines

    return reminder_lines(reminder_tips(plan, library_for(ctx).tips))


notes_app = typer.Typer(
    help="Notes from the meeting, kept with your saved plan.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
    epilog=examples('iepprep notes add "OT twice a week, starting Jan 5"'),
)
app.add_typer(notes_app, name="notes", rich_help_panel="At the meeting")


@notes_app.command(
    "add",
    epilog=examples('iepprep notes add "Ms. Lee will send the draft Friday"'),
    # A note may start with a dash ("-5 min"): words that are not options are the note.
    context_settings={"ignore_unknown_options": True},
)
@friendly_errors
def notes_add(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help="The note.", metavar="WORDS")],
    from_saved: FromOption = None,
) -> None:
    """Add a note to your saved plan (saved at once)."""
    current = current_plan(ctx, from_saved)
    count = current.record.add_note(" ".join(words), now=current_time())
    info(
        _("Saved note {count} with plan {number}.").format(count=count, number=current.saved.number)
    )


@notes_app.command("list", epilog=examples("iepprep notes list -f json"))
@friendly_errors
def notes_list(
    ctx: typer.Context,
    from_saved: FromOption = None,
    fmt: Annotated[str | None, format_option(formats.NOTES.formats)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show the notes kept with your saved plan."""
    from iepprep.render.views import NotesView

    view = NotesView(list(current_plan(ctx, from_saved).record.notes))
    emit(ctx, fmt, output, formats.NOTES, lambda r: r.notes(view))


@app.command(
    rich_help_panel="After the meeting",
    epilog=examples("iepprep review --format markdown -o review.md"),
)
@friendly_errors
def review(
    ctx: typer.Context,
    from_saved: FromOption = None,
    fmt: Annotated[str | None, format_option(formats.REVIEW.formats)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """After the meeting: next steps, open questions and your notes.

    Ends with the points to check in the proposed IEP before you sign.
    """
    from iepprep.core.meeting.review import make_review
    from iepprep.render.views import review_view

    current = current_plan(ctx, from_saved)
    _say_if_not_yet("review", current.plan.profile)
    view = review_view(make_review(current.plan, current.record))
    emit(ctx, fmt, output, formats.REVIEW, lambda r: r.review(view))


class LetterKind(StrEnum):
    RECORDS_REQUEST = "records-request"
    PARENT_CONCERNS = "parent-concerns"
    MEETING_REQUEST = "meeting-request"
    RECAP = "recap"
    DISAGREEMENT = "disagreement"


def _letter_kind(value: str) -> LetterKind:
    """The letter asked for, any case; anything else is refused in the run's language."""
    try:
        return LetterKind(value.strip().lower())
    except ValueError:
        kinds = ", ".join(kind.value for kind in LetterKind)
        raise typer.BadParameter(
            _("{value} is not a kind of letter iepprep writes: {kinds}.").format(
                value=repr(value), kinds=kinds
            )
        ) from None


@app.command(
    rich_help_panel="After the meeting",
    epilog=examples("iepprep letter records-request --output request.txt"),
)
@friendly_errors
def letter(
    ctx: typer.Context,
    kind: Annotated[
        LetterKind,
        typer.Argument(
            help="records-request, parent-concerns, meeting-request, recap or disagreement.",
            parser=_letter_kind,
            metavar="KIND",
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
    fmt: Annotated[str | None, format_option(formats.LETTER.formats)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Draft a letter or e-mail to the school, ready to edit.

    Filled from your answers and meeting notes; what iepprep cannot know stays in
    [square brackets]. Not legal advice.
    """
    from iepprep.core.family.profile import Profile
    from iepprep.core.i18n.language import current as reader_language
    from iepprep.core.meeting.letters import draft, fill_in_note, own_words_language
    from iepprep.core.storage.plans import PlanStore
    from iepprep.render import letters as letter_render
    from iepprep.render.views import LetterView

    current: Current | None = None
    record = None
    if answers is not None:
        if from_saved is not None:
            raise InputError(_("Use --answers or --from, not both."))
        profile = answers_profile(ctx, answers)
    elif from_saved is None and PlanStore().latest() is None:
        profile = Profile()  # no plan yet: a draft with [placeholders] is still useful
        info(
            _(
                "No saved plan yet, so the letter has [placeholders] to fill in. "
                "Make a plan and they are filled for you: iepprep plan"
            )
        )
    else:
        current = current_plan(ctx, from_saved)
        profile = current.plan.profile
        record = current.record
    if current is None:
        follow_family_language(ctx, profile.language)
    languages = _letter_languages(letter_lang)
    results = [draft(kind.value, profile, record, today=today(), lang=lang) for lang in languages]
    notes = [
        fill_in_note(letter, reader_language(), own_words=own_words_language(letter, profile))
        for letter in results
    ]
    if len(results) == 1:
        result = results[0]
        if notes[0]:
            info(notes[0])  # on the screen, not in the letter that is sent
    else:
        result = letter_render.both(results, notes)
    _warn_if_too_early(kind.value, profile)
    view = LetterView(result)
    emit(ctx, fmt, output, formats.LETTER, lambda r: r.letter(view))
    if not _letter_shows_its_legal_line(fmt, output):
        info(view.legal)
    if current is not None:
        current.record.record_letter(
            kind.value,
            now=current_time(),
            text=letter_render.text(result),
            path=str(output) if output else None,
        )


def _letter_languages(choice: "LetterLanguage | None") -> list[str]:
    from iepprep.core.i18n.language import current

    if choice is None:
        return [current()]
    if choice is LetterLanguage.BOTH:
        return ["es", "en"]
    return [choice.value]


def _letter_shows_its_legal_line(fmt: str | None, output: Path | None) -> bool:
    """A letter on a terminal, or in Markdown, ends with the not-legal-advice line;
    a plain-text letter in a file or a pipe stays the letter alone (it is pasted
    into an e-mail), and the line is said on standard error instead."""
    import sys

    from iepprep.cli.output import pick_format
    from iepprep.render.formats import Format

    if pick_format(fmt, output) is not Format.TEXT:
        return True
    if output is not None or sys.stdout is None:
        return False
    try:
        return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))
    except ValueError:
        return False


def _warn_if_too_early(kind: str, profile: Any) -> None:
    """A recap or a disagreement drafted before the meeting: say so, and how to go on."""
    from iepprep.core.i18n.dates import long_date
    from iepprep.core.meeting.letters import AFTER_THE_MEETING

    meeting = profile.meeting_date
    if kind not in AFTER_THE_MEETING or meeting is None or meeting <= today():
        return
    if kind == "recap":
        what = _("Your meeting is on {date}, and a recap is for after it.")
    else:
        what = _(
            "Your meeting is on {date}, and a letter saying what you don't agree with is for "
            "after it."
        )
    info(
        what.format(date=long_date(meeting))
        + " "
        + _(
            "Here is the draft, to keep and fill in once the meeting is over. If the meeting "
            "has already happened on another day, change the date: iepprep plan --edit"
        )
    )


def _say_if_not_yet(command: str, profile: Any) -> None:
    """`meeting` or `review` before the meeting's date (from the saved plan): say so
    gently, and go on all the same (a parent may practise, or read ahead)."""
    from iepprep.core.i18n.dates import days_until, long_date
    from iepprep.core.i18n.messages import _

    meeting, day = profile.meeting_date, today()
    if meeting is None or meeting <= day:
        return
    when = _("Your meeting is on {date} ({in_days}).").format(
        date=long_date(meeting), in_days=days_until(meeting, today=day)
    )
    then = (
        _("Live mode is for the meeting itself; trying it now is fine, and what you enter is kept.")
        if command == "meeting"
        else _("This review is for after it; here it is, to read ahead.")
    )
    fix = _("If the meeting was on another day, change the date: iepprep plan --edit")
    info(f"{when} {then} {fix}")

"""Commands that make and print the plan: plan, checklist, questions."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from iepprep.cli.app import (
    AnswersOption,
    ForceOption,
    FromOption,
    OutputOption,
    Paper,
    PaperOption,
    PhaseOption,
    app,
    examples,
    format_option,
    friendly_errors,
    info,
    print_error,
    today,
)
from iepprep.cli.family import (
    answers_profile,
    current_plan,
    current_time,
    find_saved,
    library_for,
    plan_for,
    profile_for_reading,
    saved_profile,
)
from iepprep.cli.output import emit
from iepprep.core.i18n.messages import _
from iepprep.errors import ExitCode, InputError, StorageError
from iepprep.render import formats

if TYPE_CHECKING:
    from iepprep.core.storage.plans import PlanStore

# ------------------------------------------------------------------------ plan


def next_steps() -> str:
    """What a parent can do with a saved plan, said once at its end."""
    return _(
        "Next: print it with iepprep checklist --output checklist.pdf; at the meeting, "
        "iepprep meeting; letters to the school: iepprep letter --help"
    )


PlanFormat = Annotated[str | None, format_option(formats.PLAN.formats)]
ChecklistFormat = Annotated[str | None, format_option(formats.CHECKLIST.formats)]
QuestionsFormat = Annotated[str | None, format_option(formats.QUESTIONS.formats)]


@app.command(
    rich_help_panel="Before the meeting",
    epilog=examples("iepprep plan --answers family.yaml --output plan.pdf"),
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
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every step and question that fits your family, not only the most important.",
        ),
    ] = False,
    fmt: PlanFormat = None,
    output: OutputOption = None,
    force: ForceOption = False,
    paper: PaperOption = Paper.LETTER,
) -> None:
    """Answer a few questions and get a plan made for your family.

    Asks about the coming meeting (Enter skips any question), then shows what to do
    before, at and after the meeting, and the questions to ask. The answers are saved
    on this computer so other commands can use them. Stopped partway (Ctrl-C), it
    keeps what you answered and offers to pick up there next time.
    """
    from iepprep.core.planning.answers import example_profile
    from iepprep.core.storage.plans import PlanStore

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
        raise InputError(_("Use only one of {options}.").format(options=" / ".join(chosen)))
    store = PlanStore()
    save = not no_save
    editing: int | None = None  # the saved plan being changed in place (--edit)
    plan_id: str | None = None  # a saved plan's own id: its calendar events' UIDs
    if example:
        profile, save = example_profile(), False
    elif answers is not None:
        profile = answers_profile(ctx, answers)
    elif edit:
        saved = find_saved(store, from_saved or "latest")
        saved_profile(saved.answers, saved.number)  # refuse to edit an unreadable plan
        editing = saved.number
        profile = _interview(
            ctx,
            today(),
            previous=saved.answers,
            draft_store=store if save else None,
            editing=editing,
        )
    elif from_saved is not None:
        saved = find_saved(store, from_saved)
        profile, save = saved_profile(saved.answers, saved.number), False
        plan_id = saved.plan_id
    else:
        profile = _interview(ctx, today(), draft_store=store if save else None)
        draft = store.load_draft() if save else None
        editing = draft.editing if draft is not None else None  # a stopped edit, picked up
    result = plan_for(ctx, profile, complete=everything)
    not_saved: StorageError | None = None
    saved_number: int | None = None
    where_saved = ""  # said after the plan, where it does not scroll away
    if save:
        try:
            saved = _save_answers(store, profile.answers(), editing)
            plan_id, saved_number = saved.plan_id, saved.number
            store.clear_draft()
            if editing is not None and saved.number == editing:
                where_saved = _(
                    "Updated plan {number} with your new answers; its notes, "
                    "answered questions and letters are kept."
                ).format(number=saved.number)
            else:
                where_saved = _("Saved your answers as plan {number}, in {folder}.").format(
                    number=saved.number, folder=store.folder
                )
        except StorageError as err:
            not_saved = err  # show the plan anyway; the answers are printed below
    elif example:
        info(_("This is an example family; nothing was saved. Make your own: iepprep plan"))
    try:
        _emit_plan(ctx, result, fmt, output, paper, plan_id)
    except KeyboardInterrupt:
        if saved_number is None:
            raise  # "Stopped. Nothing was saved." is true
        stopped = _("Stopped. Your answers were saved as plan {number}.")
        print_error(stopped.format(number=saved_number), None, prefix="")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except Exception:
        if where_saved:
            info(where_saved)  # the plan could not be shown, but the answers are safe
        raise
    if where_saved:
        info(where_saved)
        info(next_steps())
    if not_saved is not None:
        _keep_answers_safe(profile, not_saved)


def _keep_answers_safe(profile: Any, err: StorageError) -> None:
    """Saving failed: print the answers as an answers file, so nothing typed is lost."""
    from iepprep.core.planning.answers import answers_file

    print_error(
        err.message,
        _(
            "So that nothing you typed is lost, here are your answers. Save these lines in "
            "a file (for example answers.json) and use: iepprep plan --answers answers.json"
        ),
        prefix=_("Not saved: "),
    )
    typer.echo(answers_file(profile), err=True, nl=False)
    raise typer.Exit(int(err.exit_code))


def _save_answers(store: "PlanStore", answers: dict[str, Any], editing: int | None) -> Any:
    """Save as a new plan, or change the plan being edited in place (same number, so
    its notes, answers and letters stay with it). A plan forgotten meanwhile: a new one."""
    from iepprep.errors import NotFoundError

    if editing is not None:
        try:
            return store.save(answers, number=editing)
        except NotFoundError:
            pass
    return store.save(answers)


def _interview(
    ctx: typer.Context,
    day: dt.date,
    previous: dict[str, Any] | None = None,
    *,
    draft_store: "PlanStore | None" = None,
    editing: int | None = None,
) -> Any:
    """Ask the questionnaire on this terminal (see `iepprep.core.planning.interview`)."""
    from iepprep.core.planning.interview import interview
    from iepprep.prompting import QuestionaryPrompter, require_terminal

    require_terminal()
    prompter = QuestionaryPrompter()
    return interview(
        prompter,
        today=day,
        tell=info,
        previous=previous,
        drafts=draft_store,
        editing=editing,
        start_with=_language_first(ctx, prompter, previous, draft_store),
    )


def _language_first(
    ctx: typer.Context, prompter: Any, previous: dict[str, Any] | None, drafts: Any
) -> dict[str, Any]:
    """The first question of a new plan: which language to go on in (unless one was
    chosen for this run). Saved or stopped answers carry their language already.

    English or Spanish is the family's language too, so the questionnaire does not
    ask it again; "another language" goes on in English and the questionnaire asks
    which one (for the interpreter)."""
    from iepprep.cli.app import follow_family_language, settings_of
    from iepprep.core.i18n.language import set_current

    settings = settings_of(ctx)
    earlier = previous or (draft.answers if drafts and (draft := drafts.load_draft()) else None)
    if earlier:
        follow_family_language(ctx, earlier.get("language"))
        return {}
    if settings.lang_chosen or not hasattr(prompter, "language"):
        return {}
    picked = prompter.language(default=settings.lang)
    settings.lang = picked if picked in ("en", "es") else "en"
    set_current(settings.lang)
    return {"language": picked} if picked in ("en", "es") else {}


def _emit_plan(
    ctx: typer.Context,
    result: Any,
    fmt: str | None,
    output: Path | None,
    paper: Paper,
    plan_id: str | None = None,
) -> None:
    from iepprep.render.views import plan_view

    view = plan_view(result, plan_id=plan_id)
    emit(ctx, fmt, output, formats.PLAN, lambda r: r.plan(view), paper=paper.value)


# --------------------------------------------------------- checklist and questions


@app.command(
    rich_help_panel="Before the meeting",
    epilog=examples("iepprep checklist --phase before --output list.md"),
)
@friendly_errors
def checklist(
    ctx: typer.Context,
    phase: PhaseOption = None,
    answers: AnswersOption = None,
    fmt: ChecklistFormat = None,
    output: OutputOption = None,
    force: ForceOption = False,
    paper: PaperOption = Paper.LETTER,
) -> None:
    """Print the checklist: before, at and after the meeting.

    Uses your last saved plan, or --answers FILE, or else a general first-meeting plan.
    """
    from iepprep.core.content.models import Phase
    from iepprep.render.views import checklist_view

    profile, generic = profile_for_reading(ctx, answers)
    result = plan_for(ctx, profile, generic=generic)
    plan_id = None if generic or answers else _latest_plan_id()
    view = checklist_view(result, [Phase(phase.value)] if phase else list(Phase), plan_id=plan_id)
    emit(ctx, fmt, output, formats.CHECKLIST, lambda r: r.plan(view), paper=paper.value)


def _latest_plan_id() -> str | None:
    from iepprep.core.storage.plans import PlanStore

    latest = PlanStore().latest()
    return latest.plan_id if latest else None


questions_app = typer.Typer(
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)
app.add_typer(questions_app, name="questions", rich_help_panel="Before the meeting")


@questions_app.callback(
    invoke_without_command=True,
    epilog=examples("iepprep questions --open"),
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
    fmt: QuestionsFormat = None,
    output: OutputOption = None,
    force: ForceOption = False,
    paper: PaperOption = Paper.LETTER,
) -> None:
    """Print the questions to ask at the meeting, grouped by topic.

    Uses your last saved plan, or --answers FILE, or else a general first-meeting plan.
    Mark one answered with: iepprep questions done NUMBER
    """
    if ctx.invoked_subcommand is not None:
        return
    from iepprep.core.planning import planner

    if open_only:
        if all_questions or answers is not None:
            raise InputError(
                _("--open works on your saved plan; use it without --all or --answers.")
            )
        current = current_plan(ctx, None)
        result = current.plan
        answered = current.record.answers
        chosen = [q for q in result.questions if q.id not in answered]  # plan order, numbers
    else:
        profile, generic = profile_for_reading(ctx, answers)
        if answers is None and not generic:  # the saved plan, with its draft's questions
            result = current_plan(ctx, None).plan
        else:
            result = plan_for(ctx, profile, generic=generic)
        chosen = planner.all_questions(library_for(ctx)) if all_questions else result.questions

    from iepprep.render.views import questions_view

    view = questions_view(result, chosen, bank=all_questions)
    emit(ctx, fmt, output, formats.QUESTIONS, lambda r: r.plan(view), paper=paper.value)


@questions_app.command(
    "done",
    epilog=examples('iepprep questions done 7 --answer "yes, one goal per need"'),
)
@friendly_errors
def questions_done(
    ctx: typer.Context,
    question_id: Annotated[
        str,
        typer.Argument(
            help="The question's number in your plan (or its id, from --format json).",
            metavar="NUMBER",
        ),
    ],
    answer: Annotated[
        str, typer.Option("--answer", "-a", metavar="TEXT", help="The answer, in a few words.")
    ] = "",
    from_saved: FromOption = None,
) -> None:
    """Mark a question of your saved plan as answered, with a short answer."""
    current = current_plan(ctx, from_saved)
    done = current.record.answer(question_id, answer, now=current_time())
    left = len(current.record.open_questions)
    still_open = (
        _("Saved as answered: \u201c{question}\u201d 1 question still open.")
        if left == 1
        else _("Saved as answered: \u201c{question}\u201d {count} questions still open.")
    )
    info(still_open.format(question=done.question.text, count=left))

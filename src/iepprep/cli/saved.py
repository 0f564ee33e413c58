"""Saved plans: history and forget."""

from typing import Annotated, Any

import typer

from iepprep.cli.app import (
    ForceOption,
    OutputOption,
    app,
    examples,
    format_option,
    friendly_errors,
    info,
)
from iepprep.cli.output import emit
from iepprep.core.i18n.messages import _, ngettext
from iepprep.errors import InputError, NotFoundError, StorageError
from iepprep.render import formats

# --------------------------------------------------------------------- history


@app.command(rich_help_panel="Your saved plans", epilog=examples("iepprep history --format json"))
@friendly_errors
def history(
    ctx: typer.Context,
    fmt: Annotated[str | None, format_option(formats.HISTORY.formats)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List your saved plans: child, meeting and when each was made."""
    from iepprep.core.storage.plans import PlanStore

    store = PlanStore()
    plans = store.all()
    if plans:  # told in the language of the latest plan, as checklist and review are
        from iepprep.cli.family import follow_saved_plan_language

        follow_saved_plan_language(ctx, plans[-1])
    rows = [_history_row(saved, store.journal(saved.number)) for saved in plans]

    draft = store.load_draft()
    from iepprep.render.views import history_view

    view = history_view(rows, str(store.folder), draft.updated if draft else None)
    emit(ctx, fmt, output, formats.HISTORY, lambda r: r.history(view))


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


@app.command(rich_help_panel="Your saved plans", epilog=examples("iepprep forget 2"))
@friendly_errors
def forget(
    ctx: typer.Context,
    number: Annotated[
        int | None,
        typer.Argument(help="The saved plan to delete (see iepprep history).", metavar="N"),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Delete everything iepprep saved on this computer.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask to confirm.")] = False,
) -> None:
    """Delete a saved plan, or everything (asks first)."""
    from iepprep.core.storage.plans import PlanStore

    store = PlanStore()
    if number is None and not everything:
        raise InputError(
            _("Say what to delete: a plan number (see iepprep history), or --all."),
        )
    if number is not None and everything:
        raise InputError(_("Use a plan number or --all, not both."))
    if everything:
        info(_what_all_deletes(store))
        question = _("Delete all of this?")
    else:
        assert number is not None
        try:
            saved = store.get(number)
            from iepprep.cli.family import follow_saved_plan_language

            follow_saved_plan_language(ctx, saved)  # asked about in the plan's language
            who = saved.answers.get("child_name") or _("your child")
            question = _("Delete saved plan {number} (for {who})?").format(number=number, who=who)
        except StorageError:  # damaged: forgetting it is how to be rid of it
            if not store.has_plan_file(number):  # a link or another user's file
                raise NotFoundError(
                    _("There is no saved plan number {number}.").format(number=number)
                ) from None
            question = _("Delete saved plan {number} (it cannot be read)?").format(number=number)
    if not yes and not _confirm(question):
        info(_("Nothing was deleted."))
        return
    if everything:
        count, kept = store.delete_all()
        info(
            ngettext(
                "Deleted everything iepprep saved ({count} plan).",
                "Deleted everything iepprep saved ({count} plans).",
                count,
            ).format(count=count)
        )
        for folder, names in kept:
            shown = ", ".join(sorted(names)[:10]) + (", ..." if len(names) > 10 else "")
            info(
                _("Files iepprep did not make were left as they were in {folder}: {files}").format(
                    folder=folder, files=shown
                )
            )
    else:
        assert number is not None
        store.delete(number)
        info(_("Deleted saved plan {number}.").format(number=number))


def _what_all_deletes(store: Any) -> str:
    """What `forget --all` is about to delete, counted, so the yes is an informed one.
    Counts, not plural sentences: "saved plans: 2" reads the same for 1 or 20."""
    try:
        plans = store.all()
        events = [event for saved in plans for event in store.journal(saved.number).events()]
    except StorageError:  # unreadable: delete_all says what it could and could not do
        plans, events = [], []
    names = list(
        dict.fromkeys(str(s.answers["child_name"]) for s in plans if s.answers.get("child_name"))
    )
    lines = [_("This deletes, from {folder}:").format(folder=store.home)]
    if plans:
        counted = _("saved plans: {count}").format(count=len(plans))
        if names:
            counted += " " + _("(for {names})").format(names=", ".join(names))
        lines.append("  " + counted)
        lines.append(
            "  "
            + _("notes: {notes} · answered questions: {answered} · letters: {letters}").format(
                notes=sum(1 for e in events if e.kind == "note"),
                answered=len({e.question for e in events if e.kind == "answered"}),
                letters=sum(1 for e in events if e.kind == "letter"),
            )
        )
    else:
        lines.append("  " + _("no saved plans"))
    if store.load_draft() is not None:
        lines.append("  " + _("the questions you answered partway (not yet a plan)"))
    lines.append("  " + _("the cache of tips (nothing personal in it)"))
    lines.append(_("Files iepprep did not make stay where they are."))
    return "\n".join(lines)


def _confirm(question: str) -> bool:
    from iepprep.errors import NeedsTerminalError

    stdin = __import__("sys").stdin
    if stdin is None or not stdin.isatty():
        raise NeedsTerminalError(
            _("Deleting needs a yes, and there is no terminal to ask in."),
            hint=_("Add --yes to delete without being asked."),
        )
    from iepprep.core.i18n.yesno import read_yes_no, yes_no_keys, yes_no_problem

    while True:  # a yes or a no in either language; anything else is asked again
        typed = typer.prompt(
            f"{question} {yes_no_keys(default=False)}",
            default="",
            show_default=False,
            err=True,  # stdout may be a file
        )
        answer = read_yes_no(typed, default=False)
        if answer is not None:
            return answer
        typer.echo(yes_no_problem(typed, default=False), err=True)

"""`iepprep draft check`: read the school's draft IEP on this computer and flag what to ask."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from iepprep.cli.app import (
    ForceOption,
    FromOption,
    OutputOption,
    app,
    examples,
    format_option,
    friendly_errors,
)
from iepprep.core.i18n.messages import _
from iepprep.errors import IepprepError, InputError
from iepprep.render.formats import Format

draft_app = typer.Typer(
    help="Check the school's draft IEP before the meeting.",
    epilog=examples("iepprep draft check draft-iep.pdf"),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)
app.add_typer(draft_app, name="draft", rich_help_panel="Before the meeting")


@draft_app.command(
    "check",
    epilog=examples("iepprep draft check draft.docx --previous last-year.pdf"),
)
@friendly_errors
def check(
    ctx: typer.Context,
    draft: Annotated[
        str,
        typer.Argument(
            help="The draft: a PDF with text, a .docx, or a text file ('-' reads pasted text).",
            metavar="FILE",
            show_default=False,
        ),
    ],
    previous: Annotated[
        Path | None,
        typer.Option(help="Last year's IEP, to compare goals and services.", metavar="FILE"),
    ] = None,
    age: Annotated[
        int | None,
        typer.Option(
            help="Your child's age (to check transition planning).", min=2, max=22, metavar="N"
        ),
    ] = None,
    add_to_plan: Annotated[
        bool,
        typer.Option(
            "--add-to-plan",
            help="Keep the findings with your saved plan: its questions join your list.",
        ),
    ] = False,
    from_saved: FromOption = None,
    fmt: Annotated[str | None, format_option([Format.TEXT, Format.MARKDOWN, Format.JSON])] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Check a draft IEP: goals you can measure, services with times and places, and
    what changed since last year. Nothing leaves this computer."""
    from iepprep.core.draft.checking import check_draft
    from iepprep.core.draft.reading import read_draft

    if draft == "-" and previous is not None and str(previous) == "-":
        raise InputError(
            _("Only one of the draft and --previous can be pasted ('-')."),
            hint=_("Save last year's IEP as a file and give its name to --previous."),
        )
    report = check_draft(
        read_draft(draft),
        previous=read_draft(previous) if previous is not None else None,
        age=age,
    )
    if not add_to_plan:
        _write(ctx, report, fmt, output, None)
        return
    try:
        saved_to = _save_findings(report, from_saved)
    except IepprepError:
        _write(ctx, report, fmt, output, None)  # the findings are shown even so
        raise
    _write(ctx, report, fmt, output, saved_to)


def _save_findings(report: Any, from_saved: str | None) -> int:
    from iepprep.core.draft.saved import save_findings
    from iepprep.core.storage.plans import PlanStore
    from iepprep.errors import NotFoundError

    store = PlanStore()
    if from_saved is None:
        saved = store.latest()
        if saved is None:
            raise NotFoundError(
                _("There is no saved plan to add the findings to."),
                hint=_("Make one first (iepprep plan), or run the check without --add-to-plan."),
            )
    else:
        try:
            number = int(from_saved)
        except ValueError:
            raise InputError(
                _("--from takes a plan number, not {value}.").format(value=repr(from_saved))
            ) from None
        saved = store.get(number)
    save_findings(store.journal(saved.number), report, now=dt.datetime.now().replace(microsecond=0))
    return int(saved.number)


def _write(
    ctx: typer.Context, report: Any, fmt: str | None, output: Path | None, saved_to: int | None
) -> None:
    from iepprep.cli.output import emit_report
    from iepprep.render import draft as layout

    emit_report(
        ctx,
        fmt,
        output,
        command="draft check",
        text=lambda options: layout.print_text(report, options, saved_to=saved_to),
        files={
            Format.MARKDOWN: lambda: layout.as_markdown(report),
            Format.JSON: lambda: layout.as_json(report),
        },
    )

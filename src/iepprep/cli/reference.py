"""Know the words and the rights: glossary and rights."""

from typing import Annotated

import typer

from iepprep.cli.app import (
    AnswersOption,
    ForceOption,
    Format,
    FormatOption,
    OutputOption,
    app,
    examples,
    friendly_errors,
)
from iepprep.cli.family import profile_for_reading
from iepprep.cli.output import _emit, _jsondata, _markdown, _pick_format
from iepprep.errors import ExitCode, InputError

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
    force: ForceOption = False,
) -> None:
    """Explain IEP words and acronyms in plain language."""
    from iepprep.core.content.reference import load_glossary
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
    entry = book.find(query)
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
    force: ForceOption = False,
) -> None:
    """Your key rights under IDEA, each with where the law says it.

    Adds what differs in your state: from --state, else your answers or saved plan.
    Not legal advice.
    """
    from iepprep.core.content.datafiles import validate
    from iepprep.core.content.reference import load_rights, load_states
    from iepprep.core.family.profile import Profile
    from iepprep.core.planning.planner import state_notes

    if state is not None:
        profile = validate(Profile, {"state": state}, name="--state", error=InputError)
    else:
        profile, _ = profile_for_reading(answers)
    notes = state_notes(profile, load_states())
    items = load_rights()

    _emit(
        ctx,
        fmt,
        output,
        {
            Format.TEXT: lambda r: r.rights(items, notes),
            Format.MARKDOWN: lambda: _markdown().rights(items, notes),
            Format.JSON: lambda: _jsondata().dumps([right.json_data() for right in items]),
        },
    )

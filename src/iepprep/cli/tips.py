"""Searching, listing and showing tips."""

from typing import Annotated, Any

import typer

from iepprep.cli.app import (
    ForceOption,
    Format,
    FormatOption,
    OutputOption,
    PhaseChoice,
    examples,
    friendly_errors,
    tips_app,
)
from iepprep.cli.family import library_for
from iepprep.cli.output import _emit, _jsondata, _markdown

# ------------------------------------------------------------------------ tips


@tips_app.command(
    "search",
    epilog=examples(
        "iepprep tips search signing",
        "iepprep tips search they rush us --explain",
        "iepprep tips search my son got sent home early again",
    ),
)
@friendly_errors
def tips_search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help="What to look for, in your own words.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, metavar="N", help="At most this many.")
    ] = 8,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each tip matched.")] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Find tips by keyword, best match first."""
    from iepprep.core.search.tips import search, suggest

    query = " ".join(words)
    library = library_for(ctx)
    results = search(library, query, limit=limit)

    def as_text(r: Any) -> None:
        if results.hits:
            r.search_results(results, explain=explain)
        else:
            r.glossary_matches(results.glossary, more=False)
            from iepprep.core.content.reference import load_glossary

            term = load_glossary().find(query)
            in_glossary = term.term if term else None
            r.nothing_found(query, suggest(library, query), library.tip_topics, in_glossary)

    _emit(
        ctx,
        fmt,
        output,
        {
            Format.TEXT: as_text,
            Format.MARKDOWN: lambda: _markdown().search_results(query, results.hits),
            Format.JSON: lambda: _jsondata().dumps(_jsondata().search_data(results)),
        },
    )


@tips_app.command(
    "list", epilog=examples("iepprep tips list --phase during", "iepprep tips list --topic rights")
)
@friendly_errors
def tips_list(
    ctx: typer.Context,
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", metavar="TOPIC", help="Only this topic.")
    ] = None,
    phase: Annotated[
        PhaseChoice | None,
        typer.Option("--phase", "-p", help="Only before, during or after.", case_sensitive=False),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the tips, optionally by topic or phase."""
    from iepprep.core.content.models import Phase
    from iepprep.errors import NotFoundError

    library = library_for(ctx)
    wanted_topic = topic.strip().lower() if topic else None
    if wanted_topic and wanted_topic not in library.tip_topics:
        raise NotFoundError(
            f"No tip has the topic {topic!r}.",
            hint="Topics: " + ", ".join(sorted(library.tip_topics)),
        )
    chosen = library.tips_in(Phase(phase.value) if phase else None, wanted_topic)
    _emit(
        ctx,
        fmt,
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
    force: ForceOption = False,
) -> None:
    """Show one tip in full, with where it comes from."""

    tip = library_for(ctx).tip(tip_id)
    _emit(
        ctx,
        fmt,
        output,
        {
            Format.TEXT: lambda r: r.tip_detail(tip),
            Format.MARKDOWN: lambda: _markdown().tips([tip], title=tip.title),
            Format.JSON: lambda: _jsondata().dumps(_jsondata().tip_data(tip)),
        },
    )

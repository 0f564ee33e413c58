"""Searching, listing and showing tips."""

from typing import Annotated

import typer

from iepprep.cli.app import (
    ForceOption,
    OutputOption,
    PhaseOption,
    examples,
    format_option,
    friendly_errors,
    tips_app,
)
from iepprep.cli.family import library_for
from iepprep.cli.output import emit
from iepprep.core.i18n.messages import _
from iepprep.render import formats

TipsFormat = Annotated[str | None, format_option(formats.TIPS.formats)]

# ------------------------------------------------------------------------ tips


@tips_app.command("search", epilog=examples("iepprep tips search my son got sent home early again"))
@friendly_errors
def tips_search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(help="What to look for, in your own words.", metavar="WORDS"),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, metavar="N", help="At most this many.")
    ] = 8,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each tip matched.")] = False,
    fmt: TipsFormat = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Find tips by keyword, best match first."""
    from iepprep.cli.app import settings_of
    from iepprep.core.search.tips import open_for_search, search, suggest
    from iepprep.render.views import NothingFound, SearchView

    query = " ".join(words)
    library = open_for_search(settings_of(ctx).tips_files)
    results = search(library, query, limit=limit)
    nothing = None
    if not results.hits or results.closest:
        from iepprep.core.content.reference import load_glossary

        term = load_glossary().find(query)
        nothing = NothingFound(
            suggest(library, query), list(library.tip_topics), term.term if term else None
        )
    view = SearchView(results, explain=explain, nothing=nothing)
    emit(ctx, fmt, output, formats.TIPS, lambda r: r.search(view))


@tips_app.command("list", epilog=examples("iepprep tips list --topic rights"))
@friendly_errors
def tips_list(
    ctx: typer.Context,
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", metavar="TOPIC", help="Only this topic.")
    ] = None,
    phase: PhaseOption = None,
    fmt: TipsFormat = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the tips, optionally by topic or phase."""
    from iepprep.core.content.models import Phase
    from iepprep.errors import NotFoundError
    from iepprep.render.views import TipListView

    library = library_for(ctx)
    from iepprep.render.wording import topic_named, topic_names

    topics = sorted(library.tip_topics)
    wanted_topic = topic_named(topic, topics) if topic else None
    if topic and wanted_topic is None:
        raise NotFoundError(
            _("No tip has the topic {topic}.").format(topic=repr(topic)),
            hint=_("Topics: {topics}").format(topics=topic_names(topics)),
        )
    view = TipListView(library.tips_in(Phase(phase.value) if phase else None, wanted_topic))
    emit(ctx, fmt, output, formats.TIPS, lambda r: r.tip_list(view))


@tips_app.command("show", epilog=examples("iepprep tips show take-it-home-before-signing"))
@friendly_errors
def tips_show(
    ctx: typer.Context,
    tip_id: Annotated[
        str, typer.Argument(help="The tip's id (shown in plans and lists).", metavar="ID")
    ],
    fmt: TipsFormat = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show one tip in full, with where it comes from."""
    from iepprep.render.views import TipView

    view = TipView(library_for(ctx).tip(tip_id))
    emit(ctx, fmt, output, formats.TIPS, lambda r: r.tip(view))

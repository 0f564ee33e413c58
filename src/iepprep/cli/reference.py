"""Know the words and the rights: glossary and rights."""

from typing import Annotated

import typer

from iepprep.cli.app import (
    AnswersOption,
    ForceOption,
    OutputOption,
    app,
    examples,
    format_option,
    friendly_errors,
)
from iepprep.cli.family import profile_for_reading
from iepprep.cli.output import emit, pick_format
from iepprep.core.i18n.messages import _
from iepprep.errors import ExitCode, InputError
from iepprep.render import formats
from iepprep.render.formats import Format

# --------------------------------------------------------------- words and rights


@app.command(rich_help_panel="Words and rights", epilog=examples("iepprep glossary fape"))
@friendly_errors
def glossary(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            help="A word or acronym to explain (leave out to list them all).",
            metavar="WORDS",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str | None, format_option(formats.GLOSSARY.formats)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Explain IEP words and acronyms in plain language."""
    from iepprep.core.content.reference import load_glossary
    from iepprep.errors import NotFoundError
    from iepprep.render.views import GlossaryView

    book = load_glossary()
    chosen_format = pick_format(fmt, output)
    if not words:
        entries = sorted(book.terms, key=lambda e: e.term.lower())
        listing = GlossaryView(entries, single=False)
        emit(ctx, chosen_format, output, formats.GLOSSARY, lambda r: r.glossary(listing))
        return
    query = " ".join(words)
    entry = book.find(query)
    if entry is None:
        suggestions = book.suggestions(query)
        if chosen_format is Format.TEXT and output is None:
            _not_in_glossary(ctx, query, suggestions)
            raise typer.Exit(int(ExitCode.NOT_FOUND))
        hint = _("Closest: {words}").format(words=", ".join(suggestions)) if suggestions else None
        raise NotFoundError(
            _("\u201c{query}\u201d is not in the glossary.").format(query=query), hint=hint
        )
    view = GlossaryView([entry], single=True)
    emit(ctx, chosen_format, output, formats.GLOSSARY, lambda r: r.glossary(view))


def _not_in_glossary(ctx: typer.Context, query: str, suggestions: list[str]) -> None:
    """On the screen: the closest words, on standard output, as a helpful answer."""
    from iepprep.cli.app import settings_of
    from iepprep.render import console as consoles
    from iepprep.render.base import Screen
    from iepprep.render.text import TextRenderer

    plain = settings_of(ctx).plain
    console = consoles.stdout_console(plain=plain)
    screen: Screen = TextRenderer(consoles.text_options(console, plain=plain)).not_in_glossary(
        query, suggestions
    )
    console.print(*screen.items, soft_wrap=True)


@app.command(
    rich_help_panel="Words and rights",
    epilog=examples("iepprep rights --state CA --format markdown"),
)
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
    fmt: Annotated[str | None, format_option(formats.RIGHTS.formats)] = None,
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
    from iepprep.render.views import RightsView

    if state is not None:
        profile = validate(Profile, {"state": state}, name="--state", error=InputError)
    else:
        profile, _ = profile_for_reading(ctx, answers)
    view = RightsView(load_rights(), state_notes(profile, load_states()))
    emit(ctx, fmt, output, formats.RIGHTS, lambda r: r.rights(view))

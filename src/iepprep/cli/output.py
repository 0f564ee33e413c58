"""Writing a result in the chosen format, to the screen or to --output FILE."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from iepprep.cli.app import info, settings_of
from iepprep.core.i18n.messages import _
from iepprep.errors import InputError
from iepprep.render.base import Output, Paper, RenderOptions, Screen
from iepprep.render.formats import BINARY, SUFFIXES, Format, Registry

if TYPE_CHECKING:
    from iepprep.render.base import TextOptions

R = TypeVar("R")


def pick_format(fmt: str | None, output: Path | None) -> Format:
    """--format, else the one --output's extension names, else text."""
    if fmt is not None:
        return Format(fmt.lower())
    if output is None or not output.suffix:
        return Format.TEXT
    picked = SUFFIXES.get(output.suffix.lower())
    if picked is None:
        known = ", ".join(sorted(SUFFIXES))
        raise InputError(
            _("iepprep cannot tell which format {suffix} is; it writes {known}.").format(
                suffix=repr(output.suffix), known=known
            ),
            hint=_(
                "Choose one with --format (for example --format text), "
                "or use one of those extensions."
            ),
        )
    return picked


def emit(
    ctx: typer.Context,
    fmt: str | Format | None,
    output: Path | None,
    registry: Registry[R],
    draw: Callable[[R], Output],
    *,
    paper: Paper = "letter",
) -> None:
    """Write one screen in the chosen format, to the screen or to --output.

    `registry` says which formats the screen has; `draw` asks the chosen format's
    renderer for the screen (`lambda r: r.plan(view)`), so a misspelt method is a
    type error, not a crash in front of a parent."""
    chosen = pick_format(fmt, output)
    if chosen not in registry.makers:
        offered = ", ".join(f.value for f in registry.formats)
        raise InputError(
            _("This command cannot write {format}; it can write {offered}.").format(
                format=chosen.value, offered=offered
            )
        )
    if chosen in BINARY and output is None and not ctx.meta.get("output_to_stdout"):
        raise InputError(
            _("A {format} file needs a name: add --output FILE.{suffix}").format(
                format=chosen.value.upper(), suffix=chosen.value
            )
        )
    if chosen is Format.TEXT:
        _emit_text(ctx, output, registry, draw)
        return
    content = draw(registry.renderer(chosen, RenderOptions(paper=paper)))
    assert not isinstance(content, Screen)
    if output is None:
        if isinstance(content, bytes):
            import sys

            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
            return
        typer.echo(content, nl=False)
    else:
        _write(ctx, output, content)


def _emit_text(
    ctx: typer.Context, output: Path | None, registry: Registry[R], draw: Callable[[R], Output]
) -> None:
    """Text: laid out for the console it goes to, and printed by Rich in one call."""
    import io

    from iepprep.render import console as consoles

    plain = settings_of(ctx).plain
    buffer = io.StringIO()
    console = (
        consoles.stdout_console(plain=plain) if output is None else consoles.file_console(buffer)
    )
    options = RenderOptions(text=consoles.text_options(console, plain=plain))
    screen = draw(registry.renderer(Format.TEXT, options))
    assert isinstance(screen, Screen)
    if screen.items:
        console.print(*screen.items, soft_wrap=True)
    if output is not None:
        _write(ctx, output, buffer.getvalue())


def input_files(ctx: typer.Context) -> list[Path]:
    """The files this command reads (its path options and arguments, --tips files)."""
    from iepprep.cli.app import settings_of

    found = [
        value for name, value in ctx.params.items() if isinstance(value, Path) and name != "output"
    ]
    found += [Path(value) for name, value in ctx.params.items() if name == "draft" and value]
    return found + list(settings_of(ctx).tips_files)


def _write(ctx: typer.Context, output: Path, content: str | bytes) -> None:
    from iepprep.core.storage.exports import write_output_file

    write_output_file(output, content, force=bool(ctx.params.get("force")), inputs=input_files(ctx))
    info(_("Wrote {file}").format(file=output))
    for note in getattr(content, "notes", ()):  # e.g. a PDF's characters no font had
        info(note)


def emit_report(
    ctx: typer.Context,
    fmt: str | Format | None,
    output: Path | None,
    *,
    command: str,
    text: Callable[[TextOptions], None],
    files: dict[Format, Callable[[], str | bytes]],
) -> None:
    """Write a report that is not one of the registry's screens (deadlines, a draft
    check): `text(options)` prints it with Rich; `files` make the other formats."""
    chosen = pick_format(fmt, output)
    content: str | bytes
    if chosen is Format.TEXT:
        import io

        from iepprep.render.console import file_console, stdout_console, text_options

        plain = settings_of(ctx).plain
        if output is None:
            text(text_options(stdout_console(plain=plain), plain=plain))
            return
        buffer = io.StringIO()
        text(text_options(file_console(buffer), plain=True))
        content = buffer.getvalue()
    elif chosen in files:
        content = files[chosen]()
    else:
        offered = ", ".join(f.value for f in [Format.TEXT, *files])
        raise InputError(
            _("iepprep {command} cannot write {format}; it can write {formats}.").format(
                command=command, format=chosen.value, formats=offered
            )
        )
    if output is None:
        typer.echo(content.decode() if isinstance(content, bytes) else content, nl=False)
        return
    _write(ctx, output, content)

"""Writing a result in the chosen format, to the screen or to --output FILE."""

from pathlib import Path
from typing import Any

import typer

from iepprep.cli.app import BINARY_FORMATS, SUFFIX_FORMATS, Format, info, settings_of
from iepprep.errors import InputError


def _pick_format(fmt: Format | None, output: Path | None) -> Format:
    if fmt is not None:
        return fmt
    if output is None or not output.suffix:
        return Format.TEXT
    picked = SUFFIX_FORMATS.get(output.suffix.lower())
    if picked is None:
        known = ", ".join(sorted(SUFFIX_FORMATS))
        raise InputError(
            f"iepprep cannot tell which format {output.suffix!r} is; it writes {known}.",
            hint="Choose one with --format (for example --format text), "
            "or use one of those extensions.",
        )
    return picked


def _emit(
    ctx: typer.Context, fmt: Format | None, output: Path | None, build: dict[Format, Any]
) -> None:
    """Write one result in the chosen format (or the one --output's extension names),
    to the screen or to --output. `build` maps each format the command offers to a
    function making it: text ones get a renderer, the others return the content."""
    settings = settings_of(ctx)
    force = bool(ctx.params.get("force"))
    fmt = _pick_format(fmt, output)
    if fmt not in build:
        offered = ", ".join(f.value for f in build)
        raise InputError(f"This command cannot write {fmt.value}; it can write {offered}.")
    if fmt in BINARY_FORMATS and output is None and not ctx.meta.get("output_to_stdout"):
        raise InputError(
            f"A {fmt.value.upper()} file needs a name: add --output FILE.{fmt.value}",
        )
    producer = build[fmt]
    if fmt is Format.TEXT:
        import sys

        from iepprep.render import terminal
        from iepprep.render.text import ReferenceRenderer

        plain = terminal.plain_requested(settings.plain)
        if output is None:
            console = terminal.console_for(sys.stdout, plain=plain)
            on_terminal = terminal.is_terminal(sys.stdout) or isinstance(
                console, terminal.AnsiConsole
            )
            renderer = ReferenceRenderer(console, plain=plain, on_terminal=on_terminal)
            producer(renderer)
            renderer.flush()
            return
        import io

        buffer = io.StringIO()
        renderer = ReferenceRenderer(terminal.PlainConsole(buffer, width=80), plain=plain)
        producer(renderer)
        renderer.flush()
        content: str | bytes = buffer.getvalue()
    else:
        content = producer()
    if output is None:
        if isinstance(content, bytes):
            import sys

            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
            return
        typer.echo(content, nl=False)
    else:
        from iepprep.core.storage.exports import write_output_file

        write_output_file(output, content, force=force)
        info(f"Wrote {output}")
        for note in getattr(content, "notes", ()):  # e.g. a PDF's characters no font had
            info(note)


def _markdown() -> Any:
    from iepprep.render import markdown

    return markdown


def _jsondata() -> Any:
    from iepprep.render import jsondata

    return jsondata


def _html() -> Any:
    from iepprep.render import html

    return html


def _pdf() -> Any:
    from iepprep.render import pdf

    return pdf


def _ics() -> Any:
    from iepprep.render import ics

    return ics

"""Make docs/plan.svg, the screenshot in the README: the example plan as a colour
terminal shows it, drawn by Rich's own SVG export.

    IEPPREP_TODAY=2026-11-27 .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from rich.console import Console
from rich.text import Text

from iepprep.core.content.library import load_library
from iepprep.core.content.reference import load_glossary, load_states
from iepprep.core.planning.answers import example_profile
from iepprep.core.planning.planner import make_plan
from iepprep.render.base import RenderOptions
from iepprep.render.console import THEME, text_options
from iepprep.render.formats import PLAN, Format
from iepprep.render.views import plan_view

LINES = 46  # the meeting facts, the first phase and the start of the next
WIDTH = 80


def main() -> None:
    import datetime as dt

    today = dt.date.fromisoformat(os.environ.get("IEPPREP_TODAY", "2026-11-27"))
    plan = make_plan(
        example_profile(),
        load_library(),
        today=today,
        glossary=load_glossary(),
        states=load_states(),
    )
    buffer = io.StringIO()
    screen_console = Console(
        file=buffer, width=WIDTH, force_terminal=True, color_system="truecolor", theme=THEME
    )
    renderer = PLAN.renderer(Format.TEXT, RenderOptions(text=text_options(screen_console)))
    screen = renderer.plan(plan_view(plan))
    screen_console.print(*screen.items, soft_wrap=True)
    shown = "\n".join(buffer.getvalue().splitlines()[:LINES]) + "\n  …"
    recorder = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True)
    recorder.print(Text.from_ansi(shown), soft_wrap=True)
    target = Path(__file__).with_name("plan.svg")
    svg = recorder.export_svg(title="iepprep plan --example")
    # The fonts are the reader's own (local), never fetched from the network.
    svg = re.sub(r',\s*url\("https://[^"]+"\) format\("woff2?"\)', "", svg)
    target.write_text(svg, encoding="utf-8")
    print(f"Wrote {target}")


if __name__ == "__main__":
    main()

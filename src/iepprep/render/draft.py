"""A draft check laid out for the screen (Rich), Markdown and JSON.

Findings are grouped the way a parent reads an IEP (goals, services, wording, missing
parts, changes since last year), each with the line it is about and the question to
ask. Every layout says what was checked and that it cannot judge whether the goals
are right for the child.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from iepprep.core.draft.models import DraftReport, Finding

SECTION_TITLES = {
    "goals": "Goals",
    "services": "Services",
    "wording": "Wording to pin down",
    "sections": "Parts the draft does not have",
    "compared": "Compared with last year",
}
LIMITS = (
    "iepprep checks the draft's form, not its substance: it cannot tell whether these "
    "goals and services are right for your child. You and the team decide that. "
    "Not legal advice."
)
PRIVACY = "The draft was read on this computer only; nothing from it was saved."


def grouped(report: DraftReport) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.section, []).append(finding)
    return [(SECTION_TITLES[key], groups[key]) for key in SECTION_TITLES if key in groups]


def summary(report: DraftReport) -> str:
    count = len(report.findings)
    found = f"{len(report.goals)} goal{'s' if len(report.goals) != 1 else ''} and " + (
        f"{len(report.services)} service{'s' if len(report.services) != 1 else ''}"
    )
    if not count:
        return f"Found {found}. Nothing to flag in what iepprep checks."
    return f"Found {found}. {count} thing{'s' if count != 1 else ''} to ask about."


MISSING_WORDS = {
    "goal-no-baseline": "where your child starts (a baseline)",
    "goal-no-criterion": "a number to reach",
    "goal-no-timeframe": "a date",
    "goal-no-measurement": "how progress is measured",
    "service-no-frequency": "how often",
    "service-no-duration": "how long",
    "service-no-location": "where",
    "service-no-start": "a start date",
}


def items(findings: list[Finding]) -> list[tuple[Finding, list[Finding]]]:
    """Findings about the same line of the draft, together: one entry per goal or service."""
    by_quote: dict[tuple[str, int | None], list[Finding]] = {}
    for finding in findings:
        by_quote.setdefault((finding.quote, finding.page), []).append(finding)
    return [(group[0], group) for group in by_quote.values()]


def print_text(report: DraftReport, console: Console, *, plain: bool, saved_to: int | None) -> None:
    from rich.table import Table
    from rich.text import Text

    quiet = "" if plain else "dim"
    title = f"Draft check: {report.source}"
    if report.previous:
        title += f", compared with {report.previous}"
    console.print(Text(title, style="bold"))
    console.print(Text(summary(report)))
    number = 0
    explained: dict[str, str] = {}
    for heading, findings in grouped(report):
        console.print()
        if plain:
            console.print(Text(heading + ":"))
        else:
            console.rule(Text(heading, style="bold cyan"), align="left", characters="─")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column()
        for first, group in items(findings):
            number += 1
            where = f" (page {first.page})" if first.page else ""
            body = Text(f"“{first.quote}”{where}")
            missing = [MISSING_WORDS[f.kind] for f in group if f.kind in MISSING_WORDS]
            if missing:
                body.append(
                    "\nMissing: " + ", ".join(missing) + ".", style="bold" if not plain else ""
                )
            else:
                messages = dict.fromkeys(f.message for f in group)  # each said once
                body.append("\n" + " ".join(messages), style=quiet)
            for finding in group:
                body.append(f"\nAsk: {finding.question}")
                explained.setdefault(finding.kind, finding.message)
            grid.add_row(Text(f"{number}."), body)
            grid.add_row("", "")
        console.print(grid)
    if any(kind in MISSING_WORDS for kind in explained):
        console.print(Text("Why it matters", style="bold"))
        for kind, message in explained.items():
            if kind in MISSING_WORDS:
                console.print(Text(f"  {MISSING_WORDS[kind].capitalize()}: {message}", style=quiet))
        console.print()
    console.print(Text("What was checked", style="bold"))
    for item in report.checked:
        console.print(Text(f"  - {item}"))
    for item in report.not_checked:
        console.print(Text(f"  Not checked: {item}", style="" if plain else "yellow"))
    if saved_to is not None:
        console.print(
            Text(
                f"The questions were added to plan {saved_to}: see them with "
                "iepprep questions, and in iepprep review.",
                style="" if plain else "green",
            )
        )
    else:
        console.print(Text(PRIVACY, style=quiet))
    console.print(Text(LIMITS, style="" if plain else "dim italic"))


def as_json(report: DraftReport) -> str:
    data = {
        "source": report.source,
        "previous": report.previous,
        "findings": [
            f.model_dump(include={"kind", "quote", "message", "question", "page", "section"})
            for f in report.findings
        ],
        "goals": [g.model_dump() for g in report.goals],
        "services": [s.model_dump() for s in report.services],
        "checked": report.checked,
        "not_checked": report.not_checked,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_markdown(report: DraftReport) -> str:
    from iepprep.render.markdown import escape

    out = [f"# Draft check: {escape(report.source)}", "", escape(summary(report)), ""]
    for heading, findings in grouped(report):
        out += [f"## {escape(heading)}", ""]
        for finding in findings:
            where = f" (page {finding.page})" if finding.page else ""
            out.append(f"- [ ] > {escape(finding.quote)}{where}")
            out.append(f"  - **Why:** {escape(finding.message)}")
            out.append(f"  - **Ask:** {escape(finding.question)}")
        out.append("")
    out += ["## What was checked", ""]
    out += [f"- {escape(item)}" for item in report.checked]
    out += [f"- *Not checked:* {escape(item)}" for item in report.not_checked]
    out += ["", f"> {escape(LIMITS)}", ""]
    return "\n".join(out)

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
    from iepprep.core.draft.models import DraftReport, Finding
    from iepprep.render.base import TextOptions

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


def print_text(report: DraftReport, options: TextOptions, *, saved_to: int | None) -> None:
    """One entry per goal or service: the line quoted, what is missing, what to ask."""
    from iepprep.render.text.layout import Layout, styled

    layout = Layout(options)
    title = f"Draft check: {report.source}"
    if report.previous:
        title += f", compared with {report.previous}"
    layout.line(layout.text(title, "title"))
    layout.paragraph(summary(report))
    number = 0
    explained: dict[str, str] = {}
    for heading, findings in grouped(report):
        layout.heading(heading)
        for first, group in items(findings):
            number += 1
            where = f" (page {first.page})" if first.page else ""
            layout.hanging(
                styled(f"{number}. ", layout.style("number")),
                layout.text(f"\u201c{first.quote}\u201d{where}"),
            )
            missing = [MISSING_WORDS[f.kind] for f in group if f.kind in MISSING_WORDS]
            indent = " " * (len(str(number)) + 2)
            if missing:
                layout.hanging(
                    indent, styled("Missing: " + ", ".join(missing) + ".", layout.style("item"))
                )
            else:
                messages = dict.fromkeys(f.message for f in group)  # each said once
                layout.hanging(indent, styled(" ".join(messages), layout.style("muted")))
            for finding in group:
                layout.hanging(indent, layout.text(f"Ask: {finding.question}"))
                explained.setdefault(finding.kind, finding.message)
            layout.blank()
    if any(kind in MISSING_WORDS for kind in explained):
        layout.heading("Why it matters")
        for kind, message in explained.items():
            if kind in MISSING_WORDS:
                layout.hanging("  ", styled(f"{MISSING_WORDS[kind].capitalize()}: {message}"))
    layout.heading("What was checked")
    for item in report.checked:
        layout.hanging("  - ", styled(item))
    for item in report.not_checked:
        layout.hanging("  ", styled(f"Not checked: {item}", layout.style("notice")))
    layout.blank()
    if saved_to is not None:
        layout.paragraph(
            f"The questions were added to plan {saved_to}: see them with "
            "iepprep questions, and in iepprep review."
        )
    else:
        layout.paragraph(PRIVACY, "muted")
    layout.legal(LIMITS)
    options.console.print(*layout.screen().items, soft_wrap=True)  # type: ignore[attr-defined]


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

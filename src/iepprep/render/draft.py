"""A draft check laid out for the screen (Rich), Markdown and JSON.

Findings are grouped the way a parent reads an IEP (goals, services, wording, missing
parts, changes since last year), each with the line it is about and the question to
ask. Every layout says what was checked and that it cannot judge whether the goals
are right for the child.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from iepprep.core.i18n.messages import N_, _, ngettext

if TYPE_CHECKING:
    from iepprep.core.draft.models import DraftReport, Finding
    from iepprep.render.base import TextOptions

# Translated with `_()` where they are shown, so the run's language applies.
SECTION_TITLES = {
    "goals": N_("Goals"),
    "services": N_("Services"),
    "wording": N_("Wording to pin down"),
    "sections": N_("Parts the draft does not have"),
    "compared": N_("Compared with last year"),
}


def limits() -> str:
    """What the check cannot do, and the not-legal-advice line, under every layout."""
    return _(
        "iepprep checks the draft's form, not its substance: it cannot tell whether these "
        "goals and services are right for your child. You and the team decide that. "
        "Not legal advice."
    )


def privacy() -> str:
    return _("The draft was read on this computer only; nothing from it was saved.")


def grouped(report: DraftReport) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.section, []).append(finding)
    return [(_(SECTION_TITLES[key]), groups[key]) for key in SECTION_TITLES if key in groups]


def summary(report: DraftReport) -> str:
    count = len(report.findings)
    goals = ngettext("{count} goal", "{count} goals", len(report.goals)).format(
        count=len(report.goals)
    )
    services = ngettext("{count} service", "{count} services", len(report.services)).format(
        count=len(report.services)
    )
    if not count:
        return _("Found {goals} and {services}. Nothing to flag in what iepprep checks.").format(
            goals=goals, services=services
        )
    return ngettext(
        "Found {goals} and {services}. {count} thing to ask about.",
        "Found {goals} and {services}. {count} things to ask about.",
        count,
    ).format(goals=goals, services=services, count=count)


MISSING_WORDS = {
    "goal-no-baseline": N_("where your child starts (a baseline)"),
    "goal-no-criterion": N_("a number to reach"),
    "goal-no-timeframe": N_("a date"),
    "goal-no-measurement": N_("how progress is measured"),
    "service-no-frequency": N_("how often"),
    "service-no-duration": N_("how long"),
    "service-no-location": N_("where"),
    "service-no-start": N_("a start date"),
}


def page_words(page: int | None) -> str:
    return " " + _("(page {page})").format(page=page) if page else ""


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
    title = _("Draft check: {file}").format(file=report.source)
    if report.previous:
        title = _("Draft check: {file}, compared with {previous}").format(
            file=report.source, previous=report.previous
        )
    layout.line(layout.text(title, "title"))
    layout.paragraph(summary(report))
    number = 0
    explained: dict[str, str] = {}
    for heading, findings in grouped(report):
        layout.heading(heading)
        for first, group in items(findings):
            number += 1
            where = page_words(first.page)
            layout.hanging(
                styled(f"{number}. ", layout.style("number")),
                layout.text(f"\u201c{first.quote}\u201d{where}"),
            )
            missing = [_(MISSING_WORDS[f.kind]) for f in group if f.kind in MISSING_WORDS]
            indent = " " * (len(str(number)) + 2)
            if missing:
                layout.hanging(
                    indent,
                    styled(
                        _("Missing: {what}.").format(what=", ".join(missing)),
                        layout.style("item"),
                    ),
                )
            else:
                messages = dict.fromkeys(f.message for f in group)  # each said once
                layout.hanging(indent, styled(" ".join(messages), layout.style("muted")))
            for finding in group:
                layout.hanging(
                    indent, layout.text(_("Ask: {question}").format(question=finding.question))
                )
                explained.setdefault(finding.kind, finding.message)
            layout.blank()
    if any(kind in MISSING_WORDS for kind in explained):
        layout.heading(_("Why it matters"))
        for kind, message in explained.items():
            if kind in MISSING_WORDS:
                what = _(MISSING_WORDS[kind])
                layout.hanging("  ", styled(f"{what[:1].upper()}{what[1:]}: {message}"))
    layout.heading(_("What was checked"))
    for item in report.checked:
        layout.hanging("  - ", styled(item))
    for item in report.not_checked:
        layout.hanging(
            "  ", styled(_("Not checked: {what}").format(what=item), layout.style("notice"))
        )
    layout.blank()
    if saved_to is not None:
        layout.paragraph(
            _(
                "The questions were added to plan {number}: see them with "
                "iepprep questions, and in iepprep review."
            ).format(number=saved_to)
        )
    else:
        layout.paragraph(privacy(), "muted")
    layout.legal(limits())
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

    title = _("Draft check: {file}").format(file=report.source)
    out = [f"# {escape(title)}", "", escape(summary(report)), ""]
    why, ask, not_checked = _("Why:"), _("Ask:"), _("Not checked:")
    for heading, findings in grouped(report):
        out += [f"## {escape(heading)}", ""]
        for finding in findings:
            where = page_words(finding.page)
            out.append(f"- [ ] > {escape(finding.quote)}{where}")
            out.append(f"  - **{escape(why)}** {escape(finding.message)}")
            out.append(f"  - **{escape(ask)}** {escape(finding.question)}")
        out.append("")
    out += [f"## {escape(_('What was checked'))}", ""]
    out += [f"- {escape(item)}" for item in report.checked]
    out += [f"- *{escape(not_checked)}* {escape(item)}" for item in report.not_checked]
    out += ["", f"> {escape(limits())}", ""]
    return "\n".join(out)

"""Markdown output: task-list checkboxes, a heading per phase and topic.

Reads well on GitHub and in note apps. User text is escaped so a name like
`<script>` or `**x**` shows as typed and cannot break the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from iepprep.core.content import Phase, Tip
from iepprep.core.plan import ChecklistItem, Plan, PlanQuestion
from iepprep.core.search import TipHit
from iepprep.render import wording
from iepprep.render.safety import one_line

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape(text: str) -> str:
    """Markdown- and HTML-safe inline text, on one line."""
    flat = one_line(text).replace("&", "&amp;").replace("<", "&lt;")
    return _SPECIAL.sub(r"\\\1", flat)


def plan(plan: Plan, *, parts: Sequence[str] = ("checklist", "questions")) -> str:
    out: list[str] = [f"# {escape(wording.plan_title(plan))}", ""]
    for name, value in wording.header_lines(plan):
        out.append(f"- **{escape(name)}:** {escape(value)}")
    out.append("")
    for notice in plan.notices:
        out += [f"> **Note:** {escape(notice)}", ""]
    if "checklist" in parts:
        for phase in Phase:
            out += checklist_section(plan, phase)
    if "questions" in parts:
        out += questions_section(plan.questions)
    out += footer()
    return "\n".join(out).rstrip() + "\n"


def checklist_section(plan: Plan, phase: Phase, level: int = 2) -> list[str]:
    items = plan.phase(phase)
    if not items:
        return []
    out = [f"{'#' * level} {wording.phase_title(phase)}", ""]
    for item in items:
        out += checklist_item(item, plan)
    out.append("")
    return out


def checklist_item(item: ChecklistItem, plan: Plan) -> list[str]:
    due = wording.due_text(item, plan)
    line = f"- [ ] **{escape(item.text)}**" + (f" ({escape(due)})" if due else "")
    return [
        line + "  ",
        f"  {escape(item.why)}  ",
        f"  _{escape(' · '.join(wording.source_bits(item)))}_",
    ]


def questions_section(questions: Sequence[PlanQuestion], level: int = 2) -> list[str]:
    if not questions:
        return []
    out = [f"{'#' * level} Questions to ask", ""]
    topic = None
    for number, question in enumerate(questions, start=1):
        if question.topic != topic:
            if topic is not None:
                out.append("")
            topic = question.topic
            out += [f"{'#' * (level + 1)} {escape(question.topic_title)}", ""]
        out.append(f"{number}. {escape(question.text)}")
    out.append("")
    return out


def footer() -> list[str]:
    return ["---", "", escape(wording.SOURCES_NOTE), "", f"**{escape(wording.NOT_LEGAL_ADVICE)}**"]


def checklist_only(plan: Plan, phases: Sequence[Phase]) -> str:
    out = [f"# {escape(wording.plan_title(plan))}: checklist", ""]
    for notice in plan.notices:
        out += [f"> **Note:** {escape(notice)}", ""]
    for phase in phases:
        out += checklist_section(plan, phase)
    return "\n".join(out + footer()).rstrip() + "\n"


def questions_only(plan: Plan, questions: Sequence[PlanQuestion]) -> str:
    out = [f"# {escape(wording.plan_title(plan))}: questions", ""]
    out += questions_section(questions)
    return "\n".join(out + footer()).rstrip() + "\n"


def tips(tips: Sequence[Tip], *, title: str = "Tips") -> str:
    out = [f"# {escape(title)}", ""]
    for tip in tips:
        out += tip_block(tip)
    return "\n".join(out).rstrip() + "\n"


def tip_block(tip: Tip, score: float | None = None) -> list[str]:
    meta = [wording.phase_title(tip.phase).lower(), ", ".join(tip.topics), f"id {tip.id}"]
    if score is not None:
        meta.append(f"score {score:.2f}")
    source = ("from parents: " if tip.source.kind == "article" else "added: ") + tip.source.where
    return [
        f"## {escape(tip.title)}",
        "",
        escape(tip.body),
        "",
        f"_{escape(' · '.join(meta))}_  ",
        f"_Why: {escape(tip.why)}_  ",
        f"_Source: {escape(source)}_",
        "",
    ]


def search_results(query: str, hits: Sequence[TipHit]) -> str:
    out = [f"# Tips for \u201c{escape(query)}\u201d", ""]
    for hit in hits:
        out += tip_block(hit.tip, hit.score)
    if not hits:
        out.append("No tips found.")
    return "\n".join(out).rstrip() + "\n"

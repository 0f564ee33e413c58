"""Markdown output: task-list checkboxes, a heading per phase and topic.

Reads well on GitHub and in note apps. User text is escaped so a name like
`<script>` or `**x**` shows as typed and cannot break the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iepprep.core.common.safety import one_line
from iepprep.core.content.models import Phase, Tip
from iepprep.core.content.reference import GlossaryTerm, Right
from iepprep.core.planning.plan import ChecklistItem, Plan, PlanQuestion, PlanWord, StateNotes
from iepprep.core.search.tips import TipHit
from iepprep.render import wording

if TYPE_CHECKING:
    from iepprep.core.meeting.live import Note
    from iepprep.core.meeting.review import Review

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
    out += words_section(plan.words)
    if plan.state:
        out += state_section(plan.state)
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
    if intro := wording.questions_intro(len(questions)):
        out += [escape(intro), ""]
    topic = None
    last = 0
    for question in questions:
        if question.topic != topic:
            if topic is not None:
                out.append("")
            topic = question.topic
            out += [f"{'#' * (level + 1)} {escape(question.topic_title)}", ""]
        elif question.number != last + 1:
            # Viewers number a list on from its first item: start a new list at a gap,
            # so an open question keeps the number it has in the plan.
            out += ["", "<!-- -->", ""]
        out.append(f"{question.number}. {escape(question.text)}")
        last = question.number
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


def words_section(words: Sequence[PlanWord]) -> list[str]:
    if not words:
        return []
    out = ["## Words you may hear", ""]
    for word in words:
        name = escape(word.term) + (f" ({escape(word.expansion)})" if word.expansion else "")
        out.append(f"- **{name}**: {escape(word.definition)}")
    return [*out, ""]


def state_section(state: StateNotes, level: int = 2) -> list[str]:
    out = [f"{'#' * level} In {escape(state.name)}", ""]
    if not state.known:
        out.append(
            escape(
                f"We have no notes for {state.name} yet, so we won't guess. Read your "
                "state's procedural safeguards notice, or ask your state's parent center "
                f"({wording.PARENT_CENTER_URL})."
            )
        )
        return [*out, ""]
    if state.meeting_name:
        out.append(f"- The meeting is called: {escape(state.meeting_name)}.")
    for note in state.notes:
        checked = f"checked {note['checked']}" if note.get("checked") else None
        where = " · ".join(x for x in (note.get("citation"), note.get("source"), checked) if x)
        out.append(f"- {escape(note['text'] or '')} _({escape(where)})_")
    return [*out, "", f"_{escape(wording.VERIFY_STATE)}_", ""]


def glossary(entries: Sequence[GlossaryTerm], title: str = "Glossary") -> str:
    out = [f"# {escape(title)}", ""]
    for entry in entries:
        out += [f"## {escape(entry.heading)}", "", escape(entry.definition), ""]
        if entry.example:
            out += [f"_Example: {escape(entry.example)}_", ""]
        extras = []
        if entry.see_also:
            extras.append("See also: " + ", ".join(map(escape, entry.see_also)))
        if entry.citation:
            extras.append("Law: " + escape(entry.citation))
        if entry.source:
            extras.append(f"Source: <{entry.source}>")
        if extras:
            out += ["  \n".join(extras), ""]
    return "\n".join(out).rstrip() + "\n"


def rights(rights: Sequence[Right], state: StateNotes | None) -> str:
    out = ["# Your key rights under IDEA", "", escape(wording.RIGHTS_INTRO), ""]
    for right in rights:
        out += [
            f"## {escape(right.title)}",
            "",
            escape(right.text),
            "",
            f"_{escape(right.citation)}_",
        ]
        if right.varies_by_state and right.state_note:
            out[-1] += f"  \n_Varies by state: {escape(right.state_note)}_"
        out.append("")
    if state:
        out += state_section(state)
    out += ["---", "", f"**{escape(wording.NOT_LEGAL_ADVICE)}**"]
    return "\n".join(out).rstrip() + "\n"


def review(review: Review) -> str:
    plan = review.plan
    out = [f"# {escape(wording.plan_title(plan))}: after the meeting", ""]
    out += checklist_section(plan, Phase.AFTER)
    out += ["## Questions still open", ""]
    open_questions = review.open_questions
    out += [f"- {escape(q.text)}" for q in open_questions] or ["None."]
    out += ["", "## Your notes", ""]
    out += [f"- {escape(n.text)} _({n.at:%Y-%m-%d %H:%M})_" for n in review.notes] or [
        "No notes yet."
    ]
    out += ["", "## Before you sign", ""]
    for check in review.checks:
        out += [f"- [ ] **{escape(check.text)}**  ", f"  {escape(check.why)}"]
    out.append("")
    return "\n".join(out + footer()).rstrip() + "\n"


def notes(notes: Sequence[Note]) -> str:
    """The meeting notes as a Markdown list, each with when it was written."""
    return "".join(f"- {escape(note.text)} _({note.at:%Y-%m-%d %H:%M})_\n" for note in notes)

"""Markdown output: task-list checkboxes, a heading per phase and topic.

Reads well on GitHub and in note apps. User text is escaped so a name like
`<script>` or `**x**` shows as typed and cannot break the document. Lays out the
view models of `render/views.py`; it decides nothing about what a screen shows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iepprep.core.common.safety import one_line
from iepprep.core.i18n.messages import _
from iepprep.render import wording
from iepprep.render.views import plan_view, questions_section

if TYPE_CHECKING:
    from iepprep.core.content.models import Tip
    from iepprep.core.content.reference import GlossaryTerm
    from iepprep.core.planning.plan import Plan, PlanQuestion, PlanWord, StateNotes
    from iepprep.render.views import (
        GlossaryView,
        LetterView,
        NotesView,
        PhaseSection,
        PlanView,
        QuestionsSection,
        ReviewView,
        RightsView,
        SearchView,
        TipListView,
        TipView,
    )

# Marks that mean something wherever they stand in a line: code, emphasis, a link or
# image ("[" opens both; "]", "(" and "!" are plain text without it), a table cell,
# strikethrough. "_" only at a word's edge: inside a word (draft_iep) it is text.
_ANYWHERE = re.compile(r"([\\`*\[|~])|(?<![^\W_])_|_(?![^\W_])")
# Marks that only mean something at the start of a line: a heading, a list item
# ("- ", "+ ", "1. ", "1) "), a heading's underline ("==="). (">" is written &gt;.)
_LINE_START = re.compile(r"^([#+=\-]|\d{1,9}(?=[.)]))")


def escape(text: str) -> str:
    """Markdown- and HTML-safe inline text, on one line, with a backslash only where
    Markdown would read a mark ("plan --all", "(in 14 days)" stay as written)."""
    flat = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _ANYWHERE.sub(lambda found: "\\" + found.group(0), flat)
    start = _LINE_START.match(flat)
    if start is None:
        return flat
    if start.group(1)[0].isdigit():  # "2026. " would start a numbered list
        end = start.end()
        return flat[:end] + "\\" + flat[end:]
    return "\\" + flat


def _document(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


def legal(text: str) -> list[str]:
    return ["---", "", f"**{escape(text)}**"]


def footer(text: str | None = None) -> list[str]:
    text = wording.NOT_LEGAL_ADVICE if text is None else text  # in the run's language
    return ["---", "", escape(wording.SOURCES_NOTE), "", f"**{escape(text)}**"]


def phase_section(section: PhaseSection, level: int = 2) -> list[str]:
    out = [f"{'#' * level} {section.title}", ""]
    for row in section.rows:
        due = f" ({escape(row.due)})" if row.due else ""
        out += [
            f"- [ ] **{escape(row.item.text)}**{due}  ",
            f"  {escape(row.item.why)}  ",
            f"  _{escape(' · '.join(row.source))}_",
        ]
    out.append("")
    return out


def questions_lines(section: QuestionsSection | None, level: int = 2) -> list[str]:
    if section is None or not section.groups:
        return []
    out = [f"{'#' * level} {_('Questions to ask')}", ""]
    if section.intro:
        out += [escape(section.intro), ""]
    for number, group in enumerate(section.groups):
        if number:
            out.append("")
        out += [f"{'#' * (level + 1)} {escape(group.title)}", ""]
        last = group.questions[0].number - 1
        for question in group.questions:
            if question.number != last + 1:
                # Viewers number a list on from its first item: start a new list at a
                # gap, so an open question keeps the number it has in the plan.
                out += ["", "<!-- -->", ""]
            out.append(f"{question.number}. {escape(question.text)}")
            last = question.number
    out.append("")
    return out


def words_section(words: Sequence[PlanWord]) -> list[str]:
    if not words:
        return []
    out = [f"## {_('Words you may hear')}", ""]
    for word in words:
        name = escape(word.term) + (f" ({escape(word.expansion)})" if word.expansion else "")
        out.append(f"- **{name}**: {escape(word.definition)}")
    return [*out, ""]


def state_section(state: StateNotes, level: int = 2) -> list[str]:
    out = [f"{'#' * level} {escape(_('In {state}').format(state=state.name))}", ""]
    if not state.known:
        out.append(escape(wording.no_state_notes(state.name)))
        return [*out, ""]
    if state.meeting_name:
        out.append(f"- {escape(wording.meeting_called(state.meeting_name))}")
    for note in state.notes:
        checked = wording.checked(note.get("checked"))
        where = " · ".join(x for x in (note.get("citation"), note.get("source"), checked) if x)
        out.append(f"- {escape(note['text'] or '')} _({escape(where)})_")
    return [*out, "", f"_{escape(wording.VERIFY_STATE)}_", ""]


def tip_block(tip: Tip, score: float | None = None, *, titled: bool = True) -> list[str]:
    """A tip as Markdown, under its own "##" title unless the page's "#" is already it."""
    meta = [
        wording.phase_title(tip.phase).lower(),
        wording.topic_names(tip.topics),
        wording.tip_id(tip.id),
    ]
    if score is not None:
        meta.append(_("score {score}").format(score=f"{score:.2f}"))
    out = [
        *([f"## {escape(tip.title)}", ""] if titled else []),
        escape(tip.body),
        "",
        f"_{escape(' · '.join(meta))}_  ",
        f"_{escape(_('Why'))}: {escape(tip.why)}_  ",
        f"_{escape(_('Source'))}: {escape(wording.tip_source(tip))}_",
    ]
    if tip.citation:
        out[-1] += f"  \n_{escape(_('Law'))}: {escape(tip.citation)}_"
    return [*out, ""]


def glossary_block(entries: Sequence[GlossaryTerm], level: int = 2) -> list[str]:
    out: list[str] = []
    for entry in entries:
        out += [f"{'#' * level} {escape(entry.heading)}", "", escape(entry.definition), ""]
        if entry.example:
            out += [f"_{escape(_('Example'))}: {escape(entry.example)}_", ""]
        extras = []
        if entry.see_also:
            extras.append(escape(_("See also")) + ": " + ", ".join(map(escape, entry.see_also)))
        if entry.citation:
            extras.append(escape(_("Law")) + ": " + escape(entry.citation))
        if entry.source:
            extras.append(f"{escape(_('Source'))}: <{entry.source}>")
        if entry.varies_by_state:
            extras.append(f"{escape(wording.note_label())}: {escape(_('this differs by state'))}")
        if extras:
            out += ["  \n".join(extras), ""]
    return out


class MarkdownRenderer:
    """Every screen as a Markdown document."""

    def plan(self, view: PlanView) -> str:
        out = [f"# {escape(wording.titled(view.title, view.kind))}", ""]
        if view.kind == "plan":
            for name, value in view.facts:
                out.append(f"- **{escape(name)}:** {escape(value)}")
            out.append("")
        for notice in view.notices:
            out += [f"> **{escape(wording.note_label())}:** {escape(notice)}", ""]
        for section in view.phases:
            out += phase_section(section)
        out += questions_lines(view.questions)
        out += words_section(view.words)
        if view.state:
            out += state_section(view.state)
        return _document(out + footer(view.legal))

    def tip_list(self, view: TipListView) -> str:
        out = [f"# {escape(view.title)}", ""]
        for tip in view.tips:
            out += tip_block(tip)
        return _document(out)

    def tip(self, view: TipView) -> str:
        out = [f"# {escape(view.tip.title)}", "", *tip_block(view.tip, titled=False)]
        if view.legal:
            out += legal(view.legal)
        return _document(out)

    def search(self, view: SearchView) -> str:
        title = _("Tips for \u201c{query}\u201d").format(query=view.query)
        out = [f"# {escape(title)}", ""]
        if view.glossary:
            out += glossary_block(view.glossary)
        if view.results.closest:
            out += [escape(_("No tip answers this exactly. The closest tips:")), ""]
        for hit in view.hits:
            out += tip_block(hit.tip, hit.score)
        if not view.hits:
            out.append(escape(_("No tips found.")))
        return _document(out)

    def glossary(self, view: GlossaryView) -> str:
        title = view.entries[0].term if view.single and view.entries else _("Glossary")
        out = [f"# {escape(title)}", "", *glossary_block(view.entries)]
        return _document(out + legal(view.legal))

    def rights(self, view: RightsView) -> str:
        out = [f"# {escape(wording.rights_title())}", "", escape(view.intro), ""]
        for right in view.rights:
            out += [
                f"## {escape(right.title)}",
                "",
                escape(right.text),
                "",
                f"_{escape(right.citation)}_",
            ]
            if right.varies_by_state and right.state_note:
                note = wording.varies_by_state(right.state_note)
                out[-1] += f"  \n_{escape(note[:1].upper() + note[1:])}_"
            out.append("")
        if view.state:
            out += state_section(view.state)
        return _document(out + legal(view.legal))

    def review(self, view: ReviewView) -> str:
        title = _("{plan}: after the meeting").format(plan=view.plan.title)
        out = [f"# {escape(title)}", ""]
        for section in view.plan.phases:
            out += phase_section(section)
        out += [f"## {escape(wording.questions_still_open())}", ""]
        out += [f"- {escape(q.text)}" for q in view.open_questions] or [escape(_("None."))]
        if view.review.answered:
            out += ["", f"## {escape(wording.answers_you_have())}", ""]
            out += [
                f"- {escape(a.question.text)} **{escape(a.text or wording.answered())}**"
                for a in view.review.answered
            ]
        out += ["", f"## {escape(wording.your_notes())}", ""]
        out += [f"- {escape(n.text)} _({n.at:%Y-%m-%d %H:%M})_" for n in view.notes] or [
            escape(_("No notes yet."))
        ]
        out += ["", f"## {escape(wording.before_you_sign())}", ""]
        for check in view.checks:
            out += [f"- [ ] **{escape(check.text)}**  ", f"  {escape(check.why)}"]
        out.append("")
        return _document(out + footer(view.legal))

    def notes(self, view: NotesView) -> str:
        return "".join(f"- {escape(n.text)} _({n.at:%Y-%m-%d %H:%M})_\n" for n in view.notes)

    def letter(self, view: LetterView) -> str:
        from iepprep.render.letters import lay_out, subject_label

        label = f"**{subject_label(view.letter)}**"
        letter = lay_out(view.letter, subject_label=label, clean=escape)
        return letter + "\n" + "\n".join(legal(view.legal)) + "\n"


# Shortcuts for a plan or a list of questions, without building a view first.


def plan(plan: Plan) -> str:
    return MarkdownRenderer().plan(plan_view(plan))


def questions_section_lines(questions: Sequence[PlanQuestion]) -> list[str]:
    return questions_lines(questions_section(questions))


__all__ = ["MarkdownRenderer", "escape", "plan", "questions_section_lines"]

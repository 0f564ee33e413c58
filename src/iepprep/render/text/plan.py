"""The plan, the checklist and the questions, as text on the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iepprep.core.common.safety import one_line
from iepprep.core.i18n.messages import _
from iepprep.core.planning.priorities import is_worry_reason
from iepprep.render import wording
from iepprep.render.base import Screen
from iepprep.render.text.layout import Layout, styled

if TYPE_CHECKING:
    from iepprep.core.planning.plan import PlanWord, StateNotes
    from iepprep.render.views import ChecklistRow, PhaseSection, PlanView, QuestionsSection


class PlanText(Layout):
    def plan(self, view: PlanView) -> Screen:
        self.plan_header(view)
        for section in view.phases:
            self.phase_section(section)
        if view.questions is not None:
            self.questions(view.questions)
        if view.words:
            self.words(view.words)
        if view.state:
            self.state(view.state)
        self.footer(view.legal)
        return self.screen()

    def plan_header(self, view: PlanView) -> None:
        self.line(self.text(view.title, "title"))
        on_screen = self.options.on_terminal and view.facts_on_screen
        self.facts(view.facts_on_screen if on_screen else view.facts)
        for notice in view.notices:
            self.blank()
            label = wording.note_label() + ": "
            self.hanging(styled(label, self.style("notice")), self.text(notice, "notice"))

    def phase_section(self, section: PhaseSection) -> None:
        self.heading(section.title, f"phase.{section.phase.value}")
        for row in section.rows:
            self.checklist_row(row)

    def checklist_row(self, row: ChecklistRow) -> None:
        line = self.text(row.item.text, "item")
        if row.due:
            line.append(f" ({row.due})", style=self.style("due.urgent" if row.urgent else "due"))
        line.append("\n" + one_line(row.item.why))
        line.append("\n" + self.sep.join(row.source), style=self.style("muted"))
        self.hanging(styled(self.box, self.style("box")), line)

    def questions(self, section: QuestionsSection) -> None:
        if not section.groups:
            return
        self.heading(_("Questions to ask"))
        if section.intro:
            self.paragraph(section.intro)
        for group in section.groups:
            self.blank()
            self.line(self.text(group.title, "topic"))
            for question in group.questions:
                number = styled(f"{question.number:>3}. ", self.style("number"))
                body = self.text(question.text)
                if is_worry_reason(question.reason):  # the plan heard them
                    body.append("\n" + one_line(question.reason), style=self.style("muted"))
                self.hanging(number, body)

    def words(self, words: list[PlanWord]) -> None:
        self.heading(_("Words you may hear"))
        for word in words:
            title = self.text(word.term, "term")
            if word.expansion:
                title.append(f" ({one_line(word.expansion)})")
            self.hanging("", title)
            self.hanging("    ", self.text(word.definition))
        self.line(self.text(_("More words: iepprep glossary"), "muted"))

    def state(self, state: StateNotes) -> None:
        self.heading(_("In {state}").format(state=state.name))
        if not state.known:
            self.hanging(
                "",
                self.linked(wording.no_state_notes(state.name), wording.PARENT_CENTER_URL),
            )
            return
        if state.meeting_name:
            self.hanging("  ", self.text(wording.meeting_called(state.meeting_name)))
        for note in state.notes:
            body = self.text(note["text"] or "")
            source = note.get("source")
            checked = note.get("checked")
            where = self.sep.join(
                x
                for x in (
                    note.get("citation"),
                    wording.site(source) if source else None,
                    wording.checked(checked),
                )
                if x
            )
            body.append("\n")
            body.append(self.link(styled(where, self.style("muted")), source or ""))
            self.hanging("  - ", body)
        self.paragraph(wording.VERIFY_STATE, style="muted")

    def footer(self, legal: str) -> None:
        self.blank()
        self.paragraph(wording.SOURCES_NOTE, style="muted")
        self.legal(legal)

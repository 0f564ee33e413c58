"""After the meeting and saved plans, as text: review, notes, letters, history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from iepprep.core.i18n import dates
from iepprep.core.i18n.messages import _
from iepprep.render import wording
from iepprep.render.base import Screen
from iepprep.render.text.layout import styled
from iepprep.render.text.plan import PlanText
from iepprep.render.views import note_stamp

if TYPE_CHECKING:
    from iepprep.core.meeting.live import Note
    from iepprep.render.views import HistoryView, LetterView, NotesView, ReviewView


class SavedText(PlanText):
    def review(self, view: ReviewView) -> Screen:
        self.plan_header(view.plan)
        for section in view.plan.phases:
            self.phase_section(section)
        self.heading(wording.questions_still_open())
        if view.open_questions:
            for question in view.open_questions:  # in plan order, with the plan's numbers
                number = styled(f"{question.number:>3}. ", self.style("number"))
                self.hanging(number, self.text(question.text))
            self.line(
                self.text(
                    _('Got an answer later? iepprep questions done NUMBER --answer "..."'),
                    "muted",
                )
            )
        else:
            self.line(_("None: every question in your plan has an answer."))
        if view.review.answered:
            self.heading(wording.answers_you_have())
            for given in view.review.answered:
                body = self.text(given.question.text)
                body.append("\n" + (" ".join(given.text.split()) or wording.answered()))
                self.hanging(styled(f"{given.question.number:>3}. ", self.style("number")), body)
        self.heading(wording.your_notes())
        self.note_lines(view.notes)
        self.heading(wording.before_you_sign())
        for check in view.checks:
            body = self.text(check.text, "item")
            body.append("\n" + " ".join(check.why.split()))
            if check.citation:
                body.append("\n" + check.citation, style=self.style("muted"))
            self.hanging(styled(self.box, self.style("box")), body)
        self.footer(view.legal)
        return self.screen()

    def notes(self, view: NotesView) -> Screen:
        self.note_lines(view.notes)
        return self.screen()

    def note_lines(self, notes: list[Note]) -> None:
        if not notes:
            self.line(_('No notes yet. Add one: iepprep notes add "what was said"'))
            return
        for note in notes:
            stamp = styled(f"{note_stamp(note.at)}  ", self.style("muted"))
            self.hanging(stamp, self.text(note.text))

    def letter(self, view: LetterView) -> Screen:
        """A letter: on a terminal, wrapped at words to read; elsewhere (a pipe, a file)
        one line per paragraph, so it pastes into an e-mail as paragraphs."""
        from iepprep.render.letters import text

        for line in text(view.letter).rstrip("\n").split("\n"):
            if self.options.on_terminal and line:
                bullet = "- " if line.startswith("- ") else ""
                self.hanging(bullet, Text(line.removeprefix(bullet)))
            else:
                self.line(line, whole=True)
        if self.options.on_terminal:  # not in a file or a pipe: it is not part of the letter
            self.legal(view.legal)
        return self.screen()

    def history(self, view: HistoryView) -> Screen:
        if view.unfinished is not None:
            self.paragraph(
                _("You have unfinished answers from {when}: iepprep plan picks them up.").format(
                    when=dates.short_moment(view.unfinished)
                )
            )
            self.blank()
        if not view.rows:
            self.line(_("No saved plans yet. Make one: iepprep plan"))
            return self.screen()
        for row in view.rows:
            line = self.text(f"{row.who}: {row.meeting}")
            line.append("\n" + row.saved, style=self.style("muted"))
            self.hanging(styled(f"{row.number:>3}  ", self.style("number")), line, indent=5)
        self.blank()
        self.paragraph(
            _("Open one with: iepprep plan --from NUMBER. Saved in {folder}.").format(
                folder=view.folder
            ),
            style="muted",
        )
        return self.screen()

"""The PDF renderer: hands a plan view to `render/pdf.py`'s entry points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iepprep.render.progress import working

if TYPE_CHECKING:
    from iepprep.render.base import Paper
    from iepprep.render.views import PlanView


class PdfRenderer:
    def __init__(self, paper: Paper) -> None:
        self.paper: Paper = paper

    def plan(self, view: PlanView) -> bytes:
        from iepprep.render import pdf

        with working("Writing the PDF…"):
            if view.kind == "checklist":
                phases = [section.phase for section in view.phases]
                return pdf.checklist_only(view.plan, phases, paper=self.paper)
            if view.kind == "questions":
                questions = view.questions.questions if view.questions else []
                return pdf.questions_only(view.plan, questions, paper=self.paper)
            return pdf.plan(view.plan, paper=self.paper)

"""PDF output, made directly with fpdf2 (no browser needed).

Why fpdf2: it is pure Python, maintained, small, embeds and subsets TrueType fonts
for full Unicode with selectable text, and has a simple drawing model, enough for a
checklist with real boxes and ruled lines to write on. reportlab is heavier and
its Unicode setup more involved; typst would add a compiler binary.

The text font is Atkinson Hyperlegible (designed by the Braille Institute for
low-vision readers). Glyphs it lacks, such as Vietnamese letters in "Nguyễn Thị
Ánh", come from Noto Sans. Both ship as Python packages, so nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files
from typing import Any, Literal

from iepprep.core.common.safety import clean, one_line
from iepprep.core.content.models import Phase
from iepprep.core.planning.plan import ChecklistItem, Plan, PlanQuestion
from iepprep.render import wording

Paper = Literal["letter", "a4"]
INK = (27, 27, 27)
MUTED = (80, 80, 80)
LINE = (170, 170, 170)
NOTE_FILL = (255, 244, 206)


def _font_files() -> dict[str, str]:
    atkinson = files("fontpkg_atkinson_hyperlegible").joinpath("files")
    noto = files("fontpkg_noto_sans").joinpath("files")
    return {
        "": str(atkinson.joinpath("AtkinsonHyperlegible-Regular.ttf")),
        "B": str(atkinson.joinpath("AtkinsonHyperlegible-Bold.ttf")),
        "I": str(atkinson.joinpath("AtkinsonHyperlegible-Italic.ttf")),
        "noto": str(noto.joinpath("NotoSans[wdth,wght].ttf")),
    }


class _Document:
    """A thin layer over FPDF with the few layout moves a plan needs."""

    def __init__(self, title: str, paper: Paper) -> None:
        from fpdf import FPDF

        document_title = title

        class Pages(FPDF):
            def footer(self) -> None:
                self.set_y(-12)
                self.set_font("Atkinson", "", 8.5)
                self.set_text_color(*MUTED)
                self.cell(0, 5, f"{document_title}  ·  page {self.page_no()} of {{nb}}", align="C")

        pdf = Pages(
            orientation="portrait", unit="mm", format="letter" if paper == "letter" else "A4"
        )
        fonts = _font_files()
        for style in ("", "B", "I"):
            pdf.add_font("Atkinson", style, fonts[style])
        pdf.add_font("Noto", "", fonts["noto"])
        pdf.set_fallback_fonts(["Noto"], exact_match=False)
        pdf.set_margins(18, 16, 18)
        pdf.set_auto_page_break(True, margin=18)
        pdf.set_title(title)
        pdf.set_author("iepprep")
        pdf.set_creator("iepprep")
        pdf.set_lang("en")
        pdf.alias_nb_pages()
        pdf.add_page()
        self.pdf: Any = pdf

    # -- text helpers

    def text(
        self,
        text: str,
        *,
        size: float = 11,
        style: str = "",
        color: tuple[int, int, int] = INK,
        indent: float = 0,
        height: float | None = None,
    ) -> None:
        pdf = self.pdf
        pdf.set_font("Atkinson", style, size)
        pdf.set_text_color(*color)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(
            pdf.epw - indent,
            height or size * 0.5,
            clean(text),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def measure(self, text: str, *, size: float, style: str = "", indent: float = 0) -> float:
        pdf = self.pdf
        pdf.set_font("Atkinson", style, size)
        lines = pdf.multi_cell(
            pdf.epw - indent, size * 0.5, clean(text), align="L", dry_run=True, output="LINES"
        )
        return float(len(lines) * size * 0.5)

    def keep_together(self, height: float) -> None:
        pdf = self.pdf
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()

    def gap(self, mm: float) -> None:
        self.pdf.ln(mm)

    def heading(self, title: str, *, size: float = 14) -> None:
        self.keep_together(size * 0.5 + 22)
        self.gap(4)
        self.text(title, size=size, style="B")
        pdf = self.pdf
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.5)
        pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.l_margin + pdf.epw, pdf.get_y() + 0.5)
        self.gap(3)

    def subheading(self, title: str) -> None:
        self.keep_together(20)
        self.gap(2)
        self.text(title, size=12, style="B")
        self.gap(1)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _header(doc: _Document, plan: Plan, title: str) -> None:
    doc.text(title, size=19, style="B")
    doc.gap(2)
    pdf = doc.pdf
    for name, value in wording.header_lines(plan):
        pdf.set_font("Atkinson", "B", 10.5)
        pdf.set_text_color(*INK)
        pdf.set_x(pdf.l_margin)
        pdf.cell(32, 5.3, name + ":")
        pdf.set_font("Atkinson", "", 10.5)
        pdf.multi_cell(pdf.epw - 32, 5.3, one_line(value), align="L", new_x="LMARGIN", new_y="NEXT")
    for notice in plan.notices:
        doc.gap(2)
        height = doc.measure("Note: " + notice, size=10.5, indent=4) + 4
        doc.keep_together(height)
        y = pdf.get_y()
        pdf.set_fill_color(*NOTE_FILL)
        pdf.rect(pdf.l_margin, y, pdf.epw, height, style="F")
        pdf.set_y(y + 2)
        doc.text("Note: " + notice, size=10.5, indent=3)
        pdf.set_y(y + height)


def _item(doc: _Document, item: ChecklistItem, plan: Plan) -> None:
    pdf = doc.pdf
    due = wording.due_text(item, plan)
    title = item.text + (f"  ({due})" if due else "")
    source = " · ".join(wording.source_bits(item))
    indent = 8
    height = (
        doc.measure(title, size=11, style="B", indent=indent)
        + doc.measure(item.why, size=10, indent=indent)
        + doc.measure(source, size=8, indent=indent)
        + 3
    )
    doc.keep_together(height)
    y = pdf.get_y() + 0.6
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.35)
    pdf.rect(pdf.l_margin, y, 4.2, 4.2)  # a box to tick with a pen
    doc.text(title, size=11, style="B", indent=indent)
    doc.text(item.why, size=10, indent=indent)
    doc.text(source, size=8, color=MUTED, indent=indent)
    doc.gap(2.2)


def _checklist(doc: _Document, plan: Plan, phases: Sequence[Phase]) -> None:
    for phase in phases:
        items = plan.phase(phase)
        if not items:
            continue
        doc.heading(wording.phase_title(phase))
        for item in items:
            _item(doc, item, plan)


def _questions(doc: _Document, questions: Sequence[PlanQuestion]) -> None:
    if not questions:
        return
    pdf = doc.pdf
    doc.heading("Questions to ask")
    if intro := wording.questions_intro(len(questions)):
        doc.text(intro, size=10.5)
        doc.gap(2)
    topic = None
    for question in questions:
        if question.topic != topic:
            topic = question.topic
            doc.subheading(question.topic_title)
        text = f"{question.number}. {question.text}"
        lines = 2  # room to write the answer
        doc.keep_together(doc.measure(text, size=10.5, indent=0) + lines * 7 + 3)
        doc.text(text, size=10.5)
        pdf.set_draw_color(*LINE)
        pdf.set_line_width(0.2)
        for _ in range(lines):
            pdf.ln(7)
            y = pdf.get_y()
            pdf.line(pdf.l_margin + 5, y, pdf.l_margin + pdf.epw, y)
        doc.gap(3)


def _extras(doc: _Document, plan: Plan) -> None:
    if plan.words:
        doc.heading("Words you may hear")
        for word in plan.words:
            name = word.term + (f" ({word.expansion})" if word.expansion else "")
            doc.keep_together(doc.measure(word.definition, size=10, indent=4) + 7)
            doc.text(name, size=10.5, style="B")
            doc.text(word.definition, size=10, indent=4)
            doc.gap(1.5)
    state = plan.state
    if state:
        doc.heading(f"In {state.name}")
        if not state.known:
            doc.text(
                f"We have no notes for {state.name} yet, so we won't guess. Read your state's "
                "procedural safeguards notice, or ask your state's parent center "
                f"({wording.PARENT_CENTER_URL}).",
                size=10.5,
            )
        else:
            if state.meeting_name:
                doc.text(f"The meeting is called: {state.meeting_name}.", size=10.5)
            for note in state.notes:
                where = " · ".join(x for x in (note.get("citation"), note.get("source")) if x)
                doc.text("• " + (note["text"] or ""), size=10.5)
                doc.text(where, size=8, color=MUTED, indent=3)
            doc.gap(1)
            doc.text(wording.VERIFY_STATE, size=9.5, style="I")


def _footer(doc: _Document) -> None:
    doc.gap(5)
    doc.keep_together(30)
    doc.text(wording.SOURCES_NOTE, size=8.5, color=MUTED)
    doc.gap(2)
    doc.text(wording.NOT_LEGAL_ADVICE, size=9.5, style="B")


def plan(
    plan: Plan, *, paper: Paper = "letter", parts: Sequence[str] = ("checklist", "questions")
) -> bytes:
    title = wording.plan_title(plan)
    doc = _Document(title, paper)
    _header(doc, plan, title)
    if "checklist" in parts:
        _checklist(doc, plan, list(Phase))
    if "questions" in parts:
        _questions(doc, plan.questions)
    _extras(doc, plan)
    _footer(doc)
    return doc.output()


def checklist_only(plan: Plan, phases: Sequence[Phase], *, paper: Paper = "letter") -> bytes:
    title = wording.plan_title(plan) + ": checklist"
    doc = _Document(title, paper)
    _header(doc, plan, title)
    _checklist(doc, plan, phases)
    _footer(doc)
    return doc.output()


def questions_only(
    plan: Plan, questions: Sequence[PlanQuestion], *, paper: Paper = "letter"
) -> bytes:
    title = wording.plan_title(plan) + ": questions"
    doc = _Document(title, paper)
    _header(doc, plan, title)
    _questions(doc, questions)
    _footer(doc)
    return doc.output()

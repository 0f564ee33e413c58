"""The format registry: which formats each screen can be written in, and how.

A format is a renderer class implementing the protocols of `render/base.py` for the
screens it draws. Each registry below maps a format to a function that makes its
renderer; the function imports the format's module only when it is used, so a JSON
command never imports Rich or the PDF library. mypy checks every line: a renderer
that lacks a screen's method does not fit that screen's registry.

A new format: one module with a renderer class, a `Format` member and its file
suffixes here, and one line in each registry whose screens it draws.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar

from iepprep.render.base import (
    GlossaryRenderer,
    HistoryRenderer,
    LetterRenderer,
    NotesRenderer,
    PlanRenderer,
    RenderOptions,
    ReviewRenderer,
    RightsRenderer,
    TipsRenderer,
)

if TYPE_CHECKING:
    from iepprep.render.html import HtmlRenderer
    from iepprep.render.ics import IcsRenderer
    from iepprep.render.jsondata import JsonRenderer
    from iepprep.render.markdown import MarkdownRenderer
    from iepprep.render.pdf_adapter import PdfRenderer
    from iepprep.render.text import TextRenderer
    from iepprep.render.views import PlanView


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"
    PDF = "pdf"
    ICS = "ics"
    ANSWERS = "answers"  # the plan's answers as an answers file (YAML)


SUFFIXES = {
    ".txt": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".json": Format.JSON,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".pdf": Format.PDF,
    ".ics": Format.ICS,
    ".yaml": Format.ANSWERS,
    ".yml": Format.ANSWERS,
}
BINARY = {Format.PDF}  # written only to a file, never to the screen

R_co = TypeVar("R_co", covariant=True)


@dataclass(frozen=True)
class Registry(Generic[R_co]):
    """The formats one kind of screen can be written in."""

    makers: Mapping[Format, Callable[[RenderOptions], R_co]]

    @property
    def formats(self) -> list[Format]:
        return list(self.makers)

    def renderer(self, fmt: Format, options: RenderOptions) -> R_co:
        return self.makers[fmt](options)


# -- making each format's renderer (imported only when used)


def text(options: RenderOptions) -> TextRenderer:
    from iepprep.render.text import TextRenderer

    assert options.text is not None, "the text renderer needs the console's options"
    return TextRenderer(options.text)


def markdown(_: RenderOptions) -> MarkdownRenderer:
    from iepprep.render.markdown import MarkdownRenderer

    return MarkdownRenderer()


def json(_: RenderOptions) -> JsonRenderer:
    from iepprep.render.jsondata import JsonRenderer

    return JsonRenderer()


def html(_: RenderOptions) -> HtmlRenderer:
    from iepprep.render.html import HtmlRenderer

    return HtmlRenderer()


def pdf(options: RenderOptions) -> PdfRenderer:
    from iepprep.render.pdf_adapter import PdfRenderer

    return PdfRenderer(options.paper)


def ics(_: RenderOptions) -> IcsRenderer:
    from iepprep.render.ics import IcsRenderer

    return IcsRenderer()


class AnswersRenderer:
    """A plan's answers as an answers file: `plan --answers` reads it back."""

    def plan(self, view: PlanView) -> str:
        from iepprep.core.planning.answers import answers_yaml

        return answers_yaml(view.plan.profile)


def answers(_: RenderOptions) -> AnswersRenderer:
    return AnswersRenderer()


# -- which screen is written in which format

PLAN: Registry[PlanRenderer] = Registry(
    {
        Format.TEXT: text,
        Format.MARKDOWN: markdown,
        Format.JSON: json,
        Format.HTML: html,
        Format.PDF: pdf,
        Format.ICS: ics,
        Format.ANSWERS: answers,
    }
)
CHECKLIST: Registry[PlanRenderer] = Registry(
    {
        Format.TEXT: text,
        Format.MARKDOWN: markdown,
        Format.JSON: json,
        Format.HTML: html,
        Format.PDF: pdf,
        Format.ICS: ics,
    }
)
QUESTIONS: Registry[PlanRenderer] = Registry(
    {
        Format.TEXT: text,
        Format.MARKDOWN: markdown,
        Format.JSON: json,
        Format.HTML: html,
        Format.PDF: pdf,
    }
)
TIPS: Registry[TipsRenderer] = Registry(
    {Format.TEXT: text, Format.MARKDOWN: markdown, Format.JSON: json}
)
GLOSSARY: Registry[GlossaryRenderer] = Registry(
    {Format.TEXT: text, Format.MARKDOWN: markdown, Format.JSON: json}
)
RIGHTS: Registry[RightsRenderer] = Registry(
    {Format.TEXT: text, Format.MARKDOWN: markdown, Format.JSON: json}
)
REVIEW: Registry[ReviewRenderer] = Registry(
    {Format.TEXT: text, Format.MARKDOWN: markdown, Format.JSON: json}
)
NOTES: Registry[NotesRenderer] = Registry(
    {Format.TEXT: text, Format.MARKDOWN: markdown, Format.JSON: json}
)
HISTORY: Registry[HistoryRenderer] = Registry({Format.TEXT: text, Format.JSON: json})
LETTER: Registry[LetterRenderer] = Registry({Format.TEXT: text, Format.MARKDOWN: markdown})

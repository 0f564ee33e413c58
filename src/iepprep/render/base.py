"""The renderer interface: one protocol per screen, and what a renderer returns.

A format (text, Markdown, HTML, JSON, PDF, calendar) is a class that implements the
protocols of the screens it can draw; `render/formats.py` lists which format draws
which screen. Because the registry is typed with these protocols, mypy reports a
format that lacks a method its registry line promises.

This module imports no Rich and no format module, so every command can use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from iepprep.render.views import (
        GlossaryView,
        HistoryView,
        LetterView,
        NotesView,
        PlanView,
        ReviewView,
        RightsView,
        SearchView,
        TipListView,
        TipView,
    )

Paper = Literal["letter", "a4"]


@dataclass
class Screen:
    """What the text renderer makes: Rich renderables, printed in one call."""

    items: list[object] = field(default_factory=list)


Output = str | bytes | Screen


@dataclass(frozen=True)
class TextOptions:
    """How to lay out text for the console it will be printed on."""

    console: object  # the rich Console (typed loosely: this module never imports Rich)
    width: int = 80
    plain: bool = False  # --plain, NO_COLOR, TERM=dumb: no styles, "To do:", no rules
    on_terminal: bool = False
    unicode: bool = True
    links: bool = False  # terminal hyperlinks


@dataclass(frozen=True)
class RenderOptions:
    text: TextOptions | None = None
    paper: Paper = "letter"


class PlanRenderer(Protocol):
    """A plan, its checklist alone, or its questions alone."""

    def plan(self, view: PlanView) -> Output: ...


class TipsRenderer(Protocol):
    def tip_list(self, view: TipListView) -> Output: ...

    def tip(self, view: TipView) -> Output: ...

    def search(self, view: SearchView) -> Output: ...


class GlossaryRenderer(Protocol):
    def glossary(self, view: GlossaryView) -> Output: ...


class RightsRenderer(Protocol):
    def rights(self, view: RightsView) -> Output: ...


class ReviewRenderer(Protocol):
    def review(self, view: ReviewView) -> Output: ...


class NotesRenderer(Protocol):
    def notes(self, view: NotesView) -> Output: ...


class HistoryRenderer(Protocol):
    def history(self, view: HistoryView) -> Output: ...


class LetterRenderer(Protocol):
    def letter(self, view: LetterView) -> Output: ...

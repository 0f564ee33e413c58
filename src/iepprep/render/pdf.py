"""PDF output, typeset by Typst (the `typst` package: a compiled typesetter, no browser).

Why Typst: it lays out a plan in a few tens of milliseconds, embeds and subsets
the fonts with selectable text, and writes a tagged PDF/UA-1 file that a screen
reader can follow (headings, lists, reading order, document title and language).

The layout lives in `plan.typ`. This module turns a plan into plain JSON data and
hands it over as `sys.inputs`: the template places each value as a string, so
nothing a family or a tip wrote is ever read as Typst markup.

Fonts: Atkinson Hyperlegible, with Noto Sans for the letters it lacks, both shipped
in `iepprep/fonts/` (see render/fonts.py). A character neither font has (Japanese,
Arabic, emoji) is looked for in the computer's own fonts; if none has it, it prints
as "\ufffd" and the PDF and the terminal say so, without repeating the name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal, cast

from iepprep.core.common.safety import clean, one_line
from iepprep.core.content.models import Phase
from iepprep.core.i18n.language import current
from iepprep.core.i18n.messages import N_, _
from iepprep.core.planning.plan import ChecklistItem, Plan, PlanQuestion
from iepprep.errors import IepprepError
from iepprep.render import fonts, wording

if TYPE_CHECKING:
    import typst

Paper = Literal["letter", "a4"]
REPLACEMENT = "\ufffd"
UNPRINTABLE_NOTE = N_(
    "Some characters could not be printed in this PDF: no font on this computer has "
    "them, so each shows as \ufffd. The HTML and text versions keep them as typed."
)
_PAPER = {"letter": "us-letter", "a4": "a4"}


class PdfBytes(bytes):
    """A finished PDF, with anything the user should be told about it (`notes`)."""

    notes: tuple[str, ...] = ()


class PdfError(IepprepError):
    """Typesetting failed: a fault of ours, never of the family's input."""


# ----------------------------------------------------------------- the data model


def _strings(value: Any) -> Iterable[str]:
    """Every string inside the data (to check that the fonts can draw it)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _characters(document: dict[str, Any]) -> set[str]:
    return set("".join(_strings(document)))


def _composed(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


_LONG_WORD = re.compile(r"\S{30,}")
ZERO_WIDTH_SPACE = "\u200b"


def _breakable(text: str) -> str:
    """Words too long for a line (a name typed without spaces) get invisible break
    points every 10 characters, so they wrap instead of running off the page.
    Web addresses are left whole, so they copy out of the PDF intact."""

    def split(word: re.Match[str]) -> str:
        found = word.group()
        if "://" in found:
            return found
        return ZERO_WIDTH_SPACE.join(found[i : i + 10] for i in range(0, len(found), 10))

    return _LONG_WORD.sub(split, text) if len(text) >= 30 else text


def _map_strings(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: _map_strings(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [_map_strings(item, change) for item in value]
    return value


def _checklist(plan: Plan, phases: Sequence[Phase]) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    for phase in phases:
        items = plan.phase(phase)
        if items:
            sections.append(
                {
                    "kind": "checklist",
                    "title": wording.phase_title(phase),
                    "items": [_item(item, plan) for item in items],
                }
            )
    return sections


def _item(item: ChecklistItem, plan: Plan) -> dict[str, Any]:
    return {
        "text": one_line(item.text),
        "due": wording.due_text(item, plan),
        "why": one_line(item.why),
        "source": one_line(" · ".join(wording.source_bits(item))),
    }


def _questions(questions: Sequence[PlanQuestion]) -> list[dict[str, Any]]:
    if not questions:
        return []
    groups: list[dict[str, Any]] = []
    for question in questions:
        if not groups or groups[-1]["topic"] != question.topic:
            groups.append(
                {"topic": question.topic, "title": one_line(question.topic_title), "questions": []}
            )
        groups[-1]["questions"].append({"number": question.number, "text": one_line(question.text)})
    return [
        {
            "kind": "questions",
            "title": _("Questions to ask"),
            "intro": wording.questions_intro(len(questions)),
            "groups": groups,
        }
    ]


def _extras(plan: Plan) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    if plan.words:
        entries = [
            {
                "term": one_line(word.term + (f" ({word.expansion})" if word.expansion else "")),
                "definition": one_line(word.definition),
            }
            for word in plan.words
        ]
        sections.append({"kind": "words", "title": _("Words you may hear"), "entries": entries})
    state = plan.state
    if state:
        part: dict[str, Any] = {
            "kind": "state",
            "title": _("In {state}").format(state=one_line(state.name)),
            "lines": [],
            "notes": [],
            "verify": None,
        }
        if not state.known:
            part["lines"].append(wording.no_state_notes(state.name))
        else:
            if state.meeting_name:
                part["lines"].append(wording.meeting_called(state.meeting_name))
            part["notes"] = [
                {
                    "text": one_line(note["text"] or ""),
                    "where": one_line(
                        " · ".join(x for x in (note.get("citation"), note.get("source")) if x)
                    ),
                }
                for note in state.notes
            ]
            part["verify"] = wording.VERIFY_STATE
        sections.append(part)
    return sections


def _document(
    plan: Plan, title: str, paper: Paper, sections: list[dict[str, Any]], *, compact: bool = False
) -> dict[str, Any]:
    worries = wording.worries_label()
    meta = [
        [name, clean(value) if name == worries else one_line(value)]
        for name, value in wording.header_lines(plan)
        if not (compact and name == worries)  # a fridge page is seen by visitors
    ]
    return {
        "title": one_line(title),
        "paper": _PAPER[paper],
        "lang": current(),
        "compact": compact,
        "meta": meta,
        "notices": [one_line(notice) for notice in plan.notices],
        "sections": sections,
        "sources-note": None if compact else wording.SOURCES_NOTE,
        "legal": wording.NOT_LEGAL_ADVICE,
        "page-of": _("page {page} of {pages}"),
        "note-label": wording.note_label(),
    }


# ------------------------------------------------------------------- typesetting


def _fallback_words(chars: set[str]) -> str | None:
    """A regular expression for the words holding a letter the main font lacks."""
    main = fonts.main_coverage()
    if all(ord(char) in main or char.isspace() for char in chars):
        return None
    ranges: list[tuple[int, int]] = []
    for point in sorted(main):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    drawn = "".join(
        f"\\x{{{first:x}}}" if first == last else f"\\x{{{first:x}}}-\\x{{{last:x}}}"
        for first, last in ranges
    )
    return f"\\S*[^{drawn}\\s]\\S*"


def _compile(document: dict[str, Any], font_book: typst.Fonts) -> bytes:
    import typst

    document = {
        **document,
        "fonts": [fonts.MAIN_FAMILY, fonts.FALLBACK_FAMILY],
        "fallback-font": fonts.FALLBACK_FAMILY,
        "fallback-words": _fallback_words(_characters(document)),
    }
    template = files("iepprep.render").joinpath("plan.typ").read_bytes()
    pdf, _warnings = typst.compile_with_warnings(  # warnings are never printed: they may quote
        template,  # the family's text, and there is nothing for the family to do about them
        format="pdf",
        font_paths=font_book,
        sys_inputs={"data": json.dumps(document, ensure_ascii=False)},
        pdf_standards=["ua-1"],
    )
    return bytes(pdf)


def _replace(document: dict[str, Any], chars: set[str]) -> dict[str, Any]:
    """The document with `chars` shown as REPLACEMENT, and a note saying so."""
    changed = _map_strings(document, lambda s: "".join(REPLACEMENT if c in chars else c for c in s))
    note = _(UNPRINTABLE_NOTE)
    if note not in changed["notices"]:
        changed["notices"] = [note, *changed["notices"]]
    return cast(dict[str, Any], changed)


def _typeset(document: dict[str, Any]) -> PdfBytes:
    """The PDF. A character no font can draw (PDF/UA forbids invisible text) is
    replaced, and the reader told so, without repeating the name."""
    import typst

    # Composed letters (as most keyboards type them) are what fonts map and what
    # copying text out of the PDF gives back.
    document = _map_strings(document, lambda text: _breakable(_composed(text)))
    missing = {char for char in _characters(document) if not fonts.printable(char)}
    font_book = fonts.book(system=bool(missing))
    unprintable = missing - fonts.drawable(missing, font_book) if missing else set()
    if unprintable:
        document = _replace(document, unprintable)
    try:
        result = PdfBytes(_compile(document, font_book))
    except typst.TypstError:
        if not missing - unprintable:
            raise PdfError(
                "The PDF could not be made (the typesetter failed).",
                hint="Write the plan as HTML instead (--output plan.html) and print that.",
            ) from None
        # A computer font promised a character but could not draw it: do without.
        unprintable = missing
        result = _typeset(_replace(document, missing))
    result.notes = (_(UNPRINTABLE_NOTE),) if unprintable else ()
    return result


# ------------------------------------------------------------------- entry points


def plan(
    plan: Plan, *, paper: Paper = "letter", parts: Sequence[str] = ("checklist", "questions")
) -> bytes:
    title = wording.plan_title(plan)
    sections: list[dict[str, Any]] = []
    if "checklist" in parts:
        sections += _checklist(plan, list(Phase))
    if "questions" in parts:
        sections += _questions(plan.questions)
    sections += _extras(plan)
    return _typeset(_document(plan, title, paper, sections))


def checklist_only(plan: Plan, phases: Sequence[Phase], *, paper: Paper = "letter") -> bytes:
    """A compact page for the fridge: boxes, titles and due dates (reasons are in the plan)."""
    title = wording.titled(wording.plan_title(plan), "checklist")
    return _typeset(_document(plan, title, paper, _checklist(plan, phases), compact=True))


def questions_only(
    plan: Plan, questions: Sequence[PlanQuestion], *, paper: Paper = "letter"
) -> bytes:
    title = wording.titled(wording.plan_title(plan), "questions")
    return _typeset(_document(plan, title, paper, _questions(questions)))

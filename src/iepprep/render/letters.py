"""Letters as plain text, ready to paste into an e-mail (Markdown: `markdown.py`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from iepprep.core.meeting.letters import Letter

SUBJECT = {"en": "Subject:", "es": "Asunto:"}
# Between the two versions of a letter written in both languages.
DIVIDER = {"en": "English", "es": "Español"}


def text(letter: Letter) -> str:
    return lay_out(letter, subject_label=subject_label(letter), clean=str)


def subject_label(letter: Letter) -> str:
    """'Subject:' in the letter's own language."""
    return SUBJECT.get(letter.lang, "Subject:")


def both(letters: list[Letter], notes: list[str | None] | None = None) -> Letter:
    """The same letter in several languages as one, each version headed by its
    language, so a parent can read one and send the other (or both). A version's
    note (what to fill in, in the parent's language) comes just before it."""
    first, *others = letters
    _, *other_notes = notes or [None] * len(letters)
    paragraphs: list[str | list[str]] = [f"----- {DIVIDER.get(first.lang, first.lang)} -----"]
    paragraphs += first.paragraphs
    for other, note in zip(others, other_notes, strict=True):
        if note:
            paragraphs.append(note)
        paragraphs += [
            f"----- {DIVIDER.get(other.lang, other.lang)} -----",
            other.date,
            f"{subject_label(other)} {other.subject}",
            *other.paragraphs,
        ]
    return replace(first, paragraphs=paragraphs)


def lay_out(letter: Letter, *, subject_label: str, clean: Callable[[str], str]) -> str:
    """The letter's lines: the date, the subject, then each paragraph or list; Markdown
    passes its own subject label and escaping."""
    out = [letter.date, "", f"{subject_label} {clean(letter.subject)}", ""]
    for paragraph in letter.paragraphs:
        if isinstance(paragraph, list):
            out += [f"- {clean(item)}" for item in paragraph]
        else:  # a signature keeps its lines (name, phone, e-mail); Markdown needs a hard break
            line_break = "\n" if clean is str else "  \n"
            out.append(line_break.join(clean(line) for line in paragraph.split("\n")))
        out.append("")
    return "\n".join(out).rstrip() + "\n"

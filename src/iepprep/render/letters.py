"""Letters as plain text, ready to paste into an e-mail (Markdown: `markdown.py`)."""

from __future__ import annotations

from collections.abc import Callable

from iepprep.core.meeting.letters import Letter


def text(letter: Letter) -> str:
    return lay_out(letter, subject_label="Subject:", clean=str)


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

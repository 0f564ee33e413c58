"""Letters as plain text (ready to paste into an e-mail) or Markdown."""

from __future__ import annotations

from collections.abc import Callable

from iepprep.core.meeting.letters import Letter
from iepprep.render.markdown import escape


def text(letter: Letter) -> str:
    return _render(letter, subject_label="Subject:", clean=str, line_break="\n")


def markdown(letter: Letter) -> str:
    return _render(letter, subject_label="**Subject:**", clean=escape, line_break="  \n")


def _render(
    letter: Letter, *, subject_label: str, clean: Callable[[str], str], line_break: str
) -> str:
    out = [letter.date, "", f"{subject_label} {clean(letter.subject)}", ""]
    for paragraph in letter.paragraphs:
        if isinstance(paragraph, list):
            out += [f"- {clean(item)}" for item in paragraph]
        else:  # a signature keeps its lines: name, phone, e-mail
            out.append(line_break.join(clean(line) for line in paragraph.split("\n")))
        out.append("")
    return "\n".join(out).rstrip() + "\n"

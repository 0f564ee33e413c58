"""Letters as plain text (ready to paste into an e-mail) or Markdown."""

from __future__ import annotations

from iepprep.core.letters import Letter
from iepprep.render.markdown import escape


def text(letter: Letter) -> str:
    out = [letter.date, "", f"Subject: {letter.subject}", ""]
    for paragraph in letter.paragraphs:
        if isinstance(paragraph, list):
            out += [f"- {item}" for item in paragraph]
        else:
            out.append(paragraph)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def markdown(letter: Letter) -> str:
    out = [letter.date, "", f"**Subject:** {escape(letter.subject)}", ""]
    for paragraph in letter.paragraphs:
        if isinstance(paragraph, list):
            out += [f"- {escape(item)}" for item in paragraph]
        else:
            out.append(escape(paragraph))
        out.append("")
    return "\n".join(out).rstrip() + "\n"

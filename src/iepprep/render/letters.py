"""Letters as plain text (ready to paste into an e-mail) or Markdown."""

from __future__ import annotations

from collections.abc import Callable

from iepprep.core.meeting.letters import Letter
from iepprep.render.markdown import escape

SUBJECT = {"en": "Subject:", "es": "Asunto:"}
# Between the two versions of a letter written in both languages.
DIVIDER = {"en": "English", "es": "Español"}


def text(letter: Letter) -> str:
    return _render(letter, subject_label=SUBJECT.get(letter.lang, "Subject:"), clean=str)


def markdown(letter: Letter) -> str:
    subject = SUBJECT.get(letter.lang, "Subject:")
    return _render(letter, subject_label=f"**{subject}**", clean=escape)


def both(letters: list[Letter], render: Callable[[Letter], str]) -> str:
    """The same letter in several languages, one after the other, each headed by its
    language, so a parent can read one and send the other (or both)."""
    parts = []
    for letter in letters:
        name = DIVIDER.get(letter.lang, letter.lang)
        parts.append(f"----- {name} -----\n\n{render(letter)}")
    return "\n".join(parts)


def _render(letter: Letter, *, subject_label: str, clean: Callable[[str], str]) -> str:
    out = [letter.date, "", f"{subject_label} {clean(letter.subject)}", ""]
    for paragraph in letter.paragraphs:
        if isinstance(paragraph, list):
            out += [f"- {clean(item)}" for item in paragraph]
        else:
            out.append(clean(paragraph))
        out.append("")
    return "\n".join(out).rstrip() + "\n"

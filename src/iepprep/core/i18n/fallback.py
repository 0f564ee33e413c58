"""What a reader sees where a translation is missing: the English, marked as such.

Never a blank or a key name: an entry with no translation keeps its English words,
with `IN_ENGLISH` in front. That is also how a parent group's own `--tips` file shows
in a Spanish plan when it carries no Spanish.
"""

from __future__ import annotations

import unicodedata

# Shown before a text that has no translation yet, by language.
IN_ENGLISH = {"es": "(en inglés) "}


def marked(text: str, lang: str) -> str:
    """English `text`, marked as English for a reader of `lang`."""
    mark = IN_ENGLISH.get(lang, "")
    return text if not mark or text.startswith(mark) else mark + text


def fold(text: str) -> str:
    """Lower case without accents: 'Ubicación' -> 'ubicacion'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

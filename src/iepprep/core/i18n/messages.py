"""The words of the interface (headings, labels, hints, errors), through gettext.

Code writes `_("Before the meeting")`; in Spanish the catalog's translation is shown.
The catalogs live in `iepprep/locale/<lang>/LC_MESSAGES/iepprep.po` and are compiled
to `.mo` files shipped in the wheel (see the README, "Translations"). A string with no
translation shows in English, never as a blank or a key: that is gettext's own rule.

Messages with fields use named `{fields}` filled in after translation, so a
translator may move them: `_("Saved as plan {number}.").format(number=3)`.
"""

from __future__ import annotations

from functools import lru_cache
from gettext import GNUTranslations, NullTranslations
from pathlib import Path

from iepprep.core.i18n.language import ENGLISH, current

DOMAIN = "iepprep"
LOCALE_DIR = Path(__file__).resolve().parent.parent.parent / "locale"


@lru_cache(maxsize=4)
def translations(lang: str) -> NullTranslations:
    """The compiled catalog for `lang` (an empty one for English or a missing file)."""
    if lang == ENGLISH:
        return NullTranslations()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as handle:
            return GNUTranslations(handle)
    except OSError:
        return NullTranslations()


def _(message: str) -> str:
    """`message` in the language of this run."""
    lang = current()
    if lang == ENGLISH:
        return message
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form, in the language of this run."""
    lang = current()
    if lang == ENGLISH:
        return singular if count == 1 else plural
    return translations(lang).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message for translation where it is defined (a constant); translate it
    with `_()` where it is shown."""
    return message

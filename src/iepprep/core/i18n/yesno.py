"""Yes/no answers typed in either language: a Spanish-speaking parent types "s" or
"sí", an English one "y"; both are understood in every run, and anything else is
asked again rather than taken as No."""

from __future__ import annotations

from iepprep.core.i18n.fallback import fold
from iepprep.core.i18n.messages import _

_YES = frozenset({"y", "yes", "s", "si"})  # folded: "Sí" is "si"
_NO = frozenset({"n", "no"})


def read_yes_no(typed: str | None, *, default: bool) -> bool | None:
    """True or False for a yes or a no in English or Spanish, `default` for nothing
    typed (Enter), None for anything else (ask again)."""
    answer = fold((typed or "").strip().rstrip(".!"))
    if not answer:
        return default
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    return None


def yes_no_keys(*, default: bool) -> str:
    """The keys shown after a yes/no question, the default in capitals: "(y/N)" in
    English, "(s/N)" in Spanish."""
    return _("(Y/n)") if default else _("(y/N)")


def yes_no_word(value: bool) -> str:
    """ "Yes"/"No" in the language of this run ("Sí"/"No"), to show what was taken."""
    return _("Yes") if value else _("No")


def yes_no_problem(typed: str, *, default: bool) -> str:
    """Why an answer was not taken, and what to type instead."""
    return _(
        "{typed} is not a yes or a no: type y (yes) or n (no), or just Enter for {default}."
    ).format(typed=repr(typed.strip()), default=yes_no_word(default))

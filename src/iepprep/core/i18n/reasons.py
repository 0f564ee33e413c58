"""Why an answer was refused, in the language of this run.

The answers model (`core/family/profile.py`) sits below the translations and writes
its reasons in English; the questionnaire and the answers-file check show them
through `reason_in_language`, which knows each reason by its fixed words and keeps
the part that quotes what the parent wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from iepprep.core.i18n.messages import N_, _

_FIXED = (
    N_("write the date as YYYY-MM-DD, for example 2026-12-10"),
    N_("use the two-letter state code, for example TX"),
    N_("use a two-letter language code, for example en or es"),
    N_("write the time like 3:30 pm or 15:30"),
)

# (the English reason with its quoted part as a group, the template to translate)
_QUOTING: tuple[tuple[str, str], ...] = (
    (
        (
            r"(.+) is not a US state we know; write its name or its two letters, "
            r"for example Texas or TX"
        ),
        N_(
            "{value} is not a US state we know; write its name or its two letters, "
            "for example Texas or TX"
        ),
    ),
    (
        r"(.+) is not a language code; use two letters, for example en or es",
        N_("{value} is not a language code; use two letters, for example en or es"),
    ),
    (
        (
            r"(.+) is not a language we know; write its name \(Spanish, español\) "
            r"or its two-letter code \(es\)"
        ),
        N_(
            "{value} is not a language we know; write its name (Spanish, español) "
            "or its two-letter code (es)"
        ),
    ),
    (
        r"(.+) in the morning or the afternoon\? write it like 3:30 pm",
        N_("{value} in the morning or the afternoon? write it like 3:30 pm"),
    ),
    (
        r"(.+) is not a time: with am or pm, the hour is 1 to 12",
        N_("{value} is not a time: with am or pm, the hour is 1 to 12"),
    ),
    (r"(.+) is not a time of day", N_("{value} is not a time of day")),
)

_CHOICE = re.compile(r"(.+) is not one of (.+?)(?:; did you mean (.+)\?)?")


def reason_in_language(reason: str, choice_words: Callable[[str], str] | None = None) -> str:
    """`reason` (English, from the answers model) in the language of this run; a
    reason it does not know stays as it is. `choice_words` turns a choice's id into
    the words the questionnaire shows for it ('reading' -> 'lectura')."""
    if reason in _FIXED:
        return _(reason)
    for pattern, template in _QUOTING:
        if match := re.fullmatch(pattern, reason):
            return _(template).format(value=match.group(1))
    if match := _CHOICE.fullmatch(reason):
        value, allowed, guess = match.groups()
        words = choice_words or (lambda choice: choice)
        listed = ", ".join(words(choice) for choice in allowed.split(", "))
        if guess:
            return _("{value} is not one of {choices}; did you mean {guess}?").format(
                value=value, choices=listed, guess=words(guess)
            )
        return _("{value} is not one of {choices}").format(value=value, choices=listed)
    return reason

"""Dates in the language of this run; in Spanish, how they are written ("jueves, 10 de
diciembre de 2026") and read ("10 de diciembre", "el próximo martes", "mañana").

The month and weekday names are CLDR's (the data Babel ships), copied here so a
Spanish run does not pay for loading Babel's locale data; a test checks them against
Babel's own formatting, so they cannot drift.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from iepprep.core.common import dates as english
from iepprep.core.i18n.language import is_spanish

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
MONTHS_SHORT = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
WEEKDAYS_SHORT = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")

HOW_TO_WRITE_A_DATE = "escriba la fecha como 10 de diciembre, 2026-12-10 o el próximo martes"


def long_date(day: dt.date) -> str:
    """'Thursday, December 10, 2026', or 'jueves, 10 de diciembre de 2026' in Spanish:
    in the language of this run, as are the other functions of this section."""
    if not is_spanish():
        return english.long_date(day)
    return spanish_long_date(day)


def medium_date(day: dt.date) -> str:
    """'Oct 26, 2026' / '26 oct 2026' (CLDR 'medium')."""
    if is_spanish():
        return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
    return f"{day:%b %-d, %Y}"


def long_date_without_weekday(day: dt.date) -> str:
    """'October 26, 2026' / '26 de octubre de 2026' (CLDR 'long')."""
    if is_spanish():
        return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"
    return f"{day:%B %-d, %Y}"


def short_date(day: dt.date) -> str:
    """'Tue Dec 3' / 'jue 3 dic'."""
    return spanish_short_date(day) if is_spanish() else english.short_date(day)


def short_moment(moment: dt.datetime) -> str:
    """'Sat Nov 28 at 00:56' / 'sáb 28 nov a las 00:56'."""
    return spanish_short_moment(moment) if is_spanish() else english.short_moment(moment)


def weekday_name(day: dt.date) -> str:
    """'Saturday' / 'sábado'."""
    return WEEKDAYS[day.weekday()] if is_spanish() else f"{day:%A}"


def days_until(day: dt.date, *, today: dt.date) -> str:
    """'in 3 days' / 'en 3 días'."""
    if is_spanish():
        return spanish_days_until(day, today=today)
    return english.days_until(day, today=today)


def parse_date(text: str, *, today: dt.date) -> dt.date:
    """A typed date, read in the language of this run."""
    if is_spanish():
        return spanish_parse_date(text, today=today)
    return english.parse_date(text, today=today)


# ------------------------------------------------------------------------ Spanish


def spanish_long_date(day: dt.date) -> str:
    """'jueves, 10 de diciembre de 2026' (CLDR 'full' format)."""
    return f"{WEEKDAYS[day.weekday()]}, {day.day} de {MONTHS[day.month - 1]} de {day.year}"


def spanish_short_date(day: dt.date) -> str:
    """'jue 10 dic': short enough for a checklist line."""
    return f"{WEEKDAYS_SHORT[day.weekday()]} {day.day} {MONTHS_SHORT[day.month - 1]}"


def spanish_short_moment(moment: dt.datetime) -> str:
    """'sáb 28 nov a las 00:56'."""
    return f"{spanish_short_date(moment.date())} a las {moment:%H:%M}"


def spanish_days_until(day: dt.date, *, today: dt.date) -> str:
    delta = (day - today).days
    if delta == 0:
        return "hoy"
    if delta == 1:
        return "mañana"
    if delta > 1:
        return f"en {delta} días"
    if delta == -1:
        return "ayer"
    return f"hace {-delta} días"


# ------------------------------------------------------------------------- reading


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_MONTH_NUMBERS = {
    **{_fold(name): n for n, name in enumerate(MONTHS, 1)},
    **{_fold(name): n for n, name in enumerate(MONTHS_SHORT, 1)},
    "set": 9,
    "setiembre": 9,
}
_WEEKDAY_NUMBERS = {
    **{_fold(name): n for n, name in enumerate(WEEKDAYS)},
    **{_fold(name): n for n, name in enumerate(WEEKDAYS_SHORT)},
}
_NUMBER_WORDS = {
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
}
_DAY_OF_MONTH = re.compile(r"^(\d{1,2})\s+(?:de\s+)?([a-z]+)\.?(?:\s+(?:de(?:l)?\s+)?(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(?:de(?:l)?\s+)?(\d{4}))?$")
_IN_SO_MANY = re.compile(
    rf"^(?:en|dentro de)\s+({'|'.join(_NUMBER_WORDS)}|\d{{1,3}})\s+(dia|dias|semana|semanas)$"
)


def spanish_parse_date(text: str, *, today: dt.date, meeting: bool = True) -> dt.date:
    """Read a date as a Spanish speaker writes it: '10 de diciembre', '10 dic 2026',
    'el próximo martes', 'martes', 'mañana', 'en 2 semanas'. Anything else is read as
    the English reader reads it (2026-12-10, 12/10). Raises ValueError in Spanish."""
    value = " ".join(_fold(text).replace(",", " ").split())
    found = _spanish_date(value, today) or _numeric_date(value, text, today)
    if found is not None:
        if meeting:
            _check_meeting_date(found, today=today)
        return found
    try:
        return english.parse_date(text, today=today, meeting=meeting)
    except ValueError:
        raise ValueError(HOW_TO_WRITE_A_DATE) from None


def spanish_written_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """A meeting date in an answers file written by a Spanish speaker (the file's
    `language: es`, or a Spanish run): '10 de diciembre de 2026', 2026-12-10, and a
    numeric date only when it can be read one way (see `_numeric_date`). Like
    `parse_written_date`, the year is required: a file is read again on later days."""
    day = spanish_parse_date(text, today=today or dt.date.today())
    if not english.has_year(text):
        raise ValueError(
            f"escriba también el año, como {day.day} de {MONTHS[day.month - 1]} de {day.year} "
            f"o {day.isoformat()}: el archivo se vuelve a leer otros días"
        )
    return day


_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")


def _numeric_date(value: str, text: str, today: dt.date) -> dt.date | None:
    """2/11/2026 as a Spanish speaker may mean it. Day-first is the custom in Spanish,
    month-first in the US, where these parents live: a date that can only be read one
    way is read that way, and one that could be either is asked back, because a
    deadline counted from the wrong month is worse than a second question."""
    match = _NUMERIC_DATE.match(value)
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first <= 12 and second <= 12 and first != second:
        raise ValueError(
            f"{text.strip()} puede ser el {first} de {MONTHS[second - 1]} o el {second} de "
            f"{MONTHS[first - 1]}: escriba el mes con letras, como "
            f"{first} de {MONTHS[second - 1]}"
        )
    day, month = (first, second) if first > 12 else (second, first)
    year = int(match.group(3)) if match.group(3) else None
    if year is not None and year < 100:
        year += 2000
    try:
        if year is None:
            found = dt.date(today.year, month, day)
            return found if found >= today else dt.date(today.year + 1, month, day)
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"esa fecha no existe: {text.strip()!r}") from None


def _check_meeting_date(day: dt.date, *, today: dt.date) -> None:
    """`english.check_meeting_date`, said in Spanish."""
    if day > english.years_from(today, 3):
        raise ValueError(f"{spanish_long_date(day)} es dentro de más de tres años; revise el año")
    if day < english.years_from(today, -1):
        raise ValueError(f"{spanish_long_date(day)} fue hace más de un año; revise el año")


def _spanish_date(value: str, today: dt.date) -> dt.date | None:
    if value == "hoy":
        return today
    if value in ("manana", "mañana"):
        return today + dt.timedelta(days=1)
    if value == "pasado manana":
        return today + dt.timedelta(days=2)
    words = value.split()
    words = [w for w in words if w not in ("el", "este", "proximo", "que", "viene")]
    weekday = None
    if words and words[0] in _WEEKDAY_NUMBERS:
        weekday = _WEEKDAY_NUMBERS[words[0]]
        words = words[1:]
        if not words:
            ahead = (weekday - today.weekday() - 1) % 7 + 1
            return today + dt.timedelta(days=ahead)
    rest = " ".join(words)
    if match := _IN_SO_MANY.match(rest):
        count = match.group(1)
        amount = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        return today + dt.timedelta(days=amount * (7 if match.group(2).startswith("semana") else 1))
    day = month = year = None
    if (match := _DAY_OF_MONTH.match(rest)) and match.group(2) in _MONTH_NUMBERS:
        day, month = int(match.group(1)), _MONTH_NUMBERS[match.group(2)]
        year = int(match.group(3)) if match.group(3) else None
    elif (match := _MONTH_DAY.match(rest)) and match.group(1) in _MONTH_NUMBERS:
        month, day = _MONTH_NUMBERS[match.group(1)], int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
    if day is None or month is None:
        return None
    try:
        if year is None:
            found = dt.date(today.year, month, day)
            if found < today:
                found = dt.date(today.year + 1, month, day)
        else:
            found = dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"esa fecha no existe: {value!r}") from None
    if weekday is not None and found.weekday() != weekday:
        raise ValueError(
            f"el {found.day} de {MONTHS[found.month - 1]} de {found.year} es "
            f"{WEEKDAYS[found.weekday()]}, no {WEEKDAYS[weekday]}: ¿cuál quiso decir?"
        )
    return found

"""Dates as a parent types and reads them."""

from __future__ import annotations

import datetime as dt
import re

_US_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_WORDY_DATE = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")


def parse_date(text: str, *, today: dt.date) -> dt.date:
    """Read a date the way people write it: 2026-12-10, 12/10/2026, 12/10, Dec 10.

    Without a year, the next such date from today is meant. Raises ValueError with a
    message fit to show the user.
    """
    value = text.strip().lower()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    month = day = None
    year: int | None = None
    if match := _US_DATE.match(value):
        month, day = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
    elif (match := _WORDY_DATE.match(value)) and match.group(1) in _MONTHS:
        month, day = _MONTHS[match.group(1)], int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
    if month is None or day is None:
        raise ValueError("write the date like 2026-12-10, 12/10/2026 or Dec 10")
    if year is not None and year < 100:
        year += 2000
    try:
        if year is None:
            candidate = dt.date(today.year, month, day)
            return candidate if candidate >= today else dt.date(today.year + 1, month, day)
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"there is no such date as {text.strip()!r}") from None


def short_date(day: dt.date) -> str:
    """'Tue Dec 3': short enough for a checklist line, clear enough to act on."""
    return f"{day:%a %b} {day.day}"


def long_date(day: dt.date) -> str:
    """'Thursday, December 10, 2026'."""
    return f"{day:%A, %B} {day.day}, {day.year}"


def days_until(day: dt.date, *, today: dt.date) -> str:
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta > 1:
        return f"in {delta} days"
    if delta == -1:
        return "yesterday"
    return f"{-delta} days ago"

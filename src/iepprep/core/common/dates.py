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
_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_FIRST = re.compile(r"^([a-z]+)\.?,?\s+(.+)$")
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **{
        word: n
        for n, word in enumerate(
            ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1
        )
    },
}
_IN_SO_MANY = re.compile(rf"^in\s+({'|'.join(_NUMBER_WORDS)}|\d{{1,3}})\s+(day|week)s?$")
HOW_TO_WRITE_A_DATE = "write the date like 12/10, Dec 10, 2026-12-10 or next Tuesday"


def parse_date(text: str, *, today: dt.date, meeting: bool = True) -> dt.date:
    """Read a date the way people write it: 2026-12-10, 12/10/2026, 12/10, Dec 10,
    10 December, Tuesday Dec 1, tomorrow, next Tuesday, in 2 weeks.

    Without a year, the next such date from today is meant; a weekday alone is the
    next one after today. A weekday that does not match the date ("Tuesday Dec 3",
    when Dec 3 is a Thursday) is refused rather than guessed. Raises ValueError with
    a message fit to show the user. A `meeting` date must also be in a sane range
    (`check_meeting_date`); other dates (a consent signed years ago) are the caller's
    to check.
    """
    value = " ".join(text.strip().lower().split())
    relative = _relative_date(value, today)
    if relative is not None:
        return relative
    weekday = None
    if (match := _WEEKDAY_FIRST.match(value)) and match.group(1) in _WEEKDAYS:
        weekday, value = _WEEKDAYS[match.group(1)], match.group(2)
    day = _calendar_date(value, text, today)
    if weekday is not None and day.weekday() != weekday:
        named = _DAY_NAMES[weekday]
        raise ValueError(
            f"{day:%B} {day.day}, {day.year} is a {day:%A}, not a {named}: which did you mean?"
        )
    if meeting:
        check_meeting_date(day, today=today)
    return day


def years_from(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (Feb 29 becomes Feb 28 in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_meeting_date(day: dt.date, *, today: dt.date | None, past: bool = True) -> None:
    """Refuse a meeting date no one means: over three years ahead, or (for a date just
    typed, `past`) over a year ago. A typo in the year is caught here, and dates near
    the end of the calendar never reach the date arithmetic that would overflow."""
    base = today or dt.date.today()
    if day > years_from(base, 3):
        raise ValueError(f"{day.isoformat()} is more than three years away; check the year")
    if past and today is not None and day < years_from(base, -1):
        raise ValueError(f"{day.isoformat()} was more than a year ago; check the year")


def _relative_date(value: str, today: dt.date) -> dt.date | None:
    if value == "today":
        return today
    if value == "tomorrow":
        return today + dt.timedelta(days=1)
    words = value.split()
    if words and words[0] in ("next", "this", "on"):
        words = words[1:]
    if len(words) == 1 and words[0] in _WEEKDAYS:
        ahead = (_WEEKDAYS[words[0]] - today.weekday() - 1) % 7 + 1
        return today + dt.timedelta(days=ahead)
    if match := _IN_SO_MANY.match(value):
        count = match.group(1)
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        return today + dt.timedelta(days=number * (7 if match.group(2) == "week" else 1))
    return None


def _calendar_date(value: str, text: str, today: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    month = day = None
    year: int | None = None
    if match := _US_DATE.match(value):
        month, day = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
        if value[len(match.group(1))] == ".":  # 10.12.2026: written day-first in many places
            month, day = _dotted(month, day, text)
    elif (match := _WORDY_DATE.match(value)) and match.group(1) in _MONTHS:
        month, day = _MONTHS[match.group(1)], int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
    elif (match := _DAY_FIRST_DATE.match(value)) and match.group(2) in _MONTHS:
        month, day = _MONTHS[match.group(2)], int(match.group(1))
        year = int(match.group(3)) if match.group(3) else None
    if month is None or day is None:
        raise ValueError(HOW_TO_WRITE_A_DATE)
    if year is not None and year < 100:
        year += 2000
    try:
        if year is None:
            candidate = dt.date(today.year, month, day)
            return candidate if candidate >= today else dt.date(today.year + 1, month, day)
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"there is no such date as {text.strip()!r}") from None


def _dotted(first: int, second: int, text: str) -> tuple[int, int]:
    """(month, day) for a date written with dots: day-first when it can only be that,
    asked back when it could be either."""
    if first > 12 >= second:
        return second, first
    if first != second and first <= 12 and second <= 12:
        one, other = dt.date(2000, first, 1), dt.date(2000, second, 1)
        raise ValueError(
            f"{text.strip()} could be {one:%B} {second} or {other:%B} {first}: "
            f"write the month in letters, like {one:%b} {second}"
        )
    return first, second


_HAS_YEAR = re.compile(r"\d{4}|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$")


def has_year(text: str) -> bool:
    """Whether a written date carries its year (2026, or 12/10/26)."""
    return bool(_HAS_YEAR.search(" ".join(text.strip().lower().split())))


def parse_written_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """A date written in a file: any form the prompt takes, but with its year, since a
    file is read again on later days ('Dec 10' would then mean another year)."""
    value = " ".join(text.strip().lower().split())
    day = parse_date(value, today=today or dt.date.today())
    if not _HAS_YEAR.search(value):
        raise ValueError(
            f"write the year too, like {day:%m/%d/%Y} or {day.isoformat()}: "
            "a file is read again on later days"
        )
    return day


def passed_this_year(text: str, *, today: dt.date) -> dt.date | None:
    """For a day typed without a year that has recently passed this year ('Nov 20' on
    Nov 27), the date it was read as (next year's); else None. Worth asking about:
    the parent may have mistyped, or may mean next year."""
    value = " ".join(text.strip().lower().split())
    if _relative_date(value, today) is not None or _HAS_YEAR.search(value):
        return None
    try:
        day = parse_date(value, today=today)
    except ValueError:
        return None
    try:
        this_year = day.replace(year=today.year)
    except ValueError:  # Feb 29
        return None
    recently = dt.timedelta(days=90)
    return day if day.year > today.year and today - recently <= this_year < today else None


_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?(?::\d{2})?\s*([ap])?\.?\s*(?:m\.?)?$")


# "3:30 de la tarde" is 3:30 pm, "9 de la mañana" 9 am (also "en la", "por la").
_SPANISH_HALVES = {"mañana": "am", "manana": "am", "tarde": "pm", "noche": "pm"}
_SPANISH_HALF = re.compile(r"\s*(?:de|en|por) la (mañana|manana|tarde|noche)$")


def parse_time(text: str) -> dt.time:
    """A meeting time as people write it: 15:30, 3:30 pm, 3:30PM, 3 pm, 9.15 am, noon,
    3:30 de la tarde, 9 de la mañana.
    A time like 3:30 without am or pm is asked back, unless only one reading is a
    school hour (8:30 is morning, 15:30 afternoon)."""
    value = " ".join(text.strip().lower().split())
    if value in ("noon", "midday", "mediodía", "mediodia", "el mediodía"):
        return dt.time(12, 0)
    value = _SPANISH_HALF.sub(lambda found: " " + _SPANISH_HALVES[found.group(1)], value)
    match = _TIME.match(value.strip())
    if match is None:
        raise ValueError("write the time like 3:30 pm or 15:30")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = match.group(3)
    if half is not None:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text.strip()} is not a time: with am or pm, the hour is 1 to 12")
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour < 7 or match.group(2) is None:
        raise ValueError(f"{text.strip()} in the morning or the afternoon? write it like 3:30 pm")
    if hour > 23 or minute > 59:
        raise ValueError(f"{text.strip()} is not a time of day")
    return dt.time(hour, minute)


def clock(moment: dt.time) -> str:
    """'3:30 pm': how a parent says a meeting's time."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def short_date(day: dt.date) -> str:
    """'Tue Dec 3': short enough for a checklist line, clear enough to act on."""
    return f"{day:%a %b} {day.day}"


def short_moment(moment: dt.datetime) -> str:
    """'Sat Nov 28 at 00:56': when something was saved."""
    return f"{short_date(moment.date())} at {moment:%H:%M}"


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

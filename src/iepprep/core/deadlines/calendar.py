"""Which days are school days: from the district's own calendar, or an estimate.

A school day is a weekday the district has not closed. With the district's calendar
(an .ics file or a plain list of dates), its closures decide. Without one, iepprep
skips weekends and US federal holidays only and says the result is an estimate:
breaks, teacher days and summer are not known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from iepprep.core.i18n.messages import N_, _
from iepprep.errors import InputError

ONE_DAY = dt.timedelta(days=1)
# A count never looks further than this for the next school day: a file that closes
# everything would otherwise loop forever.
LONGEST_CLOSURE = dt.timedelta(days=200)
MAX_RANGE_DAYS = 366

# All-day events in a district calendar that are school days, not closures.
_SCHOOL_DAY_EVENTS = re.compile(
    r"early (release|dismissal)|half[- ]day|minimum day|late start|picture|"
    r"first day|last day|report card|progress report|open house|back to school",
    re.IGNORECASE,
)
_DATE = r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})"
_LINE = re.compile(rf"^{_DATE}(?:\s*(?:\.\.|–|—|\bto\b|\bthrough\b|\s-\s)\s*{_DATE})?(?:\s+(.*))?$")


@dataclass(frozen=True)
class Closures:
    """Days the district is closed, and where that list came from."""

    days: frozenset[dt.date]
    source: str  # the file's name, for the output
    skipped_events: tuple[str, ...] = ()  # all-day events not taken as closures


@cache
def federal_holidays(first_year: int, last_year: int) -> dict[dt.date, str]:
    """US federal holidays (observed days included) from `first_year` to `last_year`."""
    from iepprep.core.storage.cache import cached

    def build() -> list[list[str]]:
        import holidays

        found = holidays.country_holidays("US", years=range(first_year, last_year + 1))
        return [[day.isoformat(), str(name)] for day, name in sorted(found.items())]

    return cached(
        "holidays",
        [str(first_year), str(last_year)],
        build,
        lambda rows: {dt.date.fromisoformat(day): name for day, name in rows},
    )


@dataclass
class SchoolCalendar:
    """Answers "is this a school day?" from closures, or estimates it."""

    closures: Closures | None = None
    _holidays: dict[int, set[dt.date]] = field(default_factory=dict)

    @property
    def is_estimate(self) -> bool:
        return self.closures is None

    def is_school_day(self, day: dt.date) -> bool:
        if day.weekday() >= 5:
            return False
        if self.closures is not None:
            return day not in self.closures.days
        return day not in self._federal_holidays(day.year)

    def _federal_holidays(self, year: int) -> set[dt.date]:
        if year not in self._holidays:
            self._holidays[year] = set(federal_holidays(year, year))
        return self._holidays[year]

    def next_school_day(self, day: dt.date) -> dt.date:
        """The first school day after `day`."""
        limit = day + LONGEST_CLOSURE
        day += ONE_DAY
        while not self.is_school_day(day):
            day += ONE_DAY
            if day > limit:
                from iepprep.core.i18n.dates import long_date_without_weekday

                raise InputError(
                    _(
                        "The closures file leaves no school days for {count} days after {date}."
                    ).format(
                        count=LONGEST_CLOSURE.days,
                        date=long_date_without_weekday(day - LONGEST_CLOSURE),
                    ),
                    hint=_("Check that it lists only the days school is closed."),
                )
        return day

    def breaks(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
        """Runs of days without school between `start` and `end` (inclusive), as (first, last)."""
        runs: list[tuple[dt.date, dt.date]] = []
        day = start
        while day <= end:
            if self.is_school_day(day):
                day += ONE_DAY
                continue
            first = day
            while day <= end + LONGEST_CLOSURE and not self.is_school_day(day):
                day += ONE_DAY
            runs.append((first, day - ONE_DAY))
        return runs

    def summer_break(self, year: int) -> tuple[dt.date, dt.date] | None:
        """The district's summer break of `year` (the long closure around mid-July), if known."""
        if self.closures is None:
            return None
        middle = dt.date(year, 7, 15)
        if self.is_school_day(middle):
            return None
        first = last = middle
        while not self.is_school_day(first - ONE_DAY) and middle - first < LONGEST_CLOSURE:
            first -= ONE_DAY
        while not self.is_school_day(last + ONE_DAY) and last - middle < LONGEST_CLOSURE:
            last += ONE_DAY
        return (first, last) if (last - first).days >= 20 else None


def read_closures(path: Path, *, today: dt.date) -> Closures:
    """The closures in a district calendar (.ics) or a plain list (text or YAML)."""
    from iepprep.core.content.datafiles import read_text_file

    text = read_text_file(path, what=N_("closures file"), error=InputError)
    if path.suffix.lower() in (".ics", ".ical", ".ifb") or text.lstrip().startswith(
        "BEGIN:VCALENDAR"
    ):
        return _closures_from_ics(text, name=path.name)
    if path.suffix.lower() in (".yaml", ".yml") or text.lstrip().startswith("-"):
        return _closures_from_yaml(text, name=path.name, today=today)
    return Closures(frozenset(_closure_lines(text.splitlines(), name=path.name)), path.name)


def _closures_from_ics(text: str, *, name: str) -> Closures:
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(text)
        events = list(calendar.walk("VEVENT"))
    except (ValueError, IndexError, KeyError, TypeError):
        raise InputError(
            _("The closures file {name} is not a calendar iepprep can read.").format(
                name=repr(name)
            ),
            hint=_("Export the district calendar again as .ics, or list the dates one per line."),
        ) from None
    days: set[dt.date] = set()
    skipped: list[str] = []
    for event in events:
        summary = clean_summary(event.get("SUMMARY", ""))
        try:
            found = _event_days(event, name=name, summary=summary)
        except (ValueError, TypeError, AttributeError, KeyError, OverflowError):
            raise InputError(
                _(
                    "The closures file {name} has an event iepprep cannot read{event}: "
                    "a date in it is not a date."
                ).format(name=repr(name), event=f" ({summary!r})" if summary else ""),
                hint=_("Fix or delete that event, or list the closed dates one per line."),
            ) from None
        if found is None:
            continue
        if _SCHOOL_DAY_EVENTS.search(summary):
            skipped.append(summary)
            continue
        days.update(found)
    if not days:
        raise InputError(
            _("The closures file {name} has no all-day events, so no closures were found.").format(
                name=repr(name)
            ),
            hint=_("Districts mark days off as all-day events; or list the dates one per line."),
        )
    return Closures(frozenset(days), name, tuple(skipped))


def clean_summary(value: object) -> str:
    from iepprep.core.common.safety import one_line

    return one_line(str(value))[:80]


def _event_days(event: object, *, name: str, summary: str) -> list[dt.date] | None:
    """The days an all-day event covers, its repeats included; None for a timed event."""
    get = event.get  # type: ignore[attr-defined]
    start = get("DTSTART")
    if start is None:
        return None
    first = start.dt
    if isinstance(first, dt.datetime) or not isinstance(first, dt.date):
        return None  # a timed event (a game, a board meeting) does not close school
    end = get("DTEND")
    last = first
    if end is not None and isinstance(end.dt, dt.date) and not isinstance(end.dt, dt.datetime):
        last = max(first, end.dt - ONE_DAY)
    elif end is None and get("DURATION") is not None:
        last = max(first, first + get("DURATION").dt - ONE_DAY)
    where = summary or _("an event")
    length = (last - first).days
    starts = [first]
    rule = get("RRULE")
    if rule is not None:
        starts = _repeats(rule, first, exdates=get("EXDATE"), name=name, where=where)
    found: list[dt.date] = []
    for begin in starts:
        found += _date_range(begin, begin + dt.timedelta(days=length), name=name, where=where)
    return found


MOST_REPEATS = 400  # a weekly closure for several years; an endless rule stops here


def _repeats(
    rule: object, first: dt.date, *, exdates: object, name: str, where: str
) -> list[dt.date]:
    """The start of every repeat of a recurring event (RRULE), minus its EXDATEs."""
    from dateutil.rrule import rrulestr

    text = rule.to_ical().decode()  # type: ignore[attr-defined]
    begin = dt.datetime(first.year, first.month, first.day)
    horizon = begin + dt.timedelta(days=3 * 366)
    starts: list[dt.date] = []
    for moment in rrulestr(text, dtstart=begin):
        if moment > horizon or len(starts) >= MOST_REPEATS:
            break
        starts.append(moment.date())
    excluded: set[dt.date] = set()
    for group in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        for value in getattr(group, "dts", []):
            day = value.dt
            excluded.add(day.date() if isinstance(day, dt.datetime) else day)
    return [day for day in starts if day not in excluded]


def _closures_from_yaml(text: str, *, name: str, today: dt.date) -> Closures:
    from iepprep.core.content.datafiles import parse_yaml

    data = parse_yaml(text, name=name, error=InputError)
    if not isinstance(data, list):
        raise InputError(
            _("The closures file {name} should be a list of dates or ranges.").format(
                name=repr(name)
            ),
            hint=_("One per line, like: - 2026-12-21 to 2027-01-01"),
        )
    lines = [item.isoformat() if isinstance(item, dt.date) else str(item) for item in data]
    return Closures(frozenset(_closure_lines(lines, name=name)), name)


MOST_LINES = 5000  # a district calendar lists a few dozen closures


def _closure_lines(lines: Iterable[str], *, name: str) -> set[dt.date]:
    days: set[dt.date] = set()
    for number, raw in enumerate(lines, start=1):
        if number > MOST_LINES:
            raise InputError(
                _(
                    "The closures file {name} has more than {most} lines; a district "
                    "calendar lists a few dozen closures."
                ).format(name=repr(name), most=f"{MOST_LINES:,}"),
                hint=_("Give only the days school is closed, one date or range per line."),
            )
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _LINE.match(line)
        if match is None:
            raise InputError(
                _(
                    "Line {number} of the closures file {name} is not a date or a range: {line}."
                ).format(number=number, name=repr(name), line=repr(line[:60])),
                hint=_(
                    "Write one date or range per line: 2026-03-16, or 2026-03-16 to 2026-03-20."
                ),
            )
        first = _one_date(match.group(1), name=name, number=number)
        last = _one_date(match.group(2), name=name, number=number) if match.group(2) else first
        if last < first:
            raise InputError(
                _(
                    "Line {number} of the closures file {name} ends before it starts "
                    "({first} to {last})."
                ).format(
                    number=number, name=repr(name), first=first.isoformat(), last=last.isoformat()
                )
            )
        where = _("line {number}").format(number=number)
        days.update(_date_range(first, last, name=name, where=where))
    if not days:
        raise InputError(_("The closures file {name} lists no dates.").format(name=repr(name)))
    return days


def _one_date(text: str, *, name: str, number: int) -> dt.date:
    try:
        if "/" in text:
            month, day, year = (int(part) for part in text.split("/"))
            return dt.date(year + 2000 if year < 100 else year, month, day)
        return dt.date(*(int(part) for part in text.split("-")))
    except ValueError:
        raise InputError(
            _(
                "Line {number} of the closures file {name} has a date that does not exist: {date}."
            ).format(number=number, name=repr(name), date=repr(text))
        ) from None


def _date_range(first: dt.date, last: dt.date, *, name: str, where: str) -> list[dt.date]:
    if (last - first).days > MAX_RANGE_DAYS:
        raise InputError(
            _("The closures file {name} has a closure of more than a year ({where}).").format(
                name=repr(name), where=where
            ),
            hint=_("List only the days school is closed."),
        )
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]

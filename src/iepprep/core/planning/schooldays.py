"""School days: weekdays that are not US federal holidays.

A step that needs the school (asking for papers, sending a letter) is only useful on
a day someone is there to read it, so its target date moves to a school day. Federal
holidays come from the `holidays` package; its import is slow (most of a second), so
the dates it gives are kept in iepprep's cache and the package is imported only once
for each span of years. States and districts add their own closures (breaks, teacher
days), which no package knows: a target date is a suggestion, not a deadline.
"""

from __future__ import annotations

import datetime as dt

from iepprep.core.deadlines.calendar import federal_holidays

ONE_DAY = dt.timedelta(days=1)


class SchoolDays:
    """Which days are school days, over the years a plan's dates can fall in."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        # A year either side: moving a date to a school day may cross New Year.
        self.holidays = federal_holidays(first.year - 1, last.year + 1)

    def holiday(self, day: dt.date) -> str | None:
        return self.holidays.get(day)

    def is_school_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_school_day(day):
            day += ONE_DAY
        return day

"""Counting each deadline from the dates a parent knows, as its rule says.

`deadlines_for` is the one entry point: events and a state in, dated deadlines out,
each saying how it was counted, what was skipped and whether the state's own rule
was checked. Nothing here prints; the renderers lay the result out.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from iepprep.core.deadlines.calendar import ONE_DAY, SchoolCalendar
from iepprep.core.deadlines.rules import Counting, DeadlinesFile, Event, Rule, load_rules_in
from iepprep.core.i18n.dates import medium_date
from iepprep.core.i18n.language import current
from iepprep.core.i18n.messages import N_, _, ngettext
from iepprep.errors import InputError

# The order events happen in, for checking that dates are not given backwards.
_EVENT_ORDER = [Event.REQUESTED, Event.CONSENT, Event.ELIGIBILITY, Event.IEP]
EVENT_OPTIONS = {
    Event.REQUESTED: "--requested",
    Event.CONSENT: "--consent",
    Event.ELIGIBILITY: "--eligibility",
    Event.IEP: "--iep",
    Event.LAST_EVALUATION: "--last-evaluation",
    Event.PLACEMENT_CHANGE: "--placement-change",
    Event.COMPLAINT: "--complaint",
    Event.DUE_PROCESS: "--due-process",
}
# What each event is, in words: translate with `event_words` where it is shown.
EVENT_WORDS = {
    Event.REQUESTED: N_("your written request for an evaluation"),
    Event.CONSENT: N_("your consent to the evaluation"),
    Event.ELIGIBILITY: N_("the eligibility decision"),
    Event.IEP: N_("the IEP meeting"),
    Event.LAST_EVALUATION: N_("the last evaluation"),
    Event.PLACEMENT_CHANGE: N_("the decision to change placement"),
    Event.COMPLAINT: N_("the state complaint"),
    Event.DUE_PROCESS: N_("the due process complaint"),
}


def event_words(event: Event) -> str:
    """What `event` is, in the language of this run."""
    return _(EVENT_WORDS[event])


@dataclass(frozen=True)
class Deadline:
    """One dated deadline and how it was reached."""

    rule: Rule
    start: dt.date
    date: dt.date
    state: str | None
    verified: bool  # the rule is the federal one for no state, or the state's own, checked
    how: str  # how it was counted, in words
    skipped: tuple[str, ...] = ()  # what was not counted, in words
    estimate: bool = False  # school days or breaks were guessed without the district calendar
    cautions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        return self.rule.id

    def json_data(self) -> dict[str, Any]:
        return {
            "id": self.rule.id,
            "title": self.rule.title,
            "date": self.date.isoformat(),
            "counted": self.rule.counting.value,
            "days": self.rule.days,
            "years": self.rule.years,
            "from": self.rule.start.value,
            "from_date": self.start.isoformat(),
            "citation": self.rule.citation,
            "url": self.rule.url,
            "state": self.state,
            "verified": self.verified,
            "note": self.rule.note,
            "how": self.how,
            "skipped": list(self.skipped),
            "estimate": self.estimate,
            "cautions": list(self.cautions),
        }


@dataclass(frozen=True)
class DeadlineReport:
    """All the deadlines for a family's dates, with what the count rests on."""

    deadlines: list[Deadline]
    state: str | None
    state_checked: dt.date | None  # when the state's own rules were last read
    state_note: str | None  # why the federal rule is shown for this state
    calendar_source: str | None  # the closures file, or None for the estimate
    skipped_events: tuple[str, ...]  # calendar events not taken as closures
    missing: list[Event]  # events that would give more deadlines
    assumed: str | None = None  # where a date came from, when the parent did not type it
    # Why a deadline the parent may expect is not shown (the reevaluation, given only
    # the IEP meeting's date), and which date to give for it.
    not_counted: str | None = None

    def next_after(self, today: dt.date) -> Deadline | None:
        upcoming = [d for d in self.deadlines if d.date >= today]
        return min(upcoming, key=lambda d: d.date) if upcoming else None


def deadlines_for(
    events: Mapping[Event, dt.date],
    *,
    state: str | None,
    calendar: SchoolCalendar,
    absences: int = 0,
    rules: DeadlinesFile | None = None,
) -> DeadlineReport:
    """Every deadline the given events start, counted by the state's rules or the federal ones."""
    check_order(events)
    book = rules or load_rules_in(current())
    chosen, own = book.rules_for(state)
    known = dict(events)
    # The reevaluation counts from the last evaluation (34 CFR 300.303(b)(2)), never
    # from an IEP meeting. An eligibility decision ends an evaluation (300.306), so it
    # stands in for one, with a caution; the IEP meeting's date never does.
    from_eligibility = Event.LAST_EVALUATION not in known and Event.ELIGIBILITY in known
    if from_eligibility:
        known[Event.LAST_EVALUATION] = known[Event.ELIGIBILITY]
    found: list[Deadline] = []
    missing: list[Event] = []
    for rule in chosen:
        start = known.get(rule.start)
        if start is None:
            if rule.start not in missing:
                missing.append(rule.start)
            continue
        deadline = _count(
            rule, start, calendar, state=state, own=own is not None, absences=absences
        )
        if from_eligibility and rule.start is Event.LAST_EVALUATION:
            deadline = replace(deadline, cautions=(*deadline.cautions, _from_eligibility()))
        found.append(deadline)
    found.sort(key=lambda d: (d.date, d.rule.id))
    return DeadlineReport(
        deadlines=found,
        state=state,
        state_checked=own.checked if own else None,
        state_note=book.unverified.get(state) if state and own is None else None,
        calendar_source=calendar.closures.source if calendar.closures else None,
        skipped_events=calendar.closures.skipped_events if calendar.closures else (),
        missing=missing,
        not_counted=_reevaluation_not_counted()
        if Event.LAST_EVALUATION in missing and Event.IEP in known
        else None,
    )


def _from_eligibility() -> str:
    return _(
        "Counted from the eligibility decision, which follows an evaluation. If your "
        "child was evaluated again since, give that date: --last-evaluation DATE."
    )


def _reevaluation_not_counted() -> str:
    return _(
        "The reevaluation (at least every 3 years) is counted from your child's last "
        "evaluation, not from the IEP meeting. To see it, give that date: "
        "--last-evaluation DATE (it is on the evaluation report)."
    )


def check_order(events: Mapping[Event, dt.date]) -> None:
    """Refuse dates given in an impossible order (eligibility before consent, ...)."""
    given = [(event, events[event]) for event in _EVENT_ORDER if event in events]
    for (earlier, first), (later, second) in itertools.pairwise(given):
        if second < first:
            raise InputError(
                _(
                    "{later} ({second}) is before {earlier} ({first}), "
                    "but {later_words} comes after {earlier_words}."
                ).format(
                    later=EVENT_OPTIONS[later],
                    second=second.isoformat(),
                    earlier=EVENT_OPTIONS[earlier],
                    first=first.isoformat(),
                    later_words=event_words(later),
                    earlier_words=event_words(earlier),
                ),
                hint=_("Check the two dates; one of them may have the month and day swapped."),
            )


def _count(
    rule: Rule,
    start: dt.date,
    calendar: SchoolCalendar,
    *,
    state: str | None,
    own: bool,
    absences: int,
) -> Deadline:
    verified = own or state is None
    if rule.years is not None:
        return Deadline(
            rule,
            start,
            _add_years(start, rule.years),
            state,
            verified,
            how=ngettext(
                "{count} year after {date}", "{count} years after {date}", rule.years
            ).format(count=rule.years, date=medium_date(start)),
        )
    assert rule.days is not None
    if rule.counting is Counting.SCHOOL:
        return _count_school_days(rule, start, calendar, state, verified, absences)
    return _count_calendar_days(rule, start, calendar, state, verified)


def _count_school_days(
    rule: Rule,
    start: dt.date,
    calendar: SchoolCalendar,
    state: str | None,
    verified: bool,
    absences: int,
) -> Deadline:
    assert rule.days is not None
    days = rule.days
    how = (
        ngettext(
            "{count} school working day after {date}",
            "{count} school working days after {date}",
            days,
        )
        if rule.working_days
        else ngettext("{count} school day after {date}", "{count} school days after {date}", days)
    ).format(count=days, date=medium_date(start))
    skipped: list[str] = []
    cautions = []
    if rule.extend_by_absences and absences >= rule.extend_by_absences:
        days += absences
        how += ngettext(
            ", plus {count} school day your child was absent",
            ", plus {count} school days your child was absent",
            absences,
        ).format(count=absences)
    elif rule.extend_by_absences and absences:
        how += ngettext(
            " ({count} absence does not move it: it moves from {least} absences)",
            " ({count} absences do not move it: it moves from {least} absences)",
            absences,
        ).format(count=absences, least=rule.extend_by_absences)
    day = start
    for _counted in range(days):
        day = calendar.next_school_day(day)
    if calendar.is_estimate:
        cautions.append(_estimate_caution(start, day))
    return Deadline(
        rule,
        start,
        day,
        state,
        verified,
        how,
        tuple(skipped),
        calendar.is_estimate,
        tuple(cautions),
    )


def _count_calendar_days(
    rule: Rule, start: dt.date, calendar: SchoolCalendar, state: str | None, verified: bool
) -> Deadline:
    assert rule.days is not None
    how = ngettext(
        "{count} calendar day after {date}", "{count} calendar days after {date}", rule.days
    ).format(count=rule.days, date=medium_date(start))
    begin = start
    if rule.wait_days:
        begin = start + dt.timedelta(days=rule.wait_days)
        how = ngettext(
            "{count} calendar day after the {wait}-day period that began {date}",
            "{count} calendar days after the {wait}-day period that began {date}",
            rule.days,
        ).format(count=rule.days, wait=rule.wait_days, date=medium_date(start))
    if not (rule.skip_breaks_over or rule.skip_summer):
        return Deadline(rule, start, begin + dt.timedelta(days=rule.days), state, verified, how)
    not_counted = _days_not_counted(rule, begin, calendar)
    day, counted = begin, 0
    skipped_days = 0
    while counted < rule.days:
        day += ONE_DAY
        if day in not_counted:
            skipped_days += 1
        else:
            counted += 1
    skipped: list[str] = []
    cautions: list[str] = []
    if skipped_days and rule.skip_summer:
        skipped.append(
            ngettext(
                "{count} day of the summer break",
                "{count} days of the summer break",
                skipped_days,
            ).format(count=skipped_days)
        )
    elif skipped_days:
        skipped.append(
            ngettext(
                "{count} day of breaks of more than {longest} school days",
                "{count} days of breaks of more than {longest} school days",
                skipped_days,
            ).format(count=skipped_days, longest=rule.skip_breaks_over)
        )
    if calendar.is_estimate:
        if rule.skip_summer:
            cautions.append(
                _(
                    "The summer break is not counted, and iepprep does not know your "
                    "district's summer dates: give the district calendar with --closures. "
                    "If the summer falls in this time, the real date is later."
                )
            )
        else:
            cautions.append(
                _(
                    "Breaks of more than {longest} school days are not counted, and iepprep "
                    "does not know your district's breaks: give the district calendar with "
                    "--closures. If a long break falls in this time, the real date is later."
                ).format(longest=rule.skip_breaks_over)
            )
    return Deadline(
        rule,
        start,
        day,
        state,
        verified,
        how,
        tuple(skipped),
        calendar.is_estimate,
        tuple(cautions),
    )


def _days_not_counted(rule: Rule, begin: dt.date, calendar: SchoolCalendar) -> set[dt.date]:
    """The days a calendar count skips: long breaks (CA) or the summer (PA)."""
    horizon = begin + dt.timedelta(days=(rule.days or 0) * 3 + 120)
    skip: set[dt.date] = set()
    if calendar.is_estimate:
        return skip
    if rule.skip_summer:
        for year in range(begin.year, horizon.year + 1):
            summer = calendar.summer_break(year)
            if summer is not None:
                first, last = summer
                skip.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    if rule.skip_breaks_over:
        for first, last in calendar.breaks(begin + ONE_DAY, horizon):
            weekdays = sum(
                1
                for n in range((last - first).days + 1)
                if (first + dt.timedelta(days=n)).weekday() < 5
            )
            if weekdays > rule.skip_breaks_over:
                skip.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return skip


def _estimate_caution(start: dt.date, end: dt.date) -> str:
    caution = _(
        "This counts weekdays except US federal holidays. Your district's own calendar "
        "(breaks, teacher days, snow days) decides: give it with --closures."
    )
    if any(
        dt.date(year, 6, 15) <= end and start <= dt.date(year, 8, 31)
        for year in range(start.year, end.year + 1)
    ):
        caution += " " + _(
            "This time crosses the summer, which school-day counts skip: the real date is later."
        )
    return caution


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # February 29
        return day.replace(year=day.year + years, day=28)


# The event a meeting of each kind is, for counting from a saved plan's meeting date.
MEETING_EVENTS = {
    "eligibility": Event.ELIGIBILITY,
    "reevaluation": Event.ELIGIBILITY,
    "initial": Event.IEP,
    "annual": Event.IEP,
}


def meeting_deadline(
    meeting_type: str, meeting_date: dt.date | None, *, state: str | None, today: dt.date
) -> Deadline | None:
    """The next legal deadline a meeting starts (an eligibility meeting: the IEP within
    30 days; an IEP meeting: the next review within a year), for the plan's header.
    Only calendar-day rules apply here, so no school calendar is needed."""
    event = MEETING_EVENTS.get(meeting_type)
    if event is None or meeting_date is None:
        return None
    report = deadlines_for({event: meeting_date}, state=state, calendar=SchoolCalendar())
    return report.next_after(max(today, meeting_date))

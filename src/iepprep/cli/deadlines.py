"""`iepprep deadlines`: the dates the school must meet, counted the way the law counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from iepprep.cli.app import (
    ForceOption,
    OutputOption,
    app,
    examples,
    format_option,
    friendly_errors,
    today,
)
from iepprep.core.i18n.messages import _
from iepprep.errors import InputError
from iepprep.render.formats import Format

_YEAR = re.compile(r"\d{4}|\d{1,2}/\d{1,2}/\d{2,4}")
_RELATIVE = re.compile(
    r"^\s*(today|tomorrow|next|this|on|in|hoy|mañana|manana|próximo|proximo|este|en|dentro)\b",
    re.IGNORECASE,
)


def _date_option(help_text: str) -> Any:
    return typer.Option(help=help_text, metavar="DATE", show_default=False)


@app.command(
    rich_help_panel="Words and rights",
    epilog=examples("iepprep deadlines --consent 10/26 --state TX"),
)
@friendly_errors
def deadlines(
    ctx: typer.Context,
    requested: Annotated[
        str | None, _date_option("The day the school got your written request to evaluate.")
    ] = None,
    consent: Annotated[str | None, _date_option("The day you signed consent to evaluate.")] = None,
    eligibility: Annotated[
        str | None, _date_option("The day your child was found eligible.")
    ] = None,
    iep: Annotated[str | None, _date_option("The day of the IEP meeting.")] = None,
    last_evaluation: Annotated[
        str | None,
        _date_option("The day of your child's last evaluation (for the next reevaluation)."),
    ] = None,
    placement_change: Annotated[
        str | None,
        _date_option("The day the school decided to change placement for discipline."),
    ] = None,
    complaint: Annotated[str | None, _date_option("The day you filed a state complaint.")] = None,
    due_process: Annotated[
        str | None, _date_option("The day the school received your due process complaint.")
    ] = None,
    state: Annotated[
        str | None,
        typer.Option(help="Two-letter state code (default: your saved plan's).", metavar="XX"),
    ] = None,
    closures: Annotated[
        Path | None,
        typer.Option(
            help="Your district calendar (.ics) or a list of closed days, one per line.",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    absences: Annotated[
        int,
        typer.Option(
            help="School days your child was absent during an evaluation (Texas counts them).",
            metavar="N",
            min=0,
            max=200,
        ),
    ] = 0,
    fmt: Annotated[
        str | None, format_option([Format.TEXT, Format.MARKDOWN, Format.JSON, Format.ICS])
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Count the deadlines the school must meet, from dates you know."""
    from iepprep.core.deadlines.calendar import SchoolCalendar, read_closures
    from iepprep.core.deadlines.counting import deadlines_for, event_words
    from iepprep.core.deadlines.rules import Event
    from iepprep.render.deadlines import deadline_date

    day = today()
    typed = {
        Event.REQUESTED: ("--requested", requested),
        Event.CONSENT: ("--consent", consent),
        Event.ELIGIBILITY: ("--eligibility", eligibility),
        Event.IEP: ("--iep", iep),
        Event.LAST_EVALUATION: ("--last-evaluation", last_evaluation),
        Event.PLACEMENT_CHANGE: ("--placement-change", placement_change),
        Event.COMPLAINT: ("--complaint", complaint),
        Event.DUE_PROCESS: ("--due-process", due_process),
    }
    events = {
        event: event_date(text, option=option, today=day)
        for event, (option, text) in typed.items()
        if text is not None
    }
    saved_state, from_plan = _from_saved_plan(events)
    if state is None:
        state = saved_state
    state = _state_code(state)
    calendar = SchoolCalendar(read_closures(closures, today=day) if closures else None)
    report = deadlines_for(
        {**from_plan, **events}, state=state, calendar=calendar, absences=absences
    )
    if from_plan:
        ((event, meeting_day),) = from_plan.items()
        report = dataclasses.replace(
            report,
            assumed=_(
                "Counted from your saved plan's meeting on {date}, taken as {event}. If it "
                "moves, or for other steps, give the dates yourself (for example --consent DATE)."
            ).format(date=deadline_date(meeting_day), event=event_words(event)),
        )
    _write(ctx, report, fmt, output, day)


def event_date(text: str, *, option: str, today: dt.date) -> dt.date:
    """A date typed for an event that has happened: without a year, the last such date;
    also "yesterday", "3 days ago", "2 weeks ago", "last Monday"."""
    from iepprep.core.common.dates import parse_date
    from iepprep.core.i18n.dates import (
        long_date,
        long_date_without_weekday,
        spanish_parse_date,
        weekday_name,
    )
    from iepprep.core.i18n.language import is_spanish

    past = _past_date(text, today)
    if past is not None:
        return past
    read = spanish_parse_date if is_spanish() else parse_date
    try:
        day = read(text, today=today, meeting=False)
    except ValueError as exc:
        leap = _leap_day(text, today)
        if leap is None:
            reason = str(exc).rstrip(".")
            raise InputError(
                f"{option}: {reason}" + ("" if reason.endswith("?") else ".")
            ) from None
        day = leap
    if day > today and not _YEAR.search(text) and not _RELATIVE.match(text):
        named = day
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:  # Feb 29: the last one before today
            day = _leap_day(text, today) or day
        if (
            _NAMES_A_WEEKDAY.match(_folded(text.strip().casefold()))
            and day.weekday() != named.weekday()
        ):
            raise InputError(
                _(
                    "{option}: {date} was a {was}, not a {typed}. Deadlines are counted from "
                    "a date that has passed, and {meant} has not come yet. Write the date "
                    "with its year."
                ).format(
                    option=option,
                    date=long_date_without_weekday(day),
                    was=weekday_name(day),
                    typed=weekday_name(named),
                    meant=long_date(named),
                )
            )
    if not dt.date(today.year - 10, 1, 1) <= day <= dt.date(today.year + 3, 12, 31):
        raise InputError(
            _("{option}: {date} is too far from today to count from.").format(
                option=option, date=day.isoformat()
            )
        )
    return day


_NAMES_A_WEEKDAY = re.compile(
    r"^(?:el\s+|on\s+)?(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|"
    r"saturday|sat|sunday|sun|lunes|lun|martes|mar|miercoles|mie|jueves|jue|viernes|vie|"
    r"sabado|sab|domingo|dom)\b"
)


_AGO = re.compile(r"^(\d{1,3}|a|an|one|two|three|four|five|six)\s+(day|week|month)s?\s+ago$")
_HACE = re.compile(
    r"^hace\s+(\d{1,3}|un|una|uno|dos|tres|cuatro|cinco|seis)\s+(d[ií]a|semana|mes)(?:s|es)?$"
)
_SPANISH_NUMBERS = {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4}
_SPANISH_NUMBERS |= {"cinco": 5, "seis": 6}
_LAST_WEEKDAY = re.compile(r"^last\s+(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*$")
_FEB_29 = re.compile(r"^(?:2/29|02/29|feb(?:ruary)?\.?\s+29(?:th)?|29(?:th)?\s+feb(?:ruary)?)$")


def _past_date(text: str, today: dt.date) -> dt.date | None:
    value = " ".join(text.strip().lower().split())
    if value in ("yesterday", "ayer"):
        return today - dt.timedelta(days=1)
    if match := _HACE.match(value):
        count = match.group(1)
        number = int(count) if count.isdigit() else _SPANISH_NUMBERS[count]
        unit = {"d": 1, "s": 7, "m": 30}[match.group(2)[0]]
        return today - dt.timedelta(days=number * unit)
    if match := _AGO.match(value):
        count = match.group(1)
        number = (
            int(count)
            if count.isdigit()
            else {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}[
                count
            ]
        )
        unit = {"day": 1, "week": 7, "month": 30}[match.group(2)]
        return today - dt.timedelta(days=number * unit)
    if match := _LAST_WEEKDAY.match(value):
        names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        weekday = names.index(match.group(1)[:3])
        back = (today.weekday() - weekday - 1) % 7 + 1
        return today - dt.timedelta(days=back)
    alone = _WEEKDAY_ALONE.get(_folded(value).removeprefix("el ").removesuffix(" pasado"))
    if alone is not None:  # "Tuesday", "el martes": the step happened, so the last one
        return today - dt.timedelta(days=(today.weekday() - alone) % 7)
    return None


# A weekday alone, in English or Spanish (folded: no accents), by its number.
_WEEKDAY_ALONE = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon", "lunes"),
            ("tuesday", "tue", "tues", "martes"),
            ("wednesday", "wed", "miercoles"),
            ("thursday", "thu", "thur", "thurs", "jueves"),
            ("friday", "fri", "viernes"),
            ("saturday", "sat", "sabado"),
            ("sunday", "sun", "domingo"),
        ]
    )
    for name in names
}


def _folded(text: str) -> str:
    import unicodedata

    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def _leap_day(text: str, today: dt.date) -> dt.date | None:
    """February 29 without a year: the last one before today."""
    if not _FEB_29.match(" ".join(text.strip().lower().split())):
        return None
    year = today.year
    while True:
        try:
            day = dt.date(year, 2, 29)
        except ValueError:
            year -= 1
            continue
        if day <= today:
            return day
        year -= 1


def _state_code(state: str | None) -> str | None:
    if state is None:
        return None
    from iepprep.core.family.profile import state_code

    code = state_code(state)
    if not code:
        raise InputError(
            _(
                "--state: {state} is not a US state we know; write its name or its two letters, "
                "for example Texas or TX."
            ).format(state=repr(state))
        )
    return code


def _from_saved_plan(events: dict[Any, dt.date]) -> tuple[str | None, dict[Any, dt.date]]:
    """The saved plan's state, and (when no date was given) its meeting as an event."""
    from iepprep.core.deadlines.rules import Event
    from iepprep.core.storage.plans import PlanStore
    from iepprep.errors import IepprepError

    try:
        latest = PlanStore().latest()
    except IepprepError:  # a damaged store must not stop a count that does not need it
        return None, {}
    if latest is None:
        return None, {}
    answers = latest.answers
    state = answers.get("state") if isinstance(answers.get("state"), str) else None
    if events:
        return state, {}
    meeting = answers.get("meeting_date")
    kind = answers.get("meeting_type")
    try:
        day = dt.date.fromisoformat(str(meeting)) if meeting else None
    except ValueError:
        day = None
    if day is None:
        return state, {}
    event = {
        "eligibility": Event.ELIGIBILITY,
        "reevaluation": Event.ELIGIBILITY,
        "initial": Event.IEP,
        "annual": Event.IEP,
    }.get(str(kind))
    return state, ({event: day} if event else {})


def _write(
    ctx: typer.Context,
    report: Any,
    fmt: str | None,
    output: Path | None,
    day: dt.date,
) -> None:
    from iepprep.cli.output import emit_report
    from iepprep.render import deadlines as layout

    emit_report(
        ctx,
        fmt,
        output,
        command="deadlines",
        text=lambda options: layout.print_text(report, options, today=day),
        files={
            Format.MARKDOWN: lambda: layout.as_markdown(report, today=day),
            Format.JSON: lambda: layout.as_json(report),
            Format.ICS: lambda: layout.as_calendar(report),
        },
    )

"""Deadlines laid out for the screen (Rich), Markdown, JSON and a calendar file.

Every layout says how the days were counted and that the district's own calendar and
the state's rules decide: a deadline is only as good as the count behind it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from iepprep.core.deadlines.counting import EVENT_OPTIONS, EVENT_WORDS

if TYPE_CHECKING:
    from rich.console import Console

    from iepprep.core.deadlines.counting import Deadline, DeadlineReport

NOT_LEGAL_ADVICE = (
    "Not legal advice: the district's own calendar and your state's rules decide. "
    "If a date matters, ask the district in writing how it counts, or call your "
    "parent center."
)


def when(day: dt.date, today: dt.date) -> str:
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta > 1:
        return f"in {delta} days"
    if delta == -1:
        return "passed yesterday"
    return f"passed {-delta} days ago"


def counted_words(deadline: Deadline) -> str:
    text = deadline.how
    if deadline.skipped:
        text += "; not counted: " + ", ".join(deadline.skipped)
    return text


def basis_lines(report: DeadlineReport) -> list[str]:
    """What the count rests on: the calendar and the state's rules."""
    lines = [report.assumed] if report.assumed else []
    if report.calendar_source:
        lines.append(f"School days come from your district calendar ({report.calendar_source}).")
        if report.skipped_events:
            shown = ", ".join(sorted(set(report.skipped_events))[:4])
            lines.append(f"Events there that are school days, not closures: {shown}.")
    elif any(d.estimate or d.rule.counting.value == "school" for d in report.deadlines):
        lines.append(
            "School days are an estimate (weekdays except US federal holidays): "
            "give your district calendar with --closures FILE for real dates."
        )
    if report.state and report.state_checked:
        lines.append(
            f"{report.state}'s own rules are used where it has them "
            f"(read from its regulations on {report.state_checked:%B %-d, %Y})."
        )
    elif report.state:
        lines.append(
            report.state_note
            or f"iepprep has not checked {report.state}'s own timelines: the federal rules are "
            "shown, and your state may set different ones. Your state's department of "
            "education or parent center can tell you."
        )
    else:
        lines.append(
            "These are the federal rules. Your state may set its own timelines: add "
            "--state XX (or save a plan with your state)."
        )
    return lines


def missing_line(report: DeadlineReport) -> str | None:
    if not report.missing:
        return None
    options = ", ".join(EVENT_OPTIONS[event] for event in report.missing)
    return f"More deadlines with the dates of other steps: {options}."


# ------------------------------------------------------------------ screen


def print_text(report: DeadlineReport, console: Console, *, today: dt.date, plain: bool) -> None:
    """The deadlines as a table (or plain lines for screen readers)."""
    from rich.text import Text

    if not report.deadlines:
        console.print(Text("No deadlines to count yet.", style="bold"))
        console.print(
            Text(
                "Give the date of a step that has happened, for example:\n"
                "  iepprep deadlines --consent 2026-10-26\n"
                "Dates you can give: "
                + ", ".join(f"{option} ({EVENT_WORDS[event]})" for event, option in _options())
            )
        )
        return
    console.print(Text("Deadlines", style="bold"))
    if plain:
        for deadline in report.deadlines:
            console.print(
                Text(
                    f"{deadline.date:%a %b %-d, %Y} ({when(deadline.date, today)}): "
                    f"{deadline.rule.title}."
                )
            )
            console.print(
                Text(f"  Counted: {counted_words(deadline)}. Rule: {deadline.rule.citation}.")
            )
            if not deadline.verified:
                console.print(Text("  Federal rule: your state may differ."))
            for caution in deadline.cautions:
                console.print(Text(f"  Note: {caution}"))
    else:
        from rich import box
        from rich.table import Table

        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column("Date", no_wrap=True)
        table.add_column("Deadline", ratio=3)
        table.add_column("How it was counted", ratio=3)
        table.add_column("Rule", ratio=2)
        for deadline in report.deadlines:
            passed = deadline.date < today
            date_cell = Text(f"{deadline.date:%a %b %-d, %Y}\n", style="bold")
            date_cell.append(when(deadline.date, today), style="yellow" if passed else "dim")
            title = Text(deadline.rule.title)
            if not deadline.verified:
                title.append("\nfederal rule; your state may differ", style="dim")
            how = Text(counted_words(deadline))
            for caution in deadline.cautions:
                how.append("\n" + caution, style="dim")
            rule = Text(deadline.rule.citation)
            if deadline.rule.url:
                rule.stylize(f"link {deadline.rule.url}")
            table.add_row(date_cell, title, how, rule)
        console.print(table)
    for line in basis_lines(report):
        console.print(Text(line, style="dim"))
    if extra := missing_line(report):
        console.print(Text(extra, style="dim"))
    console.print(Text(NOT_LEGAL_ADVICE, style="dim italic"))


def _options() -> list[tuple[Any, str]]:
    return [(event, option) for event, option in EVENT_OPTIONS.items() if " or " not in option]


# ------------------------------------------------------------------ files


def as_json(report: DeadlineReport) -> str:
    return (
        json.dumps([d.json_data() for d in report.deadlines], indent=2, ensure_ascii=False) + "\n"
    )


def as_markdown(report: DeadlineReport, *, today: dt.date) -> str:
    from iepprep.render.markdown import escape

    out = ["# Deadlines", ""]
    if not report.deadlines:
        out += ["No deadlines to count yet: give the date of a step that has happened.", ""]
    for deadline in report.deadlines:
        out.append(
            f"- **{deadline.date:%a %b %-d, %Y}** ({escape(when(deadline.date, today))}): "
            f"{escape(deadline.rule.title)}  "
        )
        out.append(
            f"  Counted: {escape(counted_words(deadline))}. Rule: {escape(deadline.rule.citation)}."
        )
        if not deadline.verified:
            out.append("  *Federal rule; your state may differ.*")
        for caution in deadline.cautions:
            out.append(f"  *{escape(caution)}*")
    out.append("")
    for line in basis_lines(report):
        out.append(f"> {escape(line)}")
    out += [">", f"> {escape(NOT_LEGAL_ADVICE)}", ""]
    return "\n".join(out)


def as_calendar(report: DeadlineReport, *, now: dt.datetime | None = None) -> bytes:
    """Each deadline as an all-day event with a reminder 3 days before, at 9 a.m."""
    import hashlib

    from icalendar import Alarm, Calendar, Event

    from iepprep import __version__
    from iepprep.errors import InputError

    if not report.deadlines:
        raise InputError(
            "There are no deadlines to put on a calendar yet.",
            hint="Give the date of a step that has happened, like --consent 2026-10-26.",
        )
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", f"-//iepprep//iepprep {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "IEP deadlines")
    for deadline in report.deadlines:
        key = f"{deadline.rule.id}|{deadline.start.isoformat()}|{report.state or ''}"
        uid = hashlib.sha256(key.encode()).hexdigest()[:16]
        event = Event()
        event.add("uid", f"deadline-{uid}@iepprep")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        event.add("summary", f"IEP deadline: {deadline.rule.title}")
        event.add(
            "description",
            f"{deadline.rule.note}\n\nCounted: {counted_words(deadline)}.\n"
            f"Rule: {deadline.rule.citation}\n\n{NOT_LEGAL_ADVICE}",
        )
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"IEP deadline: {deadline.rule.title}")
        alarm.add("trigger", dt.timedelta(days=-3, hours=9))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())

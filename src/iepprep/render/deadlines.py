"""Deadlines laid out for the screen (Rich), Markdown, JSON and a calendar file.

Every layout says how the days were counted and that the district's own calendar and
the state's rules decide: a deadline is only as good as the count behind it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from iepprep.core.deadlines.counting import EVENT_OPTIONS, event_words
from iepprep.core.i18n.dates import long_date_without_weekday, spanish_long_date
from iepprep.core.i18n.language import is_spanish
from iepprep.core.i18n.messages import _, ngettext

if TYPE_CHECKING:
    from iepprep.core.deadlines.counting import Deadline, DeadlineReport
    from iepprep.render.base import TextOptions


def not_legal_advice() -> str:
    """Said under every layout of the deadlines, in the language of this run."""
    return _(
        "Not legal advice: the district's own calendar and your state's rules decide. "
        "If a date matters, ask the district in writing how it counts, or call your "
        "parent center."
    )


def deadline_date(day: dt.date) -> str:
    """'Mon Oct 26, 2026' / 'lunes, 26 de octubre de 2026': the head of each deadline."""
    return spanish_long_date(day) if is_spanish() else f"{day:%a %b %-d, %Y}"


def when(day: dt.date, today: dt.date) -> str:
    delta = (day - today).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("tomorrow")
    if delta > FAR:
        return _far(delta, ahead=True)
    if delta > 1:
        return ngettext("in {count} day", "in {count} days", delta).format(count=delta)
    if delta == -1:
        return _("passed yesterday")
    if -delta > FAR:
        return _far(-delta, ahead=False)
    return ngettext("passed {count} day ago", "passed {count} days ago", -delta).format(
        count=-delta
    )


FAR = 60  # beyond two months, "in 1096 days" reads as "in about 3 years"


def _far(days: int, *, ahead: bool) -> str:
    """A far-off date in months or years, rounded: the exact date is beside it."""
    months = round(days / 30.44)
    if months < 12:
        if ahead:
            return ngettext("in about a month", "in about {count} months", months).format(
                count=months
            )
        return ngettext(
            "passed about a month ago", "passed about {count} months ago", months
        ).format(count=months)
    years = round(days / 365.25)
    if ahead:
        return ngettext("in about a year", "in about {count} years", years).format(count=years)
    return ngettext("passed about a year ago", "passed about {count} years ago", years).format(
        count=years
    )


def counted_words(deadline: Deadline) -> str:
    text = deadline.how
    if deadline.skipped:
        text += _("; not counted: {what}").format(what=", ".join(deadline.skipped))
    return text


def basis_lines(report: DeadlineReport) -> list[str]:
    """What the count rests on: the calendar and the state's rules."""
    lines = [line for line in (report.assumed, report.not_counted) if line]
    if report.calendar_source:
        lines.append(
            _("School days come from your district calendar ({file}).").format(
                file=report.calendar_source
            )
        )
        if report.skipped_events:
            shown = ", ".join(sorted(set(report.skipped_events))[:4])
            lines.append(
                _("Events there that are school days, not closures: {events}.").format(events=shown)
            )
    elif any(d.estimate or d.rule.counting.value == "school" for d in report.deadlines):
        lines.append(
            _(
                "School days are an estimate (weekdays except US federal holidays): "
                "give your district calendar with --closures FILE for real dates."
            )
        )
    if report.state and report.state_checked:
        lines.append(
            _(
                "{state}'s own rules are used where it has them "
                "(read from its regulations on {date})."
            ).format(state=report.state, date=long_date_without_weekday(report.state_checked))
        )
    elif report.state:
        lines.append(
            report.state_note
            or _(
                "iepprep has not checked {state}'s own timelines: the federal rules are "
                "shown, and your state may set different ones. Your state's department of "
                "education or parent center can tell you."
            ).format(state=report.state)
        )
    else:
        lines.append(
            _(
                "These are the federal rules. Your state may set its own timelines: add "
                "--state XX (or save a plan with your state)."
            )
        )
    return lines


def missing_line(report: DeadlineReport) -> str | None:
    if not report.missing:
        return None
    options = ", ".join(EVENT_OPTIONS[event] for event in report.missing)
    return _("More deadlines with the dates of other steps: {options}.").format(options=options)


# ------------------------------------------------------------------ screen


def print_text(report: DeadlineReport, options: TextOptions, *, today: dt.date) -> None:
    """The deadlines as a list, soonest first (a list reads well on a narrow screen and
    to a screen reader, where a table does not)."""
    from iepprep.render.text.layout import Layout, styled

    layout = Layout(options)
    if not report.deadlines:
        layout.line(styled(_("No deadlines to count yet."), layout.style("title")))
        layout.paragraph(_("Give the date of a step that has happened, for example:"))
        layout.line("  iepprep deadlines --consent 2026-10-26")
        layout.paragraph(
            _("Dates you can give: {options}.").format(
                options="; ".join(
                    f"{option} ({event_words(event)})" for event, option in _options()
                )
            )
        )
        options.console.print(*layout.screen().items, soft_wrap=True)  # type: ignore[attr-defined]
        return
    layout.heading(_("Deadlines"))
    for deadline in report.deadlines:
        passed = deadline.date < today
        head = styled(deadline_date(deadline.date), layout.style("item"))
        head.append(layout.sep)
        head.append(when(deadline.date, today), layout.style("due.urgent" if passed else "due"))
        layout.line(head)
        layout.hanging("  ", layout.text(deadline.rule.title, "item"))
        counted = _("Counted: {how}. Rule: ").format(how=counted_words(deadline))
        rule = styled(counted)
        rule.append(deadline.rule.citation)
        if deadline.rule.url:
            layout.link(rule, deadline.rule.url)
        layout.hanging("  ", rule)
        if not deadline.verified:
            layout.hanging(
                "  ", styled(_("Federal rule: your state may differ."), layout.style("notice"))
            )
        for caution in deadline.cautions:
            layout.hanging("  ", styled(caution, layout.style("muted")))
        layout.blank()
    for line in basis_lines(report):
        layout.paragraph(line, "muted")
    if extra := missing_line(report):
        layout.paragraph(extra, "muted")
    layout.legal(not_legal_advice())
    options.console.print(*layout.screen().items, soft_wrap=True)  # type: ignore[attr-defined]


def _options() -> list[tuple[Any, str]]:
    return [(event, option) for event, option in EVENT_OPTIONS.items() if " or " not in option]


# ------------------------------------------------------------------ files


def as_json(report: DeadlineReport) -> str:
    return (
        json.dumps([d.json_data() for d in report.deadlines], indent=2, ensure_ascii=False) + "\n"
    )


def as_markdown(report: DeadlineReport, *, today: dt.date) -> str:
    from iepprep.render.markdown import escape

    out = [f"# {_('Deadlines')}", ""]
    if not report.deadlines:
        out += [
            escape(_("No deadlines to count yet: give the date of a step that has happened.")),
            "",
        ]
    for deadline in report.deadlines:
        out.append(
            f"- **{escape(deadline_date(deadline.date))}** "
            f"({escape(when(deadline.date, today))}): {escape(deadline.rule.title)}  "
        )
        out.append(
            "  "
            + escape(
                _("Counted: {how}. Rule: {citation}.").format(
                    how=counted_words(deadline), citation=deadline.rule.citation
                )
            )
        )
        if not deadline.verified:
            out.append(f"  *{escape(_('Federal rule; your state may differ.'))}*")
        for caution in deadline.cautions:
            out.append(f"  *{escape(caution)}*")
    out.append("")
    for line in basis_lines(report):
        out.append(f"> {escape(line)}")
    out += [">", f"> {escape(not_legal_advice())}", ""]
    return "\n".join(out)


def as_calendar(report: DeadlineReport, *, now: dt.datetime | None = None) -> bytes:
    """Each deadline as an all-day event with a reminder 3 days before, at 9 a.m."""
    import hashlib

    from icalendar import Alarm, Calendar, Event

    from iepprep import __version__
    from iepprep.errors import InputError

    if not report.deadlines:
        raise InputError(
            _("There are no deadlines to put on a calendar yet."),
            hint=_("Give the date of a step that has happened, like --consent 2026-10-26."),
        )
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", f"-//iepprep//iepprep {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("IEP deadlines"))
    for deadline in report.deadlines:
        key = f"{deadline.rule.id}|{deadline.start.isoformat()}|{report.state or ''}"
        uid = hashlib.sha256(key.encode()).hexdigest()[:16]
        event = Event()
        event.add("uid", f"deadline-{uid}@iepprep")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        summary = _("IEP deadline: {title}").format(title=deadline.rule.title)
        event.add("summary", summary)
        event.add(
            "description",
            "\n\n".join(
                [
                    deadline.rule.note,
                    _("Counted: {how}.").format(how=counted_words(deadline))
                    + "\n"
                    + _("Rule: {citation}").format(citation=deadline.rule.citation),
                    not_legal_advice(),
                ]
            ),
        )
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(days=-3, hours=9))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())

"""Calendar output (RFC 5545, with the icalendar library).

The meeting is a timed event when its time is known (with a reminder the day
before), else an all-day event. Around it, at most a dozen of the plan's dated steps
become all-day events with a reminder: the ones that matter most for this family,
no more than two on any day, and none on a federal holiday, so a calendar helps
rather than floods. Events rather than to-dos: Google Calendar ignores to-dos on
import, while Apple Calendar and Outlook take events too. Each event's UID comes from
the saved plan's own id, so importing an updated plan replaces events instead of
adding copies.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from iepprep import __version__
from iepprep.core.common.safety import clean, one_line
from iepprep.core.i18n.labels import label
from iepprep.core.i18n.messages import _
from iepprep.core.planning.plan import ChecklistItem, Plan
from iepprep.errors import InputError
from iepprep.render import wording

if TYPE_CHECKING:
    from iepprep.render.views import PlanView


MAX_STEPS = 12  # dated steps on the calendar, besides the meeting
MAX_PER_DAY = 2
MEETING_LENGTH = dt.timedelta(minutes=90)  # a guess; most IEP meetings take 1 to 2 hours


def calendar_steps(plan: Plan) -> list[ChecklistItem]:
    """The dated steps worth a calendar event, in date order (see the module doc)."""
    from iepprep.core.planning.schooldays import SchoolDays

    dated = [item for item in plan.checklist if item.due is not None]
    if not dated:
        return []
    days = [item.due for item in dated if item.due is not None]
    school = SchoolDays(min(days), max(days))
    per_day: dict[dt.date, int] = {}
    chosen = []
    for item in sorted(dated, key=lambda item: (-item.score, -int(item.tailored))):
        assert item.due is not None
        if school.holiday(item.due) or per_day.get(item.due, 0) >= MAX_PER_DAY:
            continue
        per_day[item.due] = per_day.get(item.due, 0) + 1
        chosen.append(item)
        if len(chosen) == MAX_STEPS:
            break
    return sorted(chosen, key=lambda item: (item.due or dt.date.max, -item.score))


def calendar(plan: Plan, *, now: dt.datetime | None = None, plan_id: str | None = None) -> bytes:
    """The plan's dates as a calendar. Event UIDs come from `plan_id`, the saved plan's
    own random id (re-importing the same plan updates its events; another family's plan,
    even for a child of the same name, never replaces them); a plan that was not saved
    gets a new random id."""
    from icalendar import Alarm, Calendar, Event

    meeting = plan.profile.meeting_date
    dated = calendar_steps(plan)
    if meeting is None and not dated:
        raise InputError(
            _("There are no dates to put on a calendar: the answers have no meeting date."),
            hint=_(
                "Add meeting_date (like 2026-12-10) to your answers, or run iepprep plan again."
            ),
        )
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    who = one_line(plan.profile.child_name) if plan.profile.child_name else ""
    family = plan_id or secrets.token_hex(8)

    cal = Calendar()
    cal.add("prodid", f"-//iepprep//iepprep {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    meeting_name = _("IEP meeting for {name}").format(name=who) if who else _("IEP meeting")
    cal.add("x-wr-calname", meeting_name)

    def event(
        uid: str,
        day: dt.date,
        summary: str,
        description: str,
        remind_days: int,
        at: dt.time | None = None,
    ) -> None:
        ev = Event()
        ev.add("uid", f"{uid}-{family}@iepprep")
        ev.add("dtstamp", stamp)
        if at is None:
            ev.add("dtstart", day)
            ev.add("dtend", day + dt.timedelta(days=1))
        else:  # floating local time: the meeting is at 3:30 wherever the phone is
            start = dt.datetime.combine(day, at)
            ev.add("dtstart", start)
            ev.add("dtend", start + MEETING_LENGTH)
        ev.add("summary", summary)
        ev.add("description", description)
        ev.add("transp", "TRANSPARENT" if at is None else "OPAQUE")  # the meeting is busy
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        if at is None:
            alarm.add("trigger", dt.timedelta(days=-remind_days, hours=9))  # 9 a.m., days before
        else:
            alarm.add("trigger", dt.timedelta(days=-remind_days))  # same time, days before
        ev.add_component(alarm)
        cal.add_component(ev)

    if meeting is not None:
        summary = meeting_name
        if plan.profile.school:
            summary = _("{meeting} at {school}").format(
                meeting=meeting_name, school=one_line(plan.profile.school)
            )
        kind = label(plan.profile.meeting_type)
        event(
            "meeting",
            meeting,
            summary,
            f"{kind[:1].upper()}{kind[1:]}. "
            + _(
                "Bring your questions, your notes and someone to help. You may take the IEP "
                "home before signing."
            )
            + "\n\n"
            + wording.NOT_LEGAL_ADVICE,
            remind_days=1,
            at=plan.profile.meeting_time,
        )
    for item in dated:
        assert item.due is not None
        event(
            f"item-{item.id}",
            item.due,
            f"IEP: {one_line(item.text)}",  # the same in Spanish
            clean(item.why) + "\n\n" + _("More: iepprep tips show {id}").format(id=item.id),
            remind_days=0,
        )
    return bytes(cal.to_ical())


class IcsRenderer:
    """A plan's dates as calendar events; for the checklist, only its items."""

    def plan(self, view: PlanView) -> bytes:
        plan = view.plan
        if view.kind == "checklist":
            plan = plan.model_copy(update={"checklist": view.items})
        return calendar(plan, plan_id=view.plan_id)

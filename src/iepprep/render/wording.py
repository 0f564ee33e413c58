"""Sentences shared by every output format, so each says the same thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iepprep.core.common.dates import days_until, long_date
from iepprep.core.common.safety import clean, one_line
from iepprep.core.content.models import Phase, Tip
from iepprep.core.family.profile import label

if TYPE_CHECKING:
    from iepprep.core.planning.plan import ChecklistItem, Plan

PARENT_CENTER_URL = "https://www.parentcenterhub.org/find-your-center/"
ARTICLE = '"21 Things You Should Know As A Mom In Your First IEP Meeting"'
NOT_LEGAL_ADVICE = (
    "This is not legal advice. Rules differ by state: check your state's procedural "
    "safeguards notice, or ask your state's parent center (" + PARENT_CENTER_URL + ")."
)
VERIFY_STATE = (
    "Verify with your state's procedural safeguards notice or your parent center: "
    "rules change, and these notes are a starting point."
)
RIGHTS_INTRO = (
    "These are federal rights under the Individuals with Disabilities Education Act, "
    "with the regulation each comes from (34 CFR part 300). Your state may add more, "
    "and sets some timelines of its own."
)
SOURCES_NOTE = (
    'Items marked "from parents" paraphrase advice from parents quoted in '
    + ARTICLE
    + ". Others were added by iepprep from parent centers and the federal IDEA "
    "regulations (34 CFR part 300). Read any tip in full: iepprep tips show ID."
)


def questions_intro(count: int) -> str | None:
    """The advice above a list of questions: only when there are more than a few."""
    if count <= 3:
        return None
    return (
        "There is rarely time for all of these. Mark the three that matter most to you "
        "and ask those first."
    )


def site(url: str) -> str:
    """'specialedstartguide.com' for a long address: short enough for a printed line."""
    from urllib.parse import urlparse

    host = urlparse(url).netloc or url
    return host.removeprefix("www.")


def plan_title(plan: Plan) -> str:
    name = plan.profile.child_name
    return f"IEP meeting plan for {one_line(name)}" if name else "Your IEP meeting plan"


def header_lines(plan: Plan) -> list[tuple[str, str]]:
    """(label, value) pairs describing the meeting, for the top of the plan."""
    p = plan.profile
    lines: list[tuple[str, str]] = [("Meeting", label(p.meeting_type))]
    if p.meeting_date:
        lines.append(
            (
                "When",
                f"{long_date(p.meeting_date)}{at_time(p.meeting_time)} "
                + f"({days_until(p.meeting_date, today=plan.today)})",
            )
        )
    else:
        lines.append(("When", "date not given"))
    school_bits = [one_line(p.school)] if p.school else []
    school_bits.append(label(p.grade))
    if p.schooling.value != "public":
        school_bits.append(label(p.schooling))
    if p.state_name:
        school_bits.append(p.state_name)
    lines.append(("School", ", ".join(school_bits)))
    if p.attendees:
        lines.append(("With you", ", ".join(label(a) for a in p.attendees)))
    else:
        lines.append(("With you", "nobody yet"))
    if p.first_meeting:
        lines.append(("First meeting", "yes"))
    if p.other_language:
        lines.append(("Language", p.language_name))
    if p.worries:
        lines.append(("Your worries", clean(p.worries)))
    return lines


def at_time(moment: dt.time | None) -> str:
    """' at 3:30 pm', or nothing when the time is not known."""
    from iepprep.core.common.dates import clock

    return f" at {clock(moment)}" if moment is not None else ""


def phase_title(phase: Phase) -> str:
    return {
        Phase.BEFORE: "Before the meeting",
        Phase.DURING: "At the meeting",
        Phase.AFTER: "After the meeting",
    }[phase]


def due_text(item: ChecklistItem, plan: Plan) -> str | None:
    from iepprep.core.common.dates import short_date

    if item.due is None:
        return None
    if item.phase is Phase.BEFORE and item.due <= plan.today:
        return "as soon as you can"
    return f"by {short_date(item.due)}"


def source_bits(item: ChecklistItem) -> list[str]:
    # Why it is here, when the reason is about this family ("because this is a first IEP").
    bits = [one_line(item.reason)] if item.tailored and item.reason else []
    bits += [f"tip {item.id}", "from parents" if item.source == "article" else "added"]
    if item.varies_by_state:
        bits.append("rules vary by state")
    if item.citation:
        bits.append(item.citation)
    return bits


def reminder_lines(tips: Sequence[Tip]) -> list[str]:
    """Live mode's reminders, as the lines it shows."""
    return [
        "",
        "Reminders for the meeting:",
        *(f"  - {tip.title}: {tip.why}" for tip in tips),
        "",
    ]

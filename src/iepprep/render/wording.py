"""Sentences shared by every output format, so each says the same thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iepprep.core.common.safety import clean, one_line
from iepprep.core.content.models import Phase, Tip
from iepprep.core.i18n.dates import days_until, long_date
from iepprep.core.i18n.fallback import fold
from iepprep.core.i18n.labels import label
from iepprep.core.i18n.messages import N_, _

if TYPE_CHECKING:
    from iepprep.core.planning.plan import ChecklistItem, Plan

PARENT_CENTER_URL = "https://www.parentcenterhub.org/find-your-center/"
ARTICLE = '"21 Things You Should Know As A Mom In Your First IEP Meeting"'


def not_legal_advice() -> str:
    return _(
        "This is not legal advice. Rules differ by state: check your state's procedural "
        "safeguards notice, or ask your state's parent center ({url})."
    ).format(url=PARENT_CENTER_URL)


def verify_state() -> str:
    return _(
        "Verify with your state's procedural safeguards notice or your parent center: "
        "rules change, and these notes are a starting point."
    )


def rights_intro() -> str:
    return _(
        "These are federal rights under the Individuals with Disabilities Education Act, "
        "with the regulation each comes from (34 CFR part 300). Your state may add more, "
        "and sets some timelines of its own."
    )


def sources_note() -> str:
    return _(
        'Items marked "from parents" paraphrase advice from parents quoted in {article}. '
        "Others were added by iepprep from parent centers and the federal IDEA "
        "regulations (34 CFR part 300). Read any tip in full: iepprep tips show ID."
    ).format(article=ARTICLE)


_NOTES = {
    "NOT_LEGAL_ADVICE": not_legal_advice,
    "VERIFY_STATE": verify_state,
    "RIGHTS_INTRO": rights_intro,
    "SOURCES_NOTE": sources_note,
}


def __getattr__(name: str) -> str:
    """`wording.NOT_LEGAL_ADVICE` and the other notes, in the language of this run
    (read when used, so the language chosen for the run applies)."""
    if name in _NOTES:
        return _NOTES[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Headings of the review, shared by every format.
def questions_still_open() -> str:
    return _("Questions still open")


def answers_you_have() -> str:
    return _("Answers you have")


def your_notes() -> str:
    return _("Your notes")


def before_you_sign() -> str:
    return _("Before you sign")


def answered() -> str:
    """Shown for a question marked answered without the answer written down."""
    return _("(answered)")


def titled(title: str, kind: str) -> str:
    """A document's title: the plan's, or 'Plan…: checklist' / ': questions'."""
    if kind == "checklist":
        return _("{title}: checklist").format(title=title)
    if kind == "questions":
        return _("{title}: questions").format(title=title)
    return title


def question_bank() -> str:
    return _("The question bank")


def tips_title() -> str:
    return _("Tips")


# The tips' topics, by id, in words (a --tips file's own topics show as written).
TOPIC_NAMES = {
    "accommodations": N_("accommodations"),
    "behavior": N_("behavior"),
    "communication": N_("communication"),
    "consent": N_("consent"),
    "deadlines": N_("deadlines"),
    "disagreement": N_("disagreement"),
    "discipline": N_("discipline"),
    "documents": N_("documents"),
    "eligibility": N_("eligibility"),
    "emotions": N_("emotions"),
    "esy": N_("extended school year"),
    "evaluation": N_("evaluation"),
    "goals": N_("goals"),
    "language": N_("language"),
    "notes": N_("notes"),
    "organization": N_("organization"),
    "placement": N_("placement"),
    "practical": N_("practical"),
    "preparation": N_("preparation"),
    "process": N_("process"),
    "progress": N_("progress"),
    "questions": N_("questions"),
    "records": N_("records"),
    "relationship": N_("relationship"),
    "rights": N_("rights"),
    "scheduling": N_("scheduling"),
    "schooling": N_("schooling"),
    "services": N_("services"),
    "signing": N_("signing"),
    "social-emotional": N_("social-emotional"),
    "strengths": N_("strengths"),
    "student": N_("student"),
    "support": N_("support"),
    "team": N_("team"),
    "transition": N_("transition"),
    "vocabulary": N_("vocabulary"),
    "writing": N_("writing"),
}


def topic_name(topic: str) -> str:
    """A topic in the language of this run: 'notes' -> 'notas'."""
    return _(TOPIC_NAMES[topic]) if topic in TOPIC_NAMES else topic


def topic_names(topics: Sequence[str]) -> str:
    return ", ".join(topic_name(topic) for topic in topics)


def topic_named(name: str, topics: Sequence[str]) -> str | None:
    """The topic id a parent means by `name`, its id or its name in the language of
    this run ('notas', 'Notas' -> 'notes'); None if no topic is called that."""
    from iepprep.core.i18n.fallback import fold

    wanted = fold(name.strip())
    for topic in topics:
        if wanted in (fold(topic), fold(topic_name(topic))):
            return topic
    return None


def tip_id(tip: str) -> str:
    """'id dont-go-alone': a tip's id, to read it in full (the same in Spanish)."""
    return f"id {tip}"


def tip_source(tip: Tip) -> str:
    """'From parents: <where>' or 'Added: <where>'. The source's own words are English
    (a title, a page's name): in another language they are marked as such."""
    from iepprep.core.i18n.fallback import marked
    from iepprep.core.i18n.language import current

    where = marked(tip.source.where, current()) if tip.source.where else tip.source.where
    if tip.source.kind == "article":
        return _("From parents: {where}").format(where=where)
    return _("Added: {where}").format(where=where)


def rights_title() -> str:
    return _("Your key rights under IDEA")


def varies_by_state(note: str) -> str:
    """'varies by state: <the right's state note>'."""
    return _("varies by state: {note}").format(note=one_line(note))


def no_state_notes(state: str) -> str:
    """What a plan says for a state we have no sourced notes for."""
    return _(
        "We have no notes for {state} yet, so we won't guess. Your state may have its own "
        "rules and timelines: read its procedural safeguards notice, or ask your state's "
        "parent center ({url})."
    ).format(state=one_line(state), url=PARENT_CENTER_URL)


def meeting_called(name: str) -> str:
    return _("The meeting is called: {name}.").format(name=one_line(name))


def checked(value: str | None) -> str | None:
    """'checked 2026-11-28' (when a state note was last compared with the law), the
    date written in the language of this run."""
    if not value:
        return None
    from iepprep.core.i18n.language import is_spanish

    written = value
    if is_spanish():
        from iepprep.core.i18n.dates import spanish_long_date

        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            written = spanish_long_date(day).partition(", ")[2]  # no weekday
    return _("checked {date}").format(date=written)


def note_label() -> str:
    """Before a notice at the top of a plan."""
    return _("Note")


def questions_intro(count: int) -> str | None:
    """The advice above a list of questions: only when there are more than a few."""
    if count <= 3:
        return None
    return _(
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
    if name:
        return _("IEP meeting plan for {name}").format(name=one_line(name))
    return _("Your IEP meeting plan")


# The child's level as the plan's header says it, after "School:": the choice's own
# label ("elementary school") would read "School: elementary school".
LEVELS = {
    "preschool": N_("preschool"),
    "kindergarten": N_("kindergarten"),
    "elementary": N_("elementary"),
    "middle": N_("middle"),
    "high": N_("high"),
    "post_secondary": N_("ages 18-21"),
}


def header_lines(plan: Plan, *, countdown: bool = False) -> list[tuple[str, str]]:
    """(label, value) pairs describing the meeting, for the top of the plan. The
    meeting's date is always written out; `countdown` adds "(in 12 days)", true only
    on the day it is shown, so only for a screen, never a file."""
    p = plan.profile
    lines: list[tuple[str, str]] = [(_("Meeting"), label(p.meeting_type))]
    if p.meeting_date:
        when = f"{long_date(p.meeting_date)}{at_time(p.meeting_time)}"
        if countdown:
            when += f" ({days_until(p.meeting_date, today=plan.today)})"
        lines.append((_("When"), when))
    else:
        lines.append((_("When"), _("date not given")))
    school_bits = [one_line(p.school)] if p.school else []
    level = _(LEVELS[p.grade.value])
    named = fold(one_line(p.school or "")).split()
    if not any(fold(word) in named for word in (level, LEVELS[p.grade.value])):
        school_bits.append(level)  # "Lincoln Elementary" already says it
    if p.schooling.value != "public":
        school_bits.append(label(p.schooling))
    if p.state_name:
        from iepprep.core.i18n.labels import state_name

        school_bits.append(state_name(p.state) or p.state_name)
    lines.append((_("School"), ", ".join(school_bits)))
    if p.attendees:
        lines.append((_("With you"), ", ".join(label(a) for a in p.attendees)))
    else:
        lines.append((_("With you"), _("nobody yet")))
    if p.first_meeting:
        lines.append((_("First meeting"), _("yes")))
    if p.other_language:
        lines.append((_("Language"), language_name(p.language)))
    if plan.deadline is not None:
        due = plan.deadline
        lines.append(
            (
                _("Next deadline"),
                _("{title}: by {date} ({citation}; more with iepprep deadlines)").format(
                    title=due.title, date=long_date(due.date), citation=due.citation
                ),
            )
        )
    if p.worries:
        lines.append((worries_label(), clean(p.worries)))
    return lines


def worries_label() -> str:
    """The label of the parent's own words: a page for the fridge leaves them out."""
    return _("Your worries")


def at_time(moment: dt.time | None) -> str:
    """' at 3:30 pm', or nothing when the time is not known."""
    from iepprep.core.common.dates import clock

    return " " + _("at {time}").format(time=clock(moment)) if moment is not None else ""


def phase_title(phase: Phase) -> str:
    return {
        Phase.BEFORE: _("Before the meeting"),
        Phase.DURING: _("At the meeting"),
        Phase.AFTER: _("After the meeting"),
    }[phase]


def due_text(item: ChecklistItem, plan: Plan) -> str | None:
    from iepprep.core.i18n.dates import short_date

    if item.due is None:
        return None
    if item.phase is Phase.BEFORE and item.due <= plan.today:
        return _("as soon as you can")
    return _("by {date}").format(date=short_date(item.due))


def source_bits(item: ChecklistItem) -> list[str]:
    # Why it is here, when the reason is about this family ("because this is a first IEP").
    bits = [one_line(item.reason)] if item.tailored and item.reason else []
    bits += [
        _("tip {id}").format(id=item.id),
        _("from parents") if item.source == "article" else _("added"),
    ]
    if item.varies_by_state:
        bits.append(_("rules vary by state"))
    if item.citation:
        bits.append(item.citation)
    return bits


def language_name(code: str) -> str:
    """The name of a language, in the language of this run."""
    from iepprep.core.family.profile import LANGUAGES

    names = {"en": _("English"), "es": _("Spanish")}
    return names.get(code) or LANGUAGES.get(code, code)


def reminder_lines(tips: Sequence[Tip]) -> list[str]:
    """Live mode's reminders, as the lines it shows."""
    return [
        "",
        _("Reminders for the meeting:"),
        *(f"  - {tip.title}: {tip.why}" for tip in tips),
        "",
    ]

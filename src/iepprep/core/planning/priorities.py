"""How much a tip, question or word matters for one family, and why.

A plan keeps what matters most rather than a fixed number per section, so each
piece of content gets a score: its own importance (priority 1 = essential) plus a
bonus for each answer of the family it was written for. A question central to a
discipline meeting therefore outranks a generic one, whatever its topic. The
strongest of those answers becomes the plain-words reason shown with the item
("because this is a discipline meeting"), so a parent can trust it, and trim it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from iepprep.core.content.models import Applies
from iepprep.core.family.profile import (
    LANGUAGES,
    Concern,
    Document,
    Grade,
    MeetingType,
    Profile,
    Relationship,
    Schooling,
)
from iepprep.core.i18n.labels import label
from iepprep.core.i18n.messages import N_, _

# Own importance: essential, useful, nice to have.
PRIORITY_SCORE = {1: 40, 2: 20, 3: 5}
# For each answer a piece of content was written for, what matching it is worth.
BONUS = {
    "meeting_type": 30,
    "other_language": 25,
    "schooling": 25,
    "first_meeting": 20,
    "concerns": 20,
    "relationship": 20,
    "missing_documents": 20,
    "going_alone": 20,
    "documents_in_hand": 15,
    "grade": 15,
    "has_state": 5,
}
WORRY_BONUS = 50  # the parent's own words outrank everything else
# The reason for content written for every family, by what it is.
# (Marked with N_ and translated where a Fit is made: a plan is built in the language
# of its run.)
GENERAL_REASON = {
    "step": N_("a step for every family"),
    "question": N_("a question for every family"),
    "word": N_("a word most families hear"),
}
ESSENTIAL_REASON = {
    "step": N_("an essential step for every family"),
    "question": N_("an essential question for every family"),
    "word": N_("a word every family hears"),
}

MEETING_REASON = {
    MeetingType.ELIGIBILITY: N_("because this is an eligibility meeting"),
    MeetingType.INITIAL: N_("because this is a first IEP"),
    MeetingType.ANNUAL: N_("because this is an annual review"),
    MeetingType.REEVALUATION: N_("because this is a reevaluation"),
    MeetingType.AMENDMENT: N_("because this changes the current IEP"),
    MeetingType.DISCIPLINE: N_("because this is a discipline meeting"),
}
WORRY_REASON = N_("because you wrote: \u201c{text}\u201d")
# The papers a step works with: having them in hand makes the step worth more.
DOCUMENT_FOR_TIP = {
    "read-the-draft-closely": Document.DRAFT_IEP,
    "understand-the-evaluation": Document.EVALUATION_REPORT,
    "reread-current-iep": Document.PROGRESS_REPORTS,
}


@dataclass(frozen=True)
class Fit:
    """How well a piece of content fits a family: its score and the reason to show."""

    score: int
    reason: str
    tailored: bool  # True when the reason is about this family, not every family


def _narrow(chosen: Sequence[StrEnum], every: type[StrEnum]) -> bool:
    """A condition naming at most half the choices is about some families, not most."""
    return len(chosen) * 2 <= len(every)


def _matches(applies: Applies, profile: Profile) -> list[tuple[int, str]]:
    """(bonus, reason) for each condition that holds and singles this family out.

    Each condition is checked here too: content found by a worry may not match.
    """
    found: list[tuple[int, str]] = []
    p = profile
    if (
        applies.meeting_type
        and p.meeting_type in applies.meeting_type
        and _narrow(applies.meeting_type, MeetingType)
    ):
        found.append((BONUS["meeting_type"], _(MEETING_REASON[p.meeting_type])))
    if applies.first_meeting is True and p.first_meeting:
        found.append((BONUS["first_meeting"], _("because this is your first IEP meeting")))
    if applies.concerns:
        picked = [c for c in applies.concerns if c in p.concerns]
        if picked and _narrow(applies.concerns, Concern):
            reason = _("because you picked {concern}").format(concern=label(picked[0]))
            found.append((BONUS["concerns"], reason))
    if (
        applies.relationship
        and p.relationship is Relationship.TENSE
        and Relationship.COLLABORATIVE not in applies.relationship
    ):
        found.append((BONUS["relationship"], _("because things are tense with the school")))
    missing = [d for d in applies.missing_documents or [] if d in p.missing_documents]
    if missing:
        reason = _("because you don't have {document} yet").format(document=label(missing[0]))
        found.append((BONUS["missing_documents"], reason))
    if applies.going_alone is True and p.going_alone:
        found.append((BONUS["going_alone"], _("because nobody is coming with you yet")))
    if applies.other_language is True and p.other_language:
        reason = _("because you prefer {language}").format(language=language_name(p.language))
        found.append((BONUS["other_language"], reason))
    if applies.grade and p.grade in applies.grade and _narrow(applies.grade, Grade):
        reason = _("because your child is in {grade}").format(grade=label(p.grade))
        found.append((BONUS["grade"], reason))
    if (
        applies.schooling
        and p.schooling in applies.schooling
        and _narrow(applies.schooling, Schooling)
    ):
        reason = _("because your child is in {schooling}").format(schooling=label(p.schooling))
        found.append((BONUS["schooling"], reason))
    if applies.has_state is True and p.state_name:
        from iepprep.core.i18n.labels import state_name

        reason = _("because you live in {state}").format(state=state_name(p.state) or p.state_name)
        found.append((BONUS["has_state"], reason))
    if applies.any_of:
        options = [_matches(option, profile) for option in applies.any_of if option.matches(p)]
        best = max(options, key=lambda bonuses: sum(bonus for bonus, _why in bonuses), default=[])
        found.extend(best)
    return found


def language_name(code: str) -> str:
    """A language's name in the language of this run (English and Spanish are
    translated; the others keep their English name)."""
    names = {"en": _("English"), "es": _("Spanish")}
    return names.get(code) or LANGUAGES.get(code, code)


def fit(
    priority: int,
    profile: Profile,
    *applies: Applies,
    tip_id: str | None = None,
    kind: Literal["step", "question", "word"] = "step",
) -> Fit:
    """Score content that applies to `profile` (the caller checks that it does).

    Several `applies` add up: a question counts its own conditions and its topic's.
    The reason shown is the strongest match; on a tie, the first `applies` given.
    """
    bonuses = [found for each in applies for found in _matches(each, profile)]
    document = DOCUMENT_FOR_TIP.get(tip_id or "")
    if document is not None and document in profile.documents_received:
        reason = _("because you have {document}").format(document=label(document))
        bonuses.append((BONUS["documents_in_hand"], reason))
    score = PRIORITY_SCORE[priority] + sum(bonus for bonus, _why in bonuses)
    if bonuses:
        return Fit(score, max(bonuses, key=lambda b: b[0])[1], tailored=True)
    general = ESSENTIAL_REASON if priority == 1 else GENERAL_REASON
    return Fit(score, _(general[kind]), tailored=False)


def with_worry(found: Fit, worries: str) -> Fit:
    """The same content, found by searching what the parent wrote."""
    return Fit(found.score + WORRY_BONUS, worry_reason(worries), tailored=True)


def worry_reason(worries: str, limit: int = 60) -> str:
    """'because you wrote: “suspended 12 days, now…”' (shortened at a word)."""
    text = " ".join(worries.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
    return _(WORRY_REASON).format(text=text)


def is_worry_reason(reason: str) -> bool:
    """True for a reason made by `worry_reason` (in either language): the plan shows
    it under the question, so the parent sees they were heard."""
    return any(
        reason.startswith(template.partition("{")[0])
        for template in (WORRY_REASON, _(WORRY_REASON))
    )

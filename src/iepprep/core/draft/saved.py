"""Keeping a draft check's findings with a saved plan, when the parent asks for it.

Only the findings are kept (never the draft itself), as one line in the plan's
journal: private like the rest of the plan, and gone with `iepprep forget`.
"""

from __future__ import annotations

import datetime as dt

from iepprep.core.draft.models import DraftReport, Finding
from iepprep.core.planning.plan import Plan, PlanQuestion
from iepprep.core.storage.journal import Event, Journal


def save_findings(journal: Journal, report: DraftReport, *, now: dt.datetime) -> None:
    """Replace the plan's draft findings with these (the newest check is the one that counts)."""
    journal.append(
        Event(
            kind="draft",
            at=now,
            text=report.source[:200],
            extra={"findings": [finding.model_dump() for finding in report.findings]},
        )
    )


def saved_findings(journal: Journal) -> list[Finding]:
    """The findings of the last draft check added to this plan, if any."""
    latest = None
    for event in journal.events():
        if event.kind == "draft":
            latest = event
    if latest is None:
        return []
    found = []
    for item in latest.extra.get("findings", []):
        try:
            found.append(Finding.model_validate(item))
        except ValueError:
            continue  # an entry from a newer or damaged file: keep the others
    return found


MOST_DRAFT_QUESTIONS = 20  # a question list a parent can still take into the meeting


def with_draft_questions(plan: Plan, findings: list[Finding]) -> Plan:
    """The plan with the draft check's questions added after its own, under "From your
    draft", numbered on from the plan's so `questions done N` works for them too."""
    texts = list(dict.fromkeys(finding.question for finding in findings))[:MOST_DRAFT_QUESTIONS]
    if not texts:
        return plan
    start = max((question.number for question in plan.questions), default=0)
    added = [
        PlanQuestion(
            id=f"draft-{number}",
            topic="from-your-draft",
            topic_title="From your draft",
            text=text,
            tips=[],
            priority=1,
            number=start + number,
        )
        for number, text in enumerate(texts, start=1)
    ]
    return plan.model_copy(update={"questions": [*plan.questions, *added]})

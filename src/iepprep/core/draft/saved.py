"""Keeping a draft check's findings with a saved plan, when the parent asks for it.

Only the findings are kept (never the draft itself), as one line in the plan's
journal: private like the rest of the plan, and gone with `iepprep forget`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
    draft", numbered on from the plan's so `questions done N` works for them too.

    A question the plan already asks (the same words, or a plan question that asks
    about the same missing part, such as extended school year) is not added twice."""
    asked = _already_asked(plan)
    fresh = [f.question for f in findings if not asked(f)]
    texts = list(dict.fromkeys(fresh))[:MOST_DRAFT_QUESTIONS]
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


def _already_asked(plan: Plan) -> Callable[[Finding], bool]:
    """Whether the plan asks a finding's question already, in words or in meaning."""
    from iepprep.core.draft.models import load_checks

    ids = {question.id for question in plan.questions}
    words = {_folded(question.text) for question in plan.questions}
    rules = load_checks().sections
    asked_parts = {rule.id for rule in rules if ids & set(rule.asked_by)}
    # Findings kept before they carried `about` name their part by its description.
    part_by_what = {
        _folded(what): rule.id for rule in rules for what in [rule.what, *rule.former_what]
    }

    def asked(finding: Finding) -> bool:
        if _folded(finding.question) in words:
            return True
        part = finding.about
        if part is None and finding.kind == "missing-section":
            part = part_by_what.get(_folded(finding.quote))
        return part in asked_parts

    return asked


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())

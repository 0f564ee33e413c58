"""Keeping a draft check's findings with a saved plan, when the parent asks for it.

Only the findings are kept (never the draft itself), as one line in the plan's
journal: private like the rest of the plan, and gone with `iepprep forget`.
"""

from __future__ import annotations

import datetime as dt

from iepprep.core.draft.models import DraftReport, Finding
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

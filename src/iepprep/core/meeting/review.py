"""After the meeting: the after-checklist, open questions, notes and "before you sign"."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from iepprep.core.content.datafiles import describe_list_item, parse_yaml, validate
from iepprep.core.content.library import bundled_text
from iepprep.core.content.models import Phase
from iepprep.core.meeting.live import Answer, MeetingRecord, Note
from iepprep.core.planning.plan import Plan, PlanQuestion


class SignCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    text: Annotated[str, Field(min_length=10, max_length=200)]
    why: Annotated[str, Field(min_length=10, max_length=200)]
    citation: str | None = None
    varies_by_state: bool = False


class ReviewFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    version: Literal[1] = 1
    checks: list[SignCheck]


def load_checks() -> list[SignCheck]:
    from iepprep.core.i18n.language import current

    name = "review.yaml"
    checks = validate(
        ReviewFile,
        parse_yaml(bundled_text(name), name=name),
        name=name,
        describe_item=describe_list_item("checks", "check"),
    ).checks
    return localize_checks(checks, current())


def localize_checks(checks: list[SignCheck], lang: str) -> list[SignCheck]:
    """The checks in `lang`; one with no translation keeps its English, marked."""
    from iepprep.core.i18n.content import review_text
    from iepprep.core.i18n.fallback import marked

    text = review_text(lang)
    if lang == "en" or text is None:
        return list(checks)
    localized = []
    for check in checks:
        translated = text.checks.get(check.id)
        if translated is None:
            localized.append(check.model_copy(update={"text": marked(check.text, lang)}))
        else:
            localized.append(
                check.model_copy(update={"text": translated.text, "why": translated.why})
            )
    return localized


@dataclass(frozen=True)
class Review:
    plan: Plan
    open_questions: list[PlanQuestion]  # in plan order, with the plan's numbers
    notes: list[Note]
    checks: list[SignCheck]
    answered: list[Answer] = field(default_factory=list)  # answers given, in plan order

    def json_data(self) -> dict[str, Any]:
        return {
            "checklist": [item.model_dump(mode="json") for item in self.plan.phase(Phase.AFTER)],
            "open_questions": [q.model_dump(mode="json") for q in self.open_questions],
            "notes": [{"at": n.at.isoformat(), "text": n.text} for n in self.notes],
            "before_you_sign": [c.model_dump(mode="json") for c in self.checks],
            "answered": [
                {
                    "number": a.question.number,
                    "id": a.question.id,
                    "question": a.question.text,
                    "answer": a.text,
                    "at": a.at.isoformat(),
                }
                for a in self.answered
            ],
        }


def make_review(plan: Plan, record: MeetingRecord) -> Review:
    """The review, its questions in the order of the printed plan (not the live
    meeting's most-important-first order), so they are found on paper too."""
    open_questions = [q for q in plan.questions if q.id not in record.answers]
    answered = [record.answers[q.id] for q in plan.questions if q.id in record.answers]
    return Review(plan, open_questions, list(record.notes), load_checks(), answered)

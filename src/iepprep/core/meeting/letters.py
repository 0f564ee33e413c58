"""Drafting letters from the family's answers and meeting notes.

The wording lives in `data/letters.yaml`. Each paragraph may use fields such as
{child} or {parent}; a paragraph that is only `{list:NAME}` becomes a bulleted list.
What iepprep cannot know stays an obvious [placeholder] for the parent to fill in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from iepprep.core.common.dates import long_date
from iepprep.core.content.datafiles import parse_yaml, validate
from iepprep.core.content.library import bundled_text
from iepprep.core.family.profile import Document, Profile, label
from iepprep.core.meeting.live import MeetingRecord

_LIST = re.compile(r"^\{list:([a-z]+)\}$")
# How the school can reach the parent: never known to iepprep, always filled in by hand.
CONTACT = "[your phone number]\n[your e-mail address]"
# Letters about a meeting that has happened: drafted before it, they come with a warning.
AFTER_THE_MEETING = ("recap", "disagreement")


class LetterSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: Annotated[str, Field(min_length=5)]
    subject: Annotated[str, Field(min_length=5)]
    body: Annotated[list[str], Field(min_length=3)]


class LettersFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    version: Literal[1] = 1
    letters: dict[str, LetterSpec]


@dataclass(frozen=True)
class Letter:
    kind: str
    title: str
    date: str
    subject: str
    paragraphs: list[str | list[str]]  # a list is a bulleted list


def load_letters() -> dict[str, LetterSpec]:
    name = "letters.yaml"
    parsed = validate(LettersFile, parse_yaml(bundled_text(name), name=name), name=name)
    return dict(parsed.letters)


def _one_line(text: str) -> str:
    from iepprep.core.common.safety import one_line

    return one_line(text)


def draft(kind: str, profile: Profile, record: MeetingRecord | None, *, today: dt.date) -> Letter:
    spec = load_letters()[kind]
    child = _one_line(profile.child_name) if profile.child_name else "[your child's name]"
    fields = {
        "to": f"IEP team at {_one_line(profile.school)}"
        if profile.school
        else "[case manager's name]",
        "child": child,
        "parent": _one_line(profile.parent_name) if profile.parent_name else "[your name]",
        "contact": CONTACT,
        "meeting_on": f" on {long_date(profile.meeting_date)}" if profile.meeting_date else "",
        "worries_paragraph": f"In my own words: {_one_line(profile.worries)}"
        if profile.worries
        else "",
        # A draft IEP is not an education record the law lets parents see (34 CFR
        # 300.613 covers records); it is asked for apart, as a courtesy.
        "draft_request": ""
        if Document.DRAFT_IEP in profile.documents_received
        else (
            "If the team has written a draft IEP or proposed goals, I would be grateful "
            "for a copy before the meeting too, so I can come prepared. I understand the "
            "school is not required to share one."
        ),
    }
    lists = _lists(profile, record)
    paragraphs: list[str | list[str]] = []
    for text in spec.body:
        match = _LIST.match(text.strip())
        if match:
            items = lists[match.group(1)]
            if items:
                paragraphs.append(items)
            elif paragraphs and isinstance(paragraphs[-1], str) and paragraphs[-1].endswith(":"):
                paragraphs.pop()  # an empty list takes its lead-in line with it
            continue
        filled = text.format_map(fields).strip()
        if filled:
            paragraphs.append(filled)
    return Letter(
        kind=kind,
        title=spec.title,
        date=long_date(today),
        subject=spec.subject.format_map(fields),
        paragraphs=paragraphs,
    )


def _lists(profile: Profile, record: MeetingRecord | None) -> dict[str, list[str]]:
    records = []
    wanted = {
        Document.EVALUATION_REPORT: "Any new evaluation reports, with the scores and the evaluators' recommendations",
        Document.PROGRESS_REPORTS: "The latest progress reports on each IEP goal",
    }
    for doc, line in wanted.items():
        if doc not in profile.documents_received:
            records.append(line)
    records.append("[any other records you want, such as attendance or discipline records]")
    concerns = [
        label(c).capitalize() + ": [what you see, with an example]" for c in profile.concerns
    ]
    agreed, notes, open_questions = [], [], []
    if record is not None:
        agreed = [
            f"{_one_line(a.question.text)} Answer: {_one_line(a.text) or '[the answer]'}"
            for a in record.answers.values()
        ]
        notes = [_one_line(n.text) for n in record.notes]
        # Only questions raised at the meeting and left unanswered, not every prep question.
        open_questions = [
            _one_line(q.text) for q in record.open_questions if q.id in record.skipped
        ]
    return {
        "records": records,
        "concerns": concerns or ["[your main concerns]"],
        "agreed": agreed or ["[what was agreed, who will do it, and by when]"],
        "notes": notes or ["[anything else you noted]"],
        "open": open_questions,
    }

"""The tip library: the bundled tips and questions, plus any tips files a group adds.

The bundled files ship inside the package (`iepprep/data/`) and are read with
`importlib.resources`, so they are found from a wheel, an editable install or a
source checkout alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from iepprep.core.content import Phase, Question, QuestionsFile, Tip, TipsFile, Topic
from iepprep.core.datafiles import describe_list_item, parse_yaml, read_text_file, validate
from iepprep.errors import DataFileError, NotFoundError

BUNDLED_TIPS = "tips.yaml"
BUNDLED_QUESTIONS = "questions.yaml"


def bundled_text(name: str) -> str:
    """The text of a file shipped in `iepprep/data/`."""
    return files("iepprep").joinpath("data", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Library:
    """All tips and questions iepprep can draw on, in file order."""

    tips: dict[str, Tip]
    topics: list[Topic]
    questions: list[Question]
    added_files: tuple[str, ...] = field(default=())

    def tip(self, tip_id: str) -> Tip:
        try:
            return self.tips[tip_id.strip().lower()]
        except KeyError:
            from difflib import get_close_matches

            close = get_close_matches(tip_id.lower(), list(self.tips), n=3, cutoff=0.5)
            hint = (
                "Did you mean: " + ", ".join(close) + "?"
                if close
                else "See every tip with: iepprep tips list"
            )
            raise NotFoundError(f"There is no tip with the id {tip_id!r}.", hint=hint) from None

    def tips_in(self, phase: Phase | None = None, topic: str | None = None) -> list[Tip]:
        return [
            tip
            for tip in self.tips.values()
            if (phase is None or tip.phase is phase) and (topic is None or topic in tip.topics)
        ]

    @property
    def tip_topics(self) -> list[str]:
        """Every topic a tip is tagged with, most used first."""
        counts: dict[str, int] = {}
        for tip in self.tips.values():
            for topic in tip.topics:
                counts[topic] = counts.get(topic, 0) + 1
        return sorted(counts, key=lambda t: (-counts[t], t))


def parse_tips(text: str, *, name: str) -> TipsFile:
    data = parse_yaml(text, name=name)
    if isinstance(data, list):  # a bare list of tips is accepted too
        data = {"tips": data}
    if data is None:
        raise DataFileError(f"{name} is empty.", hint="A tips file needs a 'tips:' list.")
    if not isinstance(data, dict):
        raise DataFileError(f"{name} should hold a 'tips:' list, not a {type(data).__name__}.")
    return validate(TipsFile, data, name=name, describe_item=describe_list_item("tips", "tip"))


def parse_questions(text: str, *, name: str) -> QuestionsFile:
    data = parse_yaml(text, name=name)
    if not isinstance(data, dict):
        raise DataFileError(f"{name} should hold 'topics:' and 'questions:' lists.")
    describe_question = describe_list_item("questions", "question")
    describe_topic = describe_list_item("topics", "topic")
    return validate(
        QuestionsFile,
        data,
        name=name,
        describe_item=lambda loc, d: describe_question(loc, d) or describe_topic(loc, d),
    )


def build_library(tips_files: Iterable[tuple[str, TipsFile]], questions: QuestionsFile) -> Library:
    """Join tips files into one library; an id used twice is an error naming both files."""
    tips: dict[str, Tip] = {}
    origin: dict[str, str] = {}
    names: list[str] = []
    for name, tips_file in tips_files:
        names.append(name)
        for tip in tips_file.tips:
            if tip.id in tips:
                raise DataFileError(
                    f"{name}: the tip id {tip.id!r} is already used by {origin[tip.id]}.",
                    hint="Give your tip a different id, for example with your group's "
                    "name in front.",
                )
            tips[tip.id] = tip
            origin[tip.id] = name
    for question in questions.questions:
        for tip_id in question.tips:
            if tip_id not in tips:
                raise DataFileError(
                    f"{BUNDLED_QUESTIONS}: question {question.id!r} refers to the tip "
                    f"{tip_id!r}, which does not exist."
                )
    return Library(
        tips=tips,
        topics=list(questions.topics),
        questions=list(questions.questions),
        added_files=tuple(names[1:]),
    )


def load_library(extra_tips: Sequence[Path] = ()) -> Library:
    """The bundled library plus the tips in `extra_tips` (the `--tips` files)."""
    from iepprep.core.cache import cached_tips_file

    sources: list[tuple[str, TipsFile]] = [
        (BUNDLED_TIPS, cached_tips_file(bundled_text(BUNDLED_TIPS), name=BUNDLED_TIPS))
    ]
    for path in extra_tips:
        text = read_text_file(path, what="tips file")
        sources.append((str(path), cached_tips_file(text, name=str(path))))
    questions = parse_questions(bundled_text(BUNDLED_QUESTIONS), name=BUNDLED_QUESTIONS)
    return build_library(sources, questions)

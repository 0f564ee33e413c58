"""The tip library: the bundled tips and questions, plus any tips files a group adds.

The bundled files ship inside the package (`iepprep/data/`) and are read with
`importlib.resources`, so they are found from a wheel, an editable install or a
source checkout alike.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iepprep.core.content.datafiles import (
    describe_list_item,
    kind_of,
    parse_yaml,
    read_text_file,
    validate,
)
from iepprep.core.content.models import Phase, Question, QuestionsFile, Tip, TipsFile, Topic
from iepprep.core.i18n.fallback import marked
from iepprep.core.i18n.messages import N_
from iepprep.core.i18n.translations import TipText
from iepprep.core.storage.cache import cached, construct
from iepprep.errors import DataFileError, NotFoundError

BUNDLED_TIPS = "tips.yaml"
BUNDLED_QUESTIONS = "questions.yaml"
# The files the search index is built from, besides the tips.
SEARCH_FILES = ("synonyms.yaml", "concepts.yaml", "glossary.yaml")


_DATA = Path(__file__).resolve().parent.parent.parent / "data"


def bundled_text(name: str) -> str:
    """The text of a file shipped in `iepprep/data/`.

    Read straight from the package folder when it is a folder (a wheel or an editable
    install); through importlib.resources otherwise (for example a zip import).
    """
    try:
        return (_DATA / name).read_text(encoding="utf-8")
    except OSError:
        from importlib.resources import files

        return files("iepprep").joinpath("data", name).read_text(encoding="utf-8")


class LazyTips(Mapping[str, Tip]):
    """Tips by id, built from cached data only when used.

    A search in a 10,000-tip library shows a handful of tips; building every one of
    them would cost more than the search itself.
    """

    def __init__(self, data: dict[str, str]) -> None:
        self._data = data  # id -> the tip as a JSON string, decoded when used
        self._built: dict[str, Tip] = {}

    def __getitem__(self, tip_id: str) -> Tip:
        tip = self._built.get(tip_id)
        if tip is None:
            tip = construct(Tip, json.loads(self._data[tip_id]))
            self._built[tip_id] = tip
        return tip

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


@dataclass(frozen=True)
class Library:
    """All tips and questions iepprep can draw on, in file order."""

    tips: Mapping[str, Tip]
    topics: list[Topic]
    questions: list[Question]
    added_files: tuple[str, ...] = field(default=())
    # A digest of every file this library was read from ("" when built in memory): the
    # search index is cached under it (see `iepprep.core.search.tips`).
    source_key: str = ""
    # The language of its words: "en", or a translation's (see `content.translated`).
    language: str = "en"

    def tip(self, tip_id: str) -> Tip:
        try:
            return self.tips[tip_id.strip().lower()]
        except KeyError:
            from difflib import get_close_matches

            close = get_close_matches(tip_id.lower(), list(self.tips), n=3, cutoff=0.5)
            from iepprep.core.i18n.messages import _

            hint = (
                _("Did you mean: {ids}?").format(ids=", ".join(close))
                if close
                else _("See every tip with: iepprep tips list")
            )
            raise NotFoundError(
                _("There is no tip with the id {id}.").format(id=repr(tip_id)), hint=hint
            ) from None

    def original(self, tip_id: str) -> Tip:
        """The tip as written in its own file (English), whatever language this library
        shows: rules that read a tip's words (the planner's school days) read these, so a
        plan's dates are the same in every language."""
        tips = self.tips
        return tips.original(tip_id) if isinstance(tips, LocalizedTips) else tips[tip_id]

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


def tip_fields(tip: Tip) -> dict[str, str]:
    """The searchable text of a tip, by field."""
    return {
        "title": tip.title,
        "body": tip.body,
        "why": tip.why,
        "topics": " ".join(tip.topics).replace("-", " "),
        "asks": "\n".join(tip.asks),
    }


def parse_tips(text: str, *, name: str) -> TipsFile:
    data = parse_yaml(text, name=name)
    if isinstance(data, list):  # a bare list of tips is accepted too
        data = {"tips": data}
    if data is None:
        raise DataFileError(f"{name} is empty.", hint="A tips file needs a 'tips:' list.")
    if not isinstance(data, dict):
        raise DataFileError(f"{name} should hold a 'tips:' list, not a {kind_of(data)}.")
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
    """The bundled library plus the tips in `extra_tips` (the `--tips` files).

    Served from the cache when no file has changed (see `iepprep.core.storage.cache`).
    """
    key, texts, inputs = _sources(extra_tips)
    library = cached(
        "library", inputs, lambda: _library_data(texts), lambda data: _library_from_data(data, key)
    )
    from iepprep.core.i18n.language import current

    if current() == "en":
        return library
    return localize_library(library, current())


def library_key(extra_tips: Sequence[Path] = ()) -> str:
    """The `source_key` of the library `load_library(extra_tips)` gives, without
    loading it (a search reads its stored index by this key)."""
    return _sources(extra_tips)[0]


def _sources(extra_tips: Sequence[Path]) -> tuple[str, list[tuple[str, str]], list[str]]:
    """(the library's key, each tips file's name and text, every input of the cache)."""
    texts = [(BUNDLED_TIPS, bundled_text(BUNDLED_TIPS))]
    once = {os.path.realpath(path): path for path in extra_tips}  # --tips f --tips f: one file
    texts += [(str(path), read_text_file(path, what=N_("tips file"))) for path in once.values()]
    fixed = [bundled_text(name) for name in (BUNDLED_QUESTIONS, *SEARCH_FILES)]
    inputs = [*fixed, *(f"{name}\0{text}" for name, text in texts)]
    digest = hashlib.sha256()
    for part in inputs:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest(), texts, inputs


def _library_from_data(data: dict[str, Any], source_key: str) -> Library:
    tips = LazyTips({tip_id: tip for _, file_tips in data["files"] for tip_id, tip in file_tips})
    return Library(
        tips=tips,
        topics=[construct(Topic, topic) for topic in data["topics"]],
        questions=[construct(Question, question) for question in data["questions"]],
        added_files=tuple(name for name, _ in data["files"][1:]),
        source_key=source_key,
    )


def _library_data(texts: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Parse and validate everything: the slow path, run on a cache miss."""
    parsed = [(name, parse_tips(text, name=name)) for name, text in texts]
    questions = parse_questions(bundled_text(BUNDLED_QUESTIONS), name=BUNDLED_QUESTIONS)
    library = build_library(parsed, questions)
    return {
        "files": [
            [name, [[tip.id, tip.model_dump_json(exclude_defaults=True)] for tip in tips.tips]]
            for name, tips in parsed
        ],
        "topics": [
            topic.model_dump(mode="json", exclude_defaults=True) for topic in library.topics
        ],
        "questions": [
            question.model_dump(mode="json", exclude_defaults=True)
            for question in library.questions
        ],
    }


# ------------------------------------------------------------------ in other languages
# The same content with a translation's words (`data/<lang>/`): ids, phases, who a tip
# is for, citations and sources stay the English entry's own, so the planner, search
# and every renderer work unchanged. An entry with no translation keeps its English,
# marked (see `iepprep.core.i18n.fallback`).


def localize_tip(tip: Tip, text: TipText | None, lang: str) -> Tip:
    if text is None:
        own: Any = {str(code): text for code, text in tip.translations.items()}.get(lang)
        text = TipText.model_validate(own) if isinstance(own, dict) else own
    if text is None:
        return tip.model_copy(update={"title": marked(tip.title, lang)})
    return tip.model_copy(
        update={"title": text.title, "body": text.body, "why": text.why, "asks": list(text.asks)}
    )


class LocalizedTips(Mapping[str, Tip]):
    """Tips by id, each translated when first used (a search shows only a few)."""

    def __init__(self, tips: Mapping[str, Tip], texts: Mapping[str, TipText], lang: str) -> None:
        self._tips = tips
        self._texts = texts
        self._lang = lang
        self._built: dict[str, Tip] = {}

    def __getitem__(self, tip_id: str) -> Tip:
        tip = self._built.get(tip_id)
        if tip is None:
            tip = localize_tip(self._tips[tip_id], self._texts.get(tip_id), self._lang)
            self._built[tip_id] = tip
        return tip

    def original(self, tip_id: str) -> Tip:
        return self._tips[tip_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tips)

    def __len__(self) -> int:
        return len(self._tips)


def cached_translation(lang: str, name: str) -> Any:
    """The translation file `data/<lang>/<name>`, validated once (as `core/i18n/content`
    does) and then read back from the content cache, so a Spanish run parses no YAML
    and builds no validator for it; None when there is no such file."""
    from iepprep.core.i18n import content
    from iepprep.core.i18n.translations import TRANSLATION_MODELS

    text = content.translation_text(lang, name) if lang in content.TRANSLATED_LANGUAGES else None
    if text is None:
        return None
    model = TRANSLATION_MODELS[name]
    loaders = {
        "tips.yaml": content.tips_text,
        "questions.yaml": content.questions_text,
        "glossary.yaml": content.glossary_text,
    }

    def build() -> Any:
        found = loaders[name](lang)
        return None if found is None else found.model_dump(mode="json")

    return cached(
        f"{lang}-{name.removesuffix('.yaml')}",
        [text],
        build,
        lambda data: None if data is None else construct(model, data),
    )


def localize_library(library: Library, lang: str) -> Library:
    """The library with its tips, topics and questions in `lang`, searchable in it."""
    tips_text = cached_translation(lang, "tips.yaml")
    questions_text = cached_translation(lang, "questions.yaml")
    if lang == "en" or tips_text is None or questions_text is None:
        return library
    tips = LocalizedTips(library.tips, tips_text.tips, lang)
    topics: list[Topic] = [
        topic.model_copy(
            update={"title": questions_text.topics.get(topic.id) or marked(topic.title, lang)}
        )
        for topic in library.topics
    ]
    questions: list[Question] = [
        question.model_copy(
            update={
                "text": questions_text.questions.get(question.id) or marked(question.text, lang)
            }
        )
        for question in library.questions
    ]
    return dataclasses.replace(
        library,
        tips=tips,
        topics=topics,
        questions=questions,
        language=lang,
    )

"""Reading the translation files (`iepprep/data/<lang>/*.yaml`), validated at load.

A language with no file for some content simply has no translation for it: the
caller shows the English, marked. A file that exists but is broken is an error,
reported like a broken English file. (The files ship with iepprep and a test loads
each one, so a parent never meets that error.)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from iepprep.core.i18n.translations import (
    TRANSLATION_MODELS,
    DeadlinesText,
    DraftChecksText,
    GlossaryText,
    LettersText,
    QuestionnaireText,
    QuestionsText,
    ReviewText,
    RightsText,
    StatesText,
    Strict,
    TipsText,
)
from iepprep.errors import DataFileError

TRANSLATED_LANGUAGES = ("es",)
DATA = Path(__file__).resolve().parent.parent.parent / "data"

Model = TypeVar("Model", bound=Strict)


def translation_text(lang: str, name: str) -> str | None:
    """The text of `data/<lang>/<name>`, or None when there is no such file."""
    try:
        return (DATA / lang / name).read_text(encoding="utf-8")
    except OSError:
        pass
    try:
        from importlib.resources import files

        return files("iepprep").joinpath("data", lang, name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return None


def _parse(text: str, *, name: str) -> Any:
    import yaml
    from pydantic import ValidationError

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except (yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"{name} is not valid YAML: {exc}") from None


@lru_cache(maxsize=32)
def _load(lang: str, name: str) -> Strict | None:
    if lang not in TRANSLATED_LANGUAGES:
        return None
    path = f"{lang}/{name}"
    text = translation_text(lang, name)
    if text is None:
        return None
    from pydantic import ValidationError

    from iepprep.core.storage.cache import cached, construct

    model = TRANSLATION_MODELS[name]
    try:
        # Validated once, then read back from the content cache: a Spanish run parses
        # no YAML, as an English one parses none.
        return cached(
            f"{lang}-{name.removesuffix('.yaml')}-text",
            [text],
            lambda: model.model_validate(_parse(text, name=path)).model_dump(mode="json"),
            lambda data: construct(model, data),
        )
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise DataFileError(
            f"{path} has a problem at {where or 'the top'}: {first.get('msg', 'not valid')}."
        ) from None


def _typed(lang: str, name: str, model: type[Model]) -> Model | None:
    loaded = _load(lang, name)
    return loaded if isinstance(loaded, model) else None


def tips_text(lang: str) -> TipsText | None:
    return _typed(lang, "tips.yaml", TipsText)


def questions_text(lang: str) -> QuestionsText | None:
    return _typed(lang, "questions.yaml", QuestionsText)


def glossary_text(lang: str) -> GlossaryText | None:
    return _typed(lang, "glossary.yaml", GlossaryText)


def rights_text(lang: str) -> RightsText | None:
    return _typed(lang, "rights.yaml", RightsText)


def states_text(lang: str) -> StatesText | None:
    return _typed(lang, "states.yaml", StatesText)


def review_text(lang: str) -> ReviewText | None:
    return _typed(lang, "review.yaml", ReviewText)


def letters_text(lang: str) -> LettersText | None:
    return _typed(lang, "letters.yaml", LettersText)


def questionnaire_text(lang: str) -> QuestionnaireText | None:
    return _typed(lang, "questionnaire.yaml", QuestionnaireText)


def deadlines_text(lang: str) -> DeadlinesText | None:
    return _typed(lang, "deadlines.yaml", DeadlinesText)


def draft_checks_text(lang: str) -> DraftChecksText | None:
    return _typed(lang, "draft_checks.yaml", DraftChecksText)


def synonym_groups(lang: str) -> list[list[str]]:
    """The curated groups of related words in `lang` (`data/<lang>/synonyms.yaml`)."""
    text = translation_text(lang, "synonyms.yaml") if lang in TRANSLATED_LANGUAGES else None
    if text is None:
        return []
    data = _parse(text, name=f"{lang}/synonyms.yaml") or {}
    return [[str(word) for word in group] for group in data.get("groups", [])]

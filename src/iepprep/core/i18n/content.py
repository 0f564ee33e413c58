"""Reading the translation files (`data/<lang>/*.yaml`), validated like the English ones.

A language with no file for some content simply has no translation for it: the
caller shows the English, marked (see `fallback`). A file that exists but is broken
is an error, reported the same way as a broken English file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TypeVar

from iepprep.core.datafiles import parse_yaml, validate
from iepprep.core.i18n.translations import (
    TRANSLATION_MODELS,
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
from iepprep.core.library import bundled_text

TRANSLATED_LANGUAGES = ("es",)

Model = TypeVar("Model", bound=Strict)


@lru_cache(maxsize=32)
def _load(lang: str, name: str) -> Strict | None:
    if lang not in TRANSLATED_LANGUAGES:
        return None
    path = f"{lang}/{name}"
    try:
        text = bundled_text(path)
    except (OSError, FileNotFoundError):
        return None
    return validate(TRANSLATION_MODELS[name], parse_yaml(text, name=path), name=path)


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

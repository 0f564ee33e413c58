"""The labels of the fixed choices (grades, concerns, ...) in the language of this run."""

from __future__ import annotations

from enum import StrEnum

from iepprep.core.family.profile import label as english_label
from iepprep.core.i18n import content
from iepprep.core.i18n.language import ENGLISH, current

# Which answers-file key holds each kind of fixed choice (the translation file's
# `choices:` are grouped by key).
_CHOICE_KEYS = {
    "Grade": "grade",
    "MeetingType": "meeting_type",
    "Schooling": "schooling",
    "Concern": "concerns",
    "Attendee": "attendees",
    "Document": "documents_received",
    "Relationship": "relationship",
}


def choice_label(value: StrEnum, lang: str) -> str | None:
    """The label of a fixed choice in `lang`, if it is translated."""
    text = content.questionnaire_text(lang)
    key = _CHOICE_KEYS.get(type(value).__name__)
    if text is None or key is None:
        return None
    return text.choices.get(key, {}).get(str(value))


def label(value: StrEnum, lang: str | None = None) -> str:
    """The plain-words label for a choice in `lang` (default: the language of this
    run), the English one where there is no translation."""
    lang = lang or current()
    if lang != ENGLISH:
        translated = choice_label(value, lang)
        if translated:
            return translated
    return english_label(value)


def state_name(code: str | None, lang: str | None = None) -> str | None:
    """A state's name in `lang` (default: the language of this run): 'NY' -> 'Nueva
    York' in Spanish; None for no state."""
    from iepprep.core.family.profile import US_STATES, US_STATES_IN_SPANISH

    if code is None or code not in US_STATES:
        return None
    if (lang or current()) == "es":
        return US_STATES_IN_SPANISH.get(code, US_STATES[code])
    return US_STATES[code]


def choice_words(key: str, value: str, lang: str | None = None) -> str:
    """A fixed choice's id as the questionnaire shows it in `lang` ('reading' ->
    'lectura'), the id itself where there is no translation."""
    text = content.questionnaire_text(lang or current())
    if text is None:
        return value
    return text.choices.get(key, {}).get(value) or value


def choice_from_words(key: str, words: str) -> str | None:
    """The id of the fixed choice a parent wrote in Spanish, as the questionnaire shows
    it ('Lectura', 'lectura', 'habla y lenguaje' -> 'speech_language'); None if none."""
    from iepprep.core.i18n.fallback import fold

    text = content.questionnaire_text("es")
    if text is None:
        return None
    wanted = fold(" ".join(words.split()))
    for value, shown in text.choices.get(key, {}).items():
        short = fold(shown.split(" (", 1)[0])  # "primaria" for "escuela primaria (...)"
        if wanted in (fold(shown), short, short.removeprefix("escuela ")):
            return value
    return None

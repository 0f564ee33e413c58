"""Reading an answers file (YAML or JSON) into a validated profile."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from iepprep.core.content.datafiles import (
    kind_of,
    parse_json,
    parse_yaml,
    read_text_file,
    validate,
)
from iepprep.core.content.library import bundled_text
from iepprep.core.family.profile import Profile
from iepprep.core.i18n.messages import N_, _
from iepprep.errors import InputError

EXAMPLE = "example.yaml"


LanguageFollower = Callable[[str | None], None]


def parse_answers(
    text: str,
    *,
    name: str,
    json_only: bool = False,
    today: dt.date | None = None,
    follow_language: LanguageFollower | None = None,
) -> Profile:
    """The answers in `text`, validated; with `today`, a meeting date must also be
    within a year before it (new answers; a saved plan's date may be older).

    `follow_language` is told the file's own `language:` (a code, or None) before
    the answers are checked, so the caller can switch to it and every problem
    found is told in the family's language, not a mix."""

    def parse() -> Any:
        if json_only:
            return parse_json(text, name=name, error=InputError)
        return parse_yaml(text, name=name, error=InputError)

    try:
        data: Any = parse()
    except InputError:
        written = _language_line(text)
        if follow_language is None or written is None:
            raise
        follow_language(written)  # a file that cannot be read is told so in its language
        data = parse()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            _("{name} should hold keys and values (like 'grade: middle'), not a {kind}.").format(
                name=name, kind=kind_of(data)
            ),
            hint=_(START_FROM_EXAMPLE),
        )
    if follow_language is not None:
        follow_language(_written_language(data))
    context: dict[str, Any] = {"today": today} if today else {}
    if _written_in_spanish(data):
        from iepprep.core.i18n.dates import spanish_written_date

        context["read_date"] = spanish_written_date
    return validate(
        Profile, _spanish_choices(data), name=name, error=InputError, context=context or None
    )


_LANGUAGE_LINE = re.compile(
    r"""^[\s{,]*["']?language["']?\s*:\s*["']?([^"',#}\s]+)""", re.MULTILINE
)


def _language_line(text: str) -> str | None:
    """The language a file that cannot be parsed names on its own `language:` line."""
    from iepprep.core.i18n.language import parse_language

    found = _LANGUAGE_LINE.search(text)
    return parse_language(found.group(1)) if found else None


def _written_language(data: dict[Any, Any]) -> str | None:
    """The language the file's `language:` names ('es', 'español' -> 'es'), if any."""
    from iepprep.core.i18n.language import parse_language

    written = data.get("language")
    return parse_language(written) if isinstance(written, str) else None


def _written_in_spanish(data: dict[Any, Any]) -> bool:
    """Whether the file's dates are read as a Spanish speaker writes them (10/12/2026
    may be 10 December): its `language:` is Spanish, or this run is in Spanish."""
    from iepprep.core.i18n.language import SPANISH, is_spanish

    return is_spanish() or _written_language(data) == SPANISH


_CHOICE_KEYS = ("grade", "meeting_type", "schooling", "relationship")
_CHOICE_LIST_KEYS = ("concerns", "attendees", "documents_received")


def _spanish_choices(data: dict[str, Any]) -> dict[str, Any]:
    """The answers with any fixed choice written in the Spanish words the questionnaire
    shows ('concerns: [lectura]') turned into its id ('reading'); the rest as written."""
    from iepprep.core.i18n.labels import choice_from_words

    def read(key: str, value: Any) -> Any:
        return (choice_from_words(key, value) or value) if isinstance(value, str) else value

    out = dict(data)
    for key in _CHOICE_KEYS:
        if key in out:
            out[key] = read(key, out[key])
    for key in _CHOICE_LIST_KEYS:
        value = out.get(key)
        if isinstance(value, list):
            out[key] = [read(key, item) for item in value]
        elif isinstance(value, str):
            out[key] = read(key, value)
    return out


START_FROM_EXAMPLE = N_(
    "See the answers file keys in the README, or start from the example: "
    "iepprep plan --example --format answers --output answers.yaml"
)


def load_answers(
    path: Path, *, today: dt.date | None = None, follow_language: LanguageFollower | None = None
) -> Profile:
    text = read_text_file(path, what=N_("answers file"), error=InputError)
    json_only = path.suffix.lower() == ".json"
    return parse_answers(
        text, name=str(path), json_only=json_only, today=today, follow_language=follow_language
    )


def answers_yaml(profile: Profile) -> str:
    """`profile` as an answers file (YAML, with a comment saying how to use it) that
    `iepprep plan --answers` reads back: what `--format answers` writes."""
    import yaml

    given = {key: value for key, value in profile.answers().items() if value not in (None, [])}
    body = yaml.safe_dump(given, sort_keys=False, allow_unicode=True, width=88)
    from iepprep.core.i18n.messages import _

    heading = _("iepprep answers: edit them, then make the plan with")
    command = _("iepprep plan --answers THIS-FILE")
    return f"# {heading}\n#   {command}\n" + body


def answers_file(profile: Profile) -> str:
    """The profile as an answers file (JSON, only what was answered), which
    `plan --answers FILE` reads back to the same profile."""
    given = {key: value for key, value in profile.answers().items() if value not in (None, [])}
    return json.dumps(given, indent=2, ensure_ascii=False) + "\n"


def example_name(lang: str) -> str:
    """The example family's file for `lang`: `data/<lang>/example.yaml` (a family whose
    names and worries are in that language), else the English one."""
    from iepprep.core.i18n.content import TRANSLATED_LANGUAGES

    return f"{lang}/{EXAMPLE}" if lang in TRANSLATED_LANGUAGES else EXAMPLE


def example_profile(lang: str | None = None) -> Profile:
    """The bundled example family in `lang` (default: the language of this run),
    validated like any answers file once, then read from the cache."""
    from iepprep.core.i18n.language import current
    from iepprep.core.storage.cache import cached, construct

    name = example_name(lang or current())
    text = bundled_text(name)
    return cached(
        "example" if name == EXAMPLE else f"example-{name.partition('/')[0]}",
        [text],
        lambda: parse_answers(text, name=name).answers(),
        lambda data: construct(Profile, data),
    )

"""Which language iepprep speaks: chosen once per run, then asked for everywhere.

The choice, strongest first: `--lang`, then `IEPPREP_LANG`, then (for a plan) the
answers file's `language:`, then a Spanish system locale (`LANG=es_US.UTF-8`), then
English. Only languages iepprep has been translated into can be chosen; any other
falls back to English, because a half-translated screen helps nobody.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from contextvars import ContextVar

ENGLISH = "en"
SPANISH = "es"
SUPPORTED = (ENGLISH, SPANISH)

# What people type for a language, folded (lower case, no accents), by code.
_NAMES = {
    "en": ENGLISH,
    "eng": ENGLISH,
    "english": ENGLISH,
    "ingles": ENGLISH,
    "es": SPANISH,
    "spa": SPANISH,
    "spanish": SPANISH,
    "espanol": SPANISH,
    "castellano": SPANISH,
}

_current: ContextVar[str] = ContextVar("iepprep_language", default=ENGLISH)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_language(text: str | None) -> str | None:
    """'es', 'ES', 'español', 'Espanol', 'Spanish', 'es_MX.UTF-8' -> 'es'; None if
    the text names no language iepprep speaks."""
    if not text:
        return None
    folded = _fold(text)
    if folded in _NAMES:
        return _NAMES[folded]
    # A locale name: language, then territory and encoding ("es_US.UTF-8", "es-MX").
    base = folded.split(".")[0].split("@")[0].replace("-", "_").split("_")[0]
    return base if base in SUPPORTED else None


def from_locale(env: Mapping[str, str]) -> str | None:
    """The language of the system locale, the way gettext reads it."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            # LANGUAGE may list several ("es:en"); the first one iepprep speaks wins.
            for part in value.split(":"):
                found = parse_language(part)
                if found:
                    return found
            if name != "LANGUAGE":
                return None  # the first locale variable set decides, as in gettext
    return None


def choose(
    flag: str | None,
    env: Mapping[str, str],
    *,
    answers_language: str | None = None,
) -> str:
    """The language for this run (see the module docstring for the order)."""
    for candidate in (flag, env.get("IEPPREP_LANG"), answers_language):
        found = parse_language(candidate)
        if found:
            return found
    return from_locale(env) or ENGLISH


def explicit(flag: str | None, env: Mapping[str, str]) -> bool:
    """True when the parent chose a language for this run on purpose (the flag or
    IEPPREP_LANG), so an answers file's language does not override it."""
    return bool(parse_language(flag) or parse_language(env.get("IEPPREP_LANG")))


def current() -> str:
    """The language iepprep speaks right now."""
    return _current.get()


def set_current(lang: str) -> None:
    _current.set(lang if lang in SUPPORTED else ENGLISH)


def is_spanish() -> bool:
    return _current.get() == SPANISH

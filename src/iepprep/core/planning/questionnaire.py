"""The questionnaire: which questions `iepprep plan` asks, and how answers are checked.

The questions are data (`data/questionnaire.yaml`). Typed answers are converted
(dates, state names, language names) and then validated by the same `Profile` model
that validates answers files, so both paths accept and reject exactly the same things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from enum import StrEnum
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from iepprep.core.common.dates import clock
from iepprep.core.content.datafiles import describe_list_item, parse_yaml, validate
from iepprep.core.content.library import bundled_text
from iepprep.core.content.models import Applies
from iepprep.core.family.profile import MeetingType, Profile
from iepprep.core.i18n.labels import label
from iepprep.core.i18n.messages import _

Kind = Literal["text", "select", "multiselect", "confirm", "date"]
_KIND_FOR_TYPE = {"text": str, "date": dt.date, "confirm": bool}


class Ask(BaseModel):
    """One question of the questionnaire."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    key: str
    kind: Kind
    ask: Annotated[str, Field(min_length=3, max_length=120)]
    why: Annotated[str, Field(max_length=120)] | None = None
    ask_if: Applies = Applies.model_construct()  # no validation at import: keeps start-up fast

    @model_validator(mode="after")
    def _key_is_an_answer(self) -> Ask:
        if self.key not in Profile.model_fields:
            raise ValueError(f"{self.key!r} is not a key of the answers file")
        return self

    def choices(self) -> list[tuple[str, str]]:
        """(label, value) pairs for select and multiselect questions."""
        enum = _enum_of(self.key)
        if enum is None:
            return []
        return [(label(member), member.value) for member in enum]


class Questionnaire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    version: Literal[1] = 1
    questions: list[Ask]

    @model_validator(mode="after")
    def _each_key_once(self) -> Questionnaire:
        keys = [q.key for q in self.questions]
        if len(set(keys)) != len(keys):
            raise ValueError("a key is asked twice")
        for q in self.questions:
            if q.kind in ("select", "multiselect") and _enum_of(q.key) is None:
                raise ValueError(f"{q.key!r} has no fixed choices, so it cannot be a {q.kind}")
        return self


def _enum_of(key: str) -> type[StrEnum] | None:
    annotation = Profile.model_fields[key].annotation
    candidates = [annotation, *getattr(annotation, "__args__", ())]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, StrEnum):
            return candidate
    return None


def load_questionnaire() -> Questionnaire:
    """The questionnaire, in the language of this run."""
    from iepprep.core.i18n.language import current

    name = "questionnaire.yaml"
    questionnaire = validate(
        Questionnaire,
        parse_yaml(bundled_text(name), name=name),
        name=name,
        describe_item=describe_list_item("questions", "question"),
    )
    return localize_questionnaire(questionnaire, current())


def convert(ask: Ask, raw: Any, *, today: dt.date) -> Any:
    """Turn what was typed into an answers-file value (raises ValueError with a reason)."""
    if isinstance(raw, str):
        raw = raw.strip()
        if not raw:
            return None
        if ask.kind == "date":
            return read_date(raw, today=today).isoformat()
    return raw


def read_date(text: str, *, today: dt.date) -> dt.date:
    """A typed date, read in the language of this run ("10 de diciembre" in Spanish)."""
    from iepprep.core.i18n.dates import parse_date as parse_in_language

    return parse_in_language(text, today=today)


def localize_questionnaire(questionnaire: Questionnaire, lang: str) -> Questionnaire:
    """The questions in `lang`; one with no translation keeps its English, marked."""
    from iepprep.core.i18n.content import questionnaire_text
    from iepprep.core.i18n.fallback import marked

    text = questionnaire_text(lang)
    if lang == "en" or text is None:
        return questionnaire
    asks = []
    for ask in questionnaire.questions:
        translated = text.questions.get(ask.key)
        if translated is None:
            asks.append(ask.model_copy(update={"ask": marked(ask.ask, lang)}))
        else:
            asks.append(ask.model_copy(update={"ask": translated.ask, "why": translated.why}))
    return questionnaire.model_copy(update={"questions": asks})


def check(ask: Ask, raw: Any, *, today: dt.date, default: Any = None) -> str | None:
    """None when `raw` is a good answer to `ask`, else a short reason to show.

    A meeting date in the past is refused with the reason, unless it is the answer
    saved before (editing a plan after its meeting keeps its date)."""
    try:
        value = convert(ask, raw, today=today)
        if value is not None:
            Profile.model_validate({ask.key: value})
        if ask.kind == "date" and value is not None and raw != default:
            day = dt.date.fromisoformat(value)
            if day < today:
                from iepprep.core.i18n.dates import long_date as in_language

                return _(
                    "{date} has passed: type the date of the coming meeting, or leave it empty"
                ).format(date=in_language(day))
    except ValueError as exc:  # ValidationError is a ValueError too
        if isinstance(exc, ValidationError):
            message = exc.errors(include_url=False)[0]["msg"]
            return _in_language(str(message).removeprefix("Value error, "))
        return _in_language(str(exc))
    return None


def understood(ask: Ask, raw: Any, *, today: dt.date) -> str | None:
    """What an answer was read as, in words, to show back ('= Spanish (es)'), so a
    slip is seen at once; None when there is nothing to add to what was typed."""
    try:
        value = convert(ask, raw, today=today)
    except ValueError:
        return None
    if ask.kind == "multiselect":
        picked = [title for title, choice in ask.choices() if choice in (value or [])]
        return ", ".join(picked) or _("none")
    if value is None or ask.kind not in ("text", "date"):
        return None
    if ask.kind == "date":
        from iepprep.core.i18n.dates import long_date as in_language

        return in_language(dt.date.fromisoformat(value))
    try:
        profile = Profile.model_validate({ask.key: value})
    except ValueError:
        return None
    if ask.key == "language":
        return f"{language_name(profile.language, profile.language_name)} ({profile.language})"
    if ask.key == "state":
        from iepprep.core.i18n.labels import state_name

        return state_name(profile.state) or profile.state_name
    if ask.key == "meeting_time" and profile.meeting_time is not None:
        return clock(profile.meeting_time)
    return None


def language_name(code: str, english: str) -> str:
    """A language's name in the language of this run ('es' -> 'español' in Spanish)."""
    from iepprep.core.i18n.language import ENGLISH, current

    lang = current()
    if lang == ENGLISH:
        return english
    from babel import Locale

    return str(Locale.parse(lang).languages.get(code) or english)


def _in_language(reason: str) -> str:
    from iepprep.core.i18n.reasons import reason_in_language

    return reason_in_language(reason)


class Prompter(Protocol):
    """Asks one question and returns the raw answer. Raises KeyboardInterrupt on Ctrl-C."""

    def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any: ...


def default_for(ask: Ask, answers: dict[str, Any]) -> Any:
    if ask.key == "first_meeting":  # most eligibility and first-IEP meetings are a first
        return answers.get("meeting_type") in ("eligibility", "initial")
    if ask.key in answers:
        return answers[ask.key]
    if ask.key == "meeting_type":
        return None  # nothing says which: the menu starts on its first choice, not a guess
    default = Profile.model_fields[ask.key].get_default(call_default_factory=True)
    return default.value if isinstance(default, StrEnum) else default


def run_interview(
    prompter: Prompter,
    *,
    today: dt.date,
    previous: dict[str, Any] | None = None,
    questionnaire: Questionnaire | None = None,
    asked: Collection[str] = (),
    on_answer: Callable[[dict[str, Any], list[str]], object] | None = None,
) -> Profile:
    """Ask each question that applies, in order, and return the validated profile.

    `previous` answers (from `plan --edit`, or a draft) become the defaults. Questions
    in `asked` were already answered (in a questionnaire that was stopped) and are not
    asked again. After each answer, `on_answer` gets the answers so far and the
    questions asked, so a caller can keep them should the parent stop halfway.
    """
    spec = questionnaire or load_questionnaire()
    answers: dict[str, Any] = {}
    done = list(asked)
    for ask in spec.questions:
        if ask.key in done:
            continue
        so_far = Profile.model_validate({**(previous or {}), **answers})
        if not ask.ask_if.matches(so_far):
            if ask.key == "first_meeting" and so_far.meeting_type is MeetingType.INITIAL:
                answers["first_meeting"] = True  # a first IEP is a first meeting
            continue
        if ask.key == "meeting_time" and so_far.meeting_date is None:
            continue  # no day, no time
        defaults = {**(previous or {}), **answers}
        if ask.key == "first_meeting" and previous and "first_meeting" in previous:
            default = previous["first_meeting"]
        elif ask.kind in ("text", "date"):
            # Pre-fill only what the parent typed before; a model default such as
            # "en" would be edited into ("enSpanish") rather than replaced.
            default = (previous or {}).get(ask.key)
        else:
            default = default_for(ask, defaults)
        raw = prompter.ask(ask, default=default, today=today)
        value = convert(ask, raw, today=today)
        if value is not None:
            answers[ask.key] = value
        elif previous and ask.key in previous and ask.kind in ("text", "date"):
            answers[ask.key] = None  # the parent cleared a saved answer on purpose
        done.append(ask.key)
        if on_answer is not None:
            on_answer(_given({**(previous or {}), **answers}), list(done))
    return Profile.model_validate(_given({**(previous or {}), **answers}))


def _given(answers: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in answers.items() if value is not None}

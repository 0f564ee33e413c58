"""The family's plan for a command: from --answers, a saved plan, or a general one."""

import datetime as dt
from pathlib import Path
from typing import Any

import typer

from iepprep.cli.app import (
    follow_family_language,
    settings_of,
    today,
)
from iepprep.core.i18n.messages import _
from iepprep.errors import InputError, StorageError


def library_for(ctx: typer.Context) -> Any:
    """The tip library: the bundled tips plus any --tips files."""
    from iepprep.core.content.library import load_library

    files = settings_of(ctx).tips_files
    if not files:
        return load_library(files)
    from iepprep.render.progress import working

    # A large library takes seconds the first time (it is indexed, then cached).
    with working(_("Reading your tips…")):
        return load_library(files)


def plan_for(
    ctx: typer.Context, profile: Any, *, generic: bool = False, complete: bool = False
) -> Any:
    """The plan, with jargon explained, words to know and state notes, in the family's
    language unless another was chosen for this run. `complete`: every step and
    question that applies, not only those that matter most."""
    from iepprep.core.content.reference import load_glossary, load_states
    from iepprep.core.planning.planner import make_plan

    follow_family_language(ctx, profile.language)
    return make_plan(
        profile,
        library_for(ctx),
        today=today(),
        generic=generic,
        glossary=load_glossary(),
        states=load_states(),
        complete=complete,
    )


def answers_profile(ctx: typer.Context, path: Path) -> Any:
    """The answers in --answers FILE, validated in the file's own language (its
    `language: es`) unless a language was chosen for this run, so every problem
    in it is told in the language the family reads."""
    from iepprep.core.planning.answers import load_answers

    return load_answers(
        path, today=today(), follow_language=lambda lang: follow_family_language(ctx, lang)
    )


def follow_saved_plan_language(ctx: typer.Context, saved: Any) -> None:
    """Speak a saved plan's language when showing what is in it, the way a plan made
    from it does (`plan_for`), unless a language was chosen for this run."""
    language = saved.answers.get("language")
    follow_family_language(ctx, language if isinstance(language, str) else None)


def profile_for_reading(ctx: typer.Context, answers: Path | None) -> tuple[Any, bool]:
    """The profile for checklist/questions: --answers, else the last saved plan, else generic."""
    if answers is not None:
        return answers_profile(ctx, answers), False
    from iepprep.core.planning.planner import generic_profile
    from iepprep.core.storage.plans import PlanStore

    latest = PlanStore().latest()
    if latest is None:
        return generic_profile(), True
    return saved_profile(latest.answers, latest.number), False


def saved_profile(answers: dict[str, Any], number: int) -> Any:
    """A saved plan's answers, validated again (a bad file is a StorageError naming it)."""
    from iepprep.core.content.datafiles import validate
    from iepprep.core.family.profile import Profile

    return validate(Profile, answers, name=f"Saved plan {number}", error=StorageError)


def find_saved(store: Any, which: str) -> Any:
    """The saved plan --from names: a number, or 'latest'."""
    from iepprep.errors import NotFoundError

    if which.strip().lower() == "latest":
        latest = store.latest()
        if latest is None:
            raise NotFoundError(
                _("There are no saved plans yet."), hint=_("Make one: iepprep plan")
            )
        return latest
    try:
        number = int(which)
    except ValueError:
        raise InputError(
            _("--from takes a plan number or 'latest', not {value}.").format(value=repr(which))
        ) from None
    return store.get(number)


class Current:
    """The saved plan the meeting-day commands work on, with its journal."""

    def __init__(self, saved: Any, plan: Any, record: Any) -> None:
        self.saved = saved
        self.plan = plan
        self.record = record


def current_time() -> dt.datetime:
    """Now, to the second: when a note, an answer or a letter is recorded."""
    return dt.datetime.now().replace(microsecond=0)


def current_plan(ctx: typer.Context, from_saved: str | None) -> Current:
    """The saved plan (latest, or --from) and its meeting record; NotFoundError if none."""
    from iepprep.core.meeting.live import MeetingRecord
    from iepprep.core.storage.plans import PlanStore
    from iepprep.errors import NotFoundError

    store = PlanStore()
    if from_saved is None and store.latest() is None:
        raise NotFoundError(
            _("There is no saved plan yet; notes and answers are kept with your plan."),
            hint=_("Make one first: iepprep plan (or iepprep plan --answers FILE)."),
        )
    from iepprep.core.draft.saved import saved_findings, with_draft_questions

    saved = find_saved(store, from_saved or "latest")
    journal = store.journal(saved.number)
    plan = plan_for(ctx, saved_profile(saved.answers, saved.number))
    plan = with_draft_questions(plan, saved_findings(journal))  # after `draft check --add-to-plan`
    return Current(saved, plan, MeetingRecord(plan.questions, journal))

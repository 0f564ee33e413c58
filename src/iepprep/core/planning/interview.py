"""Running the questionnaire so that nothing a parent types is lost.

When the plan will be saved, each answer is kept in a draft the moment it is given;
a questionnaire stopped halfway (Ctrl-C, a closed window) is offered again next
time and picks up where it stopped. The terminal stays the caller's: this module
asks through a prompter and gives news through `tell`, one line at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from pydantic import ValidationError

from iepprep.core.family.profile import Profile
from iepprep.core.i18n.dates import short_moment
from iepprep.core.i18n.messages import N_, _
from iepprep.core.planning.questionnaire import Prompter, run_interview
from iepprep.core.storage.plans import Draft, PlanStore
from iepprep.errors import Interrupted

Tell = Callable[[str], object]

PICK_UP = N_("Pick up where you left off?")


class InterviewPrompter(Prompter, Protocol):
    """The questionnaire's questions, and a yes/no for picking up a draft."""

    def confirm(self, message: str, *, default: bool) -> bool: ...


def interview(
    prompter: InterviewPrompter,
    *,
    today: dt.date,
    tell: Tell,
    previous: dict[str, Any] | None = None,
    drafts: PlanStore | None = None,
    editing: int | None = None,
    start_with: dict[str, Any] | None = None,
) -> Profile:
    """Ask the questionnaire and return the profile.

    `previous` answers (plan --edit) are the defaults. With `drafts` (a plan that will
    be saved), answers are kept as they are given and a stopped questionnaire is
    offered again; stopping with answers kept raises `Interrupted` saying so. The
    draft remembers the saved plan being edited (`editing`), so an edit stopped and
    picked up later still changes that plan. `start_with`: answers given before the
    questionnaire (the language, chosen first); their questions are not asked again.
    """
    try:
        start, asked = where_to_start(prompter, tell=tell, previous=previous, drafts=drafts)
        if drafts is not None and not previous and (resumed := drafts.load_draft()) is not None:
            editing = resumed.editing
        if start_with:
            start = {**(start or {}), **start_with}
            asked = [*asked, *start_with]

        def keep(answers: dict[str, Any], asked: list[str]) -> object:
            return drafts.save_draft(answers, asked, editing=editing) if drafts else None

        return run_interview(
            prompter,
            today=today,
            previous=start,
            asked=asked,
            on_answer=keep if drafts is not None else None,
        )
    except (KeyboardInterrupt, EOFError):
        if drafts is not None and drafts.load_draft() is not None:
            raise Interrupted(
                _(
                    "Stopped. Your answers so far are kept on this computer: run "
                    "iepprep plan to pick up where you left off."
                )
            ) from None
        raise


def where_to_start(
    prompter: InterviewPrompter,
    *,
    tell: Tell,
    previous: dict[str, Any] | None = None,
    drafts: PlanStore | None = None,
) -> tuple[dict[str, Any] | None, list[str]]:
    """Say what is about to happen, and pick up a stopped questionnaire if the parent
    wants. Returns the answers to start from and the questions already asked."""
    if previous:
        tell(_("Your saved answers are filled in: press Enter to keep one; Ctrl-C stops."))
        return previous, []
    draft = draft_to_resume(prompter, tell=tell, drafts=drafts) if drafts is not None else None
    if draft is not None:
        tell(_("Picking up where you stopped. Ctrl-C stops again; your answers are kept."))
        return draft.answers, draft.asked
    tell(_("A few questions about the meeting. Press Enter to skip any of them; Ctrl-C stops."))
    return None, []


def draft_to_resume(prompter: InterviewPrompter, *, tell: Tell, drafts: PlanStore) -> Draft | None:
    """The draft to pick up, if there is one and the parent wants it.

    An answer the model no longer accepts (a date now out of range) is dropped and
    asked again; a draft with nothing valid left (damaged, or from an older version)
    is set aside without asking. A "no" (or Esc, then Enter) keeps the
    draft until the first new answer replaces it: a slip loses nothing."""
    draft = drafts.load_draft()
    if draft is None:
        return None
    try:
        Profile.model_validate(draft.answers)
    except ValidationError as err:
        bad = {str(e["loc"][0]) for e in err.errors() if e["loc"]}
        kept = {k: v for k, v in draft.answers.items() if k not in bad}
        draft = replace(draft, answers=kept, asked=[k for k in draft.asked if k not in bad])
        try:
            Profile.model_validate(kept)
        except ValidationError:
            kept = {}
        if not kept:  # nothing left worth offering
            drafts.clear_draft()
            return None
    count = len(draft.asked)
    stopped = (
        _("You stopped partway on {when}, after 1 question; your answers were kept.")
        if count == 1
        else _("You stopped partway on {when}, after {count} questions; your answers were kept.")
    )
    tell(stopped.format(when=short_moment(draft.updated), count=count))
    if prompter.confirm(_(PICK_UP), default=True):
        return draft
    return None

"""The questionnaire's safety net, without a terminal: drafts kept, a stopped one picked up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY
from iepprep.core.planning.interview import PICK_UP, interview
from iepprep.core.planning.questionnaire import Ask
from iepprep.core.storage.plans import PlanStore
from iepprep.errors import Interrupted


class Parent:
    """Answers from a dict (Enter for the rest), may stop at one question, and says
    yes or no to picking up a draft."""

    def __init__(
        self, answers: dict[str, Any], *, stop_at: str | None = None, pick_up: bool = True
    ) -> None:
        self.answers, self.stop_at, self.pick_up = answers, stop_at, pick_up
        self.asked: list[str] = []
        self.offered: list[str] = []

    def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any:
        if ask.key == self.stop_at:
            raise KeyboardInterrupt
        self.asked.append(ask.key)
        return self.answers.get(ask.key, default)

    def confirm(self, message: str, *, default: bool) -> bool:
        self.offered.append(message)
        return self.pick_up


def test_a_stopped_questionnaire_is_kept_and_picked_up(tmp_path: Path) -> None:
    store, told = PlanStore(tmp_path), []
    first = Parent({"child_name": "Zoë", "meeting_type": "annual"}, stop_at="grade")
    with pytest.raises(Interrupted, match="Your answers so far are kept"):
        interview(first, today=TODAY, tell=told.append, drafts=store)
    draft = store.load_draft()
    assert draft is not None and draft.answers["child_name"] == "Zoë"

    told.clear()
    second = Parent({"grade": "high"})
    profile = interview(second, today=TODAY, tell=told.append, drafts=store)
    assert second.offered == [PICK_UP]
    assert second.asked[0] == "grade" and not set(first.asked) & set(second.asked)
    assert (profile.child_name, profile.grade) == ("Zoë", "high")
    assert f"after {len(first.asked)} questions" in told[0]
    assert told[1].startswith("Picking up where you stopped")


def test_declining_starts_afresh_and_drops_the_draft(tmp_path: Path) -> None:
    store = PlanStore(tmp_path)
    with pytest.raises(Interrupted):
        interview(
            Parent({"child_name": "Zoë"}, stop_at="grade"),
            today=TODAY,
            tell=lambda line: None,
            drafts=store,
        )
    fresh = Parent({}, pick_up=False)
    profile = interview(fresh, today=TODAY, tell=lambda line: None, drafts=store)
    assert fresh.asked[0] == "child_name" and profile.child_name is None
    assert store.load_draft() is not None  # the new answers are a draft until the plan is saved
    assert "child_name" not in store.load_draft().answers


def test_a_draft_that_no_longer_validates_is_set_aside_without_asking(tmp_path: Path) -> None:
    store = PlanStore(tmp_path)
    assert store.save_draft({"grade": "sophomore"}, ["grade"])
    parent = Parent({"child_name": "Zoë"})
    profile = interview(parent, today=TODAY, tell=lambda line: None, drafts=store)
    assert parent.offered == [] and profile.child_name == "Zoë"


def test_without_drafts_nothing_is_kept_and_ctrl_c_stays_ctrl_c(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt):
        interview(Parent({}, stop_at="grade"), today=TODAY, tell=lambda line: None)
    assert not list(tmp_path.iterdir())


def test_editing_says_the_saved_answers_are_the_defaults(tmp_path: Path) -> None:
    told: list[str] = []
    parent = Parent({})
    profile = interview(
        parent, today=TODAY, tell=told.append, previous={"child_name": "Zoë", "grade": "middle"}
    )
    assert told == ["Your saved answers are filled in: press Enter to keep one; Ctrl-C stops."]
    assert (profile.child_name, profile.grade) == ("Zoë", "middle") and parent.offered == []

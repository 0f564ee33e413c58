"""Saved-plan history: list, re-open, edit and forget."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from iepprep.core.planning.questionnaire import Ask


def save(run, write_yaml, name: str, **answers: Any) -> None:
    result = run("plan", "--answers", str(write_yaml(f"{name}.yaml", answers)), "-f", "json")
    assert result.exit_code == 0


def test_history_lists_saved_plans(run, write_yaml) -> None:
    assert "No saved plans yet" in run("history").stdout
    save(run, write_yaml, "a", child_name="Maya", meeting_type="annual", meeting_date="2026-12-10")
    save(run, write_yaml, "b", child_name="Leo", meeting_type="discipline")
    text = run("history").stdout
    assert "Maya: annual review, Thu Dec 10, 2026" in text and "Leo" in text
    assert re.search(r"saved \w{3} \w{3} \d{1,2} at \d\d:\d\d", text)
    rows = json.loads(run("history", "-f", "json").stdout)
    assert [row["number"] for row in rows] == [1, 2]
    assert rows[1]["meeting_type"] == "discipline"


def test_plan_from_saved(run, write_yaml) -> None:
    save(run, write_yaml, "a", child_name="Maya")
    save(run, write_yaml, "b", child_name="Leo")
    assert "plan for Maya" in run("plan", "--from", "1").stdout
    assert "plan for Leo" in run("plan", "--from", "latest").stdout
    missing = run("plan", "--from", "7")
    assert missing.exit_code == 3
    assert run("plan", "--from", "first").exit_code == 2


def test_edit_asks_again_with_saved_answers(run, write_yaml, monkeypatch) -> None:
    save(run, write_yaml, "a", child_name="Maya", grade="middle")
    defaults: dict[str, Any] = {}

    class Keep:
        def ask(self, ask: Ask, *, default: Any, today: dt.date) -> Any:
            defaults[ask.key] = default
            return "high" if ask.key == "grade" else default

    monkeypatch.setattr("iepprep.prompting.require_terminal", lambda *args: None)
    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter", Keep)
    result = run("plan", "--edit", "-f", "json")
    assert result.exit_code == 0, result.output
    assert defaults["child_name"] == "Maya" and defaults["grade"] == "middle"
    data = json.loads(result.stdout)
    assert data["profile"]["grade"] == "high" and data["profile"]["child_name"] == "Maya"
    history = json.loads(run("history", "-f", "json").stdout)
    assert len(history) == 1 and history[0]["number"] == 1  # changed in place


def test_forget_one_and_all(run, write_yaml, isolated_home: Path) -> None:
    save(run, write_yaml, "a", child_name="Maya")
    save(run, write_yaml, "b", child_name="Leo")
    no_tty = run("forget", "1")
    assert no_tty.exit_code == 2 and "--yes" in no_tty.stderr
    assert run("forget", "1", "--yes").exit_code == 0
    assert [r["number"] for r in json.loads(run("history", "-f", "json").stdout)] == [2]
    assert run("forget", "1", "--yes").exit_code == 3
    assert run("forget").exit_code == 2
    assert run("forget", "--all", "--yes").exit_code == 0
    assert not (isolated_home / "plans").exists()
    assert "No saved plans yet" in run("history").stdout


def test_forget_asks_first_on_a_terminal(run, write_yaml, monkeypatch) -> None:
    save(run, write_yaml, "a", child_name="Maya")
    monkeypatch.setattr("iepprep.cli.saved._confirm", lambda question: False)
    result = run("forget", "1")
    assert result.exit_code == 0 and "Nothing was deleted" in result.stderr
    assert len(json.loads(run("history", "-f", "json").stdout)) == 1


def test_forget_all_says_what_it_will_delete_before_asking(
    run, write_yaml, monkeypatch, isolated_home: Path
) -> None:
    save(run, write_yaml, "a", child_name="Maya")
    save(run, write_yaml, "b", child_name="Leo")
    assert run("notes", "add", "OT twice a week").exit_code == 0
    asked: list[str] = []

    def no(question: str) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr("iepprep.cli.saved._confirm", no)
    result = run("forget", "--all")
    assert result.exit_code == 0 and "Nothing was deleted" in result.stderr
    told = result.stderr[: result.stderr.index("Nothing was deleted")]
    assert str(isolated_home) in told
    assert "saved plans: 2 (for Maya, Leo)" in told
    assert "notes: 1" in told
    assert asked == ["Delete all of this?"]
    assert len(json.loads(run("history", "-f", "json").stdout)) == 2


def test_forget_all_with_nothing_saved_says_so(run, monkeypatch) -> None:
    monkeypatch.setattr("iepprep.cli.saved._confirm", lambda question: False)
    result = run("forget", "--all")
    assert "no saved plans" in result.stderr


def test_history_speaks_the_latest_plans_language_unless_one_was_chosen(run, write_yaml) -> None:
    save(run, write_yaml, "a", child_name="Ana", meeting_type="annual", language="es")
    text = " ".join(run("history").stdout.split())
    assert "Ana: revisión anual" in text and "guardado el" in text
    assert "annual review" not in text
    chosen = " ".join(run("--lang", "en", "history").stdout.split())
    assert "Ana: annual review" in chosen and "revisión" not in chosen


def test_forgetting_a_spanish_plan_is_told_in_spanish(run, write_yaml) -> None:
    save(run, write_yaml, "a", child_name="Ana", language="es")
    without_tty = " ".join(run("forget", "1").output.split())
    assert "no hay una terminal donde preguntarlo" in without_tty
    assert "Deleting needs a yes" not in without_tty
    done = " ".join(run("forget", "1", "--yes").output.split())
    assert "Se borró el plan guardado 1." in done and "Deleted" not in done

"""Hostile cases for `forget`: only files iepprep can recognise as its own are deleted
(a valid saved plan with its random id, its journal, a draft that reads), never a file
that merely has one of its names, never a planted link."""

from __future__ import annotations

import json
from pathlib import Path


def save(run, write_yaml, name: str = "Maya") -> None:
    result = run("plan", "--answers", str(write_yaml(f"{name}.yaml", {"child_name": name})))
    assert result.exit_code == 0, result.output


def test_forget_all_deletes_only_recognised_plans(
    run, write_yaml, isolated_home: Path, tmp_path: Path
) -> None:
    save(run, write_yaml)
    assert run("notes", "add", "private").exit_code == 0
    plans = isolated_home / "plans"
    (plans / "plan-0042.json").write_text("{}", encoding="utf-8")
    (plans / "plan-0007.journal.jsonl").write_text('{"note": "mine"}\n', encoding="utf-8")
    target = tmp_path / "precious.json"
    target.write_text("precious", encoding="utf-8")
    (plans / "plan-0003.json").symlink_to(target)

    result = run("forget", "--all", "--yes")

    assert result.exit_code == 0, result.output
    assert "(1 plan)" in result.stderr
    assert not (plans / "plan-0001.json").exists()
    assert not (plans / "plan-0001.journal.jsonl").exists()
    assert (plans / "plan-0042.json").read_text(encoding="utf-8") == "{}"
    assert (plans / "plan-0007.journal.jsonl").exists()
    assert (plans / "plan-0003.json").is_symlink()
    assert target.read_text(encoding="utf-8") == "precious"
    for name in ("plan-0003.json", "plan-0007.journal.jsonl", "plan-0042.json"):
        assert name in result.stderr


def test_forget_all_keeps_a_plan_file_without_a_random_id(run, isolated_home: Path) -> None:
    plans = isolated_home / "plans"
    plans.mkdir(parents=True, mode=0o700)
    record = {"created": "2026-01-01T00:00:00", "answers": {}}
    (plans / "plan-0001.json").write_text(json.dumps(record), encoding="utf-8")
    result = run("forget", "--all", "--yes")
    assert result.exit_code == 0, result.output
    assert "(0 plans)" in result.stderr
    assert (plans / "plan-0001.json").exists()


def test_forget_number_on_a_planted_link_is_not_found(
    run, write_yaml, isolated_home: Path, tmp_path: Path
) -> None:
    save(run, write_yaml)
    target = tmp_path / "precious.json"
    target.write_text("precious", encoding="utf-8")
    link = isolated_home / "plans" / "plan-0002.json"
    link.symlink_to(target)

    result = run("forget", "2", "--yes")

    assert result.exit_code == 3, result.output
    assert "no saved plan number 2" in result.stderr
    assert "Deleted" not in result.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "precious"


def test_forget_number_still_deletes_a_damaged_plan(run, write_yaml, isolated_home) -> None:
    save(run, write_yaml)
    plan = isolated_home / "plans" / "plan-0001.json"
    plan.write_text("not json", encoding="utf-8")
    result = run("forget", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert not plan.exists()

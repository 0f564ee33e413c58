"""Saved plans: numbered, private, atomic, and never half-written."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from iepprep.core.storage.exports import write_output_file
from iepprep.core.storage.plans import PlanStore
from iepprep.errors import NotFoundError, StorageError


def test_save_numbers_and_latest(isolated_home: Path) -> None:
    store = PlanStore()
    assert store.latest() is None
    first = store.save({"grade": "high"})
    second = store.save({"grade": "middle"})
    assert (first.number, second.number) == (1, 2)
    assert store.latest().answers == {"grade": "middle"}
    assert [p.number for p in store.all()] == [1, 2]
    assert store.get(1).answers == {"grade": "high"}


def test_same_answers_update_instead_of_piling_up(isolated_home: Path) -> None:
    store = PlanStore()
    a = store.save({"grade": "high"}, now=dt.datetime(2026, 11, 1, 9))
    b = store.save({"grade": "high"}, now=dt.datetime(2026, 11, 2, 9))
    assert a.number == b.number == 1
    assert b.created == dt.datetime(2026, 11, 1, 9)
    assert b.updated == dt.datetime(2026, 11, 2, 9)


def test_files_are_private(isolated_home: Path) -> None:
    saved = PlanStore().save({"child_name": "Zoë"})
    assert stat.S_IMODE(saved.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.path.parent.stat().st_mode) == 0o700
    assert "Zoë" in saved.path.read_text(encoding="utf-8")


def test_a_corrupt_plan_is_skipped_not_fatal(isolated_home: Path) -> None:
    store = PlanStore()
    store.save({"grade": "high"})
    broken = store.folder / "plan-0002.json"
    broken.write_text("{not json", encoding="utf-8")
    assert store.latest().number == 1
    with pytest.raises(StorageError, match="cannot be read"):
        store.get(2)
    with pytest.raises(NotFoundError):
        store.get(9)


def test_full_disk_keeps_the_old_plan(isolated_home: Path, monkeypatch) -> None:
    store = PlanStore()
    store.save({"grade": "high"})

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("iepprep.core.storage.own_files.os.fsync", disk_full)
    with pytest.raises(StorageError, match="No space left on device") as err:
        store.save({"grade": "middle"})
    assert "unchanged" in err.value.message
    monkeypatch.undo()
    assert store.latest().answers == {"grade": "high"}
    assert not [p for p in store.folder.iterdir() if p.name.endswith(".tmp")]


def test_delete_all_removes_only_our_folders(isolated_home: Path) -> None:
    store = PlanStore()
    store.save({"grade": "high"})
    mine = isolated_home / "notes-of-my-own.txt"
    mine.write_text("keep me", encoding="utf-8")
    assert store.delete_all() == (1, [])
    assert not store.folder.exists()
    assert mine.read_text(encoding="utf-8") == "keep me"


def test_output_files_are_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")
    write_output_file(target, "new content")
    assert target.read_text(encoding="utf-8") == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]

"""Hostile cases for iepprep's own folders and files (issue 18): never touch what
iepprep did not make, never lose a saved plan to a race or a crash, never follow a
planted link, and refuse a home other users can reach into."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from iepprep.core.storage.journal import Event, Journal
from iepprep.core.storage.own_files import MARKER, UnsafeFolderError, atomic_write
from iepprep.core.storage.plans import PlanStore
from iepprep.errors import NotFoundError, StorageError

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def save(run, write_yaml, name: str = "Maya") -> None:
    result = run("plan", "--answers", str(write_yaml(f"{name}.yaml", {"child_name": name})))
    assert result.exit_code == 0, result.output


# ------------------------------------------------------ only what iepprep made (1, 2)


def test_forget_all_leaves_files_iepprep_did_not_make(run, write_yaml, isolated_home) -> None:
    own = isolated_home / "plans" / "2025"
    own.mkdir(parents=True)
    (own / "week1.docx").write_text("mine", encoding="utf-8")
    (isolated_home / "plans" / "notes.txt").write_text("mine too", encoding="utf-8")
    (isolated_home / "cache").mkdir()
    (isolated_home / "cache" / "photo.jpg").write_bytes(b"jpg")
    (isolated_home / "plans").chmod(0o755)
    save(run, write_yaml)
    assert mode(isolated_home / "plans") == 0o755  # a folder iepprep did not make: no chmod
    result = run("forget", "--all", "--yes")
    assert result.exit_code == 0
    assert (own / "week1.docx").read_text(encoding="utf-8") == "mine"
    assert (isolated_home / "plans" / "notes.txt").exists()
    assert (isolated_home / "cache" / "photo.jpg").exists()
    assert not list((isolated_home / "plans").glob("plan-*"))
    assert "left as they were" in result.stderr


def test_iepprep_cache_folder_named_cache_keeps_other_files(
    run, write_yaml, tmp_path, monkeypatch
) -> None:
    cache = tmp_path / "work" / "cache"
    cache.mkdir(parents=True, mode=0o700)
    (cache / "thesis.tex").write_text("years of work", encoding="utf-8")
    monkeypatch.setenv("IEPPREP_CACHE", str(cache))
    save(run, write_yaml)
    run("tips", "search", "sign")
    assert list(cache.glob("library-*.json"))
    assert run("forget", "--all", "--yes").exit_code == 0
    assert [p.name for p in cache.iterdir()] == ["thesis.tex"]


def test_forget_all_removes_a_home_iepprep_made(run, write_yaml, isolated_home) -> None:
    save(run, write_yaml)
    assert (isolated_home / MARKER).exists() and (isolated_home / "plans" / MARKER).exists()
    assert run("forget", "--all", "--yes").exit_code == 0
    assert not isolated_home.exists()


def test_forget_all_keeps_a_home_the_user_made(run, write_yaml, isolated_home) -> None:
    isolated_home.mkdir(mode=0o700)
    save(run, write_yaml)
    assert run("forget", "--all", "--yes").exit_code == 0
    assert isolated_home.is_dir() and not list(isolated_home.iterdir())


# ------------------------------------------------------------- races and crashes (3, 36)


def test_parallel_saves_each_get_their_own_number(isolated_home) -> None:
    start = threading.Barrier(10)
    numbers: list[int] = []

    def one(n: int) -> None:
        start.wait()
        numbers.append(PlanStore().save({"child_name": f"child {n}"}).number)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == list(range(1, 11))
    names = {p.answers["child_name"] for p in PlanStore().all()}
    assert names == {f"child {n}" for n in range(10)}


def test_temporary_files_a_killed_save_left_are_removed(isolated_home) -> None:
    store = PlanStore()
    store.save({"grade": "high"})
    stale = store.folder / ".plan-0002.json.abcd1234.tmp"
    stale.write_text('{"answers": {"child_name": "Maya"}}', encoding="utf-8")
    old = time.time() - 60
    os.utime(stale, (old, old))
    fresh = store.folder / ".plan-0003.json.efgh5678.tmp"  # another run writing right now
    fresh.write_text("{}", encoding="utf-8")
    stranger = store.folder / ".mine.abcd1234.tmp"  # not a name iepprep writes
    stranger.write_text("x", encoding="utf-8")
    os.utime(stranger, (old, old))
    store.save({"grade": "middle"})
    assert not stale.exists()
    assert fresh.exists() and stranger.exists()


def test_a_temporary_file_being_written_is_never_removed(tmp_path) -> None:
    import fcntl

    target = tmp_path / "k.pdf"
    busy = tmp_path / ".k.pdf.busy0000.tmp"
    busy.write_bytes(b"half")
    old = time.time() - 60
    os.utime(busy, (old, old))
    with busy.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # as atomic_write holds it
        atomic_write(target, b"done")
        assert busy.exists()
    atomic_write(target, b"done again")
    assert not busy.exists()


# --------------------------------------------------- links and other users (9, 10, 11, 12)


def test_journal_never_follows_a_planted_link(run, write_yaml, isolated_home, tmp_path) -> None:
    save(run, write_yaml)
    victim = tmp_path / "profile.sh"
    victim.write_text("export PATH\n", encoding="utf-8")
    (isolated_home / "plans" / "plan-0001.journal.jsonl").symlink_to(victim)
    result = run("notes", "add", "hello")
    assert result.exit_code == 1
    assert "link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "export PATH\n"


def test_journal_of_another_user_is_refused(tmp_path) -> None:
    if not AS_ROOT:
        pytest.skip("making a file of another user needs root")
    path = tmp_path / "plan-0001.journal.jsonl"
    path.write_text("", encoding="utf-8")
    os.chown(path, NOBODY, NOBODY)
    with pytest.raises(StorageError, match="another user"):
        Journal(path).append(Event("note", dt_now(), text="x"))


def dt_now():
    import datetime as dt

    return dt.datetime(2026, 12, 10, 9)


@pytest.mark.parametrize("loose", [0o777, 0o770, 0o1777])
def test_a_home_others_can_write_in_is_refused_and_left_alone(
    run, write_yaml, isolated_home, loose
) -> None:
    isolated_home.mkdir()
    isolated_home.chmod(loose)
    answers = write_yaml("a.yaml", {"child_name": "Maya"})
    result = run("plan", "--answers", str(answers))
    assert result.exit_code == 2
    assert "other users may write in it" in result.stderr
    assert '"child_name": "Maya"' in result.stderr  # not saved, but never lost
    assert mode(isolated_home) == loose  # the sticky bit too: never chmod what is not ours
    assert not (isolated_home / "plans").exists()


def test_a_home_of_another_user_is_refused(run, write_yaml, isolated_home) -> None:
    if not AS_ROOT:
        pytest.skip("making a folder of another user needs root")
    isolated_home.mkdir(mode=0o700)
    os.chown(isolated_home, NOBODY, NOBODY)
    result = run("plan", "--answers", str(write_yaml("a.yaml", {})))
    assert result.exit_code == 2
    assert "belongs to another user" in result.stderr
    assert not (isolated_home / "plans").exists()


def test_loose_plan_files_are_tightened(run, write_yaml, isolated_home) -> None:
    save(run, write_yaml)
    run("notes", "add", "private")
    plan, journal = (
        isolated_home / "plans" / n for n in ("plan-0001.json", "plan-0001.journal.jsonl")
    )
    plan.chmod(0o666)
    journal.chmod(0o666)
    assert run("notes", "add", "more").exit_code == 0
    assert mode(plan) == 0o600 and mode(journal) == 0o600


def test_plans_folder_as_a_link_is_refused_plainly(run, write_yaml, isolated_home, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    isolated_home.mkdir(mode=0o700)
    (isolated_home / "plans").symlink_to(elsewhere)
    result = run("forget", "--all", "--yes")
    assert result.exit_code == 2
    assert "is a link" in result.stderr and "None" not in result.stderr
    assert elsewhere.is_dir()


def test_unsafe_folder_error_is_a_usage_error() -> None:
    assert UnsafeFolderError("x").exit_code == 2


# ------------------------------------------------ a forgotten plan stays forgotten (13)


def test_a_meeting_open_on_a_forgotten_plan_stops_writing(isolated_home) -> None:
    store = PlanStore()
    store.save({"child_name": "Maya"})
    journal = store.journal(1)  # as `iepprep meeting` holds it
    journal.append(Event("note", dt_now(), text="first"))
    store.delete(1)
    with pytest.raises(NotFoundError, match="deleted"):
        journal.append(Event("note", dt_now(), text="after forget"))
    assert not (store.folder / "plan-0001.journal.jsonl").exists()
    store.save({"child_name": "Leo"})  # another child's plan, number 1 again
    with pytest.raises(NotFoundError):
        journal.append(Event("note", dt_now(), text="not Leo's"))
    assert store.journal(1).events() == []


# ------------------------------------------ unreadable entries and odd numbers (24, 26, 34)


def test_odd_entries_in_plans_never_block_anything(run, write_yaml, isolated_home) -> None:
    save(run, write_yaml)
    plans = isolated_home / "plans"
    (plans / "plan-0009.json").symlink_to(plans / "missing.json")
    (plans / "plan-00012.json").write_text("{}", encoding="utf-8")
    (plans / "plan-\u0661\u0662\u0663\u0664.json").write_text("{}", encoding="utf-8")
    assert run("history").exit_code == 0
    assert run("notes", "add", "x").exit_code == 0
    save(run, write_yaml, "Leo")
    assert "plan for Leo" in run("plan", "--from", "latest").stdout


def test_forget_deletes_a_damaged_plan(run, write_yaml, isolated_home) -> None:
    save(run, write_yaml)
    (isolated_home / "plans" / "plan-0001.json").write_text("{not json", encoding="utf-8")
    shown = run("plan", "--from", "1")
    assert shown.exit_code == 1 and "iepprep forget 1" in shown.stderr
    assert run("forget", "1", "--yes").exit_code == 0
    assert not (isolated_home / "plans" / "plan-0001.json").exists()


@pytest.mark.parametrize("number", ["9" * 250, "0", "99999999"])
def test_huge_plan_numbers_are_simply_not_found(run, write_yaml, number) -> None:
    save(run, write_yaml)
    result = run("plan", "--from", number)
    assert result.exit_code == 3
    assert "no saved plan number" in result.stderr and "too long" not in result.stderr
    assert run("forget", number, "--yes").exit_code == 3


def test_saved_plans_have_their_own_id(isolated_home) -> None:
    store = PlanStore()
    first = store.save({"child_name": "Maya"})
    again = store.save({"child_name": "Maya"})  # the same answers update the plan
    other = store.save({"child_name": "Maya", "grade": "high"})
    assert first.plan_id == again.plan_id != other.plan_id
    record = json.loads(first.path.read_text(encoding="utf-8"))
    assert record["id"] == first.plan_id


def test_a_number_reserved_by_a_killed_save_is_freed(isolated_home) -> None:
    store = PlanStore()
    store.save({"grade": "high"})
    reserved = store.folder / "plan-0002.json"
    reserved.write_bytes(b"")  # the save was killed between reserving and writing
    os.utime(reserved, (time.time() - 120, time.time() - 120))
    assert store.save({"grade": "middle"}).number == 2
    assert store.get(2).answers == {"grade": "middle"}


def test_a_number_another_run_just_reserved_is_skipped(isolated_home, monkeypatch) -> None:
    store = PlanStore()
    store.save({"grade": "high"})
    (store.folder / "plan-0002.json").write_bytes(b"")  # reserved a moment ago, being written
    monkeypatch.setattr(store, "_numbers", lambda: [1])  # listed just before the other run
    assert store.save({"grade": "middle"}).number == 3
    assert (store.folder / "plan-0002.json").exists()  # still the other run's

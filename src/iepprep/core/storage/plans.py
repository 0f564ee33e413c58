"""A family's saved plans (numbered 1, 2, 3, ...) and the draft of a stopped questionnaire.

They live in the `plans` folder of iepprep's home (see `iepprep.core.storage.files`),
0600 in 0700 folders; how folders are checked, files written and temporary files
cleaned is in `iepprep.core.storage.own_files`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iepprep.core.storage.files import CACHE, CACHE_FILES, cache_dir, data_home
from iepprep.core.storage.journal import Journal
from iepprep.core.storage.own_files import (
    atomic_write,
    check_folder,
    make_folder,
    open_own_file,
    read_own_file,
    remove_own_files,
    remove_stale_temps,
)
from iepprep.errors import N_, NotFoundError, StorageError

PLANS = "plans"
MAX_PLAN_NUMBER = 9_999_999
_NUMBER = r"[0-9]{4,7}"
_PLAN_FILE = re.compile(rf"plan-({_NUMBER})\.json")
# Every name iepprep writes in plans/ (and nothing else is ever deleted there).
OWN_PLAN_FILES = re.compile(rf"plan-{_NUMBER}\.json|plan-{_NUMBER}\.journal\.jsonl|draft\.json")
NO_SAVED_PLAN = N_("There is no saved plan number {number}.")
_MAX_RECORD_BYTES = 8 * 1024 * 1024
_PLAN_ID = re.compile(r"[0-9a-f]{16}")  # what _new_plan_id makes: how a plan is known as ours


@dataclass(frozen=True)
class SavedPlan:
    """One saved plan: its number (as shown by `history`), when it was made, the answers,
    and its own random id (calendar events and the journal use it to know this plan
    from another one saved later under the same number)."""

    number: int
    path: Path
    created: dt.datetime
    updated: dt.datetime
    answers: dict[str, Any]
    plan_id: str = field(default="")


@dataclass(frozen=True)
class Draft:
    """Answers to a questionnaire that was stopped partway: what was answered so far,
    and which questions were asked (a skipped one is asked, but has no answer)."""

    updated: dt.datetime
    answers: dict[str, Any]
    asked: list[str]
    editing: int | None = None  # the saved plan being edited (plan --edit), if any


def _new_plan_id() -> str:
    return secrets.token_hex(8)


class PlanStore:
    """The saved plans of this user, numbered 1, 2, 3, … in the order they were made."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home or data_home()
        self.folder = self.home / PLANS

    # -- folders

    def _readable(self) -> bool:
        """True when the plans folder exists (and is safe to read from)."""
        return check_folder(self.home, follow=True) and check_folder(self.folder, follow=False)

    def _writable(self) -> Path:
        """The plans folder, made if needed, checked, with stale temporary files gone."""
        make_folder(self.home, follow=True)
        make_folder(self.folder)
        remove_stale_temps(self.folder, [OWN_PLAN_FILES.pattern])
        self._remove_stale_reservations()
        return self.folder

    def _remove_stale_reservations(self) -> None:
        """An empty plan file is a number reserved by a save that was killed before it
        wrote the plan (a save fills it within milliseconds): remove it."""
        for entry in os.scandir(self.folder):
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                stale = time.time() - info.st_mtime > 60
                plan_file = _PLAN_FILE.fullmatch(entry.name) and entry.is_file(
                    follow_symlinks=False
                )
                if plan_file and info.st_size == 0 and stale:
                    Path(entry.path).unlink()

    def _numbers(self) -> list[int]:
        try:
            if not self._readable():
                return []
            names = [entry.name for entry in self.folder.iterdir()]
        except OSError as exc:
            raise StorageError(
                f"Cannot read the saved plans in {str(self.folder)!r}: {exc.strerror}."
            ) from None
        numbers = []
        for name in names:
            match = _PLAN_FILE.fullmatch(name)
            if match and name == self._path(int(match.group(1))).name:  # plan-00009 is not 9
                numbers.append(int(match.group(1)))
        return sorted(numbers)

    def _path(self, number: int) -> Path:
        return self.folder / f"plan-{number:04d}.json"

    def _read(self, number: int) -> SavedPlan:
        if not 1 <= number <= MAX_PLAN_NUMBER:
            raise NotFoundError(NO_SAVED_PLAN, fields={"number": number})
        path = self._path(number)
        if not self._readable():
            raise NotFoundError(NO_SAVED_PLAN, fields={"number": number})
        try:
            record = json.loads(read_own_file(path, limit=_MAX_RECORD_BYTES).decode("utf-8"))
            created = dt.datetime.fromisoformat(record["created"])
            updated = dt.datetime.fromisoformat(record.get("updated", record["created"]))
            answers = record["answers"]
            if not isinstance(answers, dict):
                raise TypeError("answers is not a mapping")
            plan_id = str(record.get("id") or record["created"])  # older plans had no id
        except FileNotFoundError:
            raise NotFoundError(NO_SAVED_PLAN, fields={"number": number}) from None
        except StorageError as exc:
            hint = N_("You can delete it with: iepprep forget {number}").format(number=number)
            raise StorageError(exc.message, hint=hint) from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StorageError(
                N_("The saved plan {path} cannot be read ({problem})."),
                hint=N_("You can delete it with: iepprep forget {number}"),
                fields={"path": repr(str(path)), "problem": exc, "number": number},
            ) from None
        return SavedPlan(number, path, created, updated, answers, plan_id)

    def all(self) -> list[SavedPlan]:
        """Every readable saved plan, oldest first (unreadable ones are skipped)."""
        plans = []
        for number in self._numbers():
            try:
                plans.append(self._read(number))
            except (StorageError, NotFoundError):
                continue
        return plans

    def latest(self) -> SavedPlan | None:
        numbers = self._numbers()
        for number in reversed(numbers):
            try:
                return self._read(number)
            except (StorageError, NotFoundError):
                continue
        return None

    def get(self, number: int) -> SavedPlan:
        return self._read(number)

    def save(
        self, answers: dict[str, Any], *, now: dt.datetime | None = None, number: int | None = None
    ) -> SavedPlan:
        """Save answers as a new plan; the same answers as the latest plan just update it.

        A new plan's number is reserved by creating its file exclusively, so plans
        saved at the same moment by several runs each get their own number. With
        `number` (plan --edit), that plan is changed in place: it keeps its number and
        id, so its notes, answered questions, letters and calendar events stay with it.
        """
        moment = (now or dt.datetime.now()).replace(microsecond=0)
        try:
            self._writable()
            latest = self.latest()
            if number is not None:
                edited = self.get(number)  # NotFoundError when it was forgotten meanwhile
                created, plan_id = edited.created, edited.plan_id
            elif latest is not None and latest.answers == answers:
                number, created, plan_id = latest.number, latest.created, latest.plan_id
            else:
                number, created, plan_id = self._reserve_number(), moment, _new_plan_id()
            record = {
                "format": 1,
                "id": plan_id,
                "created": created.isoformat(),
                "updated": moment.isoformat(),
                "answers": answers,
            }
            path = self._path(number)
            text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
            atomic_write(path, text.encode("utf-8"))
        except OSError as exc:
            raise StorageError(
                N_(
                    "Your answers could not be saved in {folder}: {problem}. Any plan saved "
                    "before is unchanged."
                ),
                hint=N_(
                    "Free some disk space or set IEPPREP_HOME to a folder you can write, "
                    "or run again with --no-save."
                ),
                fields={"folder": repr(str(self.folder)), "problem": exc.strerror or exc},
            ) from None
        return SavedPlan(number, path, created, moment, answers, plan_id)

    def _reserve_number(self) -> int:
        numbers = self._numbers()
        number = numbers[-1] + 1 if numbers else 1
        while number <= MAX_PLAN_NUMBER:
            try:
                fd = open_own_file(self._path(number), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            except FileExistsError:
                number += 1
                continue
            os.close(fd)
            return number
        raise StorageError(f"There are too many saved plans in {str(self.folder)!r}.")

    @property
    def draft_path(self) -> Path:
        return self.folder / "draft.json"  # not a plan: history and numbering skip it

    def save_draft(
        self, answers: dict[str, Any], asked: list[str], *, editing: int | None = None
    ) -> bool:
        """Keep the answers given so far; False if they could not be written (the
        questionnaire goes on: a draft is a safety net, not a requirement)."""
        record: dict[str, Any] = {
            "format": 1,
            "updated": dt.datetime.now().replace(microsecond=0).isoformat(),
            "answers": answers,
            "asked": asked,
        }
        if editing is not None:
            record["editing"] = editing
        try:
            self._writable()
            text = json.dumps(record, ensure_ascii=False, indent=1)
            atomic_write(self.draft_path, text.encode("utf-8"))
        except (OSError, TypeError, ValueError, StorageError):
            return False
        return True

    def load_draft(self) -> Draft | None:
        """The draft, or None when there is none or it cannot be read."""
        try:
            if not self._readable():
                return None
            record = json.loads(read_own_file(self.draft_path, limit=_MAX_RECORD_BYTES))
            draft = Draft(
                dt.datetime.fromisoformat(record["updated"]),
                dict(record["answers"]),
                [str(key) for key in record["asked"]],
                int(record["editing"]) if record.get("editing") is not None else None,
            )
        except (OSError, ValueError, KeyError, TypeError, StorageError):
            return None
        return draft

    def clear_draft(self) -> None:
        with contextlib.suppress(OSError):
            self.draft_path.unlink()

    def journal(self, number: int) -> Journal:
        """The meeting journal (notes, answered questions, letters) of plan `number`.

        It writes only while plan `number` is still the plan it was when this was
        called: a plan forgotten (or forgotten and saved anew) stays forgotten.
        """
        plan_id: str | None = None
        with contextlib.suppress(StorageError, NotFoundError):
            plan_id = self._read(number).plan_id

        def still_there() -> bool:
            try:
                return plan_id is not None and self._read(number).plan_id == plan_id
            except (StorageError, NotFoundError):
                return False

        return Journal(self.folder / f"plan-{number:04d}.journal.jsonl", still_there)

    def _is_plan_file(self, path: Path) -> bool:
        """True when `path` is a regular file of this user (never a planted link)."""
        try:
            info = path.lstat()
        except OSError:
            return False
        uid = os.geteuid() if hasattr(os, "geteuid") else None
        return stat.S_ISREG(info.st_mode) and (uid is None or info.st_uid == uid)

    def has_plan_file(self, number: int) -> bool:
        """True when plan `number` is there as a file (readable or not), not a link."""
        return self._is_plan_file(self._path(number))

    def delete(self, number: int) -> None:
        """Delete plan `number` and its journal (the plan first: a meeting still open
        on it then stops writing), even when the plan cannot be read; but never a link
        or another user's file in its place (that is no saved plan)."""
        if not 1 <= number <= MAX_PLAN_NUMBER or not self._readable():
            raise NotFoundError(NO_SAVED_PLAN, fields={"number": number})
        path = self._path(number)
        if not self.has_plan_file(number):
            raise NotFoundError(NO_SAVED_PLAN, fields={"number": number})
        try:
            path.unlink()
        except FileNotFoundError:
            raise NotFoundError(NO_SAVED_PLAN, fields={"number": number}) from None
        except OSError as exc:
            raise StorageError(f"Cannot delete {str(path)!r}: {exc.strerror}.") from None
        journal = self.folder / f"plan-{number:04d}.journal.jsonl"
        if self._is_plan_file(journal):
            with contextlib.suppress(FileNotFoundError):
                journal.unlink()

    def _own_plan_names(self) -> list[str]:
        """The names in plans/ iepprep can recognise as its own: each saved plan that
        reads and carries a random plan id, its journal, and a draft that reads."""
        names = []
        for number in self._numbers():
            with contextlib.suppress(StorageError, NotFoundError):
                if _PLAN_ID.fullmatch(self._read(number).plan_id):
                    names += [f"plan-{number:04d}.json", f"plan-{number:04d}.journal.jsonl"]
        if self.load_draft() is not None:
            names.append(self.draft_path.name)
        return names

    def delete_all(self) -> tuple[int, list[tuple[Path, list[str]]]]:
        """Remove every file iepprep wrote: its plans, journals, draft and cache.

        Only files iepprep can recognise as its own are removed (never a link, never a
        file that merely has one of its names), and a folder only when iepprep made it
        and nothing else is left in it: IEPPREP_HOME may point somewhere the user keeps
        other files. Returns the number of plans removed and, for each folder where
        other files were left, their names.
        """
        kept: list[tuple[Path, list[str]]] = []
        count = 0
        if self._readable():
            names = self._own_plan_names()
            count = sum(1 for name in names if _PLAN_FILE.fullmatch(name))
            own = re.compile("|".join(re.escape(name) for name in names) or r"(?!)")
            if left := remove_own_files(self.folder, own):
                kept.append((self.folder, left))
        for cache in dict.fromkeys([self.home / CACHE, cache_dir()]):
            with contextlib.suppress(StorageError):  # a cache is never worth failing
                if check_folder(cache, follow=cache != self.home / CACHE) and (
                    left := remove_own_files(cache, CACHE_FILES)
                ):
                    kept.append((cache, left))
        if check_folder(self.home, follow=True):
            remove_own_files(self.home, re.compile(r"(?!)"))  # only the marker, if empty
        return count, kept

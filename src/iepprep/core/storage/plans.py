"""A family's saved plans (numbered 1, 2, 3, ...) and the draft of a stopped questionnaire.

They live in the `plans` folder of iepprep's home (see `iepprep.core.storage.files`),
written atomically, 0600 in 0700 folders.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iepprep.core.storage.files import (
    CACHE,
    cache_dir,
    data_home,
    ensure_private_dir,
    write_private_file,
)
from iepprep.core.storage.journal import Journal
from iepprep.errors import NotFoundError, StorageError

PLANS = "plans"
OWN_FOLDERS = (PLANS, CACHE)
_PLAN_FILE = re.compile(r"^plan-(\d{4,})\.json$")


@dataclass(frozen=True)
class SavedPlan:
    """One saved plan: its number (as shown by `history`), when it was made, the answers."""

    number: int
    path: Path
    created: dt.datetime
    updated: dt.datetime
    answers: dict[str, Any]


@dataclass(frozen=True)
class Draft:
    """Answers to a questionnaire that was stopped partway: what was answered so far,
    and which questions were asked (a skipped one is asked, but has no answer)."""

    updated: dt.datetime
    answers: dict[str, Any]
    asked: list[str]


class PlanStore:
    """The saved plans of this user, numbered 1, 2, 3, … in the order they were made."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home or data_home()
        self.folder = self.home / PLANS

    def _numbers(self) -> list[int]:
        try:
            names = [entry.name for entry in self.folder.iterdir()]
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StorageError(
                f"Cannot read the saved plans in {str(self.folder)!r}: {exc.strerror}."
            ) from None
        return sorted(int(m.group(1)) for name in names if (m := _PLAN_FILE.match(name)))

    def _path(self, number: int) -> Path:
        return self.folder / f"plan-{number:04d}.json"

    def _read(self, number: int) -> SavedPlan:
        path = self._path(number)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            created = dt.datetime.fromisoformat(record["created"])
            updated = dt.datetime.fromisoformat(record.get("updated", record["created"]))
            answers = record["answers"]
            if not isinstance(answers, dict):
                raise TypeError("answers is not a mapping")
        except FileNotFoundError:
            raise NotFoundError(f"There is no saved plan number {number}.") from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StorageError(
                f"The saved plan {str(path)!r} cannot be read ({exc}).",
                hint="You can delete it with: iepprep forget " + str(number),
            ) from None
        return SavedPlan(number, path, created, updated, answers)

    def all(self) -> list[SavedPlan]:
        """Every readable saved plan, oldest first (unreadable ones are skipped)."""
        plans = []
        for number in self._numbers():
            try:
                plans.append(self._read(number))
            except StorageError:
                continue
        return plans

    def latest(self) -> SavedPlan | None:
        numbers = self._numbers()
        for number in reversed(numbers):
            try:
                return self._read(number)
            except StorageError:
                continue
        return None

    def get(self, number: int) -> SavedPlan:
        return self._read(number)

    def save(self, answers: dict[str, Any], *, now: dt.datetime | None = None) -> SavedPlan:
        """Save answers as a new plan; the same answers as the latest plan just update it."""
        moment = (now or dt.datetime.now()).replace(microsecond=0)
        latest = self.latest()
        if latest is not None and latest.answers == answers:
            number, created = latest.number, latest.created
        else:
            numbers = self._numbers()
            number, created = (numbers[-1] + 1 if numbers else 1), moment
        record = {
            "format": 1,
            "created": created.isoformat(),
            "updated": moment.isoformat(),
            "answers": answers,
        }
        path = self._path(number)
        try:
            ensure_private_dir(self.home)
            write_private_file(path, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise StorageError(
                f"Your answers could not be saved in {str(self.folder)!r}: "
                f"{exc.strerror or exc}. Any plan saved before is unchanged.",
                hint="Free some disk space or set IEPPREP_HOME to a folder you can write, "
                "or run again with --no-save.",
            ) from None
        return SavedPlan(number, path, created, moment, answers)

    @property
    def draft_path(self) -> Path:
        return self.folder / "draft.json"  # not a plan: history and numbering skip it

    def save_draft(self, answers: dict[str, Any], asked: list[str]) -> bool:
        """Keep the answers given so far; False if they could not be written (the
        questionnaire goes on: a draft is a safety net, not a requirement)."""
        record = {
            "format": 1,
            "updated": dt.datetime.now().replace(microsecond=0).isoformat(),
            "answers": answers,
            "asked": asked,
        }
        try:
            ensure_private_dir(self.home)
            write_private_file(self.draft_path, json.dumps(record, ensure_ascii=False, indent=1))
        except (OSError, TypeError, ValueError):
            return False
        return True

    def load_draft(self) -> Draft | None:
        """The draft, or None when there is none or it cannot be read."""
        try:
            record = json.loads(self.draft_path.read_text(encoding="utf-8"))
            draft = Draft(
                dt.datetime.fromisoformat(record["updated"]),
                dict(record["answers"]),
                [str(key) for key in record["asked"]],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return draft

    def clear_draft(self) -> None:
        with contextlib.suppress(OSError):
            self.draft_path.unlink()

    def journal(self, number: int) -> Journal:
        """The meeting journal (notes, answered questions, letters) of plan `number`."""
        return Journal(self.folder / f"plan-{number:04d}.journal.jsonl")

    def delete(self, number: int) -> None:
        self.journal(number).delete()
        path = self._path(number)
        try:
            path.unlink()
        except FileNotFoundError:
            raise NotFoundError(f"There is no saved plan number {number}.") from None
        except OSError as exc:
            raise StorageError(f"Cannot delete {str(path)!r}: {exc.strerror}.") from None

    def delete_all(self) -> int:
        """Remove every folder iepprep wrote under its home; return the plans removed.

        Only iepprep's own folders are removed, never the home folder's other
        contents: IEPPREP_HOME may point somewhere the user keeps other files.
        """
        import shutil

        count = len(self._numbers())
        for name in OWN_FOLDERS:
            target = self.home / name
            try:
                if target.is_dir():
                    shutil.rmtree(target)
            except OSError as exc:
                raise StorageError(f"Cannot delete {str(target)!r}: {exc.strerror}.") from None
        cache = cache_dir()
        if cache.is_dir() and cache.name in ("cache", "iepprep"):  # never a folder we did not make
            shutil.rmtree(cache, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.home.rmdir()  # only succeeds when nothing else is left in it
        return count

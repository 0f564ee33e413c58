"""The meeting journal: an append-only record of what happened, one JSON line each.

Every note and every answered or skipped question is appended and flushed to disk
(fsync) before the program moves on, so closing the terminal, Ctrl-C or a power cut
loses nothing that was already shown as saved. A line cut short by a crash is
ignored when the journal is read back; everything before it is kept.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from iepprep.core.storage.own_files import make_folder, open_own_file, read_own_file
from iepprep.errors import NotFoundError, StorageError

EventKind = Literal["note", "answered", "skipped", "reopened", "letter", "meeting", "draft"]
MAX_TEXT = 4000


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: dt.datetime
    text: str = ""
    question: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        record: dict[str, Any] = {"kind": self.kind, "at": self.at.isoformat()}
        if self.text:
            record["text"] = self.text
        if self.question:
            record["question"] = self.question
        if self.extra:
            record["extra"] = self.extra
        return json.dumps(record, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Event:
        record = json.loads(line)
        return cls(
            kind=record["kind"],
            at=dt.datetime.fromisoformat(record["at"]),
            text=str(record.get("text", "")),
            question=record.get("question"),
            extra=dict(record.get("extra", {})),
        )


class Journal:
    """The journal of one saved plan.

    `still_there` says whether the plan is still saved: when it is not (forgotten,
    perhaps while `iepprep meeting` was open), nothing more is written, so notes never
    outlive their plan or reach the next plan saved under the same number.
    """

    def __init__(self, path: Path, still_there: Callable[[], bool] = lambda: True) -> None:
        self.path = path
        self._still_there = still_there

    def append(self, event: Event) -> int:
        """Add `event`, on disk before this returns; its line ends at the offset returned."""
        line = readable_text(event.to_json()) + "\n"
        if not self._still_there():
            raise NotFoundError(
                "This plan was deleted (iepprep forget), so nothing more is saved with it.",
                hint="What you typed is still on the screen: copy it somewhere safe.",
            )
        try:
            make_folder(self.path.parent)
            fd = open_own_file(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
            try:
                if not self._still_there():  # forgotten in between: leave no journal behind
                    if os.fstat(fd).st_size == 0:
                        self.path.unlink(missing_ok=True)
                    raise NotFoundError(
                        "This plan was deleted (iepprep forget), so nothing more is saved with it.",
                        hint="What you typed is still on the screen: copy it somewhere safe.",
                    )
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    line = "\n" + line  # a crash cut the last line short: start a new one
                os.write(fd, line.encode("utf-8"))
                os.fsync(fd)
                return os.lseek(fd, 0, os.SEEK_CUR)
            finally:
                os.close(fd)
        except OSError as exc:
            raise StorageError(
                f"Could not save to {str(self.path)!r}: {exc.strerror or exc}.",
                hint="What you typed is still on the screen: copy it somewhere safe.",
            ) from None

    def events(self) -> list[Event]:
        return [event for _, event in self.events_with_ends()]

    def events_with_ends(self) -> list[tuple[int, Event]]:
        """Each readable event, with the offset where its line ends."""
        try:
            raw = read_own_file(self.path)
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StorageError(f"Could not read {str(self.path)!r}: {exc.strerror}.") from None
        events = []
        end = 0
        # Lines end at "\n" only: a note may hold U+2028 or U+0085, which splitlines() splits.
        for line in raw.split(b"\n"):
            end += len(line) + 1
            if not line.strip():
                continue
            try:
                events.append((end, Event.from_json(line.decode("utf-8", errors="replace"))))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a line cut short by a crash, or damaged: keep the rest
        return events


def readable_text(text: str) -> str:
    """`text` with the bytes of a non-UTF-8 terminal read as Windows-1252 (Latin-1).

    Python keeps undecodable argument bytes as lone surrogates ('caf\\udce9'), which
    cannot be written as UTF-8; a note typed on a Latin-1 terminal would be lost.
    """
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    raw = text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "replace")
    parts = []
    while raw:
        try:
            parts.append(raw.decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(raw[: exc.start].decode("utf-8"))
            for byte in raw[exc.start : exc.end]:
                try:
                    parts.append(bytes([byte]).decode("cp1252"))
                except UnicodeDecodeError:
                    parts.append(bytes([byte]).decode("latin-1"))
            raw = raw[exc.end :]
    return "".join(parts)


def _only_escapes(text: str) -> bool:
    return all(
        not "\ud800" <= char <= "\udc7f" and not "\udd00" <= char <= "\udfff" for char in text
    )

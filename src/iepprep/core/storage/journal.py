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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from iepprep.core.storage.files import ensure_private_dir
from iepprep.errors import StorageError

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
    """The journal of one saved plan."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, event: Event) -> None:
        ensure_private_dir(self.path.parent)
        line = event.to_json() + "\n"
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    line = "\n" + line  # a crash cut the last line short: start a new one
                os.write(fd, line.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise StorageError(
                f"Could not save to {str(self.path)!r}: {exc.strerror or exc}.",
                hint="What you typed is still on the screen: copy it somewhere safe.",
            ) from None

    def events(self) -> list[Event]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StorageError(f"Could not read {str(self.path)!r}: {exc.strerror}.") from None
        events = []
        for line in raw.decode("utf-8", errors="replace").splitlines():
            if not line.strip():
                continue
            try:
                events.append(Event.from_json(line))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a crash, or damaged: keep the rest
        return events

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)

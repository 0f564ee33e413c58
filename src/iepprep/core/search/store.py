"""The tip index on disk, in SQLite, so a search reads only what its words need.

A parent center's library may hold 100,000 tips. Read back whole (JSON), its index
costs seconds and a gigabyte on every search; in SQLite a search reads the postings of
its own words, the lengths of the fields (one packed array), and the text of the few
tips it shows. The file lives in the cache folder, named by the library's
`source_key`, readable only by this user; a damaged or foreign file is rebuilt.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

from iepprep.core.common.textsearch import Concept, SearchIndex, common_idf

STORE_FORMAT = "3"  # bump when the tables change: old files are then rebuilt
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL, postings TEXT NOT NULL)
    WITHOUT ROWID;
CREATE TABLE docs (n INTEGER PRIMARY KEY, id TEXT NOT NULL, fields TEXT NOT NULL,
    tip TEXT NOT NULL);
CREATE UNIQUE INDEX docs_id ON docs (id);
CREATE TABLE words (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX words_stem ON words (stem);
"""


def write_store(
    path: Path,
    index: SearchIndex,
    tip_json: Callable[[str], str],
    extra: Mapping[str, Any],
) -> None:
    """Save `index` (with each tip as JSON, and `extra` facts) to `path`, atomically.

    Raises OSError, sqlite3.Error or IepprepError (an unsafe folder) when it cannot be
    written."""
    import os
    import tempfile

    from iepprep.core.storage.files import data_home
    from iepprep.core.storage.own_files import make_folder

    data = index.to_data()
    if path.parent == data_home() / "cache":
        make_folder(data_home(), follow=True)  # made here first: iepprep's own home
    make_folder(path.parent, follow=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with closing(sqlite3.connect(tmp)) as db:
            db.executescript(_SCHEMA)
            meta = {
                "format": STORE_FORMAT,
                "field_weights": data["field_weights"],
                "count": len(data["ids"]),
                "rarest_idf": index.rarest_idf,
                "synonyms": data["synonyms"],
                "concepts": data["concepts"],
                "light": data["light"],
                "lengths": [array("I", lengths).tobytes().hex() for lengths in data["lengths"]],
                **extra,
            }
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)", ((k, json.dumps(v)) for k, v in meta.items())
            )
            db.executemany(
                "INSERT INTO terms VALUES (?, ?, ?)",
                ((term, df, data["postings"][term]) for term, df in data["df"].items()),
            )
            db.executemany(
                "INSERT INTO docs VALUES (?, ?, ?, ?)",
                (
                    (n, tip_id, json.dumps(index.text(n)), tip_json(tip_id))
                    for n, tip_id in enumerate(data["ids"])
                ),
            )
            db.executemany("INSERT INTO words VALUES (?, ?)", data["stems"].items())
            db.commit()
        tmp.chmod(0o600)
        tmp.replace(path)
    finally:
        with suppress(OSError):
            tmp.unlink()


class StoredIndex(SearchIndex):
    """A `SearchIndex` read from a store file, a term or a document at a time."""

    def __init__(self, path: Path) -> None:
        # Read-only, so a search never changes (or locks) the file.
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        meta = {k: json.loads(v) for k, v in self._db.execute("SELECT key, value FROM meta")}
        if meta.get("format") != STORE_FORMAT:
            raise ValueError("a store file of another format")
        self.meta = meta
        self.field_weights = dict(meta["field_weights"])
        self._weights = list(self.field_weights.values())
        self._count = int(meta["count"])
        self.rarest_idf = float(meta["rarest_idf"])
        self._common_idf = common_idf(self._count)
        self._lengths = [_unsigned(bytes.fromhex(packed)) for packed in meta["lengths"]]
        self._avg = [
            (sum(lengths) / len(lengths) if lengths else 0.0) or 1.0 for lengths in self._lengths
        ]
        self._synonyms = list(meta["synonyms"])
        self._concepts = [Concept.from_data(c) for c in meta["concepts"]]
        self._light = set(meta["light"])
        self._postings = {}
        self._stored_idf = _StoredIdf(self._db, self._count)
        self._idf = self._stored_idf
        self._texts: dict[int, dict[str, str]] = {}
        self._text_of = self.text

    @classmethod
    def open(cls, path: Path) -> StoredIndex:
        """The index in `path`; sqlite3.Error, OSError or ValueError if it is unusable."""
        if not path.is_file():
            raise FileNotFoundError(path)
        try:
            return cls(path)
        except (KeyError, TypeError) as exc:
            raise ValueError("a damaged store file") from exc

    def text(self, doc: int) -> dict[str, str]:
        found = self._texts.get(doc)
        if found is None:
            row = self._db.execute("SELECT fields FROM docs WHERE n = ?", (doc,)).fetchone()
            found = json.loads(row[0]) if row else {}
            self._texts[doc] = found
        return found

    def tip_json(self, tip_id: str) -> str | None:
        row = self._db.execute("SELECT tip FROM docs WHERE id = ?", (tip_id,)).fetchone()
        return row[0] if row else None

    def tip_ids(self) -> Iterator[str]:
        for (tip_id,) in self._db.execute("SELECT id FROM docs ORDER BY n"):
            yield tip_id

    def _doc_id(self, doc: int) -> str:
        row = self._db.execute("SELECT id FROM docs WHERE n = ?", (doc,)).fetchone()
        return str(row[0])

    def _postings_of(self, term: str) -> list[tuple[int, int, int]]:
        found = self._postings.get(term)
        if found is None:
            row = self._db.execute("SELECT postings FROM terms WHERE term = ?", (term,)).fetchone()
            numbers = [int(n) for n in row[0].split(",")] if row and row[0] else []
            found = list(zip(numbers[0::3], numbers[1::3], numbers[2::3], strict=True))
            self._postings[term] = found
        return found

    def _terms_starting(self, prefix: str) -> list[str]:
        if not prefix:
            return []
        # Every term from `prefix` up to the next string that does not start with it.
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = self._db.execute(
            "SELECT term, df FROM terms WHERE term >= ? AND term < ?", (prefix, end)
        )
        found = []
        for term, df in rows:
            self._stored_idf.remember(term, df)
            found.append(term)
        return found

    def _spellings(self, terms: Iterable[str]) -> dict[str, str]:
        spelled: dict[str, str] = {}
        for term in set(terms):
            row = self._db.execute(
                "SELECT word FROM words WHERE stem = ? ORDER BY length(word), word LIMIT 1",
                (term,),
            ).fetchone()
            if row:
                spelled[term] = row[0]
        return spelled


class _StoredIdf(Mapping[str, float]):
    """Each term's inverse document frequency, read from the store when first asked."""

    def __init__(self, db: sqlite3.Connection, count: int) -> None:
        self._db = db
        self._count = count
        self._known: dict[str, float | None] = {}

    def remember(self, term: str, df: int) -> None:
        self._known[term] = _idf(self._count, df)

    def _get(self, term: str) -> float | None:
        if term not in self._known:
            row = self._db.execute("SELECT df FROM terms WHERE term = ?", (term,)).fetchone()
            self._known[term] = _idf(self._count, row[0]) if row else None
        return self._known[term]

    def __getitem__(self, term: str) -> float:
        found = self._get(term)
        if found is None:
            raise KeyError(term)
        return found

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self._get(term) is not None

    def __iter__(self) -> Iterator[str]:
        for (term,) in self._db.execute("SELECT term FROM terms"):
            yield term

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM terms").fetchone()[0])


def _idf(count: int, df: int) -> float:
    import math

    return math.log(1 + (count - df + 0.5) / (df + 0.5))


def _unsigned(packed: bytes) -> Sequence[int]:
    numbers = array("I")
    numbers.frombytes(packed)
    return numbers

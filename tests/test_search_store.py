"""The stored tip index: the same answers as the index built in memory, read lazily."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from iepprep.core.content.library import Library, load_library
from iepprep.core.search import tips as search_tips_module
from iepprep.core.search.store import StoredIndex, write_store
from iepprep.core.search.tips import build_tip_index, open_for_search, search

QUERIES = [
    "advocate",
    "signing",
    "advocat",  # a cut-off word: prefix terms
    "speach therapy",  # a typo: close terms
    "my son got sent home early again",  # a concept
    "can I record the meeting",  # a question in asks
    "take it home",  # a phrase
    "dyslexia",  # a several-word synonym
]


@pytest.fixture
def stored(library: Library, tmp_path: Path) -> StoredIndex:
    path = tmp_path / "index.sqlite"
    index = build_tip_index(library)
    write_store(
        path, index, lambda tip_id: library.tips[tip_id].model_dump_json(), {"topics": ["a"]}
    )
    return StoredIndex.open(path)


@pytest.mark.parametrize("query", QUERIES)
def test_the_stored_index_answers_as_the_built_one(
    library: Library, stored: StoredIndex, query: str
) -> None:
    built = build_tip_index(library)
    assert [(h.id, h.score) for h in stored.search(query)] == [
        (h.id, h.score) for h in built.search(query)
    ]
    assert stored.suggestions(query) == built.suggestions(query)


def test_the_store_is_private_and_a_damaged_one_is_rebuilt(tmp_path: Path) -> None:
    search_tips_module._last_index.clear()
    library = open_for_search()
    assert search(library, "advocate").hits
    (store,) = Path(search_tips_module._store_path(library.source_key)).parent.glob("*.sqlite")
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    store.write_bytes(b"not a database at all")
    search_tips_module._last_index.clear()
    again = open_for_search()
    assert search(again, "advocate").hits[0].tip.id == "consider-an-advocate"


def test_a_search_with_a_stored_index_reads_no_library(monkeypatch: pytest.MonkeyPatch) -> None:
    search_tips_module._last_index.clear()  # kept from another test's home
    search(open_for_search(), "advocate")  # builds and stores the index
    search_tips_module._last_index.clear()

    def refuse(*args: object) -> Library:
        raise AssertionError("the whole library was loaded")

    monkeypatch.setattr("iepprep.core.content.library.load_library", refuse)
    results = search(open_for_search(), "my son got sent home early again")
    assert results.hits[0].tip.id == "learn-manifestation-determination"
    assert results.hits[0].tip == load_library_unpatched().tip(results.hits[0].tip.id)


def load_library_unpatched() -> Library:
    return load_library()


def test_forget_all_removes_the_stored_index(run, isolated_home: Path) -> None:
    search_tips_module._last_index.clear()
    assert run("tips", "search", "advocate").exit_code == 0
    assert list((isolated_home / "cache").glob("tip-index-*.sqlite"))
    assert run("forget", "--all", "--yes").exit_code == 0
    assert not list(isolated_home.rglob("*.sqlite"))

"""The content cache: same results as a fresh load, invalidated by changes, self-healing."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pydantic

import iepprep
from iepprep.core.content.library import BUNDLED_TIPS, bundled_text, load_library, parse_tips
from iepprep.core.content.reference import load_glossary, load_states
from iepprep.core.search.tips import search_tips
from iepprep.core.storage.files import cache_dir

GROUP_TIP = """
tips:
  - id: group-volunteers
    title: Ask our volunteers to come along
    body: Our parent group's volunteers go to meetings with families who ask.
    why: Nobody should go alone.
    phase: before
    topics: [support]
    source: {kind: added, where: Springfield parent group}
"""


def test_cached_library_equals_a_validated_one() -> None:
    load_library()  # fills the cache
    cached = load_library()
    fresh = parse_tips(bundled_text(BUNDLED_TIPS), name=BUNDLED_TIPS).tips
    assert [cached.tips[tip.id] for tip in fresh] == fresh
    assert list(cached.tips) == [tip.id for tip in fresh]
    assert load_glossary().terms == load_glossary().terms
    assert load_states() == load_states()


def test_a_changed_tips_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "group.yaml"
    path.write_text(GROUP_TIP, encoding="utf-8")
    first = load_library([path])
    assert "group-volunteers" in first.tips
    path.write_text(GROUP_TIP.replace("group-volunteers", "group-helpers"), encoding="utf-8")
    second = load_library([path])
    assert "group-helpers" in second.tips and "group-volunteers" not in second.tips
    assert search_tips(second, "volunteers")[0].tip.id == "group-helpers"


def test_a_damaged_cache_is_ignored_and_rebuilt() -> None:
    load_library()
    entries = list(cache_dir().glob("library-*.json"))
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-200] + b"garbage")
    library = load_library()
    assert search_tips(library, "interpreter")[0].tip.id == "ask-for-an-interpreter"
    assert all(not e.read_bytes().endswith(b"garbage") for e in entries)


def test_a_cache_entry_of_another_shape_is_rebuilt() -> None:
    load_library()
    import hashlib

    for entry in cache_dir().glob("library-*.json"):
        payload = b'{"files": "not what was expected"}'
        entry.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    assert len(load_library().tips) >= 40


def test_an_unwritable_cache_folder_only_costs_time(monkeypatch, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("IEPPREP_CACHE", str(blocked))
    assert len(load_library().tips) >= 40


def test_every_model_builds() -> None:
    """Models defer building their schema (start-up speed): make sure every one can."""
    for info in pkgutil.walk_packages(iepprep.__path__, "iepprep."):
        importlib.import_module(info.name)

    def subclasses(cls: type) -> list[type]:
        return [c for s in cls.__subclasses__() for c in (s, *subclasses(s))]

    ours = [c for c in subclasses(pydantic.BaseModel) if c.__module__.startswith("iepprep.")]
    assert len(ours) >= 20
    for model in ours:
        assert model.model_json_schema(), model

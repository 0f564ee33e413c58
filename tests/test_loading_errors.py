"""A malformed tips file stops with one clear paragraph: file, tip, problem."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from iepprep.core.content.library import load_library
from iepprep.errors import DataFileError

GOOD_TIP = {
    "id": "group-tip",
    "title": "Bring a friend from our group",
    "body": "Our parent group has volunteers who can come to meetings with you.",
    "why": "Nobody should go alone.",
    "phase": "before",
    "topics": ["support"],
    "source": {"kind": "added", "where": "Our parent group"},
}


def tip(**changes: object) -> dict[str, object]:
    data = copy.deepcopy(GOOD_TIP)  # shared objects would be dumped as YAML aliases
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("tips: [ {id: x", "not valid YAML"),
        ({"tips": [tip(phase="someday")]}, "'phase'"),
        ({"tips": [tip(), tip()]}, "more than one tip"),
        ({"tips": [tip(title=None)]}, "'title' is missing"),
        ({"tips": [tip(topics="support")]}, "'topics'"),
        ({"tips": [tip(colour="red")]}, "unknown key 'colour'"),
        ({"tips": [tip(id="Has Spaces")]}, "'id'"),
        ("", "is empty"),
        ("just a sentence", "should hold a 'tips:' list"),
        ("a: &a [1]\nb: *a\n", "alias"),
    ],
)
def test_malformed_tips_file(write_yaml, content: object, expected: str) -> None:
    path = write_yaml("group.yaml", content)
    with pytest.raises(DataFileError) as err:
        load_library([path])
    message = err.value.message
    assert expected in message
    assert str(path) in message


def test_error_names_the_tip(write_yaml) -> None:
    path = write_yaml("group.yaml", {"tips": [tip(), tip(id="second-tip", phase="later")]})
    with pytest.raises(DataFileError) as err:
        load_library([path])
    assert "tip 'second-tip' (#2 in the file)" in err.value.message


def test_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "tips.bin"
    binary.write_bytes(b"\x00\x01\x02tips")
    with pytest.raises(DataFileError, match="not a text file"):
        load_library([binary])
    with pytest.raises(DataFileError, match="does not exist"):
        load_library([tmp_path / "nowhere.yaml"])


def test_added_tips_join_the_library(write_yaml) -> None:
    path = write_yaml("group.yaml", {"tips": [tip()]})
    library = load_library([path])
    assert "group-tip" in library.tips
    assert library.added_files == (str(path),)


def test_id_collision_with_bundled_tip_is_an_error(write_yaml) -> None:
    path = write_yaml("group.yaml", {"tips": [tip(id="take-notes")]})
    with pytest.raises(DataFileError, match=r"already used by tips\.yaml"):
        load_library([path])


def test_cli_reports_bad_tips_file_without_traceback(run, write_yaml) -> None:
    path = write_yaml("group.yaml", {"tips": [tip(phase="someday")]})
    result = run("--tips", str(path), "tips", "list")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "group.yaml" in result.stderr and "phase" in result.stderr

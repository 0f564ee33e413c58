"""The answers-file contract: keys, values, defaults, and clear errors (exit 2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from iepprep.core.family.profile import Profile
from iepprep.core.planning.answers import load_answers
from iepprep.errors import InputError


def test_omitted_keys_take_the_defaults(write_yaml) -> None:
    profile = load_answers(write_yaml("a.yaml", "{}"))
    assert profile.answers() == {
        "child_name": None,
        "parent_name": None,
        "school": None,
        "grade": "elementary",
        "meeting_type": "annual",
        "first_meeting": False,
        "meeting_date": None,
        "schooling": "public",
        "concerns": [],
        "attendees": [],
        "documents_received": [],
        "relationship": "neutral",
        "state": None,
        "language": "en",
        "worries": None,
    }


def test_yaml_and_json_read_the_same(write_yaml, tmp_path: Path) -> None:
    data = {
        "child_name": "Zoë",
        "meeting_date": "2026-12-10",
        "concerns": ["reading"],
        "state": "ca",
        "language": "es",
    }
    from_yaml = load_answers(write_yaml("a.yaml", data))
    json_path = tmp_path / "a.json"
    json_path.write_text(json.dumps(data), encoding="utf-8")
    assert load_answers(json_path) == from_yaml
    assert from_yaml.meeting_date == dt.date(2026, 12, 10)
    assert from_yaml.state == "CA"


def test_state_and_language_by_name() -> None:
    profile = Profile.model_validate({"state": "New York", "language": "Vietnamese"})
    assert (profile.state, profile.language) == ("NY", "vi")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"meeting_typ": "annual"}, "meeting_typ"),
        ({"grade": "college"}, "grade"),
        ({"meeting_date": "next week"}, "meeting_date"),
        ({"meeting_date": 20261210}, "meeting_date"),
        ({"concerns": ["reading", "spelling"]}, "concerns"),
        ({"state": "XX"}, "state"),
        ({"child_name": "x" * 81}, "child_name"),
        ({"worries": "w" * 2001}, "worries"),
        ({"first_meeting": "maybe"}, "first_meeting"),
        ({"language": "english please"}, "language"),
    ],
)
def test_bad_answers_name_the_key(write_yaml, data: dict[str, object], key: str) -> None:
    with pytest.raises(InputError) as err:
        load_answers(write_yaml("a.yaml", data))
    assert key in err.value.message
    assert err.value.exit_code == 2


def test_answers_must_be_a_mapping(write_yaml) -> None:
    with pytest.raises(InputError, match="keys and values"):
        load_answers(write_yaml("a.yaml", "- just\n- a list\n"))


def test_cli_exit_code_for_bad_answers(run, write_yaml) -> None:
    result = run("plan", "--answers", str(write_yaml("a.yaml", {"grade": "college"})))
    assert result.exit_code == 2
    assert "grade" in result.stderr
    assert "Traceback" not in result.output

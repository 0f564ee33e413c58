"""The answers-file contract: keys, values, defaults, and clear errors (exit 2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from iepprep.core.family.profile import Profile
from iepprep.core.planning.answers import answers_file, load_answers, parse_answers
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
        "meeting_time": None,
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


def test_an_answers_file_reads_back_to_the_same_profile() -> None:
    profile = Profile.model_validate(
        {"child_name": "Zoë", "meeting_date": "2026-12-10", "concerns": ["reading"], "state": "CA"}
    )
    text = answers_file(profile)
    assert parse_answers(text, name="answers.json", json_only=True) == profile
    assert "school" not in json.loads(text)  # only what was answered


def test_answers_that_cannot_be_saved_are_printed(run, isolated_home: Path, write_yaml) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "plans").write_text("a file where the plans folder should be", "utf-8")
    family = write_yaml("family.yaml", {"child_name": "Zoë", "grade": "high"})
    result = run("plan", "--answers", str(family))
    assert result.exit_code == 1
    assert "IEP meeting plan for Zoë" in result.stdout  # the plan is shown anyway
    assert "Not saved: " in result.stderr
    printed = result.stderr[result.stderr.index("{") :]
    assert parse_answers(printed, name="answers.json", json_only=True) == load_answers(family)


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


# ------------------------------------------------------------- dates in Spanish files


def test_a_spanish_file_asks_back_a_date_that_could_be_either_month() -> None:
    """10/12/2026 is 10 December to a Spanish speaker and 12 October in the US: a
    Spanish answers file (or a Spanish run) refuses it in Spanish rather than guess."""
    today = dt.date(2026, 11, 28)
    with pytest.raises(InputError) as refused:
        parse_answers("language: es\nmeeting_date: 10/12/2026\n", name="a.yaml", today=today)
    assert "puede ser el 10 de diciembre o el 12 de octubre" in str(refused.value)
    from iepprep.core.i18n.language import set_current

    set_current("es")
    with pytest.raises(InputError, match="puede ser"):
        parse_answers("meeting_date: 10/12/2026\n", name="a.yaml", today=today)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("10 de diciembre de 2026", dt.date(2026, 12, 10)),
        ("jueves 10 de diciembre de 2026", dt.date(2026, 12, 10)),
        ("12/25/2026", dt.date(2026, 12, 25)),  # only one way to read it
        ("25/12/2026", dt.date(2026, 12, 25)),
        ("'2026-12-10'", dt.date(2026, 12, 10)),
    ],
)
def test_a_spanish_file_reads_dates_as_spanish_speakers_write_them(
    written: str, meant: dt.date
) -> None:
    text = f"language: español\nmeeting_date: {written}\n"
    profile = parse_answers(text, name="a.yaml", today=dt.date(2026, 11, 28))
    assert profile.meeting_date == meant


def test_a_spanish_file_needs_the_year_and_says_so_in_spanish() -> None:
    with pytest.raises(InputError, match="escriba también el año"):
        parse_answers("language: es\nmeeting_date: 10 de diciembre\n", name="a.yaml")


def test_an_english_file_still_reads_dates_the_us_way() -> None:
    profile = parse_answers("meeting_date: 10/12/2026\n", name="a.yaml")
    assert profile.meeting_date == dt.date(2026, 10, 12)
    with pytest.raises(InputError, match="write the year too"):
        parse_answers("meeting_date: Dec 10\n", name="a.yaml")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("TX", "TX"),
        ("texas", "TX"),
        ("Nueva York", "NY"),
        ("nueva york", "NY"),
        ("Carolina del Norte", "NC"),
        ("Pensilvania", "PA"),
        ("Hawai", "HI"),
        ("New Mexico", "NM"),
    ],
)
def test_a_state_is_read_by_its_code_or_its_name_in_english_or_spanish(
    typed: str, code: str
) -> None:
    """The Spanish questionnaire says "(por ejemplo TX o Texas)" and iepprep itself
    writes "Nueva York": a parent who types it back must not be refused."""
    from iepprep.core.family.profile import state_code

    assert state_code(typed) == code
    assert Profile.model_validate({"state": typed}).state == code


def test_an_unknown_state_says_what_to_write() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="write its name or its two letters"):
        Profile.model_validate({"state": "Atlantis"})


_SPANISH_FILE_WITH_PROBLEMS = (
    "language: español\nstate: ZZ\nmeeting_type: anual2\nmeeting_date: 10/12/2026\n"
)


@pytest.mark.parametrize("command", ["plan", "checklist", "questions", "rights", "letter"])
def test_a_spanish_answers_file_tells_all_its_problems_in_spanish(
    run, write_yaml, command: str
) -> None:
    path = write_yaml("a.yaml", _SPANISH_FILE_WITH_PROBLEMS)
    args = [command, "--answers", str(path)] + (["records-request"] if command == "letter" else [])
    result = run(*args)
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "tiene un problema" in said
    assert "no es un estado de EE. UU." in said
    assert "¿quiso decir revisión anual?" in said
    assert "puede ser el 10 de diciembre" in said
    for english in ("has a problem", "is not a US state", "did you mean", "could be"):
        assert english not in said


def test_a_language_chosen_for_the_run_wins_over_the_files_for_its_errors(run, write_yaml) -> None:
    path = write_yaml("a.yaml", _SPANISH_FILE_WITH_PROBLEMS)
    result = run("--lang", "en", "checklist", "--answers", str(path))
    said = " ".join(result.output.split())
    assert result.exit_code == 2
    assert "has a problem" in said and "is not a US state" in said
    assert "tiene un problema" not in said


@pytest.mark.parametrize(
    ("name", "text", "spanish"),
    [
        ("a.yaml", "language: es\nstate: [TX\n", "no es YAML válido en la línea 3, columna 1"),
        ("a.json", '{"language": "español", "state": ', "no es JSON válido en la línea 1"),
        ("a.json", '{"language": "es", "language": "en"}', "tiene la clave 'language' dos veces"),
    ],
)
def test_a_spanish_file_that_cannot_be_read_says_so_in_spanish(
    run, write_yaml, name: str, text: str, spanish: str
) -> None:
    result = run("plan", "--answers", str(write_yaml(name, text)))
    said = " ".join(result.output.split())
    assert result.exit_code == 2
    assert spanish in said
    assert "not valid" not in said and "twice" not in said


def test_a_file_that_cannot_be_read_stays_in_english_without_a_spanish_line(
    run, write_yaml
) -> None:
    result = run("plan", "--answers", str(write_yaml("a.yaml", "state: [TX\n")))
    said = " ".join(result.output.split())
    assert "is not valid YAML at line 2, column 1" in said
    assert "Check the indentation and quotes on that line." in said

"""Every command through the CLI, as a user or a script would call it."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from iepprep import __version__

PLAN_KEYS = {"id", "phase", "text", "why", "due", "tips"}
QUESTION_KEYS = {"id", "topic", "text", "tips"}
HOSTILE = "<script>alert(1)</script> [bold]x[/bold]"


def test_version(run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"iepprep {__version__}"


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["plan"],
        ["checklist"],
        ["questions"],
        ["tips"],
        ["tips", "search"],
        ["tips", "list"],
        ["tips", "show"],
        ["glossary"],
        ["rights"],
        ["history"],
        ["forget"],
    ],
)
def test_every_command_has_help_with_an_example(run, command: list[str]) -> None:
    for flag in ("-h", "--help"):
        result = run(*command, flag)
        assert result.exit_code == 0
        assert "Usage:" in result.stdout
        assert "iepprep " in result.stdout.split("Options:")[-1]


def test_example_plan_text(run) -> None:
    result = run("plan", "--example")
    assert result.exit_code == 0
    out = result.stdout
    assert "IEP meeting plan for Maya" in out
    for heading in (
        "BEFORE THE MEETING",
        "AT THE MEETING",
        "AFTER THE MEETING",
        "QUESTIONS TO ASK",
    ):
        assert heading in out
    assert "[ ] Don't go alone" in out
    assert "(by Mon Nov 30)" in out
    assert "not legal advice" in out
    assert "nothing was saved" in result.stderr


def test_plain_text_has_no_escape_codes_and_fits_80_columns(run) -> None:
    result = run("plan", "--example")
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


def test_no_color_env_is_respected(run) -> None:
    assert "\x1b[" in run("plan", "--example", env={"FORCE_COLOR": "1"}).stdout
    result = run("plan", "--example", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b" not in result.stdout


def test_plan_json_contract(run) -> None:
    result = run("plan", "--example", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)  # stdout holds the JSON alone
    assert {"profile", "checklist", "questions"} <= set(data)
    assert data["profile"]["child_name"] == "Maya"
    assert data["profile"]["meeting_date"] == "2026-12-10"
    for item in data["checklist"]:
        assert set(item) >= PLAN_KEYS
        assert item["phase"] in ("before", "during", "after")
        assert item["due"] is None or re.match(r"^\d{4}-\d{2}-\d{2}$", item["due"])
    for question in data["questions"]:
        assert set(question) >= QUESTION_KEYS


def test_answers_file_plan_is_saved_and_reused(run, write_yaml, isolated_home: Path) -> None:
    answers = write_yaml(
        "family.yaml", {"child_name": "Zoë Nuñez", "grade": "high", "meeting_type": "discipline"}
    )
    result = run("plan", "--answers", str(answers), "--format", "json")
    assert result.exit_code == 0
    assert "Saved your answers as plan 1" in result.stderr
    folder = isolated_home / "plans"
    saved = next(folder.iterdir())
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(isolated_home.stat().st_mode) == 0o700
    # checklist and questions now use the saved plan
    checklist = json.loads(run("checklist", "--format", "json").stdout)
    assert "learn-manifestation-determination" in {item["id"] for item in checklist}
    questions = json.loads(run("questions", "--format", "json").stdout)
    assert "transition" in {q["topic"] for q in questions}


def test_no_save(run, write_yaml, isolated_home: Path) -> None:
    answers = write_yaml("family.yaml", {"grade": "high"})
    assert run("plan", "--answers", str(answers), "--no-save").exit_code == 0
    assert not (isolated_home / "plans").exists()


def test_generic_plan_when_nothing_saved(run) -> None:
    result = run("checklist")
    assert result.exit_code == 0
    assert "general plan for a first IEP meeting" in result.stdout


def test_checklist_phase_filter(run) -> None:
    data = json.loads(run("checklist", "--phase", "before", "--format", "json").stdout)
    assert data and {item["phase"] for item in data} == {"before"}
    text = run("checklist", "--phase", "after").stdout
    assert "AFTER THE MEETING" in text and "BEFORE THE MEETING" not in text


def test_questions_all_is_the_whole_bank(run, library) -> None:
    data = json.loads(run("questions", "--all", "--format", "json").stdout)
    assert len(data) == len(library.questions)


def test_markdown_plan(run) -> None:
    out = run("plan", "--example", "--format", "markdown").stdout
    assert out.startswith("# IEP meeting plan for Maya")
    assert "## Before the meeting" in out and "## Questions to ask" in out
    assert re.search(r"^- \[ \] \*\*", out, flags=re.MULTILINE)
    assert re.search(r"^### ", out, flags=re.MULTILINE)


def test_output_file_and_format_from_extension(run, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    result = run("plan", "--example", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# IEP meeting plan")
    as_json = tmp_path / "plan.json"
    run("plan", "--example", "-o", str(as_json))
    assert json.loads(as_json.read_text(encoding="utf-8"))["profile"]["child_name"] == "Maya"
    text = tmp_path / "plan.txt"
    run("plan", "--example", "-o", str(text))
    printed = text.read_text(encoding="utf-8")
    assert "\x1b" not in printed and "[ ] Don't go alone" in printed  # boxes to tick on paper
    run("--plain", "plan", "--example", "-o", str(text))
    assert "To do: Don't go alone" in text.read_text(encoding="utf-8")


def test_output_into_missing_folder_is_a_clear_error(run, tmp_path: Path) -> None:
    result = run("plan", "--example", "-o", str(tmp_path / "nope" / "plan.md"))
    assert result.exit_code == 2  # the folder the user named: their input, not our fault
    assert "does not exist" in result.stderr


def test_user_text_is_never_markup(run, write_yaml) -> None:
    answers = write_yaml("a.yaml", {"child_name": HOSTILE, "worries": "[red]help[/red] \x1b[31m"})
    result = run("plan", "--answers", str(answers), "--no-save")
    assert result.exit_code == 0
    assert HOSTILE in result.stdout.replace("\n", " ") or "[bold]x[/bold]" in result.stdout
    assert "[red]help[/red]" in result.stdout
    assert "\x1b" not in result.stdout
    markdown = run("plan", "--answers", str(answers), "--no-save", "-f", "markdown").stdout
    assert "<script>" not in markdown
    assert "&lt;script" in markdown


def test_tips_list_show_and_filters(run, library) -> None:
    data = json.loads(run("tips", "list", "--format", "json").stdout)
    assert len(data) == len(library.tips)
    assert {"id", "title", "body", "phase", "topics"} <= set(data[0])
    during = json.loads(run("tips", "list", "--phase", "during", "-f", "json").stdout)
    assert {tip["phase"] for tip in during} == {"during"}
    rights = json.loads(run("tips", "list", "--topic", "rights", "-f", "json").stdout)
    assert rights and all("rights" in tip["topics"] for tip in rights)
    shown = run("tips", "show", "take-notes")
    assert shown.exit_code == 0 and "Take notes" in shown.stdout
    one = json.loads(run("tips", "show", "take-notes", "-f", "json").stdout)
    assert one["id"] == "take-notes"


def test_unknown_tip_and_topic(run) -> None:
    result = run("tips", "show", "take-note")
    assert result.exit_code == 3
    assert "take-notes" in result.stderr  # suggests the close one
    assert run("tips", "list", "--topic", "astronomy").exit_code == 3


def test_added_tips_are_searchable(run, write_yaml) -> None:
    path = write_yaml(
        "group.yaml",
        {
            "tips": [
                {
                    "id": "group-volunteer",
                    "title": "Ask our volunteers to come along",
                    "body": "Our parent group's volunteers go to meetings with families.",
                    "why": "Nobody should go alone.",
                    "phase": "before",
                    "topics": ["support"],
                    "source": {"kind": "added", "where": "Springfield parent group"},
                }
            ]
        },
    )
    result = run("--tips", str(path), "tips", "search", "volunteers", "-f", "json")
    assert json.loads(result.stdout)[0]["id"] == "group-volunteer"


def test_only_one_source_of_answers(run, write_yaml) -> None:
    answers = write_yaml("a.yaml", {})
    result = run("plan", "--example", "--answers", str(answers))
    assert result.exit_code == 2
    assert "only one" in result.stderr


def test_unexpected_errors_never_show_a_traceback(run, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("internal")

    monkeypatch.setattr("iepprep.core.planning.planner.make_plan", boom)
    result = run("plan", "--example")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "Something went wrong" in result.stderr


def test_a_saved_plan_ends_with_where_it_is_and_what_to_do_next(run, write_yaml) -> None:
    """The 'saved' line used to come before the plan and scroll away with it."""
    answers = write_yaml("family.yaml", {"child_name": "Maya", "meeting_type": "annual"})
    result = run("plan", "--answers", str(answers))
    assert result.exit_code == 0
    output = result.output  # screen order: the plan, then the messages after it
    saved_at = output.index("Saved your answers as plan 1")
    assert saved_at > output.index("This is not legal advice")
    closing = output[saved_at:]
    for command in ("iepprep checklist", "iepprep meeting", "iepprep letter"):
        assert command in closing
    assert len(closing.strip().splitlines()) <= 3


def test_an_unsaved_plan_does_not_claim_a_saved_one(run, write_yaml) -> None:
    answers = write_yaml("family.yaml", {"child_name": "Maya"})
    result = run("plan", "--answers", str(answers), "--no-save")
    assert result.exit_code == 0
    assert "Saved your answers" not in result.output
    assert "Next:" not in result.output


def test_the_readme_lists_every_exit_code(run) -> None:  # type: ignore[no-untyped-def]
    """README's table is the scripts' contract: every code iepprep ends with, no more."""
    from iepprep.errors import ExitCode

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    listed = {int(code) for code in re.findall(r"^\| (\d+) \|", table, flags=re.MULTILINE)}
    assert listed == {int(code) for code in ExitCode}
    assert "glossary WORD" in table
    assert run("glossary", "no-such-word-at-all").exit_code == ExitCode.NOT_FOUND

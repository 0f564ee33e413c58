"""Hostile cases for what error messages say: a missing folder or an empty file name
is the user's input (exit 2), and no message shows a Python class or type name."""

from __future__ import annotations

from pathlib import Path

import pytest


def words(text: str) -> str:
    """The message as one line: Rich's error box and line breaks taken away."""
    return " ".join(text.replace("│", " ").split())


def test_output_into_a_missing_folder_is_bad_input(run, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.ics"
    result = run("plan", "--example", "--output", str(target))
    assert result.exit_code == 2, result.output
    assert "does not exist" in result.stderr and "no-such-folder" in result.stderr
    assert not target.parent.exists()


def test_output_with_an_empty_name_asks_for_a_file_name(run) -> None:
    result = run("plan", "--example", "--output", "")
    assert result.exit_code == 2
    assert "give a file name" in words(result.stderr)
    assert "directory" not in result.stderr


def test_output_to_a_folder_asks_for_a_file_name(run, tmp_path: Path) -> None:
    result = run("plan", "--example", "--output", str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder; give a file name" in words(result.stderr)


@pytest.mark.parametrize(("text", "kind"), [("- a\n", "a list"), ("just words\n", "text")])
def test_answers_of_the_wrong_shape_are_named_in_words(run, write_yaml, text, kind) -> None:
    result = run("plan", "--answers", str(write_yaml("answers.yaml", text)))
    assert result.exit_code == 2
    message = words(result.stderr)
    assert kind in message
    assert "'list'" not in message and " str." not in message and "NoneType" not in message

"""Hostile cases for the window width: COLUMNS=0, a tiny, negative or garbage COLUMNS
must never make a screen print nothing (Rich's width would be 0)."""

from __future__ import annotations

import pytest

from iepprep.render.console import MIN_WIDTH, make_console

COMMANDS = [
    ("plan", "--example"),
    ("glossary", "fape"),
    ("deadlines", "--consent", "2026-11-02"),
]


@pytest.mark.parametrize("columns", ["0", "5"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_screens_print_words_whatever_columns_says(run, columns, command) -> None:
    result = run(*command, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert len(result.stdout.split()) > 20


@pytest.mark.parametrize(("columns", "width"), [("0", 80), ("5", MIN_WIDTH), ("-3", 80)])
def test_console_width_falls_back(monkeypatch, columns, width) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert make_console().width == width

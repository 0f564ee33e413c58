"""Shared fixtures: every test gets its own data folder and a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from iepprep.cli import app
from iepprep.core.content.library import Library, load_library

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "iepprep-home"
    monkeypatch.setenv("IEPPREP_HOME", str(home))
    monkeypatch.setenv("IEPPREP_TODAY", TODAY.isoformat())
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("IEPPREP_DEBUG", raising=False)
    # English unless a test asks for Spanish: the machine's locale must not decide.
    for name in ("IEPPREP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    from iepprep.core.i18n.language import set_current

    set_current("en")
    yield home
    set_current("en")  # a test that switched to Spanish leaves English behind


@pytest.fixture(autouse=True)
def no_real_prompts(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """A test that reaches a real prompt by accident fails instead of hanging."""
    if "pipe_input" in request.fixturenames:
        return

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a test tried to open a real prompt")

    monkeypatch.setattr("iepprep.prompting.QuestionaryPrompter.ask", refuse)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


class Run:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str] | None = None):
        return self.runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def write_yaml(tmp_path: Path):
    def write(name: str, data: Any) -> Path:
        path = tmp_path / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write

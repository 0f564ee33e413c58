"""The data files ship inside the package, and the CLI imports lightly."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = [
    "tips.yaml",
    "questions.yaml",
    "questionnaire.yaml",
    "synonyms.yaml",
    "concepts.yaml",
    "example.yaml",
]


def test_importing_the_cli_loads_no_prompt_libraries() -> None:
    code = (
        "import sys, iepprep.cli; "
        "print(sorted(m for m in ('questionary', 'prompt_toolkit', 'rich.console', 'yaml', "
        "'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "questionary" not in out.stdout and "prompt_toolkit" not in out.stdout


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iepprep", "--version"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("iepprep ")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return next(out.glob("iepprep-*.whl"))


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for name in DATA_FILES:
        assert f"iepprep/data/{name}" in names


FONT_FILES = [
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "NotoSans-VariableFont.ttf",
    "OFL.txt",
]


def test_wheel_ships_the_fonts_with_their_licence_and_the_pdf_layout(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    for name in FONT_FILES:
        assert f"iepprep/fonts/{name}" in names
    assert "iepprep/render/plan.typ" in names
    licence = archive.read("iepprep/fonts/OFL.txt").decode("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Copyright 2020 Braille Institute of America" in licence
    assert "Copyright 2022 The Noto Project Authors" in licence
    shipped = {n.removeprefix("iepprep/fonts/") for n in names if n.startswith("iepprep/fonts/")}
    assert shipped == set(FONT_FILES)  # only the faces the PDF uses


def test_installed_wheel_prints_a_pdf_with_its_own_fonts(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from iepprep.__main__ import main\n"
        "from iepprep.render import fonts\n"
        "print(fonts.folder())\n"
        "sys.argv = ['iepprep', 'plan', '--example', '--output', 'plan.pdf']\n"
        "main()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "IEPPREP_HOME": str(tmp_path / "home")},
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith(str(target))
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")


def test_installed_wheel_finds_its_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import iepprep.core.content.library as l; "
        "lib = l.load_library(); print(l.__file__, len(lib.tips))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    location, count = out.stdout.split()
    assert location.startswith(str(target)) and int(count) >= 40


def test_each_command_imports_only_what_it_needs(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from iepprep.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:], prog_name='iepprep')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('questionary', 'prompt_toolkit', 'typst', 'icalendar', 'rich.console')\n"
        "print('LOADED:', *[m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    piped = {**os.environ, "IEPPREP_HOME": str(tmp_path), "NO_COLOR": "1"}
    piped.pop("FORCE_COLOR", None)
    color = {**piped, "FORCE_COLOR": "1"}
    color.pop("NO_COLOR")

    def loaded(*args: str, env: dict[str, str] = piped) -> set[str]:
        result = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        line = next(x for x in result.stderr.splitlines() if x.startswith("LOADED:"))
        return set(line.split()[1:])

    text = {"rich.console"}  # the screen is drawn by Rich; nothing else heavy
    assert loaded("tips", "search", "sign") == text
    assert loaded("plan", "--example") == text
    assert loaded("tips", "search", "sign", env=color) == text
    assert loaded("plan", "--example", env=color) == text
    assert loaded("glossary", "iep", env=color) == text
    # Formats for programs and files never import Rich's console at all.
    for args in (
        ["plan", "--example", "-f", "json"],
        ["tips", "search", "sign", "-f", "json"],
        ["plan", "--example", "-f", "markdown"],
        ["plan", "--example", "-f", "html"],
        ["rights", "-f", "markdown"],
        ["glossary", "iep", "-f", "json"],
    ):
        assert loaded(*args, env=color) == set(), args
    assert loaded("plan", "--example", "-f", "ics") == {"icalendar"}
    assert loaded("plan", "--example", "-o", str(tmp_path / "p.pdf")) == {"typst"}


def test_console_script_keeps_help_and_suggestions(tmp_path: Path) -> None:
    """main() prunes commands it will not run; help and typo suggestions still work."""
    env = {**os.environ, "IEPPREP_HOME": str(tmp_path), "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "iepprep", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    assert "plan" in run("--help").stdout and "glossary" in run("--help").stdout
    assert "Did you mean 'search'?" in run("tips", "serch", "x").stderr
    assert "Did you mean 'plan'?" in run("plann").stderr
    found = run("--tips", str(tmp_path / "none.yaml"), "tips", "search", "sign")
    assert found.returncode == 2  # the global option's value was not taken for a command
    assert run("tips", "search", "they", "rush", "us").returncode == 0
    assert "search" in run("tips", "--help").stdout and "show" in run("tips", "--help").stdout


def _after_importing_every_module(package: str, then: str) -> str:
    """What `then` prints in a fresh interpreter that has imported all of `package`."""
    code = (
        f"import importlib, pkgutil, sys, pydantic, {package} as root\n"
        f"for info in pkgutil.walk_packages(root.__path__, '{package}.'):\n"
        "    importlib.import_module(info.name)\n" + then
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_the_core_imports_no_terminal_libraries() -> None:
    """The core can be reused without a terminal: no typer, questionary or Rich in it."""
    loaded = _after_importing_every_module(
        "iepprep.core",
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'typer', 'questionary', 'prompt_toolkit', 'rich', 'click'}))",
    )
    assert loaded == "[]"


def test_importing_builds_no_validators() -> None:
    """Models defer their validators: one built at import costs every command ~6 ms."""
    built = _after_importing_every_module(
        "iepprep",
        "def subs(c): return [x for s in c.__subclasses__() for x in (s, *subs(s))]\n"
        "ours = [c for c in subs(pydantic.BaseModel) if c.__module__.startswith('iepprep.')]\n"
        "assert len(ours) >= 20, ours\n"
        "print(sorted(c.__name__ for c in ours if c.__pydantic_complete__))",
    )
    assert built == "[]"


def test_the_console_script_keeps_the_collector_out_of_start_up() -> None:
    """~80 collections ran during start-up (~10 ms) before __main__ raised the threshold."""
    code = (
        "import gc, iepprep.cli\n"
        "iepprep.cli.main = lambda: print(gc.get_threshold()[0])\n"
        "from iepprep.__main__ import main\n"
        "main()"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) >= 50_000

"""Hostile cases for Ctrl-C: stopped at any moment, even while iepprep is still
importing its modules, it says "Stopped." and exits 130, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Ctrl-C arriving while `iepprep.cli` is being imported, made certain: an import hook
# raises KeyboardInterrupt as the import machinery looks for the module.
_INTERRUPTED_IMPORT = textwrap.dedent(
    """
    import sys

    class CtrlC:
        def find_spec(self, name, path=None, target=None):
            if name == "iepprep.cli":
                raise KeyboardInterrupt
            return None

    sys.meta_path.insert(0, CtrlC())
    from iepprep.__main__ import main

    main()
    """
)


def test_ctrl_c_during_imports_stops_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_IMPORT],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 130
    assert result.stderr == "Stopped.\n"
    assert "Traceback" not in result.stderr


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_while_writing_the_plan_says_it_was_saved(
    run, write_yaml, monkeypatch, isolated_home
) -> None:
    from iepprep.cli import planning

    monkeypatch.setattr(planning, "_emit_plan", _interrupt)  # e.g. during the PDF step
    answers = write_yaml("answers.yaml", {"child_name": "Maya"})
    result = run("plan", "--answers", str(answers), "--output", "plan.pdf")
    assert result.exit_code == 130
    assert "Stopped. Your answers were saved as plan 1." in result.stderr
    assert "Nothing was saved" not in result.stderr
    assert (isolated_home / "plans" / "plan-0001.json").is_file()


def test_ctrl_c_while_writing_an_unsaved_plan_says_nothing_was_saved(
    run, write_yaml, monkeypatch
) -> None:
    from iepprep.cli import planning

    monkeypatch.setattr(planning, "_emit_plan", _interrupt)
    answers = write_yaml("answers.yaml", {"child_name": "Maya"})
    result = run("plan", "--answers", str(answers), "--no-save")
    assert result.exit_code == 130
    assert "Stopped. Nothing was saved." in result.stderr
    assert "Saved your answers" not in result.stderr

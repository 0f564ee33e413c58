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

"""The house's rooms: the import contracts hold and every core package says what it owns."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import iepprep.core

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_hold() -> None:
    """Layers, the pure core, and no import cycles (pyproject.toml's [tool.importlinter])."""
    from importlinter.cli import lint_imports

    exit_code = lint_imports(
        config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True
    )
    assert exit_code == 0, "an import contract is broken: run lint-imports to see which"


def test_the_core_is_packages_each_saying_what_it_owns() -> None:
    packages = [info.name for info in pkgutil.iter_modules(iepprep.core.__path__) if info.ispkg]
    assert {"common", "storage", "family", "content", "search", "planning", "meeting"} <= set(
        packages
    )
    for name in packages:
        doc = importlib.import_module(f"iepprep.core.{name}").__doc__
        assert doc and doc.strip(), f"iepprep.core.{name} has no docstring"
    loose = [info.name for info in pkgutil.iter_modules(iepprep.core.__path__) if not info.ispkg]
    assert not loose, f"put these in the core package they belong to: {loose}"


def test_no_module_imports_another_modules_private_names() -> None:
    """What is shared has a public name: `from iepprep.x import _y` means it should."""
    import ast

    found = []
    for path in sorted((ROOT / "src" / "iepprep").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("iepprep"):
                found += [
                    f"{path.relative_to(ROOT)}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_")
                    and not alias.name.startswith("__")
                    and alias.name != "_"  # gettext's own name: `_("text")` (core/i18n)
                ]
    assert not found, "\n".join(found)

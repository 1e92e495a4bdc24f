"""Layer rules import-linter cannot express (DESIGN.md): controllers use Qt core, not widgets."""

from __future__ import annotations

import ast
from pathlib import Path

import app

APP = Path(app.__file__).parent
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "PySide6.QtPdfWidgets")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_controllers_never_import_widgets() -> None:
    offenders = {
        str(path.relative_to(APP)): sorted(n for n in _imports(path) if n.startswith(WIDGET_MODULES))
        for path in (APP / "controllers").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}

"""app/core holds the domain only: no Qt and no database, so it can be tested and reused alone."""

from __future__ import annotations

import ast
from pathlib import Path

import app.core

FORBIDDEN = ("PySide6", "shiboken6", "sqlite3", "sqlcipher3", "app.store", "app.ui")
CORE = Path(app.core.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_modules_import_neither_qt_nor_sql() -> None:
    sources = sorted(CORE.glob("*.py"))
    assert {p.name for p in sources} >= {"calendar.py", "periods.py", "timescales.py",
                                         "rules.py", "kpi.py", "facts.py", "records.py"}
    for path in sources:
        for module in _imported_modules(path):
            assert not module.startswith(FORBIDDEN), f"{path.name} imports {module}"

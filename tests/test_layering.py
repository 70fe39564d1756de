"""Dependencies point one way: ui -> (returns, documents, store) -> core.

core imports neither Qt nor SQLCipher; store imports no Qt; nothing outside ui
imports ui (the CLI's launcher imports it lazily, by name, inside one function).
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
QT = ("PySide6", "shiboken6")
SQL = ("sqlcipher3", "sqlite3")


def _imports(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return found


def _offences(package: str, banned: tuple[str, ...]) -> list[str]:
    offences = []
    for path in sorted((APP / package).rglob("*.py")):
        for module, line in _imports(path):
            if module.split(".")[0] in banned or any(
                    module == b or module.startswith(b + ".") for b in banned):
                offences.append(f"{path.relative_to(APP)}:{line} imports {module}")
    return offences


def test_core_imports_no_qt_no_sql_and_no_outer_layer() -> None:
    assert _offences("core", QT + SQL + ("app.store", "app.ui", "app.cli", "app.returns",
                                          "app.documents", "keyring")) == []


def test_store_imports_no_qt_and_no_ui() -> None:
    assert _offences("store", QT + ("app.ui", "app.cli")) == []


def test_nothing_outside_ui_imports_ui() -> None:
    offences = []
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP)
        if relative.parts[0] == "ui":
            continue
        for module, line in _imports(path):
            if module == "app.ui" or module.startswith("app.ui."):
                offences.append(f"{relative}:{line} imports {module}")
    # The one allowed edge: the CLI launching the desktop app, lazily.
    assert len(offences) == 1, offences
    assert offences[0].startswith("cli/__init__.py:") and offences[0].endswith("app.ui.main")


def test_only_store_touches_sqlcipher_or_the_keyring() -> None:
    offences = []
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP)
        if relative.parts[0] == "store":
            continue
        for module, line in _imports(path):
            if module.split(".")[0] in ("sqlcipher3", "sqlite3", "keyring"):
                offences.append(f"{relative}:{line} imports {module}")
    assert offences == []

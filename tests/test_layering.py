"""Which part of the app may import which: one table, every import checked against it.

Dependencies point one way: ui -> services -> (returns, documents, importing, store) ->
core. Every `import` and `from ... import`, relative ones resolved, absolute ones, and
imports inside functions (lazy ones count too), in every module of `app` is checked
against ALLOWED: the app's own packages a package may import, and the third-party
libraries it may use (the standard library is free). The README's development section
shows the same table.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}

# Package (a folder of app/, or a top-level module) -> (app packages, third-party libraries).
ALLOWED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # Disclosure control solves with HiGHS (through scipy): a solver, no I/O.
    "core": (frozenset(), frozenset({"holidays", "phonenumbers", "wordfreq",
                                     "confusable_homoglyphs", "scipy", "numpy", "highspy"})),
    "paths": (frozenset(), frozenset({"platformdirs"})),
    "crash": (frozenset({"paths"}), frozenset()),
    "store": (frozenset({"core", "paths"}),
              frozenset({"sqlcipher3", "keyring", "argon2", "cryptography", "pyrage"})),
    "importing": (frozenset({"core", "store", "paths"}),
                  frozenset({"python_calamine", "openpyxl"})),
    "documents": (frozenset({"core", "store", "paths"}), frozenset({"reportlab", "pypdf"})),
    "returns": (frozenset({"core", "store", "paths", "crash", "documents", "__init__"}),
                frozenset({"pyrage", "cryptography", "jsonschema"})),
    "services": (frozenset({"core", "store", "returns", "documents", "importing", "paths",
                            "crash"}), frozenset()),
    "demo": (frozenset({"core", "store"}), frozenset()),
    "cli": (frozenset({"core", "store", "services", "returns", "documents", "importing",
                       "paths", "crash", "demo", "__init__", "ui"}), frozenset()),
    # The window. Today it still reaches past services into store, returns, documents and
    # importing in places (issue 14: those calls move into services/ as they are touched);
    # third-party libraries other than Qt never.
    "ui": (frozenset({"services", "core", "store", "returns", "documents", "importing",
                      "paths", "crash", "__init__"}), frozenset({"PySide6", "shiboken6"})),
    "__main__": (frozenset({"cli"}), frozenset()),
    "__init__": (frozenset(), frozenset()),
}
# The one edge into ui from outside it: the command line starting the window, lazily.
CLI_TO_UI = ("cli/__init__.py", "app.ui.main")


def package_of(path: Path) -> str:
    relative = path.relative_to(APP)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imports(path: Path) -> list[tuple[str, int]]:
    """Every module `path` imports, relative imports resolved to absolute names."""
    relative = path.relative_to(APP)
    here = ["app", *relative.parts[:-1]]
    if relative.name == "__init__.py":
        here = ["app", *relative.parts[:-1]]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:  # from . import a, b
                    found.extend((f"{module}.{alias.name}", node.lineno) for alias in node.names)
                    continue
                found.append((module, node.lineno))
            elif node.module:
                found.append((node.module, node.lineno))
    return found


def offences() -> list[str]:
    found = []
    for path in sorted(APP.rglob("*.py")):
        package = package_of(path)
        assert package in ALLOWED, f"{path.relative_to(APP)}: {package} is not in the table"
        app_ok, third_ok = ALLOWED[package]
        where = str(path.relative_to(APP))
        for module, line in imports(path):
            parts = module.split(".")
            if parts[0] == "app":
                target = parts[1] if len(parts) > 1 else "__init__"
                if target == package:
                    continue
                if target == "ui" and package == "cli" and (where, module) != CLI_TO_UI:
                    found.append(f"{where}:{line} imports {module} (only the launcher may)")
                elif target not in app_ok:
                    found.append(f"{where}:{line} imports {module}")
            elif parts[0] not in STDLIB and parts[0] not in third_ok:
                found.append(f"{where}:{line} imports {module} (a library {package} may not use)")
    return found


def test_every_import_follows_the_table() -> None:
    assert offences() == []


def test_the_checker_catches_what_it_should(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The check itself: relative, lazy and third-party imports across the line are seen."""
    fake = tmp_path / "app"
    for name, text in {
        "core/bad.py": "from ..store import casebook\n",
        "store/lazy.py": "def f():\n    import PySide6\n",
        "ui/lib.py": "import reportlab\n",
        "documents/ok.py": "from . import other\nimport reportlab\n",
        "cli/__init__.py": "def launch():\n    from app.ui.main import main\n",
        "cli/sneaky.py": "from app.ui.main_window import MainWindow\n",
    }.items():
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        (fake / name).write_text(text)
    monkeypatch.setattr(sys.modules[__name__], "APP", fake)
    found = offences()
    assert any(f.startswith("core/bad.py:1 imports app.store") for f in found)
    assert any(f.startswith("store/lazy.py:2 imports PySide6") for f in found)
    assert any(f.startswith("ui/lib.py:1 imports reportlab") for f in found)
    assert any(f.startswith("cli/sneaky.py:1") for f in found)
    assert not any(f.startswith(("documents/ok.py", "cli/__init__.py")) for f in found)


def test_core_and_store_never_load_qt_or_sql_above_them() -> None:
    """The two promises the table makes plainest, said on their own."""
    for package in ("core", "store"):
        assert "PySide6" not in ALLOWED[package][1]
        assert "ui" not in ALLOWED[package][0]
    assert ALLOWED["core"][0] == frozenset()
    assert all("sqlcipher3" not in third and "keyring" not in third
               for name, (_, third) in ALLOWED.items() if name != "store")

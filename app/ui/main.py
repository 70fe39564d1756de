"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.paths import default_casebook_dir
from app.store.casebook import is_casebook


def run(folder: Path | None) -> int:
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casebook")
    target = folder or default_casebook_dir()
    if not is_casebook(target):
        print(f"There is no casebook in {target}; create one with `casebook init` "
              "(the first-run screen is coming).", file=sys.stderr)
        return 1
    window = MainWindow(target)
    window.show()
    return int(app.exec())

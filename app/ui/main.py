"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.paths import default_casebook_dir


def run(folder: Path | None) -> int:
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casebook")
    target = folder or default_casebook_dir()
    window = MainWindow(target)
    window.show()
    return int(app.exec())


def run_board(folder: Path | None) -> int:
    """The board's window on its store (`casebook --board DIR`), created there if need be."""
    from app.ui.board.board_window import BoardWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casebook")
    target = folder or default_casebook_dir().parent / "board"
    window = BoardWindow(target)
    window.show()
    return int(app.exec())

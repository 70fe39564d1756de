"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app.paths import default_casebook_dir, resources_dir


def _application() -> QApplication:
    """The one QApplication, named and with its icon (the desktop file name lets Wayland
    match the window to the menu entry)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Casebook")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "casebook.svg")))
    QGuiApplication.setDesktopFileName("casebook")
    from app.ui.translations import install_translator

    app.setProperty("casebook_translators", install_translator(app))
    return app


def _keep_long_lived_when_shown() -> None:
    """Once the window has been painted: its modules and widgets are kept out of the
    collector's full passes (app.ui.base.long_lived)."""
    from PySide6.QtCore import QTimer

    from app.ui.base.long_lived import keep_long_lived

    QTimer.singleShot(0, lambda: keep_long_lived("shown"))


def _preload_when_shown() -> None:
    """Once the unlock screen has been painted, the pages' modules are imported while the
    passphrase is typed (app.ui.preload)."""
    from PySide6.QtCore import QTimer

    from app.ui.preload import preload_in_background

    QTimer.singleShot(0, lambda: preload_in_background())


def run(folder: Path | None) -> int:
    from app.ui.main_window import MainWindow

    app = _application()
    target = folder or default_casebook_dir()
    window = MainWindow(target)
    window.show()
    _keep_long_lived_when_shown()
    _preload_when_shown()
    return int(app.exec())


def run_board(folder: Path | None) -> int:
    """The board's window on its store (`casebook --board DIR`), created there if need be."""
    from app.ui.board.board_window import BoardWindow

    app = _application()
    target = folder or default_casebook_dir().parent / "board"
    window = BoardWindow(target)
    window.show()
    _keep_long_lived_when_shown()
    return int(app.exec())

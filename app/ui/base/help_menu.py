"""The menus both windows share: File > Quit, and Help (keyboard shortcuts, where the
casebook is kept, About)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


def add_action(window: QMainWindow, menu: QMenu, text: str, shortcut: str | QKeySequence,
               slot: Callable[[], object]) -> QAction:
    """A menu entry with its shortcut, also active while the menu bar is hidden."""
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    menu.addAction(action)
    return action


def add_quit(window: QMainWindow, menu: QMenu) -> QAction:
    """File > Quit (Ctrl+Q): closing the window locks first, as its close button does."""
    menu.addSeparator()
    action = add_action(window, menu, window.tr("&Quit"),
                        QKeySequence(QKeySequence.StandardKey.Quit) or "Ctrl+Q", window.close)
    action.setMenuRole(QAction.MenuRole.QuitRole)
    return action


def add_help(window: QMainWindow, folder: Callable[[], Path], what: str) -> QMenu:
    """Help: keyboard shortcuts (F1), where the casebook is kept, and About."""
    menu = window.menuBar().addMenu(window.tr("&Help"))

    def shortcuts() -> None:
        from app.ui.base.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(window.actions(), window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def about() -> None:
        from app.ui.base.about_dialog import AboutDialog

        dialog = AboutDialog(folder(), what, window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    add_action(window, menu, window.tr("&Keyboard shortcuts"), "F1", shortcuts)
    add_action(window, menu, window.tr("&Where the %1 is kept…").replace("%1", window.tr(what)),
               "", about)
    menu.addSeparator()
    about_action = add_action(window, menu, window.tr("&About Casebook"), "", about)
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    return menu

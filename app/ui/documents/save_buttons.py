"""The foot of a dialog that saves a document: Save and Cancel, and Ctrl+L passed on.

The letter, the letter's copy and the case summary end alike: a Save button (its
own words), Cancel, and Ctrl+L asking the window to lock (the dialog is
window-modal, so the window's own shortcut does not reach it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def save_buttons(dialog: QDialog, save_text: str, save_name: str, save: Callable[[], None],
                 lock: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The button box, its Save button and its Cancel button; Cancel (and Escape) go to
    the dialog's reject, which asks before anything typed is lost."""
    buttons = QDialogButtonBox()
    save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    save_button.setAccessibleName(save_name)
    close_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    close_button.setAccessibleName(dialog.tr("Cancel"))
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence("Ctrl+L"), dialog, lock)
    return buttons, save_button, close_button

"""Unlocking the board's store: the casebook's unlock screen, worded for the board
(the recovery key is the second way in, as for a casebook)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from app.ui.unlock.unlock_view import UnlockView


class BoardUnlockView(UnlockView):
    what = "board store"

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.setObjectName("boardUnlock")
        title = self.findChild(QLabel, "title")
        if title is not None:
            title.setText(self.tr("The board's store is locked"))
        self.set_quick_unlock_offered(False)
        self.button.setAccessibleName(self.tr("Unlock the board store"))

    def set_folder(self, folder: Path) -> None:
        self.where.setText(self.tr("Board store: {folder}").format(folder=folder))

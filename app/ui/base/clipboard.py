"""Clearing the clipboard on lock when it holds text copied from Casebook.

A copy made while a Casebook window is active is remembered by its hash only
(the text itself is not kept); on lock, if the clipboard still holds that text
(or the platform says Casebook owns it), it is cleared.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copied: set[str] = set()
        self.clipboard: QClipboard = QGuiApplication.clipboard()
        self.clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        if QGuiApplication.focusWindow() is None:
            return  # copied in another application
        text = self.clipboard.text()
        if text:
            self._copied.add(_digest(text))

    def holds_casebook_text(self) -> bool:
        text = self.clipboard.text()
        return bool(text) and (self.clipboard.ownsClipboard() or _digest(text) in self._copied)

    def clear_if_ours(self) -> bool:
        cleared = self.holds_casebook_text()
        if cleared:
            self.clipboard.clear()
        self._copied.clear()
        return cleared

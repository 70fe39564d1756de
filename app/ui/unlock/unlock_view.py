"""The unlock screen: the passphrase, checked on the worker thread (the KDF takes ~0.4 s)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.firstrun.quick_unlock_button import QuickUnlockButton


class UnlockView(QWidget):
    unlock_requested = Signal(str)
    quick_unlock_requested = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock")
        title = QLabel(self.tr("Casebook is locked"))
        title.setObjectName("title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        self.where = where = QLabel(self.tr("Casebook: {folder}").format(folder=folder))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._submit)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setAccessibleName(self.tr("Unlock the casebook"))
        self.button.clicked.connect(self._submit)
        self.quick_button = QuickUnlockButton()
        self.quick_button.clicked.connect(self._quick)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, where):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(form)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.quick_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.setContentsMargins(80, 40, 80, 40)

    def _submit(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.show_message(self.tr("Type the casebook's passphrase."))
            return
        self.set_busy(True)
        self.show_message(self.tr("Unlocking…"))
        self.unlock_requested.emit(text)

    def _quick(self) -> None:
        self.set_busy(True)
        self.show_message(self.tr("Unlocking…"))
        self.quick_unlock_requested.emit()

    def set_quick_unlock_offered(self, offered: bool) -> None:
        self.quick_button.setVisible(offered)

    def set_folder(self, folder: Path) -> None:
        self.where.setText(self.tr("Casebook: {folder}").format(folder=folder))

    def set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.button.setEnabled(not busy)
        self.quick_button.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def reset(self) -> None:
        self.passphrase.clear()
        self.set_busy(False)
        self.passphrase.setFocus()

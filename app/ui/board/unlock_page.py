"""Unlocking the board's store: the casebook's unlock screen, worded for the board, with the
recovery key as a second way in (Board.open_with_recovery_key)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.ui.unlock.unlock_view import UnlockView


class BoardUnlockView(UnlockView):
    recovery_unlock_requested = Signal(str)

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.setObjectName("boardUnlock")
        title = self.findChild(QLabel, "title")
        if title is not None:
            title.setText(self.tr("The board's store is locked"))
        self.set_folder(folder)
        self.set_quick_unlock_offered(False)
        self.button.setText(self.tr("&Unlock"))
        self.button.setAccessibleName(self.tr("Unlock the board store"))
        self.use_recovery = QCheckBox(self.tr("Use the &recovery key instead"))
        self.use_recovery.setAccessibleName(self.tr("Unlock with the recovery key instead of "
                                                    "the passphrase"))
        self.use_recovery.toggled.connect(self._recovery_toggled)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(self.button), self.use_recovery,
                                alignment=Qt.AlignmentFlag.AlignHCenter)
        if isinstance(layout, QVBoxLayout):
            # The full width, text centred: a message wrapped inside a centred label of its
            # own narrow width would be cut off after its first line.
            layout.setAlignment(self.message, Qt.AlignmentFlag(0))
            self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setTabOrder(self.passphrase, self.use_recovery)
        self.setTabOrder(self.use_recovery, self.button)

    def set_folder(self, folder: Path) -> None:
        self.where.setText(self.tr("Board store: {folder}").format(folder=folder))

    def _recovery_toggled(self, on: bool) -> None:
        self.passphrase.clear()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Normal if on
                                    else QLineEdit.EchoMode.Password)
        label = self._passphrase_label()
        if label is not None:
            label.setText(self.tr("&Recovery key") if on else self.tr("&Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Recovery key") if on
                                          else self.tr("Passphrase"))
        self.passphrase.setPlaceholderText("XXXX-XXXX-…" if on else "")
        self.passphrase.setFocus()

    def _passphrase_label(self) -> QLabel | None:
        for form in self.findChildren(QFormLayout):
            label = form.labelForField(self.passphrase)
            if isinstance(label, QLabel):
                return label
        return None

    def _submit(self) -> None:
        text = self.passphrase.text()
        recovery = self.use_recovery.isChecked()
        if not text.strip():
            self.show_message(self.tr("Type the recovery key.") if recovery
                              else self.tr("Type the board store's passphrase."))
            return
        self.set_busy(True)
        self.show_message(self.tr("Unlocking…"))
        if recovery:
            self.recovery_unlock_requested.emit(text)
        else:
            self.unlock_requested.emit(text)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if hasattr(self, "use_recovery"):
            self.use_recovery.setEnabled(not busy)

    def reset(self) -> None:
        if hasattr(self, "use_recovery"):
            self.use_recovery.setChecked(False)
        super().reset()

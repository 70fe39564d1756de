"""The unlock screen: the passphrase (or the recovery key), checked on the worker thread
(the key derivation takes about 0.4 s), and quick unlock where it is turned on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.paths import resources_dir
from app.ui.base.theme import set_primary, set_role
from app.ui.firstrun.quick_unlock_button import QuickUnlockButton

_FIELD_WIDTH_CHARACTERS = 44


class UnlockView(QWidget):
    unlock_requested = Signal(str)
    recovery_unlock_requested = Signal(str)
    quick_unlock_requested = Signal()

    what = "casebook"  # the words a subclass changes: "board store"

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock")
        title = QLabel(self.tr("Casebook is locked"))
        title.setObjectName("title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        self.where = where = QLabel()
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_folder(folder)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setMinimumWidth(
            self.passphrase.fontMetrics().averageCharWidth() * _FIELD_WIDTH_CHARACTERS)
        self.passphrase.returnPressed.connect(self._submit)
        self.use_recovery = QCheckBox(self.tr("I have forgotten the passphrase: use the "
                                              "&recovery key"))
        self.use_recovery.setAccessibleName(self.tr("Unlock with the recovery key instead of "
                                                    "the passphrase"))
        self.use_recovery.toggled.connect(self._recovery_toggled)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.setAccessibleName(self.tr("Unlock the casebook"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.quick_button = QuickUnlockButton()
        self.quick_button.clicked.connect(self._quick)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message.setAccessibleName(self.tr("Unlock message"))
        form_box = QWidget()
        form_box.setMaximumWidth(
            self.passphrase.fontMetrics().averageCharWidth() * (_FIELD_WIDTH_CHARACTERS + 24))
        self.form = QFormLayout(form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("&Passphrase"), self.passphrase)
        centred = Qt.AlignmentFlag.AlignHCenter
        set_primary(self.button)
        logo = QLabel()
        side = self.fontMetrics().height() * 4
        logo.setPixmap(QIcon(str(resources_dir() / "icons" / "casebook.svg")).pixmap(side, side))
        logo.setAccessibleName(self.tr("Casebook"))
        where.setWordWrap(True)
        where.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        set_role(where, "quiet")
        card = QFrame()
        card.setObjectName("card")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(32, 24, 32, 24)
        inside.setSpacing(10)
        inside.addWidget(logo, alignment=centred)
        inside.addWidget(title, alignment=centred)
        inside.addWidget(where)
        inside.addSpacing(6)
        inside.addWidget(form_box, alignment=centred)
        inside.addWidget(self.use_recovery, alignment=centred)
        inside.addWidget(self.button, alignment=centred)
        inside.addWidget(self.quick_button, alignment=centred)
        # The full width, text centred: a wrapped message in a label of its own narrow
        # width would be cut off after its first line. Its line is kept, so nothing above
        # moves when it speaks.
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        inside.addWidget(self.message)
        card.setMaximumWidth(form_box.maximumWidth() + 80)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, alignment=centred)
        layout.addStretch(2)
        layout.setContentsMargins(40, 30, 40, 30)
        self.setTabOrder(self.passphrase, self.use_recovery)
        self.setTabOrder(self.use_recovery, self.button)
        self.setTabOrder(self.button, self.quick_button)

    def _recovery_toggled(self, on: bool) -> None:
        self.passphrase.clear()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Normal if on
                                    else QLineEdit.EchoMode.Password)
        label = self.form.labelForField(self.passphrase)
        if isinstance(label, QLabel):
            label.setText(self.tr("&Recovery key") if on else self.tr("&Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Recovery key") if on
                                          else self.tr("Passphrase"))
        self.passphrase.setPlaceholderText("XXXX-XXXX-…" if on else "")
        self.passphrase.setFocus()

    def _submit(self) -> None:
        text = self.passphrase.text()
        recovery = self.use_recovery.isChecked()
        if not text.strip():
            self.show_message(self.tr("Type the recovery key.") if recovery
                              else self.tr("Type the {what}'s passphrase.").format(
                                  what=self.tr(self.what)))
            return
        self.set_busy(True)
        self.show_message(self.tr("Unlocking…"))
        if recovery:
            self.recovery_unlock_requested.emit(text)
        else:
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
        for widget in (self.passphrase, self.button, self.quick_button, self.use_recovery):
            widget.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def reset(self, message: str = "") -> None:
        """Empty and ready again; `message` replaces whatever was said before."""
        self.use_recovery.setChecked(False)
        self.passphrase.clear()
        self.set_busy(False)
        self.show_message(message)
        self.passphrase.setFocus()

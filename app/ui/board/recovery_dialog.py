"""The board store's recovery key, shown once after the store is made, and the board's key.

As for a casebook, the dialog cannot be dismissed until the user ticks "I have
stored the recovery key safely"; after that the key is never shown again. The
recipient units encrypt to is shown too, with its fingerprint, to hand out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.returns.signing import recipient_fingerprint
from app.ui.base.form_feedback import (
    FieldMessage,
    fit_height,
    heading_font,
    monospace_font,
    plain_buttons,
    text_width,
)
from app.ui.base.formatting import fingerprint_in_two_lines
from app.ui.board.create_page import NewBoard
from app.ui.firstrun.recovery_key_dialog import key_in_lines


class BoardRecoveryKeyDialog(QDialog):
    def __init__(self, created: NewBoard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The board store's recovery key"))
        self.setModal(True)

        title = QLabel(self.tr("Write down your recovery key"))
        title.setFont(heading_font(self, 1.3))
        title.setWordWrap(True)
        explain = QLabel(self.tr(
            "This is the only time Casebook shows this key. If the passphrase is forgotten, "
            "the recovery key is the only way back into the board's store, and anyone who has "
            "it can open the store and read every return. Write it down and keep it locked "
            "away, apart from this computer."))
        explain.setWordWrap(True)

        self.key = QLabel(key_in_lines(created.recovery_key))
        self.key.setObjectName("recoveryKey")
        self.key.setFont(monospace_font(1.6))
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setAccessibleDescription(" ".join(created.recovery_key))
        self.key.setFrameShape(QLabel.Shape.StyledPanel)
        self.key.setMargin(12)

        recipient_intro = QLabel(self.tr(
            "Units encrypt their returns to this key (it is not secret). You will find it "
            "again under Units once the store is unlocked."))
        recipient_intro.setWordWrap(True)
        self.recipient = QLabel(self.tr("{recipient}\nFingerprint:\n{fingerprint}").format(
            recipient=created.recipient,
            fingerprint=fingerprint_in_two_lines(recipient_fingerprint(created.recipient))))
        self.recipient.setFont(monospace_font())
        self.recipient.setWordWrap(True)
        self.recipient.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.recipient.setAccessibleName(self.tr("The board's key for units, and its "
                                                 "fingerprint"))

        self.message = FieldMessage(self.tr("Recovery key message"))
        self.stored = QCheckBox(self.tr("&I have stored the recovery key safely"))
        self.stored.setAccessibleName(self.tr("I have stored the recovery key safely"))
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue to unlock the board store"))
        self.continue_button.setEnabled(False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.stored, 1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.key)
        layout.addWidget(recipient_intro)
        layout.addWidget(self.recipient)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.key, self.recipient)
        self.setTabOrder(self.recipient, self.stored)
        self.setTabOrder(self.stored, self.continue_button)
        self.key.setFocus()
        self.setMinimumWidth(text_width(self, 80))
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        plain_buttons(self, self.continue_button)

    def reject(self) -> None:
        if self.stored.isChecked():
            super().reject()
        else:
            self.message.show_problem(self.tr(
                "Store the key first, then tick the box: it will not be shown again."))
            fit_height(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.stored.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()

    def forget(self) -> None:
        """Drop the key from the widgets once the dialog is done."""
        self.key.clear()
        self.key.setAccessibleDescription("")

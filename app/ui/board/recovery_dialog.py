"""The board store's recovery key, shown once after the store is made, and the board's key.

The shared dialog (app.ui.base.keep_recovery_key_dialog), as for a casebook: it
cannot be dismissed until the user ticks "I have stored the recovery key safely";
after that the key is never shown again. The recipient units encrypt to is shown
too, with its fingerprint, to hand out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.returns.signing import recipient_fingerprint
from app.ui.base.form_feedback import FieldMessage, monospace_font
from app.ui.base.formatting import fingerprint_in_two_lines
from app.ui.base.keep_recovery_key_dialog import KeepRecoveryKeyDialog, RecoveryKeyWording
from app.ui.board.create_page import NewBoard


class BoardRecoveryKeyDialog(KeepRecoveryKeyDialog):
    def __init__(self, created: NewBoard, parent: QWidget | None = None) -> None:
        super().__init__(created.recovery_key, RecoveryKeyWording(
            window_title=self.tr("The board store's recovery key"),
            title=self.tr("Write down your recovery key"),
            explain=self.tr(
                "This is the only time Casebook shows this key. If the passphrase is forgotten, "
                "the recovery key is the only way back into the board's store, and anyone who "
                "has it can open the store and read every return. Write it down and keep it "
                "locked away, apart from this computer."),
            continue_name=self.tr("Continue to unlock the board store")), parent)

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
        self.lay_out([recipient_intro, self.recipient], self.message, [self.recipient])

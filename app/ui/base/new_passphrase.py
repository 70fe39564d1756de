"""A new passphrase typed twice, with the strength meter: one piece for every create page."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.ui.base.form_feedback import FieldMessage
from app.ui.base.passphrase_meter import PassphraseMeter


class NewPassphraseFields(QObject):
    """The passphrase field, its meter and message, the confirmation and its message, and
    the rule said once. `problems()` gives what is wrong with them, by field name
    ("passphrase", "confirm"); the page shows the messages as its fields are touched."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.meter = PassphraseMeter()
        self.passphrase_message = FieldMessage(self.tr("New passphrase problem"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Type the passphrase again"))
        self.confirm_message = FieldMessage(self.tr("Passphrase confirmation problem"))
        self.rule = QLabel(self.tr(
            "The passphrase needs at least 12 characters. A few unrelated words work well "
            "and are easier to remember than a jumble of symbols. Nobody can reset it for you: "
            "keep the recovery key you will be shown next."))
        self.rule.setWordWrap(True)
        self.passphrase.textChanged.connect(self.meter.update_for)

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        strength = self.meter.strength
        if not strength.acceptable:
            found["passphrase"] = self.tr(strength.problem)
        if self.confirm.text() != self.passphrase.text():
            found["confirm"] = self.tr("The two passphrases are different.")
        return found

    def messages(self) -> dict[str, FieldMessage]:
        return {"passphrase": self.passphrase_message, "confirm": self.confirm_message}

    def clear(self) -> None:
        for field in (self.passphrase, self.confirm):
            field.clear()

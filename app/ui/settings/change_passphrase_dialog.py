"""Change the passphrase: the current one, the new one twice, with the strength meter.

The change runs on the worker (Argon2id twice: checking the current passphrase and
sealing the new one). Only the passphrase slot in keyslots.json is rewritten; the
recovery key and quick unlock keep working.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.store.errors import WrongPassphrase
from app.store.settings_service import SettingsService
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    BusyIndicator,
    FieldMessage,
    field_with_message,
    fit_height,
    plain_buttons,
    text_width,
)
from app.ui.base.passphrase_meter import PassphraseMeter
from app.ui.base.worker import WorkerState
from app.ui.session import Session

_WRONG_CURRENT = "wrong-current"


class ChangePassphraseDialog(AsksBeforeClosing, QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.session = session
        self._touched: set[str] = set()
        intro = QLabel(self.tr(
            "The new passphrase needs at least 12 characters; a few unrelated words work "
            "well. The recovery key stays the same."))
        intro.setWordWrap(True)
        self.current = self._secret(self.tr("Current passphrase"))
        self.current_message = FieldMessage(self.tr("Current passphrase problem"))
        self.new = self._secret(self.tr("New passphrase"))
        self.meter = PassphraseMeter()
        self.new_message = FieldMessage(self.tr("New passphrase problem"))
        self.confirm = self._secret(self.tr("Type the new passphrase again"))
        self.confirm_message = FieldMessage(self.tr("Passphrase confirmation problem"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, below in (
                (self.tr("&Current passphrase:"), self.current, (self.current_message,)),
                (self.tr("&New passphrase:"), self.new, (self.meter, self.new_message)),
                (self.tr("New passphrase &again:"), self.confirm, (self.confirm_message,))):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field_with_message(field, *below))
        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Change passphrase message"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("C&hange passphrase"))
        self.ok.setAccessibleName(self.tr("Change the passphrase"))
        self.cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for name, field in (("current", self.current), ("new", self.new),
                            ("confirm", self.confirm)):
            field.textEdited.connect(lambda _t, name=name: self._touch(name))
            field.textChanged.connect(self.validate)
        self.new.textChanged.connect(self.meter.update_for)
        self.setMinimumWidth(text_width(self, 80))
        self.validate()
        plain_buttons(self)
        self.settle()

    def _secret(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        if name == "current":
            self.current_message.show_problem(None)
        self.validate()

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not self.current.text():
            found["current"] = self.tr("Type the current passphrase.")
        strength = self.meter.strength
        if not strength.acceptable:
            found["new"] = self.tr(strength.problem)
        elif self.current.text() and self.new.text() == self.current.text():
            found["new"] = self.tr("The new passphrase is the same as the current one.")
        if self.confirm.text() != self.new.text():
            found["confirm"] = self.tr("The two new passphrases are different.")
        return found

    def validate(self) -> bool:
        problems = self.problems()
        if "current" in self._touched and "current" in problems:
            self.current_message.show_problem(problems["current"])
        elif not self.current_message.is_problem:
            self.current_message.show_problem(None)
        self.new_message.show_problem(problems.get("new") if "new" in self._touched else None)
        shown = "confirm" in self._touched or bool(self.confirm.text())
        self.confirm_message.show_problem(problems.get("confirm") if shown else None)
        self.ok.setEnabled(not problems and not self.busy.busy)
        fit_height(self)
        return not problems

    def submit(self) -> None:
        if not self.validate() or self.busy.busy:
            return
        current, new = self.current.text(), self.new.text()

        def job(state: WorkerState) -> str:
            try:
                SettingsService(self.session.book(state)).change_passphrase(current, new)
            except WrongPassphrase:
                return _WRONG_CURRENT
            return "changed"

        self._set_busy(True)
        self.message.show_problem(None)
        self.session.write(job, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.start(self.tr("Changing the passphrase…"))
        else:
            self.busy.stop()
        for widget in (self.current, self.new, self.confirm, self.cancel):
            widget.setEnabled(not busy)
        self.validate()

    def _done(self, result: Any) -> None:
        self._set_busy(False)
        if result == _WRONG_CURRENT:
            self.current_message.show_problem(self.tr(
                "That is not the current passphrase; nothing was changed."))
            self.current.selectAll()
            self.current.setFocus()
            self.validate()
            return
        self.clear()
        self.settle()
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.message.show_problem(self.tr("The passphrase was not changed: {message}").format(
            message=message))
        fit_height(self)

    def clear(self) -> None:
        for field in (self.current, self.new, self.confirm):
            field.clear()
        self._touched.clear()
        self.current_message.show_problem(None)
        self.validate()

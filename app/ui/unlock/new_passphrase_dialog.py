"""After unlocking with the recovery key: set a new passphrase (the forgotten one is gone).

Only the passphrase slot of keyslots.json is rewritten, on the worker thread; the
recovery key keeps working.
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

from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    BusyIndicator,
    FieldMessage,
    field_with_message,
    fit_height,
    plain_buttons,
)
from app.ui.base.messages import shown
from app.ui.base.passphrase_meter import PassphraseMeter
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class NewPassphraseDialog(AsksBeforeClosing, QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a new passphrase"))
        self.session = session
        intro = QLabel(self.tr(
            "The recovery key opened the casebook. Choose a new passphrase now: at least 12 "
            "characters; a few unrelated words work well. The recovery key stays the same."))
        intro.setWordWrap(True)
        self.new = self._secret(self.tr("New passphrase"))
        self.meter = PassphraseMeter()
        self.new_message = FieldMessage(self.tr("New passphrase problem"))
        self.confirm = self._secret(self.tr("Type the new passphrase again"))
        self.confirm_message = FieldMessage(self.tr("Passphrase confirmation problem"))
        self.message = FieldMessage(self.tr("Save problem"))
        self.busy = BusyIndicator()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&New passphrase:"),
                    field_with_message(self.new, self.meter, self.new_message))
        form.addRow(self.tr("New passphrase &again:"),
                    field_with_message(self.confirm, self.confirm_message))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Set passphrase"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro,):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for field in (self.new, self.confirm):
            field.textChanged.connect(self.validate)
        self.new.textChanged.connect(self.meter.update_for)
        self.validate()
        plain_buttons(self)
        self.settle()

    def _secret(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        strength = self.meter.strength
        if not strength.acceptable:
            found["new"] = shown(strength.problem)
        if self.confirm.text() != self.new.text():
            found["confirm"] = self.tr("The two passphrases are different.")
        return found

    def validate(self) -> bool:
        problems = self.problems()
        self.new_message.show_problem(problems.get("new") if self.new.text() else None)
        self.confirm_message.show_problem(
            problems.get("confirm") if self.confirm.text() else None)
        self.ok.setEnabled(not problems and not self.busy.busy)
        fit_height(self)
        return not problems

    def submit(self) -> None:
        if not self.validate():
            return
        new = self.new.text()

        def job(state: WorkerState) -> bool:
            book = self.session.book(state)
            book.change_passphrase(new)
            book.record("casebook.recovered", "casebook", book.casebook_id)
            return True

        self.busy.start(self.tr("Setting the new passphrase…"))
        self.validate()
        self.session.read(job, self._done, self._failed)

    def _done(self, _result: Any) -> None:
        self.busy.stop()
        self.clear()
        self.accept()

    def _failed(self, message: str) -> None:
        self.busy.stop()
        self.validate()
        self.message.show_problem(self.tr("The passphrase was not changed: {message}").format(
            message=message))

    def clear(self) -> None:
        for field in (self.new, self.confirm):
            field.clear()

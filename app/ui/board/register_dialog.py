"""Register a reporting unit: its name as set in its casebook and its one-line public key.

The key's fingerprint is shown as it is pasted, for the board to read out to the
unit by phone (the unit sees the same with `casebook unit-key`). Saving runs on
the worker through Board.register_unit; a failure leaves the form filled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.returns.signing import fingerprint, parse_public_key
from app.store.errors import CasebookError
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    BusyIndicator,
    FieldMessage,
    field_with_message,
    fit_height,
    monospace_font,
    plain_buttons,
    text_width,
)
from app.ui.base.formatting import fingerprint_in_two_lines
from app.ui.base.messages import shown
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession

MAX_NAME = 200


def unit_name_problem(text: str) -> str:
    name = text.strip()
    if not name:
        return "Give the unit's name exactly as it is set in its casebook."
    if len(name) > MAX_NAME or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return f"A unit's name is one line of at most {MAX_NAME} characters."
    return ""


class RegisterUnitDialog(AsksBeforeClosing, QDialog):
    registered = Signal(str, str)  # unit name, fingerprint

    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a reporting unit"))
        self.session = session
        self._touched: set[str] = set()
        intro = QLabel(self.tr(
            "Ask the unit for its public key: in Casebook it is the first line printed by "
            "`casebook unit-key`. Then read the fingerprint below to each other by phone: "
            "every group must match."))
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Unit name"))
        self.name.setPlaceholderText(self.tr("as set in the unit's casebook"))
        self.name_message = FieldMessage(self.tr("Unit name problem"))
        self.key = QLineEdit()
        self.key.setFont(monospace_font())
        self.key.setAccessibleName(self.tr("Unit's public key"))
        self.key.setPlaceholderText(self.tr("one line of base64"))
        self.key_message = FieldMessage(self.tr("Public key problem"))
        self.fingerprint = QLabel()
        self.fingerprint.setFont(monospace_font(1.1))
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of the unit's key"))
        self.replace_key = QCheckBox(self.tr("This unit is registered already: &replace its "
                                             "key"))
        self.replace_key.setAccessibleName(self.tr("Replace the key of a unit already "
                                                   "registered"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, below in (
                (self.tr("Unit &name:"), self.name, (self.name_message,)),
                (self.tr("Public &key:"), self.key, (self.key_message,)),
                (self.tr("&Fingerprint:"), self.fingerprint, ())):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field_with_message(field, *below))
        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Register unit message"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("Re&gister"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Register the unit"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.replace_key)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for name, field in (("name", self.name), ("key", self.key)):
            field.textEdited.connect(lambda _text, name=name: self._touch(name))
            field.textChanged.connect(self.validate)
        self.setTabOrder(self.name, self.key)
        self.setTabOrder(self.key, self.fingerprint)
        self.setTabOrder(self.fingerprint, self.replace_key)
        self.setMinimumWidth(text_width(self, 78))
        self.validate()
        plain_buttons(self, self.save_button)
        self.settle()

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def public_key(self) -> bytes | None:
        try:
            return parse_public_key(self.key.text())
        except CasebookError:
            return None

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        name = unit_name_problem(self.name.text())
        if name:
            found["name"] = shown(name)
        if self.public_key() is None:
            found["key"] = self.tr("Paste the unit's public key: one line of base64 from "
                                   "`casebook unit-key` (44 characters, ending in =).")
        return found

    def validate(self) -> bool:
        problems = self.problems()
        self.name_message.show_problem(problems.get("name") if "name" in self._touched
                                       else None)
        self.key_message.show_problem(problems.get("key") if "key" in self._touched
                                      and self.key.text() else None)
        raw = self.public_key()
        self.fingerprint.setText(fingerprint_in_two_lines(fingerprint(raw)) if raw is not None
                                 else self.tr("(shown once the key is pasted)"))
        self.save_button.setEnabled(not problems and not self.busy.busy)
        fit_height(self)
        return not problems

    def register(self) -> None:
        self._touched.update(("name", "key"))
        raw = self.public_key()
        if not self.validate() or raw is None or self.busy.busy:
            return
        name = self.name.text().strip()
        replace_key = self.replace_key.isChecked()

        def job(state: WorkerState) -> tuple[str, str]:
            unit = BoardSession.board(state).register_unit(name, raw, replace_key=replace_key)
            return unit.name, fingerprint(unit.public_key)

        self.busy.start(self.tr("Registering {name}…").format(name=name))
        self.message.show_problem(None)
        self.validate()
        self.session.write(job, self._registered, self._failed, touches="units")

    def _registered(self, result: Any) -> None:
        self.busy.stop()
        name, printed = result
        self.registered.emit(name, printed)
        self.settle()
        self.accept()

    def _failed(self, message: str) -> None:
        self.busy.stop()
        message = message.replace("give --replace-key to register its new key",
                                  "tick \u201creplace its key\u201d to register its new key")
        self.message.show_problem(self.tr("The unit was not registered: {message}").format(
            message=message))
        self.validate()

"""This unit's own public signing key, read-only, for the board to register."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from app.returns.signing import fingerprint, public_key_line, unit_public_key
from app.ui.base.form_feedback import FieldMessage, field_with_message, monospace_font
from app.ui.base.formatting import fingerprint_in_two_lines
from app.ui.base.worker import WorkerState
from app.ui.session import Session


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class UnitKeyBox(QGroupBox):
    """The key and its fingerprint, loaded on the worker when the settings are."""

    failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This unit's key, for the board"))
        self.session = session
        self.unit_key = _selectable(QLabel())
        self.unit_key.setFont(monospace_font())
        self.unit_key.setAccessibleName(self.tr("This unit's public signing key"))
        self.unit_key_fingerprint = _selectable(QLabel())
        self.unit_key_fingerprint.setFont(monospace_font(1.1))
        self.unit_key_fingerprint.setAccessibleName(
            self.tr("Fingerprint of this unit's public signing key"))
        note = FieldMessage(self.tr("Unit key note"))
        note.show_note(self.tr(
            "Give this key to the board's whistleblowing lead, who registers it for this "
            "reporting unit; returns are signed with it. Read the fingerprint to them by "
            "phone to check it arrived unchanged."))
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels = [QLabel(self.tr("Public key:")), QLabel(self.tr("Fingerprint:"))]
        self.form.addRow(self.labels[0], field_with_message(self.unit_key))
        self.form.addRow(self.labels[1], field_with_message(self.unit_key_fingerprint, note))

    def load(self) -> None:
        session = self.session

        def job(state: WorkerState) -> tuple[str, str]:
            raw = unit_public_key(session.book(state))
            return public_key_line(raw), fingerprint(raw)

        session.read(job, self._show, self.failed.emit)

    def _show(self, key: Any) -> None:
        line, print_ = key
        self.unit_key.setText(line)
        self.unit_key_fingerprint.setText(fingerprint_in_two_lines(print_))

    def forget(self) -> None:
        self.unit_key.clear()
        self.unit_key_fingerprint.clear()

"""This casebook's handover address, and the colleagues it trusts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import handover
from app.ui.base.form_feedback import FieldMessage, monospace_font
from app.ui.base.worker import WorkerState
from app.ui.handover.table_rows import fill, text_table
from app.ui.handover.trust_dialog import TrustDialog
from app.ui.session import Session


@dataclass(frozen=True)
class Colleagues:
    address: str
    fingerprint: str
    trusted: tuple[tuple[str, str, str], ...]  # (name, role, fingerprint)


def read_colleagues(state: WorkerState) -> Colleagues:
    book = state.require_book()
    own = handover.address(book)
    return Colleagues(own.token, own.fingerprint, tuple(
        (c.name, c.role, c.fingerprint) for c in handover.trusted(book)))


class ColleaguesPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded: Colleagues | None = None
        self.dialog: TrustDialog | None = None
        own = QGroupBox(self.tr("This casebook's handover address"))
        self.address = QLabel()
        self.address.setFont(monospace_font())
        self.address.setWordWrap(True)
        self.address.setAccessibleName(self.tr("This casebook's handover address"))
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.fingerprint = QLabel()
        self.fingerprint.setFont(monospace_font(1.1))
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of this casebook's address"))
        self.copy = QPushButton(self.tr("&Copy the address"))
        self.copy.setAccessibleName(self.tr("Copy this casebook's handover address"))
        self.copy.clicked.connect(self._copy)
        note = QLabel(self.tr(
            "Give this address to a colleague who will take concerns from you or hand them to "
            "you, and read the fingerprint to each other by phone. It holds no secret."))
        note.setWordWrap(True)
        box = QVBoxLayout(own)
        box.addWidget(note)
        box.addWidget(self.address)
        box.addWidget(self.fingerprint)
        box.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        trusted = QGroupBox(self.tr("Colleagues you trust"))
        self.table = text_table(self.tr("Trusted colleagues"),
                                [self.tr("Name"), self.tr("Role"), self.tr("Fingerprint")])
        self.add_button = QPushButton(self.tr("&Trust a colleague…"))
        self.add_button.setAccessibleName(self.tr("Trust a colleague's handover address"))
        self.add_button.clicked.connect(self.open_trust)
        self.forget_button = QPushButton(self.tr("&Stop trusting"))
        self.forget_button.setAccessibleName(self.tr("Stop trusting the selected colleague"))
        self.forget_button.clicked.connect(self._forget)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        inner = QVBoxLayout(trusted)
        inner.addWidget(self.table)
        inner.addLayout(row)
        self.message = FieldMessage(self.tr("About colleagues"))
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(trusted, 1)
        layout.addWidget(self.message)

    def reload(self) -> None:
        self.session.read(read_colleagues, self._show, self.message.show_problem)

    def _show(self, loaded: Any) -> None:
        self.loaded = loaded
        self.address.setText(loaded.address)
        self.fingerprint.setText(loaded.fingerprint)
        fill(self.table, [list(row) for row in loaded.trusted])

    def _copy(self) -> None:
        if self.loaded is not None:
            QGuiApplication.clipboard().setText(self.loaded.address)
            self.message.show_note(self.tr("Address copied."))

    def open_trust(self) -> TrustDialog:
        dialog = self.dialog = TrustDialog(self.session, self)
        dialog.trusted.connect(self._trusted)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _forget(self) -> None:
        row = self.table.currentRow()
        if self.loaded is None or row < 0:
            self.message.show_problem(self.tr("Select a colleague first."))
            return
        name = self.loaded.trusted[row][0]

        def job(state: WorkerState) -> None:
            handover.forget(state.require_book(), name)

        def done(_: Any) -> None:
            self.message.show_note(self.tr("%1 is no longer trusted.").replace("%1", name))
            self.reload()

        self.session.write(job, done, self.message.show_problem)

    def _trusted(self, name: str) -> None:
        self.message.show_note(self.tr("%1 is now a trusted colleague.").replace("%1", name))
        self.reload()

    def forget(self) -> None:
        self.loaded = None
        self.address.clear()
        self.fingerprint.clear()
        self.table.setRowCount(0)
        self.message.show_note(None)
        if self.dialog is not None:
            self.dialog.done(0)

"""Trust a colleague's handover address: paste it, read its fingerprint with them by phone,
and only then trust it. Checking and trusting run on the worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import handover
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    FieldMessage,
    monospace_font,
    plain_buttons,
)
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class TrustDialog(AsksBeforeClosing, QDialog):
    trusted = Signal(str)  # the colleague's name

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trust a colleague"))
        self.session = session
        self.plan: handover.TrustPlan | None = None
        intro = QLabel(self.tr(
            "Paste the handover address your colleague's casebook shows (Handover, Colleagues: "
            "\"This casebook's address\"). Whoever holds it will be sent concerns and the "
            "identities their consent allows, and can approve your destructions."))
        intro.setWordWrap(True)
        self.address = QPlainTextEdit()
        self.address.setAccessibleName(self.tr("The colleague's handover address"))
        self.address.setFont(monospace_font())
        self.address.setMaximumHeight(self.fontMetrics().height() * 4)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("The colleague's name"))
        self.role = QLineEdit()
        self.role.setAccessibleName(self.tr("The colleague's role"))
        self.role.setPlaceholderText(self.tr("e.g. confidential contact"))
        self.fingerprint = QLabel()
        self.fingerprint.setFont(monospace_font(1.1))
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of the address"))
        self.fingerprint.setWordWrap(True)
        self.compared = QCheckBox(self.tr("I read this fingerprint with them by phone and it "
                                          "&matches theirs"))
        self.compared.setAccessibleName(self.tr("The fingerprint matches theirs"))
        self.message = FieldMessage(self.tr("About the address"))
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.trust_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.trust_button.setText(self.tr("&Trust this colleague"))
        buttons.accepted.connect(self.trust)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.compared)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for edit in (self.name, self.role):
            edit.textChanged.connect(self._check)
        self.address.textChanged.connect(self._check)
        self.compared.toggled.connect(self._enable)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self._serial = 0
        self._enable()
        plain_buttons(self)
        self.settle()

    def _check(self) -> None:
        """Check the address on the worker as it is typed; show its fingerprint."""
        self._serial += 1
        serial = self._serial
        self.plan = None
        self.compared.setChecked(False)
        self.fingerprint.clear()
        self._enable()
        text, name, role = self.address.toPlainText(), self.name.text(), self.role.text()
        if not text.strip():
            self.message.show_problem(None)
            return

        def job(state: WorkerState) -> handover.TrustPlan:
            return handover.prepare_trust(state.require_book(), text, name or "?", role)

        def done(plan: Any) -> None:
            if serial != self._serial:
                return
            self.fingerprint.setText(plan.fingerprint)
            if name.strip():
                self.plan = plan
                self.message.show_problem(None)
            else:
                self.message.show_note(self.tr("Give the colleague's name."))
            self._enable()

        def failed(message: str) -> None:
            if serial == self._serial:
                self.message.show_problem(message)
                self._enable()

        self.session.read(job, done, failed)

    def _enable(self) -> None:
        self.compared.setEnabled(self.plan is not None)
        self.trust_button.setEnabled(self.plan is not None and self.compared.isChecked())

    def trust(self) -> None:
        plan = self.plan
        if plan is None or not self.compared.isChecked():
            return

        def job(state: WorkerState) -> str:
            return handover.trust(state.require_book(), plan).name

        def done(name: Any) -> None:
            self.trusted.emit(str(name))
            self.settle()
            self.accept()

        self.trust_button.setEnabled(False)
        self.session.write(job, done, self.message.show_problem)

"""Destroy records for good: the reason, early where not yet due, a colleague's signed
approval where the organisation requires two people, and the passphrase again. On the
worker: the identity first, then the text; then the backups, said plainly."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import retention
from app.store.errors import CasebookError
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    FieldMessage,
    ask_save_file,
    plain_buttons,
)
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.reports.files import default_folder, remember_folder
from app.ui.session import Session


class DestroyDialog(AsksBeforeClosing, QDialog):
    destroyed = Signal(object)  # the DestructionResult

    def __init__(self, session: Session, references: list[str], *, early: bool,
                 two_people: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Destroy records"))
        self.session = session
        self.references = references
        self.outcome: retention.DestructionResult | None = None
        warning = QLabel(self.tr(
            "These records will be destroyed for good: the identity of the person who raised "
            "each concern first, then every word of the record. The dates and codes the "
            "figures count stay, so no figure changes. This cannot be undone."))
        warning.setWordWrap(True)
        listed = QPlainTextEdit(", ".join(references))
        listed.setReadOnly(True)
        listed.setAccessibleName(self.tr("Records to destroy"))
        listed.setMaximumHeight(self.fontMetrics().height() * 5)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the destruction"))
        self.reason.setPlaceholderText(self.tr("e.g. end of the retention period"))
        self.early = QCheckBox(self.tr("Destroy records that are not yet &due (say why in the "
                                       "reason)"))
        self.early.setChecked(early)
        self.approval = QLineEdit()
        self.approval.setAccessibleName(self.tr("The colleague's signed approval"))
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.clicked.connect(self._choose)
        approval_row = QHBoxLayout()
        approval_row.addWidget(self.approval, 1)
        approval_row.addWidget(self.choose)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase, again"))
        form = QFormLayout()
        form.addRow(self.tr("1 record:") if len(references) == 1 else self.tr(
            "%1 records:").replace("%1", str(len(references))), listed)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow("", self.early)
        if two_people:
            form.addRow(self.tr("&Approval:"), approval_row)
        form.addRow(self.tr("&Passphrase, again:"), self.passphrase)
        self.progress = WorkProgress()
        self.message = FieldMessage(self.tr("About the destruction"))
        self.backups = QListWidget()
        self.backups.setAccessibleName(self.tr("Backups that still hold the destroyed "
                                               "identities"))
        self.backups.setWordWrap(True)
        self.backups.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Close)
        self.destroy_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.destroy_button.setText(self.tr("&Destroy for good"))
        self.certificate_button = QPushButton(self.tr("Save the &certificate…"))
        self.certificate_button.clicked.connect(self._ask_certificate)
        buttons.addButton(self.certificate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.certificate_button.setVisible(False)  # once something is destroyed
        buttons.accepted.connect(self.destroy_records)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.backups)
        layout.addWidget(buttons)
        self.two_people = two_people
        for edit in (self.reason, self.passphrase, self.approval):
            edit.textChanged.connect(lambda _t: self._enable())
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self._enable()
        plain_buttons(self)
        self.settle()

    def _enable(self) -> None:
        ready = (bool(self.reason.text().strip()) and bool(self.passphrase.text())
                 and (not self.two_people or bool(self.approval.text().strip())))
        self.destroy_button.setEnabled(ready and self.outcome is None and not self.progress.busy)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("The colleague's approval"),
                                                str(default_folder()))
        if chosen:
            self.approval.setText(chosen)

    def destroy_records(self) -> None:
        references, reason, early = self.references, self.reason.text(), self.early.isChecked()
        passphrase = self.passphrase.text()
        approval_path = self.approval.text().strip()
        today = self.session.today()
        ticket = WorkTicket()

        def job(state: WorkerState) -> retention.DestructionResult:
            approval = None
            if approval_path:
                try:
                    approval = Path(approval_path).expanduser().read_bytes()
                except OSError as exc:
                    raise CasebookError(f"Cannot read {approval_path} "
                                        f"({exc.strerror or exc}).") from exc
            book = state.require_book()
            planned = retention.plan(book, references, reason, early=early, approval=approval,
                                     today=today)
            return retention.destroy(book, planned, passphrase, on_progress=ticket.progress)

        self.passphrase.clear()
        self.message.show_note(None)
        self.progress.start(self.tr("Destroying, then remaking the backups…"), ticket,
                            cancellable=False)
        self._enable()
        self.session.write(job, self._destroyed, self._failed)

    def _destroyed(self, result: Any) -> None:
        self.progress.stop()
        self.outcome = result
        removed = len(result.backups.removed)
        self.message.show_note(self.tr(
            "Destroyed: %1. The casebook's own backups were remade (%2 destroyed).")
            .replace("%1", ", ".join(result.references)).replace(
            "%2", self.tr("1 older one") if removed == 1 else self.tr(
                "%1 older ones").replace("%1", str(removed))))
        if result.backups.external:
            self.backups.setVisible(True)
            self.backups.addItem(self.tr(
                "These backups were made elsewhere before the destruction and still hold the "
                "destroyed identities until they are destroyed:"))
            for copy in result.backups.external:
                self.backups.addItem(f"{copy.made[:16].replace('T', ' ')}  {copy.path}")
        self.certificate_button.setVisible(True)
        self._enable()
        self.passphrase.clear()
        self.settle()  # done: closing now loses nothing
        self.destroyed.emit(result)

    def _failed(self, message: str) -> None:
        self.progress.stop()
        self.message.show_problem(message)
        self._enable()

    def _ask_certificate(self) -> None:
        suggested = default_folder() / f"destruction-certificate-{date.today()}.pdf"
        path = ask_save_file(self, self.tr("Save the destruction certificate"), suggested,
                             self.tr("PDF documents (*.pdf)"))
        if path is not None:
            remember_folder(path)
            self.save_certificate(path)

    def save_certificate(self, path: Path) -> None:
        result = self.outcome
        if result is None:
            return
        today = self.session.today()

        def job(state: WorkerState) -> str:
            return str(retention.certificate(state.require_book(), list(result.references),
                                             path, today=today))

        self.session.write(job, lambda saved: self.message.show_note(
            self.tr("Certificate saved to %1.").replace("%1", str(saved))),
            self.message.show_problem)

    def forget(self) -> None:
        self.passphrase.clear()
        self.done(0)

"""Subject access: a PDF of what the casebook holds about a person, to review before
release. For the person who raised a concern (a reveal, with its reason), or for someone
named in concerns (their raisers withheld). Built and saved on the worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.store.errors import CasebookError
from app.ui.base.form_feedback import FieldMessage, ask_save_file
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.reports.files import default_folder, remember_folder
from app.ui.session import Session

if TYPE_CHECKING:
    from app.services.subject_access import SubjectAccessResult


class SubjectAccessPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved: Path | None = None
        intro = QLabel(self.tr(
            "A subject access request gets everything the casebook holds about the person, "
            "as a PDF. Review it before release: names the casebook does not hold are not "
            "masked. The PDF identifies people: keep it safe and delete it when sent."))
        intro.setWordWrap(True)
        self.raiser = QRadioButton(self.tr("The person who &raised a concern"))
        self.named = QRadioButton(self.tr("A person &named in concerns (their raisers are "
                                          "withheld)"))
        self.raiser.setChecked(True)
        self.reference = QLineEdit()
        self.reference.setAccessibleName(self.tr("Reference of their concern"))
        self.reference.setPlaceholderText(self.tr("e.g. WB-2025-0001 (for a named person: "
                                                  "blank searches every concern)"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("The named person's full name"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the request"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password for the PDF (optional)"))
        self.password.setPlaceholderText(self.tr("optional, at least 8 characters"))
        form = QFormLayout()
        form.addRow(self.raiser)
        form.addRow(self.named)
        form.addRow(self.tr("Re&ference:"), self.reference)
        form.addRow(self.tr("Na&me:"), self.name)
        form.addRow(self.tr("Rea&son:"), self.reason)
        form.addRow(self.tr("&Password:"), self.password)
        self.save_button = QPushButton(self.tr("&Save the PDF…"))
        self.save_button.setAccessibleName(self.tr("Save the subject access PDF"))
        self.save_button.clicked.connect(self._ask_and_save)
        self.progress = WorkProgress()
        self.message = FieldMessage(self.tr("About the request"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for edit in (self.reference, self.name, self.reason):
            edit.textChanged.connect(lambda _t: self._enable())
        self.named.toggled.connect(lambda _on: self._enable())
        self._enable()

    def _enable(self) -> None:
        named = self.named.isChecked()
        self.name.setEnabled(named)
        ready = bool(self.reason.text().strip()) and (
            bool(self.name.text().strip()) if named else bool(self.reference.text().strip()))
        self.save_button.setEnabled(ready and not self.progress.busy)

    def _ask_and_save(self) -> None:
        path = ask_save_file(self, self.tr("Save the subject access PDF"),
                             default_folder() / "subject-access.pdf",
                             self.tr("PDF documents (*.pdf)"))
        if path is not None:
            remember_folder(path)
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        named, name, reason = self.named.isChecked(), self.name.text(), self.reason.text()
        references = self.reference.text().split()
        password = self.password.text() or None
        today = self.session.today()

        def job(state: WorkerState) -> SubjectAccessResult:
            from app.services import subject_access  # loads reportlab, on the worker

            book = state.require_book()
            if named:
                return subject_access.for_named(book, name, references, path, reason,
                                                password=password, today=today)
            if len(references) != 1:
                raise CasebookError("Give the one reference of the concern they raised.")
            return subject_access.for_raiser(book, references[0], path, reason,
                                             password=password, today=today)

        self.password.clear()
        self.message.show_note(None)
        self.progress.start(self.tr("Making the PDF…"), WorkTicket(), cancellable=False)
        self._enable()
        self.session.write(job, self._saved, self._failed)

    def _saved(self, result: Any) -> None:
        self.progress.stop()
        self.saved = result.path
        covered = ", ".join(result.references) or self.tr("none mention them")
        self.message.show_note(self.tr("Saved to %1 (%2). Review it before release.").replace(
            "%1", str(result.path)).replace("%2", covered))
        self._enable()

    def _failed(self, message: str) -> None:
        self.progress.stop()
        self.message.show_problem(message)
        self._enable()

    def forget(self) -> None:
        for edit in (self.reference, self.name, self.reason, self.password):
            edit.clear()
        self.saved = None
        self.message.show_note(None)
        self.progress.stop()

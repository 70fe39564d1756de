"""Receive concerns: open a package, see who sent it (a trusted colleague, by fingerprint) and
what arrives, then import all of it or none. Reading and importing run on the worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import handover
from app.ui.base.form_feedback import FieldMessage
from app.ui.base.formatting import day_text, ended_label
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.handover.table_rows import fill, text_table
from app.ui.reports.files import default_folder, remember_folder
from app.ui.session import Session


class ImportPanel(QWidget):
    imported = Signal(object)  # the ImportResult

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.read: handover.ReadPackage | None = None
        intro = QLabel(self.tr(
            "A package is accepted only from a colleague you trust, and only when it was made "
            "for this casebook. Nothing arrives until you import it, and then all of it."))
        intro.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open a package…"))
        self.open_button.setAccessibleName(self.tr("Open a handover package"))
        self.open_button.clicked.connect(self._ask_and_open)
        self.sent_by = QLabel()
        self.sent_by.setWordWrap(True)
        self.sent_by.setAccessibleName(self.tr("Who sent the package"))
        self.table = text_table(self.tr("What arrives"), [
            self.tr("Reference"), self.tr("Received"), self.tr("Status"),
            self.tr("Conversations"), self.tr("Identity")])
        self.import_button = QPushButton(self.tr("&Import all of it"))
        self.import_button.setAccessibleName(self.tr("Import everything in the package"))
        self.import_button.clicked.connect(self.import_package)
        self.progress = WorkProgress()
        self.message = FieldMessage(self.tr("About the package"))
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.sent_by)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self._enable()

    def _enable(self) -> None:
        self.import_button.setEnabled(self.read is not None and not self.progress.busy)
        self.open_button.setEnabled(not self.progress.busy)

    def _ask_and_open(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a handover package"),
                                                str(default_folder()),
                                                self.tr("Handover packages (*.age);;All files "
                                                        "(*)"))
        if chosen:
            remember_folder(Path(chosen))
            self.open_package(Path(chosen))

    def open_package(self, path: Path) -> None:
        today = self.session.today()

        def job(state: WorkerState) -> handover.ReadPackage:
            return handover.read_package(state.require_book(), path, today=today)

        self.read = None
        self.table.setRowCount(0)
        self.sent_by.clear()
        self.message.show_note(None)
        self._enable()
        self.session.read(job, self._opened, self._failed)

    def _opened(self, read: Any) -> None:
        self.read = read
        self.sent_by.setText(self.tr("From %1 (fingerprint %2), handed over on %3: %4").replace(
            "%1", read.sender.name).replace("%2", read.sender.fingerprint).replace(
            "%3", day_text(read.handed_on)).replace("%4", read.reason))
        words = {"sent": self.tr("with the identity"),
                 "withheld": self.tr("without (no consent covered you)"),
                 "none": self.tr("none (anonymous or unnamed)")}
        fill(self.table, [[c.reference + (self.tr(" (coming back)") if c.takes_back else ""),
                           day_text(c.received_on), ended_label(c.closure),
                           str(c.conversations),
                           words[c.identity]] for c in read.concerns])
        self._enable()

    def import_package(self) -> None:
        read = self.read
        if read is None:
            return

        def job(state: WorkerState) -> handover.ImportResult:
            return handover.import_package(state.require_book(), read)

        self.progress.start(self.tr("Importing…"), WorkTicket(), cancellable=False)
        self._enable()
        self.session.write(job, self._imported, self._failed)

    def _imported(self, result: Any) -> None:
        self.progress.stop()
        self.read = None
        count = len(result.references)
        self.message.show_note(self.tr("Imported %1, %2 with the identity. The handover is "
                                       "recorded in the audit log.").replace(
            "%1", self.tr("1 concern") if count == 1 else self.tr("%1 concerns").replace(
                "%1", str(count))).replace("%2", str(result.identities)))
        self._enable()
        self.imported.emit(result)

    def _failed(self, message: str) -> None:
        self.progress.stop()
        self.message.show_problem(message)
        self._enable()

    def forget(self) -> None:
        self.read = None
        self.table.setRowCount(0)
        self.sent_by.clear()
        self.message.show_note(None)
        self.progress.stop()
        self._enable()

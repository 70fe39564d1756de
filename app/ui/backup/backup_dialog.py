"""Back up now: an encrypted, verified copy, into the casebook's own backups folder or a
folder the contact chooses (a USB stick, a network share). Runs on the worker thread
with progress and Cancel; a cancelled backup leaves nothing behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.backup import make_backup
from app.ui.base.form_feedback import AsksBeforeClosing, FieldMessage, plain_buttons
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class BackupDialog(AsksBeforeClosing, QDialog):
    lock_requested = Signal()
    saved = Signal(Path)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back up the casebook"))
        self.session = session
        intro = QLabel(self.tr(
            "A backup is an encrypted copy of the whole casebook, checked after it is "
            "written. It opens with the passphrase or the recovery key, on this laptop or "
            "another one."))
        intro.setWordWrap(True)
        self.own = QRadioButton(self.tr("In the casebook's own &backups folder (the last 10 "
                                        "are kept)"))
        self.own.setAccessibleName(self.tr("Back up into the casebook's own folder"))
        self.elsewhere = QRadioButton(self.tr("In &another folder (a USB stick or a network "
                                              "share):"))
        self.elsewhere.setAccessibleName(self.tr("Back up into another folder"))
        self.own.setChecked(True)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder for the backup"))
        self.choose = QPushButton(self.tr("&Choose…"))
        self.choose.setAccessibleName(self.tr("Choose the folder for the backup"))
        self.choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.message = FieldMessage(self.tr("Backup message"))
        self.progress = WorkProgress()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Close)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Back &up now"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.own, self.elsewhere):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for widget in (self.own, self.elsewhere):
            widget.toggled.connect(self._validate)
        self.folder.textChanged.connect(self._validate)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._validate()
        plain_buttons(self)
        self.settle()

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the backup"))
        if chosen:
            self.folder.setText(chosen)
            self.elsewhere.setChecked(True)

    def target(self) -> Path | None:
        return Path(self.folder.text().strip()) if self.elsewhere.isChecked() else None

    def _validate(self) -> None:
        needs_folder = self.elsewhere.isChecked()
        self.folder.setEnabled(needs_folder)
        self.choose.setEnabled(needs_folder)
        missing = needs_folder and not self.folder.text().strip()
        self.start_button.setEnabled(not missing and not self.progress.busy)

    def start(self) -> None:
        to = self.target()
        ticket = WorkTicket()

        def job(state: WorkerState) -> tuple[str, int]:
            result = make_backup(state.require_book(), to, on_progress=ticket.progress_or_stop)
            return str(result.path), result.concerns

        self.message.show_problem(None)
        self.progress.start(self.tr("Backing up and checking the copy…"), ticket)
        self._validate()
        self.session.read(job, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self.progress.stop()
        path, concerns = result
        self.message.show_note(self.tr("Backup written and checked ({n} concerns): "
                                       "{path}").format(n=concerns, path=path))
        self._validate()
        self.settle()  # written: closing now loses nothing
        self.saved.emit(Path(path))

    def _failed(self, message: str) -> None:
        self.progress.stop()
        self.message.show_problem(message)
        self._validate()

    def forget(self) -> None:
        """On lock: stop any backup (its half-written copy is removed) and close."""
        if self.progress.ticket is not None:
            self.progress.ticket.cancel()
        self.progress.stop()
        self.message.show_problem(None)
        self.done(0)

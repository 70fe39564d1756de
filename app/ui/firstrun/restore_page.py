"""Restore a casebook from a backup into a new or empty folder, then unlock it.

Both folders are checked on the worker thread a moment after they change (a
backup may sit on a slow USB stick or network share): the backup must have an
intact manifest, the target must be new or empty and not the backup itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.restore import RestoreCheck, check_restore, restore_backup
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    ask_folder,
    field_with_message,
    heading_font,
)
from app.ui.base.messages import shown
from app.ui.base.worker import CasebookWorker, WorkerState


class RestorePage(QWidget):
    restored = Signal(Path)
    back_requested = Signal()

    def __init__(self, worker: CasebookWorker, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreCasebook")
        self._worker = worker
        self.ask_folder: Callable[[str, Path], Path | None] = lambda title, start: ask_folder(
            self, title, start)
        self._check: RestoreCheck | None = None

        title = QLabel(self.tr("Restore a casebook from a backup"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "Choose a backup folder (from the casebook's backups, a USB stick or a network "
            "drive) and a new or empty folder on this computer. After restoring, unlock the "
            "casebook with its passphrase."))
        intro.setWordWrap(True)

        self.backup_field = QLineEdit()
        self.backup_field.setAccessibleName(self.tr("Backup folder"))
        self.backup_field.setPlaceholderText(self.tr("a folder named casebook-backup-…"))
        self.choose_backup = QPushButton(self.tr("Choose &backup…"))
        self.choose_backup.setAccessibleName(self.tr("Choose the backup folder"))
        self.choose_backup.clicked.connect(self._choose_backup)
        self.backup_message = FieldMessage(self.tr("Backup folder message"))

        self.target_field = QLineEdit(str(folder))
        self.target_field.setAccessibleName(self.tr("Restore into folder"))
        self.choose_target = QPushButton(self.tr("Choose &folder…"))
        self.choose_target.setAccessibleName(self.tr("Choose the folder to restore into"))
        self.choose_target.clicked.connect(self._choose_target)
        self.target_message = FieldMessage(self.tr("Restore into folder problem"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, button, message in (
                (self.tr("Ba&ckup:"), self.backup_field, self.choose_backup,
                 self.backup_message),
                (self.tr("Restore &into:"), self.target_field, self.choose_target,
                 self.target_message)):
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(field, 1)
            row_layout.addWidget(button)
            row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field_with_message(row, message))

        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Restore message"))
        self.back = QPushButton(self.tr("&Back"))
        self.back.setAccessibleName(self.tr("Back to the first-run choices"))
        self.back.clicked.connect(self.back_requested.emit)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setAccessibleName(self.tr("Restore the casebook"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.check)
        for field in (self.backup_field, self.target_field):
            field.textChanged.connect(self._changed)
        for first, second in ((self.backup_field, self.choose_backup),
                              (self.choose_backup, self.target_field),
                              (self.target_field, self.choose_target),
                              (self.choose_target, self.back),
                              (self.back, self.restore_button)):
            self.setTabOrder(first, second)
        self._update_button()

    # ----- choosing and checking ---------------------------------------------------------

    def _choose_backup(self) -> None:
        start = Path(self.backup_field.text() or Path.home())
        chosen = self.ask_folder(self.tr("Choose the backup folder"), start)
        if chosen is not None:
            self.backup_field.setText(str(chosen))

    def _choose_target(self) -> None:
        start = Path(self.target_field.text() or Path.home())
        chosen = self.ask_folder(self.tr("Choose a new or empty folder"), start)
        if chosen is not None:
            self.target_field.setText(str(chosen))

    def _changed(self) -> None:
        self._check = None
        self._update_button()
        self._timer.start()

    def check(self) -> None:
        backup_text, target_text = self.backup_field.text(), self.target_field.text()
        self._worker.submit(lambda _state: check_restore(backup_text, target_text),
                            self._checked, self._failed)

    def _checked(self, result: Any) -> None:
        if not isinstance(result, RestoreCheck):
            return
        if (result.backup, result.target) != (self.backup_field.text(),
                                              self.target_field.text()):
            return  # the folders changed since: a newer check is on its way
        self._check = result
        if self.backup_field.text().strip() or result.backup_problem is None:
            if result.backup_problem:
                self.backup_message.show_problem(shown(result.backup_problem))
            else:
                self.backup_message.show_note(shown(result.backup_summary or ""))
        else:
            self.backup_message.show_problem(None)
        self.target_message.show_problem(
            shown(result.target_problem) if result.target_problem else None)
        self._update_button()

    def _update_button(self) -> None:
        ok = (self._check is not None and not self._check.backup_problem
              and not self._check.target_problem)
        self.restore_button.setEnabled(ok and not self.busy.busy)

    # ----- restoring ---------------------------------------------------------------------

    def restore(self) -> None:
        check = self._check
        if check is None or check.backup_problem or check.target_problem or self.busy.busy:
            return
        entry = Path(check.backup).expanduser()
        target = Path(check.target).expanduser()

        def job(state: WorkerState) -> Path:
            state.close()
            return restore_backup(entry, target)

        self._set_busy(True)
        self.message.show_problem(None)
        self._worker.submit(job, self._restored, self._failed)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.start(self.tr("Restoring the casebook…"))
        else:
            self.busy.stop()
        for widget in (self.backup_field, self.choose_backup, self.target_field,
                       self.choose_target, self.back):
            widget.setEnabled(not busy)
        self._update_button()

    def _restored(self, target: Any) -> None:
        self._set_busy(False)
        self.message.show_note(self.tr("Restored into {folder}.").format(folder=target))
        self.restored.emit(Path(target))

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.message.show_problem(self.tr("Nothing was restored: {message}").format(
            message=message))

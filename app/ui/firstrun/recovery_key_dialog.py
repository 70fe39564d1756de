"""The recovery key, shown once after a casebook is created, with a printable sheet.

The shared dialog (app.ui.base.keep_recovery_key_dialog) cannot be dismissed
(Escape, the window's close button) until the user ticks "I have stored the
recovery key safely": after it closes, the key is never shown again. This one
adds the sheet: a PDF from app.documents.recovery_sheet, made on the worker
thread; where that module is not installed the action is disabled and says so.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.store.atomic import write_atomic
from app.ui.base.form_feedback import BusyIndicator, FieldMessage, ask_save_file, fit_height
from app.ui.base.keep_recovery_key_dialog import KeepRecoveryKeyDialog, RecoveryKeyWording
from app.ui.base.worker import CasebookWorker, WorkerState

SheetRenderer = Callable[[str, str, str, str], bytes]


def find_sheet_renderer() -> SheetRenderer | None:
    """render_recovery_sheet(recovery_key, organisation, unit, casebook_id) -> PDF bytes."""
    try:
        module = importlib.import_module("app.documents.recovery_sheet")
    except ImportError:
        return None
    renderer = getattr(module, "render_recovery_sheet", None)
    return renderer if callable(renderer) else None


@dataclass(frozen=True)
class NewCasebook:
    """What the creation job hands back: enough to show the key and print the sheet."""

    folder: Path
    recovery_key: str
    organisation: str
    unit: str
    casebook_id: str


class RecoveryKeyDialog(KeepRecoveryKeyDialog):
    def __init__(self, created: NewCasebook, worker: CasebookWorker,
                 parent: QWidget | None = None,
                 renderer: SheetRenderer | None = None) -> None:
        super().__init__(created.recovery_key, RecoveryKeyWording(
            window_title=self.tr("Your recovery key"),
            title=self.tr("Write down or print your recovery key"),
            explain=self.tr(
                "This is the only time Casebook shows this key. If the passphrase is forgotten, "
                "the recovery key is the only way back into the casebook, and anyone who has it "
                "can open the casebook. Keep it locked away, apart from this computer."),
            continue_name=self.tr("Continue to unlock the casebook")), parent)
        self._created = created
        self._worker = worker
        self._renderer = renderer if renderer is not None else find_sheet_renderer()
        self.ask_save_path: Callable[[Path], Path | None] = lambda suggested: ask_save_file(
            self, self.tr("Save the recovery sheet"), suggested, self.tr("PDF (*.pdf)"))

        self.print_button = QPushButton(self.tr("&Print recovery sheet…"))
        self.print_button.setAccessibleName(self.tr("Print recovery sheet"))
        self.print_button.clicked.connect(self._print_sheet)
        if self._renderer is None:
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(self.tr(
                "The recovery sheet is not available in this version of Casebook; "
                "write the key down by hand."))
        else:
            self.print_button.setToolTip(self.tr(
                "Saves a PDF to print; delete the file once it is printed."))
        self.print_message = FieldMessage(self.tr("Recovery sheet message"))
        self.busy = BusyIndicator()
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        self.lay_out([print_row, self.busy], self.print_message, [self.print_button])

    # ----- the sheet ---------------------------------------------------------------------

    def _print_sheet(self) -> None:
        renderer = self._renderer
        if renderer is None:
            return
        suggested = Path.home() / self.tr("Casebook recovery sheet.pdf")
        target = self.ask_save_path(suggested)
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        created = self._created

        def job(_state: WorkerState) -> Path:
            pdf = renderer(created.recovery_key, created.organisation, created.unit,
                           created.casebook_id)
            write_atomic(target, pdf)
            return target

        self.print_button.setEnabled(False)
        self.print_message.show_note("")
        self.busy.start(self.tr("Making the recovery sheet…"))
        self._worker.submit(job, self._sheet_saved, self._sheet_failed)

    def _sheet_saved(self, path: Any) -> None:
        self.busy.stop()
        self.print_button.setEnabled(True)
        self.print_message.show_note(self.tr(
            "Saved to {path}. Print it, store the paper safely, then delete the file.").format(
            path=path))
        fit_height(self)

    def _sheet_failed(self, message: str) -> None:
        self.busy.stop()
        self.print_button.setEnabled(True)
        self.print_message.show_problem(self.tr("The sheet was not saved: {message}").format(
            message=message))
        fit_height(self)

    def forget(self) -> None:
        """Drop the key from the widgets once the dialog is done."""
        super().forget()
        self._created = NewCasebook(self._created.folder, "", "", "", "")

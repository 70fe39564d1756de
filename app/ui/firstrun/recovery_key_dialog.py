"""The recovery key, shown once after a casebook is created, with a printable sheet.

The dialog cannot be dismissed (Escape, the window's close button) until the user
ticks "I have stored the recovery key safely": after it closes, the key is never
shown again. The sheet is a PDF from app.documents.recovery_sheet, made on the
worker thread; where that module is not installed the action is disabled and
says so.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.atomic import write_atomic
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    ask_save_file,
    fit_height,
    heading_font,
    monospace_font,
    plain_buttons,
    text_width,
)
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


def key_in_lines(recovery_key: str, per_line: int = 3) -> str:
    """Nine groups of four as three lines of three: easy to copy out by hand."""
    groups = recovery_key.split("-")
    return "\n".join("-".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


@dataclass(frozen=True)
class NewCasebook:
    """What the creation job hands back: enough to show the key and print the sheet."""

    folder: Path
    recovery_key: str
    organisation: str
    unit: str
    casebook_id: str


class RecoveryKeyDialog(QDialog):
    def __init__(self, created: NewCasebook, worker: CasebookWorker,
                 parent: QWidget | None = None,
                 renderer: SheetRenderer | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setModal(True)
        self._created = created
        self._worker = worker
        self._renderer = renderer if renderer is not None else find_sheet_renderer()
        self.ask_save_path: Callable[[Path], Path | None] = lambda suggested: ask_save_file(
            self, self.tr("Save the recovery sheet"), suggested, self.tr("PDF (*.pdf)"))

        title = QLabel(self.tr("Write down or print your recovery key"))
        title.setFont(heading_font(self, 1.3))
        title.setWordWrap(True)
        explain = QLabel(self.tr(
            "This is the only time Casebook shows this key. If the passphrase is forgotten, "
            "the recovery key is the only way back into the casebook, and anyone who has it "
            "can open the casebook. Keep it locked away, apart from this computer."))
        explain.setWordWrap(True)

        self.key = QLabel(key_in_lines(created.recovery_key))
        self.key.setObjectName("recoveryKey")
        self.key.setFont(monospace_font(1.6))
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setAccessibleDescription(" ".join(created.recovery_key))
        self.key.setFrameShape(QLabel.Shape.StyledPanel)
        self.key.setMargin(12)

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

        self.stored = QCheckBox(self.tr("&I have stored the recovery key safely"))
        self.stored.setAccessibleName(self.tr("I have stored the recovery key safely"))
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue to unlock the casebook"))
        self.continue_button.setEnabled(False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.stored, 1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.key)
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        layout.addLayout(print_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.print_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.key, self.print_button)
        self.setTabOrder(self.print_button, self.stored)
        self.setTabOrder(self.stored, self.continue_button)
        self.key.setFocus()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.setMinimumWidth(text_width(self, 80))
        plain_buttons(self, self.continue_button)

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

    # ----- closing only once stored ------------------------------------------------------

    def reject(self) -> None:
        if self.stored.isChecked():
            super().reject()
        else:
            self.print_message.show_problem(self.tr(
                "Store the key first, then tick the box: it will not be shown again."))
            fit_height(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.stored.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()

    def forget(self) -> None:
        """Drop the key from the widgets once the dialog is done."""
        self.key.clear()
        self.key.setAccessibleDescription("")
        self._created = NewCasebook(self._created.folder, "", "", "", "")

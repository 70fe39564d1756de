"""Saving one of the board's reports as a PDF or a CSV, for the pages that show them.

This piece holds the page's Save PDF and Save CSV buttons, its busy line and its
message. The page asks where (its `ask_save_path`, replaceable in tests) and says
what to write; this piece adds the file's ending, writes on the worker (the PDF is
made there too), keeps the page's buttons off and its busy line on meanwhile, and
says where the file went or why it was not saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from app.store.board import Board
from app.ui.base.form_feedback import BusyIndicator, FieldMessage
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession


class ReportSaver(QObject):
    def __init__(self, page: QWidget, session: BoardSession, save: Callable[[str], None],
                 set_enabled: Callable[[bool], None], dialog_title: str, message_name: str,
                 csv_name: str) -> None:
        super().__init__(page)
        self._page = page
        self._session = session
        self._set_enabled = set_enabled
        self._dialog_title = dialog_title
        self.busy = self._busy = BusyIndicator()
        self.message = self._message = FieldMessage(message_name)
        self.save_pdf = QPushButton(self.tr("Save P&DF…"))
        self.save_pdf.setAccessibleName(self.tr("Save the report as PDF"))
        self.save_pdf.clicked.connect(lambda: save("pdf"))
        self.save_csv = QPushButton(self.tr("Save C&SV…"))
        self.save_csv.setAccessibleName(csv_name)
        self.save_csv.clicked.connect(lambda: save("csv"))

    def button_row(self) -> QHBoxLayout:
        """The busy line, then the two buttons at the right."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_pdf)
        buttons.addWidget(self.save_csv)
        return buttons

    def ask_path(self, suggested: Path, kind: str) -> Path | None:
        """The system's save dialog, for a PDF or a CSV; None when cancelled."""
        filters = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("CSV (*.csv)")
        chosen, _ = QFileDialog.getSaveFileName(self._page, self._dialog_title,
                                                str(suggested), filters)
        return Path(chosen) if chosen else None

    def save(self, out: Path, kind: str, write: Callable[[Board, Path], object]) -> None:
        """Write the report to `out` (given its ending if it lacks it) on the worker."""
        if out.suffix.lower() != f".{kind}":
            out = out.with_name(out.name + f".{kind}")

        def job(state: WorkerState) -> Path:
            write(BoardSession.board(state), out)
            return out

        self._busy.start(self.tr("Making the PDF…") if kind == "pdf"
                         else self.tr("Writing the CSV…"))
        self._message.show_note(None)
        self._set_enabled(False)
        self._session.read(job, self._saved, self._failed)

    def _saved(self, out: Any) -> None:
        self._busy.stop()
        self._set_enabled(True)
        self._message.show_note(self.tr("Saved to {out}.").format(out=out))

    def _failed(self, message: str) -> None:
        self._busy.stop()
        self._set_enabled(True)
        self._message.show_problem(self.tr("The report was not saved: {message}").format(
            message=message))

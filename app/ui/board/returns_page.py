"""Returns: import return files (chosen, or dropped on the page) and see what each came to.

Each file is checked and kept by app.returns.board_import.import_files, one
transaction each, on the worker; a refused file does not stop the others. Every
file's outcome is listed as it is known: imported, replaced an older return,
already held, or refused with its reason. The returns held are listed below.
Importing many files can be stopped between files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.periods import parse_period
from app.returns.board_import import ImportResult, import_files
from app.store.board import Board
from app.store.errors import CasebookError, ReturnRejected
from app.ui.base.form_feedback import BusyIndicator, FieldMessage, heading_font
from app.ui.base.formatting import period_text
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession
from app.ui.board.display import format_moment

IMPORTED, REPLACED, UNCHANGED, REFUSED = "imported", "replaced", "unchanged", "refused"


@dataclass(frozen=True)
class FileResult:
    """What became of one file: an outcome, who and what it was, and why if refused."""

    path: str
    outcome: str  # imported | replaced | unchanged | refused
    unit: str = ""
    period: str = ""
    created_at: str = ""
    replaced_created_at: str = ""
    reason: str = ""  # ReturnRejected's code, when refused
    message: str = ""  # the refusal, in the import's own words


# The import's sentences name the command line; in the window the same step is a button.
_GUI_WORDING = (("register the unit's key with `casebook board register` first",
                 "register the unit's key under Units first"),)


def _words(label: str) -> str:
    """A return's period in words ("April to June 2025 (Q1 2025-26)"), not its code."""
    try:
        return period_text(parse_period(label))
    except ValueError:
        return label


def gui_wording(message: str) -> str:
    for cli, gui in _GUI_WORDING:
        message = message.replace(cli, gui)
    return message


def file_result(path: Path, outcome: ImportResult | CasebookError) -> FileResult:
    if isinstance(outcome, ImportResult):
        return FileResult(str(path), outcome.outcome, outcome.unit, outcome.period,
                          outcome.created_at, outcome.replaced_created_at or "")
    reason = outcome.reason if isinstance(outcome, ReturnRejected) else "unreadable"
    return FileResult(str(path), REFUSED, reason=reason, message=gui_wording(str(outcome)))


@dataclass(frozen=True)
class HeldRow:
    unit: str
    period: str
    created_at: str
    imported_at: str


def held_returns(board: Board) -> tuple[HeldRow, ...]:
    return tuple(HeldRow(r.unit, r.period, r.created_at, r.imported_at)
                 for r in board.returns())


class _Progress(QObject):
    """Carries each file's result from the worker to the window as it is known."""

    result = Signal(object)


def local_files(urls: Iterable[Any]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


class ReturnsPage(QWidget):
    imported = Signal(int)  # how many files were imported or replaced, after a batch

    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardReturns")
        self.session = session
        self.results: list[FileResult] = []
        self._cancel: threading.Event | None = None
        self._progress = _Progress(self)
        self._progress_handler: Callable[[Any], None] | None = None
        self._progress.result.connect(self._on_progress)
        self.ask_files: Callable[[], list[Path]] = self._ask_files
        self.setAcceptDrops(True)

        title = QLabel(self.tr("Returns"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "Import the return files units send you. Each is decrypted, its signature "
            "checked against the unit's registered key, and kept; a newer return for the same "
            "unit and period replaces the older one."))
        intro.setWordWrap(True)

        self.drop_zone = QLabel(self.tr("Drop return files anywhere on this page, or choose "
                                        "them."))
        self.drop_zone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_zone.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_zone.setFrameShadow(QFrame.Shadow.Sunken)
        self.drop_zone.setMinimumHeight(self.fontMetrics().height() * 4)
        self.drop_zone.setWordWrap(True)
        self.drop_zone.setAccessibleName(self.tr("Drop return files here"))
        self.choose_button = QPushButton(self.tr("&Choose return files…"))
        self.choose_button.setAccessibleName(self.tr("Choose return files to import"))
        self.choose_button.clicked.connect(self.choose_files)
        self.stop_button = QPushButton(self.tr("&Stop importing"))
        self.stop_button.setAccessibleName(self.tr("Stop importing after the current file"))
        self.stop_button.clicked.connect(self.stop_importing)
        self.stop_button.setVisible(False)
        self.clear_button = QPushButton(self.tr("C&lear list"))
        self.clear_button.setAccessibleName(self.tr("Clear the list of files imported"))
        self.clear_button.clicked.connect(self.clear_results)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)

        self.busy = BusyIndicator()
        self.summary = FieldMessage(self.tr("Import summary"))
        self.table = self._table(self.tr("Files imported"),
                                 [self.tr("File"), self.tr("Result"), self.tr("Details")])
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        held_title = QLabel(self.tr("Returns &held"))
        self.held = self._table(self.tr("Returns held"),
                                [self.tr("Unit"), self.tr("Period"), self.tr("Made"),
                                 self.tr("Imported")])
        self.held.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        held_title.setBuddy(self.held)
        files_title = QLabel(self.tr("&Files imported"))
        files_title.setBuddy(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.drop_zone)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(files_title)
        layout.addWidget(self.table, 2)
        layout.addWidget(held_title)
        layout.addWidget(self.held, 1)
        order = (self.choose_button, self.stop_button, self.clear_button, self.table,
                 self.held)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._set_enabled(False)

    def _table(self, name: str, headings: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headings))
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(headings)
        table.verticalHeader().hide()
        table.setCornerButtonEnabled(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(self.fontMetrics().height() * 6)
        return table

    def _set_enabled(self, enabled: bool) -> None:
        self.choose_button.setEnabled(enabled and self._cancel is None)
        self.clear_button.setEnabled(enabled and bool(self.results) and self._cancel is None)
        self.setAcceptDrops(enabled)

    # ----- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        self._set_enabled(True)
        self.session.read(lambda state: held_returns(BoardSession.board(state)),
                          self._show_held)

    def _show_held(self, rows: Any) -> None:
        self.held.setRowCount(len(rows))
        for row, held in enumerate(rows):
            for column, text in enumerate((held.unit, _words(held.period),
                                           format_moment(held.created_at),
                                           format_moment(held.imported_at))):
                self.held.setItem(row, column, QTableWidgetItem(text))
        self.held.resizeRowsToContents()

    # ----- choosing and dropping files ---------------------------------------------------

    def _ask_files(self) -> list[Path]:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose return files to import"), str(Path.home()),
            self.tr("Returns (*.age *.return);;All files (*)"))
        return [Path(name) for name in chosen]

    def choose_files(self) -> None:
        if self._cancel is not None:
            return
        paths = self.ask_files()
        if paths and self.choose_button.isEnabled():  # not locked while the dialog was open
            self.import_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._cancel is None and local_files(event.mimeData().urls()):
            event.acceptProposedAction()
            self.drop_zone.setText(self.tr("Release to import these files."))
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._cancel is None and local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802
        self._reset_drop_text()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = local_files(event.mimeData().urls())
        self._reset_drop_text()
        if not paths or self._cancel is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    def _reset_drop_text(self) -> None:
        self.drop_zone.setText(self.tr("Drop return files anywhere on this page, or choose "
                                       "them."))

    # ----- importing ---------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import each file on the worker; results are listed one by one as they come."""
        if self._cancel is not None or not paths:
            return
        cancel = threading.Event()
        self._cancel = cancel
        progress = self._progress
        total = len(paths)
        self._progress_handler = self.session.current(self._add_result)

        def wanted() -> Iterator[Path]:
            for path in paths:
                if cancel.is_set():
                    return
                yield path

        def job(state: WorkerState) -> int:
            board = BoardSession.board(state)
            done = import_files(board, wanted(),
                                lambda path, outcome: progress.result.emit(
                                    file_result(path, outcome)))
            return len(done)

        self.busy.start(self.tr("Importing 1 file…") if total == 1 else
                        self.tr("Importing {total} files…").format(total=total))
        self.summary.show_note(None)
        self.stop_button.setVisible(total > 1)
        self.stop_button.setEnabled(True)
        self._set_enabled(True)
        self.session.read(job, lambda count: self._finished(count, total),
                          lambda message: self._failed(message))

    def _on_progress(self, result: Any) -> None:
        handler = self._progress_handler
        if handler is not None:
            handler(result)

    def _add_result(self, result: Any) -> None:
        if not isinstance(result, FileResult):
            return
        self.results.append(result)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(Path(result.path).name)
        name.setToolTip(result.path)
        outcome = QTableWidgetItem(self.outcome_text(result))
        if result.outcome == REFUSED:
            font = outcome.font()
            font.setBold(True)
            outcome.setFont(font)
        details = QTableWidgetItem(self.details_text(result))
        for column, item in enumerate((name, outcome, details)):
            self.table.setItem(row, column, item)
        self.table.resizeRowToContents(row)
        self.table.scrollToItem(name)
        done = len(self.results)
        self.busy.label.setText(self.tr("Imported 1 file…") if done == 1 else
                                self.tr("Imported {done} files…").format(done=done))

    def outcome_text(self, result: FileResult) -> str:
        return {IMPORTED: self.tr("Imported"), REPLACED: self.tr("Replaced an older return"),
                UNCHANGED: self.tr("Already held (unchanged)"),
                REFUSED: self.tr("Refused")}.get(result.outcome, result.outcome)

    def details_text(self, result: FileResult) -> str:
        if result.outcome == REFUSED:
            return result.message
        made = format_moment(result.created_at)
        if result.outcome == REPLACED:
            return self.tr("{unit}, {period}: made {made}; replaces the return made "
                           "{older}.").format(unit=result.unit, period=_words(result.period),
                                              made=made,
                                              older=format_moment(result.replaced_created_at))
        if result.outcome == UNCHANGED:
            return self.tr("{unit}, {period}: this return is already held; nothing "
                           "changed.").format(unit=result.unit, period=_words(result.period))
        return self.tr("{unit}, {period}: made {made}.").format(
            unit=result.unit, period=_words(result.period), made=made)

    def _finished(self, count: Any, total: int) -> None:
        self._cancel = None
        self._progress_handler = None
        self.busy.stop()
        self.stop_button.setVisible(False)
        self._set_enabled(True)
        batch = self.results[-int(count):] if count else []
        refused = sum(1 for r in batch if r.outcome == REFUSED)
        changed = sum(1 for r in batch if r.outcome in (IMPORTED, REPLACED))
        text = (self.tr("{count} of 1 file looked at: {changed} imported or replaced, "
                        "{refused} refused.") if total == 1 else self.tr(
            "{count} of {total} files looked at: {changed} imported or replaced, {refused} "
            "refused.")).format(count=count, total=total, changed=changed, refused=refused)
        if count < total:
            text += " " + self.tr("Stopped before the rest.")
        if refused:
            self.summary.show_problem(text)
        else:
            self.summary.show_note(text)
        self.session.changed.emit("returns")
        self.imported.emit(changed)

    def _failed(self, message: str) -> None:
        self._cancel = None
        self._progress_handler = None
        self.busy.stop()
        self.stop_button.setVisible(False)
        self._set_enabled(True)
        self.summary.show_problem(message)

    def stop_importing(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.stop_button.setEnabled(False)
            self.busy.label.setText(self.tr("Stopping after the current file…"))

    def clear_results(self) -> None:
        self.results.clear()
        self.table.setRowCount(0)
        self.summary.show_note(None)
        self._set_enabled(True)

    @property
    def importing(self) -> bool:
        return self._cancel is not None

    # ----- locking -----------------------------------------------------------------------

    def forget(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
        self._cancel = None
        self._progress_handler = None
        self.results.clear()
        self.table.setRowCount(0)
        self.held.setRowCount(0)
        self.busy.stop()
        self.stop_button.setVisible(False)
        self.summary.show_note(None)
        self._reset_drop_text()
        self._set_enabled(False)

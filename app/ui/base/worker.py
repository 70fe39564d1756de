"""One worker thread owns the casebook; widgets ask it and get answers as signals.

The GUI thread never waits on the database, the key derivation, a PDF or a file.
A job is a plain function of the open Casebook (or of nothing, for unlocking);
its result travels back as a frozen dataclass or plain values, never a cursor.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.core.rules import RuleError
from app.crash import report_unexpected
from app.store import database
from app.store.casebook import Casebook, damage_error
from app.store.database import DatabaseError
from app.store.errors import CasebookDamaged, CasebookError
from app.ui.base.messages import shown

if TYPE_CHECKING:
    from app.store.board import Board

Job = Callable[["WorkerState"], Any]


class WorkerState:
    """What the worker thread holds: the open casebook (or, in the board's window, the open
    board store), or None when locked."""

    def __init__(self) -> None:
        self.book: Casebook | None = None
        self.board: Board | None = None

    def require_book(self) -> Casebook:
        if self.book is None:
            raise CasebookError("The casebook is locked.")
        return self.book

    def require_board(self) -> Board:
        if self.board is None:
            raise CasebookError("The board store is locked.")
        return self.board

    def close(self) -> None:
        if self.book is not None:
            self.book.close()
            self.book = None
        if self.board is not None:
            self.board.close()
            self.board = None

    def damage_message(self, exc: Exception) -> str:
        """A database error met while working, said plainly for whichever store is open."""
        if self.book is not None:
            return str(damage_error(self.book.folder, exc))
        if self.board is not None:
            from app.store.board import BOARD_DB

            translated = database.translate(exc, self.board.folder)
            if translated is exc:
                translated = CasebookDamaged(self.board.folder / BOARD_DB, None)
            return str(translated)
        return report_unexpected(exc)


class _Runner(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.state = WorkerState()

    @Slot(int, object)
    def run(self, job_id: int, job: Job) -> None:
        try:
            result = job(self.state)
        except (CasebookError, RuleError) as exc:
            self.failed.emit(job_id, shown(str(exc)))
        except DatabaseError as exc:  # a page found damaged (or the disk full) while working
            self.failed.emit(job_id, shown(self.state.damage_message(exc)))
        except Exception as exc:  # never let a worker die with a traceback on screen
            self.failed.emit(job_id, report_unexpected(exc))
        else:
            self.finished.emit(job_id, result)


class CasebookWorker(QObject):
    """Submit jobs; each gets its own callbacks, called on the GUI thread."""

    _submit = Signal(int, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("casebook-worker")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._thread.start()

    def submit(self, job: Job, on_done: Callable[[Any], None],
               on_error: Callable[[str], None]) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self.busy_changed.emit(True)
        self._submit.emit(job_id, job)
        return job_id

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        callbacks = self._callbacks.pop(job_id, None)
        self.busy_changed.emit(bool(self._callbacks))
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        callbacks = self._callbacks.pop(job_id, None)
        self.busy_changed.emit(bool(self._callbacks))
        if callbacks is not None:
            callbacks[1](message)

    def shutdown(self) -> None:
        """Close the casebook on its own thread, then stop the thread."""
        def close_and_stop(state: WorkerState) -> None:
            state.close()
            QThread.currentThread().quit()  # only after the close has run on this thread

        self._submit.emit(0, close_and_stop)
        self._thread.wait()

"""The unlocked board store as the window sees it: the worker, today's date, change notices.

Pages never touch the store: they hand the session a job (a function of the
worker's state, which holds the open Board) and get the answer back on the GUI
thread. Locking starts a new epoch: answers to jobs asked for before the lock
are dropped, so nothing read before the lock reappears on screen after it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.store.board import Board
from app.ui.base.worker import CasebookWorker, WorkerState


class BoardSession(QObject):
    changed = Signal(str)  # what a write touched: "units", "returns", "headcounts"
    error = Signal(str)

    def __init__(self, worker: CasebookWorker, today: Callable[[], date] = date.today,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.today = today
        self.epoch = 0

    @staticmethod
    def board(state: WorkerState) -> Board:
        """Inside a job: the open board store (raises when locked)."""
        return state.require_board()

    def forget(self) -> None:
        """Answers still on their way belong to the locked session: drop them."""
        self.epoch += 1

    def current(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """`callback`, called only if the window has not locked since it was made."""
        epoch = self.epoch

        def guarded(value: Any) -> None:
            if self.epoch == epoch:
                callback(value)

        return guarded

    def read(self, job: Callable[[WorkerState], Any], on_done: Callable[[Any], None],
             on_error: Callable[[str], None] | None = None) -> None:
        self.worker.submit(job, self.current(on_done), self.current(on_error or self.error.emit))

    def write(self, job: Callable[[WorkerState], Any], on_done: Callable[[Any], None],
              on_error: Callable[[str], None] | None = None, touches: str = "") -> None:
        """Like read, and tells every page what changed once it is saved."""
        def done(result: Any) -> None:
            on_done(result)
            self.changed.emit(touches)

        self.read(job, done, on_error)

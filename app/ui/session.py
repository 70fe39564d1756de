"""The unlocked casebook as the GUI sees it: the worker, today's date, change notices.

Views never touch the database: they hand the session a job (a function of the
worker's state) and get the answer back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.ui.base.worker import CasebookWorker, WorkerState


class Session(QObject):
    changed = Signal(object)  # the concern id a write touched, or None
    error = Signal(str)

    def __init__(self, worker: CasebookWorker, today: Callable[[], date] = date.today,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.today = today

    def service(self, state: WorkerState) -> ConcernService:
        """Inside a job: the concern service over the open casebook."""
        return ConcernService(state.require_book(), today=self.today)

    @staticmethod
    def book(state: WorkerState) -> Casebook:
        return state.require_book()

    def read(self, job: Callable[[WorkerState], Any], on_done: Callable[[Any], None],
             on_error: Callable[[str], None] | None = None) -> None:
        self.worker.submit(job, on_done, on_error or self.error.emit)

    def write(self, job: Callable[[WorkerState], Any], on_done: Callable[[Any], None],
              on_error: Callable[[str], None] | None = None, concern_id: int | None = None
              ) -> None:
        """Like read, and tells every view that something changed once it is saved."""
        def done(result: Any) -> None:
            on_done(result)
            self.changed.emit(concern_id)

        self.worker.submit(job, done, on_error or self.error.emit)

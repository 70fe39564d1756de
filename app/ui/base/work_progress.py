"""Long work on the worker thread: how far it has gone, and a way to ask it to stop.

A WorkTicket goes with the job. The job passes `ticket.progress` (or
`ticket.progress_or_stop`) as the plain `on_progress(done, total)` callback the
core expects and `ticket.cancelled` where the core polls for a cancel. Nothing
of Qt crosses the thread: the ticket holds two numbers and a threading.Event,
and WorkProgress reads it on a timer on the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.store.errors import CasebookError

_POLL_MS = 100


class WorkCancelled(CasebookError):
    """The user cancelled; nothing was saved (raised inside a job from its progress callback)."""

    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was saved.")


class WorkTicket:
    """Shared between the GUI thread and one job: progress numbers and a cancel flag."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = (0, 0)
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        with self._lock:
            self._state = (done, total)

    def progress_or_stop(self, done: int, total: int) -> None:
        """A progress callback that also stops the work once Cancel was pressed."""
        self.progress(done, total)
        if self._cancel.is_set():
            raise WorkCancelled()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def state(self) -> tuple[int, int]:
        with self._lock:
            return self._state


class WorkProgress(QWidget):
    """A bar, what is happening, and Cancel when the work can be stopped; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("What Casebook is doing"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the work in progress"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.cancel_button)
        self.timer = QTimer(self)
        self.timer.setInterval(_POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.ticket: WorkTicket | None = None
        self.setVisible(False)

    @property
    def busy(self) -> bool:
        return self.ticket is not None

    def start(self, text: str, ticket: WorkTicket, *, cancellable: bool = True) -> None:
        self.ticket = ticket
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(cancellable)
        self.setVisible(True)
        self.timer.start()

    def cancel(self) -> None:
        if self.ticket is not None and self.cancel_button.isVisible():
            self.ticket.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def _poll(self) -> None:
        if self.ticket is None:
            return
        done, total = self.ticket.state
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def stop(self) -> None:
        self.timer.stop()
        self.ticket = None
        self.label.clear()
        self.setVisible(False)

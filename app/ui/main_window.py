"""The main window: the unlock screen, then the casebook; Ctrl+L locks it again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from app.store import listing
from app.store.casebook import Casebook
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.cases.concern_list_view import ConcernListView
from app.ui.unlock.unlock_view import UnlockView


class MainWindow(QMainWindow):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.setWindowTitle(self.tr("Casebook"))
        self.resize(1000, 640)
        self.worker = CasebookWorker(self)
        self.unlock_view = UnlockView(folder)
        self.list_view = ConcernListView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_view)
        self.stack.addWidget(self.list_view)
        self.setCentralWidget(self.stack)
        self.unlock_view.unlock_requested.connect(self.unlock)
        lock = QAction(self.tr("&Lock"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        self.addAction(lock)
        self.menuBar().addMenu(self.tr("&Casebook")).addAction(lock)
        self.statusBar().showMessage(self.tr("Locked"))
        QTimer.singleShot(0, self.unlock_view.reset)

    @property
    def unlocked(self) -> bool:
        return self.stack.currentWidget() is self.list_view

    def unlock(self, passphrase: str) -> None:
        folder = self.folder

        def job(state: WorkerState) -> tuple[list[listing.ConcernRow], int]:
            state.close()
            state.book = Casebook.open(folder, passphrase)
            conn = state.book.cases
            return listing.concern_rows(conn), listing.count_concerns(conn)

        self.worker.submit(job, self._unlocked, self._unlock_failed)

    def _unlocked(self, result: tuple[list[listing.ConcernRow], int]) -> None:
        rows, total = result
        self.list_view.model.set_rows(rows)
        self.list_view.show_summary(len(rows), total)
        self.unlock_view.reset()
        self.stack.setCurrentWidget(self.list_view)
        self.statusBar().showMessage(self.tr("Unlocked"))
        self.list_view.table.setFocus()

    def _unlock_failed(self, message: str) -> None:
        self.unlock_view.set_busy(False)
        self.unlock_view.show_message(message)
        self.unlock_view.passphrase.selectAll()
        self.unlock_view.passphrase.setFocus()

    def lock(self) -> None:
        """Close the databases and forget every row on screen."""
        self.list_view.model.clear()
        self.list_view.show_summary(0, 0)
        self.worker.submit(lambda state: state.close(), lambda _: None, lambda _: None)
        self.unlock_view.reset()
        self.stack.setCurrentWidget(self.unlock_view)
        self.statusBar().showMessage(self.tr("Locked"))

    def closeEvent(self, event):  # type: ignore[no-untyped-def]  # noqa: N802
        self.list_view.model.clear()
        self.worker.shutdown()
        super().closeEvent(event)

"""The board's window: create the store or unlock it, then the board workspace.

Locking (Ctrl+L, or after five minutes without use) forgets every unit, return,
status and figure held by the pages, drops answers still on their way, closes
the store on the worker thread, and clears the clipboard if it holds text copied
from the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from app.store.board import Board, is_board
from app.ui.base import theme
from app.ui.base.clipboard import ClipboardGuard
from app.ui.base.form_feedback import centred_page
from app.ui.base.help_menu import add_action, add_help, add_quit
from app.ui.base.idle import IdleWatcher
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.board.board_session import BoardSession
from app.ui.board.create_page import BoardCreatePage, NewBoard
from app.ui.board.recovery_dialog import BoardRecoveryKeyDialog
from app.ui.board.unlock_page import BoardUnlockView
from app.ui.board.workspace import BoardWorkspace

AUTO_LOCK_MINUTES = 5


class BoardWindow(QMainWindow):
    locked = Signal()
    unlocked_signal = Signal()

    def __init__(self, folder: Path, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        theme.apply()
        self.folder = folder
        self.setWindowTitle(self.tr("Casebook: the board's returns"))
        self.resize(1100, 720)
        self.worker = CasebookWorker(self)
        self.session = BoardSession(self.worker, today, self)
        self.recovery_dialog: BoardRecoveryKeyDialog | None = None
        self.create_page = BoardCreatePage(self.worker, folder)
        self.create_area = centred_page(self.create_page, 100, self.tr("Create the board's store"))
        self.unlock_view = BoardUnlockView(folder)
        self.workspace = BoardWorkspace(self.session)
        self.stack = QStackedWidget()
        for widget in (self.create_area, self.unlock_view, self.workspace):
            self.stack.addWidget(widget)
        self.setCentralWidget(self.stack)
        self.create_page.created.connect(self._created)
        self.create_page.folder_changed.connect(self._folder_chosen)
        self.unlock_view.unlock_requested.connect(self.unlock)
        self.unlock_view.recovery_unlock_requested.connect(self.unlock_with_recovery_key)
        self.session.error.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.clipboard_guard = ClipboardGuard(self)
        self.idle = IdleWatcher(AUTO_LOCK_MINUTES, self)
        self.idle.idle.connect(self._idle_lock)
        self.idle.watch(self)
        self._unlocked_actions: list[QAction] = []
        self._actions()
        self._set_unlocked_actions(False)
        if is_board(folder):
            self.statusBar().showMessage(self.tr("Locked"))
            self.stack.setCurrentWidget(self.unlock_view)
            QTimer.singleShot(0, self.unlock_view.reset)
        else:
            self.stack.setCurrentWidget(self.create_area)
            QTimer.singleShot(0, self.create_page.focus_first)

    def _actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        go = self.menuBar().addMenu(self.tr("&Go"))
        needs_store = [
            add_action(self, file_menu, self.tr("&Import returns…"), "Ctrl+O", self._import),
            add_action(self, file_menu, self.tr("&Lock"), "Ctrl+L", lambda: self.lock())]
        add_quit(self, file_menu)
        for text, shortcut, page in ((self.tr("&Units"), "Ctrl+1", "units"),
                                     (self.tr("&Returns"), "Ctrl+2", "returns"),
                                     (self.tr("&Status"), "Ctrl+3", "status"),
                                     (self.tr("Re&port"), "Ctrl+4", "report")):
            needs_store.append(add_action(self, go, text, shortcut, self._go_to(page)))
        self._unlocked_actions = needs_store
        self._go_menu = go
        add_help(self, lambda: self.folder, "board store")

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        for action in self._unlocked_actions:
            action.setEnabled(unlocked)
        self._go_menu.menuAction().setVisible(unlocked)

    @property
    def unlocked(self) -> bool:
        return self.stack.currentWidget() is self.workspace

    # ----- creating ----------------------------------------------------------------------

    def _created(self, created: Any) -> None:
        if not isinstance(created, NewBoard):
            return
        dialog = BoardRecoveryKeyDialog(created, self)
        self.recovery_dialog = dialog

        def finished(_result: int) -> None:
            dialog.forget()
            dialog.deleteLater()
            self.recovery_dialog = None
            self._show_unlock(created.folder, self.tr(
                "The board store is ready. Unlock it with your new passphrase."))

        dialog.finished.connect(finished)
        dialog.open()

    def _folder_chosen(self, folder: Path) -> None:
        """A folder that already holds a board store is unlocked, not created (checked on
        the worker)."""
        def found(held: Any) -> None:
            if held and self.create_page.folder == folder and not self.unlocked:
                self._show_unlock(folder, self.tr("This folder holds a board store: unlock "
                                                  "it."))

        self.worker.submit(lambda _state: is_board(folder), found, lambda _message: None)

    def _show_unlock(self, folder: Path, message: str) -> None:
        self.folder = folder
        self.unlock_view.set_folder(folder)
        self.unlock_view.reset(message)
        self.stack.setCurrentWidget(self.unlock_view)
        self.statusBar().showMessage(self.tr("Locked"))

    # ----- unlocking ---------------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        folder = self.folder

        def job(state: WorkerState) -> str:
            state.close()
            state.board = Board.open(folder, passphrase)
            return state.board.name

        self.worker.submit(job, self._unlocked, self._unlock_failed)

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        folder = self.folder

        def job(state: WorkerState) -> str:
            state.close()
            state.board = Board.open_with_recovery_key(folder, recovery_key)
            return state.board.name

        self.worker.submit(job, self._unlocked, self._unlock_failed)

    def _unlocked(self, name: Any) -> None:
        self.idle.timer.start()
        self.unlock_view.reset()
        self.setWindowTitle(self.tr("Casebook: {board}'s returns").format(board=name))
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.reload()
        self.workspace.nav.setFocus()
        self.statusBar().showMessage(self.tr("Unlocked"), 3000)
        self._set_unlocked_actions(True)
        self.unlocked_signal.emit()

    def _unlock_failed(self, message: str) -> None:
        self.unlock_view.set_busy(False)
        self.unlock_view.show_message(message)
        self.unlock_view.passphrase.selectAll()
        self.unlock_view.passphrase.setFocus()

    # ----- locking -----------------------------------------------------------------------

    def _idle_lock(self) -> None:
        self.lock(self.tr("Locked after {minutes} minutes without use.").format(
            minutes=AUTO_LOCK_MINUTES))

    def lock(self, message: str = "") -> None:
        """Forget everything on screen and close the store."""
        if not self.unlocked:
            return
        self.idle.timer.stop()
        self.session.forget()  # answers on their way are dropped from here on
        self.worker.submit(lambda state: state.close(), lambda _: None,
                           lambda message: self.statusBar().showMessage(message, 8000))
        self.workspace.forget()
        self.clipboard_guard.clear_if_ours()
        self.setWindowTitle(self.tr("Casebook: the board's returns"))
        self.unlock_view.reset(message or self.tr("Locked."))
        self.stack.setCurrentWidget(self.unlock_view)
        self.statusBar().showMessage(self.tr("Locked"))
        self._set_unlocked_actions(False)
        self.locked.emit()

    # ----- shortcuts ---------------------------------------------------------------------

    def _go_to(self, page: str) -> Callable[[], None]:
        return lambda: self._go(page)

    def _go(self, page: str) -> None:
        if self.unlocked:
            self.workspace.show_page(page)

    def _import(self) -> None:
        if self.unlocked:
            self.workspace.show_page("returns")
            self.workspace.returns.choose_files()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.lock()
        self.idle.unwatch()
        self.worker.shutdown()
        super().closeEvent(event)

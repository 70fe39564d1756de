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

from PySide6.QtCore import QTimer

from app.store.board import Board, is_board
from app.ui.base.form_feedback import centred_page
from app.ui.base.store_window import StoreWindow
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession
from app.ui.board.create_page import BoardCreatePage, NewBoard
from app.ui.board.recovery_dialog import BoardRecoveryKeyDialog
from app.ui.board.unlock_page import BoardUnlockView
from app.ui.board.workspace import BoardWorkspace

AUTO_LOCK_MINUTES = 5


class BoardWindow(StoreWindow):
    """The shared window (app.ui.base.store_window) around the board's store."""

    def __init__(self, folder: Path, today: Callable[[], date] = date.today) -> None:
        super().__init__(folder, self.tr("Casebook: the board's returns"),
                         BoardUnlockView(folder), AUTO_LOCK_MINUTES, 720)
        self.session = BoardSession(self.worker, today, self)
        self.recovery_dialog: BoardRecoveryKeyDialog | None = None
        self.create_page = BoardCreatePage(self.worker, folder)
        self.create_area = centred_page(self.create_page, 100, self.tr("Create the board's store"))
        self.workspace = BoardWorkspace(self.session)
        for widget in (self.create_area, self.workspace):
            self.stack.addWidget(widget)
        self.create_page.created.connect(self._created)
        self.create_page.folder_changed.connect(self._folder_chosen)
        self.session.error.connect(self.show_error)
        self.idle.idle.connect(self._idle_lock)
        self.idle.watch(self)
        self.add_menus([(self.tr("&Import returns…"), "Ctrl+O", self._import)],
                       [(self.tr("&Units"), "Ctrl+1", "units"),
                        (self.tr("&Returns"), "Ctrl+2", "returns"),
                        (self.tr("&Status"), "Ctrl+3", "status"),
                        (self.tr("Re&port"), "Ctrl+4", "report")], [], "board store")
        self._set_unlocked_actions(False)
        if is_board(folder):
            self.statusBar().showMessage(self.tr("Locked"))
            self.stack.setCurrentWidget(self.unlock_view)
            QTimer.singleShot(0, self.unlock_view.reset)
        else:
            self.stack.setCurrentWidget(self.create_area)
            QTimer.singleShot(0, self.create_page.focus_first)

    def unlocked_pages(self) -> BoardWorkspace:
        return self.workspace

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
            self.show_unlock_screen(created.folder, self.tr(
                "The board store is ready. Unlock it with your new passphrase."))

        dialog.finished.connect(finished)
        dialog.open()

    def _folder_chosen(self, folder: Path) -> None:
        """A folder that already holds a board store is unlocked, not created (checked on
        the worker)."""
        def found(held: Any) -> None:
            if held and self.create_page.folder == folder and not self.unlocked:
                self.show_unlock_screen(folder, self.tr("This folder holds a board store: unlock "
                                                  "it."))

        self.worker.submit(lambda _state: is_board(folder), found, lambda _message: None)

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
        def arrive() -> None:
            self.setWindowTitle(self.tr("Casebook: {board}'s returns").format(board=name))
            self.workspace.reload()
            self.workspace.nav.setFocus()

        self.show_unlocked(self.workspace, arrive)

    # ----- locking -----------------------------------------------------------------------

    def _idle_lock(self) -> None:
        self.lock(self.idle_message())

    def lock(self, message: str = "") -> None:
        """Forget everything on screen and close the store."""
        if not self.unlocked:
            return
        self.idle.timer.stop()
        self.session.forget()  # answers on their way are dropped from here on
        self.worker.submit(lambda state: state.close(), lambda _: None, self.show_error)
        self.workspace.forget()
        self.setWindowTitle(self.tr("Casebook: the board's returns"))
        self.show_locked(message)
        self.locked.emit()

    # ----- shortcuts ---------------------------------------------------------------------

    def _import(self) -> None:
        if self.unlocked:
            self.workspace.show_page("returns")
            self.workspace.returns.choose_files()

"""The window around a store: the casebook's main window and the board's window.

What both share: the unlock screen and the unlocked pages in one stack, the menus
(File with the store's own entries, Lock and Quit; Go to each page; Help), the status
bar, the worker (made when first needed), locking on demand and when idle (clearing
the clipboard if it holds text copied from the window), and closing (which locks,
then stops the worker). The window that uses this one says how its store is opened
and closed, and what its pages are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget

from app.ui.base import theme
from app.ui.base.clipboard import ClipboardGuard
from app.ui.base.help_menu import add_action, add_help, add_quit
from app.ui.base.idle import IdleWatcher
from app.ui.base.long_lived import keep_long_lived

if TYPE_CHECKING:  # the worker loads the store's code: after the unlock screen is painted
    from app.ui.base.sidebar_pages import SidebarPages
    from app.ui.base.worker import CasebookWorker
    from app.ui.unlock.unlock_view import UnlockView

# A menu entry: its text, its shortcut ("" for none) and what it does.
Entry = tuple[str, str, Callable[[], object]]


class StoreWindow(QMainWindow):
    locked = Signal()
    unlocked_signal = Signal()

    def __init__(self, folder: Path, title: str, unlock_view: UnlockView,
                 auto_lock_minutes: float, height: int) -> None:
        super().__init__()
        theme.apply()
        self.folder = folder
        self.setWindowTitle(title)
        self.resize(1100, height)
        self._worker: CasebookWorker | None = None
        self._settling = False  # waiting for the worker to be idle after an unlock
        self.unlock_view = unlock_view
        self.stack = QStackedWidget()
        self.stack.addWidget(unlock_view)
        self.setCentralWidget(self.stack)
        unlock_view.unlock_requested.connect(self.unlock)
        unlock_view.recovery_unlock_requested.connect(self.unlock_with_recovery_key)
        self.clipboard_guard = ClipboardGuard(self)
        self.idle = IdleWatcher(auto_lock_minutes, self)
        self._unlocked_actions: list[QAction] = []
        self._unlocked_menus: list[QMenu] = []

    @property
    def worker(self) -> CasebookWorker:
        if self._worker is None:
            from app.ui.base.worker import CasebookWorker

            self._worker = CasebookWorker(self)
        return self._worker

    # ----- what the window that uses this one says ---------------------------------------

    def unlocked_pages(self) -> SidebarPages | None:
        """The pages shown while the store is open (None until they are made)."""
        raise NotImplementedError

    def unlock(self, passphrase: str) -> None:
        raise NotImplementedError

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        raise NotImplementedError

    def lock(self) -> None:
        raise NotImplementedError

    # ----- menus -------------------------------------------------------------------------

    def add_menus(self, file_entries: Sequence[Entry], go_entries: Sequence[tuple[str, str, str]],
                  other_menus: Sequence[tuple[str, Sequence[Entry]]], what: str) -> None:
        """File (`file_entries`, Lock, Quit), Go (to each named page), `other_menus`, and
        Help saying where the `what` is kept. Every entry but Quit and Help needs the
        store open, and the menus other than File and Help are hidden while it is not."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        go = bar.addMenu(self.tr("&Go"))
        menus = [(bar.addMenu(title), entries) for title, entries in other_menus]
        needs_store = [add_action(self, file_menu, text, shortcut, slot)
                       for text, shortcut, slot in file_entries]
        needs_store.append(add_action(self, file_menu, self.tr("&Lock"), "Ctrl+L",
                                      lambda: self.lock()))
        add_quit(self, file_menu)
        needs_store += [add_action(self, go, text, shortcut, self._go_to(page))
                        for text, shortcut, page in go_entries]
        for menu, entries in menus:
            needs_store += [add_action(self, menu, text, shortcut, slot)
                            for text, shortcut, slot in entries]
        self._unlocked_actions = needs_store
        self._unlocked_menus = [go, *(menu for menu, _entries in menus)]
        add_help(self, lambda: self.folder, what)

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        """Menu entries that need an open store are greyed out while it is locked."""
        for action in self._unlocked_actions:
            action.setEnabled(unlocked)
        for menu in self._unlocked_menus:  # no empty menus before a store is open
            menu.menuAction().setVisible(unlocked)

    def _go_to(self, page: str) -> Callable[[], None]:
        return lambda: self._go(page)

    def _go(self, page: str) -> None:
        pages = self.unlocked_pages()
        if self.unlocked and pages is not None:
            pages.show_page(page)

    # ----- unlocked and locked -----------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        pages = self.unlocked_pages()
        return pages is not None and self.stack.currentWidget() is pages

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def show_unlocked(self, pages: SidebarPages, arrive: Callable[[], None]) -> None:
        """The store is open: show its pages, then `arrive` (fill them, go where the user
        was)."""
        self.idle.timer.start()
        self.unlock_view.reset()
        self.stack.setCurrentWidget(pages)
        arrive()
        self.statusBar().showMessage(self.tr("Unlocked"), 3000)
        self._set_unlocked_actions(True)
        if not self._settling:
            self._settling = True
            self.worker.busy_changed.connect(self._settled)
        self.unlocked_signal.emit()

    def _settled(self, busy: bool) -> None:
        """The first time the worker is idle after an unlock: the pages are built and
        filled, and what they imported is kept out of full collections (once a process)."""
        if busy or not self._settling:
            return
        self._settling = False
        self.worker.busy_changed.disconnect(self._settled)
        keep_long_lived("unlocked")

    def _unlock_failed(self, message: str) -> None:
        self.unlock_view.set_busy(False)
        self.unlock_view.show_message(message)
        self.unlock_view.passphrase.selectAll()
        self.unlock_view.passphrase.setFocus()

    def show_unlock_screen(self, folder: Path, message: str) -> None:
        """Ask for the passphrase of the store in `folder` (new, found or restored)."""
        self.folder = folder
        self.unlock_view.set_folder(folder)
        self.unlock_view.reset(message)
        self.stack.setCurrentWidget(self.unlock_view)
        self.statusBar().showMessage(self.tr("Locked"))

    def idle_message(self) -> str:
        return self.tr("Locked after {minutes} minutes without use.").format(
            minutes=round(self.idle.timer.interval() / 60_000))

    def show_locked(self, message: str) -> None:
        """After the pages forgot what they held and the store was closed on the worker:
        clear the clipboard if it is ours, and ask for the passphrase again."""
        self.clipboard_guard.clear_if_ours()
        self.unlock_view.reset(message or self.tr("Locked."))
        self.stack.setCurrentWidget(self.unlock_view)
        self.statusBar().showMessage(self.tr("Locked"))
        self._set_unlocked_actions(False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.lock()
        self.idle.unwatch()
        if self._worker is not None:
            self._worker.shutdown()
        super().closeEvent(event)

"""Quick unlock on the unlock screen: offered only when it can work.

It is offered when the casebook has a keyring slot (the user turned quick unlock
on in Settings) and a secure system keyring is available right now. Both checks
and the unlock itself run on the worker thread: asking the keyring may wait on
the system's secret service, and opening the casebook is the worker's job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

if TYPE_CHECKING:  # the store and the keyring load after the unlock screen is painted
    from app.ui.base.worker import CasebookWorker, WorkerState


def quick_unlock_offered(folder: Path) -> bool:
    """Whether to show the button: a keyring slot in this casebook and a secure keyring."""
    from app.paths import KEYSLOTS, is_casebook
    from app.store import keyslots, quick_unlock
    from app.store.errors import CasebookError

    if not is_casebook(folder):
        return False
    try:
        slots = keyslots.load(folder / KEYSLOTS)
    except CasebookError:
        return False
    return quick_unlock.enabled(slots) and quick_unlock.available()


class QuickUnlockButton(QPushButton):
    """The button itself; hidden until the check says quick unlock can be used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Quick unlock"), parent)
        self.setAccessibleName(self.tr("Quick unlock with the system keyring"))
        self.setToolTip(self.tr("Unlock with the key kept in this computer's secure keyring"))
        self.setVisible(False)


class QuickUnlock(QObject):
    """Checks whether to offer quick unlock, and unlocks through the keyring, on the worker.

    offered(bool) after check(); unlocked(auto_lock_minutes) or failed(message) after
    unlock(). The worker's state holds the open casebook afterwards, as after a
    passphrase unlock.
    """

    offered = Signal(bool)
    unlocked = Signal(float)
    failed = Signal(str)

    def __init__(self, worker: CasebookWorker, folder: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.folder = folder

    def set_folder(self, folder: Path) -> None:
        self.folder = folder

    def check(self) -> None:
        folder = self.folder
        self.worker.submit(lambda _state: quick_unlock_offered(folder), self._checked,
                           lambda _message: self.offered.emit(False))

    def _checked(self, offered: Any) -> None:
        self.offered.emit(bool(offered))

    def unlock(self) -> None:
        folder = self.folder

        def job(state: WorkerState) -> float | None:
            from app.store.casebook import Casebook

            state.close()
            book = Casebook.open_quick(folder)
            if book is None:
                return None
            state.book = book
            return float(book.setting("auto_lock_minutes", "5") or 5)

        self.worker.submit(job, self._opened, self.failed.emit)

    def _opened(self, minutes: Any) -> None:
        if minutes is None:
            self.offered.emit(False)
            self.failed.emit(self.tr(
                "Quick unlock did not work (the system keyring no longer holds this "
                "casebook's key); use the passphrase."))
            return
        self.unlocked.emit(float(minutes))

"""The main window: first run or unlock, then the casebook; locks on demand and when idle.

Locking keeps what is being typed as an encrypted draft, forgets every row and
record held by the views, closes the databases on the worker thread, and clears
the clipboard if it holds text copied from Casebook. Unlocking returns the user
to where they were (remembered as ids, never content).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from app.ui.base.store_window import StoreWindow
from app.ui.unlock.unlock_view import UnlockView

if TYPE_CHECKING:  # the rest of the app loads after the unlock screen is painted
    from app.services.restore import Opened
    from app.ui.backup.backup_dialog import BackupDialog
    from app.ui.base.worker import WorkerState
    from app.ui.firstrun.first_run_view import FirstRunView
    from app.ui.firstrun.quick_unlock_button import QuickUnlock
    from app.ui.session import Session
    from app.ui.shell.casebook_shell import CasebookShell
    from app.ui.unlock.new_passphrase_dialog import NewPassphraseDialog

PREPARE_AFTER_MS = 150  # after the unlock screen is painted: the worker, quick unlock


class MainWindow(StoreWindow):
    """First run or the unlock screen, then the casebook, in the shared window
    (app.ui.base.store_window).

    Only the unlock screen is built before the window first shows; the worker, the
    first-run screens and the casebook's pages (`worker`, `session`, `first_run`,
    `quick_unlock`, `shell`) are made when first needed: the worker and the quick-unlock
    check just after the unlock screen is painted, the pages while the key derivation
    runs on the worker after Unlock is pressed."""

    def __init__(self, folder: Path, today: Callable[[], date] = date.today) -> None:
        super().__init__(folder, self.tr("Casebook"), UnlockView(folder), 5, 700)
        self.today = today
        self._session: Session | None = None
        self._shell: CasebookShell | None = None
        self._first_run: FirstRunView | None = None
        self._quick_unlock: QuickUnlock | None = None
        self.unlock_view.quick_unlock_requested.connect(lambda: self.quick_unlock.unlock())
        self._location: dict[str, Any] = {"page": "dashboard"}
        self.idle.idle.connect(lambda: self.lock(idle=True))
        self.new_passphrase_dialog: NewPassphraseDialog | None = None
        self.restored_notice: QMessageBox | None = None  # a restored casebook's older passphrase
        self.import_dialog: Any = None  # an ImportDialog while one is open
        self.backup_dialog: BackupDialog | None = None
        self.idle.watch(self)
        self.add_menus([
            (self.tr("&Back up…"), "Ctrl+B", self._backup),
            (self.tr("&Import a spreadsheet…"), "Ctrl+I", self._import),
        ], [
            (self.tr("&Dashboard"), "Ctrl+1", "dashboard"),
            (self.tr("&Concerns"), "Ctrl+2", "concerns"),
            (self.tr("&Reports"), "Ctrl+3", "reports"),
            (self.tr("Return to the &board"), "Ctrl+4", "return"),
            (self.tr("&Settings"), "Ctrl+,", "settings"),
            (self.tr("&Handover"), "", "handover"),
            (self.tr("Re&cords"), "", "records"),
        ], [(self.tr("C&oncern"), [
            (self.tr("&New concern…"), "Ctrl+Shift+N", self._new_concern),
            (self.tr("&Log a conversation…"), "Ctrl+N", self._log_conversation),
            (self.tr("&Find…"), "Ctrl+F", self._find),
        ])], "casebook")
        if needs_first_run(folder):
            self.stack.setCurrentWidget(self.first_run)
        else:
            self.statusBar().showMessage(self.tr("Locked"))
            self.unlock_view.reset()
            QTimer.singleShot(0, self.unlock_view.passphrase.setFocus)
            QTimer.singleShot(PREPARE_AFTER_MS, self._prepare)
        self._set_unlocked_actions(False)

    def unlocked_pages(self) -> CasebookShell | None:
        return self._shell

    # ----- what is made when first needed -----------------------------------------------

    def _prepare(self) -> None:
        """After the unlock screen is painted: the worker, and whether to offer quick
        unlock (asking the system keyring, on the worker)."""
        if not self.unlocked and self.stack.currentWidget() is self.unlock_view:
            self.quick_unlock.check()

    @property
    def session(self) -> Session:
        if self._session is None:
            from app.ui.session import Session

            self._session = Session(self.worker, self.today, self)
            self._session.error.connect(self.show_error)
        return self._session

    @property
    def shell(self) -> CasebookShell:
        if self._shell is None:
            from app.ui.shell.casebook_shell import CasebookShell

            shell = self._shell = CasebookShell(self.session)
            self.stack.addWidget(shell)
            shell.settings.auto_lock_changed.connect(self._auto_lock_changed)
            # Forms are window-modal: they pass Ctrl+L on through the workspace.
            shell.workspace.lock_requested.connect(self.lock)
            shell.lock_requested.connect(self.lock)
            shell.workspace.concern_created.connect(shell.open_concern)
        return self._shell

    @property
    def first_run(self) -> FirstRunView:
        if self._first_run is None:
            from app.ui.firstrun.first_run_view import FirstRunView

            self._first_run = FirstRunView(self.worker, self.folder)
            self.stack.addWidget(self._first_run)
            self._first_run.casebook_ready.connect(self._casebook_ready)
        return self._first_run

    @property
    def quick_unlock(self) -> QuickUnlock:
        if self._quick_unlock is None:
            from app.ui.firstrun.quick_unlock_button import QuickUnlock

            quick = self._quick_unlock = QuickUnlock(self.worker, self.folder, self)
            quick.offered.connect(self.unlock_view.set_quick_unlock_offered)
            quick.unlocked.connect(self._unlocked)  # with the auto-lock minutes
            quick.failed.connect(self._unlock_failed)
        return self._quick_unlock

    def _casebook_ready(self, folder: Path) -> None:
        """A casebook was created, opened or restored: unlock it."""
        self.quick_unlock.set_folder(folder)
        self.show_unlock_screen(folder, self.first_run.ready_message)
        self.quick_unlock.check()

    def _auto_lock_changed(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)
        if self.unlocked:
            self.idle.timer.start()

    # ----- unlocking -------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        folder = self.folder

        def job(state: WorkerState) -> tuple[float, Opened]:
            from app.services.restore import open_restored

            state.close()
            opened = open_restored(folder, passphrase)
            state.book = opened.book
            return float(state.book.setting("auto_lock_minutes", "5") or 5), opened

        def done(result: tuple[float, Opened]) -> None:
            minutes, opened = result
            self._unlocked(minutes)
            if opened.older_passphrase:
                self._offer_current_passphrase(opened, passphrase)

        self.worker.submit(job, done, self._unlock_failed)
        from app.core.identifying.words import warm_in_background

        warm_in_background()  # while the key derivation runs (see its description)
        self._build_pages()

    def _build_pages(self) -> None:
        """The casebook's pages, made while the key derivation runs on the worker (it
        releases the interpreter), so that they are ready when the casebook opens."""
        self.shell  # noqa: B018  (made on first use)

    def _offer_current_passphrase(self, opened: Opened, passphrase: str) -> None:
        """A restored casebook whose passphrase is older than its original's: say so; when it
        opened with the current one, offer to set it here too (on the worker)."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Restored from an older backup"))
        box.setText(opened.older_passphrase or "")
        if not opened.with_current:
            box.setInformativeText(self.tr("To use the current passphrase here too, change "
                                           "the passphrase in Settings."))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.open()
            return
        box.setInformativeText(self.tr("Set the current passphrase on this casebook too?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)

        def answered(button: int) -> None:
            self.restored_notice = None
            if button != QMessageBox.StandardButton.Yes.value:
                return

            def adopt(state: WorkerState) -> None:
                from app.services.restore import adopt_passphrase

                if state.book is not None:
                    adopt_passphrase(state.book, passphrase)

            self.worker.submit(adopt, lambda _: self.statusBar().showMessage(self.tr(
                "The restored casebook now opens with the current passphrase."), 8000),
                self.session.error.emit)

        box.finished.connect(answered)
        self.restored_notice = box
        box.open()

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        """The passphrase is forgotten: open with the recovery key, then set a new one."""
        folder = self.folder

        def job(state: WorkerState) -> float:
            from app.store.casebook import Casebook

            state.close()
            state.book = Casebook.open_with_recovery_key(folder, recovery_key)
            return float(state.book.setting("auto_lock_minutes", "5") or 5)

        def opened(minutes: float) -> None:
            from app.ui.unlock.new_passphrase_dialog import NewPassphraseDialog

            self._unlocked(minutes)
            self.new_passphrase_dialog = NewPassphraseDialog(self.session, self)
            self.new_passphrase_dialog.open()

        self.worker.submit(job, opened, self._unlock_failed)
        self._build_pages()

    def _unlocked(self, auto_lock_minutes: float) -> None:
        self.idle.set_minutes(auto_lock_minutes)
        shell = self.shell

        def arrive() -> None:
            shell.reload(first=str(self._location.get("page", "dashboard")))
            shell.restore(self._location)

        self.show_unlocked(shell, arrive)

    # ----- locking ---------------------------------------------------------------

    def lock(self, idle: bool = False) -> None:
        """Keep drafts, forget everything on screen, close the databases."""
        if not self.unlocked:
            return
        if self.new_passphrase_dialog is not None:
            self.new_passphrase_dialog.clear()
            self.new_passphrase_dialog.done(0)
            self.new_passphrase_dialog = None
        if self.restored_notice is not None:  # its answer would need the casebook open
            notice, self.restored_notice = self.restored_notice, None
            notice.finished.disconnect()
            notice.reject()
        self.idle.timer.stop()
        if self.import_dialog is not None:
            self.import_dialog.forget()  # cancels a running import (rolled back) and closes it
        if self.backup_dialog is not None:
            self.backup_dialog.forget()
        self._location = self.shell.location()
        drafts = self.shell.pending_drafts()
        people = self.shell.pending_person_drafts()
        session = self.session

        def close(state: WorkerState) -> None:
            """Keep the drafts if the disk allows; close the files and forget the key always,
            whatever saving the drafts met (a full disk must not leave a casebook open)."""
            from app.store import person_drafts
            from app.store.concerns import ConcernService
            from app.store.database import DatabaseError
            from app.store.errors import CasebookError

            try:
                if state.book is not None and drafts:
                    service = ConcernService(state.book, today=session.today)
                    for kind, concern_id, text in drafts:
                        service.save_draft(kind, concern_id, text)
                if state.book is not None:
                    for token, details in people:
                        person_drafts.save(state.book, token, details)
            except (CasebookError, DatabaseError, OSError) as exc:
                problem = str(exc) if isinstance(exc, CasebookError) else type(exc).__name__
                raise CasebookError(
                    "The casebook is locked, but what was being typed could not be kept as a "
                    f"draft: {problem}") from exc
            finally:
                state.close()

        # The worker runs jobs in order: drafts are saved before the files close.
        self.worker.submit(close, lambda _: None, self.session.error.emit)
        self.shell.forget()
        self.show_locked(self.idle_message() if idle else "")
        self.quick_unlock.check()
        self.locked.emit()

    # ----- shortcuts -------------------------------------------------------------

    def _find(self) -> None:
        if self.unlocked:
            self.shell.show_page("concerns")
            self.shell.concerns.search.setFocus()
            self.shell.concerns.search.selectAll()

    def _backup(self) -> None:
        if not self.unlocked or self.backup_dialog is not None:
            return
        from app.ui.backup.backup_dialog import BackupDialog

        dialog = self.backup_dialog = BackupDialog(self.session, self)

        def finished(_result: int) -> None:
            dialog.deleteLater()
            self.backup_dialog = None

        dialog.finished.connect(finished)
        dialog.open()

    def _import(self) -> None:
        if not self.unlocked or self.import_dialog is not None:
            return
        from app.ui.importing.import_dialog import ImportDialog  # openpyxl loads only here

        dialog = self.import_dialog = ImportDialog(self.session, self)
        dialog.lock_requested.connect(self.lock)
        dialog.imported.connect(lambda n: self.statusBar().showMessage(
            self.tr("Imported {n} concerns.").format(n=n), 8000))

        def finished(_result: int) -> None:
            dialog.deleteLater()
            self.import_dialog = None

        dialog.finished.connect(finished)
        dialog.open()

    def _new_concern(self) -> None:
        if self.unlocked:
            self.shell.workspace.new_concern()

    def _log_conversation(self) -> None:
        if not self.unlocked:
            return
        concern_id = self.shell.selected_concern()
        if concern_id is None:
            self.statusBar().showMessage(self.tr("Select a concern first."), 5000)
            return
        self.shell.open_concern(concern_id)
        self.shell.workspace.log_conversation()


def needs_first_run(folder: Path) -> bool:
    from app.paths import is_casebook

    return not is_casebook(folder)

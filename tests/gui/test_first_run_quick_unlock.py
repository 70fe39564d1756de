"""Quick unlock on the unlock screen: offered only with a keyring slot and a secure keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store.casebook import Casebook
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.firstrun.quick_unlock_button import QuickUnlock, quick_unlock_offered
from app.ui.unlock.unlock_view import UnlockView
from tests.support import PASSPHRASE


@pytest.fixture
def worker(qtbot) -> Iterator[CasebookWorker]:
    worker = CasebookWorker()
    try:
        yield worker
    finally:
        closed: list[object] = []  # close any casebook on the worker's thread, then stop it
        worker.submit(lambda state: state.close(), closed.append, closed.append)
        qtbot.waitUntil(lambda: bool(closed))
        worker.shutdown()


def _casebook(folder: Path, quick: bool) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit="u")
    with book:
        if quick:
            book.set_quick_unlock(True)


def _wired(qtbot, worker: CasebookWorker, folder: Path) -> tuple[UnlockView, QuickUnlock]:
    """The wiring the main window uses."""
    view = UnlockView(folder)
    qtbot.addWidget(view)
    view.show()
    quick = QuickUnlock(worker, folder, view)
    quick.offered.connect(view.set_quick_unlock_offered)
    view.quick_unlock_requested.connect(quick.unlock)
    quick.failed.connect(lambda message: (view.set_busy(False), view.show_message(message)))
    return view, quick


def test_quick_unlock_opens_the_casebook_through_the_keyring(
        qtbot, worker: CasebookWorker, folder: Path, memory_keyring) -> None:
    _casebook(folder, quick=True)
    view, quick = _wired(qtbot, worker, folder)
    assert not view.quick_button.isVisible()
    with qtbot.waitSignal(quick.offered) as offered:
        quick.check()
    assert offered.args == [True] and view.quick_button.isVisible()
    assert view.quick_button.accessibleName()

    with qtbot.waitSignal(quick.unlocked) as unlocked:
        qtbot.mouseClick(view.quick_button, Qt.MouseButton.LeftButton)
    assert unlocked.args == [5.0]
    seen: list[object] = []
    worker.submit(lambda state: state.require_book().setting("organisation"), seen.append,
                  seen.append)
    qtbot.waitUntil(lambda: seen == ["NHS Test Board"])


def test_quick_unlock_that_stopped_working_falls_back_to_the_passphrase(
        qtbot, worker: CasebookWorker, folder: Path, memory_keyring) -> None:
    _casebook(folder, quick=True)
    view, quick = _wired(qtbot, worker, folder)
    with qtbot.waitSignal(quick.offered):
        quick.check()
    memory_keyring.secrets.clear()  # the keyring entry was removed behind Casebook's back
    with qtbot.waitSignal(quick.failed):
        qtbot.mouseClick(view.quick_button, Qt.MouseButton.LeftButton)
    assert "use the passphrase" in view.message.text()
    assert not view.quick_button.isVisible() and view.passphrase.isEnabled()
    closed: list[bool] = []

    def is_locked(state: WorkerState) -> bool:
        return state.book is None

    worker.submit(is_locked, closed.append, closed.append)
    qtbot.waitUntil(lambda: closed == [True])


def test_not_offered_without_a_slot_or_without_a_secure_keyring(
        qtbot, worker: CasebookWorker, tmp_path: Path, memory_keyring) -> None:
    plain = tmp_path / "plain"
    _casebook(plain, quick=False)
    assert not quick_unlock_offered(plain)
    assert not quick_unlock_offered(tmp_path / "nothing")
    view, quick = _wired(qtbot, worker, plain)
    with qtbot.waitSignal(quick.offered) as offered:
        quick.check()
    assert offered.args == [False] and not view.quick_button.isVisible()


def test_not_offered_when_the_keyring_went_away(qtbot, worker: CasebookWorker, folder: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        _casebook(folder, quick=True)
    finally:
        keyring.set_keyring(fail.Keyring())
    try:
        view, quick = _wired(qtbot, worker, folder)
        with qtbot.waitSignal(quick.offered) as offered:
            quick.check()
        assert offered.args == [False] and not view.quick_button.isVisible()
    finally:
        keyring.set_keyring(previous)

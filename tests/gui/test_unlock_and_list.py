from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.ui.main_window import MainWindow
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE, TODAY


def _casebook_with_one_concern(folder: Path) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        ConcernService(book, today=lambda: TODAY).create(NAMED)


def test_unlock_shows_the_list_and_lock_forgets_it(qtbot, folder: Path) -> None:
    _casebook_with_one_concern(folder)
    window = MainWindow(folder)
    qtbot.addWidget(window)
    window.show()

    window.unlock_view.passphrase.setText("not the right passphrase")
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlock_view.message.text() == "Wrong passphrase.")
    assert not window.unlocked

    window.unlock_view.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlocked)
    model = window.list_view.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "WB-2025-0001"
    shown = " ".join(str(model.data(model.index(0, c))) for c in range(model.columnCount()))
    assert "Jordan" not in shown  # names are never in the list

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.unlocked and model.rowCount() == 0
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    # The casebook is closed on the worker: another process-level open now succeeds.
    Casebook.open(folder, PASSPHRASE).close()
    window.close()

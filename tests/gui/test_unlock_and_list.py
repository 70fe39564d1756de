from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.ui.main_window import MainWindow
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE, TODAY


def _casebook_with_one_concern(folder: Path) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        ConcernService(book, today=lambda: TODAY).create(NAMED)


def _unlock(qtbot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    window.unlock_view.passphrase.setText(passphrase)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)


def test_unlock_shows_the_list_and_lock_forgets_it(qtbot, folder: Path) -> None:
    _casebook_with_one_concern(folder)
    window = MainWindow(folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()

    _unlock(qtbot, window, "not the right passphrase")
    qtbot.waitUntil(lambda: window.unlock_view.message.text() == "Wrong passphrase.")
    assert not window.unlocked

    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.unlocked)
    model = window.shell.concerns.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 0)) == "WB-2025-0001"
    shown = " ".join(str(model.data(model.index(0, c))) for c in range(model.columnCount()))
    assert "Jordan" not in shown  # names are never in the list
    dashboard = window.shell.dashboard
    qtbot.waitUntil(lambda: "Stage 1: 1" in dashboard.open_counts.text())
    # Once the pages are filled, what lives as long as the app is kept out of the garbage
    # collector's full passes (app.ui.base.long_lived), once a process and never undone.
    qtbot.waitUntil(lambda: window.worker.pending == 0 and gc.get_freeze_count() > 0)
    assert not window._settling

    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    QGuiApplication.clipboard().setText("WB-2025-0001 copied from the list")
    qtbot.waitUntil(window.clipboard_guard.holds_casebook_text)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.unlocked and model.rowCount() == 0
    assert dashboard.open_counts.text() == ""
    assert QGuiApplication.clipboard().text() == ""
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    # The casebook is closed on the worker: another open now succeeds.
    Casebook.open(folder, PASSPHRASE).close()
    window.close()


def test_idle_time_locks_the_window(qtbot, folder: Path) -> None:
    _casebook_with_one_concern(folder)
    window = MainWindow(folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.unlocked)
    window.idle.set_minutes(0.002)  # 120 ms
    window.idle.timer.start()
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert not window.unlocked and window.shell.concerns.model.rowCount() == 0
    window.close()


def test_list_filters_and_search_run_in_sql(qtbot, folder: Path) -> None:
    from dataclasses import replace

    from app.core.identity import PersonDetails
    from app.core.records import Anonymity, ServiceType

    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        service = ConcernService(book, today=lambda: TODAY)
        service.create(NAMED)
        service.create(replace(NAMED, summary="Broken hoist in the care home",
                               service_type=ServiceType.LOCAL_AUTHORITY,
                               person=PersonDetails(name="Another Person")))
        service.create(replace(NAMED, anonymity=Anonymity.ANONYMOUS, person=None,
                               starting_stage=None, consent_on=None, consent_method=None,
                               summary="Anonymous note about rotas"))
    window = MainWindow(folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window)
    view = window.shell.concerns
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    view.search.setText("hoist")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.data(view.model.index(0, 5)) == "Local authority"
    view.search.clear()
    view.stage.setCurrentIndex(view.stage.findData("none"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.total == 1)
    view.stage.setCurrentIndex(0)
    view.overdue.setChecked(True)  # due dates in 2025, "today" in 2026: two are overdue
    qtbot.waitUntil(lambda: view.model.total == 2)
    assert "(overdue)" in view.model.data(view.model.index(0, 4))
    window.close()


def test_forgotten_passphrase_recovery_key_then_a_new_passphrase(qtbot, folder: Path) -> None:
    book, recovery = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    book.close()
    window = MainWindow(folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    view = window.unlock_view
    view.use_recovery.setChecked(True)
    assert view.passphrase.echoMode() == view.passphrase.EchoMode.Normal
    view.passphrase.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-IIII")
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "typing mistake" in view.message.text()
                    or "does not open" in view.message.text())
    assert not window.unlocked
    view.passphrase.setText(recovery.lower())
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlocked and window.new_passphrase_dialog is not None)
    dialog = window.new_passphrase_dialog
    dialog.new.setText("short")
    assert not dialog.ok.isEnabled()
    dialog.new.setText("a brand new long passphrase")
    dialog.confirm.setText("a brand new long passphrase")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.lock()
    assert window.unlock_view.message.text() == "Locked."
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    with Casebook.open(folder, "a brand new long passphrase") as again:
        events = [r[0] for r in again.cases.execute("SELECT event FROM audit")]
    assert "passphrase.changed" in events and "casebook.recovered" in events
    window.close()


def test_the_window_stays_active_while_its_pages_are_built(qtbot, folder: Path) -> None:
    """The pages are made after the unlock screen shows; none of their pieces may show as
    a window of its own on the way (it would take the focus, and the keyboard shortcuts,
    from the window)."""
    from PySide6.QtGui import QGuiApplication

    from app.ui.main_window import MainWindow
    from tests.gui.workspace_helpers import make_casebook
    from tests.support import PASSPHRASE, TODAY

    make_casebook(folder, lambda service: None)
    window = MainWindow(folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    moved: list[object] = []
    QGuiApplication.instance().focusWindowChanged.connect(moved.append)
    window.unlock_view.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlocked and window.worker.pending == 0)
    assert moved == [] and QGuiApplication.focusWindow() is window.windowHandle()
    window.close()

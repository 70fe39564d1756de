"""The settings page on a real casebook: every change through the worker, audited, persisted."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import WrongPassphrase
from app.store.settings_service import HolidayKind
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.session import Session
from app.ui.settings.settings_view import SettingsView
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE, TODAY

BOARD_KEY = "age1wjfsherxsesmgjz4ys8ulld4v7w8vk3w3n7jzz4549khnqd4qqyqadejj5"


class Opened:
    """A worker holding the open casebook, as after unlocking, and a session over it."""

    def __init__(self, qtbot, folder: Path) -> None:
        self.qtbot = qtbot
        self.folder = folder
        self.worker = CasebookWorker()
        self.session = Session(self.worker, lambda: TODAY)
        self.closed = False
        done: list[object] = []

        def unlock(state: WorkerState) -> bool:
            state.book = Casebook.open(folder, PASSPHRASE)
            return True

        self.worker.submit(unlock, done.append, done.append)
        qtbot.waitUntil(lambda: done == [True])

    def ask(self, job: Callable[[WorkerState], Any]) -> Any:
        answers: list[Any] = []
        self.worker.submit(job, answers.append, answers.append)
        self.qtbot.waitUntil(lambda: bool(answers))
        return answers[0]

    def close(self) -> None:
        """Close the casebook on the worker's thread (waiting for it), then stop the worker."""
        if not self.closed:
            self.ask(lambda state: state.close())
            self.worker.shutdown()
            self.closed = True


@pytest.fixture
def opened(qtbot, folder: Path) -> Iterator[Opened]:
    Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit="Test Unit")[0].close()
    opened = Opened(qtbot, folder)
    try:
        yield opened
    finally:
        opened.close()


def _view(qtbot, opened: Opened) -> SettingsView:
    view = SettingsView(opened.session)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view._loaded is not None and not view.busy.busy)
    return view


def _audited_settings(folder: Path) -> list[str]:
    with Casebook.open(folder, PASSPHRASE) as book:
        return [row[0] for row in book.cases.execute(
            "SELECT entity_id FROM audit WHERE event = 'setting.changed' ORDER BY seq")]


def test_settings_are_checked_as_typed_saved_and_audited(qtbot, opened: Opened) -> None:
    view = _view(qtbot, opened)
    assert view.organisation.text() == "NHS Test Board" and view.unit.text() == "Test Unit"
    assert (view.auto_lock.value(), view.retention.value(), view.threshold.value()) == (5, 6, 5)
    assert view.fingerprint.text() == "(no key yet)"
    assert not view.save.isEnabled() and not view.revert.isEnabled()

    view.organisation.clear()
    assert "organisation's name" in view.organisation_message.text()
    assert not view.save.isEnabled()
    qtbot.keyClicks(view.organisation, "NHS Lothian")
    assert not view.organisation_message.has_message() and view.save.isEnabled()
    view.unit.setText("Acute Services Division")
    view.auto_lock.setValue(15)
    view.retention.setValue(8)
    view.threshold.setValue(3)
    assert (view.auto_lock.maximum(), view.threshold.minimum(), view.threshold.maximum()) == (
        120, 2, 10)

    qtbot.keyClicks(view.board_key, "age1notakey")
    assert "age1" in view.board_key_message.text() and not view.save.isEnabled()
    assert view.fingerprint.text() == ""
    view.board_key.setText(BOARD_KEY)
    assert not view.board_key_message.has_message()
    groups = view.fingerprint.text().split()
    assert len(groups) == 16 and all(len(g) == 4 for g in groups)
    assert groups[:2] == ["65f1", "bc82"]
    assert view.save.isEnabled()

    with qtbot.waitSignal(view.settings_saved) as saved, \
            qtbot.waitSignal(view.auto_lock_changed) as auto_lock:
        qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
    assert set(saved.args[0]) == {"organisation", "reporting_unit", "auto_lock_minutes",
                                  "retention_years", "small_number_threshold",
                                  "board_recipient"}
    assert auto_lock.args == [15]
    assert view.message.text() == "Saved." and not view.save.isEnabled()

    opened.close()
    with Casebook.open(opened.folder, PASSPHRASE) as book:
        assert book.setting("organisation") == "NHS Lothian"
        assert book.setting("reporting_unit") == "Acute Services Division"
        assert book.setting("auto_lock_minutes") == "15"
        assert book.setting("retention_years") == "8"
        assert book.setting("small_number_threshold") == "3"
        assert book.setting("board_recipient") == BOARD_KEY
    assert sorted(_audited_settings(opened.folder)) == sorted(saved.args[0])


def test_undo_changes_puts_back_what_is_saved(qtbot, opened: Opened) -> None:
    view = _view(qtbot, opened)
    view.organisation.setText("Something else")
    view.threshold.setValue(9)
    assert view.revert.isEnabled()
    qtbot.mouseClick(view.revert, Qt.MouseButton.LeftButton)
    assert view.organisation.text() == "NHS Test Board" and view.threshold.value() == 5
    assert not view.save.isEnabled()


def test_removing_the_board_key_and_a_failed_save_keeps_the_form(qtbot, opened: Opened) -> None:
    opened.ask(lambda state: state.require_book().set_setting("board_recipient", BOARD_KEY))
    view = _view(qtbot, opened)
    assert view.board_key.text() == BOARD_KEY
    view.board_key.clear()
    with qtbot.waitSignal(view.settings_saved) as saved:
        qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
    assert saved.args == [("board_recipient",)]
    assert opened.ask(lambda state: state.require_book().setting("board_recipient")) is None

    view.organisation.setText("Changed while the casebook locks")
    opened.ask(lambda state: state.close())  # the casebook closes under the form
    qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.is_problem)
    assert "locked" in view.message.text()
    assert view.organisation.text() == "Changed while the casebook locks"
    assert view.save.isEnabled()


def _respond_due(opened: Opened, concern_id: int) -> date:
    def job(state: WorkerState) -> str:
        return str(state.require_book().cases.execute(
            "SELECT respond_due FROM stages WHERE concern_id = ?", (concern_id,)).fetchone()[0])

    return date.fromisoformat(opened.ask(job))


def test_local_holidays_move_due_dates(qtbot, opened: Opened) -> None:
    # Received Monday 16/11/2026: stage 1's five working days end on Monday 23/11/2026.
    received = date(2026, 11, 16)
    concern_id = opened.ask(lambda state: ConcernService(state.require_book(), today=lambda: TODAY)
                            .create(replace(NAMED, received_on=received, consent_on=received)))
    assert _respond_due(opened, concern_id) == date(2026, 11, 23)
    view = _view(qtbot, opened)
    table = view.holidays.table
    shown = {entry.day: entry for entry in view.holidays.entries}
    assert {d.year for d in shown} == {2026, 2027}  # this year and next
    assert shown[date(2026, 11, 30)].kind is HolidayKind.NATIONAL
    assert table.item(0, 0).text() == "Thu 01/01/2026"
    assert not view.holidays.worked_button.isEnabled()

    qtbot.mouseClick(view.holidays.add_button, Qt.MouseButton.LeftButton)
    dialog = view.holiday_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.day.setDate(QDate(2026, 11, 30))
    assert "already a Scottish bank holiday" in dialog.message.text()
    assert not dialog.ok.isEnabled()
    dialog.day.setDate(QDate(2026, 11, 18))
    qtbot.keyClicks(dialog.label, "Founders' day")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(opened.session.changed):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy.busy)
    added = {e.day: e for e in view.holidays.entries}[date(2026, 11, 18)]
    assert (added.label, added.kind) == ("Founders' day", HolidayKind.LOCAL)
    assert view.holidays.selected() == added and view.holidays.remove_button.isEnabled()
    assert _respond_due(opened, concern_id) == date(2026, 11, 24)

    # Working St Andrew's Day does not touch this concern, and can be undone.
    assert view.holidays.select_day(date(2026, 11, 30))
    assert view.holidays.worked_button.isEnabled()
    with qtbot.waitSignal(opened.session.changed):
        qtbot.mouseClick(view.holidays.worked_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy.busy)
    worked = {e.day: e for e in view.holidays.entries}[date(2026, 11, 30)]
    assert worked.kind is HolidayKind.WORKED
    assert view.holidays.remove_button.isEnabled()
    with qtbot.waitSignal(opened.session.changed):
        qtbot.mouseClick(view.holidays.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy.busy)
    assert {e.day: e for e in view.holidays.entries}[date(2026, 11, 30)].kind is (
        HolidayKind.NATIONAL)

    assert view.holidays.select_day(date(2026, 11, 18))
    with qtbot.waitSignal(opened.session.changed):
        qtbot.mouseClick(view.holidays.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy.busy)
    assert date(2026, 11, 18) not in {e.day for e in view.holidays.entries}
    assert _respond_due(opened, concern_id) == date(2026, 11, 23)


def test_quick_unlock_can_be_turned_on_and_off(qtbot, opened: Opened, memory_keyring) -> None:
    view = _view(qtbot, opened)
    assert view.quick_unlock.isEnabled() and not view.quick_unlock.isChecked()
    with qtbot.waitSignal(view.quick_unlock_changed) as changed:
        qtbot.mouseClick(view.quick_unlock, Qt.MouseButton.LeftButton)
    assert changed.args == [True] and view.quick_unlock.isChecked()
    assert len(memory_keyring.secrets) == 1
    with qtbot.waitSignal(view.quick_unlock_changed) as changed:
        qtbot.mouseClick(view.quick_unlock, Qt.MouseButton.LeftButton)
    assert changed.args == [False] and memory_keyring.secrets == {}
    with qtbot.waitSignal(view.quick_unlock_changed):
        qtbot.mouseClick(view.quick_unlock, Qt.MouseButton.LeftButton)
    opened.close()
    book = Casebook.open_quick(opened.folder)
    assert book is not None
    book.close()


def test_quick_unlock_is_disabled_with_the_reason_without_a_keyring(
        qtbot, opened: Opened, no_keyring) -> None:
    view = _view(qtbot, opened)
    assert not view.quick_unlock.isEnabled()
    assert "No secure system keyring is available on this computer" in (
        view.quick_unlock_note.text())


def test_change_the_passphrase(qtbot, opened: Opened) -> None:
    view = _view(qtbot, opened)
    changed: list[bool] = []
    view.passphrase_changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(view.change_passphrase, Qt.MouseButton.LeftButton)
    dialog = view.passphrase_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.ok.isEnabled()
    new = "kettle harbour violet lamp"

    qtbot.keyClicks(dialog.current, "not the passphrase")
    qtbot.keyClicks(dialog.new, "short")
    assert "at least 12 characters" in dialog.new_message.text()
    dialog.new.clear()
    qtbot.keyClicks(dialog.new, new)
    assert dialog.meter.strength.level >= 3
    qtbot.keyClicks(dialog.confirm, new + "x")
    assert dialog.confirm_message.text() == "The two new passphrases are different."
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Backspace)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not the current passphrase" in dialog.current_message.text())
    assert dialog.isVisible() and dialog.new.text() == new  # nothing typed is lost

    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    assert not dialog.current_message.has_message()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: changed == [True])
    assert view.passphrase_dialog is None
    assert view.message.text() == "The passphrase was changed."

    opened.close()
    Casebook.open(opened.folder, new).close()
    with pytest.raises(WrongPassphrase):
        Casebook.open(opened.folder, PASSPHRASE)


def test_forget_empties_every_field(qtbot, opened: Opened) -> None:
    opened.ask(lambda state: state.require_book().set_setting("board_recipient", BOARD_KEY))
    view = _view(qtbot, opened)
    qtbot.mouseClick(view.change_passphrase, Qt.MouseButton.LeftButton)
    assert view.passphrase_dialog is not None
    qtbot.keyClicks(view.passphrase_dialog.current, PASSPHRASE)
    view.forget()
    assert view.passphrase_dialog is None
    assert view.organisation.text() == view.unit.text() == view.board_key.text() == ""
    assert view.fingerprint.text() == "" and view.holidays.table.rowCount() == 0
    assert view._loaded is None
    assert not view.organisation.isEnabled() and not view.save.isEnabled()
    assert not view.holidays.add_button.isEnabled()


def test_every_control_has_an_accessible_name(qtbot, opened: Opened) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit, QTableWidget

    view = _view(qtbot, opened)
    for kind in (QLineEdit, QAbstractButton, QAbstractSpinBox, QTableWidget):
        for widget in view.findChildren(kind):
            if widget.objectName().startswith("qt_") or (
                    widget.parent() is not None and widget.parent().inherits("QAbstractSpinBox")):
                continue  # Qt's own parts: a spin box's line edit, a table's corner button
            assert widget.accessibleName(), widget


def test_settings_show_this_units_key_for_the_board(qtbot, opened: Opened) -> None:
    from app.returns.signing import fingerprint, public_key_line, unit_public_key

    view = _view(qtbot, opened)
    qtbot.waitUntil(lambda: bool(view.unit_key.text()))
    raw = opened.ask(lambda state: unit_public_key(state.book))
    assert view.unit_key.text() == public_key_line(raw)  # what `casebook unit-key` prints
    assert view.unit_key_fingerprint.text().split() == fingerprint(raw).split()
    view.forget()
    assert view.unit_key.text() == "" and view.unit_key_fingerprint.text() == ""

"""First run, creating a casebook: validation as the user types, creation on the worker,
the recovery key shown once (and it really opens the casebook), the recovery sheet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store.casebook import Casebook
from app.store.errors import WrongPassphrase
from app.ui.base.worker import CasebookWorker
from app.ui.firstrun import recovery_key_dialog
from app.ui.firstrun.first_run_view import FirstRunView
from app.ui.firstrun.recovery_key_dialog import NewCasebook, RecoveryKeyDialog
from tests.support import PASSPHRASE

NEW_PASSPHRASE = "kettle harbour violet lamp"


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


def _view(qtbot, worker: CasebookWorker, folder: Path) -> FirstRunView:
    view = FirstRunView(worker, folder)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def test_create_validates_as_the_user_types_and_shows_the_key_once(
        qtbot, worker: CasebookWorker, tmp_path: Path) -> None:
    folder = tmp_path / "casebook"
    view = _view(qtbot, worker, folder)
    qtbot.mouseClick(view.create_choice, Qt.MouseButton.LeftButton)
    page = view.create_page
    assert page.isVisible() and page.folder_field.text() == str(folder)
    assert not page.create_button.isEnabled()

    qtbot.keyClicks(page.organisation, "NHS Test Board")
    qtbot.keyClicks(page.unit, "x")
    qtbot.keyClick(page.unit, Qt.Key.Key_Backspace)
    assert "reporting unit" in page.unit_message.text()
    qtbot.keyClicks(page.unit, "Acute Services")
    assert not page.unit_message.has_message()

    qtbot.keyClicks(page.passphrase, "short")
    assert page.meter.strength.level == 0
    assert "at least 12 characters" in page.passphrase_message.text()
    assert page.passphrase_message.is_problem
    qtbot.keyClicks(page.passphrase, " but now long enough")
    assert page.meter.strength.acceptable and page.meter.bar.value() >= 1
    assert not page.passphrase_message.has_message()
    qtbot.keyClicks(page.confirm, "short but")
    assert page.confirm_message.text() == "The two passphrases are different."
    assert not page.create_button.isEnabled()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, NEW_PASSPHRASE)
    page.confirm.clear()
    qtbot.keyClicks(page.confirm, NEW_PASSPHRASE)
    assert not page.confirm_message.has_message()
    assert page.meter.label.text() in ("Good", "Strong")
    assert page.create_button.isEnabled()

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.busy.busy and not page.create_button.isEnabled()  # the KDF runs on the worker
    qtbot.waitUntil(lambda: view.recovery_dialog is not None and view.recovery_dialog.isVisible())
    dialog = view.recovery_dialog
    assert dialog is not None
    assert page.passphrase.text() == "" and page.confirm.text() == ""
    recovery_key = "-".join(dialog.key.text().split())  # shown as three lines of three groups
    assert len(recovery_key.split("-")) == 9
    assert not dialog.continue_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the key cannot be dismissed unseen
    assert dialog.isVisible() and "tick the box" in dialog.print_message.text()

    qtbot.mouseClick(dialog.stored, Qt.MouseButton.LeftButton)
    assert dialog.continue_button.isEnabled()
    with qtbot.waitSignal(view.casebook_ready) as ready:
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert ready.args == [folder]
    assert "new passphrase" in view.ready_message
    assert view.recovery_dialog is None

    # The casebook was closed on the worker: the key shown opens it, so does the passphrase.
    qtbot.waitUntil(lambda: worker.pending == 0)
    with Casebook.open_with_recovery_key(folder, recovery_key) as book:
        assert book.setting("organisation") == "NHS Test Board"
        assert book.setting("reporting_unit") == "Acute Services"
    Casebook.open(folder, NEW_PASSPHRASE).close()


def test_creating_over_an_existing_casebook_says_so_and_keeps_the_form(
        qtbot, worker: CasebookWorker, tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    Casebook.create(existing, PASSPHRASE, organisation="o", unit="u")[0].close()
    view = _view(qtbot, worker, tmp_path / "new")
    view.show_create()
    page = view.create_page
    page.ask_folder = lambda _start: existing
    qtbot.mouseClick(page.change_folder, Qt.MouseButton.LeftButton)
    assert page.folder_field.text() == str(existing)
    qtbot.keyClicks(page.organisation, "NHS Test Board")
    qtbot.keyClicks(page.unit, "Unit")
    qtbot.keyClicks(page.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(page.confirm, NEW_PASSPHRASE)
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already exists" in page.message.text())
    assert page.organisation.text() == "NHS Test Board" and page.passphrase.text()
    assert page.create_button.isEnabled()
    with pytest.raises(WrongPassphrase):
        Casebook.open(existing, NEW_PASSPHRASE)


def test_keyboard_mnemonics_and_accessible_names(qtbot, worker: CasebookWorker,
                                                  tmp_path: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    view = _view(qtbot, worker, tmp_path / "casebook")
    view.show_create()
    for widget in view.findChildren(QLineEdit) + view.findChildren(QAbstractButton):
        assert widget.accessibleName(), widget
    view.activateWindow()
    qtbot.waitUntil(lambda: view.create_page.organisation.hasFocus())
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert view.create_page.passphrase.hasFocus()
    qtbot.keyClick(view.create_page.passphrase, Qt.Key.Key_Tab)
    assert view.create_page.confirm.hasFocus()


def _created(folder: Path) -> NewCasebook:
    return NewCasebook(folder, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD", "NHS Test Board",
                       "Unit", "0000-id")


def test_print_is_disabled_with_a_reason_when_the_sheet_module_is_missing(
        qtbot, worker: CasebookWorker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recovery_key_dialog, "find_sheet_renderer", lambda: None)
    dialog = RecoveryKeyDialog(_created(tmp_path), worker)
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled()
    assert "not available" in dialog.print_button.toolTip()


def test_print_saves_the_sheet_on_the_worker(qtbot, worker: CasebookWorker,
                                            tmp_path: Path) -> None:
    calls: list[tuple[str, str, str, str]] = []

    def render(key: str, organisation: str, unit: str, casebook_id: str) -> bytes:
        calls.append((key, organisation, unit, casebook_id))
        return b"%PDF-1.7 sheet"

    dialog = RecoveryKeyDialog(_created(tmp_path), worker, renderer=render)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_save_path = lambda _suggested: tmp_path / "sheet"
    assert dialog.print_button.isEnabled()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved to" in dialog.print_message.text())
    assert (tmp_path / "sheet.pdf").read_bytes() == b"%PDF-1.7 sheet"
    assert calls == [("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD", "NHS Test Board", "Unit",
                      "0000-id")]
    assert (tmp_path / "sheet.pdf").stat().st_mode & 0o077 == 0  # private to the user


def test_the_real_recovery_sheet_is_found_and_saved(qtbot, worker: CasebookWorker,
                                                    tmp_path: Path) -> None:
    assert recovery_key_dialog.find_sheet_renderer() is not None
    dialog = RecoveryKeyDialog(_created(tmp_path), worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_save_path = lambda _suggested: tmp_path / "Recovery sheet.pdf"
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved to" in dialog.print_message.text(), timeout=15_000)
    assert (tmp_path / "Recovery sheet.pdf").read_bytes().startswith(b"%PDF")

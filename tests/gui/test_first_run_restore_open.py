"""First run, the other two ways in: restore from a backup, open an existing folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store.backup import backup_files
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.ui.base.worker import CasebookWorker
from app.ui.firstrun.first_run_view import FirstRunView
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE, TODAY


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


@pytest.fixture
def backup_entry(folder: Path) -> Path:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit="Unit")
    with book:
        ConcernService(book, today=lambda: TODAY).create(NAMED)
        return backup_files(folder, book.master_key).path


def _view(qtbot, worker: CasebookWorker, folder: Path) -> FirstRunView:
    view = FirstRunView(worker, folder)
    qtbot.addWidget(view)
    view.show()
    return view


def test_restore_from_a_backup_checks_both_folders_then_restores(
        qtbot, worker: CasebookWorker, tmp_path: Path, backup_entry: Path) -> None:
    target = tmp_path / "restored"
    view = _view(qtbot, worker, target)
    qtbot.mouseClick(view.restore_choice, Qt.MouseButton.LeftButton)
    page = view.restore_page
    assert page.target_field.text() == str(target)  # defaults to the folder asked for
    assert not page.restore_button.isEnabled()

    not_a_backup = tmp_path / "holiday photos"
    not_a_backup.mkdir()
    page.backup_field.setText(str(not_a_backup))
    qtbot.waitUntil(lambda: "not a Casebook backup" in page.backup_message.text())
    assert not page.restore_button.isEnabled()

    page.ask_folder = lambda _title, _start: backup_entry
    qtbot.mouseClick(page.choose_backup, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "holding 1 concern." in page.backup_message.text())
    assert not page.backup_message.is_problem
    qtbot.waitUntil(page.restore_button.isEnabled)

    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "notes.txt").write_text("something else")
    page.target_field.setText(str(occupied))
    qtbot.waitUntil(lambda: "not empty" in page.target_message.text())
    assert not page.restore_button.isEnabled()
    page.target_field.setText(str(target))
    qtbot.waitUntil(page.restore_button.isEnabled)
    assert not page.target_message.has_message()

    with qtbot.waitSignal(view.casebook_ready, timeout=10_000) as ready:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert ready.args == [target]
    assert "restored" in view.ready_message
    with Casebook.open(target, PASSPHRASE) as book:
        assert book.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == 1


def test_a_damaged_backup_is_refused_before_restoring(
        qtbot, worker: CasebookWorker, tmp_path: Path, backup_entry: Path) -> None:
    with open(backup_entry / "cases.db", "r+b") as handle:
        handle.seek(5000)
        handle.write(b"\x00" * 64)
    view = _view(qtbot, worker, tmp_path / "restored")
    view.show_restore()
    view.restore_page.backup_field.setText(str(backup_entry))
    qtbot.waitUntil(lambda: "damaged" in view.restore_page.backup_message.text())
    assert not view.restore_page.restore_button.isEnabled()
    assert not (tmp_path / "restored").exists()


def test_open_an_existing_casebook_folder(qtbot, worker: CasebookWorker, tmp_path: Path,
                                          folder: Path) -> None:
    Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")[0].close()
    view = _view(qtbot, worker, tmp_path / "nothing here")

    empty = tmp_path / "empty"
    empty.mkdir()
    view.ask_folder = lambda _start: empty
    qtbot.mouseClick(view.open_choice, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "There is no casebook in" in view.open_message.text())

    view.ask_folder = lambda _start: folder
    with qtbot.waitSignal(view.casebook_ready) as ready:
        qtbot.mouseClick(view.open_choice, Qt.MouseButton.LeftButton)
    assert ready.args == [folder]
    assert not view.open_message.has_message()


def test_cancelling_the_folder_chooser_changes_nothing(qtbot, worker: CasebookWorker,
                                                       tmp_path: Path) -> None:
    view = _view(qtbot, worker, tmp_path / "casebook")
    view.ask_folder = lambda _start: None
    with qtbot.assertNotEmitted(view.casebook_ready):
        qtbot.mouseClick(view.open_choice, Qt.MouseButton.LeftButton)
    assert worker.pending == 0

"""Backing up from the window: a verified copy where the contact chooses, or cancelled."""

from __future__ import annotations

from pathlib import Path

from app.store import backup
from tests.gui.workspace_helpers import idle, make_casebook, open_window, rows
from tests.store.test_concerns import NAMED


def test_back_up_to_a_chosen_folder_and_the_copy_verifies(qtbot, folder: Path,
                                                          tmp_path: Path) -> None:
    make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    window._backup()
    dialog = window.backup_dialog
    assert dialog is not None and dialog.start_button.isEnabled()
    dialog.elsewhere.setChecked(True)
    assert not dialog.start_button.isEnabled()  # a folder is needed first
    dialog.folder.setText(str(tmp_path / "usb"))
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        dialog.start_button.click()
    entry = saved.args[0]
    assert entry.parent == tmp_path / "usb" and backup.files_intact(entry)
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT count(*) FROM audit WHERE event = 'backup.written'") == [
        (1,)]
    window.close()


def test_a_cancelled_backup_leaves_nothing(qtbot, folder: Path, tmp_path: Path) -> None:
    make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    window._backup()
    dialog = window.backup_dialog
    dialog.elsewhere.setChecked(True)
    dialog.folder.setText(str(tmp_path / "usb"))
    dialog.progress.cancel_button.setVisible(True)
    dialog.start()
    dialog.progress.cancel()  # before the first page is copied: the job stops there
    qtbot.waitUntil(lambda: not dialog.progress.busy, timeout=20_000)
    assert "Cancelled" in dialog.message.text()
    assert not any((tmp_path / "usb").iterdir())
    window.close()

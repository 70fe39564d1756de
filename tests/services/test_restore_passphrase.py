"""A backup made before the passphrase was changed, restored: said so, and fixed on request.

The person types the passphrase they use today into the restored casebook. Before, that
was "Wrong passphrase." with no way to tell why. Now the restored casebook knows which
casebook it came from; when that one is here with the same keys and a newer passphrase,
the current passphrase opens the restored copy too, the person is told, and the copy can
be given the current passphrase (checked against the original's slot first). Opened
with the old passphrase, the person is told the original's has changed since.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.cli import main
from app.services.restore import adopt_passphrase, open_restored
from app.store import backup
from app.store.casebook import Casebook
from app.store.errors import CasebookError, WrongPassphrase
from tests.support import PASSPHRASE

CURRENT = "the passphrase used since May"


@pytest.fixture
def restored(folder: Path, tmp_path: Path) -> Path:
    """A backup made with PASSPHRASE, then the original's passphrase changed to CURRENT,
    then the backup restored into another folder."""
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        entry = backup.backup_files(folder, book.master_key).path
        book.change_passphrase(CURRENT)
    target = tmp_path / "restored"
    backup.restore(entry, target)
    return target


def test_the_current_passphrase_opens_it_and_says_why(restored: Path) -> None:
    opened = open_restored(restored, CURRENT)
    with opened.book as book:
        assert opened.with_current and opened.older_passphrase
        assert "before its passphrase was changed" in opened.older_passphrase
        adopt_passphrase(book, CURRENT)
    Casebook.open(restored, CURRENT).close()  # now it opens the ordinary way
    with pytest.raises(WrongPassphrase):
        Casebook.open(restored, PASSPHRASE)
    again = open_restored(restored, CURRENT)
    again.book.close()
    assert again.older_passphrase is None  # nothing more to say


def test_the_old_passphrase_still_opens_it_and_says_the_original_changed(
        restored: Path) -> None:
    opened = open_restored(restored, PASSPHRASE)
    with opened.book as book:
        assert not opened.with_current
        assert "has had its passphrase changed since" in (opened.older_passphrase or "")
        with pytest.raises(CasebookError, match="not the current passphrase"):
            adopt_passphrase(book, "a guess that is long enough")
        adopt_passphrase(book, CURRENT)
    Casebook.open(restored, CURRENT).close()


def test_a_wrong_passphrase_is_still_just_wrong(restored: Path) -> None:
    with pytest.raises(WrongPassphrase):
        open_restored(restored, "neither of them, but long")


def test_an_ordinary_casebook_is_unaffected(folder: Path) -> None:
    Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")[0].close()
    opened = open_restored(folder, PASSPHRASE)
    opened.book.close()
    assert opened.older_passphrase is None


def test_the_command_line_restore_offers_the_current_passphrase(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        entry = backup.backup_files(folder, book.master_key).path
        book.change_passphrase(CURRENT)
    from app.cli import prompts

    monkeypatch.setattr(prompts.sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: "y")
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", CURRENT)
    target = tmp_path / "restored"
    assert main(["restore", str(entry), "--casebook", str(target)]) == 0
    err = capsys.readouterr().err
    assert "before its passphrase was changed" in err and "now opens with the current" in err
    Casebook.open(target, CURRENT).close()
    # Other commands on a restored copy that still has the old one say so in one line.
    other = tmp_path / "other"
    backup.restore(entry, other)
    assert main(["check", "--casebook", str(other)]) == 0
    assert "Set the current one here with `casebook passphrase`" in capsys.readouterr().err


def test_the_window_offers_to_set_it(qtbot, restored: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import MainWindow

    window = MainWindow(restored)
    qtbot.addWidget(window)
    window.show()
    window.unlock_view.passphrase.setText(CURRENT)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.restored_notice is not None)
    notice = window.restored_notice
    assert notice is not None and "before its passphrase was changed" in notice.text()
    qtbot.mouseClick(notice.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "now opens with the current" in window.statusBar().currentMessage())
    window.lock()
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    Casebook.open(restored, CURRENT).close()
    window.close()

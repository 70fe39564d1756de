from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from app.core.records import ConversationMode
from app.store import backup
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import BackupError, CasebookError
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE


def _fill(service: ConcernService) -> int:
    concern = service.create(NAMED)
    service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE, "Follow-up call")
    return concern


def test_a_backup_restores_on_a_new_laptop(tmp_path: Path, created: tuple[Casebook, str],
                                           service: ConcernService) -> None:
    book, recovery = created
    _fill(service)
    progress: list[tuple[int, int]] = []
    result = backup.backup_files(book.folder, book.master_key, to=tmp_path / "usb",
                                 on_progress=lambda d, t: progress.append((d, t)))
    assert result.concerns == 1 and progress and progress[-1][0] == progress[-1][1]
    assert {p.name for p in result.path.iterdir()} == {
        "cases.db", "identities.db", "keyslots.json", "manifest.json"}
    assert not any(p.name.endswith(("-wal", "-shm")) for p in result.path.iterdir())
    book.close()
    # "A new laptop": the entry copied alone, restored into an empty folder.
    moved = tmp_path / "elsewhere" / result.path.name
    shutil.copytree(result.path, moved)
    restored = backup.restore(moved, tmp_path / "new-laptop")
    with Casebook.open(restored, PASSPHRASE) as again:
        assert again.cases.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
    (restored / "keyslots.json").unlink()
    with Casebook.open_with_recovery_key(restored, recovery) as again:
        assert again.cases.execute("SELECT summary FROM concerns").fetchone()[0] == NAMED.summary


def test_restore_never_overwrites(tmp_path: Path, book: Casebook) -> None:
    result = backup.backup_files(book.folder, book.master_key)
    with pytest.raises(CasebookError, match="not empty"):
        backup.restore(result.path, book.folder)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("keep me")
    with pytest.raises(CasebookError, match="not empty"):
        backup.restore(result.path, busy)
    assert (busy / "notes.txt").read_text() == "keep me"


def test_a_damaged_backup_is_recognised(book: Casebook) -> None:
    good = backup.backup_files(book.folder, book.master_key).path
    bad = backup.backup_files(book.folder, book.master_key).path
    with open(bad / "cases.db", "r+b") as handle:
        handle.seek(5000)
        handle.write(b"\x00" * 64)
    assert not backup.files_intact(bad)
    assert backup.latest_good_backup(book.folder) == good
    with pytest.raises(BackupError, match="damaged"):
        backup.restore(bad, book.folder.parent / "target")


def test_own_backups_are_rotated(book: Casebook, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "KEEP_OWN_BACKUPS", 3)
    made = [backup.backup_files(book.folder, book.master_key).path for _ in range(5)]
    kept = sorted(p for p in (book.folder / "backups").iterdir())
    assert kept == sorted(made[-3:])


def test_a_backup_to_an_unwritable_place_says_so(tmp_path: Path, book: Casebook) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="Cannot write a backup"):
        backup.backup_files(book.folder, book.master_key, to=blocker / "sub")
    assert not (book.folder / "backups").exists()


def test_a_crashed_backup_left_half_written_is_swept_later(book: Casebook) -> None:
    import os
    import time

    own = book.folder / "backups"
    own.mkdir()
    old = own / ".casebook-backup-20200101-000000-000000-manual.partial"
    fresh = own / ".casebook-backup-20990101-000000-000000-manual.partial"
    for partial in (old, fresh):
        partial.mkdir()
        (partial / "cases.db").write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    backup.backup_files(book.folder, book.master_key)
    assert not old.exists() and fresh.exists()  # a recent one may still be being written
    assert backup.latest_good_backup(book.folder) is not None

"""How a backup copies a database: the encrypted file's bytes once its log is folded in, or
SQLite's backup API when that cannot be done safely; either way the same verified backup."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from app.core.records import ConversationMode
from app.store import backup, check, database, keys
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE


def _fill(service: ConcernService, conversations: int = 3) -> None:
    concern = service.create(NAMED)
    for day in range(conversations):
        service.log_conversation(concern, date(2025, 5, 3 + day), ConversationMode.PHONE,
                                 f"Call number {day}: needlestick injury from a sharps bin.")


def _restored(entry: Path, target: Path) -> tuple[int, int]:
    with Casebook.open(backup.restore(entry, target), PASSPHRASE) as book:
        assert check.check(book).ok
        return (book.cases.execute("SELECT count(*) FROM conversations").fetchone()[0],
                book.identities().execute("SELECT count(*) FROM persons").fetchone()[0])


@pytest.mark.parametrize("raw", [True, False])
def test_both_ways_make_the_same_verified_backup(tmp_path: Path, book: Casebook,
                                                 service: ConcernService, raw: bool,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(service)
    copies: list[bool] = []
    original = backup._copy_file

    def copy_file(*args: object) -> bool:
        copies.append(original(*args) if raw else False)  # type: ignore[arg-type]
        return copies[-1]

    monkeypatch.setattr(backup, "_copy_file", copy_file)
    result = backup.backup_files(book.folder, book.master_key, to=tmp_path / "usb")
    assert copies == [raw, raw]
    if raw:  # written owner-only (the backup API's copies rely on the entry's 0700 folder)
        for name in ("cases.db", "identities.db"):
            assert stat.S_IMODE((result.path / name).stat().st_mode) & 0o077 == 0
    assert not any(p.name.endswith(("-wal", "-shm")) for p in result.path.iterdir())
    assert backup.files_intact(result.path)
    book.close()
    assert _restored(result.path, tmp_path / "restored") == (3, 1)


def test_the_write_ahead_log_is_folded_in_first(tmp_path: Path, book: Casebook,
                                                service: ConcernService) -> None:
    _fill(service, conversations=5)
    wal = book.folder / "cases.db-wal"
    assert wal.stat().st_size > 0  # the last changes are in the log, not yet in the file
    result = backup.backup_files(book.folder, book.master_key, to=tmp_path / "usb")
    assert wal.exists()  # folded in, not removed: the open connections keep using it
    book.close()
    assert _restored(result.path, tmp_path / "restored") == (5, 1)


class _Row:
    def __init__(self, row: object) -> None:
        self.row = row

    def fetchone(self) -> object:
        return self.row


def test_a_commit_by_another_connection_after_the_checkpoint_stops_the_copy(
        tmp_path: Path, book: Casebook, service: ConcernService) -> None:
    _fill(service)
    source = book.folder / "cases.db"
    src = database.connect(source, keys.database_key(book.master_key, "cases"))

    class LateWriter:
        """The copy's connection, with another one committing right after the checkpoint."""

        def execute(self, sql: str, *args: object) -> object:
            result = src.execute(sql, *args)
            if sql.startswith("PRAGMA wal_checkpoint"):
                row = result.fetchone()
                with database.write(book.cases):
                    book.cases.execute("INSERT INTO meta (key, value) VALUES ('late', 'x')")
                return _Row(row)
            return result

    try:
        assert backup._copy_file(LateWriter(), source, tmp_path / "late.db", None) is False
        assert not (tmp_path / "late.db").exists()
        assert backup._copy_file(src, source, tmp_path / "copy.db", None) is True
    finally:
        src.close()
    copy = database.connect(tmp_path / "copy.db", keys.database_key(book.master_key, "cases"))
    try:
        assert copy.execute("SELECT value FROM meta WHERE key = 'late'").fetchone() == ("x",)
        assert copy.execute("SELECT count(*) FROM conversations").fetchone() == (3,)
    finally:
        copy.close()

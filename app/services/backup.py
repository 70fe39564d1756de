"""Backing up: one verified, encrypted copy of the whole casebook, written and audited."""

from __future__ import annotations

from pathlib import Path

from app.store import backup
from app.store.backup import BackupResult, Progress
from app.store.casebook import Casebook


def make_backup(book: Casebook, to: Path | None = None, *,
                on_progress: Progress | None = None) -> BackupResult:
    """A new backup entry in the casebook's own backups/ folder, or in `to` (a USB stick, a
    network share), verified after writing; recorded in the audit log."""
    result = backup.backup_files(book.folder, book.master_key, to=to, on_progress=on_progress)
    book.record("backup.written", "backup", result.path.name)
    return result

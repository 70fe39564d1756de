"""Backups after an identity leaves the casebook (a destruction, or a handover).

A backup is self-contained: it holds both databases as they were. So a backup made before
an identity was destroyed still holds that identity, readable with the passphrase or the
recovery key of its day. After each removal:

- the casebook's own `backups/` is remade: one fresh backup is written and verified
  first (so a good backup always exists), then every older entry there is overwritten
  with zeros and deleted;
- the backups written elsewhere (a USB stick, a network share) are listed with the date
  and place recorded when each was made: those made before the removal still hold the
  identity until someone destroys them. Casebook cannot reach them to do it (a drive may
  be unplugged, a share offline); `shred_external` destroys one that is reachable.

Overwriting is best effort: on an SSD or a copy-on-write file system the old blocks may
survive on the device; they are encrypted under the casebook's key, as the database is.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.paths import BACKUPS_DIR
from app.store import backup
from app.store.errors import BackupError

_STAMP = re.compile(r"casebook-backup-(\d{8})-(\d{6})")


@dataclass(frozen=True)
class ExternalCopy:
    path: Path
    made: str  # ISO time as recorded when it was made ("" when not recorded)
    present: bool  # found at that place now (False: gone, or the drive is not connected)


@dataclass(frozen=True)
class BackupsAfterRemoval:
    new_backup: Path
    removed: tuple[str, ...]  # names of the casebook's own backups destroyed
    external: tuple[ExternalCopy, ...]  # made elsewhere before the removal: still hold it


def made_at(entry: Path, recorded: dict[str, str]) -> str:
    """When a backup entry was made: as recorded, else from its manifest, else its name."""
    when = recorded.get(str(entry))
    if when:
        return when
    with contextlib.suppress(BackupError, OSError):
        created = backup.read_manifest(entry).get("created_at")
        if isinstance(created, str) and created:
            return created
    match = _STAMP.search(entry.name)
    if match:
        day, time = match.groups()
        return (f"{day[:4]}-{day[4:6]}-{day[6:]}T{time[:2]}:{time[2:4]}:{time[4:]}+00:00")
    return ""


def shred(entry: Path) -> None:
    """Overwrite every file of a backup entry with zeros, then delete it (best effort on
    the device itself, see above)."""
    for path in sorted(entry.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                size = path.stat().st_size
                with open(path, "r+b") as handle:
                    left = size
                    while left > 0:
                        step = min(left, 1 << 20)
                        handle.write(b"\0" * step)
                        left -= step
                    handle.flush()
                    os.fsync(handle.fileno())
    shutil.rmtree(entry, ignore_errors=True)


def remake_own_backups(folder: Path, master: bytes, reason: str) -> tuple[Path, tuple[str, ...]]:
    """A fresh verified backup in the casebook's own backups/, then every older one there
    destroyed. Returns the new entry and the names of those destroyed."""
    fresh = backup.backup_files(folder, master, reason=reason).path
    removed: list[str] = []
    own = folder / BACKUPS_DIR
    for entry in sorted(own.iterdir()):
        if entry == fresh or not entry.is_dir():
            continue
        shred(entry)
        removed.append(entry.name)
    return fresh, tuple(removed)


def external_copies(folder: Path, before: str | None = None) -> list[ExternalCopy]:
    """Backups written elsewhere (made before `before`, an ISO time, when given)."""
    recorded = backup.external_made(folder)
    found = []
    for path in backup.external_backups(folder):
        when = made_at(path, recorded)
        if before is not None and when and _instant(when) >= _instant(before):
            continue
        found.append(ExternalCopy(path, when, path.is_dir()))
    return sorted(found, key=lambda c: (c.made, str(c.path)))


def _instant(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def after_removal(folder: Path, master: bytes, when: str, reason: str) -> BackupsAfterRemoval:
    """Remake the own backups and list the external copies made before `when`."""
    fresh, removed = remake_own_backups(folder, master, reason)
    return BackupsAfterRemoval(fresh, removed, tuple(external_copies(folder, before=when)))


def shred_external(folder: Path, entry: Path) -> None:
    """Destroy a backup written elsewhere that this casebook recorded (it must be one)."""
    if entry.resolve() not in {p.resolve() for p in backup.external_backups(folder)}:
        raise BackupError(f"{entry} is not a backup this casebook recorded writing.")
    if not entry.is_dir():
        raise BackupError(f"{entry} cannot be found (is the drive connected?).")
    backup.read_manifest(entry)  # refuses anything that is not a backup
    shred(entry)

"""Backups: encrypted, self-contained, verified after writing, rotated.

A backup entry is a folder holding copies of both databases (made with SQLite's
backup API, page by page, still encrypted under the same keys), keyslots.json,
and manifest.json (SHA-256 of each file). It restores on a new laptop with the
passphrase or the recovery key alone. An entry is written under a temporary
name and renamed only once verified, so a half-written backup never looks good.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.paths import (
    BACKUP_INDEX,
    BACKUPS_DIR,
    CASES_DB,
    IDENTITIES_DB,
    KEYSLOTS,
    ensure_private_dir,
)
from app.store import audit, database, keys
from app.store.atomic import fsync_dir, fsync_file, write_atomic
from app.store.errors import BackupError, CasebookError, ReadOnlyFolder
from app.store.keys import sqlcipher_key_literal

Progress = Callable[[int, int], None]
KEEP_OWN_BACKUPS = 10
MANIFEST = "manifest.json"
RESTORED_FROM = "restored-from.json"  # written into a restored casebook: which backup, whence
_FILES = (CASES_DB, IDENTITIES_DB, KEYSLOTS)
_COPY_BLOCK = 4 << 20


@dataclass(frozen=True)
class BackupResult:
    path: Path
    concerns: int
    bytes: int


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_files(folder: Path, master: bytes, *, to: Path | None = None, reason: str = "manual",
                 on_progress: Progress | None = None) -> BackupResult:
    """Write one new backup entry (into `to`, or the casebook's own backups/) and verify it."""
    own = to is None
    target_dir = folder / BACKUPS_DIR if to is None else to
    try:
        ensure_private_dir(target_dir)
    except OSError as exc:
        raise BackupError(f"Cannot write a backup to {target_dir}: {exc.strerror}.") from exc
    name = f"casebook-backup-{_stamp()}-{reason}"
    partial = target_dir / f".{name}.partial"
    final = target_dir / name
    try:
        partial.mkdir(mode=0o700)
        counts = _copy_databases(folder, master, partial, on_progress)
        keyslots_src = folder / KEYSLOTS
        if keyslots_src.exists():
            shutil.copyfile(keyslots_src, partial / KEYSLOTS)
            fsync_file(partial / KEYSLOTS)
        verify_backup(partial, master)
        _write_manifest(folder, master, partial, reason, counts)
        os.replace(partial, final)
        fsync_dir(target_dir)
    except (OSError, database.Error) as exc:  # SQLite's own, e.g. "database or disk is full"
        shutil.rmtree(partial, ignore_errors=True)
        detail = getattr(exc, "strerror", None) or exc
        raise BackupError(
            f"The backup to {target_dir} failed ({detail}); the casebook is unchanged."
        ) from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if own:
        _rotate(target_dir)
    else:
        _remember_external(folder, final)
    size = sum(p.stat().st_size for p in final.iterdir())
    return BackupResult(final, counts["concerns"], size)


def _copy_databases(folder: Path, master: bytes, dest: Path,
                    on_progress: Progress | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, table in ((CASES_DB, "concerns"), (IDENTITIES_DB, "persons")):
        key = keys.database_key(master, name.removesuffix(".db"))
        src = database.connect(folder / name, key)
        try:
            counts[table] = int(src.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            copied = _copy_file(src, folder / name, dest / name, on_progress)
            dst = database.raw_connect(str(dest / name))
            try:
                dst.execute("PRAGMA cipher_log_level = NONE")
                dst.execute(f"PRAGMA key = {sqlcipher_key_literal(key)}")
                if not copied:
                    src.backup(dst, pages=256, progress=_page_progress(on_progress))
                # A backup is one self-contained file: no WAL beside it.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        fsync_file(dest / name)
    return counts


def _copy_file(src: database.Connection, source: Path, target: Path,
               on_progress: Progress | None) -> bool:
    """Copy the database file's (encrypted) bytes as they are, once every commit in its
    write-ahead log is folded into it, inside a read transaction so the file cannot change
    meanwhile. Every page is then the one SQLCipher wrote, so the copy opens with the same
    key; it is several times faster than SQLite's backup API, which decrypts and
    re-encrypts every page. False (nothing copied) when the log could not be folded in
    whole, or another connection wrote in between: then the backup API does it."""
    before = src.execute("PRAGMA data_version").fetchone()[0]
    busy, logged, folded = src.execute("PRAGMA wal_checkpoint(FULL)").fetchone()
    if busy or logged != folded:
        return False
    src.execute("BEGIN")
    try:
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds the snapshot
        if src.execute("PRAGMA data_version").fetchone()[0] != before:
            return False  # another connection committed since the checkpoint
        total = source.stat().st_size
        done = 0
        with open(source, "rb") as reader, open(
                os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as writer:
            for block in iter(lambda: reader.read(_COPY_BLOCK), b""):
                writer.write(block)
                done += len(block)
                if on_progress is not None:
                    on_progress(done // 4096, total // 4096)
    finally:
        src.execute("ROLLBACK")
    return True


def _page_progress(on_progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if on_progress is None:
        return None

    def report(_status: int, remaining: int, total: int) -> None:
        on_progress(total - remaining, total)

    return report


def _write_manifest(folder: Path, master: bytes, entry: Path, reason: str,
                    counts: dict[str, int]) -> None:
    copy = database.connect(entry / CASES_DB, keys.database_key(master, "cases"),
                            readonly=True)
    try:
        seq, digest = audit.head(copy)
    finally:
        copy.close()
    manifest = {
        "format": "casebook-backup",
        "version": 1,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "reason": reason,
        "key_check": keys.key_check(master),
        "counts": counts,
        # The audit chain's head as backed up: `casebook check` finds the live log still
        # passing through it, or says it was cut short or rewritten since.
        "audit_head": {"seq": seq, "hash": digest},
        # Where it came from: a restore can then tell whether that casebook's passphrase
        # has changed since (app/services/restore.py).
        "source": str(folder.resolve()),
        "files": {name: _sha256(entry / name) for name in _FILES if (entry / name).exists()},
    }
    write_atomic(entry / MANIFEST, json.dumps(manifest, indent=2).encode())


def read_manifest(entry: Path) -> dict[str, object]:
    try:
        doc = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{entry} is not a Casebook backup (no readable manifest).") from exc
    if not isinstance(doc, dict) or doc.get("format") != "casebook-backup":
        raise BackupError(f"{entry} is not a Casebook backup.")
    return doc


def files_intact(entry: Path) -> bool:
    """True when every file listed in the manifest is present with the same SHA-256."""
    try:
        files = read_manifest(entry).get("files")
    except BackupError:
        return False
    if not isinstance(files, dict) or CASES_DB not in files:
        return False
    for name, digest in files.items():
        path = entry / str(name)
        if not path.exists() or _sha256(path) != digest:
            return False
    return True


def verify_backup(entry: Path, master: bytes) -> None:
    """Open each copy with its key and run both integrity checks and the audit chain (on a
    connection each, at the same time: each reads the whole copy)."""
    for name in (CASES_DB, IDENTITIES_DB):
        key = keys.database_key(master, name.removesuffix(".db"))
        jobs: list[Callable[[database.Connection], object]] = [
            database.page_problems, database.structure_problems]
        if name == CASES_DB:
            jobs.append(lambda conn: audit.verify(conn, audit.chain_key(conn)))
        try:
            results = database.concurrently(entry / name, key, jobs)
        except (database.KeyMismatch, database.Damaged, database.DatabaseError) as exc:
            raise BackupError(f"The backup copy of {name} could not be read back.") from exc
        pages, structure, *chain = results
        assert isinstance(pages, list) and isinstance(structure, list)
        if [p for p in (*pages, *structure) if p != "ok"]:
            raise BackupError(f"The backup copy of {name} failed its integrity check.")
        if chain and not (isinstance(chain[0], audit.ChainReport) and chain[0].ok):
            raise BackupError("The backup copy's audit log does not verify.")


def list_backups(folder: Path) -> list[Path]:
    """Known backup entries, newest first: the casebook's own and those written elsewhere."""
    entries: list[Path] = []
    own = folder / BACKUPS_DIR
    if own.is_dir():
        entries.extend(p for p in own.iterdir() if p.is_dir() and not p.name.startswith("."))
    for path in _external_index(folder):
        if path.is_dir() and path not in entries:
            entries.append(path)
    return sorted(entries, key=lambda p: p.name, reverse=True)


def latest_good_backup(folder: Path) -> Path | None:
    for entry in list_backups(folder):
        if files_intact(entry):
            return entry
    return None


def _rotate(own: Path) -> None:
    # Half-written entries left by a crash (never renamed into place) are swept after an
    # hour, long after any backup still running could be writing them.
    stale = time.time() - 3600
    for partial in own.glob(".casebook-backup-*.partial"):
        if partial.stat().st_mtime < stale:
            shutil.rmtree(partial, ignore_errors=True)
    entries = sorted((p for p in own.iterdir() if p.is_dir() and p.name.startswith("casebook-")),
                     key=lambda p: p.name, reverse=True)
    for old in entries[KEEP_OWN_BACKUPS:]:
        shutil.rmtree(old, ignore_errors=True)


def _external_index(folder: Path) -> list[Path]:
    try:
        doc = json.loads((folder / BACKUP_INDEX).read_text(encoding="utf-8"))
        return [Path(p) for p in doc.get("external", []) if isinstance(p, str)]
    except (OSError, ValueError, AttributeError):
        return []


def external_made(folder: Path) -> dict[str, str]:
    """When each backup written elsewhere was made, as recorded then (path -> ISO time)."""
    try:
        doc = json.loads((folder / BACKUP_INDEX).read_text(encoding="utf-8"))
        made = doc.get("made", {})
        return {str(k): str(v) for k, v in made.items()} if isinstance(made, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def external_backups(folder: Path) -> list[Path]:
    """Every backup this casebook wrote elsewhere, as recorded (reachable now or not)."""
    return _external_index(folder)


def _remember_external(folder: Path, entry: Path) -> None:
    """Keep a list of backups written elsewhere (paths, and when each was made) to point to
    after damage, and to name after a destruction (they still hold what was destroyed)."""
    known = [str(p) for p in _external_index(folder)]
    known.append(str(entry.resolve()))
    made = external_made(folder)
    made[str(entry.resolve())] = datetime.now(UTC).isoformat(timespec="microseconds")
    # Kept: the last 200 places (the index is small; a list that forgets a backup would
    # leave a destroyed identity unnamed in a copy).
    known = known[-200:]
    made = {path: when for path, when in made.items() if path in known}
    with contextlib.suppress(OSError):
        write_atomic(folder / BACKUP_INDEX, json.dumps({"external": known,
                                                        "made": made}).encode())


def restore(entry: Path, target: Path) -> Path:
    """Copy a backup into a folder that does not exist or is empty; never over a casebook."""
    if not entry.is_dir():
        raise BackupError(f"{entry} is not a backup folder.")
    read_manifest(entry)
    if not files_intact(entry):
        raise BackupError(f"{entry} is damaged (its files do not match its manifest).")
    if target.exists() and any(target.iterdir()):
        raise CasebookError(
            f"{target} is not empty; restore into a new or empty folder, never over a casebook."
        )
    try:
        ensure_private_dir(target)
        for name in _FILES:
            if (entry / name).exists():
                temp = target / f".{name}.restoring"
                shutil.copyfile(entry / name, temp)
                fsync_file(temp)
                os.replace(temp, target / name)
        manifest = read_manifest(entry)
        write_atomic(target / RESTORED_FROM, json.dumps({
            "backup": entry.name, "made": manifest.get("created_at"),
            "source": manifest.get("source")}).encode())
        fsync_dir(target)
    except OSError as exc:
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            raise ReadOnlyFolder(target) from exc
        raise BackupError(f"The restore into {target} failed ({exc.strerror or exc}).") from exc
    return target


def backup_heads(folder: Path) -> list[tuple[Path, str, int, str]]:
    """(entry, when made, seq, hash) of the audit head each known backup recorded."""
    found: list[tuple[Path, str, int, str]] = []
    for entry in list_backups(folder):
        try:
            manifest = read_manifest(entry)
            head = manifest.get("audit_head")
            if isinstance(head, dict):
                found.append((entry, str(manifest.get("created_at", "")), int(head["seq"]),
                              str(head["hash"])))
        except (BackupError, KeyError, TypeError, ValueError):
            continue
    return found

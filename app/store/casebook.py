"""A casebook on disk: create, unlock (passphrase, recovery key, quick unlock), close.

Order of unlocking matters: the passphrase is checked against keyslots.json
before any database is opened or the lock file is touched, so a wrong passphrase
changes not one byte in the folder.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import secrets
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.paths import (
    CASES_DB,
    IDENTITIES_DB,
    KEYSLOTS,
    LOCK_FILE,
    REKEY_MARKER,
    ensure_private_dir,
    is_casebook,
)
from app.store import audit, database, head_record, keys, keyslots, migrations, quick_unlock
from app.store.database import Connection
from app.store.encrypted import (
    EncryptedStore,
    check_new_passphrase,
    slots_and_master_from_recovery,
)
from app.store.errors import (
    CasebookDamaged,
    CasebookError,
    CasebookExists,
    DiskFull,
    KeySlotsUnreadable,
    LostCommits,
    NetworkFolder,
    NoCasebook,
    ReadOnlyFolder,
    WrongRecoveryKey,
    folder_error,
)
from app.store.filesystems import network_fstype
from app.store.keyslots import KeySlots
from app.store.lock import CasebookLock
from app.store.owners import LINKED_PEOPLE
from app.store.rekey import discard_unfinished_rekey, finish_interrupted_rekey

_Opened = TypeVar("_Opened")


def _plain_os_errors(opener: Callable[..., _Opened]) -> Callable[..., _Opened]:
    """Opening meets the operating system (the lock file, key slots, a migration's backup):
    any error it gives that is not already a plain sentence becomes one."""

    @functools.wraps(opener)
    def opening(cls: type, folder: Path, *args: Any) -> _Opened:
        try:
            return opener(cls, folder, *args)
        except CasebookError:
            raise
        except OSError as exc:
            raise folder_error(exc, folder) from exc

    return opening


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _refuse_network(folder: Path) -> None:
    fstype = network_fstype(folder)
    if fstype:
        raise NetworkFolder(folder, fstype)


class Casebook(EncryptedStore):
    """An unlocked casebook: the open cases.db, the master key, and the lock."""

    kind = "casebook"

    def __init__(self, folder: Path, master: bytes, slots: KeySlots, lock: CasebookLock,
                 cases: Connection) -> None:
        super().__init__(folder, master, slots, lock, cases)
        self.cases = cases
        self._identities: Connection | None = None
        # Things worked out from the open casebook and kept while it is open (the
        # identifying-text scanner, which holds every name): emptied on close.
        self.derived: dict[str, object] = {}
        self._recorded_head = head_record.current(cases)
        database.after_commit(cases, self._keep_head_record)

    def _keep_head_record(self) -> None:
        """After each commit: keep the audit head outside the database (head_record.py)."""
        live = head_record.current(self.cases)
        if live != self._recorded_head:
            head_record.write(self.folder, self.master_key, live)
            self._recorded_head = live

    # ----- creating -------------------------------------------------------

    @classmethod
    def create(cls, folder: Path, passphrase: str, *, organisation: str, unit: str,
               argon2: keys.Argon2Params | None = None) -> tuple[Casebook, str]:
        """A new casebook and its recovery key (to be shown once, then printed)."""
        check_new_passphrase(passphrase)
        if is_casebook(folder) or (folder / KEYSLOTS).exists():
            raise CasebookExists(folder)
        _refuse_network(folder)
        try:
            ensure_private_dir(folder)
        except OSError as exc:
            if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
                raise ReadOnlyFolder(folder) from exc
            raise
        lock = CasebookLock(folder / LOCK_FILE)
        lock.acquire()
        try:
            secret = keys.new_recovery_secret()
            master = keys.master_from_recovery(secret)
            casebook_id = str(uuid.uuid4())
            cases = _create_database(folder / CASES_DB, master, "cases")
            _initial_meta(cases, master, casebook_id, organisation, unit)
            _create_database(folder / IDENTITIES_DB, master, "identities").close()
            slots = keyslots.with_passphrase(
                keyslots.new_keyslots(casebook_id, master), master, passphrase,
                argon2 or keys.DEFAULT_ARGON2)
            keyslots.save(folder / KEYSLOTS, slots)
        except BaseException:
            lock.release()
            raise
        book = cls(folder, master, slots, lock, cases)
        book.record("casebook.created", "casebook", casebook_id)
        return book, keys.format_recovery_key(secret)

    # ----- unlocking ------------------------------------------------------

    @classmethod
    @_plain_os_errors
    def open(cls, folder: Path, passphrase: str) -> Casebook:
        _require_casebook(folder)
        _refuse_network(folder)
        if (folder / REKEY_MARKER).exists():
            return cls._open_after_rekey(folder, lambda s: keyslots.open_with_passphrase(
                s, passphrase, folder / KEYSLOTS))
        slots = keyslots.load(folder / KEYSLOTS)
        master = keyslots.open_with_passphrase(slots, passphrase, folder / KEYSLOTS)
        return cls._open_with_master(folder, master, slots)

    @classmethod
    @_plain_os_errors
    def open_with_recovery_key(cls, folder: Path, recovery_key: str) -> Casebook:
        """Unlock with the recovery key alone: works with keyslots.json lost or damaged."""
        _require_casebook(folder)
        _refuse_network(folder)
        if (folder / REKEY_MARKER).exists():
            try:
                master = keys.master_from_recovery(keys.parse_recovery_key(recovery_key))
            except keys.BadRecoveryKey as exc:
                raise WrongRecoveryKey(str(exc)) from exc
            return cls._open_after_rekey(folder, lambda s: master)
        slots, master = slots_and_master_from_recovery(folder, recovery_key)
        return cls._open_with_master(folder, master, slots)

    @classmethod
    @_plain_os_errors
    def open_with_master(cls, folder: Path, master: bytes) -> Casebook:
        """Unlock with a master key recovered another way (organisational escrow)."""
        _require_casebook(folder)
        _refuse_network(folder)
        slots = keyslots.load(folder / KEYSLOTS)
        if slots.key_check != keys.key_check(master):
            raise WrongRecoveryKey()
        return cls._open_with_master(folder, master, slots)

    @classmethod
    @_plain_os_errors
    def open_quick(cls, folder: Path) -> Casebook | None:
        """Unlock through the OS keyring, or None when quick unlock cannot be used."""
        _require_casebook(folder)
        try:
            slots = keyslots.load(folder / KEYSLOTS)
        except KeySlotsUnreadable:
            return None
        master = quick_unlock.open_master(slots)
        if master is None:
            return None
        return cls._open_with_master(folder, master, slots)

    @classmethod
    def _open_after_rekey(cls, folder: Path, unlock: object) -> Casebook:
        lock = CasebookLock(folder / LOCK_FILE)
        lock.acquire()
        try:
            finish_interrupted_rekey(folder)
        finally:
            lock.release()
        slots = keyslots.load(folder / KEYSLOTS)
        master = unlock(slots)  # type: ignore[operator]
        return cls._open_with_master(folder, master, slots)

    @classmethod
    def _open_with_master(cls, folder: Path, master: bytes, slots: KeySlots | None) -> Casebook:
        lock = CasebookLock(folder / LOCK_FILE)
        lock.acquire()
        try:
            if not (folder / REKEY_MARKER).exists():
                discard_unfinished_rekey(folder)
            cases = _open_database(folder, CASES_DB, master,
                                   key_mismatch_is_wrong_key=slots is None)
            try:
                migrations.apply(cases, "cases", before_upgrade=lambda: _backup_before_migration(
                    folder, cases, master))
                lost = head_record.lost_commits(head_record.read(folder, master),
                                                head_record.current(cases))
                if lost is not None:
                    raise LostCommits(folder / CASES_DB, lost, _latest_backup(folder))
                casebook_id = _meta(cases, "casebook_id")
                if slots is None:
                    slots = keyslots.new_keyslots(casebook_id, master)
                elif slots.casebook_id != casebook_id:
                    raise KeySlotsUnreadable(folder / KEYSLOTS)
            except BaseException as exc:
                cases.close()
                if isinstance(exc, database.DatabaseError):  # a page read on opening is damaged
                    raise _plain_database_error(folder, CASES_DB, exc) from exc
                raise
        except BaseException:
            lock.release()
            raise
        book = cls(folder, master, slots, lock, cases)
        _finish_interrupted_work(book)
        return book

    # ----- using ----------------------------------------------------------

    @property
    def casebook_id(self) -> str:
        return self.slots.casebook_id

    def identities(self) -> Connection:
        """identities.db, opened on first use only (showing or editing an identity)."""
        if self._identities is None:
            conn = _open_database(self.folder, IDENTITIES_DB, self.master_key,
                                  key_mismatch_is_wrong_key=False)
            try:
                migrations.apply(conn, "identities", before_upgrade=lambda: (
                    _backup_before_migration(self.folder, self.cases, self.master_key)))
            except BaseException as exc:
                conn.close()
                if isinstance(exc, database.DatabaseError):
                    raise _plain_database_error(self.folder, IDENTITIES_DB, exc) from exc
                raise
            # Best effort: on a full or read-only disk, or a damaged page, it waits for next time.
            with contextlib.suppress(CasebookError, database.DatabaseError):
                self._remove_unlinked_identities(conn)
            self._identities = conn
        return self._identities

    def _remove_unlinked_identities(self, conn: Connection) -> None:
        """A named concern commits its person to identities.db, then the concern to cases.db;
        a crash between the two leaves a person no concern points to. Nothing can reach it and
        identifying details must not outlive their purpose: remove it, as if the unfinished
        change had never started (audited by count, never by name)."""
        linked = json.dumps([row[0] for row in self.cases.execute(LINKED_PEOPLE)])
        unlinked = "FROM persons WHERE person_ref NOT IN (SELECT value FROM json_each(?))"
        if not conn.execute(f"SELECT count(*) {unlinked}", (linked,)).fetchone()[0]:
            return
        with database.write(conn):
            removed = conn.execute(f"DELETE {unlinked}", (linked,)).rowcount
        self.record("identity.unlinked_removed", "identities", "", {"count": removed})

    def set_setting(self, key: str, value: str) -> None:
        with database.write(self.cases):
            self.cases.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
            audit.append(self.cases, self.audit_key, "setting.changed", "setting", key)

    def set_quick_unlock(self, enabled: bool) -> None:
        if enabled:
            slots = quick_unlock.enable(self.slots, self.master_key)
        else:
            slots = quick_unlock.disable(self.slots)
        keyslots.save(self.folder / KEYSLOTS, slots)
        self.slots = slots
        self.record("quick_unlock." + ("enabled" if enabled else "disabled"), "casebook",
                    self.casebook_id)

    def _close_databases(self) -> None:
        """Both databases (identities.db only if it was opened)."""
        database.after_commit(self.cases, None)
        _release(self.derived)
        for conn in (self._identities, self.cases):
            if conn is not None:
                with contextlib.suppress(database.DatabaseError):
                    conn.close()
        self._identities = None


# ----- helpers -------------------------------------------------------------


def _release(derived: dict[str, object]) -> None:
    """Empty what was worked out from the open casebook. What can forget what it holds a
    little at a time (the identifying-text scanner: `release`) does so first, so that the
    window does not wait for one long free of every name (app/core/identifying/scanner.py)."""
    for value in derived.values():
        for item in value if isinstance(value, tuple) else (value,):
            release = getattr(item, "release", None)
            if callable(release):
                release()
    derived.clear()


def _require_casebook(folder: Path) -> None:
    if not is_casebook(folder):
        raise NoCasebook(folder)


def _create_database(path: Path, master: bytes, store: str) -> Connection:
    conn = database.connect(path, keys.database_key(master, store), create=True)
    try:
        migrations.apply(conn, store)
    except BaseException:
        conn.close()
        raise
    return conn


def _open_database(folder: Path, name: str, master: bytes, *,
                   key_mismatch_is_wrong_key: bool) -> Connection:
    path = folder / name
    store = name.removesuffix(".db")
    try:
        return database.connect(path, keys.database_key(master, store))
    except FileNotFoundError as exc:
        raise NoCasebook(folder) from exc
    except database.KeyMismatch as exc:
        if key_mismatch_is_wrong_key:
            raise WrongRecoveryKey() from exc
        raise CasebookDamaged(path, _latest_backup(folder)) from exc
    except database.Damaged as exc:
        raise CasebookDamaged(path, _latest_backup(folder)) from exc
    except database.DatabaseError as exc:
        raise _plain_database_error(folder, name, exc) from exc


def _plain_database_error(folder: Path, name: str, exc: BaseException) -> BaseException:
    """A full or read-only disk said plainly; any other database error is damage to `name`."""
    translated = database.translate(exc, folder)
    if translated is exc:
        return CasebookDamaged(folder / name, _latest_backup(folder))
    if isinstance(translated, DiskFull):  # on opening, no change was being saved
        return folder_error(OSError(errno.ENOSPC, "No space left on device"), folder)
    return translated


def damage_error(folder: Path, exc: BaseException) -> BaseException:
    """For a database error met while working (not on opening): a damaged page said plainly,
    naming the casebook and its latest good backup; a full or read-only disk said as such."""
    translated = database.translate(exc, folder)
    if translated is exc:
        return CasebookDamaged(folder, _latest_backup(folder))
    return translated


def _finish_interrupted_work(book: Casebook) -> None:
    """A destruction stopped midway (a crash) is finished before anything reads the
    casebook: its identity may already be gone, so its text goes too
    (app/store/destruction.py)."""
    from app.store.destruction import finish_interrupted

    try:
        finish_interrupted(book)
    except BaseException:
        book.close()
        raise


def _latest_backup(folder: Path) -> Path | None:
    from app.store.backup import latest_good_backup

    return latest_good_backup(folder)


def _backup_before_migration(folder: Path, cases: Connection, master: bytes) -> None:
    from app.store.backup import backup_files

    backup_files(folder, master, reason="before-upgrade")


def _meta(conn: Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise CasebookError(f"The casebook's settings are missing '{key}'.")
    return str(row[0])


def _initial_meta(cases: Connection, master: bytes, casebook_id: str, organisation: str,
                  unit: str) -> None:
    signing = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption())
    values = {
        "casebook_id": casebook_id,
        "organisation": organisation,
        "reporting_unit": unit,
        "created_at": _now(),
        "retention_years": "6",
        "small_number_threshold": "5",
        "auto_lock_minutes": "5",
        "unit_signing_key": signing.hex(),
        "reference_prefix": "WB",
        # The audit chain's HMAC key is random and kept inside the encrypted file,
        # so the chain still verifies after a rekey changes the master key.
        "audit_key": secrets.token_hex(32),
    }
    with database.write(cases):
        cases.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", values.items())

"""What a casebook and a board store share: an unlocked folder of SQLCipher files.

Each is a folder with key slots (`keyslots.json`: the master key wrapped under the
passphrase and other ways), a lock file that one process holds at a time, and a main
database whose keys derive from the master key and which keeps the store's audit log.
This base class holds the unlocked state (the master key in a bytearray that `close`
zeroes, the slots, the lock, the main connection) and what both do with it: record an
audited event, read a setting, change the passphrase (rewriting one slot only), check
the audit chain, and close. The kinds differ in their databases and what they hold.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Self

from app.paths import KEYSLOTS
from app.store import audit, database, keys, keyslots
from app.store.database import Connection
from app.store.errors import KeySlotsUnreadable, WeakPassphrase, WrongRecoveryKey
from app.store.keyslots import KeySlots
from app.store.lock import CasebookLock

MIN_PASSPHRASE = 12


def check_new_passphrase(passphrase: str) -> None:
    """The one rule for a new passphrase, said plainly."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(
            f"A passphrase needs at least {MIN_PASSPHRASE} characters; a few unrelated words "
            "work well."
        )
    if len(set(passphrase)) < 5:
        raise WeakPassphrase("That passphrase repeats too few characters to be safe.")


def slots_and_master_from_recovery(folder: Path, recovery_key: str, wrong: str = ""
                                   ) -> tuple[KeySlots | None, bytes]:
    """The master key from a recovery key, and the key slots if they are readable (the
    recovery key opens a store whose key-slot file is lost or damaged)."""
    try:
        master = keys.master_from_recovery(keys.parse_recovery_key(recovery_key))
    except keys.BadRecoveryKey as exc:
        raise WrongRecoveryKey(str(exc)) from exc
    try:
        slots: KeySlots | None = keyslots.load(folder / KEYSLOTS)
    except KeySlotsUnreadable:
        slots = None
    if slots is not None and slots.key_check != keys.key_check(master):
        raise WrongRecoveryKey(wrong)
    return slots, master


class EncryptedStore:
    """An unlocked store. `store_conn` is its main database, which holds the audit log."""

    kind = "store"  # the audit entity of events about the store itself

    def __init__(self, folder: Path, master: bytes, slots: KeySlots, lock: CasebookLock,
                 conn: Connection) -> None:
        self.folder = folder
        self._master = bytearray(master)
        self.slots = slots
        self._lock = lock
        self.store_conn = conn
        self.audit_key = audit.chain_key(conn)

    @property
    def store_id(self) -> str:
        return self.slots.casebook_id

    @property
    def master_key(self) -> bytes:
        return bytes(self._master)

    def record(self, event: str, entity: str, entity_id: object = "",
               detail: dict[str, object] | None = None) -> None:
        """One audited event in its own transaction (for events that change nothing else)."""
        with database.write(self.store_conn):
            audit.append(self.store_conn, self.audit_key, event, entity, entity_id, detail)

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.store_conn.execute("SELECT value FROM meta WHERE key = ?",
                                      (key,)).fetchone()
        return str(row[0]) if row else default

    def change_passphrase(self, new_passphrase: str,
                          argon2: keys.Argon2Params | None = None) -> None:
        """Rewrite the passphrase slot only; the databases are not touched."""
        check_new_passphrase(new_passphrase)
        slots = keyslots.with_passphrase(self.slots, self.master_key, new_passphrase,
                                         argon2 or keys.DEFAULT_ARGON2)
        keyslots.save(self.folder / KEYSLOTS, slots)
        self.slots = slots
        self.record("passphrase.changed", self.kind, self.store_id)

    def verify_audit(self) -> audit.ChainReport:
        return audit.verify(self.store_conn, self.audit_key)

    def _close_databases(self) -> None:
        with contextlib.suppress(database.DatabaseError):
            self.store_conn.close()

    def close(self) -> None:
        """Close the databases, forget the key, release the lock."""
        self._close_databases()
        for i in range(len(self._master)):
            self._master[i] = 0
        self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

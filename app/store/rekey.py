"""Rekey: a new recovery key, master key and database keys (suspected compromise, handover).

Crash-safe in three steps:
1. copy each database to `NAME.new` under its new key (SQLite's backup API) and
   write `keyslots.json.new`; the casebook is untouched, and a crash here is
   rolled back on the next open by deleting the `.new` files;
2. write the `rekey.commit` marker atomically: the commit point;
3. move each `.new` file over its original and delete the marker; a crash here is
   finished on the next open (`finish_interrupted_rekey`).
Backups made before stay under the old key: they open with the old recovery key,
or with the passphrase they were made with.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.core.fingerprints import fingerprint
from app.core.stamps import created_at_text
from app.paths import CASES_DB, IDENTITIES_DB, KEYSLOTS, LOCK_FILE, REKEY_MARKER
from app.store import audit, database, keys, keyslots, quick_unlock
from app.store.atomic import fsync_dir, fsync_file, write_atomic
from app.store.database import Connection
from app.store.keyslots import KeySlots
from app.store.lock import CasebookLock

_DATABASES = (CASES_DB, IDENTITIES_DB)
_SWAPPED = (*_DATABASES, KEYSLOTS)


def rekey(folder: Path, passphrase: str,
          argon2: keys.Argon2Params | None = None) -> str:
    """Rekey a closed casebook (the passphrase stays the same); returns the new recovery key."""
    slots = keyslots.load(folder / KEYSLOTS)
    old_master = keyslots.open_with_passphrase(slots, passphrase, folder / KEYSLOTS)
    lock = CasebookLock(folder / LOCK_FILE)
    lock.acquire()
    try:
        finish_interrupted_rekey(folder)
        secret = keys.new_recovery_secret()
        new_master = keys.master_from_recovery(secret)
        for name in _DATABASES:
            _copy_under_new_key(folder, name, old_master, new_master)
        new_slots = keyslots.with_passphrase(
            keyslots.new_keyslots(slots.casebook_id, new_master), new_master, passphrase,
            argon2 or keys.DEFAULT_ARGON2)
        new_slots = _carry_escrow(slots, new_slots, new_master, _board_keys(folder, new_master))
        write_atomic(folder / f"{KEYSLOTS}.new", new_slots.to_json())
        _record_rekey(folder, new_master)
        write_atomic(folder / REKEY_MARKER, json.dumps({"files": list(_SWAPPED)}).encode())
        finish_interrupted_rekey(folder)
        if quick_unlock.enabled(slots):
            quick_unlock.disable(slots)  # its keyring secret wraps the old master key
    except BaseException:
        if not (folder / REKEY_MARKER).exists():
            discard_unfinished_rekey(folder)
        raise
    finally:
        lock.release()
    return keys.format_recovery_key(secret)


def _copy_under_new_key(folder: Path, name: str, old_master: bytes, new_master: bytes) -> None:
    store = name.removesuffix(".db")
    source = database.connect(folder / name, keys.database_key(old_master, store))
    target_path = folder / f"{name}.new"
    with contextlib.suppress(FileNotFoundError):
        target_path.unlink()
    try:
        database.checkpoint(source)
        target = database.raw_connect(str(target_path))
        try:
            target.execute("PRAGMA cipher_log_level = NONE")
            target.execute(
                f"PRAGMA key = {keys.sqlcipher_key_literal(keys.database_key(new_master, store))}")
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise OSError(f"the rekeyed copy of {name} did not verify")
        finally:
            target.close()
    finally:
        source.close()
    fsync_file(target_path)


ROTATION_FORMAT = "casebook-key-rotation"
MAX_ROTATIONS = 20  # kept and carried by returns; more rekeys than this between returns
                    # would need the board to re-register the unit


def _record_rekey(folder: Path, new_master: bytes) -> None:
    """Rotate the unit's signing key and the audit key inside the new copy, in one
    transaction, so that they change exactly when the rekey happens.

    A thief of the old keys could otherwise go on signing returns the board accepts and
    forging audit entries. The audit chain records the rotation in an entry made under the
    old audit key that names the new audit key's fingerprint and the old and new signing
    keys' fingerprints (app/store/audit.py). The new signing key reaches the board in a
    statement signed by the old one (kept in `meta` and carried by every later return);
    the board takes it only after confirming its fingerprint with the unit by phone."""
    conn = database.connect(folder / f"{CASES_DB}.new",
                            keys.database_key(new_master, "cases"))
    try:
        with database.write(conn):
            statement = _rotate_signing_key(conn)
            audit.rotate_key(conn, audit.chain_key(conn), "casebook.rekeyed", "casebook", {
                "signing_key": {"old": fingerprint(statement["old"]),
                                "new": fingerprint(statement["new"])}})
        database.checkpoint(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    fsync_file(folder / f"{CASES_DB}.new")


def _rotate_signing_key(conn: Connection) -> dict[str, bytes]:
    """A new signing key for the unit, and the statement the old key signs to vouch for it.
    Returns the old and new public keys (raw)."""
    def setting(key: str) -> str:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

    old_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(setting("unit_signing_key")))
    new_key = Ed25519PrivateKey.generate()
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    old_public, new_public = (k.public_key().public_bytes(*raw) for k in (old_key, new_key))
    statement = json.dumps({
        "format": ROTATION_FORMAT, "version": 1,
        "reporting_unit": setting("reporting_unit"),
        "old_public_key": base64.b64encode(old_public).decode(),
        "new_public_key": base64.b64encode(new_public).decode(),
        "rotated_at": created_at_text(datetime.now(UTC)),
    }, sort_keys=True, separators=(",", ":"))
    signature = old_key.sign(statement.encode())
    private = new_key.private_bytes(serialization.Encoding.Raw,
                                    serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
    # Every rotation is kept, in order: a board that missed one can still follow the chain
    # of statements from the key it holds to the key that signs.
    rotations = json.loads(setting("key_rotations") or "[]")
    rotations.append({"statement": statement, "signature": base64.b64encode(signature).decode()})
    for key, value in (("unit_signing_key", private.hex()),
                       ("key_rotations", json.dumps(rotations[-MAX_ROTATIONS:]))):
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
    return {"old": old_public, "new": new_public}


def _board_keys(folder: Path, new_master: bytes) -> frozenset[str]:
    from app.store.recipients import known_board_recipients

    conn = database.connect(folder / f"{CASES_DB}.new", keys.database_key(new_master, "cases"))
    try:
        return known_board_recipients(conn)
    finally:
        conn.close()


def _carry_escrow(old: KeySlots, new: KeySlots, new_master: bytes,
                  board_keys: frozenset[str]) -> KeySlots:
    """The escrow slot, sealed again to the same recipient under the new master key; never
    to a key the board holds (an escrow made before that was refused is dropped)."""
    from app.store.recipients import NotARecipient, canonical

    recipient = old.slots.get("escrow", {}).get("recipient")
    if not recipient:
        return new
    try:
        if canonical(str(recipient)) in board_keys:
            return new
    except NotARecipient:
        return new
    from app.store.escrow import with_escrow

    return with_escrow(new, new_master, str(recipient))


def finish_interrupted_rekey(folder: Path) -> None:
    """Complete a rekey past its commit point, or discard one that never reached it."""
    if not (folder / REKEY_MARKER).exists():
        discard_unfinished_rekey(folder)
        return
    for name in _SWAPPED:
        new = folder / f"{name}.new"
        if not new.exists():
            continue  # already moved before the interruption
        if name in _DATABASES:
            for suffix in ("-wal", "-shm"):  # the old file's, checkpointed and empty
                with contextlib.suppress(FileNotFoundError):
                    (folder / f"{name}{suffix}").unlink()
        os.replace(new, folder / name)
    fsync_dir(folder)
    (folder / REKEY_MARKER).unlink()
    fsync_dir(folder)


def discard_unfinished_rekey(folder: Path) -> None:
    for name in _SWAPPED:
        for leftover in (folder / f"{name}.new", folder / f"{name}.new-wal",
                         folder / f"{name}.new-shm", folder / f"{name}.new-journal"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    # write_atomic's temporary files, when the rekey was killed while writing one of them.
    for pattern in (f".{KEYSLOTS}.new.*.tmp", f".{REKEY_MARKER}.*.tmp"):
        for leftover in folder.glob(pattern):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()

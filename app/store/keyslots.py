"""keyslots.json: the master key wrapped several ways (LUKS-style slots).

Nothing in this file is secret. Slots:
- `passphrase`: Argon2id(passphrase) -> AES-256-GCM(master key);
- `recovery`: a record that a recovery key exists (the key itself derives the
  master key, so this slot holds no ciphertext and its loss costs nothing);
- `keyring`: AES-256-GCM(master key) under a random key kept in the OS keyring;
- `escrow`: the master key encrypted with age to the organisation's recovery
  recipient (its information governance lead), never to the board.

The file is always replaced atomically, and changing the passphrase rewrites
this file only, never the databases.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.exceptions import HashingError

from app.store import keys
from app.store.atomic import write_atomic
from app.store.errors import KeySlotDamaged, KeySlotsUnreadable, WrongPassphrase

FORMAT = "casebook-keyslots"
VERSION = 1
SALT_BYTES, NONCE_BYTES = 16, 12
SEALED_KEY_BYTES = keys.KEY_BYTES + 16  # the master key and AES-GCM's tag


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class KeySlots:
    casebook_id: str
    key_check: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)

    def context(self, slot: str) -> str:
        """Associated data binding a wrapped key to this casebook and slot."""
        return f"casebook keyslot v1|{self.casebook_id}|{self.key_check}|{slot}"

    def with_slot(self, name: str, body: dict[str, Any] | None) -> KeySlots:
        slots = dict(self.slots)
        if body is None:
            slots.pop(name, None)
        else:
            slots[name] = body
        return replace(self, slots=slots)

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "casebook_id": self.casebook_id,
            "key_check": self.key_check,
            "slots": self.slots,
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode()


def new_keyslots(casebook_id: str, master: bytes) -> KeySlots:
    return KeySlots(
        casebook_id=casebook_id,
        key_check=keys.key_check(master),
        slots={"recovery": {"created_at": _now()}},
    )


MAX_FILE_BYTES = 1 << 20  # a key-slot file is a few kilobytes


def load(path: Path) -> KeySlots:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ValueError("far too large to be a key-slot file")
        doc = json.loads(data)
        if not isinstance(doc, dict):
            raise ValueError("not a key-slot file")
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("not a key-slot file")
        slots = doc["slots"]
        if not isinstance(slots, dict):
            raise ValueError("slots")
        return KeySlots(str(doc["casebook_id"]), str(doc["key_check"]), slots)
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise KeySlotsUnreadable(path) from exc


def save(path: Path, slots: KeySlots) -> None:
    write_atomic(path, slots.to_json())


def with_passphrase(
    slots: KeySlots, master: bytes, passphrase: str, params: keys.Argon2Params
) -> KeySlots:
    problem = keys.argon2_problem(params)
    if problem:  # never write a slot that opening would refuse
        raise ValueError(f"Argon2 parameters out of bounds: {problem}")
    salt = secrets.token_bytes(SALT_BYTES)
    wrapping = keys.passphrase_key(passphrase, salt, params)
    nonce, sealed = keys.seal(wrapping, master, slots.context("passphrase"))
    body = {
        "kdf": "argon2id",
        "time_cost": params.time_cost,
        "memory_cost_kib": params.memory_cost_kib,
        "parallelism": params.parallelism,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "ciphertext": _b64(sealed),
        "changed_at": _now(),
    }
    return slots.with_slot("passphrase", body)


def _whole_number(value: Any, what: str) -> int:
    # bool is an int in Python, and "3" or 3.5 are not what a slot writes.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"its {what} is not a whole number")
    return value


def passphrase_slot(body: Any) -> tuple[keys.Argon2Params, bytes, bytes, bytes]:
    """The slot's Argon2 parameters, salt, nonce and sealed key, checked; ValueError saying
    what is wrong with it otherwise (before any key derivation runs)."""
    if not isinstance(body, dict):
        raise ValueError("it is not a slot")
    if body.get("kdf", "argon2id") != "argon2id":
        raise ValueError("its key derivation is not Argon2id")
    try:
        params = keys.Argon2Params(_whole_number(body["time_cost"], "pass count"),
                                   _whole_number(body["memory_cost_kib"], "memory"),
                                   _whole_number(body["parallelism"], "lane count"))
        parts = {name: _unb64(body[name]) for name in ("salt", "nonce", "ciphertext")}
    except KeyError as exc:
        raise ValueError(f"its {exc.args[0]} is missing") from exc
    except binascii.Error as exc:
        raise ValueError("it holds text that is not base64") from exc
    problem = keys.argon2_problem(params)
    if problem:
        raise ValueError(problem)
    for name, size in (("salt", SALT_BYTES), ("nonce", NONCE_BYTES),
                       ("ciphertext", SEALED_KEY_BYTES)):
        if len(parts[name]) != size:
            raise ValueError(f"its {name} is {len(parts[name])} bytes, not {size}")
    return params, parts["salt"], parts["nonce"], parts["ciphertext"]


def open_with_passphrase(slots: KeySlots, passphrase: str, path: Path) -> bytes:
    """The master key, WrongPassphrase, or KeySlotDamaged when the slot itself is malformed
    (checked before deriving: a hostile slot cannot make the derivation hang or crash)."""
    body = slots.slots.get("passphrase")
    if body is None:
        raise KeySlotsUnreadable(path)
    try:
        params, salt, nonce, sealed = passphrase_slot(body)
    except (ValueError, TypeError) as exc:
        raise KeySlotDamaged(path, "passphrase", str(exc)) from exc
    try:
        wrapping = keys.passphrase_key(passphrase, salt, params)
    except (HashingError, MemoryError) as exc:
        raise KeySlotDamaged(path, "passphrase", "its key derivation could not run") from exc
    master = keys.unseal(wrapping, nonce, sealed, slots.context("passphrase"))
    if master is None or keys.key_check(master) != slots.key_check:
        raise WrongPassphrase()
    return master


def with_sealed_slot(slots: KeySlots, name: str, wrapping: bytes, master: bytes,
                     extra: dict[str, Any]) -> KeySlots:
    """A slot holding the master key sealed under a random wrapping key kept elsewhere."""
    nonce, sealed = keys.seal(wrapping, master, slots.context(name))
    return slots.with_slot(
        name, {**extra, "nonce": _b64(nonce), "ciphertext": _b64(sealed), "changed_at": _now()}
    )


def open_sealed_slot(slots: KeySlots, name: str, wrapping: bytes) -> bytes | None:
    body = slots.slots.get(name)
    if body is None:
        return None
    try:
        nonce, sealed = _unb64(body["nonce"]), _unb64(body["ciphertext"])
    except (KeyError, ValueError, TypeError):
        return None
    master = keys.unseal(wrapping, nonce, sealed, slots.context(name))
    if master is None or keys.key_check(master) != slots.key_check:
        return None
    return master

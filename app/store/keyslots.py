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
import json
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.store import keys
from app.store.atomic import write_atomic
from app.store.errors import KeySlotsUnreadable, WrongPassphrase

FORMAT = "casebook-keyslots"
VERSION = 1


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


def load(path: Path) -> KeySlots:
    try:
        doc = json.loads(path.read_bytes())
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("not a key-slot file")
        slots = doc["slots"]
        if not isinstance(slots, dict):
            raise ValueError("slots")
        return KeySlots(str(doc["casebook_id"]), str(doc["key_check"]), slots)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeySlotsUnreadable(path) from exc


def save(path: Path, slots: KeySlots) -> None:
    write_atomic(path, slots.to_json())


def with_passphrase(
    slots: KeySlots, master: bytes, passphrase: str, params: keys.Argon2Params
) -> KeySlots:
    salt = secrets.token_bytes(16)
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


def open_with_passphrase(slots: KeySlots, passphrase: str, path: Path) -> bytes:
    """The master key, or WrongPassphrase. Runs the slot's own Argon2id cost."""
    body = slots.slots.get("passphrase")
    if body is None:
        raise KeySlotsUnreadable(path)
    try:
        params = keys.Argon2Params(
            int(body["time_cost"]), int(body["memory_cost_kib"]), int(body["parallelism"])
        )
        salt, nonce, sealed = (_unb64(body[k]) for k in ("salt", "nonce", "ciphertext"))
    except (KeyError, ValueError, TypeError) as exc:
        raise KeySlotsUnreadable(path) from exc
    wrapping = keys.passphrase_key(passphrase, salt, params)
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

"""Organisational escrow: the master key encrypted (age) to the organisation's recovery
recipient, held by its information governance lead. Never the board's return key:
the board must not be able to read a name.
"""

from __future__ import annotations

import base64

import pyrage

from app.store.errors import CasebookError
from app.store.keyslots import KeySlots

SLOT = "escrow"


def _recipient(text: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except Exception as exc:  # pyrage raises its own error types for bad keys
        raise CasebookError("That is not an age recipient (it starts with age1).") from exc


def with_escrow(slots: KeySlots, master: bytes, recipient: str) -> KeySlots:
    sealed = pyrage.encrypt(master, [_recipient(recipient)])
    return slots.with_slot(SLOT, {"recipient": recipient.strip(),
                                  "age": base64.b64encode(sealed).decode()})


def without_escrow(slots: KeySlots) -> KeySlots:
    return slots.with_slot(SLOT, None)


def open_escrow(slots: KeySlots, identity_text: str) -> bytes | None:
    """The master key from the escrow slot with the recipient's age identity, or None."""
    body = slots.slots.get(SLOT)
    if body is None:
        return None
    try:
        identity = pyrage.x25519.Identity.from_str(identity_text.strip())
        return bytes(pyrage.decrypt(base64.b64decode(body["age"]), [identity]))
    except Exception:  # wrong identity or damaged slot: the caller says so plainly
        return None

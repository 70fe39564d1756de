"""Quick unlock through the OS keyring, only where a secure keyring exists.

The keyring holds a random wrapping key, never the master key or the passphrase;
keyslots.json holds the master key sealed under it. Where `keyring` has no secure
backend (headless Linux raises NoKeyringError) quick unlock is simply unavailable:
there is never a fallback to a plaintext store.
"""

from __future__ import annotations

import base64
import contextlib
import secrets

import keyring
import keyring.backend
import keyring.errors

from app.store import keyslots
from app.store.errors import QuickUnlockUnavailable
from app.store.keyslots import KeySlots

SERVICE = "Casebook quick unlock"
SLOT = "keyring"

# Backends that store secrets in the clear or not at all.
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _secure_backend() -> keyring.backend.KeyringBackend | None:
    backend = keyring.get_keyring()
    candidates = getattr(backend, "backends", None)  # a ChainerBackend wraps several
    for candidate in candidates if candidates is not None else [backend]:
        module = type(candidate).__module__
        if any(module.startswith(bad) for bad in _INSECURE_MODULES):
            continue
        if getattr(candidate, "priority", 0) > 0:
            return backend
    return None


def available() -> bool:
    return _secure_backend() is not None


def _account(slots: KeySlots) -> str:
    return f"{slots.casebook_id}:{slots.key_check}"


def enable(slots: KeySlots, master: bytes) -> KeySlots:
    backend = _secure_backend()
    if backend is None:
        raise QuickUnlockUnavailable()
    wrapping = secrets.token_bytes(32)
    try:
        backend.set_password(SERVICE, _account(slots), base64.b64encode(wrapping).decode())
    except keyring.errors.KeyringError as exc:
        raise QuickUnlockUnavailable() from exc
    return keyslots.with_sealed_slot(slots, SLOT, wrapping, master, {"service": SERVICE})


def disable(slots: KeySlots) -> KeySlots:
    backend = _secure_backend()
    if backend is not None:
        # Already gone is fine: the slot below is removed either way.
        with contextlib.suppress(keyring.errors.KeyringError):
            backend.delete_password(SERVICE, _account(slots))
    return slots.with_slot(SLOT, None)


def enabled(slots: KeySlots) -> bool:
    return SLOT in slots.slots


def open_master(slots: KeySlots) -> bytes | None:
    """The master key through the keyring, or None (not enabled, unavailable, or stale)."""
    backend = _secure_backend()
    if backend is None or not enabled(slots):
        return None
    try:
        stored = backend.get_password(SERVICE, _account(slots))
    except keyring.errors.KeyringError:
        return None
    if stored is None:
        return None
    try:
        wrapping = base64.b64decode(stored, validate=True)
    except ValueError:
        return None
    return keyslots.open_sealed_slot(slots, SLOT, wrapping)

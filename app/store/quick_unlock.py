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

# The OS keyrings quick unlock trusts: each keeps secrets encrypted by the system and
# unlocked with the user's login. Anything else (a plaintext or "encrypted file" keyring
# from keyrings.alt, the null and fail backends, an unknown third-party backend) is not
# used, even as a member of a chain that also holds a secure one.
_SECURE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)
# A backend class may also vouch for itself with this attribute (the tests' in-memory one).
SECURE_FLAG = "casebook_secure_storage"


def _is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if getattr(type(backend), SECURE_FLAG, False) is not True and not any(
            module == good or module.startswith(good + ".") for good in _SECURE_MODULES):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend reports itself unusable by raising from `priority`
        return False


def _secure_backend() -> keyring.backend.KeyringBackend | None:
    """The secure member itself (the highest-priority one), never the chain around it, so
    that no secret can be written to, or read from, a plaintext member of the chain."""
    backend = keyring.get_keyring()
    members = getattr(backend, "backends", None)  # a ChainerBackend wraps several
    secure = [m for m in (members if members is not None else [backend]) if _is_secure(m)]
    if not secure:
        return None
    return max(secure, key=lambda m: float(m.priority))


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

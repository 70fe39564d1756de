"""The keys a return travels under: the unit's Ed25519 signing key and the board's age key.

A unit's public key is handed over as one line of base64 (the raw 32 bytes), or
as PEM for openssl. Fingerprints are SHA-256, shown as hex in groups of four, so
two people can read them to each other over the phone and compare.
"""

from __future__ import annotations

import base64
import binascii

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.core.fingerprints import fingerprint as fingerprint  # the signing API names it too
from app.store import recipients
from app.store.casebook import Casebook
from app.store.errors import CasebookError

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64




# ----- the unit's signing key ----------------------------------------------------------


def unit_signing_key(book: Casebook) -> Ed25519PrivateKey:
    """The unit's private key, made when the casebook was created (kept in cases.db)."""
    text = book.setting("unit_signing_key")
    if not text:
        raise CasebookError("This casebook has no signing key for returns.")
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))


def raw_public_key(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def unit_public_key(book: Casebook) -> bytes:
    return raw_public_key(unit_signing_key(book))


def public_key_line(raw: bytes) -> str:
    """The one-line form a board registers: base64 of the raw 32 bytes."""
    return base64.b64encode(raw).decode()


def public_key_pem(raw: bytes) -> str:
    """PEM (SubjectPublicKeyInfo), what `openssl pkeyutl -verify -pubin` reads."""
    key = Ed25519PublicKey.from_public_bytes(raw)
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def parse_public_key(text: str) -> bytes:
    """A unit's public key as handed over: the base64 line, or PEM."""
    text = text.strip()
    try:
        if "BEGIN PUBLIC KEY" in text:
            loaded = serialization.load_pem_public_key(text.encode())
            if not isinstance(loaded, Ed25519PublicKey):
                raise ValueError("not Ed25519")
            return raw_public_key(loaded)
        raw = base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error) as exc:
        raise CasebookError("That is not a unit's public key (one line of base64 from "
                            "`casebook unit-key`).") from exc
    if len(raw) != PUBLIC_KEY_BYTES:
        raise CasebookError("That is not a unit's public key: it should be 32 bytes, as "
                            "printed by `casebook unit-key`.")
    return raw


def sign(key: Ed25519PrivateKey, payload: bytes) -> bytes:
    return key.sign(payload)


def verifies(public_raw: bytes, payload: bytes, signature: bytes) -> bool:
    """Whether `signature` is the key's Ed25519 signature over exactly these bytes."""
    if len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, payload)
    except (InvalidSignature, ValueError):
        return False
    return True


# ----- the board's age key --------------------------------------------------------------


def parse_recipient(text: str) -> str:
    """An age X25519 recipient (age1...), checked; returned in its canonical form."""
    cleaned = text.strip()
    try:
        recipient = pyrage.x25519.Recipient.from_str(cleaned)
    except Exception as exc:  # pyrage raises its own RecipientError; nothing else expected
        raise CasebookError("That is not the board's age recipient (a line starting with "
                            "age1, from `casebook board recipient`).") from exc
    return str(recipient)


def recipient_fingerprint(recipient: str) -> str:
    """A short check both sides can compare: SHA-256 of the recipient text."""
    return recipients.recipient_fingerprint(recipient)

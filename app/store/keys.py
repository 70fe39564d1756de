"""Key material: the recovery key, the master key, and the keys derived from it.

The root secret of a casebook is its recovery key (160 random bits, printed once).
The master key is derived from it with HKDF, so the recovery key alone opens the
casebook even when keyslots.json is lost. Each database key, and the audit-chain
key, is derived from the master key with a distinct HKDF label and given to
SQLCipher as a raw key (no second KDF on open).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

RECOVERY_SECRET_BYTES = 20
KEY_BYTES = 32


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost. The product's default takes about 0.4 s on a 2-core laptop."""

    time_cost: int = 3
    memory_cost_kib: int = 262_144  # 256 MiB
    parallelism: int = 2


DEFAULT_ARGON2 = Argon2Params()

# What a key slot may ask for before any derivation runs. A slot is not secret and can be
# edited by anyone who can write the folder: without bounds, a hostile one could ask for
# terabytes of memory or hours of passes (a hang or a crash at unlock). The product's
# default is 3 passes over 256 MiB; the bounds allow a few times that, never more.
ARGON2_TIME_COST = (1, 10)
ARGON2_MEMORY_KIB = (8, 1_048_576)  # up to 1 GiB
ARGON2_PARALLELISM = (1, 8)
ARGON2_MOST_WORK_KIB = 4 * 1_048_576  # passes x memory: about five times the default


def argon2_problem(params: Argon2Params) -> str | None:
    """Why these Argon2 parameters are out of bounds, or None."""
    for value, (low, high), what in (
            (params.time_cost, ARGON2_TIME_COST, "passes"),
            (params.memory_cost_kib, ARGON2_MEMORY_KIB, "memory"),
            (params.parallelism, ARGON2_PARALLELISM, "lanes")):
        if not low <= value <= high:
            return f"its key derivation asks for {value} {what} (allowed {low} to {high})"
    if params.memory_cost_kib < 8 * params.parallelism:
        return "its key derivation asks for less memory than its lanes need"
    if params.time_cost * params.memory_cost_kib > ARGON2_MOST_WORK_KIB:
        return "its key derivation asks for more work than any casebook uses"
    return None


class BadRecoveryKey(ValueError):
    """The text is not a well-formed recovery key (a typo, most likely)."""


def new_recovery_secret() -> bytes:
    return secrets.token_bytes(RECOVERY_SECRET_BYTES)


def _recovery_checksum(secret: bytes) -> str:
    digest = hashlib.sha256(b"casebook recovery checksum" + secret).digest()
    return base64.b32encode(digest[:5]).decode()[:4]


def format_recovery_key(secret: bytes) -> str:
    """Nine groups of four letters and digits: 32 for the secret, 4 to catch typos."""
    body = base64.b32encode(secret).decode() + _recovery_checksum(secret)
    return "-".join(body[i : i + 4] for i in range(0, len(body), 4))


def parse_recovery_key(text: str) -> bytes:
    """The secret in a recovery key as typed: any case, spaces or dashes, 0/O and 1/I mixed up."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 36:
        raise BadRecoveryKey("A recovery key has 36 letters and digits in nine groups of four.")
    try:
        secret = base64.b32decode(cleaned[:32])
    except ValueError as exc:
        raise BadRecoveryKey("That recovery key contains characters it cannot contain.") from exc
    if not hmac.compare_digest(_recovery_checksum(secret), cleaned[32:]):
        raise BadRecoveryKey("That recovery key has a typing mistake in it; check each group.")
    return secret


def _hkdf(secret: bytes, label: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=label.encode()
    ).derive(secret)


def master_from_recovery(secret: bytes) -> bytes:
    return _hkdf(secret, "casebook master key v1")


def database_key(master: bytes, database: str) -> bytes:
    """The raw SQLCipher key of one database file (`cases` or `identities`)."""
    return _hkdf(master, f"casebook database key v1: {database}")


def purpose_key(master: bytes, purpose: str) -> bytes:
    """A key for one purpose other than a database file (HKDF with its own label)."""
    return _hkdf(master, f"casebook purpose key v1: {purpose}")


def key_check(master: bytes) -> str:
    """A public fingerprint that tells whether a master key belongs to a key-slot file."""
    return _hkdf(master, "casebook key check v1")[:12].hex()


def passphrase_key(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def seal(wrapping_key: bytes, plaintext: bytes, context: str) -> tuple[bytes, bytes]:
    """AES-256-GCM with a fresh nonce; `context` is bound as associated data."""
    nonce = secrets.token_bytes(12)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, plaintext, context.encode())


def unseal(wrapping_key: bytes, nonce: bytes, ciphertext: bytes, context: str) -> bytes | None:
    """The plaintext, or None when the key is wrong or the data was altered."""
    try:
        return AESGCM(wrapping_key).decrypt(nonce, ciphertext, context.encode())
    except InvalidTag:
        return None


def sqlcipher_key_literal(raw_key: bytes) -> str:
    """The form `PRAGMA key` takes for a raw 256-bit key (no KDF in SQLCipher)."""
    return "\"x'" + raw_key.hex() + "'\""

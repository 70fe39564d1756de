"""Handover addresses and the colleagues a casebook trusts.

A casebook's handover address is one token: the age X25519 recipient that packages to it
are encrypted to, and the reporting unit's Ed25519 public signing key that its packages
and approvals are signed with:

    casebook-handover1.age1qqq....<signing key, base64url without padding>

The age identity behind the recipient is made for the casebook the first time its address
is asked for and kept in cases.db's meta table, encrypted with the database like the
signing key; it never leaves the casebook. The address is public: it can be read out,
e-mailed or printed. Its fingerprint (SHA-256, 16 groups of four hex digits) is what two
people compare by phone before one trusts the other's address.

Trusting a colleague records their name, role and address; packages are then encrypted to
them, and packages and destruction approvals signed by them are accepted. A rekey gives a
unit a new signing key, so its colleagues trust its new address again.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.core.fingerprints import fingerprint
from app.store import audit, database, recipients
from app.store.casebook import Casebook
from app.store.database import Connection
from app.store.errors import CasebookError

PREFIX = "casebook-handover1"
IDENTITY_SETTING = "handover_identity"
MAX_NAME = 200


class NotAnAddress(CasebookError):
    def __init__(self) -> None:
        super().__init__("That is not a handover address: it is one line starting with "
                         f"{PREFIX}., as `casebook handover address` prints it.")


@dataclass(frozen=True)
class Address:
    recipient: str  # age1..., canonical
    signing_key: bytes  # raw Ed25519 public key, 32 bytes

    @property
    def token(self) -> str:
        key = base64.urlsafe_b64encode(self.signing_key).decode().rstrip("=")
        return f"{PREFIX}.{self.recipient}.{key}"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.token.encode())

    @property
    def signing_key_text(self) -> str:
        return base64.b64encode(self.signing_key).decode()


@dataclass(frozen=True)
class Colleague:
    colleague_id: int
    name: str
    role: str
    address: Address
    trusted_at: str

    @property
    def fingerprint(self) -> str:
        return self.address.fingerprint


def parse_address(text: str) -> Address:
    """A handover address as given (spaces and line breaks around it ignored)."""
    token = "".join(text.split())
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise NotAnAddress()
    try:
        recipient = recipients.canonical(parts[1])
        key = base64.urlsafe_b64decode(parts[2] + "=" * (-len(parts[2]) % 4))
    except (CasebookError, ValueError, binascii.Error) as exc:
        raise NotAnAddress() from exc
    if len(key) != 32 or base64.urlsafe_b64encode(key).decode().rstrip("=") != parts[2]:
        raise NotAnAddress()
    return Address(recipient, key)


# ----- this casebook's own address ---------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def own_identity(book: Casebook) -> str:
    """The casebook's age identity for receiving handovers, made on first use (audited)."""
    held = book.setting(IDENTITY_SETTING)
    if held:
        return held
    identity = str(pyrage.x25519.Identity.generate())
    with database.write(book.cases):
        # Another process may have made one meanwhile: keep the first.
        book.cases.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                           (IDENTITY_SETTING, identity))
        made = book.setting(IDENTITY_SETTING) == identity
        if made:
            audit.append(book.cases, book.audit_key, "handover.address_created", "casebook",
                         book.casebook_id)
    return book.setting(IDENTITY_SETTING) or identity


def has_identity(book: Casebook) -> bool:
    return bool(book.setting(IDENTITY_SETTING))


def signing_public_key(book: Casebook) -> bytes:
    """The unit's public signing key (the private one is meta 'unit_signing_key')."""
    text = book.setting("unit_signing_key")
    if not text:
        raise CasebookError("This casebook has no signing key.")
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))
    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw)


def own_address(book: Casebook) -> Address:
    identity = pyrage.x25519.Identity.from_str(own_identity(book))
    return Address(str(identity.to_public()), signing_public_key(book))


def own_recipient(book: Casebook) -> str | None:
    """The recipient packages to this casebook are encrypted to (None before it has one)."""
    held = book.setting(IDENTITY_SETTING)
    if not held:
        return None
    return str(pyrage.x25519.Identity.from_str(held).to_public())


# ----- colleagues ----------------------------------------------------------------------------

_COLUMNS = "id, name, role, recipient, signing_key, trusted_at"


def _colleague(row: tuple[object, ...]) -> Colleague:
    cid, name, role, recipient, key, trusted_at = row
    return Colleague(int(str(cid)), str(name), str(role),
                     Address(str(recipient), base64.b64decode(str(key))), str(trusted_at))


def trusted(conn: Connection) -> list[Colleague]:
    return [_colleague(row) for row in conn.execute(
        f"SELECT {_COLUMNS} FROM colleagues WHERE removed_at IS NULL ORDER BY lower(name)")]


def named(conn: Connection, name: str) -> Colleague | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM colleagues WHERE removed_at IS NULL"
                       " AND lower(name) = lower(?)", (" ".join(name.split()),)).fetchone()
    return None if row is None else _colleague(row)


def by_signing_key(conn: Connection, key: bytes) -> Colleague | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM colleagues WHERE removed_at IS NULL"
                       " AND signing_key = ?", (base64.b64encode(key).decode(),)).fetchone()
    return None if row is None else _colleague(row)


def require_named(conn: Connection, name: str) -> Colleague:
    found = named(conn, name)
    if found is None:
        known = ", ".join(c.name for c in trusted(conn)) or "none yet"
        raise CasebookError(f"No trusted colleague is called {name.strip()!r} (trusted: "
                            f"{known}); trust them first with `casebook handover trust`.")
    return found


def trust_problem(book: Casebook, address: Address, name: str) -> str | None:
    """Why this address cannot be trusted under this name, or None."""
    clean = " ".join(name.split())
    if not clean:
        return "Give the colleague's name."
    if len(clean) > MAX_NAME:
        return f"The colleague's name is too long ({MAX_NAME} characters at most)."
    if address.signing_key == signing_public_key(book) or (
            address.recipient == own_recipient(book)):
        return "That is this casebook's own handover address."
    if address.recipient in recipients.known_board_recipients(book.cases):
        return ("That address's key is the board's return key; a colleague has their own "
                "handover address.")
    same_key = by_signing_key(book.cases, address.signing_key)
    if same_key is not None:
        return f"That address is already trusted, as {same_key.name}."
    if named(book.cases, clean) is not None:
        return f"A trusted colleague is already called {clean}; choose another name."
    return None


def trust(book: Casebook, address: Address, name: str, role: str = "") -> Colleague:
    """Record a colleague's address as trusted (after its fingerprint was compared)."""
    problem = trust_problem(book, address, name)
    if problem:
        raise CasebookError(problem + " Nothing was changed.")
    clean, role_clean = " ".join(name.split()), " ".join(role.split())[:MAX_NAME]
    with database.write(book.cases):
        cursor = book.cases.execute(
            "INSERT INTO colleagues (name, role, recipient, signing_key, fingerprint,"
            " trusted_at) VALUES (?, ?, ?, ?, ?, ?)",
            (clean, role_clean, address.recipient, address.signing_key_text,
             address.fingerprint, _now()))
        colleague_id = int(cursor.lastrowid or 0)
        audit.append(book.cases, book.audit_key, "handover.colleague_trusted", "colleague",
                     colleague_id, {"fingerprint": address.fingerprint})
    found = named(book.cases, clean)
    assert found is not None
    return found


def forget(book: Casebook, name: str) -> None:
    """Stop trusting a colleague: nothing more is sent to or accepted from them."""
    colleague = require_named(book.cases, name)
    with database.write(book.cases):
        book.cases.execute("UPDATE colleagues SET removed_at = ? WHERE id = ?",
                           (_now(), colleague.colleague_id))
        audit.append(book.cases, book.audit_key, "handover.colleague_removed", "colleague",
                     colleague.colleague_id, {"fingerprint": colleague.fingerprint})

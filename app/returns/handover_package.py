"""A handover package on disk, and a signed approval of a destruction: sealing and opening.

A package is built like a return (app/returns/envelope.py), so a person can check one
with standard tools: the file is age-encrypted (X25519) to the receiving colleague's
handover recipient; inside is a plain tar holding exactly `handover.json` (the exact
bytes signed) and `handover.sig`, the 64-byte Ed25519 signature by the sending unit's key
over `DOMAIN + handover.json` (the domain prefix keeps a package signature from ever
passing for a return's, or the other way round).

An approval of a destruction is a small JSON file, not encrypted (it names references,
a reason and a date, nothing about any person): `statement` is base64 of the exact bytes
signed, `signature` base64 of the Ed25519 signature over `APPROVAL_DOMAIN + statement`.

Opening is strict and bounded: anything else is refused with one plain sentence.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import tarfile
import time
from dataclasses import dataclass
from typing import Any

import pyrage

from app.returns.signing import sign, unit_signing_key, verifies
from app.store.casebook import Casebook
from app.store.errors import CasebookError

FORMAT = "casebook-handover"
VERSION = 1
BODY_NAME = "handover.json"
SIGNATURE_NAME = "handover.sig"
DOMAIN = b"casebook-handover-v1\n"
APPROVAL_FORMAT = "casebook-destruction-approval"
APPROVAL_DOMAIN = b"casebook-destruction-approval-v1\n"
MAX_PACKAGE = 512 * 1024 * 1024
MAX_APPROVAL = 64 * 1024
_AGE_BINARY = b"age-encryption.org/v1\n"
_AGE_ARMOUR = b"-----BEGIN AGE ENCRYPTED FILE-----"


class PackageRefused(CasebookError):
    """A package that cannot be imported; `reason` is a stable code, the message a sentence.

    Codes: not_a_package, not_for_this_casebook, damaged, untrusted_sender, tampered,
    invalid, already_imported, clash.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def body_bytes(body: dict[str, Any]) -> bytes:
    return (json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            + "\n").encode("utf-8")


def _pack(members: tuple[tuple[str, bytes], ...]) -> bytes:
    buffer = io.BytesIO()
    stamp = int(time.time())
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), stamp, 0o600
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def seal(book: Casebook, body: dict[str, Any], recipient: str) -> bytes:
    """The package file's bytes: the body signed by this unit, encrypted to `recipient`."""
    data = body_bytes(body)
    signature = sign(unit_signing_key(book), DOMAIN + data)
    packed = _pack(((BODY_NAME, data), (SIGNATURE_NAME, signature)))
    return bytes(pyrage.encrypt(packed, [pyrage.x25519.Recipient.from_str(recipient)]))


@dataclass(frozen=True)
class OpenedPackage:
    body: bytes  # exactly the signed bytes
    signature: bytes


def open_package(data: bytes, identity: str | None) -> OpenedPackage:
    """Decrypt with this casebook's handover identity and unpack (not yet verified)."""
    if len(data) > MAX_PACKAGE:
        raise PackageRefused("not_a_package", "This file is far too large to be a handover "
                             "package; nothing was imported.")
    if not (data.startswith(_AGE_BINARY) or data.lstrip().startswith(_AGE_ARMOUR)):
        raise PackageRefused("not_a_package", "This file is not a handover package (it is "
                             "not age-encrypted); nothing was imported.")
    if identity is None:
        raise PackageRefused("not_for_this_casebook", "This casebook has no handover address "
                             "yet, so no package can be addressed to it; nothing was imported.")
    try:
        packed = bytes(pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)]))
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise PackageRefused("not_for_this_casebook", "This package is addressed to "
                                 "another casebook, not this one; nothing was imported.") from exc
        raise PackageRefused("damaged", "This package is damaged or incomplete (its "
                             "encryption does not check out); nothing was imported.") from exc
    except Exception as exc:  # pyrage's other errors are all about unreadable input
        raise PackageRefused("damaged", "This package is damaged or incomplete; nothing was "
                             "imported.") from exc
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(packed), mode="r:") as tar:
            for member in tar:
                if not member.isreg() or member.name not in (BODY_NAME, SIGNATURE_NAME) \
                        or member.name in members:
                    raise PackageRefused("not_a_package", "This file does not hold a "
                                         "handover package; nothing was imported.")
                handle = tar.extractfile(member)
                if handle is None:
                    raise PackageRefused("not_a_package", "This file does not hold a "
                                         "handover package; nothing was imported.")
                members[member.name] = handle.read()
    except (tarfile.TarError, EOFError, OSError, ValueError, UnicodeError) as exc:
        raise PackageRefused("not_a_package", "This file does not hold a handover package "
                             "(its contents cannot be unpacked); nothing was imported.") from exc
    if BODY_NAME not in members or SIGNATURE_NAME not in members:
        raise PackageRefused("not_a_package", "This file does not hold a whole handover "
                             "package; nothing was imported.")
    return OpenedPackage(members[BODY_NAME], members[SIGNATURE_NAME])


def sender_key(opened: OpenedPackage) -> bytes:
    """The signing key the package says it comes from (checked against trust next)."""
    try:
        body = json.loads(opened.body)
        key = base64.b64decode(body["from"]["signing_key"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise PackageRefused("invalid", "This package's contents are not readable; nothing "
                             "was imported.") from exc
    if len(key) != 32:
        raise PackageRefused("invalid", "This package's contents are not readable; nothing "
                             "was imported.")
    return key


def verified_body(opened: OpenedPackage, key: bytes) -> dict[str, Any]:
    """The body, once its signature checks out under `key` (a trusted colleague's)."""
    if not verifies(key, DOMAIN + opened.body, opened.signature):
        raise PackageRefused("tampered", "This package has been changed since it was signed "
                             "(its signature does not check out); nothing was imported.")
    try:
        body = json.loads(opened.body)
    except ValueError as exc:
        raise PackageRefused("invalid", "This package's contents are not readable; nothing "
                             "was imported.") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise PackageRefused("invalid", "This file is not a handover package; nothing was "
                             "imported.")
    if body.get("version") != VERSION:
        raise PackageRefused("invalid", "This package was made by a newer Casebook; update "
                             "Casebook here first. Nothing was imported.")
    return body


# ----- approvals of a destruction -------------------------------------------------------------


def sign_approval(book: Casebook, statement: dict[str, Any]) -> bytes:
    """The approval file's bytes: the statement and this unit's signature over it."""
    data = body_bytes({"format": APPROVAL_FORMAT, "version": 1, **statement})
    signature = sign(unit_signing_key(book), APPROVAL_DOMAIN + data)
    return (json.dumps({"statement": base64.b64encode(data).decode(),
                        "signature": base64.b64encode(signature).decode()}, indent=2)
            + "\n").encode()


def read_approval(data: bytes) -> tuple[bytes, bytes, dict[str, Any]]:
    """(statement bytes, signature, statement) of an approval file; not yet verified."""
    not_one = CasebookError("That file is not an approval of a destruction (made with "
                            "`casebook retention approve`).")
    if len(data) > MAX_APPROVAL:
        raise not_one
    try:
        doc = json.loads(data)
        statement = base64.b64decode(doc["statement"], validate=True)
        signature = base64.b64decode(doc["signature"], validate=True)
        parsed = json.loads(statement)
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise not_one from exc
    if not isinstance(parsed, dict) or parsed.get("format") != APPROVAL_FORMAT:
        raise not_one
    return statement, signature, parsed


def approval_verifies(key: bytes, statement: bytes, signature: bytes) -> bool:
    return verifies(key, APPROVAL_DOMAIN + statement, signature)

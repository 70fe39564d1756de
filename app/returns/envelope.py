"""The return file: a signed payload, packed, and encrypted to the board.

Format (version 1), chosen so a person can check a return with standard tools:

- the file is age-encrypted (X25519) to the board's recipient, so
  `age -d -i board-identity.txt FILE` opens it;
- inside is a plain (uncompressed, ustar) tar holding exactly two files, in this
  order: `payload.json`, the exact bytes that were signed, and `payload.sig`,
  the raw 64-byte Ed25519 signature over them by the unit's key;
- so `age -d -i board-identity.txt FILE | tar -x` then
  `openssl pkeyutl -verify -pubin -inkey unit.pem -rawin -in payload.json
  -sigfile payload.sig` verifies it.

Opening is strict and bounded: anything that is not exactly this raises
ReturnRejected with a reason, never another exception.
"""

from __future__ import annotations

import io
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.returns.schema import payload_bytes
from app.returns.signing import parse_recipient, sign, unit_signing_key
from app.store import recipients
from app.store.atomic import write_atomic
from app.store.casebook import Casebook
from app.store.errors import ReturnError, ReturnRejected

PAYLOAD_NAME = "payload.json"
SIGNATURE_NAME = "payload.sig"
MAX_FILE = 16 * 1024 * 1024  # a return is tens of kilobytes; anything this big is not one
MAX_PAYLOAD = 8 * 1024 * 1024
_AGE_BINARY = b"age-encryption.org/v1\n"
_AGE_ARMOUR = b"-----BEGIN AGE ENCRYPTED FILE-----"


@dataclass(frozen=True)
class OpenedReturn:
    payload: bytes  # exactly the signed bytes
    signature: bytes | None  # None when the file carries no signature


# ----- the contact's side ----------------------------------------------------------------


def pack(payload: bytes, signature: bytes) -> bytes:
    """The tar inside the encryption: payload.json then payload.sig."""
    buffer = io.BytesIO()
    stamp = int(time.time())
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in ((PAYLOAD_NAME, payload), (SIGNATURE_NAME, signature)):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), stamp, 0o644
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def seal(payload: bytes, key: Ed25519PrivateKey, recipient: str) -> bytes:
    """Sign the payload bytes, pack them with the signature, encrypt to the board."""
    packed = pack(payload, sign(key, payload))
    return bytes(pyrage.encrypt(packed, [pyrage.x25519.Recipient.from_str(recipient)]))


def board_recipient(book: Casebook) -> str:
    recipient = book.setting("board_recipient")
    if not recipient:
        raise ReturnError("Set the board's age recipient first: casebook settings "
                          "board-recipient AGE1... (the board gets it from `casebook board "
                          "recipient`).")
    return parse_recipient(recipient)


def set_board_recipient(book: Casebook, text: str) -> str:
    """Check and keep the board's recipient (audited as a setting change); returns it.
    Refused when it is the escrow's key (the board must never be able to open the casebook)."""
    return recipients.set_board_recipient(book, parse_recipient(text))


def envelope(book: Casebook, payload: dict[str, Any]) -> bytes:
    """The return file's bytes for this payload: signed by the unit, encrypted to the board."""
    return seal(payload_bytes(payload), unit_signing_key(book), board_recipient(book))


def write_return(book: Casebook, payload: dict[str, Any], out: Path) -> Path:
    """Write the return file (atomically) and note it in the audit log (ids only)."""
    recipient = board_recipient(book)
    refusal = recipients.board_refusal(book, recipient)
    if refusal:  # a board key equal to the escrow's, from before escrow refused it
        raise ReturnError(refusal)
    recipients.remember_sent(book, recipient)  # before the file exists: escrow refuses it
    data = seal(payload_bytes(payload), unit_signing_key(book), recipient)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise ReturnError(f"The return could not be written to {out} "
                          f"({exc.strerror or exc}).") from exc
    head = payload["audit_head"]
    book.set_setting("last_return_head", f"{head['seq']}:{head['hash']}")
    book.record("return.built", "return", payload["return_id"],
                {"period": payload["period"]["label"],
                 "board_key": recipients.recipient_fingerprint(recipient)})
    return out


# ----- the board's side ------------------------------------------------------------------


def _reject(reason: str, message: str) -> ReturnRejected:
    return ReturnRejected(reason, message)


def decrypt(data: bytes, identity: str) -> bytes:
    """The packed content, or ReturnRejected saying why it cannot be opened."""
    if len(data) > MAX_FILE:
        raise _reject("not_a_return", "This file is far too large to be a return.")
    if not (data.startswith(_AGE_BINARY) or data.lstrip().startswith(_AGE_ARMOUR)):
        raise _reject("not_a_return", "This file is not an encrypted return (it is not "
                      "age-encrypted).")
    try:
        return bytes(pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)]))
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise _reject("not_for_this_board", "This return was not encrypted to this board: "
                          "the unit may have the wrong board recipient set.") from exc
        raise _reject("damaged", "This return file is damaged or incomplete (its encryption "
                      "does not check out); ask the unit to send it again.") from exc
    except Exception as exc:  # pyrage's other errors are all about unreadable input
        raise _reject("damaged", "This return file is damaged or incomplete; ask the unit to "
                      "send it again.") from exc


def unpack(packed: bytes) -> OpenedReturn:
    """payload.json and payload.sig out of the tar, and nothing else allowed in it."""
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(packed), mode="r:") as tar:
            for member in tar:
                if not member.isreg() or member.name not in (PAYLOAD_NAME, SIGNATURE_NAME) \
                        or member.name in members or member.size > MAX_PAYLOAD:
                    raise _reject("not_a_return", "This file does not hold a return: it "
                                  "should contain payload.json and payload.sig only.")
                handle = tar.extractfile(member)
                if handle is None:
                    raise _reject("not_a_return", "This file does not hold a return.")
                members[member.name] = handle.read()
    except (tarfile.TarError, EOFError, OSError, ValueError, UnicodeError) as exc:
        raise _reject("not_a_return", "This file does not hold a return (its contents "
                      "cannot be unpacked).") from exc
    if PAYLOAD_NAME not in members:
        raise _reject("not_a_return", "This file does not hold a return (payload.json is "
                      "missing).")
    # An empty signature file counts as none; one of the wrong length fails to verify.
    return OpenedReturn(members[PAYLOAD_NAME], members.get(SIGNATURE_NAME) or None)


def open_return(data: bytes, identity: str) -> OpenedReturn:
    """Decrypt with the board's identity and unpack (signature not yet checked)."""
    return unpack(decrypt(data, identity))

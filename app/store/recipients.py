"""The age recipients a casebook knows: the board's (returns go to it) and the escrow's.

They must never be the same key. The board holds the identity behind its recipient,
so a casebook key sealed to it would let the board open the casebook and read every
name. So the casebook remembers every board recipient it has ever had set or sent a
return to (`board_recipients_known` in `meta`, a JSON list), and escrow refuses any of
them; setting a board recipient refuses the escrow's. Recipients are public keys:
keeping them is no secret.
"""

from __future__ import annotations

import json

import pyrage

from app.core.fingerprints import fingerprint
from app.store import audit, database
from app.store.casebook import Casebook
from app.store.database import Connection
from app.store.errors import CasebookError

BOARD_RECIPIENT = "board_recipient"
KNOWN_BOARD_RECIPIENTS = "board_recipients_known"
ESCROW_SLOT = "escrow"


class NotARecipient(CasebookError):
    def __init__(self) -> None:
        super().__init__("That is not an age recipient: it is one line starting with age1.")


class EscrowToBoardRefused(CasebookError):
    """Escrow to a key the board holds, or a board key that is the escrow's."""


def canonical(text: str) -> str:
    """An age X25519 recipient in its canonical (lower-case bech32) form."""
    cleaned = text.strip()
    try:
        return str(pyrage.x25519.Recipient.from_str(cleaned))
    except Exception as exc:  # pyrage raises its own error types for bad keys
        raise NotARecipient() from exc


def recipient_fingerprint(recipient: str) -> str:
    """SHA-256 of the recipient text, as 16 groups of four hex digits to read aloud."""
    return fingerprint(recipient.strip().lower().encode())


def _canonical_or_none(text: object) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return canonical(text)
    except NotARecipient:
        return None


def known_board_recipients(conn: Connection) -> frozenset[str]:
    """Every board recipient this casebook has had set or has sent a return to."""
    found: set[str] = set()
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                             (BOARD_RECIPIENT, KNOWN_BOARD_RECIPIENTS)).fetchall())
    current = _canonical_or_none(rows.get(BOARD_RECIPIENT))
    if current:
        found.add(current)
    try:
        history = json.loads(rows.get(KNOWN_BOARD_RECIPIENTS) or "[]")
    except ValueError:
        history = []
    if isinstance(history, list):
        found.update(r for r in map(_canonical_or_none, history) if r)
    return frozenset(found)


def _remember(conn: Connection, recipients: frozenset[str]) -> None:
    """Inside the caller's transaction: add to the remembered board recipients."""
    known = known_board_recipients(conn) | recipients
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (KNOWN_BOARD_RECIPIENTS, json.dumps(sorted(known))))


def escrow_recipient(book: Casebook) -> str | None:
    body = book.slots.slots.get(ESCROW_SLOT) or {}
    return _canonical_or_none(body.get("recipient"))


_BOARD_KEY_REFUSED = (
    "That key is the board's return key (this casebook has {how}), and the board must never "
    "be able to open a casebook; escrow goes to the organisation's information governance "
    "lead's own key. Nothing was changed.")


def escrow_refusal(book: Casebook, recipient: str) -> str | None:
    """Why the casebook's key may not be sealed to `recipient`, or None."""
    key = canonical(recipient)
    if key == _canonical_or_none(book.setting(BOARD_RECIPIENT)):
        return _BOARD_KEY_REFUSED.format(how="it set as the board's key")
    if key in known_board_recipients(book.cases):
        return _BOARD_KEY_REFUSED.format(how="used it as the board's key before")
    return None


def board_refusal(book: Casebook, recipient: str) -> str | None:
    """Why `recipient` may not become the board's key, or None."""
    if escrow_recipient(book) == canonical(recipient):
        return ("That key is the organisation's escrow key, which can open this casebook; "
                "the board must never hold it. Ask the board for its own return key.")
    return None


def set_board_recipient(book: Casebook, text: str) -> str:
    """Check and keep the board's recipient, remembered for good; returns it."""
    recipient = canonical(text)
    refusal = board_refusal(book, recipient)
    if refusal:
        raise EscrowToBoardRefused(refusal)
    with database.write(book.cases):
        _remember(book.cases, frozenset({recipient}))
        if book.setting(BOARD_RECIPIENT) == recipient:
            return recipient
        book.cases.execute("INSERT INTO meta (key, value) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           (BOARD_RECIPIENT, recipient))
        audit.append(book.cases, book.audit_key, "setting.changed", "setting", BOARD_RECIPIENT,
                     {"fingerprint": recipient_fingerprint(recipient)})
    return recipient


def remember_sent(book: Casebook, recipient: str) -> None:
    """A return was written to `recipient`: remember it as a board key, for good."""
    with database.write(book.cases):
        _remember(book.cases, frozenset({canonical(recipient)}))


def remove_board_recipient(book: Casebook) -> None:
    """No board key set any more; the old one stays remembered (escrow still refuses it)."""
    with database.write(book.cases):
        _remember(book.cases, known_board_recipients(book.cases))
        book.cases.execute("DELETE FROM meta WHERE key = ?", (BOARD_RECIPIENT,))
        audit.append(book.cases, book.audit_key, "setting.changed", "setting", BOARD_RECIPIENT)

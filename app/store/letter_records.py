"""Letters sent, as records: what was sent to whom, when, about which event, from which facts.

The record in cases.db holds no identity: the kind, the raiser's number, the dates, the
values the letter used, its text with the person's name left as a placeholder, a SHA-256
digest of the PDF, and whether the file was password-protected. The PDF itself names the
person, so it is kept in identities.db with their identity (IdentityService.keep_letter)
and goes with it. Recording is one transaction with its audit entry (`export.letter`: kind,
letter, raiser, protected; never content).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from app.store import audit, database
from app.store.casebook import Casebook
from app.store.errors import NotFound


def digest_of(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


@dataclass(frozen=True)
class LetterRecord:
    letter_id: int
    concern_id: int
    raiser: int
    kind: str
    letter_date: date
    about_on: date | None
    facts: dict[str, Any]
    body: str
    digest: str
    protected: bool
    reissue_of: str | None
    made_at: str


def record_letter(book: Casebook, concern_id: int, *, raiser: int, kind: str, letter_date: date,
                  about_on: date | None, facts: dict[str, Any], body: str, digest: str,
                  protected: bool, reissue_of: str | None = None, event: str = "export.letter"
                  ) -> int:
    conn = book.cases
    with database.write(conn):
        cursor = conn.execute(
            "INSERT INTO letters (concern_id, raiser, kind, letter_date, about_on, facts, body,"
            " digest, protected, reissue_of, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (concern_id, raiser, kind, letter_date.isoformat(),
             about_on.isoformat() if about_on else None, json.dumps(facts, sort_keys=True),
             body, digest, int(protected), reissue_of,
             datetime.now(UTC).isoformat(timespec="microseconds")))
        letter_id = int(cursor.lastrowid or 0)
        detail: dict[str, object] = {"kind": kind, "letter": letter_id, "protected": protected}
        if raiser:
            detail["raiser"] = raiser
        if reissue_of:
            detail["reissue_of"] = reissue_of[:16]
        audit.append(conn, book.audit_key, event, "concern", concern_id, detail)
    return letter_id


_COLUMNS = ("id, concern_id, raiser, kind, letter_date, about_on, facts, body, digest,"
            " protected, reissue_of, made_at")


def _record(row: tuple[Any, ...]) -> LetterRecord:
    (letter_id, concern_id, raiser, kind, letter_date, about_on, facts, body, digest,
     protected, reissue_of, made_at) = row
    try:
        parsed = json.loads(facts)
    except ValueError:
        parsed = {}
    return LetterRecord(int(letter_id), int(concern_id), int(raiser), str(kind),
                        date.fromisoformat(str(letter_date)),
                        date.fromisoformat(str(about_on)) if about_on else None,
                        parsed if isinstance(parsed, dict) else {}, str(body), str(digest),
                        bool(protected), reissue_of, str(made_at))


def letter(book: Casebook, letter_id: int) -> LetterRecord:
    row = book.cases.execute(f"SELECT {_COLUMNS} FROM letters WHERE id = ?",
                             (letter_id,)).fetchone()
    if row is None:
        raise NotFound("There is no such letter in this casebook.")
    return _record(row)


def letters_of(book: Casebook, concern_id: int) -> list[LetterRecord]:
    return [_record(row) for row in book.cases.execute(
        f"SELECT {_COLUMNS} FROM letters WHERE concern_id = ? ORDER BY made_at, id",
        (concern_id,))]

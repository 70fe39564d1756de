"""The person's details of a new concern still being typed: kept in identities.db.

A new concern's form keeps its text as an encrypted draft like every other form. The
person's name and contact details must never sit in cases.db, so they are kept apart,
in identities.db under its own key, beside the form's draft in cases.db and named by the
same token. When the concern is recorded, or the draft thrown away, both go.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from app.store import database
from app.store.casebook import Casebook

PERSON_FIELDS = ("name", "email", "phone", "address", "employer", "job_title",
                 "support_person")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def save(book: Casebook, token: str, details: dict[str, str]) -> None:
    """Keep the details typed so far (empty: nothing is kept, and any earlier copy goes)."""
    kept = {k: str(details.get(k, "")) for k in PERSON_FIELDS}
    conn = book.identities()
    with database.write(conn):
        if not any(v.strip() for v in kept.values()):
            conn.execute("DELETE FROM person_drafts WHERE token = ?", (token,))
            return
        conn.execute(
            "INSERT INTO person_drafts (token, body, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (token) DO UPDATE SET body = excluded.body,"
            " updated_at = excluded.updated_at",
            (token, json.dumps(kept, ensure_ascii=False, sort_keys=True), _now()))


def read(book: Casebook, token: str) -> dict[str, str]:
    row = book.identities().execute("SELECT body FROM person_drafts WHERE token = ?",
                                    (token,)).fetchone()
    if row is None:
        return {}
    try:
        data = json.loads(str(row[0]))
    except ValueError:
        return {}
    return {k: str(data.get(k, "")) for k in PERSON_FIELDS} if isinstance(data, dict) else {}


def discard(book: Casebook, tokens: list[str]) -> None:
    if not tokens:
        return
    conn = book.identities()
    with database.write(conn):
        conn.executemany("DELETE FROM person_drafts WHERE token = ?", [(t,) for t in tokens])


def discard_all_but(book: Casebook, tokens: set[str]) -> int:
    """Details whose form draft is gone (discarded elsewhere): none is kept for nothing."""
    conn = book.identities()
    held = [str(r[0]) for r in conn.execute("SELECT token FROM person_drafts")]
    gone = [t for t in held if t not in tokens]
    discard(book, gone)
    return len(gone)

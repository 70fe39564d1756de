"""A name's fingerprint for an unnamed concern: keyed digests, never the name.

The contact knows who raised an unnamed concern, and the record must not. To let the
scanner find that name in case text all the same, the contact types it once; only its
keyed digests (app/core/identifying/digests.py) are kept, in cases.db's name_digests
table, one set per concern. The key is made on first use and kept in identities.db's
meta table, apart from the digests: cases.db alone (a copy of the case text, or an
anonymised record kept after retention) cannot be used to test a guessed name, and
destroying identities.db leaves the digests meaningless.
"""

from __future__ import annotations

import secrets

from app.core.identifying import name_token_digests
from app.core.identifying.names import name_shape
from app.core.records import Anonymity
from app.store import audit, database, search_index
from app.store.casebook import Casebook
from app.store.errors import CasebookError, NotFound

KEY_NAME = "name_digest_key"
MAX_NAME_CHARS = 200


def digest_key(book: Casebook, *, create: bool = False) -> bytes | None:
    """The casebook's key for name digests (None when none was made and `create` is False)."""
    conn = book.identities()
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY_NAME,)).fetchone()
    if row is not None:
        return bytes.fromhex(str(row[0]))
    if not create:
        return None
    key = secrets.token_bytes(32)
    with database.write(conn):
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                     (KEY_NAME, key.hex()))
        stored = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY_NAME,)).fetchone()
    return bytes.fromhex(str(stored[0]))


def name_problem(name: str) -> str | None:
    cleaned = name.strip()
    if not cleaned:
        return "Type the name whose fingerprint to record."
    if len(cleaned) > MAX_NAME_CHARS:
        return f"A name is at most {MAX_NAME_CHARS} characters."
    if not any(ch.isalpha() for ch in cleaned):
        return "A name needs letters."
    return None


def _require_unnamed(book: Casebook, concern_id: int) -> None:
    row = book.cases.execute("SELECT anonymity FROM concerns WHERE id = ?",
                             (concern_id,)).fetchone()
    if row is None:
        raise NotFound("That concern no longer exists.")
    if row[0] != Anonymity.UNNAMED.value:
        raise CasebookError(
            "A name's fingerprint is for unnamed concerns only: a named concern's person is "
            "held in the identity store already, and nobody knows who raised an anonymous one.")


def record_fingerprint(book: Casebook, concern_id: int, name: str) -> int:
    """Keep the digests of `name` for an unnamed concern (the name itself is dropped);
    audited by count only. Returns how many digests the concern now has."""
    problem = name_problem(name)
    if problem:
        raise CasebookError(problem)
    _require_unnamed(book, concern_id)
    if not any(len(word) >= 2 for word in name_shape(name).whole):
        raise CasebookError("That name has no word of two letters or more to look for.")
    digests = name_token_digests(name, digest_key(book, create=True) or b"")
    if not digests:
        raise CasebookError("That name has no word of two letters or more to look for.")
    with database.write(book.cases):
        book.cases.executemany(
            "INSERT OR IGNORE INTO name_digests (concern_id, digest) VALUES (?, ?)",
            [(concern_id, digest) for digest in sorted(digests)])
        audit.append(book.cases, book.audit_key, "identity.fingerprint_recorded", "concern",
                     concern_id, {"digests": len(digests)})
        count = int(book.cases.execute("SELECT count(*) FROM name_digests WHERE concern_id = ?",
                                       (concern_id,)).fetchone()[0])
    # Search entries written before may hold the name: found now, while it is known.
    search_index.mark_mentions(book.cases, search_index.words(name))
    return count


def forget_fingerprint(book: Casebook, concern_id: int) -> None:
    """Remove every digest recorded for a concern (audited)."""
    with database.write(book.cases):
        removed = book.cases.execute("DELETE FROM name_digests WHERE concern_id = ?",
                                     (concern_id,)).rowcount
        audit.append(book.cases, book.audit_key, "identity.fingerprint_removed", "concern",
                     concern_id, {"digests": removed})


def fingerprint_size(book: Casebook, concern_id: int) -> int:
    return int(book.cases.execute("SELECT count(*) FROM name_digests WHERE concern_id = ?",
                                  (concern_id,)).fetchone()[0])


def owned_digests(book: Casebook) -> dict[int, frozenset[bytes]]:
    """Every concern's recorded digests, by concern id."""
    found: dict[int, set[bytes]] = {}
    for concern_id, digest in book.cases.execute(
            "SELECT concern_id, digest FROM name_digests"):
        found.setdefault(int(concern_id), set()).add(bytes(digest))
    return {k: frozenset(v) for k, v in found.items()}


def state(book: Casebook) -> tuple[object, ...]:
    """A cheap token that changes whenever digests are added or removed."""
    row = book.cases.execute(
        "SELECT count(*), total(concern_id), hex(min(digest)), hex(max(digest))"
        " FROM name_digests").fetchone()
    return tuple(row)

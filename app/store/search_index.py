"""The concerns list's search index, written from the text as the surfaces show it.

One document per concern (its reference, summary, service area, and the notes and next
steps of all its conversations), each piece masked by the casebook's identifying-text
scanner as part of its concern (C's name as C, anyone else's as [name], contact details
and numbers by kind), the markers then left out, and folded as the scanner folds (so
accents and look-alike letters neither hide a word from a search nor let one through).
A held name is therefore in no concern's entry, and the ordinary search for it finds
nothing: it matches exactly the words a surface would show. Finding a concern by its
person is a separate, audited action (app/services/find_person.py).

Triggers (database/cases/0007) put a changed concern into `search_pending` and drop its
old entry; `refresh` writes the entries of pending concerns, and the list calls it before
each search. The scanner changes when identities, the organisation's lists or name
fingerprints do: `mark_mentions` marks the concerns whose entries hold any of the new
words (found through the index itself), `mark_all` every concern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from app.core.identifying import MARKERS, Scanner
from app.core.identifying.normalise import fold
from app.store import database
from app.store.casebook import Casebook
from app.store.database import Connection
from app.store.owners import own_from

BATCH = 250
MAX_MARK_WORDS = 64
_WORD = re.compile(r"[^\W_]+")
_MARKERS = re.compile("|".join(re.escape(m) for m in sorted(
    {m for m in MARKERS.values() if m.startswith("[")}, key=len, reverse=True)))

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def pending(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM search_pending").fetchone()[0])


def entry_text(pieces: Iterable[str], mask: Callable[[str], str]) -> str:
    """A concern's index entry from its pieces of text: masked, markers out, folded."""
    shown = " ".join(mask(piece) for piece in pieces if piece)
    return fold(_MARKERS.sub(" ", shown)).text


def refresh(book: Casebook, scanner: Callable[[], Scanner], *,
            on_progress: Progress | None = None, cancelled: Cancelled | None = None,
            limit: int | None = None) -> int:
    """Write the entries of pending concerns (at most `limit`) with the casebook's scanner
    (`scanner()`, asked only when there is something to write: app/store/scanning.py), a
    batch per transaction; returns how many were written. Stops between batches when
    `cancelled()` says so."""
    conn = book.cases
    total = pending(conn) if limit is None else min(limit, pending(conn))
    if not total:
        return 0
    masker = scanner()
    done = 0
    while done < total:
        if cancelled is not None and cancelled():
            break
        ids = [int(row[0]) for row in conn.execute(
            "SELECT concern_id FROM search_pending ORDER BY concern_id LIMIT ?",
            (min(BATCH, total - done),))]
        if not ids:
            break
        _write(conn, masker, ids)
        done += len(ids)
        if on_progress is not None:
            on_progress(done, total)
    return done


def _write(conn: Connection, scanner: Scanner, ids: Sequence[int]) -> None:
    marks = ",".join("?" * len(ids))
    concerns = conn.execute(
        "SELECT id, reference, summary, service_area, person_ref, anonymity, pseudonym"
        f" FROM concerns WHERE id IN ({marks})", ids).fetchall()
    talk: dict[int, list[str]] = {}
    for concern_id, notes, steps in conn.execute(
            "SELECT concern_id, notes, next_steps FROM conversations"
            f" WHERE concern_id IN ({marks}) ORDER BY concern_id, held_on, id", ids):
        talk.setdefault(int(concern_id), []).extend((str(notes), str(steps)))
    entries = []
    for concern_id, reference, summary, area, person_ref, anonymity, pseudonym in concerns:
        own = own_from(int(concern_id), person_ref, anonymity)

        def mask(text: str, own: str | None = own, shown: str = str(pseudonym)) -> str:
            return scanner.mask(text, own=own, pseudonym=shown)

        body = str(reference) + " " + entry_text(
            (str(summary), str(area), *talk.get(int(concern_id), ())), mask)
        entries.append((int(concern_id), body))
    with database.write(conn):
        conn.executemany("INSERT OR REPLACE INTO concern_search (rowid, body) VALUES (?, ?)",
                         entries)
        conn.execute(f"DELETE FROM search_pending WHERE concern_id IN ({marks})", ids)


def mark(conn: Connection, concern_ids: Iterable[int]) -> None:
    with database.write(conn):
        conn.executemany("INSERT OR IGNORE INTO search_pending (concern_id)"
                         " SELECT id FROM concerns WHERE id = ?", [(i,) for i in concern_ids])


def mark_all(conn: Connection) -> None:
    """Every concern's entry is to be written again (the scanner's lists changed)."""
    with database.write(conn):
        conn.execute("INSERT OR IGNORE INTO search_pending (concern_id) SELECT id FROM concerns")


def words(*texts: str) -> list[str]:
    """The folded words of some held details, as the index holds words."""
    found: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(fold(text).text):
            found.setdefault(word)
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) >= 6:
            found.setdefault(digits)
    return list(found)[:MAX_MARK_WORDS]


def mark_mentions(conn: Connection, new_words: Iterable[str]) -> int:
    """Mark every concern whose entry holds any of `new_words` (newly held words that the
    entries written before could not mask); returns how many were marked.

    The match leads (`+rowid` keeps SQLite from walking every concern and asking the
    full-text index about each one): adding a person costs what the match finds, not what
    the casebook holds."""
    quoted = [f'"{w}"' for w in dict.fromkeys(new_words) if w and '"' not in w]
    if not quoted:
        return 0
    with database.write(conn):
        return int(conn.execute(
            "INSERT OR IGNORE INTO search_pending (concern_id) SELECT rowid FROM concern_search"
            " WHERE concern_search MATCH ? AND +rowid IN (SELECT id FROM concerns)",
            (" OR ".join(quoted),)).rowcount)

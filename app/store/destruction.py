"""Destroying a concern's record at the end of retention, identity first.

Three steps, each one transaction, so a destruction stopped at any moment (a crash, the
power, a kill) leaves either the whole record with its identity, or a record whose
identity is gone; the next opening finishes what was started (`finish_interrupted`):

1. cases.db: the destruction is noted as started (with the identity's reference);
2. identities.db: the person and their consents are deleted (secure_delete is on, so the
   freed space is zeroed), and the write-ahead log is folded in and emptied;
3. cases.db: every free-text field of the concern and its rows becomes a tombstone,
   drafts of it are deleted, its link to the identity is cleared, and the destruction is
   noted as done, with one audit entry (kind and reference, never content).

Then the search index is rebuilt without the old words (FTS5 'optimize' merges away the
deleted entries) and both write-ahead logs are emptied. What is kept is what the figures
need: dates, stages, outcomes, codes, themes, extensions' dates, the dates of detriment
reports and feedback and its answer, and learning statements the contact approved for
publication (already sent to the board as they are). No figure changes.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from app.core.custody import Custody
from app.store import audit, backup_purge, custody, database, facts_query
from app.store.backup_purge import BackupsAfterRemoval
from app.store.casebook import Casebook
from app.store.database import Connection
from app.store.errors import BackupError
from app.store.identities import IdentityService

TOMBSTONE = "[destroyed at the end of retention]"
SWEEP = "destruction_sweep_pending"  # meta: tombstones written, index and logs not yet swept
REMAKE = "backups_remake_after"  # meta: identities left at this time; own backups to remake

# table -> free-text columns that become the tombstone (when they held anything)
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "concerns": ("summary", "service_area", "late_reason", "decision_reasons",
                 "closure_reason"),
    "concern_issues": ("description", "findings"),
    "stages": ("handler", "response_summary"),
    "extensions": ("authorised_by", "reason"),
    "conversations": ("notes", "next_steps"),
    "actions": ("description", "owner", "not_adopted_reason"),
    "signposting": ("other_body", "notes"),
    "detriment_reports": ("description", "action_taken"),
    "feedback": ("comments",),
    "disclosures": ("disclosed_to", "role", "reason"),
    "involved_people": ("name", "role", "how"),
    "after_closure_updates": ("told",),
    "letters": ("body",),
    "record_edits": ("reason",),
}
# Free text on a concern's own row and its stages, beyond the columns above.
TEXT_COLUMNS["concerns"] += ("update_frequency",)
TEXT_COLUMNS["stages"] += ("handler_clash", "handler_justification")
# What is destroyed, in the words of the audit log and the certificate.
DESTROYED_KINDS = ("identity", "consents", "letters as sent", "case text", "drafts",
                   "search index entries")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class RetentionItem:
    concern_id: int
    reference: str
    ended_on: date  # closed, decided not to use the procedure, or handed over
    ended: str  # closed | business_as_usual | handed_over | withdrawn ...
    due_on: date
    open: bool  # still open here: never destroyed
    has_identity: bool


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def retention_items(conn: Connection, years: int) -> list[RetentionItem]:
    """Every concern not yet destroyed, with when its record ended and is due to go."""
    spans = facts_query.custody_spans(conn)
    items: list[RetentionItem] = []
    for cid, reference, closure, closure_on, decision, decision_on, person_ref in conn.execute(
            "SELECT id, reference, closure, closure_on, decision, decision_on, person_ref"
            " FROM concerns WHERE id NOT IN (SELECT concern_id FROM destructions"
            " WHERE state = 'done') ORDER BY reference"):
        held = spans.get(int(cid), Custody())
        ended_on: date | None = None
        ended = closure
        if not held.held_now:
            ended_on, ended = held.handed_over_on, "handed_over"
        elif closure != "open" and closure_on:
            ended_on = date.fromisoformat(closure_on)
        elif decision == "business_as_usual" and decision_on:
            ended_on, ended = date.fromisoformat(decision_on), "business_as_usual"
        open_here = ended_on is None
        start = ended_on or date.max
        items.append(RetentionItem(int(cid), str(reference), start, ended,
                                   date.max if open_here else add_years(start, years),
                                   open_here, person_ref is not None))
    return items


def pending(conn: Connection) -> list[tuple[int, str | None]]:
    """Destructions started and not finished: (concern id, identity reference)."""
    return [(int(cid), ref) for cid, ref in conn.execute(
        "SELECT concern_id, person_ref FROM destructions WHERE state = 'started'")]


@dataclass(frozen=True)
class Approval:
    colleague: str
    fingerprint: str
    approval_id: str


def start(book: Casebook, concern_id: int, reason: str, *, early: bool,
          approval: Approval | None) -> None:
    """Step 1: the destruction is noted as started (one transaction)."""
    conn = book.cases
    reference, person_ref = conn.execute(
        "SELECT reference, person_ref FROM concerns WHERE id = ?", (concern_id,)).fetchone()
    with database.write(conn):
        conn.execute(
            "INSERT INTO destructions (concern_id, reference, state, person_ref, reason, early,"
            " approved_by, approval_fingerprint, approval_id, started_at)"
            " VALUES (?, ?, 'started', ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (concern_id) DO NOTHING",
            (concern_id, reference, person_ref, reason, int(early),
             approval.colleague if approval else None,
             approval.fingerprint if approval else None,
             approval.approval_id if approval else None, _now()))
        audit.append(conn, book.audit_key, "retention.destruction_started", "concern",
                     concern_id, {"reference": reference})


def destroy_identity(book: Casebook, person_ref: str | None, concern_id: int | None = None
                     ) -> int:
    """Step 2: the identity, its consents and the letters kept with it, deleted for good;
    with the concern, its linked raisers' identities too."""
    refs = [person_ref] if person_ref is not None else []
    if concern_id is not None:
        refs += [str(r[0]) for r in book.cases.execute(
            "SELECT person_ref FROM linked_raisers WHERE concern_id = ?"
            " AND person_ref IS NOT NULL", (concern_id,))]
    if not refs:
        return 0
    return IdentityService(book).delete_people(refs)


def tombstone(book: Casebook, concern_id: int) -> None:
    """Step 3: case text to tombstones, drafts gone, link cleared, noted as done."""
    conn = book.cases
    row = conn.execute("SELECT reference FROM destructions WHERE concern_id = ?",
                       (concern_id,)).fetchone()
    with database.write(conn):
        for table, columns in TEXT_COLUMNS.items():
            key = "id" if table == "concerns" else "concern_id"
            sets = ", ".join(
                f"{c} = CASE WHEN {c} IS NULL OR trim({c}) = '' THEN {c} ELSE ? END"
                for c in columns)
            conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?",
                         (*([TOMBSTONE] * len(columns)), concern_id))
        # Learning: what the contact approved for publication stays as published; the rest
        # goes. Local theme labels go (the theme counts as `other`, as it always did).
        conn.execute("UPDATE actions SET learning = CASE WHEN trim(learning) = '' THEN learning"
                     " ELSE ? END WHERE concern_id = ? AND publishable = 0",
                     (TOMBSTONE, concern_id))
        had_local = conn.execute("DELETE FROM concern_themes WHERE concern_id = ?"
                                 " AND local_label != ''", (concern_id,)).rowcount
        if had_local:
            conn.execute("INSERT OR IGNORE INTO concern_themes (concern_id, code, local_label)"
                         " VALUES (?, 'other', '')", (concern_id,))
        conn.execute("DELETE FROM drafts WHERE concern_id = ?", (concern_id,))
        conn.execute("UPDATE concerns SET person_ref = NULL, next_due = NULL,"
                     " updated_at = ? WHERE id = ?", (_now(), concern_id))
        conn.execute("UPDATE linked_raisers SET person_ref = NULL WHERE concern_id = ?",
                     (concern_id,))
        conn.execute("UPDATE destructions SET state = 'done', person_ref = NULL,"
                     " destroyed_at = ? WHERE concern_id = ?", (_now(), concern_id))
        conn.execute("INSERT INTO meta (key, value) VALUES (?, '1')"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (SWEEP,))
        note_removal(conn)
        audit.append(conn, book.audit_key, "retention.destroyed", "concern", concern_id, {
            "reference": row[0] if row else "", "destroyed": list(DESTROYED_KINDS)})


def sweep(book: Casebook) -> None:
    """After the text is gone: the search index without the old words, the write-ahead
    logs emptied (their old frames held the text, encrypted). The need for it is noted in
    the same transaction as the tombstones and cleared only once it is done, so a sweep
    stopped midway is done again on the next opening."""
    with database.write(book.cases):
        book.cases.execute("INSERT INTO concern_search (concern_search) VALUES ('optimize')")
    database.checkpoint(book.cases)
    database.checkpoint(book.identities())
    with database.write(book.cases):
        book.cases.execute("DELETE FROM meta WHERE key = ?", (SWEEP,))
    database.checkpoint(book.cases)


def finish(book: Casebook, concern_id: int, person_ref: str | None) -> None:
    destroy_identity(book, person_ref, concern_id)
    tombstone(book, concern_id)


def note_removal(conn: Connection) -> str:
    """Inside the transaction that removes identities (a destruction, a handover): note that
    the casebook's own backups must be remade, with the time (backups written elsewhere
    before it still hold the identities). Returns the time."""
    when = _now()
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (REMAKE, when))
    return when


def remake_backups(book: Casebook, reason: str) -> BackupsAfterRemoval | None:
    """The casebook's own backups remade after identities left it (if that is still to do),
    and the note cleared; audited."""
    when = book.setting(REMAKE)
    if not when:
        return None
    # Identities a crash left linked to nothing are removed first (book.identities() does it).
    database.checkpoint(book.identities())
    database.checkpoint(book.cases)
    backups = backup_purge.after_removal(book.folder, book.master_key, when, reason)
    with database.write(book.cases):
        book.cases.execute("DELETE FROM meta WHERE key = ?", (REMAKE,))
        audit.append(book.cases, book.audit_key, "backup.remade", "backup",
                     backups.new_backup.name, {"removed": len(backups.removed),
                                               "after": reason})
    return backups


def finish_interrupted(book: Casebook) -> list[int]:
    """After a crash: finish every destruction started and not done, a sweep not done, and
    the own backups not yet remade after identities left (when the disk allows; otherwise
    at the next opening)."""
    left = pending(book.cases)
    for concern_id, person_ref in left:
        finish(book, concern_id, person_ref)
    if left or book.setting(SWEEP):
        sweep(book)
    if book.setting(REMAKE):
        with contextlib.suppress(BackupError):
            remake_backups(book, "after-interruption")
    return [concern_id for concern_id, _ in left]


def destroyed(conn: Connection, concern_ids: list[int] | None = None
              ) -> list[dict[str, object]]:
    """Destructions done (all, or of these concerns), for the certificate and status."""
    rows = conn.execute(
        "SELECT concern_id, reference, reason, early, approved_by, approval_fingerprint,"
        " started_at, destroyed_at FROM destructions WHERE state = 'done' ORDER BY id")
    wanted = None if concern_ids is None else set(concern_ids)
    return [{"concern_id": cid, "reference": ref, "reason": reason, "early": bool(early),
             "approved_by": by, "approval_fingerprint": fp, "started_at": started,
             "destroyed_at": done}
            for cid, ref, reason, early, by, fp, started, done in rows
            if wanted is None or cid in wanted]


def read_only(conn: Connection, concern_id: int) -> str | None:
    """Why the concern cannot change here (handed over, destroyed), or None."""
    return custody.read_only_reason(conn, concern_id, custody.custody_of(conn, concern_id))

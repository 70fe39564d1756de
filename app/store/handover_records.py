"""A concern's whole record as plain values, out of one casebook and into another.

`read_record` gives a concern and every row about it (themes, issues, stages, extensions,
conversations, actions, signposting, detriment, feedback, disclosures) as JSON-able
values, without the identity (that travels apart, only where consent allows) and without
drafts (text still being typed stays with whoever typed it). `write_record` puts one
into this casebook inside the caller's transaction, checking every column against this
casebook's own schema, so a package can only ever fill the columns a concern has.

`record_sent` and `record_received` write the rest of a handover in the same
transaction as the records: the handover itself, custody, the disclosures made, and the
audit entries (references and fingerprints, never names or content).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from app.core.custody import Custody
from app.core.records import DisclosureConsent
from app.store import audit, custody, facts_query
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.database import Connection
from app.store.destruction import note_removal
from app.store.errors import CasebookError

# The tables holding a concern's record, each keyed to it by concern_id.
RECORD_TABLES = ("concern_themes", "concern_issues", "stages", "extensions", "conversations",
                 "actions", "signposting", "detriment_reports", "feedback", "disclosures",
                 "involved_people", "after_closure_updates", "linked_raisers", "letters",
                 "record_edits")
# Kept by this casebook, never carried: its own row id, the link to its identity, the list
# columns it works out itself.
_CONCERN_LOCAL = frozenset({"id", "person_ref", "stage", "next_due"})
_ROW_LOCAL = frozenset({"id", "concern_id"})
# A linked raiser's link to their identity stays too: the identity travels apart, only where
# their own consent allows, and is linked again on arrival.
_TABLE_LOCAL = {"linked_raisers": frozenset({"person_ref"})}
MAX_TEXT = 1_000_000
MAX_ROWS = 10_000

Record = dict[str, Any]


class BadRecord(CasebookError):
    """A record in a package that this casebook cannot take; the message says which."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]


def read_record(conn: Connection, concern_id: int) -> Record:
    """The concern and every row about it (no identity, no drafts)."""
    columns = [c for c in _columns(conn, "concerns") if c not in _CONCERN_LOCAL]
    row = conn.execute(f"SELECT {', '.join(columns)} FROM concerns WHERE id = ?",
                       (concern_id,)).fetchone()
    if row is None:
        raise CasebookError("That concern no longer exists.")
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in RECORD_TABLES:
        local = _ROW_LOCAL | _TABLE_LOCAL.get(table, frozenset())
        cols = [c for c in _columns(conn, table) if c not in local]
        tables[table] = [dict(zip(cols, r, strict=True)) for r in conn.execute(
            f"SELECT {', '.join(cols)} FROM {table} WHERE concern_id = ? ORDER BY rowid",
            (concern_id,))]
    return {"concern": dict(zip(columns, row, strict=True)), "tables": tables}


def _check_values(where: str, values: object, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(values, dict) or not values:
        raise BadRecord(f"The package's record of {where} is damaged.")
    unknown = set(values) - allowed
    if unknown:
        raise BadRecord(f"The package's record of {where} has parts this casebook does not "
                        f"know ({', '.join(sorted(unknown))[:200]}); update Casebook here.")
    for value in values.values():
        if value is not None and type(value) not in (str, int):
            raise BadRecord(f"The package's record of {where} is damaged.")
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise BadRecord(f"The package's record of {where} holds text too long to be real.")
    return values


def record_reference(record: object) -> str:
    """The reference a record carries, checked to be plain text."""
    concern = record.get("concern") if isinstance(record, dict) else None
    reference = concern.get("reference") if isinstance(concern, dict) else None
    if not isinstance(reference, str) or not 1 <= len(reference) <= 100 or any(
            not ch.isprintable() for ch in reference):
        raise BadRecord("A concern in the package has no readable reference.")
    return reference


def write_record(conn: Connection, record: object, person_ref: str | None) -> int:
    """Inside the caller's transaction: the concern and its rows; returns its new id."""
    reference = record_reference(record)
    assert isinstance(record, dict)
    concern_cols = set(_columns(conn, "concerns")) - _CONCERN_LOCAL
    concern = _check_values(reference, record.get("concern"), concern_cols)
    names = list(concern)
    cursor = conn.execute(
        f"INSERT INTO concerns (person_ref, {', '.join(names)}) VALUES"
        f" (?, {', '.join('?' * len(names))})", (person_ref, *concern.values()))
    concern_id = int(cursor.lastrowid or 0)
    tables = record.get("tables")
    if not isinstance(tables, dict) or set(tables) - set(RECORD_TABLES):
        raise BadRecord(f"The package's record of {reference} is damaged.")
    for table in RECORD_TABLES:
        rows = tables.get(table, [])
        if not isinstance(rows, list) or len(rows) > MAX_ROWS:
            raise BadRecord(f"The package's record of {reference} is damaged.")
        allowed = set(_columns(conn, table)) - _ROW_LOCAL - _TABLE_LOCAL.get(table, frozenset())
        for row in rows:
            values = _check_values(f"{reference} ({table})", row, allowed)
            cols = list(values)
            conn.execute(f"INSERT INTO {table} (concern_id, {', '.join(cols)}) VALUES"
                         f" (?, {', '.join('?' * len(cols))})", (concern_id, *values.values()))
    return concern_id


# ----- the handover, in the casebooks' own tables -------------------------------------------


@dataclass(frozen=True)
class SentConcern:
    concern_id: int
    reference: str
    identity: str  # sent | withheld | none
    person_ref: str | None
    consent_on: date | None  # the consent the identity went under


@dataclass(frozen=True)
class HandoverParty:
    name: str
    role: str
    fingerprint: str


def handover_disclosure(to: HandoverParty, handed_on: date, reason: str,
                        consent_on: date | None) -> dict[str, Any]:
    """The disclosure an identity sent with a handover is recorded as, on both sides."""
    return {"disclosed_to": to.name, "role": to.role, "disclosed_on": handed_on.isoformat(),
            "reason": f"Handed over: {reason}",
            "consent": DisclosureConsent.CONSENT_RECORDED.value,
            "consent_on": None if consent_on is None else consent_on.isoformat()}


def record_sent(book: Casebook, package_id: str, to: HandoverParty, handed_on: date,
                reason: str, sent: list[SentConcern]) -> list[str]:
    """Inside the caller's transaction, on the sender: the handover, each identity sent as a
    disclosure, custody ended, the identities unlinked (deleted next), drafts of the
    concerns dropped, one audit entry. Returns the identities to delete."""
    conn = book.cases
    cursor = conn.execute(
        "INSERT INTO handovers (package_id, direction, colleague_name, colleague_role,"
        " colleague_fingerprint, handed_on, at, reason) VALUES (?, 'sent', ?, ?, ?, ?, ?, ?)",
        (package_id, to.name, to.role, to.fingerprint, handed_on.isoformat(), _now(),
         reason))
    handover_id = int(cursor.lastrowid or 0)
    gone: list[str] = []
    for item in sent:
        conn.execute("INSERT INTO handover_concerns (handover_id, reference, concern_id,"
                     " identity) VALUES (?, ?, ?, ?)",
                     (handover_id, item.reference, item.concern_id, item.identity))
        if item.identity == "sent":
            row = handover_disclosure(to, handed_on, reason, item.consent_on)
            conn.execute(f"INSERT INTO disclosures (concern_id, {', '.join(row)}) VALUES"
                         f" (?, {', '.join('?' * len(row))})", (item.concern_id, *row.values()))
        held = custody.custody_of(conn, item.concern_id)
        custody.write_custody(conn, item.concern_id, held.handed_over(handed_on))
        conn.execute("UPDATE concerns SET person_ref = NULL WHERE id = ?", (item.concern_id,))
        linked = [str(r[0]) for r in conn.execute(
            "SELECT person_ref FROM linked_raisers WHERE concern_id = ?"
            " AND person_ref IS NOT NULL", (item.concern_id,))]
        conn.execute("UPDATE linked_raisers SET person_ref = NULL WHERE concern_id = ?",
                     (item.concern_id,))
        conn.execute("DELETE FROM drafts WHERE concern_id = ?", (item.concern_id,))
        gone.extend(linked)
    gone.extend(item.person_ref for item in sent if item.person_ref is not None)
    if gone:
        note_removal(conn)
    audit.append(conn, book.audit_key, "handover.sent", "handover", package_id, {
        "to": to.fingerprint, "handed_on": handed_on.isoformat(),
        "references": [item.reference for item in sent],
        "identities_sent": sum(item.identity == "sent" for item in sent)})
    return gone


@dataclass(frozen=True)
class Arrival:
    reference: str
    record: Record
    person_ref: str | None  # the identity already added to identities.db, or None
    identity: str  # sent | withheld | none
    raisers: tuple[tuple[int, str], ...] = ()  # linked raisers' identities added: (number, ref)


def replaceable(conn: Connection, reference: str) -> tuple[int, Custody] | None:
    """A concern with this reference that this casebook handed over and so may take back
    (its id and custody), or None when there is none. Raises when the reference is taken
    by a concern this casebook holds or has destroyed."""
    row = conn.execute("SELECT id FROM concerns WHERE reference = ?", (reference,)).fetchone()
    if row is None:
        return None
    concern_id = int(row[0])
    held = custody.custody_of(conn, concern_id)
    if custody.destroyed_on(conn, concern_id) is not None or held.held_now:
        raise CasebookError(
            f"This casebook already holds a concern with reference {reference}, so the "
            "package cannot be imported; nothing was imported. (Units that hand concerns to "
            "each other need different reference prefixes: casebook handover prefix.)")
    return concern_id, held


def record_received(book: Casebook, package_id: str, sender: HandoverParty,
                    handed_on: date, reason: str, arrivals: list[Arrival]) -> list[int]:
    """Inside the caller's transaction, on the receiver: each concern written (a concern
    this casebook handed over before is replaced by the newer record), custody from the
    handover date, the events other units count, one audit entry. Returns the new ids."""
    conn = book.cases
    cursor = conn.execute(
        "INSERT INTO handovers (package_id, direction, colleague_name, colleague_role,"
        " colleague_fingerprint, handed_on, at, reason) VALUES (?, 'received', ?, ?, ?, ?,"
        " ?, ?)", (package_id, sender.name, sender.role, sender.fingerprint,
                   handed_on.isoformat(), _now(), reason))
    handover_id = int(cursor.lastrowid or 0)
    service = ConcernService(book)
    ids: list[int] = []
    for arrival in arrivals:
        earlier = replaceable(conn, arrival.reference)
        held = Custody()
        if earlier is not None:
            old_id, held = earlier
            last = held.handed_over_on
            if last is not None and handed_on < last:
                raise CasebookError(
                    f"The package hands {arrival.reference} over on {handed_on.isoformat()}, "
                    f"before this casebook handed it over ({last.isoformat()}); nothing was "
                    "imported.")
            conn.execute("UPDATE handover_concerns SET concern_id = NULL WHERE concern_id = ?",
                         (old_id,))
            conn.execute("DELETE FROM concerns WHERE id = ?", (old_id,))
        concern_id = write_record(conn, arrival.record, arrival.person_ref)
        for number, person_ref in arrival.raisers:
            linked = conn.execute("UPDATE linked_raisers SET person_ref = ? WHERE concern_id = ?"
                                  " AND number = ? AND anonymity = 'named'",
                                  (person_ref, concern_id, number)).rowcount
            if not linked:
                raise BadRecord(f"The package's record of {arrival.reference} carries an "
                                "identity for a raiser it does not hold.")
        ids.append(concern_id)
        arrived = held.received(handed_on) if earlier is not None else Custody(
            ((handed_on, None),))
        custody.write_custody(conn, concern_id, arrived)
        conn.execute("INSERT INTO handover_concerns (handover_id, reference, concern_id,"
                     " identity) VALUES (?, ?, ?, ?)",
                     (handover_id, arrival.reference, concern_id, arrival.identity))
        try:
            facts = facts_query.concern_facts(conn, concern_id)
        except (ValueError, KeyError) as exc:
            raise BadRecord(f"The package's record of {arrival.reference} holds values this "
                            "casebook does not know; update Casebook here.") from exc
        custody.record_arrival(conn, facts)
        service.refresh_stored_dates(concern_id)
    audit.append(conn, book.audit_key, "handover.received", "handover", package_id, {
        "from": sender.fingerprint, "handed_on": handed_on.isoformat(),
        "references": [a.reference for a in arrivals],
        "identities_received": sum(a.person_ref is not None for a in arrivals)
        + sum(len(a.raisers) for a in arrivals)})
    return ids


def received_before(conn: Connection, package_id: str) -> str | None:
    """When this package was already imported here (None: never)."""
    row = conn.execute("SELECT at FROM handovers WHERE package_id = ?", (package_id,)
                       ).fetchone()
    return None if row is None else str(row[0])


def handover_history(conn: Connection) -> list[dict[str, object]]:
    """Every handover sent and received (for the stepping-down checklist and the IG pack)."""
    rows = conn.execute(
        "SELECT h.direction, h.colleague_name, h.handed_on, h.at, json_group_array("
        " json_array(hc.reference, hc.identity)) FROM handovers AS h"
        " JOIN handover_concerns AS hc ON hc.handover_id = h.id GROUP BY h.id ORDER BY h.id")
    return [{"direction": d, "colleague": name, "handed_on": on, "at": at,
             "concerns": [{"reference": r, "identity": i} for r, i in json.loads(items)]}
            for d, name, on, at, items in rows]

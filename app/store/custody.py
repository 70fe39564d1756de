"""When this casebook held each concern, and what it may still change.

A concern handed over is kept here read-only; a destroyed one too. A concern received
by a handover may change as this unit works on it, except in the events dated when
another unit held it: that unit counts them in its returns (app/core/custody.py), so
they are compared, on every change, with what arrived. The concern service calls
`require_changeable` inside every change's transaction.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from app.core.custody import ALWAYS, Custody, events_outside
from app.core.facts import ConcernFacts
from app.core.rules import RuleError, RuleViolation
from app.store import facts_query
from app.store.database import Connection


def custody_of(conn: Connection, concern_id: int) -> Custody:
    return facts_query.custody_spans(conn, "WHERE concern_id = ?", (concern_id,)).get(
        concern_id, ALWAYS)


def write_custody(conn: Connection, concern_id: int, custody: Custody) -> None:
    """Inside the caller's transaction: replace the concern's custody spans."""
    conn.execute("DELETE FROM custody WHERE concern_id = ?", (concern_id,))
    conn.executemany(
        "INSERT INTO custody (concern_id, held_from, held_until) VALUES (?, ?, ?)",
        [(concern_id, None if start is None else start.isoformat(),
          None if until is None else until.isoformat()) for start, until in custody.spans])
    if not custody.held_now:
        conn.execute("UPDATE concerns SET next_due = NULL WHERE id = ?", (concern_id,))


def extra_events(conn: Connection, concern_id: int) -> list[tuple[str, date, str]]:
    """The dated events a return counts beside the concern's facts: detriment reports,
    feedback, publishable learning (its text only as a short digest)."""
    found: list[tuple[str, date, str]] = []
    for on, in conn.execute("SELECT reported_on FROM detriment_reports WHERE concern_id = ?",
                            (concern_id,)):
        found.append(("detriment", date.fromisoformat(on), ""))
    for on, answer in conn.execute(
            "SELECT received_on, speak_up_again FROM feedback WHERE concern_id = ?",
            (concern_id,)):
        found.append(("feedback", date.fromisoformat(on), answer or ""))
    for on, text in conn.execute(
            "SELECT done_on, learning FROM actions WHERE concern_id = ? AND publishable = 1"
            " AND done_on IS NOT NULL AND trim(learning) != ''", (concern_id,)):
        digest = hashlib.sha256(str(text).strip().encode()).hexdigest()[:16]
        found.append(("learning", date.fromisoformat(on), digest))
    return found


def outside_events(conn: Connection, facts: ConcernFacts) -> list[list[str]]:
    return events_outside(facts, extra_events(conn, facts.concern_id))


def record_arrival(conn: Connection, facts: ConcernFacts) -> None:
    """Inside the import's transaction: the events other units count, as they arrived."""
    conn.execute("INSERT INTO custody_events (concern_id, events) VALUES (?, ?)"
                 " ON CONFLICT (concern_id) DO UPDATE SET events = excluded.events",
                 (facts.concern_id, json.dumps(outside_events(conn, facts))))


def handed_over_to(conn: Connection, concern_id: int) -> tuple[str, str] | None:
    """(colleague's name, handover date) of the last handover of this concern sent from here."""
    row = conn.execute(
        "SELECT h.colleague_name, h.handed_on FROM handover_concerns AS hc"
        " JOIN handovers AS h ON h.id = hc.handover_id"
        " WHERE hc.concern_id = ? AND h.direction = 'sent' ORDER BY h.id DESC LIMIT 1",
        (concern_id,)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def destroyed_on(conn: Connection, concern_id: int) -> str | None:
    row = conn.execute("SELECT coalesce(destroyed_at, started_at) FROM destructions"
                       " WHERE concern_id = ?", (concern_id,)).fetchone()
    return None if row is None else str(row[0])[:10]


def read_only_reason(conn: Connection, concern_id: int, custody: Custody) -> str | None:
    """Why this concern may not be changed here at all, or None."""
    gone = destroyed_on(conn, concern_id)
    if gone is not None:
        return (f"This concern's record was destroyed at the end of retention on {gone}; "
                "what is left is kept for the figures and cannot be changed.")
    if not custody.held_now:
        held = handed_over_to(conn, concern_id)
        to = f" to {held[0]} on {held[1]}" if held else ""
        return (f"This concern was handed over{to}; this casebook keeps its record read-only "
                "as it was then.")
    return None


def require_changeable(conn: Connection, facts: ConcernFacts) -> None:
    """Inside a change's transaction, after the change: refuse it (RuleError, rolled back)
    when the concern is read-only here, or when it changed events another unit counts."""
    reason = read_only_reason(conn, facts.concern_id, facts.custody)
    if reason is not None:
        raise RuleError([RuleViolation("handover", reason)])
    if not facts.custody.spans:
        return
    row = conn.execute("SELECT events FROM custody_events WHERE concern_id = ?",
                       (facts.concern_id,)).fetchone()
    arrived = json.loads(row[0]) if row is not None else []
    if outside_events(conn, facts) != arrived:
        start = facts.custody.received_on
        when = f" before {start.isoformat()}" if start else ""
        raise RuleError([RuleViolation("handover", (
            f"That changes what happened{when}, while another unit held this concern and "
            "counts it in its returns; ask the colleague who held it then."))])

"""What the board holds of each unit's audit chain, and the checks every return meets.

A return (format 2) carries the unit's audit chain since its previous return: a starting
point (sequence number and hash) and each later entry's mac, from which the board
recomputes every hash up to the return's head (app/returns/board_import.py does that).
Every point so computed is kept here. A later return is checked against them, in the
same transaction that would keep it:

- a fork: any point it carries or passes through that the board holds with another hash
  (the unit's log was rewritten, or restored from an older backup, since);
- the log going back: its head is earlier than the head of a return the unit made before
  it (the log was cut short; the review's case of a head back at entry 1).

Either is refused with the reason, unless the board has accepted a fork for the unit
(`casebook board accept-fork`, audited): then the points held are set aside (counted in
the audit log) and the new return's points are kept instead, once. Returns may arrive
in any order: a return whose segment meets no point held is kept as it is, and checked
when the returns around it arrive.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.core.stamps import parse_created_at
from app.store import audit
from app.store.database import Connection
from app.store.errors import ReturnRejected

Point = tuple[int, str]


def _refuse_fork(unit_name: str, seq: int) -> ReturnRejected:
    return ReturnRejected(
        "fork",
        f"This return's audit log does not agree with the one the board holds for "
        f"{unit_name}: entry {seq:,} differs, so the unit's log has been rewritten, or "
        "restored from an older backup, since it last reported. It was not imported. If the "
        "unit confirms a restore or repair, accept it with `casebook board accept-fork "
        f"\"{unit_name}\" --reason ...` and import it again.")


def _refuse_backwards(unit_name: str, head: int, earlier: int) -> ReturnRejected:
    return ReturnRejected(
        "fork",
        f"This return's audit log ends at entry {head:,}, but a return {unit_name} made "
        f"before it had reached entry {earlier:,}: the log has been cut short since. It was "
        "not imported. If the unit confirms a restore, accept it with `casebook board "
        f"accept-fork \"{unit_name}\" --reason ...` and import it again.")


def held_points(conn: Connection, unit_id: int, low: int, high: int) -> dict[int, str]:
    return {int(seq): str(digest) for seq, digest in conn.execute(
        "SELECT seq, hash FROM chain_points WHERE unit_id = ? AND seq BETWEEN ? AND ?",
        (unit_id, low, high))}


def _furthest_earlier_head(conn: Connection, unit_id: int, created_at: str) -> int:
    """The furthest audit head among the unit's held returns made before `created_at`.
    (Creation times are held in one fixed form, to the microsecond in UTC, checked on
    import, so their order as text is their order in time.)"""
    parse_created_at(created_at)  # the form the comparison below relies on
    row = conn.execute("SELECT max(head_seq) FROM returns WHERE unit_id = ? AND created_at < ?",
                       (unit_id, created_at)).fetchone()
    return int(row[0] or 0)


def check_and_keep(conn: Connection, audit_key: bytes, *, unit_id: int, unit_name: str,
                   fork_accepted: bool, return_id: str, created_at: str,
                   points: Sequence[Point]) -> None:
    """Inside the caller's transaction: refuse a fork or a log gone back, else keep the
    return's points. `points` are ascending, the last being the return's head."""
    if not points:
        return
    head = points[-1][0]
    held = held_points(conn, unit_id, points[0][0], head)
    forked = next((seq for seq, digest in points if held.get(seq, digest) != digest), None)
    earlier = _furthest_earlier_head(conn, unit_id, created_at)
    if (forked is not None or earlier > head) and not fork_accepted:
        if forked is not None:
            raise _refuse_fork(unit_name, forked)
        raise _refuse_backwards(unit_name, head, earlier)
    if fork_accepted and (forked is not None or earlier > head):
        dropped = conn.execute("DELETE FROM chain_points WHERE unit_id = ?",
                               (unit_id,)).rowcount
        conn.execute("UPDATE units SET fork_accepted = 0 WHERE id = ?", (unit_id,))
        audit.append(conn, audit_key, "chain.fork_taken", "unit", unit_name,
                     {"return_id": return_id, "points_set_aside": dropped,
                      "at_entry": forked if forked is not None else head})
    conn.executemany(
        "INSERT OR IGNORE INTO chain_points (unit_id, seq, hash, return_id) VALUES (?, ?, ?, ?)",
        [(unit_id, seq, digest, return_id) for seq, digest in points])


def accept_fork(conn: Connection, audit_key: bytes, unit_id: int, unit_name: str,
                reason: str) -> None:
    """Inside the caller's transaction: the unit's next return may fork the chain held."""
    conn.execute("UPDATE units SET fork_accepted = 1 WHERE id = ?", (unit_id,))
    audit.append(conn, audit_key, "chain.fork_accepted", "unit", unit_name,
                 {"reason": reason[:500]})


def heads(conn: Connection, unit_id: int) -> list[dict[str, object]]:
    """The audit heads of the unit's held returns: what `casebook check --anchors` verifies."""
    found: list[dict[str, object]] = []
    for period, return_id, created_at, payload in conn.execute(
            "SELECT period, return_id, created_at, payload FROM returns WHERE unit_id = ?"
            " ORDER BY created_at", (unit_id,)):
        try:
            head = json.loads(bytes(payload))["audit_head"]
            found.append({"seq": int(head["seq"]), "hash": str(head["hash"]),
                          "period": str(period), "return_id": str(return_id),
                          "created_at": str(created_at)})
        except (ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda h: (int(str(h["seq"])), str(h["created_at"])))

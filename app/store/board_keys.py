"""A unit's new signing key, after its casebook was rekeyed: held until the board confirms it.

The new key reaches the board in statements signed by the old one (carried by every
return). A thief holding the old key could make such a statement too, so a statement
alone changes nothing: the return is held here, with the rotation, until the board
confirms the new key's fingerprint with the unit out of band (`casebook board
confirm-key`, audited). Two different rotations for one unit freeze it: nothing from it
is imported until the board confirms which key is the unit's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from app.core.fingerprints import fingerprint, same_fingerprint
from app.store import audit
from app.store.database import Connection
from app.store.errors import CasebookError


@dataclass(frozen=True)
class HeldForKey:
    return_id: str
    payload: bytes
    signature: bytes


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def pending(conn: Connection, unit_id: int) -> list[bytes]:
    """New keys waiting for confirmation, in the order they arrived."""
    return [bytes(row[0]) for row in conn.execute(
        "SELECT new_public_key FROM key_rotations WHERE unit_id = ? ORDER BY received_at",
        (unit_id,))]


def hold(conn: Connection, audit_key: bytes, *, unit_id: int, unit_name: str,
         new_key: bytes, statements: bytes, return_id: str, payload: bytes,
         signature: bytes) -> str:
    """Inside the caller's transaction: keep the rotation and the return for confirmation.
    Returns "held", or "frozen" when another new key is already waiting (the unit is then
    frozen, and the return not kept)."""
    waiting = pending(conn, unit_id)
    if waiting and new_key not in waiting:
        conn.execute("UPDATE units SET frozen = 1 WHERE id = ?", (unit_id,))
        conn.execute("INSERT OR IGNORE INTO key_rotations (unit_id, new_public_key, statement,"
                     " received_at) VALUES (?, ?, ?, ?)", (unit_id, new_key, statements, _now()))
        audit.append(conn, audit_key, "unit.frozen", "unit", unit_name,
                     {"new_keys": [fingerprint(key) for key in (*waiting, new_key)]})
        return "frozen"
    conn.execute("INSERT OR IGNORE INTO key_rotations (unit_id, new_public_key, statement,"
                 " received_at) VALUES (?, ?, ?, ?)", (unit_id, new_key, statements, _now()))
    conn.execute("INSERT OR IGNORE INTO held_returns (unit_id, return_id, payload, signature,"
                 " received_at) VALUES (?, ?, ?, ?, ?)",
                 (unit_id, return_id, payload, signature, _now()))
    audit.append(conn, audit_key, "return.held_for_key", "return", return_id,
                 {"unit": unit_name, "new_key": fingerprint(new_key)})
    return "held"


def confirm(conn: Connection, audit_key: bytes, *, unit_id: int, unit_name: str,
            old_key: bytes, retired: list[bytes], given: str) -> tuple[bytes, list[HeldForKey]]:
    """Inside the caller's transaction: make the pending key whose fingerprint is `given`
    the unit's key (the old one retired), unfreeze, and hand back the returns held for it."""
    waiting = pending(conn, unit_id)
    if not waiting:
        raise CasebookError(f"No new key is waiting for confirmation for {unit_name}.")
    chosen = next((key for key in waiting if same_fingerprint(given, fingerprint(key))), None)
    if chosen is None:
        raise CasebookError(
            f"That fingerprint is not the one of any new key waiting for {unit_name}; read "
            "it again with the unit (`casebook unit-key` shows theirs). Nothing was changed.")
    kept = [key.hex() for key in (*retired, old_key)]
    conn.execute("UPDATE units SET public_key = ?, frozen = 0, retired_keys = ? WHERE id = ?",
                 (chosen, json.dumps(kept), unit_id))
    held = [HeldForKey(str(r), bytes(p), bytes(s)) for r, p, s in conn.execute(
        "SELECT return_id, payload, signature FROM held_returns WHERE unit_id = ?"
        " ORDER BY received_at", (unit_id,))]
    conn.execute("DELETE FROM key_rotations WHERE unit_id = ?", (unit_id,))
    conn.execute("DELETE FROM held_returns WHERE unit_id = ?", (unit_id,))
    audit.append(conn, audit_key, "unit.key_confirmed", "unit", unit_name,
                 {"old_key": fingerprint(old_key), "new_key": fingerprint(chosen),
                  "others_refused": [fingerprint(k) for k in waiting if k != chosen]})
    return chosen, held

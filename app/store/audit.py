"""The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained.

Each entry's hash is HMAC-SHA256, keyed from the master key, over the entry and
the previous entry's hash; the head (sequence and hash) is also kept in `meta`
in the same transaction, so deleting the newest entries is detected too.
Entries carry events and ids, never names or notes.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.store.database import Connection

# json.dumps's own string encoder (ensure_ascii=True): the same bytes as json.dumps gives.
_json_string = json.encoder.encode_basestring_ascii

GENESIS = "0" * 64


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _digest(key: bytes, seq: int, at: str, event: str, entity: str, entity_id: str,
            detail: str, prev: str) -> str:
    """HMAC-SHA256 over `json.dumps([seq, at, ...], ensure_ascii=True)`, byte for byte,
    written out directly (`casebook check` recomputes it for every entry)."""
    quoted = ", ".join(map(_json_string, (at, event, entity, entity_id, detail, prev)))
    body = f"[{int(seq)}, {quoted}]"
    return hmac.digest(key, body.encode("ascii"), "sha256").hex()


def append(conn: Connection, key: bytes, event: str, entity: str, entity_id: object = "",
           detail: dict[str, Any] | None = None) -> str:
    """Add one entry inside the caller's transaction; returns its hash."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at = _now()
    detail_text = json.dumps(detail or {}, sort_keys=True, ensure_ascii=True)
    digest = _digest(key, seq, at, event, entity, str(entity_id), detail_text, prev)
    conn.execute(
        "INSERT INTO audit (seq, at, event, entity, entity_id, detail, prev, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, event, entity, str(entity_id), detail_text, prev, digest),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (f"{seq}:{digest}",),
    )
    return digest


def chain_key(conn: Connection) -> bytes:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_key'").fetchone()
    if row is None:
        raise KeyError("audit_key")
    return bytes.fromhex(row[0])


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if row is None:
        return 0, GENESIS
    seq, _, digest = row[0].partition(":")
    return int(seq), digest


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(conn: Connection, key: bytes) -> ChainReport:
    """Recompute the whole chain; report the first break and any missing tail."""
    problems: list[str] = []
    prev, expected_seq, count = GENESIS, 1, 0
    rows = conn.execute(
        "SELECT seq, at, event, entity, entity_id, detail, prev, hash FROM audit ORDER BY seq"
    )
    for seq, at, event, entity, entity_id, detail, stored_prev, digest in rows:
        count += 1
        if seq != expected_seq:
            problems.append(f"audit entries before number {seq} are missing")
        elif stored_prev != prev or _digest(
            key, seq, at, event, entity, entity_id, detail, stored_prev
        ) != digest:
            problems.append(f"audit entry {seq} was altered")
        if problems:
            break
        prev, expected_seq = digest, seq + 1
    if not problems:
        head_seq, head_hash = head(conn)
        if (head_seq, head_hash) != (count, prev if count else GENESIS):
            problems.append(
                f"the audit log ends at entry {count} but entry {head_seq} was recorded"
            )
    return ChainReport(count, tuple(problems))

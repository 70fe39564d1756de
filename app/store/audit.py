"""The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained.

Each entry's `mac` is HMAC-SHA256, under the audit key, over the entry and the previous
entry's hash; its `hash` is SHA-256(previous hash || mac). Without the key nobody can
make a mac, so nobody can add or change an entry unseen by `casebook check`; and anyone
given the macs can recompute the hashes, so the board, holding a head from an earlier
return, can follow the chain to a later head without learning any entry (a return
carries the macs since the previous one). Entries made before this form (cases.db
before migration 0005) keep their old hash, the HMAC itself, and are checked so.

The head (sequence and hash) is also kept in `meta` in the same transaction, so
deleting the newest entries is detected too. Rekey rotates the audit key: an entry
made under the old key names the new key's fingerprint, later entries use the new key
(`key_epoch`), and retired keys are kept, encrypted with the database, to check the
entries they made. Entries carry events and ids, never names or notes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.store.database import Connection, OperationalError

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


def link(prev: str, mac: str) -> str:
    """An entry's hash from the previous hash and its mac (anyone can compute it)."""
    return hashlib.sha256(bytes.fromhex(prev) + bytes.fromhex(mac)).hexdigest()


def follow(start: str, macs: Iterable[str]) -> Iterator[str]:
    """The hashes the chain reaches from `start`, one per mac, in order."""
    digest = start
    for mac in macs:
        digest = link(digest, mac)
        yield digest


def epoch(conn: Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_epoch'").fetchone()
    return int(row[0]) if row else 0


def append(conn: Connection, key: bytes, event: str, entity: str, entity_id: object = "",
           detail: dict[str, Any] | None = None) -> str:
    """Add one entry inside the caller's transaction; returns its hash."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at = _now()
    detail_text = json.dumps(detail or {}, sort_keys=True, ensure_ascii=True)
    mac = _digest(key, seq, at, event, entity, str(entity_id), detail_text, prev)
    digest = link(prev, mac)
    try:
        conn.execute(
            "INSERT INTO audit (seq, at, event, entity, entity_id, detail, prev, hash, mac,"
            " key_epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, event, entity, str(entity_id), detail_text, prev, digest, mac,
             epoch(conn)))
    except OperationalError as exc:  # a log not yet migrated to the v2 form: the old form
        if "mac" not in str(exc):
            raise
        digest = mac
        conn.execute(
            "INSERT INTO audit (seq, at, event, entity, entity_id, detail, prev, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, event, entity, str(entity_id), detail_text, prev, digest))
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


def _retired_keys(conn: Connection) -> dict[int, bytes]:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_keys_retired'").fetchone()
    if row is None:
        return {}
    return {int(number): bytes.fromhex(text) for number, text in json.loads(row[0]).items()}


def key_fingerprint(key: bytes) -> str:
    """Names an audit key in the entry that retires its predecessor (not the key itself)."""
    return hashlib.sha256(b"casebook audit key fingerprint|" + key).hexdigest()[:32]


def rotate_key(conn: Connection, old_key: bytes, event: str, entity: str,
               detail: dict[str, Any] | None = None) -> bytes:
    """Inside the caller's transaction: an entry under the old key naming the new key's
    fingerprint, then the new key in use for every later entry. Returns the new key."""
    new_key = secrets.token_bytes(32)
    current = epoch(conn)
    append(conn, old_key, event, entity, "",
           {**(detail or {}), "audit_key": {"from_epoch": current,
                                            "to_epoch": current + 1,
                                            "new_key": key_fingerprint(new_key)}})
    retired = {str(number): key.hex() for number, key in _retired_keys(conn).items()}
    retired[str(current)] = old_key.hex()
    for name, value in (("audit_keys_retired", json.dumps(retired, sort_keys=True)),
                        ("audit_key", new_key.hex()), ("audit_epoch", str(current + 1))):
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (name, value))
    return new_key


def verify(conn: Connection, key: bytes) -> ChainReport:
    """Recompute the whole chain; report the first break and any missing tail. `key` is the
    current audit key; entries made under earlier ones are checked with the retired keys."""
    problems: list[str] = []
    keys = _retired_keys(conn)
    keys[epoch(conn)] = key
    prev, expected_seq, count = GENESIS, 1, 0
    try:
        rows = conn.execute(
            "SELECT seq, at, event, entity, entity_id, detail, prev, hash, mac, key_epoch"
            " FROM audit ORDER BY seq")
    except OperationalError:  # not yet migrated to the v2 form: every entry is the old form
        rows = conn.execute(
            "SELECT seq, at, event, entity, entity_id, detail, prev, hash, NULL, 0"
            " FROM audit ORDER BY seq")
    for seq, at, event, entity, entity_id, detail, stored_prev, digest, mac, made_by in rows:
        count += 1
        signing = keys.get(made_by)
        if seq != expected_seq:
            problems.append(f"audit entries before number {seq} are missing")
        elif stored_prev != prev or signing is None:
            problems.append(f"audit entry {seq} was altered")
        else:
            expected = _digest(signing, seq, at, event, entity, entity_id, detail, stored_prev)
            if (expected != digest) if mac is None else (
                    mac != expected or link(stored_prev, mac) != digest):
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


def hash_at(conn: Connection, seq: int) -> str | None:
    """The chain's hash at entry `seq` (GENESIS at 0), or None past the end."""
    if seq == 0:
        return GENESIS
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else str(row[0])


def macs_between(conn: Connection, after: int, upto: int) -> list[str] | None:
    """The macs of entries after..upto, in order; None if any of them has none (an entry
    made before the v2 form) or any is missing."""
    rows = conn.execute("SELECT seq, mac FROM audit WHERE seq > ? AND seq <= ? ORDER BY seq",
                        (after, upto)).fetchall()
    if len(rows) != upto - after or any(mac is None for _, mac in rows):
        return None
    return [str(mac) for _, mac in rows]


def v2_from(conn: Connection) -> int:
    """The first entry made in the v2 form (1 for a casebook made since)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_v2_from'").fetchone()
    return int(row[0]) if row else 1

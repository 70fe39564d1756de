"""Rows for the concerns list: references, dates, stage, status, next deadline. No names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.store.database import Connection


@dataclass(frozen=True)
class ConcernRow:
    concern_id: int
    reference: str
    received_on: date
    stage: str  # "Initial discussion", "Stage 1", "Stage 2"
    status: str  # open, closed, withdrawn, transferred, not_taken_forward
    next_due: date | None
    service_type: str
    anonymity: str


_QUERY = """
SELECT c.id, c.reference, c.received_on, c.closure, c.service_type, c.anonymity,
       s1.concern_id IS NOT NULL, s2.concern_id IS NOT NULL,
       CASE
         WHEN c.closure != 'open' THEN NULL
         WHEN s2.concern_id IS NOT NULL AND s2.responded_on IS NULL THEN
           CASE WHEN s2.acknowledged_on IS NULL AND s2.acknowledge_due < s2.respond_due
                THEN s2.acknowledge_due ELSE s2.respond_due END
         WHEN s2.concern_id IS NULL AND s1.concern_id IS NOT NULL AND s1.responded_on IS NULL
           THEN s1.respond_due
       END
FROM concerns AS c
LEFT JOIN stages AS s1 ON s1.concern_id = c.id AND s1.stage = 'stage1'
LEFT JOIN stages AS s2 ON s2.concern_id = c.id AND s2.stage = 'stage2'
ORDER BY c.received_on DESC, c.id DESC
LIMIT ? OFFSET ?
"""


def concern_rows(conn: Connection, limit: int = 500, offset: int = 0) -> list[ConcernRow]:
    rows = []
    for (concern_id, reference, received, closure, service, anonymity, at1, at2,
         due) in conn.execute(_QUERY, (limit, offset)):
        stage = "Stage 2" if at2 else "Stage 1" if at1 else "Initial discussion"
        rows.append(ConcernRow(int(concern_id), reference, date.fromisoformat(received), stage,
                               closure, date.fromisoformat(due) if due else None, service,
                               anonymity))
    return rows


def count_concerns(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM concerns").fetchone()[0])

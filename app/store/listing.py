"""The concerns list: filtered, searched and sorted in SQL, fetched a page at a time.

Rows carry references, dates, stage, status and deadlines only, never names.
Sorting uses indexed columns (`stage`, `next_due` are kept beside each concern
by the concern service), so a page of 100,000 concerns costs an index walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.store.database import Connection

SORT_COLUMNS = ("reference", "received_on", "stage", "closure", "next_due", "service_type")


@dataclass(frozen=True)
class ListQuery:
    search: str = ""
    stage: str | None = None  # none | stage1 | stage2
    status: str | None = None  # open | closed | withdrawn | transferred | not_taken_forward
    service_type: str | None = None  # nhs | local_authority | both
    overdue_on: date | None = None  # only concerns with a deadline before this day
    sort: str = "received_on"
    descending: bool = True


@dataclass(frozen=True)
class ConcernRow:
    concern_id: int
    reference: str
    received_on: date
    stage: str  # none | stage1 | stage2
    status: str  # the closure code
    next_due: date | None
    service_type: str
    anonymity: str


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query: every word must appear; the last may be a prefix."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def _where(query: ListQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if query.stage:
        clauses.append("stage = ?")
        args.append(query.stage)
    if query.status:
        clauses.append("closure = ?")
        args.append(query.status)
    if query.service_type:
        clauses.append("service_type = ?")
        args.append(query.service_type)
    if query.overdue_on is not None:
        clauses.append("next_due < ?")
        args.append(query.overdue_on.isoformat())
    match = fts_query(query.search)
    if match:
        clauses.append(
            "(id IN (SELECT rowid FROM concern_search WHERE concern_search MATCH ?)"
            " OR id IN (SELECT concern_id FROM conversations WHERE id IN"
            " (SELECT rowid FROM conversation_search WHERE conversation_search MATCH ?)))")
        args.extend([match, match])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _order(query: ListQuery) -> str:
    column = query.sort if query.sort in SORT_COLUMNS else "received_on"
    direction = "DESC" if query.descending else "ASC"
    nulls = " NULLS LAST" if column == "next_due" else ""
    return f" ORDER BY {column} {direction}{nulls}, id {direction}"


def count(conn: Connection, query: ListQuery) -> int:
    where, args = _where(query)
    return int(conn.execute(f"SELECT count(*) FROM concerns{where}", args).fetchone()[0])


def page(conn: Connection, query: ListQuery, offset: int = 0, limit: int = 200
         ) -> list[ConcernRow]:
    where, args = _where(query)
    sql = ("SELECT id, reference, received_on, stage, closure, next_due, service_type, anonymity"
           f" FROM concerns{where}{_order(query)} LIMIT ? OFFSET ?")
    return [
        ConcernRow(int(cid), ref, date.fromisoformat(received), stage, closure,
                   date.fromisoformat(due) if due else None, service, anonymity)
        for cid, ref, received, stage, closure, due, service, anonymity
        in conn.execute(sql, [*args, limit, offset])
    ]

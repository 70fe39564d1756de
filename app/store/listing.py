"""The concerns list: filtered, searched and sorted in SQL, fetched a page at a time.

Rows carry references, dates, stage, status and deadlines, the service area, themes and the
summary's first line as stored: app/services/concern_list.py masks them before they are
shown, and writes the search index's pending entries (app/store/search_index.py) before a
search. The index holds the text masked, so a search never matches a held name.
Sorting uses indexed columns (`stage`, `next_due` are kept beside each concern
by the concern service), so a page of 100,000 concerns costs an index walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.identifying.normalise import fold_phrase
from app.store.database import Connection

# Concerns whose text (reference, summary, service area, every conversation's notes and
# next steps: one document per concern, database/cases/0004) holds every searched word.
_MATCHING = "SELECT rowid FROM concern_search WHERE concern_search MATCH ?"
# Fewer matches than this are looked up one by one and sorted; more, and the list's index
# is walked until a page is found (measured at 100,000 concerns: about 7 us a lookup, and
# 0.15 us a step of the walk, which for a few matches runs the whole index).
_FEW = 1000

SORT_COLUMNS = ("reference", "received_on", "stage", "closure", "next_due", "service_type")
_BY_RECEIVED = ("stage", "closure", "service_type")  # indexed as (column, received_on)


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
    service_area: str = ""
    summary_start: str = ""  # the first 400 characters of the summary, as stored
    themes: tuple[tuple[str, str], ...] = ()  # (code, local label or "")


SUMMARY_START = 400


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query: every word must appear; the last may be a prefix.

    A word is a run of letters and digits, exactly what the index's tokenizer
    (unicode61) keeps as one token, so each quoted word is a single term (the
    index keeps no positions, so it could not match a phrase).
    """
    words = re.findall(r"[^\W_]+", fold_phrase(text))
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def _where(query: ListQuery, matches: str | None = None, few: bool = False
           ) -> tuple[str, list[Any]]:
    """The WHERE clause and its arguments; `matches` names a table already holding the
    searched concerns' ids (instead of searching the index again), and `few` says they are
    few enough to look each up and sort them, rather than walk the list's index."""
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
        # `+id`: walk the concerns in the list's order (an index) and keep those found,
        # rather than look up every match and sort them all: a page of a common word
        # stops after 200 rows, and a rare word's few matches cost one index walk.
        if matches is not None:
            clauses.append(f"{'' if few else '+'}id IN {matches}")
        else:
            clauses.append(f"+id IN ({_MATCHING})")
            args.append(match)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _order(query: ListQuery) -> str:
    """The sort column, then (for stage, status and service) the received date, then the id:
    each order is exactly one index's (database/cases/0003), walked and never sorted."""
    column = query.sort if query.sort in SORT_COLUMNS else "received_on"
    direction = "DESC" if query.descending else "ASC"
    nulls = " NULLS LAST" if column == "next_due" else ""
    within = f", received_on {direction}" if column in _BY_RECEIVED else ""
    return f" ORDER BY {column} {direction}{nulls}{within}, id {direction}"


def _filtered(query: ListQuery) -> bool:
    return bool(query.stage or query.status or query.service_type
                or query.overdue_on is not None)


def first_page(conn: Connection, query: ListQuery, limit: int = 200
               ) -> tuple[int, list[ConcernRow]]:
    """What the list shows for a new query: how many concerns match, and the first page.

    A search runs the index once for both (into a temporary table of ids), where
    `count` and `page` would each run it: a common word matches tens of thousands of
    concerns at 100,000.
    """
    match = fts_query(query.search)
    if match is None:
        return count(conn, query), page(conn, query, 0, limit)
    conn.execute("DROP TABLE IF EXISTS temp.list_matches")
    conn.execute("CREATE TEMP TABLE list_matches (id INTEGER PRIMARY KEY)")
    try:
        conn.execute(f"INSERT INTO temp.list_matches {_MATCHING}", (match,))
        if _filtered(query):
            where, args = _where(query, "temp.list_matches")
            total = int(conn.execute(f"SELECT count(*) FROM concerns{where}", args
                                     ).fetchone()[0])
        else:
            total = int(conn.execute("SELECT count(*) FROM temp.list_matches").fetchone()[0])
        return total, _page(conn, query, 0, limit, "temp.list_matches", total < _FEW)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.list_matches")


def count(conn: Connection, query: ListQuery) -> int:
    if query.search and not _filtered(query):
        match = fts_query(query.search)  # a search alone: count in the index itself
        if match:
            return int(conn.execute(f"SELECT count(*) FROM ({_MATCHING})", (match,)
                                    ).fetchone()[0])
    where, args = _where(query)
    return int(conn.execute(f"SELECT count(*) FROM concerns{where}", args).fetchone()[0])


def page(conn: Connection, query: ListQuery, offset: int = 0, limit: int = 200
         ) -> list[ConcernRow]:
    return _page(conn, query, offset, limit, None)


def _page(conn: Connection, query: ListQuery, offset: int, limit: int, matches: str | None,
          few: bool = False) -> list[ConcernRow]:
    if query.sort == "next_due":
        return _page_by_deadline(conn, query, offset, limit, matches, few)
    where, args = _where(query, matches, few)
    return _rows(conn, f"{where}{_order(query)}", args, offset, limit)


def _rows(conn: Connection, tail: str, args: list[Any], offset: int, limit: int
          ) -> list[ConcernRow]:
    sql = ("SELECT id, reference, received_on, stage, closure, next_due, service_type, anonymity,"
           f" service_area, substr(summary, 1, {SUMMARY_START}),"
           " (SELECT group_concat(code || char(31) || local_label, char(30))"
           "    FROM concern_themes WHERE concern_id = concerns.id)"
           f" FROM concerns{tail} LIMIT ? OFFSET ?")
    return [
        ConcernRow(int(cid), ref, date.fromisoformat(received), stage, closure,
                   date.fromisoformat(due) if due else None, service, anonymity, str(area),
                   str(summary), _themes(themes))
        for cid, ref, received, stage, closure, due, service, anonymity, area, summary, themes
        in conn.execute(sql, [*args, limit, offset])
    ]


def rows_for(conn: Connection, concern_ids: list[int]) -> list[ConcernRow]:
    """The list's rows for the given concerns, newest received first."""
    if not concern_ids:
        return []
    marks = ",".join("?" * len(concern_ids))
    return _rows(conn, f" WHERE id IN ({marks}) ORDER BY received_on DESC, id DESC",
                 list(concern_ids), 0, len(concern_ids))


def _themes(joined: str | None) -> tuple[tuple[str, str], ...]:
    if not joined:
        return ()
    pairs = (item.split("\x1f", 1) for item in joined.split("\x1e"))
    return tuple(sorted((code, label) for code, label in pairs))


def _page_by_deadline(conn: Connection, query: ListQuery, offset: int, limit: int,
                      matches: str | None, few: bool) -> list[ConcernRow]:
    """Sorted by next deadline, those without one last: the concerns with a deadline in the
    order of their (partial) index, then the rest by id, as two index walks; one ORDER BY
    with NULLS LAST would read and sort every concern."""
    where, args = _where(query, matches, few)
    joined = f"{where} AND" if where else " WHERE"
    direction = "DESC" if query.descending else "ASC"
    dated_where = f"{joined} next_due IS NOT NULL"
    rows = _rows(conn, f"{dated_where} ORDER BY next_due {direction}, id {direction}", args,
                 offset, limit)
    if len(rows) == limit:
        return rows
    dated = offset + len(rows) if rows else int(conn.execute(
        f"SELECT count(*) FROM concerns{dated_where}", args).fetchone()[0])
    return rows + _rows(conn, f"{joined} next_due IS NULL ORDER BY id {direction}", args,
                        max(0, offset - dated), limit - len(rows))

"""Reads the concern workspace needs beside the concern detail: drafts and the calendar.

Drafts are text being typed (a conversation's notes, a new concern's details)
kept encrypted in cases.db so that a lock, a crash or a closed window never
loses them. The calendar is built fresh for the caller, so the GUI thread can
check due dates as the user types without sharing the worker's cached copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.core.calendar import WorkingCalendar
from app.store.database import Connection


@dataclass(frozen=True)
class Draft:
    draft_id: int
    kind: str  # "conversation", "new_concern", ...
    concern_id: int | None
    body: str
    updated_at: str  # ISO timestamp, UTC


def drafts_for(conn: Connection, concern_id: int | None, kind: str | None = None
               ) -> tuple[Draft, ...]:
    """A concern's drafts (or, for None, drafts not yet tied to a concern), oldest first."""
    where = "concern_id IS NULL" if concern_id is None else "concern_id = ?"
    args: list[object] = [] if concern_id is None else [concern_id]
    if kind is not None:
        where += " AND kind = ?"
        args.append(kind)
    rows = conn.execute(
        f"SELECT id, kind, concern_id, body, updated_at FROM drafts WHERE {where}"
        " ORDER BY updated_at, id", args)
    return tuple(Draft(int(i), str(k), None if c is None else int(c), str(b), str(u))
                 for i, k, c, b, u in rows)


def working_calendar(conn: Connection) -> WorkingCalendar:
    """The national calendar plus the organisation's own days, as a new object."""
    local: dict[date, str] = {}
    worked: list[date] = []
    for day, label, kind in conn.execute("SELECT day, label, kind FROM local_holidays"):
        if kind == "holiday":
            local[date.fromisoformat(str(day))] = str(label)
        else:
            worked.append(date.fromisoformat(str(day)))
    return WorkingCalendar(local, worked)

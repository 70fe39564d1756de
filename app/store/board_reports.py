"""What the board keeps for its own reports, beside the returns: its statements for KPI 2
and KPI 3 (per financial year), each period's due date, and each unit's history of returns
for a period (replaced and withdrawn ones, from the board's audit log).

Every change is audited by what changed (year and KPI, period and date), never the words of
a statement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from app.core.periods import parse_period
from app.store import audit, database
from app.store.board import Board
from app.store.errors import CasebookError

STATEMENT_KPIS = (2, 3)
MAX_STATEMENT = 20_000


def _year(label: str) -> str:
    try:
        period = parse_period(label)
    except ValueError as exc:
        raise CasebookError(f"{label[:40]} is not a financial year like 2025-26.") from exc
    if period.label.count("-") != 1:
        raise CasebookError("The board's statements are kept per financial year, like "
                            "2025-26, not per quarter.")
    return period.label


def set_statement(board: Board, year: str, kpi: int, text: str) -> None:
    """Keep the board's statement for KPI 2 or 3 for a year (empty text removes it)."""
    if kpi not in STATEMENT_KPIS:
        raise CasebookError("The board keeps its own statements for KPI 2 (experience) and "
                            "KPI 3 (awareness and training) only; KPI 1 comes from the units.")
    year, text = _year(year), text.strip()
    if len(text) > MAX_STATEMENT:
        raise CasebookError(f"A statement is at most {MAX_STATEMENT:,} characters.")
    with database.write(board.conn):
        if text:
            board.conn.execute(
                "INSERT INTO statements (year, kpi, text, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (year, kpi) DO UPDATE SET text = excluded.text,"
                " updated_at = excluded.updated_at",
                (year, kpi, text, datetime.now(UTC).isoformat(timespec="seconds")))
        else:
            board.conn.execute("DELETE FROM statements WHERE year = ? AND kpi = ?", (year, kpi))
        audit.append(board.conn, board.audit_key, "statement.set" if text else
                     "statement.removed", "statement", f"{year}/kpi{kpi}")


def statements(board: Board, year: str) -> dict[int, str]:
    """The board's statements for a year, by KPI (2, 3); missing ones are not there."""
    return {int(kpi): str(text) for kpi, text in board.conn.execute(
        "SELECT kpi, text FROM statements WHERE year = ?", (_year(year),))}


def set_due_date(board: Board, period: str, due_on: date | None) -> None:
    """When returns for `period` are due (None: no due date)."""
    label = parse_period(period).label
    with database.write(board.conn):
        if due_on is None:
            board.conn.execute("DELETE FROM due_dates WHERE period = ?", (label,))
        else:
            board.conn.execute(
                "INSERT INTO due_dates (period, due_on) VALUES (?, ?)"
                " ON CONFLICT (period) DO UPDATE SET due_on = excluded.due_on",
                (label, due_on.isoformat()))
        audit.append(board.conn, board.audit_key, "due_date.set", "period", label,
                     {"due_on": due_on.isoformat() if due_on else None})


def due_date(board: Board, period: str) -> date | None:
    row = board.conn.execute("SELECT due_on FROM due_dates WHERE period = ?",
                             (period,)).fetchone()
    return date.fromisoformat(str(row[0])) if row else None


@dataclass(frozen=True)
class ReturnHistory:
    """What happened to a unit's returns for one period before the one held now."""

    replaced: int = 0  # returns superseded by a newer one
    withdrawn: int = 0  # returns the board withdrew
    last_withdrawn_at: str | None = None  # when the latest withdrawal was recorded
    imported_at: str | None = None  # when the return held now was imported


def return_history(board: Board, period: str) -> dict[str, ReturnHistory]:
    """By unit name (as registered): returns replaced and withdrawn for `period`, from the
    board's audit log, and when the return held now was imported."""
    found: dict[str, dict[str, object]] = {}
    rows = board.conn.execute(
        "SELECT event, at, detail FROM audit WHERE event IN"
        " ('return.replaced', 'return.withdrawn') ORDER BY seq")
    for event, at, detail in rows:
        try:
            info = json.loads(str(detail))
        except ValueError:
            continue
        if not isinstance(info, dict) or info.get("period") != period:
            continue
        name = str(info.get("unit", "")).casefold()
        item = found.setdefault(name, {"replaced": 0, "withdrawn": 0, "at": None})
        if event == "return.replaced":
            item["replaced"] = int(str(item["replaced"])) + 1
        else:
            item["withdrawn"] = int(str(item["withdrawn"])) + 1
            item["at"] = str(at)
    imported = {str(name).casefold(): str(at) for name, at in board.conn.execute(
        "SELECT units.name, imported_at FROM returns JOIN units ON units.id = unit_id"
        " WHERE period = ?", (period,))}
    out: dict[str, ReturnHistory] = {}
    for registered in board.units():
        key = registered.name.casefold()
        item = found.get(key, {})
        out[registered.name] = ReturnHistory(int(str(item.get("replaced", 0))),
                                       int(str(item.get("withdrawn", 0))),
                                       None if item.get("at") is None else str(item["at"]),
                                       imported.get(key))
    return out

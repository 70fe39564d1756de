"""The board's view of a period: who has sent, each unit's figures, and the exact total.

A unit's figures for a quarter are the return it sent for that quarter. For a
financial year they are its annual return if the board holds one, otherwise the
sum of the quarterly returns held for that year (its status then says which
quarters are missing). Every figure is additive, so the board total is exactly
the sum of the units' figures (`total_figures`), and averages and percentages
are worked out afterwards from the summed numerators and denominators.

KPI 4 as a rate: concerns entering each stage per 1,000 staff, for each unit
with a headcount recorded for the period, and for the board when every unit in
the total has one (otherwise the rate is not available: a partial headcount
would overstate it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.kpi import Figures, add_figures, derived
from app.core.periods import Period, parse_period, quarters
from app.core.return_figures import completed, empty_return_figures, total_figures
from app.returns.schema import parse_payload
from app.store.board import Board, HeldReturn, RegisteredUnit
from app.store.errors import CasebookError

SENT, PARTIAL, NOT_SENT = "sent", "partial", "not_sent"
RATE_KEYS = ("stage1", "stage2", "stages_1_and_2")


@dataclass(frozen=True)
class UnitStatus:
    unit: str
    state: str  # "sent" | "partial" | "not_sent"
    returns: tuple[str, ...]  # the period labels of the returns used
    created_at: str | None  # when the (latest) return used was made
    headcount: int | None
    # What the board must do about the unit's keys: "" or a short note ("frozen: ...").
    key_note: str = ""

    @property
    def description(self) -> str:
        return self._sent() + (f"; {self.key_note}" if self.key_note else "")

    def _sent(self) -> str:
        if self.state == SENT:
            return "sent" if len(self.returns) == 1 else "sent (" + ", ".join(
                r.rsplit("-", 1)[-1] for r in self.returns) + ")"
        if self.state == PARTIAL:
            held = ", ".join(r.rsplit("-", 1)[-1] for r in self.returns)
            return f"partial: only {held} of the four quarters"
        return "not sent"


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    figures: Figures
    learning: tuple[str, ...]
    returns: tuple[str, ...]
    complete: bool
    created_at: str


def _wanted_labels(period: Period) -> list[str]:
    try:
        return [period.label, *(q.label for q in quarters(period))]
    except ValueError:
        return [period.label]  # a quarter


def _report_period(period: Period) -> Period:
    """Boards report by financial year or quarter, the periods returns are made for."""
    try:
        return parse_period(period.label)
    except ValueError as exc:
        raise CasebookError("A board report covers a financial year like 2025-26 or a "
                            "quarter like 2025-26-Q1.") from exc


def unit_figures(board: Board, period: Period) -> dict[str, UnitFigures]:
    """Each unit's figures for the period, from the returns held (units that sent any)."""
    period = _report_period(period)
    labels = _wanted_labels(period)
    held: dict[str, dict[str, HeldReturn]] = {}
    for item in board.returns(labels):
        held.setdefault(item.unit, {})[item.period] = item
    result: dict[str, UnitFigures] = {}
    for unit, by_label in held.items():
        if period.label in by_label:
            used = [by_label[period.label]]
        else:
            used = [by_label[label] for label in labels[1:] if label in by_label]
        docs = [parse_payload(item.payload) for item in used]
        figures = empty_return_figures(period)
        for doc in docs:
            figures = add_figures(figures, completed(doc["figures"], period))
        complete = period.label in by_label or len(used) == 4
        result[unit] = UnitFigures(
            unit, figures, tuple(s for doc in docs for s in doc["learning"]),
            tuple(item.period for item in used), complete, max(i.created_at for i in used))
    return result


def board_status(board: Board, period: Period) -> list[UnitStatus]:
    """Every registered unit, and whether it has sent its return for the period."""
    period = _report_period(period)
    return _statuses(board, period, unit_figures(board, period))


def _statuses(board: Board, period: Period, figures: dict[str, UnitFigures]
              ) -> list[UnitStatus]:
    headcounts = board.headcounts(period.label)
    statuses = []
    for unit in board.units():
        found = figures.get(unit.name)
        note = _key_note(board, unit)
        if found is None:
            statuses.append(UnitStatus(unit.name, NOT_SENT, (), None,
                                       headcounts.get(unit.name), note))
        else:
            statuses.append(UnitStatus(unit.name, SENT if found.complete else PARTIAL,
                                       found.returns, found.created_at,
                                       headcounts.get(unit.name), note))
    return statuses


def _key_note(board: Board, unit: RegisteredUnit) -> str:
    waiting = board.pending_keys(unit.name)
    if unit.frozen:
        return ("frozen: two different new keys arrived; confirm the real one with the unit "
                "(casebook board confirm-key)")
    if waiting:
        return ("a new key is waiting for confirmation by phone (casebook board confirm-key), "
                "with returns held for it")
    return ""


def kpi4_rates(figures: Figures, headcount: int | None) -> dict[str, float] | None:
    """Concerns entering each stage per 1,000 staff (None: no headcount, not available)."""
    if not headcount:
        return None
    received = figures["received"]
    counts = {"stage1": received["stage1"], "stage2": received["stage2"],
              "stages_1_and_2": received["stage1"] + received["stage2"]}
    return {key: round(1000 * value / headcount, 2) for key, value in counts.items()}


def board_figures(board: Board, period: Period) -> dict[str, Any]:
    """`casebook board report --json`: the board total at the top level (the shape of
    `casebook report --json`), each unit's figures under `units`, and the rest under
    `board`: status, headcounts, KPI 4 rates, averages and percentages, learning."""
    period = _report_period(period)
    units = unit_figures(board, period)
    total = total_figures((u.figures for u in units.values()), period)
    statuses = {s.unit: s for s in _statuses(board, period, units)}  # the same figures
    headcounts = {name: s.headcount for name, s in statuses.items()}
    in_total = [headcounts.get(name) for name in units]
    total_headcount = sum(h for h in in_total if h) if in_total and all(in_total) else None
    doc: dict[str, Any] = dict(total)
    doc["units"] = {name: u.figures for name, u in sorted(units.items())}
    doc["board"] = {
        "period": {"label": period.label, "from": period.start.isoformat(),
                   "to": period.end.isoformat()},
        "units": {
            name: {
                "status": status.state,
                "returns": list(status.returns),
                "created_at": status.created_at,
                "headcount": status.headcount,
                "kpi4_per_1000_staff": kpi4_rates(units[name].figures, status.headcount)
                if name in units else None,
                "derived": derived(units[name].figures) if name in units else None,
                "learning": list(units[name].learning) if name in units else [],
            }
            for name, status in sorted(statuses.items())
        },
        "total": {
            "headcount": total_headcount,
            "kpi4_per_1000_staff": kpi4_rates(total, total_headcount),
            "derived": derived(total),
        },
    }
    return doc


def figures_only(doc: dict[str, Any]) -> Figures:
    """The board total alone (what must equal the sum of `units`)."""
    return {key: value for key, value in doc.items() if key not in ("units", "board")}

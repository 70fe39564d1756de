"""The audit: before anything is written, how far can a reader narrow each hidden cell?

For every protected cell (app.core.sdc.primary), the audit finds points that agree
with everything a reader is told (this release, the relations, earlier releases,
non-negativity, whole numbers) where the cell is as low and as high as its protection
level asks: one reaching `low`, one reaching `high`. Points come from linear programs
over each connected group of unknown cells (app.core.sdc.reader); a point only counts
when every cell in it is a whole number, and where the linear optimum is fractional an
integer solve decides. Many cells are checked by one solve where one point serves
them all; the rest one by one. With `exact`, every hidden cell's interval is worked
out in full (min and max), not only checked against its protection level.

The result says, in plain words, which table fails and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.sdc.attack import attack
from app.core.sdc.knowledge import INF, Cancelled, Knowledge
from app.core.sdc.primary import Protection, Requirement, requirements
from app.core.sdc.program import Witness
from app.core.sdc.reader import Component, InfeasibleRelease, build_components
from app.core.sdc.release import Refusal, Release, link_earlier
from app.core.sdc.tables import CellKey, TableSet

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


MOST_EXPLAINED = 3  # reasons given in full; the rest are counted

@dataclass(frozen=True)
class Interval:
    """What a reader can narrow a cell to. With `exact` False, `low` and `high` are points
    a reader cannot rule out (the true minimum is at most `low`, the maximum at least
    `high`), which is what the protection level asks."""

    low: float
    high: float
    exact: bool = True

    def text(self) -> str:
        high = "no upper limit" if self.high == INF else f"{self.high:g}"
        word = "" if self.exact else "at least "
        return f"{word}{self.low:g} to {high}"


@dataclass(frozen=True)
class Finding:
    """A protected cell a reader can narrow more than its protection level allows."""

    key: CellKey
    interval: Interval
    requirement: Requirement
    message: str


@dataclass(frozen=True)
class AuditResult:
    passed: bool
    hidden: frozenset[CellKey]  # printed cells the release hides
    protected: Mapping[CellKey, Requirement]
    intervals: Mapping[CellKey, Interval]  # every protected cell; every hidden cell if exact
    findings: tuple[Finding, ...] = ()
    refused: tuple[Refusal, ...] = ()
    warnings: tuple[str, ...] = ()
    solves: int = 0

    @property
    def reason(self) -> str:
        """Why the release cannot be published, in plain words ('' when it can)."""
        lines = [r.explain() for r in self.refused]
        lines.extend(f.message for f in self.findings)
        if len(lines) > MOST_EXPLAINED:  # a replaced return can move hundreds of figures
            rest = len(lines) - MOST_EXPLAINED
            lines = [*lines[:MOST_EXPLAINED],
                     f"And {rest:,} more figure{'s' if rest != 1 else ''} like these."]
        return "\n".join(lines)

    def narrowest(self) -> tuple[CellKey, Interval] | None:
        """The protected hidden cell a reader can narrow most (width of its interval)."""
        found = [(i.high - i.low, k, i) for k, i in self.intervals.items()
                 if k in self.protected]
        if not found:
            return None
        _, key, interval = min(found, key=lambda t: (t[0], t[1]))
        return key, interval

    def as_json(self, tables: TableSet) -> dict[str, Any]:
        def bound(value: float) -> float | None:
            return None if value in (INF, -INF) else value

        return {
            "passed": self.passed,
            "reason": self.reason,
            "hidden": len(self.hidden),
            "protected": len(self.protected),
            "cells": [
                {"key": list(key), "where": tables.cells[key].describe(),
                 "protected": key in self.protected,
                 "low": bound(i.low), "high": bound(i.high), "exact": i.exact}
                for key, i in sorted(self.intervals.items())],
            "warnings": list(self.warnings),
        }


# ----- the audit -------------------------------------------------------------------------


def _hidden_printed(tables: TableSet, hidden: Iterable[CellKey]) -> frozenset[CellKey]:
    return frozenset(k for k in hidden if k in tables.cells and tables.cells[k].published)


def close_hidden(tables: TableSet, hidden: Iterable[CellKey]) -> set[CellKey]:
    """Hidden cells plus the averages that divide by a hidden count."""
    out = set(hidden)
    averages = tables.averages
    todo = [k for k in out if k in averages]
    while todo:
        for key in averages[todo.pop()]:
            if key not in out:
                out.add(key)
                if key in averages:
                    todo.append(key)
    return out


def reader_knowledge(tables: TableSet, hidden: Iterable[CellKey], protection: Protection,
                     earlier: Sequence[Release] = ()) -> tuple[Knowledge, list[Refusal]]:
    knowledge = Knowledge.of(tables, close_hidden(tables, hidden))
    refused = link_earlier(knowledge, earlier, protection)
    return knowledge, refused


def _message(tables: TableSet, requirement: Requirement, interval: Interval) -> str:
    cell = tables.cells[requirement.key]
    words = cell.label or "a figure"
    table = cell.table or "the release"
    if interval.low == interval.high:
        how = f"a reader can work out that it is {interval.low:g}"
    elif requirement.reason == "group":
        how = "a reader can work out that it is 0"
    else:
        how = f"a reader can narrow it to {interval.text()}"
    return (f"In the table {table}, '{words}' would not be safe: "
            f"{requirement.explain(tables)}, and {how}.")


def audit(tables: TableSet, hidden: Iterable[CellKey], protection: Protection | None = None,
          earlier: Sequence[Release] = (), *, exact: bool = False,
          on_progress: Progress | None = None, cancelled: IsCancelled | None = None,
          hints: Sequence[Witness] = ()) -> AuditResult:
    """Check a suppression pattern: every protected cell's interval against its level.

    `hidden` names the printed cells to hide (averages over a hidden count are hidden
    with it). With `exact`, every hidden cell's full interval is worked out too. `hints`
    are points secondary suppression found: each is checked against this audit's own
    programs before it counts, so they save work without being trusted.
    """
    protection = protection or Protection()
    needs = requirements(tables, protection)
    hidden_set = close_hidden(tables, _hidden_printed(tables, hidden))
    knowledge, refused = reader_knowledge(tables, hidden_set, protection, earlier)
    findings: list[Finding] = []
    warnings: list[str] = []
    intervals: dict[CellKey, Interval] = {}
    for key, requirement in needs.items():
        cell = tables.cells[key]
        if key in knowledge.known_before:
            warnings.append(f"{cell.describe()} was already published in "
                            f"{knowledge.known_before[key]}, so it cannot be protected now.")
            continue
        if cell.published and key not in hidden_set:
            interval = Interval(cell.value, cell.value)
            intervals[key] = interval
            findings.append(Finding(key, interval, requirement,
                                    _message(tables, requirement, interval).replace(
                                        "a reader can work out that it is",
                                        "it is printed as")))
    active = {k: r for k, r in needs.items()
              if k not in knowledge.known_before and k not in intervals}

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    groups = build_components(knowledge, check)
    todo = [g for g in groups if exact or any(k in active for k in g.keys)]
    group_of = {k: i for i, g in enumerate(todo) for k in g.keys}
    hints_of: dict[int, list[Witness]] = {}
    for hint in hints:  # each hint to the groups it holds cells of
        for i in {group_of.get(k) for k in hint[0]} - {None}:
            assert i is not None
            hints_of.setdefault(i, []).append(hint)
    for done, group in enumerate(todo, start=1):
        mine = {k: active[k] for k in group.keys if k in active}
        mine_hints = hints_of.get(done - 1, [])
        try:
            found = attack(group, {k: r.low for k, r in mine.items()},
                           {k: r.high for k, r in mine.items()}, hints=mine_hints,
                           whole_numbers=True)
        except InfeasibleRelease:
            findings.extend(_infeasible(tables, group, active))
            continue
        for key, requirement in mine.items():
            if (key, False) in found.failures or (key, True) in found.failures:
                interval = _interval(group, key)
                findings.append(Finding(key, interval, requirement,
                                        _message(tables, requirement, interval)))
            else:
                interval = Interval(found.reached[(key, False)], found.reached[(key, True)],
                                    False)
            intervals[key] = interval
        if exact:
            for key in group.keys:
                if key in tables.cells and (key in hidden_set or not tables.cells[
                        key].published):
                    intervals[key] = _interval(group, key)
        if on_progress is not None:
            on_progress(done, len(todo))
    solves = sum(g.solves for g in groups)
    return AuditResult(not findings and not refused, _hidden_printed(tables, hidden_set),
                       dict(needs), intervals, tuple(findings), tuple(refused),
                       tuple(warnings), solves)


def _interval(group: Component, key: CellKey) -> Interval:
    low = group.optimise(key, upward=False)
    high = group.optimise(key, upward=True)
    return Interval(low.value, high.value, True)


def _infeasible(tables: TableSet, group: Component, needs: Mapping[CellKey, Requirement]
                ) -> list[Finding]:
    key = next((k for k in group.keys if k in needs), group.keys[0])
    requirement = needs.get(key) or Requirement(key, 0.0, 0.0, "small")
    where = tables.cells[key].describe() if key in tables.cells else " / ".join(key)
    return [Finding(key, Interval(0.0, 0.0), requirement,
                    f"The figures around {where} no longer agree with an earlier release: "
                    "a figure printed before has changed. Record this publication as a "
                    "corrected re-issue of that release, or leave out the changed period.")]

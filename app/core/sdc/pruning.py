"""Pruning: which of the cells secondary suppression hid can be shown again.

app.core.sdc.secondary hides cells round by round and never shows one again; `prune`,
called at its end, then shows on trial each cell hidden only to protect others, the
costliest first, and keeps it shown where every protected cell still reaches both ends
of its level in whole numbers. The whole-number points found so far (`_Support`)
answer most trials without a solve; the rest are asked again of the reader's program
(`_repair`, over the group `_split` leaves once the cell is printed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from app.core.sdc.attack import End, attack
from app.core.sdc.knowledge import Knowledge, components, linked_groups, whole_point
from app.core.sdc.primary import Requirement
from app.core.sdc.reader import Component, InfeasibleRelease, build_components
from app.core.sdc.tables import SUM, CellKey, Relation, TableSet

if TYPE_CHECKING:  # secondary calls prune: the type only, not the module, is needed here
    from app.core.sdc.secondary import Suppression

PRUNE_WORK = 400_000  # cells times trials that needed solving: a count, not a time, so
# that the same figures always give the same pattern (a PDF and a CSV made apart must agree)
REPAIR_WHOLE = False  # trials ask the linear program, and keep only its whole-number points
PRUNE_GROUP = 1_500  # a trial that needs solving over a larger group is not made: in
# whole numbers such solves take seconds each (a board's units linked through their total)
_TOL = 1e-6


class _Support:
    """Points a reader cannot rule out (whole numbers), and which protected ends each reaches.

    A point found under the current pattern stays one after a cell is printed again
    exactly when it has that cell at its printed value (everything else about the
    reader's program is unchanged), so showing a cell only needs solving for the ends
    whose every point it rules out. Points are kept over their group's cells; the true
    values hold everywhere else (they satisfy every relation). Ends are numbered
    (2 * the cell's place in `needs`, + 1 for up) so that counting is done by numpy."""

    def __init__(self, tables: TableSet, needs: Mapping[CellKey, Requirement]) -> None:
        self.tables, self.needs = tables, needs
        self.place = {key: i for i, key in enumerate(needs)}
        self.ends: list[End] = [(key, upward) for key in needs for upward in (False, True)]
        self.valid: list[bool] = []
        self.reaches: list[np.ndarray] = []  # per point, the numbers of the ends it reaches
        self.count = np.zeros(len(self.ends), dtype=np.int64)
        self.off_truth: dict[CellKey, list[tuple[int, float]]] = {}  # cell -> (point, value)
        self.points: list[Mapping[CellKey, float]] = []

    def number(self, end: End) -> int:
        return 2 * self.place[end[0]] + int(end[1])

    def add(self, point: Mapping[CellKey, float]) -> None:
        index = len(self.valid)
        ends: list[int] = []
        cells = self.tables.cells
        for key, value in point.items():
            cell = cells.get(key)
            if cell is None or abs(value - cell.value) > _TOL:
                self.off_truth.setdefault(key, []).append((index, value))
            need = self.needs.get(key)
            if need is not None:
                place = 2 * self.place[key]
                if value <= need.low + _TOL:
                    ends.append(place)
                if value >= need.high - _TOL:
                    ends.append(place + 1)
        reaches = np.array(ends, dtype=np.int64)
        self.count[reaches] += 1
        self.valid.append(True)
        self.reaches.append(reaches)
        self.points.append(point)

    def ruled_out(self, key: CellKey, bounds: tuple[float, float]) -> list[int]:
        """The valid points that printing `key` (now known within `bounds`) rules out."""
        low, high = bounds
        return [i for i, value in self.off_truth.get(key, ())
                if self.valid[i] and not low - _TOL <= value <= high + _TOL]

    def _loss(self, dead: Sequence[int]) -> np.ndarray:
        return np.bincount(np.concatenate([self.reaches[i] for i in dead]),
                           minlength=len(self.ends))

    def unsupported(self, dead: Sequence[int]) -> set[End]:
        """The ends no valid point would reach once `dead` are ruled out."""
        if not dead:
            return set()
        loss = self._loss(dead)
        return {self.ends[j] for j in np.flatnonzero((loss > 0) & (self.count <= loss))}

    def drop(self, dead: Sequence[int]) -> None:
        if not dead:
            return
        self.count -= self._loss(dead)
        for i in dead:
            self.valid[i] = False

    def supported(self, end: End) -> bool:
        return bool(self.count[self.number(end)] > 0)


def prune(tables: TableSet, hidden: set[CellKey], needs: Mapping[CellKey, Requirement],
          costs: Mapping[CellKey, float], fixed: set[CellKey],
          knowledge_of: Callable[[set[CellKey]], Knowledge], result: Suppression,
          check: Callable[[], None], work: int = PRUNE_WORK) -> set[CellKey]:
    """Print again what the heuristic hid without need: each cell hidden only to protect
    others, the costliest first, is shown on trial; it stays shown if every protected cell
    still reaches both ends of its level in whole numbers. Points found so far (`_Support`)
    answer most trials without a solve; otherwise the ends left without a point are
    attacked again, in whole numbers, where the group is at most `PRUNE_GROUP` cells and
    `work` (cells times trials solved) is not yet spent. A documented heuristic: it only
    ever shows a cell whose showing it has proved safe, so it can leave cells hidden
    that need not be, never the other way."""
    order = sorted((k for k in hidden if k not in needs and k not in fixed
                    and tables.cells[k].published), key=lambda k: (-costs[k], k))
    knowledge = knowledge_of(hidden)
    relations = knowledge.relations()
    by_cell: dict[CellKey, list[int]] = {}
    for i, relation in enumerate(relations):
        for key in relation.keys:
            by_cell.setdefault(key, []).append(i)
    support = _Support(tables, needs)
    unpointed: set[End] = set()
    trials = solved = 0
    for group in build_components(knowledge, check):
        mine = {k: needs[k] for k in group.keys if k in needs}
        if not mine:
            continue
        hints = [h for h in result.witnesses if h[0] and h[0][0] in group.column]
        found = attack(group, {k: r.low for k, r in mine.items()},
                       {k: r.high for k, r in mine.items()}, hints=hints, whole_numbers=True)
        result.solves += group.solves
        for point in found.points:
            support.add(point)
        # ends passed without a point of their own: asked again whenever their group changes
        unpointed.update(end for end in found.reached if not support.supported(end))
    group_of = _groups(knowledge)
    for key in order:
        check()
        denominator = tables.cells[key].denominator
        if key not in hidden or (tables.cells[key].kind == SUM and denominator in hidden):
            continue  # an average whose count is hidden stays hidden
        trial = Knowledge(knowledge.tables, frozenset(hidden - {key}), dict(knowledge.bounds),
                          dict(knowledge.known_before), list(knowledge.extra_relations))
        trial.bounds[key] = trial.printed(key, True)
        if trial.bounds[key][0] < trial.bounds[key][1] and tables.cells[key].kind != SUM:
            continue
        dead = support.ruled_out(key, trial.bounds[key])
        broken = support.unsupported(dead)
        trials += 1
        if unpointed:
            members = set(group_of.get(key, ()))
            broken |= {end for end in unpointed if end[0] in members}
        if broken:
            members = set(group_of.get(key, ()))
            if work <= 0 or len(members) > PRUNE_GROUP:
                continue  # the cell stays hidden (more hidden than needed, never less)
            solved += 1
            work -= len(members)
            points = _repair(trial, members, broken, relations, by_cell, needs, result, check)
            if points is None:
                continue
        else:
            points = []
        hidden = hidden - {key}
        knowledge = trial
        support.drop(dead)
        for point in points:
            support.add(point)
        unpointed = {end for end in unpointed if not support.supported(end)}
        if broken:
            group_of = _groups(knowledge)
    result.prune_trials, result.prune_solved = trials, solved
    for point, ok in zip(support.points, support.valid, strict=True):
        if ok:  # for the audit, over the cells still unknown
            keys = tuple(k for k in point if knowledge.bounds[k][0] < knowledge.bounds[k][1])
            if keys:
                result.witnesses.append((keys, np.array([point[k] for k in keys], dtype=float)))
    return hidden


def _groups(knowledge: Knowledge) -> dict[CellKey, list[CellKey]]:
    out: dict[CellKey, list[CellKey]] = {}
    for keys in components(knowledge):
        for key in keys:
            out[key] = keys
    return out


def _repair(trial: Knowledge, members: set[CellKey], broken: set[End],
            relations: Sequence[Relation], by_cell: Mapping[CellKey, list[int]],
            needs: Mapping[CellKey, Requirement], result: Suppression,
            check: Callable[[], None]) -> list[Mapping[CellKey, float]] | None:
    """Whole-number points under the trial knowledge reaching every broken end, or None
    when one of them cannot be reached."""
    unknown = [k for k in members if trial.bounds[k][0] < trial.bounds[k][1]]
    wanted = {key for key, _ in broken}
    points: list[Mapping[CellKey, float]] = []
    for keys in _split(unknown, relations, by_cell):
        mine = [k for k in keys if k in wanted]
        if not mine:
            continue
        group = Component(trial, keys, relations, by_cell, check)
        lows = {k: needs[k].low for k in mine if (k, False) in broken}
        highs = {k: needs[k].high for k in mine if (k, True) in broken}
        try:
            found = attack(group, lows, highs, max_failures=1, whole_numbers=REPAIR_WHOLE)
        except InfeasibleRelease:  # showing the cell contradicts what is printed: keep it
            return None
        result.solves += group.solves
        if found.failures or found.pending(False) or found.pending(True):
            return None
        points.extend(p for p in found.points if whole_point(p))
    for key, upward in broken:  # each end needs a whole-number point of its own
        target = needs[key].high if upward else needs[key].low
        if not any(key in p and ((p[key] >= target - _TOL) if upward else (
                p[key] <= target + _TOL)) for p in points):
            return None
    return points


def _split(unknown: list[CellKey], relations: Sequence[Relation],
           by_cell: Mapping[CellKey, list[int]]) -> list[list[CellKey]]:
    """The unknown cells of a group, regrouped once one of its cells is printed."""
    touching = sorted({i for key in unknown for i in by_cell.get(key, ())})
    return linked_groups(unknown, (relations[i].keys for i in touching))

"""Secondary suppression: which other cells to hide so that every protected cell stays protected.

The method is the one statistical offices use for linked tables (Fischetti and
Salazar's; tau-ARGUS's "optimal" method works this way), run as a documented
heuristic that adds, never removes:

1. Hide the protected printed cells (and every average over a hidden count).
2. Attack: for each protected cell, the reader's linear program pushes it down to its
   protection level's `low` and up to its `high` (app.core.sdc.audit.check_component,
   over all linked tables and earlier releases at once).
3. Where the reader stops short, the program's dual values say which printed figures
   hold the cell in, and how much hiding each would let it move: hiding a figure that
   caps it lets it move without limit, hiding one that props it up lets it fall by at
   most that figure times its dual value. That gives a constraint on which cells to hide
   ("hide enough of these to give it room": a Benders cut).
4. Choose the cheapest set of cells meeting every such constraint of the round with
   HiGHS (a small integer program: hiding costs 1 + ln(1 + value), more for totals, so
   small parts go before big totals), hide them, and attack again.
5. Stop when no protected cell can be narrowed past its level. Groups of cells whose
   attack did not change are not attacked again.

When only whole numbers pin a cell (the linear program gives it room, the integer
solve does not), step 3 has no dual values to go on: then one more printed figure
beside the group is hidden, the cheapest, and the round repeats.

What this does not promise: the fewest cells hidden (each round's choice is cheapest
for that round, and nothing is ever un-hidden). What it does promise is checked by the
audit afterwards, not by this module.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

from app.core.sdc.attack import End, Failure, attack
from app.core.sdc.audit import close_hidden, reader_knowledge
from app.core.sdc.bounds import Propagated, propagate
from app.core.sdc.knowledge import INF, Cancelled, Knowledge, components, whole_point
from app.core.sdc.primary import Protection, Requirement, requirements
from app.core.sdc.reader import (
    Component,
    InfeasibleRelease,
    Witness,
    build_components,
    new_highs,
)
from app.core.sdc.release import Refusal, Release
from app.core.sdc.tables import SUM, CellKey, Relation, TableSet

MASTER_SECONDS = 20.0  # time for one round's choice; the best found so far is used after


@dataclass(frozen=True)
class Cut:
    """Hide cells whose weights add up to at least `need` (weights capped at `need`)."""

    weights: Mapping[CellKey, float]
    need: float


@dataclass
class Suppression:
    hidden: set[CellKey]  # printed cells hidden (primary, secondary and linked averages)
    primary: set[CellKey]
    rounds: int = 0
    solves: int = 0
    unprotectable: list[tuple[CellKey, str]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    witnesses: list[Witness] = field(default_factory=list)  # points found, for the audit
    prune_trials: int = 0  # cells shown again on trial, and how many of those needed solving
    prune_solved: int = 0


def hiding_costs(tables: TableSet) -> dict[CellKey, float]:
    """What hiding each printed cell costs: 1 + ln(1 + value), times 1 + the number of
    relations it is the total of (half for attribute splits), times the cell's weight."""
    totals: dict[CellKey, float] = {}
    for relation in tables.relations:
        if relation.total is not None:
            totals[relation.total] = totals.get(relation.total, 0.0) + (
                0.5 if relation.attribute else 1.0)
    costs = {}
    for key, cell in tables.cells.items():
        value = float(cell.value)
        if cell.kind == SUM and cell.denominator is not None:
            count = tables.cells[cell.denominator].value
            value = value / count if count else 0.0
        costs[key] = cell.weight * (1.0 + math.log1p(value)) * (1.0 + totals.get(key, 0.0))
    return costs


def _cut(component: Component, failure: Failure, hideable: set[CellKey],
         lows: Mapping[CellKey, float], repeats: int = 0) -> Cut | None:
    """The constraint a reader's stop gives (None: no printed figure holds it in).

    Dual values can promise more room than hiding one cell gives (a degenerate optimum
    has other constraints ready to take over), so an end that has failed before asks
    for that many more cells of the constraint's set, each counting 1."""
    found, upward, target = failure.found, failure.upward, failure.target
    need = failure.shortfall
    weights: dict[CellKey, float] = {}
    if found.linear_reaches(target, upward):
        # Only whole numbers pin it: give it room by hiding a figure beside the group.
        for row in component.rows:
            for key, _ in row.constants:
                if key in hideable:
                    weights[key] = 1.0
        for key, (_, high) in zip(component.keys, component.bounds, strict=True):
            if key in hideable and high < INF:
                weights[key] = 1.0
        return Cut(weights, 1.0) if weights else None
    for key, dual in (found.duals or {}).items():
        if key not in hideable:
            continue
        gain = INF if dual < 0 else dual * lows[key]
        if gain > 1e-9:
            weights[key] = min(gain, need)
    if not weights:
        return None
    if repeats:
        return Cut(dict.fromkeys(weights, 1.0), float(min(repeats + 1, len(weights))))
    return Cut(weights, need)


def choose(cuts: Sequence[Cut], costs: Mapping[CellKey, float],
           links: Mapping[CellKey, CellKey], seconds: float = MASTER_SECONDS) -> set[CellKey]:
    """The cheapest cells meeting every cut (HiGHS), with an average hidden with its count."""
    keys = sorted({k for cut in cuts for k in cut.weights} | {
        links[k] for cut in cuts for k in cut.weights if k in links})
    column = {k: i for i, k in enumerate(keys)}
    h = new_highs()
    h.setOptionValue("time_limit", seconds)
    h.setOptionValue("mip_rel_gap", 0.02)
    n = len(keys)
    h.addVars(n, np.zeros(n), np.ones(n))
    h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array([costs[k] for k in keys]))
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32),
                            np.array([highspy.HighsVarType.kInteger] * n))
    starts: list[int] = []
    index: list[int] = []
    values: list[float] = []
    lows: list[float] = []
    for cut in cuts:
        starts.append(len(index))
        for key, weight in cut.weights.items():
            index.append(column[key])
            values.append(weight / cut.need)
        lows.append(1.0 - 1e-9)
    for count, average in links.items():  # hiding a count hides its average
        if count in column and average in column:
            starts.append(len(index))
            index.extend([column[average], column[count]])
            values.extend([1.0, -1.0])
            lows.append(0.0)
    m = len(starts)
    h.addRows(m, np.array(lows), np.full(m, highspy.kHighsInf), len(index),
              np.array(starts, dtype=np.int32), np.array(index, dtype=np.int32),
              np.array(values, dtype=float))
    h.run()
    solution = h.getSolution()
    if solution.value_valid:
        chosen = {k for k in keys if solution.col_value[column[k]] > 0.5}
        if all(sum(w for k, w in c.weights.items() if k in chosen) >= c.need - 1e-6
               for c in cuts):
            return chosen
    return _greedy(cuts, costs)


def _greedy(cuts: Sequence[Cut], costs: Mapping[CellKey, float]) -> set[CellKey]:
    """Fallback: for each cut in turn, the cheapest cells per unit of room until met."""
    chosen: set[CellKey] = set()
    for cut in cuts:
        have = sum(w for k, w in cut.weights.items() if k in chosen)
        for key in sorted(cut.weights, key=lambda k: costs[k] / cut.weights[k]):
            if have >= cut.need - 1e-9:
                break
            if key not in chosen:
                chosen.add(key)
                have += cut.weights[key]
    return chosen


def local_pass(tables: TableSet, needs: Mapping[CellKey, Requirement], hidden: set[CellKey],
               costs: Mapping[CellKey, float], fixed: set[CellKey],
               knowledge_of: Callable[[set[CellKey]], Knowledge],
               check: Callable[[], None], sweeps: int = 60) -> set[CellKey]:
    """A quick first pattern by bound propagation (app.core.sdc.bounds): while some
    protected cell's propagated interval misses its level, follow the relation that set
    the limiting bound and hide the cheapest printed cell there that loosens it (a total
    frees it altogether; a part, by its value), going through hidden cells to the
    relations that bound them. Cheap, and it clears most of what the linear programs
    would find; what is left is for the rounds of attacks."""
    hidden = set(hidden)
    by_relation: dict[CellKey, list[int]] | None = None
    for _ in range(sweeps):
        check()
        knowledge = knowledge_of(hidden)
        relations = knowledge.relations()
        found = propagate(knowledge.bounds, relations, knowledge.unknown())
        if by_relation is None:
            by_relation = {}
            for i, relation in enumerate(relations):
                for key in relation.keys:
                    by_relation.setdefault(key, []).append(i)
        hideable = {k for k, c in tables.cells.items()
                    if c.published and k not in hidden and k not in fixed}
        picks: set[CellKey] = set()
        touched: set[int] = set()  # relations a pick of this sweep may already have freed
        for key, requirement in needs.items():
            up = found.high[key] < requirement.high - 1e-9
            down = found.low[key] > requirement.low + 1e-9
            if not (up or down):
                continue
            reasons = {found.high_reason.get(key), found.low_reason.get(key)} - {None}
            if reasons & touched:
                continue  # look again after this sweep's picks
            ways = []  # per direction wanted: each cell's cost to give the room missing
            for upward, missing, wanted in (
                    (True, requirement.high - found.high[key], up),
                    (False, found.low[key] - requirement.low, down)):
                if wanted:
                    ways.append({cell: score * missing for cell, score in _loosen(
                        found, key, upward, missing, hideable, costs, 4).items()})
            ways = [w for w in ways if w]
            if not ways:
                continue
            best = [min(w, key=lambda k: (w[k], k)) for w in ways]
            pick = min(best, key=lambda k: (costs[k], k))
            if len(ways) == 2:  # one cell giving room both ways may beat one for each
                both = set(ways[0]) & set(ways[1])
                apart = ways[0][best[0]] + ways[1][best[1]]
                if both:
                    shared = min(both, key=lambda k: (max(ways[0][k], ways[1][k]), k))
                    if max(ways[0][shared], ways[1][shared]) <= apart:
                        pick = shared
            picks.add(pick)
            touched.update(i for i in by_relation.get(pick, ()))
            hideable.discard(pick)
        if not picks:
            break
        hidden = close_hidden(tables, hidden | picks)
    return hidden


def _loosen(found: Propagated, key: CellKey, upward: bool, missing: float,
            hideable: set[CellKey], costs: Mapping[CellKey, float], depth: int
            ) -> dict[CellKey, float]:
    """Printed cells whose hiding loosens `key`'s propagated bound (up or down), each with
    its cost per unit of room: from the relation that set the bound, or, where that
    relation holds only hidden cells, from the relations that bound those."""
    reason = (found.high_reason if upward else found.low_reason).get(key)
    if reason is None or depth == 0:
        return {}
    relation = found.relations[reason]
    sign = dict(relation.terms)[key]
    # Which way each other term must move to give `key` room: a term that limits it from
    # above must be able to rise (its high is what binds), one from below to fall.
    rising: list[CellKey] = []
    falling: list[CellKey] = []
    for other, c in relation.terms:
        if other == key:
            continue
        if ((c > 0) == (sign > 0)) == upward:
            falling.append(other)
        else:
            rising.append(other)
    options: dict[CellKey, float] = {}
    for other in rising:  # hiding a printed one frees it altogether
        if other in hideable:
            options[other] = costs[other] / missing
    for other in falling:  # hiding a printed one lets it fall to 0
        if other in hideable and found.low[other] > 0:
            options[other] = costs[other] / min(found.low[other], missing)
    if options:
        return options
    for other in rising:  # through a hidden cell: loosen what holds it down
        if found.high[other] < INF:
            options = _loosen(found, other, True, missing, hideable, costs, depth - 1)
            if options:
                return options
    for other in falling:
        if found.low[other] > 0:
            options = _loosen(found, other, False, missing, hideable, costs, depth - 1)
            if options:
                return options
    return {}


MAX_FAILURES = 40  # failures looked into per group and round (the rest wait a round)


def suppress_cells(tables: TableSet, protection: Protection, earlier: Sequence[Release] = (),
                   *, on_progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   max_rounds: int = 500) -> Suppression:
    """Choose the cells to hide (see the module's description)."""
    needs = requirements(tables, protection)
    primary = {k for k in needs if tables.cells[k].published}
    hidden = close_hidden(tables, primary)
    costs = hiding_costs(tables)
    links = {c.denominator: k for k, c in tables.cells.items()
             if c.kind == SUM and c.denominator is not None and c.published}
    result = Suppression(hidden, primary)
    knowledge, refused = reader_knowledge(tables, hidden, protection, earlier)
    result.refused = refused
    if refused:
        return result
    fixed = set(knowledge.known_before)
    active: dict[CellKey, Requirement] = {k: r for k, r in needs.items() if k not in fixed}

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    def knowledge_of(pattern: set[CellKey]) -> Knowledge:
        return reader_knowledge(tables, pattern, protection, earlier)[0]

    hidden = local_pass(tables, active, hidden, costs, fixed, knowledge_of, check)
    passed: set[End] = set()
    failed_before: dict[End, int] = {}
    ends = 2 * len(active)

    for _ in range(max_rounds):
        check()
        result.rounds += 1
        knowledge, _ = reader_knowledge(tables, hidden, protection, earlier)
        lows = {k: b[0] for k, b in knowledge.bounds.items()}
        hideable = {k for k, c in tables.cells.items()
                    if c.published and k not in hidden and k not in fixed}
        cuts: list[Cut] = []
        result.unprotectable = []
        unchecked = False
        for group in build_components(knowledge, check):
            low_ends = {k: active[k].low for k in group.keys
                        if k in active and (k, False) not in passed}
            high_ends = {k: active[k].high for k in group.keys
                         if k in active and (k, True) not in passed}
            if not low_ends and not high_ends:
                continue
            try:
                found = attack(group, low_ends, high_ends, want_duals=True,
                               max_failures=MAX_FAILURES, seed=result.rounds, at_once=True)
            except InfeasibleRelease:
                key = next(iter(low_ends or high_ends))
                result.unprotectable.append((key, "the figures disagree with an earlier "
                                             "release"))
                continue
            result.solves += group.solves
            passed.update(found.reached)
            result.witnesses.extend(group.witness(point) for point in found.points)
            unchecked = unchecked or bool(found.pending(False) or found.pending(True))
            for end, failure in found.failures.items():
                repeats = failed_before.get(end, 0)
                failed_before[end] = repeats + 1
                cut = _cut(group, failure, hideable, lows, repeats)
                if cut is None:
                    result.unprotectable.append((failure.key, "no printed figure can be "
                                                 "hidden to protect it"))
                else:
                    cuts.append(cut)
            if on_progress is not None:
                on_progress(len(passed), ends)
        if not cuts:
            if unchecked and not result.unprotectable:
                continue
            break
        chosen = choose(cuts, costs, links)
        if not chosen - hidden:
            break
        hidden = close_hidden(tables, hidden | chosen)
    if not cuts and not result.unprotectable:
        hidden = prune(tables, hidden, active, costs, fixed, knowledge_of, result, check)
    result.hidden = hidden
    return result


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
    parent = {k: k for k in unknown}

    def find(k: CellKey) -> CellKey:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key in unknown:
        for i in by_cell.get(key, ()):
            for other in relations[i].keys:
                if other in parent:
                    a, b = find(key), find(other)
                    if a != b:
                        parent[a] = b
    out: dict[CellKey, list[CellKey]] = {}
    for key in unknown:
        out.setdefault(find(key), []).append(key)
    return list(out.values())

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

Then, once every protected cell holds, what was hidden without need is shown again
(app.core.sdc.pruning: each cell on trial, kept shown only where that is proved safe).

What this does not promise: the fewest cells hidden (each round's choice is cheapest
for that round, nothing is un-hidden during the rounds, and pruning shows again only
what it can prove safe). What it does promise is checked by the audit afterwards, not by
this module.
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
from app.core.sdc.knowledge import INF, Cancelled, Knowledge
from app.core.sdc.primary import Protection, Requirement, requirements
from app.core.sdc.program import Witness, new_highs
from app.core.sdc.pruning import prune
from app.core.sdc.reader import Component, InfeasibleRelease, build_components
from app.core.sdc.release import Refusal, Release
from app.core.sdc.tables import SUM, CellKey, TableSet

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

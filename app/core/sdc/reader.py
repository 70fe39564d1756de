"""What a reader can ask of a release: how far each cell goes, alone or many at once.

What a reader knows is app.core.sdc.knowledge's `Knowledge`. The cells the reader does
not know exactly are the variables of one linear program per connected component (cells
linked through relations); published figures are constants. That program, its HiGHS
(highspy) models kept to re-solve warm with a new objective, is app.core.sdc.program's
`Program`; a `Component` (one per connected component: `build_components`) is a
`Program` with the reader's questions.

`Component.optimise(key, upward)` gives the furthest a reader can push a cell up or
down: by linear programming, then, where the optimal point is not whole numbers, by
an integer solve (the interval a reader can actually narrow the cell to). It also
gives the dual values secondary suppression turns into a constraint ("hide one of
these cells"). `reach_all` asks for a point with every given cell at its end at once;
`reach_most` / `most_linear` for one with as many as can be, and `whole_near` for a
whole-number point near a linear one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import highspy
import numpy as np

from app.core.sdc.knowledge import INF, Knowledge, components, relations_by_cell, whole_array
from app.core.sdc.program import Program
from app.core.sdc.tables import CellKey

_EPS = 1e-7
NEAR_LAYERS = 1  # how far from a fractional cell whole_near lets cells move
NEAR_ROWS = (4, None)  # through relations of at most this many unknown cells; then any
NEAR_SECONDS = 1.0  # and how long it looks, each time
REACH_SECONDS = 5.0  # a group's question that takes longer is asked again in halves
MOST_LEAST = 1  # reach_most asks whole_near for no fewer cells than this
UNKNOWN: dict[CellKey, float] = {}  # reach_all's answer when the solver stalled


@dataclass(frozen=True)
class Optimum:
    """The furthest a reader can push one cell in one direction."""

    value: float  # +-inf when unbounded
    whole: bool  # the value is that of an integer solve (or of an LP vertex of whole numbers)
    point: Mapping[CellKey, float] | None  # an integral feasible point reaching it, if known
    duals: Mapping[CellKey, float] | None  # LP sensitivity of the bound to each constant
    linear: float = math.nan  # the linear program's bound (beyond `value` when fractional)

    def linear_reaches(self, target: float, upward: bool) -> bool:
        """The linear bound reaches the target, though whole numbers may not."""
        if math.isnan(self.linear):
            return False
        return self.linear >= target - _EPS if upward else self.linear <= target + _EPS


class Component(Program):
    """The reader's questions of one group's program (app.core.sdc.program): how far
    a cell goes, and many cells at their ends at once."""

    def optimise(self, key: CellKey, upward: bool, *, target: float | None = None,
                 want_duals: bool = False) -> Optimum:
        """How far a reader can push `key` up (or down).

        The linear program's bound; where that bound is a fraction, an integer solve
        gives the whole-number bound (a reader knows counts are whole numbers). With a
        `target`, a linear bound reaching it is taken as it is, and one falling short
        fails without the integer solve (whole numbers can only fall further short)."""
        column = self.column[key]
        sign = -1.0 if upward else 1.0  # HiGHS minimises
        costs = {column: sign}
        status, objective, values = self._solve(self.lp, costs)
        if status == "infeasible":
            raise InfeasibleRelease(self)
        if status == "unbounded":
            return Optimum(INF if upward else -INF, True, None, None)
        bound = sign * objective
        duals = self._duals() if want_duals else None
        point = self.point(values)
        if whole_array(np.asarray(values, dtype=float)):  # a whole-number vertex: the
            return Optimum(float(round(bound)), True, point, duals, bound)  # integer optimum
        if target is not None:
            reaches = bound >= target - _EPS if upward else bound <= target + _EPS
            return Optimum(bound, False, point if reaches else None, duals, bound)
        status, objective, values = self._solve(self.mip, costs)
        if status == "infeasible":
            raise InfeasibleRelease(self)
        if status == "unbounded":
            return Optimum(INF if upward else -INF, True, None, duals, bound)
        return Optimum(float(round(sign * objective)), True, self.point(values), duals, bound)

    def reach_all(self, targets: Mapping[CellKey, float], upward: bool,
                  integer: bool = False) -> dict[CellKey, float] | None:
        """A point with every given cell at or beyond its target (all at most their targets,
        or all at least), None when the linear program (with `integer`, the integer
        program) has none, or `UNKNOWN` when the solver stalled (then ask again in smaller
        groups, or cell by cell)."""
        if not targets:
            return None
        h = self.mip if integer else self.lp
        index = np.array([self.column[k] for k in targets], dtype=np.int32)
        wanted = np.array(list(targets.values()), dtype=float)
        if upward:
            h.changeColsBounds(len(index), index, np.maximum(wanted, self._low[index]),
                               self._high[index])
        else:
            h.changeColsBounds(len(index), index, self._low[index],
                               np.minimum(wanted, self._high[index]))
        if not integer:
            h.setOptionValue("simplex_strategy", 1)  # bounds changed: dual simplex
        h.setOptionValue("time_limit", h.getRunTime() + REACH_SECONDS)
        try:
            status, _, values = self._solve(h, {})
        except RuntimeError:
            status, values = "unknown", []
        finally:
            h.changeColsBounds(len(index), index, self._low[index], self._high[index])
            if not integer:
                h.setOptionValue("simplex_strategy", 4)
            h.setOptionValue("time_limit", highspy.kHighsInf)
        if status == "infeasible":
            return None
        if status not in ("optimal", "feasible"):  # stalled: forget the basis
            h.clearSolver()
            return UNKNOWN
        point = self.point(values)
        if integer:
            point = {k: float(round(v)) for k, v in point.items()}
        return point

    def _duals(self) -> dict[CellKey, float]:
        """d(objective)/d(constant) for each published constant and each bounded cell, for
        the minimisation just solved. Positive: lowering the constant lowers the objective;
        negative: raising it does (see secondary suppression)."""
        solution = self.lp.getSolution()
        row_dual = np.asarray(solution.row_dual, dtype=float)
        out: dict[CellKey, float] = {}
        if len(self._constant_keys):
            sums = np.bincount(self._c_index,
                               weights=-row_dual[self._c_row] * self._c_coefficient,
                               minlength=len(self._constant_keys))
            for i in np.flatnonzero(np.abs(sums) > _EPS):
                out[self._constant_keys[i]] = float(sums[i])
        col_dual = np.asarray(solution.col_dual, dtype=float)[:len(self.keys)]
        bounded = (self._low > 0) | (self._high < highspy.kHighsInf)  # printed averages
        for i in np.flatnonzero(bounded & (np.abs(col_dual) > _EPS)):
            key = self.keys[i]
            out[key] = out.get(key, 0.0) + float(col_dual[i])
        return out


    # ----- many ends at once ----------------------------------------------------------

    def whole_near(self, point: Mapping[CellKey, float], targets: Mapping[CellKey, float],
                   upward: bool) -> dict[CellKey, float] | None:
        """A whole-number point near a linear one: cells already whole and away from the
        fractions (`NEAR_LAYERS` relations away) keep their values, the integer program
        settles the others (and the targets). It asks first through short relations only
        (`NEAR_ROWS`: fewer cells free, a much smaller integer program), then through any.
        A point it finds is a true point of the group; None says only that none is this
        near."""
        values = np.array([point[k] for k in self.keys], dtype=float)
        fractional = np.abs(values - np.round(values)) > 1e-9
        asked = np.array([self.column[k] for k in targets], dtype=np.int64)
        lengths = np.bincount(self._entry_row, minlength=len(self.rows))
        tried: list[np.ndarray] = []
        for longest in NEAR_ROWS:
            free = fractional.copy()
            through = (np.ones(len(self._entry_row), dtype=bool) if longest is None
                       else lengths[self._entry_row] <= longest)
            for _ in range(NEAR_LAYERS):  # and the cells of the relations they are in
                rows = np.unique(self._entry_row[free[self._entry_col] & through])
                free[self._entry_col[np.isin(self._entry_row, rows)]] = True
            free[asked] = True
            if any(np.array_equal(free, before) for before in tried):
                continue
            tried.append(free)
            found = self._whole_with(values, free, asked, targets, upward)
            if found is not None:
                return found
        return None

    def _whole_with(self, values: np.ndarray, free: np.ndarray, asked: np.ndarray,
                    targets: Mapping[CellKey, float], upward: bool
                    ) -> dict[CellKey, float] | None:
        """whole_near's integer program: cells not `free` fixed at their (whole) values,
        the `asked` ones at or beyond their targets."""
        fixed = np.flatnonzero(~free)
        h = self.mip
        low, high = self._low.copy(), self._high.copy()
        low[fixed] = high[fixed] = np.round(values[fixed])
        wanted = np.array(list(targets.values()), dtype=float)
        if upward:
            low[asked] = np.maximum(wanted, low[asked])
        else:
            high[asked] = np.minimum(wanted, high[asked])
        every = np.arange(len(self.keys), dtype=np.int32)
        h.changeColsBounds(len(every), every, low, high)
        h.setOptionValue("time_limit", h.getRunTime() + NEAR_SECONDS)
        try:
            status, _, found = self._solve(h, {})
        except RuntimeError:
            status, found = "unknown", []
        finally:
            h.changeColsBounds(len(every), every, self._low, self._high)
            h.setOptionValue("time_limit", highspy.kHighsInf)
        if status not in ("optimal", "feasible"):
            return None
        return {k: float(round(v)) for k, v in zip(self.keys, found, strict=True)}

    def reach_most(self, targets: Mapping[CellKey, float], upward: bool
                   ) -> dict[CellKey, float] | None:
        """A whole-number point with many of the given cells at their ends at once: the
        linear program takes as many as it can there (`most_linear`), then the cells it
        put at their ends are asked for together in whole numbers (rounded, else
        whole_near). None when that gives no point."""
        point = self.most_linear(targets, upward)
        if point is None:
            return None
        there = {k: t for k, t in targets.items()
                 if (point[k] >= t - _EPS if upward else point[k] <= t + _EPS)}
        if not there:
            return None
        found = self.rounded(point)  # whole numbers already, or rounded, if it still holds
        asked = sorted(there)
        while found is None and len(asked) >= MOST_LEAST:  # fewer, if not all at once
            near = self.whole_near(point, {k: there[k] for k in asked}, upward)
            found = None if near is None else self.rounded(near)  # checked, not trusted
            asked = asked[:len(asked) // 2]
        return found

    def most_linear(self, targets: Mapping[CellKey, float], upward: bool
                    ) -> dict[CellKey, float] | None:
        """A point of the linear program with as many of the given cells at their ends as
        it can (each cell's room toward its end capped at the end, their sum the
        objective); None when the solver gives none."""
        if not targets:
            return None
        h = self.most
        h.clearSolver()  # a vertex of its own: warm from the last, it is slower, and
        # near the last point (presolve is run only from cold)
        index = np.array([self.column[k] for k in targets], dtype=np.int32)
        wanted = np.array(list(targets.values()), dtype=float)
        if upward:
            h.changeColsBounds(len(index), index, self._low[index],
                               np.maximum(np.minimum(wanted, self._high[index]),
                                          self._low[index]))
        else:
            h.changeColsBounds(len(index), index,
                               np.minimum(np.maximum(wanted, self._low[index]),
                                          self._high[index]), self._high[index])
        sign = -1.0 if upward else 1.0  # HiGHS minimises
        h.setOptionValue("time_limit", h.getRunTime() + REACH_SECONDS)
        try:
            status, _, values = self._solve(h, {int(i): sign for i in index})
        except RuntimeError:
            status, values = "unknown", []
        finally:
            h.changeColsBounds(len(index), index, self._low[index], self._high[index])
            h.setOptionValue("time_limit", highspy.kHighsInf)
        if status != "optimal":
            h.clearSolver()
            return None
        return self.point(values)


class InfeasibleRelease(Exception):  # noqa: N818
    """No values fit what a reader is told: the figures disagree with an earlier release."""

    def __init__(self, component: Component) -> None:
        super().__init__("What this release and the earlier ones print cannot all be true.")
        self.component = component


def build_components(knowledge: Knowledge, check: Callable[[], None] | None = None
                     ) -> list[Component]:
    relations = knowledge.relations()
    by_cell = relations_by_cell(relations)
    return [Component(knowledge, keys, relations, by_cell, check)
            for keys in components(knowledge)]

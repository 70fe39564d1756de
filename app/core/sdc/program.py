"""One group's program: the reader's linear (and integer) program over a group of cells.

What a reader knows is app.core.sdc.knowledge's `Knowledge`. The cells the reader does
not know exactly are the variables of one linear program per connected component (cells
linked through relations); published figures are constants, moved to each relation's
right-hand side (`Row`). `Program` builds a component's rows and its HiGHS models
(highspy: the linear program, the integer one, and one for many ends at once), keeping
each to re-solve warm with a new objective; it solves them, and checks points found
elsewhere against its rows and bounds (`verify`, `rounded`). What a reader asks of it
is app.core.sdc.reader's `Component`, a `Program`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from app.core.sdc.knowledge import INF, Knowledge, whole_array
from app.core.sdc.tables import CellKey, Relation

Witness = tuple[tuple[CellKey, ...], np.ndarray]  # a point: its cells and their values


@dataclass(frozen=True)
class Row:
    """One relation with the reader's constants moved to the right-hand side."""

    relation: Relation
    variables: tuple[tuple[int, float], ...]  # (column, coefficient)
    constants: tuple[tuple[CellKey, float], ...]  # (cell, coefficient), cells known exactly
    low: float
    high: float


def new_highs() -> highspy.Highs:
    """A quiet, single-threaded HiGHS instance."""
    h = highspy.Highs()  # type: ignore[no-untyped-call]
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    return h


class Program:
    """The reader's linear program over one group of unknown cells: its rows, its
    HiGHS models, and points checked against them."""

    def __init__(self, knowledge: Knowledge, keys: Sequence[CellKey],
                 relations: Sequence[Relation], by_cell: Mapping[CellKey, list[int]],
                 check: Callable[[], None] | None = None) -> None:
        self.knowledge, self.relations, self.by_cell = knowledge, relations, by_cell
        self.keys = list(keys)
        self._keys_tuple = tuple(self.keys)
        self.column = {k: i for i, k in enumerate(self.keys)}
        self.bounds = [knowledge.bounds[k] for k in self.keys]
        self.check = check or (lambda: None)
        seen: set[int] = set()
        rows: list[Row] = []
        for key in self.keys:
            for i in by_cell.get(key, ()):
                if i in seen:
                    continue
                seen.add(i)
                rows.append(self._row(knowledge, relations[i]))
        self.rows = rows
        self._structure()
        self._lp: highspy.Highs | None = None
        self._mip: highspy.Highs | None = None
        self._most: highspy.Highs | None = None
        self.solves = 0

    def _structure(self) -> None:
        """Index arrays: which cells each row holds, which rows each cell is in, and the
        published constants of each row (for the dual values)."""
        row_of: list[int] = []
        col_of: list[int] = []
        coefficients: list[float] = []
        constant_keys: dict[CellKey, int] = {}
        c_row: list[int] = []
        c_index: list[int] = []
        c_coefficient: list[float] = []
        for j, row in enumerate(self.rows):
            for column, coefficient in row.variables:
                row_of.append(j)
                col_of.append(column)
                coefficients.append(coefficient)
            for key, coefficient in row.constants:
                c_row.append(j)
                c_index.append(constant_keys.setdefault(key, len(constant_keys)))
                c_coefficient.append(coefficient)
        self._entry_row = np.array(row_of, dtype=np.int64)
        self._entry_col = np.array(col_of, dtype=np.int64)
        self._entry_coefficient = np.array(coefficients, dtype=float)
        self._row_low = np.array([r.low for r in self.rows], dtype=float)
        self._row_high = np.array([r.high for r in self.rows], dtype=float)
        self._constant_keys = list(constant_keys)
        self._c_row = np.array(c_row, dtype=np.int64)
        self._c_index = np.array(c_index, dtype=np.int64)
        self._c_coefficient = np.array(c_coefficient, dtype=float)
        self._low = np.array([b[0] for b in self.bounds], dtype=float)
        self._high = np.array([highspy.kHighsInf if b[1] == INF else b[1]
                               for b in self.bounds], dtype=float)

    def _row(self, knowledge: Knowledge, relation: Relation) -> Row:
        variables: list[tuple[int, float]] = []
        constants: list[tuple[CellKey, float]] = []
        constant = 0.0
        for key, coefficient in relation.terms:
            if key in self.column:
                variables.append((self.column[key], coefficient))
                continue
            low, high = knowledge.bounds[key]
            assert low == high, f"{key} is unknown but outside its group"
            constant += coefficient * low
            constants.append((key, coefficient))
        high = -constant
        low = high if relation.equality else -INF
        return Row(relation, tuple(variables), tuple(constants), low, high)

    def verify(self, witness: Witness, whole_numbers: bool = False
               ) -> dict[CellKey, float] | None:
        """A point found earlier (perhaps for a smaller group, under fewer hidden cells),
        with true values for the cells it does not hold, if it satisfies this group's
        every relation and bound (and, with `whole_numbers`, is whole numbers); else None.
        Checked here, not trusted."""
        keys, values = witness
        if whole_numbers and not whole_array(values):
            return None
        truth = self._truth()
        if truth is None:
            return None  # a cell only an earlier release has: no true value here
        x = truth.copy()
        index = [(self.column[k], j) for j, k in enumerate(keys) if k in self.column]
        if not index:
            return None
        mine, theirs = zip(*index, strict=True)
        x[list(mine)] = values[list(theirs)]
        return self._if_within(x)

    def rounded(self, point: Mapping[CellKey, float]) -> dict[CellKey, float] | None:
        """The point with every value rounded to a whole number, if that still satisfies
        every relation and bound of the group (a linear point is often whole but for a
        rounding error, or a few cells it can round); else None."""
        return self._if_within(np.round(np.array([point[k] for k in self.keys], dtype=float)))

    def _if_within(self, x: np.ndarray) -> dict[CellKey, float] | None:
        """The group's cells at `x`, if `x` keeps every bound and relation (to 1e-6)."""
        tolerance = 1e-6
        if np.any(x < self._low - tolerance) or np.any(x > self._high + tolerance):
            return None
        sums = np.bincount(self._entry_row, weights=self._entry_coefficient * x[self._entry_col],
                           minlength=len(self.rows))
        if np.any(sums < self._row_low - tolerance) or np.any(sums > self._row_high + tolerance):
            return None
        return dict(zip(self.keys, x.tolist(), strict=True))

    def _truth(self) -> np.ndarray | None:
        """The true values of the group's cells (None if one is only an earlier release's)."""
        if not hasattr(self, "_truth_values"):
            cells = self.knowledge.tables.cells
            found = [cells[k].value if k in cells else None for k in self.keys]
            self._truth_values = (None if any(v is None for v in found)
                                  else np.array(found, dtype=float))
        return self._truth_values

    def witness(self, point: Mapping[CellKey, float]) -> Witness:
        """A compact copy of a point of this group, to be verified later."""
        return self._keys_tuple, np.array([point[k] for k in self.keys], dtype=float)

    # ----- the model ---------------------------------------------------------------

    def _model(self, integer: bool) -> highspy.Highs:
        h = new_highs()
        n = len(self.keys)
        inf = highspy.kHighsInf
        h.addVars(n, self._low, self._high)
        if self.rows:
            starts: list[int] = []
            index: list[int] = []
            values: list[float] = []
            for row in self.rows:
                starts.append(len(index))
                for column, coefficient in row.variables:
                    index.append(column)
                    values.append(coefficient)
            h.addRows(len(self.rows),
                      np.array([-inf if r.low == -INF else r.low for r in self.rows]),
                      np.array([r.high for r in self.rows]), len(index),
                      np.array(starts, dtype=np.int32), np.array(index, dtype=np.int32),
                      np.array(values, dtype=float))
        if not integer:  # re-solved with a new objective: the old basis stays primal feasible
            h.setOptionValue("simplex_strategy", 4)
        if integer:
            h.setOptionValue("mip_rel_gap", 0.0)
            h.setOptionValue("mip_abs_gap", 0.0)
            h.changeColsIntegrality(n, np.arange(n, dtype=np.int32),
                                    np.array([highspy.HighsVarType.kInteger] * n))
        return h

    def _solve(self, h: highspy.Highs, costs: Mapping[int, float]
               ) -> tuple[str, float, list[float]]:
        self.check()
        n = h.getNumCol()
        vector = np.zeros(n)
        for column, cost in costs.items():
            vector[column] = cost
        h.changeColsCost(n, np.arange(n, dtype=np.int32), vector)
        h.run()
        self.solves += 1
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            return "optimal", h.getInfo().objective_function_value, list(
                h.getSolution().col_value)
        if status in (highspy.HighsModelStatus.kUnbounded,
                      highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return "unbounded", -INF, []
        if status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", INF, []
        if h is self._mip and h.getSolution().value_valid and status in (
                highspy.HighsModelStatus.kTimeLimit,
                highspy.HighsModelStatus.kSolutionLimit,
                highspy.HighsModelStatus.kIterationLimit):
            return "feasible", h.getInfo().objective_function_value, list(
                h.getSolution().col_value)
        raise RuntimeError(f"The solver stopped without an answer ({status}).")

    @property
    def lp(self) -> highspy.Highs:
        if self._lp is None:
            self._lp = self._model(integer=False)
        return self._lp

    @property
    def most(self) -> highspy.Highs:
        if self._most is None:
            self._most = self._model(integer=False)
            self._most.setOptionValue("simplex_strategy", 1)  # dual: faster here, from cold
        return self._most

    @property
    def mip(self) -> highspy.Highs:
        if self._mip is None:
            self._mip = self._model(integer=True)
        return self._mip

    def point(self, values: Sequence[float]) -> dict[CellKey, float]:
        return {k: float(values[i]) for i, k in enumerate(self.keys)}

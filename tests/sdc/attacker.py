"""An independent reader who tries to unpick published KPI figures, by integer programming.

Nothing here uses the disclosure-control engine's relations or reader code
(app/core/sdc). The attacker is told only what a reader is told:

- the shape of a release (`Shape`): its periods and which of them add up to which
  (a year of its quarters), the units of a board, the service blocks (and whether the
  NHS-services / local-authority-services views are shown), the themes;
- what each release printed (`Shown`): a count, or an average or percentage as printed
  to one decimal place, or nothing where a cell is hidden;

and writes out for itself, from what each figure means, every fact a reader knows:

- stage 1 and stage 2 add up to the total (received, closed);
- the three outcomes add up to those closed in full at a stage; within plus over the
  timescale is those closed; those extended are among those received;
- a response within the timescale took at most its working days (5 at stage 1, 20 at
  stage 2), one over it at least one more, none more than `LONGEST` working days;
- an average printed as `a` means the sum of working days lies within
  [(a - 0.05) * closed, (a + 0.05) * closed]; a percentage `p` of N over D means
  100 * N lies within [(p - 0.05) * D, (p + 0.05) * D]; no average means none closed;
- NHS, local authority and both add up to all services; the views are sums of two;
- units add up to all units; a period's parts add up to it; a theme's concerns are
  among all the concerns (per stage; "outside" among anonymous plus unnamed);
- every figure is a whole number, not negative.

Every figure is a variable; printed ones are fixed. For any figure (or difference of
figures) `Attacker.interval` gives the least and greatest value a reader can prove,
each by an integer program (`scipy.optimize.milp`, HiGHS). Unknown figures are split
into groups no fact links, so each program is small. Integer points the solver returns
are checked exactly and kept: a point already found with a figure at 0 proves its
least value is 0, and one with it at the threshold proves a reader cannot hold it below.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

Key = tuple[str, ...]  # (period, unit, block, *measure)
Expr = dict[Key, float]  # a linear expression over figures

STAGES = ("stage1", "stage2")
LIMITS = {"stage1": 5, "stage2": 20}  # working days within the timescale
LONGEST = 520  # working days: no full response is taken to have taken longer
OUTCOMES = ("upheld", "partially_upheld", "not_upheld")
SERVICES = ("nhs", "local_authority", "both")
VIEWS = {"nhs_services": ("nhs", "both"), "local_authority_services": ("local_authority", "both")}
CLOSURES = ("withdrawn", "transferred", "not_taken_forward")
COUNT_CAP = 10**6
DAYS_CAP = 10**9
HALF = 0.05  # half the last printed decimal place


def block_counts() -> list[tuple[str, ...]]:
    """Every count measure of a service block."""
    out: list[tuple[str, ...]] = []
    for what in ("received", "closed"):
        out += [(what, s) for s in STAGES] + [(what, "total")]
    out += [("received", "anonymous"), ("received", "unnamed")]
    out += [("outcomes", s, o) for s in STAGES for o in OUTCOMES]
    out += [(m, s) for s in STAGES for m in ("within_timescale", "outside_timescale",
                                             "extended")]
    out += [("other_closures", c) for c in CLOSURES]
    return out


def block_sums() -> list[tuple[str, ...]]:
    return [("working_days", s) for s in STAGES]


THEME_COUNTS: tuple[tuple[str, ...], ...] = (("received", "stage1"), ("received", "stage2"),
                                             ("received", "outside"))

# Printed ratios: (name, stage) -> (numerator measure, denominator measure)
PERCENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
for _s in STAGES:
    PERCENTS[f"closed_percent.{_s}"] = (("closed", _s), ("closed", "total"))
    PERCENTS[f"within_timescale_percent.{_s}"] = (("within_timescale", _s), ("closed", _s))
    PERCENTS[f"extended_percent.{_s}"] = (("extended", _s), ("received", _s))
    for _o in OUTCOMES:
        PERCENTS[f"outcomes_percent.{_s}.{_o}"] = (("outcomes", _s, _o), ("closed", _s))


@dataclass(frozen=True)
class Shape:
    """What a reader knows of a release's layout."""

    periods: Mapping[str, tuple[str, ...]]  # label -> the labels of its parts (or ())
    units: tuple[str, ...] = ()  # a board's units; "" is the whole (all units)
    services: bool = True
    views: bool = False
    themes: tuple[str, ...] = ()
    unit_themes: bool = False

    def blocks(self) -> list[str]:
        out = ["all"]
        if self.services or self.views:
            out += list(SERVICES)
        if self.views:
            out += list(VIEWS)
        return out

    def places(self) -> list[tuple[str, str]]:
        return [(p, u) for p in self.periods for u in ("", *self.units)]

    def theme_blocks(self, unit: str) -> list[str]:
        if unit and not self.unit_themes:
            return []
        return [f"theme.{t}" for t in self.themes]


Printed = int | float | str | None  # a count, a printed ratio, NO_AVERAGE, or hidden
NO_AVERAGE = "none closed"


@dataclass
class Shown:
    """What one release printed: counts by key (None where hidden), averages by
    (period, unit, block, "average_working_days", stage), percentages by
    (period, unit, block, "percent", name). A key left out was not printed at all."""

    shape: Shape
    values: dict[Key, Printed] = field(default_factory=dict)


@dataclass
class _Row:
    terms: dict[int, float]
    low: float
    high: float


@dataclass
class _Group:
    columns: list[int]
    rows: list[_Row]
    points: list[np.ndarray] = field(default_factory=list)  # integer points found (by column)
    model: tuple[LinearConstraint | None, Bounds] | None = None


class Attacker:
    """A reader of one or more releases (earlier ones first), by integer programming."""

    def __init__(self, releases: Sequence[Shown]) -> None:
        self.index: dict[Key, int] = {}
        self.low: list[float] = []
        self.high: list[float] = []
        self.rows: list[_Row] = []
        self.solves = 0
        for shown in releases:
            self._facts(shown.shape)
        for shown in releases:
            self._printed(shown)
        self._presolve()

    # ----- the variables and facts ---------------------------------------------------------

    def var(self, key: Key, cap: float = COUNT_CAP) -> int:
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.low)
            self.low.append(0.0)
            self.high.append(float(cap))
        return i

    def fact(self, terms: Mapping[Key, float], low: float, high: float) -> None:
        row: dict[int, float] = {}
        for key, c in terms.items():
            if key not in self.index:
                raise KeyError(f"unknown figure {key}")
            row[self.index[key]] = row.get(self.index[key], 0.0) + c
        self.rows.append(_Row({i: c for i, c in row.items() if c}, low, high))

    def equal(self, parts: Iterable[Key], total: Key) -> None:
        terms: dict[Key, float] = {}
        for p in parts:
            terms[p] = terms.get(p, 0.0) + 1.0
        terms[total] = terms.get(total, 0.0) - 1.0
        self.fact(terms, 0.0, 0.0)

    def at_most(self, small: Iterable[Key], large: Iterable[Key]) -> None:
        terms: dict[Key, float] = {}
        for k in small:
            terms[k] = terms.get(k, 0.0) + 1.0
        for k in large:
            terms[k] = terms.get(k, 0.0) - 1.0
        self.fact(terms, -math.inf, 0.0)

    def _facts(self, shape: Shape) -> None:
        counts, sums = block_counts(), block_sums()
        for period, unit in shape.places():
            for block in shape.blocks():
                for m in counts:
                    self.var((period, unit, block, *m))
                for m in sums:
                    self.var((period, unit, block, *m), DAYS_CAP)
                self._block_facts(period, unit, block)
            for block in shape.theme_blocks(unit):
                for m in THEME_COUNTS:
                    self.var((period, unit, block, *m))
                for s in STAGES:
                    self.at_most([(period, unit, block, "received", s)],
                                 [(period, unit, "all", "received", s)])
                self.at_most([(period, unit, block, "received", "outside")],
                             [(period, unit, "all", "received", "anonymous"),
                              (period, unit, "all", "received", "unnamed")])
        everything = [*counts, *sums]
        for period, unit in shape.places():
            blocks = shape.blocks()
            if "nhs" in blocks:
                for m in everything:
                    self.equal([(period, unit, s, *m) for s in SERVICES],
                               (period, unit, "all", *m))
            for view, pair in VIEWS.items():
                if view in blocks:
                    for m in everything:
                        self.equal([(period, unit, s, *m) for s in pair],
                                   (period, unit, view, *m))
        for period, parts in shape.periods.items():
            for unit in ("", *shape.units):
                for block in shape.blocks():
                    for m in everything:
                        if parts:
                            self.equal([(p, unit, block, *m) for p in parts],
                                       (period, unit, block, *m))
                        if unit == "" and shape.units:
                            self.equal([(period, u, block, *m) for u in shape.units],
                                       (period, "", block, *m))
                for block in shape.theme_blocks(unit):
                    for m in THEME_COUNTS:
                        if parts:
                            self.equal([(p, unit, block, *m) for p in parts],
                                       (period, unit, block, *m))
                        if unit == "" and shape.units and shape.unit_themes:
                            self.equal([(period, u, block, *m) for u in shape.units],
                                       (period, "", block, *m))

    def _block_facts(self, period: str, unit: str, block: str) -> None:
        def k(*m: str) -> Key:
            return (period, unit, block, *m)

        for what in ("received", "closed"):
            self.equal([k(what, s) for s in STAGES], k(what, "total"))
        for s in STAGES:
            self.equal([k("outcomes", s, o) for o in OUTCOMES], k("closed", s))
            self.equal([k("within_timescale", s), k("outside_timescale", s)], k("closed", s))
            self.at_most([k("extended", s)], [k("received", s)])
            limit = LIMITS[s]
            # over the timescale: at least limit + 1 days each
            self.fact({k("outside_timescale", s): limit + 1.0, k("working_days", s): -1.0},
                      -math.inf, 0.0)
            # within: at most limit days each; none more than LONGEST
            self.fact({k("working_days", s): 1.0, k("within_timescale", s): -float(limit),
                       k("outside_timescale", s): -float(LONGEST)}, -math.inf, 0.0)

    def _printed(self, shown: Shown) -> None:
        for key, value in shown.values.items():
            if value is None:
                continue
            if key[3] == "average_working_days":
                days = (*key[:3], "working_days", key[4])
                closed = (*key[:3], "closed", key[4])
                if value == NO_AVERAGE:
                    self.fact({closed: 1.0}, 0.0, 0.0)
                    self.fact({days: 1.0}, 0.0, 0.0)
                else:
                    self._ratio(days, closed, float(value), 1.0)
            elif key[3] == "percent":
                numerator, denominator = PERCENTS[key[4]]
                self._ratio((*key[:3], *numerator), (*key[:3], *denominator), float(value),
                            100.0)
            else:
                self.fact({key: 1.0}, float(value), float(value))

    def _ratio(self, numerator: Key, denominator: Key, printed: float, scale: float) -> None:
        """scale * N / D printed as `printed`: (printed - half) * D <= scale * N <= (+ half) * D."""
        self.fact({numerator: scale, denominator: -(printed - HALF)}, -1e-9, math.inf)
        self.fact({numerator: scale, denominator: -(printed + HALF)}, -math.inf, 1e-9)
        self.fact({denominator: 1.0}, 1.0, math.inf)

    # ----- narrowing ----------------------------------------------------------------------

    def _presolve(self) -> None:
        """Fix what single-figure facts fix, fold fixed figures into constants, and split the
        unknown figures into groups no fact links."""
        low, high = np.array(self.low), np.array(self.high)
        rows = self.rows
        for _ in range(50):
            changed = False
            for row in rows:
                if len(row.terms) == 1:
                    (i, c), = row.terms.items()
                    a, b = row.low / c, row.high / c
                    if c < 0:
                        a, b = b, a
                    new_low = math.ceil(a - 1e-9) if a > -math.inf else low[i]
                    new_high = math.floor(b + 1e-9) if b < math.inf else high[i]
                    if new_low > low[i]:
                        low[i], changed = new_low, True
                    if new_high < high[i]:
                        high[i], changed = new_high, True
            if not changed:
                break
        if np.any(low > high):
            raise ValueError("The printed figures contradict each other.")
        self.fixed = low == high
        self.value_low, self.value_high = low, high
        parent = list(range(len(low)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        reduced: list[_Row] = []
        for row in rows:
            free = {i: c for i, c in row.terms.items() if not self.fixed[i]}
            constant = sum(c * low[i] for i, c in row.terms.items() if self.fixed[i])
            if not free:
                if row.low - 1e-6 > constant or constant > row.high + 1e-6:
                    raise ValueError("The printed figures contradict each other.")
                continue
            if len(free) == 1 and len(row.terms) == 1:
                continue  # already a bound
            reduced.append(_Row(free, row.low - constant, row.high - constant))
            first = next(iter(free))
            for other in free:
                a, b = find(first), find(other)
                if a != b:
                    parent[a] = b
        by_root: dict[int, _Group] = {}
        self.group_of: dict[int, _Group] = {}
        for i in range(len(low)):
            if not self.fixed[i]:
                group = by_root.setdefault(find(i), _Group([], []))
                group.columns.append(i)
                self.group_of[i] = group
        for row in reduced:
            self.group_of[next(iter(row.terms))].rows.append(row)

    def known(self, key: Key) -> float | None:
        i = self.index[key]
        return float(self.value_low[i]) if self.fixed[i] else None

    def _model(self, group: _Group) -> tuple[LinearConstraint | None, Bounds]:
        if group.model is None:
            column = {c: j for j, c in enumerate(group.columns)}
            data, rows_i, cols_i = [], [], []
            for r, row in enumerate(group.rows):
                for i, c in row.terms.items():
                    data.append(c)
                    rows_i.append(r)
                    cols_i.append(column[i])
            constraint = None
            if group.rows:
                matrix = csr_matrix((data, (rows_i, cols_i)),
                                    shape=(len(group.rows), len(group.columns)))
                constraint = LinearConstraint(matrix, [r.low for r in group.rows],
                                              [r.high for r in group.rows])
            bounds = Bounds(self.value_low[group.columns], self.value_high[group.columns])
            group.model = (constraint, bounds)
        return group.model

    def _feasible(self, group: _Group, x: np.ndarray) -> bool:
        if np.any(x < self.value_low[group.columns]) or np.any(
                x > self.value_high[group.columns]):
            return False
        column = {c: j for j, c in enumerate(group.columns)}
        for row in group.rows:
            total = sum(c * x[column[i]] for i, c in row.terms.items())
            if total < row.low - 1e-7 or total > row.high + 1e-7:
                return False
        return True

    def _split(self, expr: Expr) -> tuple[float, dict[int, tuple[_Group, dict[int, float]]]]:
        """The expression's constant (fixed figures) and its terms by group."""
        constant = 0.0
        groups: dict[int, tuple[_Group, dict[int, float]]] = {}
        for key, c in expr.items():
            i = self.index[key]
            if self.fixed[i]:
                constant += c * self.value_low[i]
                continue
            group = self.group_of[i]
            terms = groups.setdefault(id(group), (group, {}))[1]
            terms[i] = terms.get(i, 0.0) + c
        return constant, groups

    def _extreme_in(self, group: _Group, terms: Mapping[int, float], upward: bool) -> float:
        constraint, bounds = self._model(group)
        column = {c: j for j, c in enumerate(group.columns)}
        costs = np.zeros(len(group.columns))
        for i, c in terms.items():
            costs[column[i]] = -c if upward else c
        self.solves += 1
        done = milp(costs, integrality=np.ones(len(group.columns)), bounds=bounds,
                    constraints=[constraint] if constraint is not None else [],
                    options={"mip_rel_gap": 0.0})
        if done.status == 3:
            return math.inf if upward else -math.inf
        if done.status != 0 or done.x is None:
            raise RuntimeError(f"the reader's program failed: {done.message}")
        x = np.round(done.x)
        if not self._feasible(group, x):
            raise RuntimeError("the solver's point does not hold in whole numbers")
        group.points.append(x)
        if upward and any(x[column[i]] >= self.value_high[i] - 0.5 for i in terms):
            return math.inf  # at the cap: no limit a reader could state
        return float(sum(c * x[column[i]] for i, c in terms.items()))

    def extreme(self, expr: Expr, upward: bool) -> float:
        """The greatest (or least) value of `expr` a reader cannot rule out, by integer
        programs (one per group of linked unknown figures)."""
        constant, groups = self._split(expr)
        return constant + sum(self._extreme_in(g, t, upward) for g, t in groups.values())

    def interval(self, expr: Expr | Key) -> tuple[float, float]:
        """The least and greatest value of a figure (or expression) a reader can prove."""
        e = {expr: 1.0} if isinstance(expr, tuple) else expr
        return self.extreme(e, False), self.extreme(e, True)

    def reaches(self, expr: Expr | Key, low: float, high: float) -> tuple[float, float]:
        """The least and greatest values of `expr` a reader cannot rule out, as far as they
        matter here: integer points found before answer where they already reach `low`
        (or `high`), otherwise the integer programs give the exact extreme."""
        e = {expr: 1.0} if isinstance(expr, tuple) else expr
        constant, groups = self._split(e)
        ends = []
        for upward, target in ((False, low), (True, high)):
            total = constant
            for group, terms in groups.values():
                column = {c: j for j, c in enumerate(group.columns)}
                seen = [sum(c * x[column[i]] for i, c in terms.items()) for x in group.points]
                best = (max(seen) if upward else min(seen)) if seen else None
                if best is None or len(groups) > 1 or (
                        best < target - constant if upward else best > target - constant):
                    best = self._extreme_in(group, terms, upward)
                total += best
            ends.append(total)
        return ends[0], ends[1]


# ----- what an engine-protected release shows ---------------------------------------------


def average_text(total: int, count: int) -> Printed:
    """The average as a report prints it (one decimal place), or NO_AVERAGE."""
    return NO_AVERAGE if count == 0 else float(f"{total / count:.1f}")


def percent_text(numerator: int, denominator: int) -> Printed:
    return None if denominator == 0 else float(f"{100 * numerator / denominator:.1f}")


def shown_from(shape: Shape, exact: Mapping[Key, int], hidden: Iterable[Key],
               printed_periods: Iterable[str]) -> Shown:
    """What a release printed: every count of a printed period (None where hidden), each
    average whose count and sum are printed, each percentage whose two counts are."""
    hidden_set, printed = set(hidden), set(printed_periods)
    values: dict[Key, Printed] = {}
    for period, unit in shape.places():
        if period not in printed:
            continue
        for block in shape.blocks():
            for m in block_counts():
                key = (period, unit, block, *m)
                values[key] = None if key in hidden_set else exact[key]
            for s in STAGES:
                days = (period, unit, block, "working_days", s)
                closed = (period, unit, block, "closed", s)
                where = (period, unit, block, "average_working_days", s)
                values[where] = None if days in hidden_set or closed in hidden_set else (
                    average_text(exact[days], exact[closed]))
            for name, (num, den) in PERCENTS.items():
                a, b = (period, unit, block, *num), (period, unit, block, *den)
                where = (period, unit, block, "percent", name)
                values[where] = None if a in hidden_set or b in hidden_set else (
                    percent_text(exact[a], exact[b]))
        for block in shape.theme_blocks(unit):
            for m in THEME_COUNTS:
                key = (period, unit, block, *m)
                values[key] = None if key in hidden_set else exact[key]
    return Shown(shape, values)


def not_extended(period: str, unit: str, block: str, stage: str) -> Expr:
    return {(period, unit, block, "received", stage): 1.0,
            (period, unit, block, "extended", stage): -1.0}


def attribute_splits(shape: Shape) -> list[tuple[Key, list[Expr]]]:
    """Each small-group question: a total and the categories its members fall in."""
    out: list[tuple[Key, list[Expr]]] = []
    for period, unit in shape.places():
        for block in shape.blocks():
            for s in STAGES:
                closed = (period, unit, block, "closed", s)
                out.append((closed, [{(period, unit, block, "outcomes", s, o): 1.0}
                                     for o in OUTCOMES]))
                out.append((closed, [{(period, unit, block, "within_timescale", s): 1.0},
                                     {(period, unit, block, "outside_timescale", s): 1.0}]))
                out.append(((period, unit, block, "received", s),
                            [{(period, unit, block, "extended", s): 1.0},
                             not_extended(period, unit, block, s)]))
    return out


def value_of(expr: Expr, exact: Mapping[Key, int]) -> float:
    return sum(c * exact[k] for k, c in expr.items())


@dataclass
class Breach:
    """A figure a reader can narrow too far, or a small group shown all in one category."""

    what: str
    expr: Expr
    exact: float
    interval: tuple[float, float]

    def __str__(self) -> str:
        names = " + ".join("/".join(k) if c == 1 else f"{c:g}*{'/'.join(k)}"
                           for k, c in self.expr.items())
        return f"{self.what}: {names} is {self.exact:g}, reader proves {self.interval}"


def breaches(attacker: Attacker, shape: Shape, exact: Mapping[Key, int],
             threshold: int = 5) -> list[Breach]:
    """Every small figure of `shape` (1 .. threshold - 1, printed or not, including the
    never-printed "not extended") a reader can hold away from 0 or from the threshold,
    and every small group a reader can tell is all in one category."""
    found: list[Breach] = []
    targets: list[Expr] = []
    for period, unit in shape.places():
        for block in shape.blocks():
            targets += [{(period, unit, block, *m): 1.0} for m in block_counts()]
            targets += [not_extended(period, unit, block, s) for s in STAGES]
        for block in shape.theme_blocks(unit):
            targets += [{(period, unit, block, *m): 1.0} for m in THEME_COUNTS]
    for expr in targets:
        value = value_of(expr, exact)
        if 0 < value < threshold:
            least, most = attacker.reaches(expr, 0, threshold)
            if least > 0 or most < threshold:
                found.append(Breach("small figure narrowed", expr, value, (least, most)))
    for total, categories in attribute_splits(shape):
        size = exact[total]
        values = [value_of(c, exact) for c in categories]
        if not 0 < size < threshold or sum(1 for v in values if v) != 1:
            continue
        others: Expr = {}
        for category, v in zip(categories, values, strict=True):
            if not v:
                for k, c in category.items():
                    others[k] = others.get(k, 0.0) + c
        _, most = attacker.reaches(others, 0, 1)
        if most < 1:
            found.append(Breach("small group shown all in one category", others, 0.0,
                                (0.0, most)))
    return found

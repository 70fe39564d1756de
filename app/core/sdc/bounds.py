"""Quick outer bounds: how far a reader can surely NOT push each unknown cell.

Bound propagation, relation by relation: from `sum(c * x) == 0` (or `<= 0`) and the
current bounds of the other cells, each cell's bounds follow; whole numbers are rounded
inwards; cells whose bounds moved send their relations round again. Every bound found
is one a reader can prove, so a protected cell whose propagated interval misses its
protection level certainly fails (the linear programs would say the same, slower);
passing here proves nothing. Secondary suppression uses this to hide the obvious
before the first attack, and remembers which relation set each bound (`reasons`) to
know where hiding a cell would help.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.core.sdc.tables import CellKey, Relation

INF = math.inf
_EPS = 1e-9


@dataclass
class Propagated:
    low: dict[CellKey, float]
    high: dict[CellKey, float]
    low_reason: dict[CellKey, int]  # the relation (index) that set the lower bound
    high_reason: dict[CellKey, int]
    relations: Sequence[Relation]


def propagate(bounds: Mapping[CellKey, tuple[float, float]], relations: Sequence[Relation],
              cells: Iterable[CellKey] | None = None, max_visits: int | None = None
              ) -> Propagated:
    """Outer bounds of every cell in `relations`, starting from `bounds`."""
    index: dict[CellKey, int] = {}
    keys: list[CellKey] = []
    compiled: list[tuple[list[int], list[float], bool]] = []
    by_cell: list[list[int]] = []
    for r, relation in enumerate(relations):
        columns = []
        for key, _ in relation.terms:
            i = index.get(key)
            if i is None:
                i = index[key] = len(keys)
                keys.append(key)
                by_cell.append([])
            columns.append(i)
            by_cell[i].append(r)
        compiled.append((columns, [c for _, c in relation.terms], relation.equality))
    low = [bounds[k][0] for k in keys]
    high = [bounds[k][1] for k in keys]
    low_reason: dict[int, int] = {}
    high_reason: dict[int, int] = {}
    if cells is not None:
        start = sorted({r for k in cells if k in index for r in by_cell[index[k]]})
    else:
        start = list(range(len(relations)))
    queue = deque(start)
    queued = set(start)
    visits, limit = 0, max_visits or 30 * max(len(relations), 1)
    floor, ceil, inf = math.floor, math.ceil, INF
    while queue and visits < limit:
        r = queue.popleft()
        queued.discard(r)
        visits += 1
        columns, coefficients, equality = compiled[r]
        # The least and greatest of sum(c * x), keeping count of infinite terms.
        least = most = 0.0
        least_inf = most_inf = 0
        parts = []
        for i, c in zip(columns, coefficients, strict=True):
            if c > 0:
                a, b = c * low[i], (c * high[i] if high[i] != inf else inf)
            else:
                a, b = (c * high[i] if high[i] != inf else -inf), c * low[i]
            parts.append((a, b))
            if a == -inf:
                least_inf += 1
            else:
                least += a
            if b == inf:
                most_inf += 1
            else:
                most += b
        if least_inf > 1 and (most_inf > 1 or not equality):
            continue  # nothing to learn
        for (i, c), (a, b) in zip(zip(columns, coefficients, strict=True), parts, strict=True):
            # c * x <= -(least of the others); and >= -(most of the others) if equal.
            if a == -inf:
                others_least = -inf if least_inf > 1 else least
            else:
                others_least = -inf if least_inf else least - a
            top = inf if others_least == -inf else -others_least
            bottom = -inf
            if equality:
                if b == inf:
                    others_most = inf if most_inf > 1 else most
                else:
                    others_most = inf if most_inf else most - b
                bottom = -inf if others_most == inf else -others_most
            if c > 0:
                new_high, new_low = top / c, bottom / c
            else:
                new_high, new_low = bottom / c, top / c
            changed = False
            if new_high < high[i]:
                value = float(floor(new_high + _EPS))  # whole numbers (sums of days too)
                if value < high[i] - _EPS:
                    high[i] = value
                    high_reason[i] = r
                    changed = True
            if new_low > low[i]:
                value = float(ceil(new_low - _EPS))
                if value > low[i] + _EPS:
                    low[i] = value
                    low_reason[i] = r
                    changed = True
            if changed:
                for other in by_cell[i]:
                    if other not in queued:
                        queued.add(other)
                        queue.append(other)
    return Propagated(
        {k: low[i] for i, k in enumerate(keys)} | {k: b[0] for k, b in bounds.items()
                                                    if k not in index},
        {k: high[i] for i, k in enumerate(keys)} | {k: b[1] for k, b in bounds.items()
                                                     if k not in index},
        {keys[i]: r for i, r in low_reason.items()},
        {keys[i]: r for i, r in high_reason.items()},
        relations)

"""What a reader of a release is told: each cell's interval, and the relations between cells.

A reader knows every printed count exactly, every sum of working days to within its
printed average's rounding, nothing of a hidden or unprinted cell except that it is a
whole number and not negative, every relation of the table set, and whatever earlier
releases printed (`Knowledge.tighten`). The cells a reader does not know exactly fall
into groups no relation links (`components`); app.core.sdc.program sets each group's
linear program, app.core.sdc.reader asks it how far a reader can go.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from app.core.sdc.tables import SUM, CellKey, Relation, TableSet, shown_interval

INF = math.inf
Bounds = tuple[float, float]


class Cancelled(Exception):  # noqa: N818 - the user's word for it
    """The user cancelled the work."""


def whole(value: float) -> bool:
    return abs(value - round(value)) <= 1e-6


def whole_array(values: np.ndarray) -> bool:
    return bool(np.all(np.abs(values - np.round(values)) <= 1e-6))


def whole_point(point: Mapping[CellKey, float]) -> bool:
    """Every value of the point is a whole number (a reader's counts and sums are)."""
    return whole_array(np.fromiter(point.values(), dtype=float, count=len(point)))


@dataclass
class Knowledge:
    """For each cell of the release, the interval a reader is told it lies in."""

    tables: TableSet
    hidden: frozenset[CellKey]
    bounds: dict[CellKey, Bounds] = field(default_factory=dict)
    known_before: dict[CellKey, str] = field(default_factory=dict)  # key -> earlier release
    extra_relations: list[Relation] = field(default_factory=list)

    @classmethod
    def of(cls, tables: TableSet, hidden: Iterable[CellKey]) -> Knowledge:
        hidden_set = frozenset(hidden)
        knowledge = cls(tables, hidden_set)
        for key, cell in tables.cells.items():
            knowledge.bounds[key] = knowledge.printed(key, cell.published)
        return knowledge

    def printed(self, key: CellKey, published: bool) -> Bounds:
        """What this release itself tells a reader of a cell."""
        cell = self.tables.cells[key]
        if not published or key in self.hidden:
            return 0.0, INF
        if cell.kind == SUM:
            assert cell.denominator is not None
            if cell.denominator in self.hidden or not self.tables.cells[
                    cell.denominator].published:
                return 0.0, INF
            count = self.tables.cells[cell.denominator].value
            low, high = shown_interval(cell.value, count, cell.decimals)
            return float(low), float(high)
        return float(cell.value), float(cell.value)

    def tighten(self, key: CellKey, bounds: Bounds, release: str) -> None:
        """An earlier release told the reader this (the cell is unchanged since)."""
        low, high = self.bounds.get(key, (0.0, INF))
        self.bounds[key] = (max(low, bounds[0]), min(high, bounds[1]))
        if bounds[0] == bounds[1]:
            self.known_before.setdefault(key, release)

    def add_cell(self, key: CellKey, bounds: Bounds) -> None:
        """A cell only an earlier release has (its value now is not known here)."""
        self.bounds.setdefault(key, bounds)

    def relations(self) -> list[Relation]:
        return [*self.tables.relations, *self.extra_relations]

    def unknown(self) -> list[CellKey]:
        return [k for k, (low, high) in self.bounds.items() if low < high]



def components(knowledge: Knowledge) -> list[list[CellKey]]:
    """The unknown cells, grouped so that no relation links two groups."""
    return linked_groups(knowledge.unknown(), (r.keys for r in knowledge.relations()))


def linked_groups(cells: Sequence[CellKey], links: Iterable[Iterable[CellKey]]
                  ) -> list[list[CellKey]]:
    """`cells` grouped so that no link (the cells of one relation) joins two groups; cells
    outside `cells` are passed over. Groups and their members keep the order of `cells`."""
    parent = {k: k for k in cells}

    def find(k: CellKey) -> CellKey:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for link in links:
        keys = [k for k in link if k in parent]
        for other in keys[1:]:
            a, b = find(keys[0]), find(other)
            if a != b:
                parent[a] = b
    groups: dict[CellKey, list[CellKey]] = {}
    for k in cells:
        groups.setdefault(find(k), []).append(k)
    return list(groups.values())


def relations_by_cell(relations: Sequence[Relation]) -> dict[CellKey, list[int]]:
    index: dict[CellKey, list[int]] = {}
    for i, relation in enumerate(relations):
        for key in relation.keys:
            index.setdefault(key, []).append(i)
    return index

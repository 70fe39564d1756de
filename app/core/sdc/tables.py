"""A release as one set of linked tables: cells, and the relations a reader knows between them.

A cell is one figure of a release, keyed by a tuple of names (for the KPI figures:
period, unit, service block, measure...). It has its exact value and a kind:

- `count`: a number of concerns (or stage entries); shown as itself.
- `sum`: a sum of working days; never shown as itself but as an average over a
  count cell (its `denominator`) with `decimals` places, so a reader knows it
  only to within the average's rounding (see `shown_interval`).

A cell with `published=False` is not printed in this release but a reader can
work it out, or bound it, from the rest (a complement such as "not extended", or
a period between two releases): it is protected like a printed cell, and it is
always unknown to the reader.

A relation is a linear fact about the cells that any reader knows:
`sum(coefficient * cell) == 0` (parts adding up to a total) or `<= 0` (a theme's
count is at most the total's). Relations are written once, by the code that
knows where the figures come from (app.core.sdc.kpi), never per output.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

CellKey = tuple[str, ...]

COUNT = "count"
SUM = "sum"


@dataclass(frozen=True)
class Cell:
    """One figure of a release."""

    key: CellKey
    value: int
    kind: str = COUNT  # COUNT or SUM
    table: str = ""  # the table it belongs to, in plain words, for messages
    label: str = ""  # the figure, in plain words, for messages
    published: bool = True  # False: not printed, but a reader can work it out
    denominator: CellKey | None = None  # SUM: the count its average divides by
    decimals: int = 1  # SUM: decimal places of the printed average
    weight: float = 1.0  # how much we would rather not hide it (totals weigh more)

    def __post_init__(self) -> None:
        if self.kind not in (COUNT, SUM):
            raise ValueError(f"Unknown kind of cell: {self.kind}")
        if self.value < 0:
            raise ValueError(f"A cell cannot be negative: {self.describe()} is {self.value}")
        if self.kind == SUM and self.denominator is None:
            raise ValueError(f"A sum needs the count its average divides by: {self.describe()}")

    def describe(self) -> str:
        """The cell in plain words: its label and table, or its key."""
        words = self.label or " / ".join(part for part in self.key if part)
        return f"{words} ({self.table})" if self.table else words


def average_text(total: int, count: int, decimals: int) -> str:
    """An average as a report prints it (the interval below is worked out from this text)."""
    return f"{total / count:.{decimals}f}"


def shown_interval(total: int, count: int, decimals: int) -> tuple[int, int]:
    """What a reader knows of a whole-number sum from its printed average over `count`:
    the sums whose average rounds to the printed text. A count of 0 shows no average, but
    the sum is then 0."""
    if count == 0:
        return 0, 0
    printed = float(average_text(total, count, decimals))
    half = 0.5 / 10 ** decimals
    low = math.ceil(round((printed - half) * count, 9))
    high = math.floor(round((printed + half) * count, 9))
    return max(low, 0), high


@dataclass(frozen=True)
class Relation:
    """`sum(coefficient * cell) == 0`, or `<= 0` when not `equality`: a fact any reader knows.

    Additive relations (parts adding up to a total) keep `total` so that primary
    suppression can look for group disclosure; `attribute` marks those whose parts
    are attributes of the total's members (outcomes, timeliness, extension), so that
    "all of a small group share one" can be found.
    """

    terms: tuple[tuple[CellKey, float], ...]
    equality: bool
    name: str
    total: CellKey | None = None
    attribute: bool = False

    @classmethod
    def additive(cls, parts: Sequence[CellKey], total: CellKey, name: str,
                 attribute: bool = False) -> Relation:
        terms = tuple((p, 1.0) for p in parts) + ((total, -1.0),)
        return cls(terms, True, name, total, attribute)

    @classmethod
    def at_most(cls, terms: Sequence[tuple[CellKey, float]], name: str) -> Relation:
        """sum(coefficient * cell) <= 0."""
        return cls(tuple(terms), False, name)

    @cached_property
    def keys(self) -> tuple[CellKey, ...]:
        return tuple(k for k, _ in self.terms)

    @property
    def parts(self) -> tuple[CellKey, ...]:
        return tuple(k for k in self.keys if k != self.total)

    def canonical(self) -> tuple[bool, tuple[tuple[CellKey, float], ...]]:
        """The same fact however it was written (for removing duplicates across releases)."""
        merged: dict[CellKey, float] = {}
        for key, coefficient in self.terms:
            merged[key] = merged.get(key, 0.0) + coefficient
        return self.equality, tuple(sorted((k, c) for k, c in merged.items() if c))

    def residual(self, values: Mapping[CellKey, float]) -> float:
        return sum(c * values[k] for k, c in self.terms)

    def holds(self, values: Mapping[CellKey, float], tolerance: float = 1e-6) -> bool:
        left = self.residual(values)
        return abs(left) <= tolerance if self.equality else left <= tolerance


@dataclass(frozen=True)
class TableSet:
    """Everything one release shows, with the relations between its cells."""

    cells: Mapping[CellKey, Cell]
    relations: tuple[Relation, ...]
    tables: tuple[str, ...] = ()  # the tables' names, in the order a report shows them

    def __post_init__(self) -> None:
        for relation in self.relations:
            missing = [k for k in relation.keys if k not in self.cells]
            if missing:
                raise ValueError(f"The relation '{relation.name}' names a cell that is not "
                                 f"in the release: {missing[0]}")
        for cell in self.cells.values():
            if cell.denominator is not None and cell.denominator not in self.cells:
                raise ValueError(f"{cell.describe()}: its average's count is not in the release")

    @property
    def values(self) -> dict[CellKey, int]:
        return {k: c.value for k, c in self.cells.items()}

    def broken(self) -> list[Relation]:
        """Relations the exact values do not satisfy (figures that do not add up)."""
        values = self.values
        return [r for r in self.relations if not r.holds(values)]

    @cached_property
    def averages(self) -> dict[CellKey, tuple[CellKey, ...]]:
        """For each count, the sums whose printed average divides by it."""
        out: dict[CellKey, list[CellKey]] = {}
        for key, cell in self.cells.items():
            if cell.kind == SUM and cell.denominator is not None:
                out.setdefault(cell.denominator, []).append(key)
        return {count: tuple(sums) for count, sums in out.items()}

    def published(self) -> Iterator[Cell]:
        return (c for c in self.cells.values() if c.published)

    def __len__(self) -> int:
        return len(self.cells)


@dataclass
class TableSetBuilder:
    """Collects cells and relations; a relation written twice is kept once."""

    cells: dict[CellKey, Cell] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    tables: dict[str, None] = field(default_factory=dict)  # in order of first use
    _seen: set[tuple[bool, tuple[tuple[CellKey, float], ...]]] = field(default_factory=set)

    def add(self, cell: Cell) -> Cell:
        if cell.key in self.cells:
            raise ValueError(f"A cell is in the release twice: {cell.key}")
        self.cells[cell.key] = cell
        if cell.table:
            self.tables.setdefault(cell.table)
        return cell

    def relate(self, relation: Relation) -> None:
        canonical = relation.canonical()
        if not canonical[1] or canonical in self._seen:
            return
        self._seen.add(canonical)
        self.relations.append(relation)

    def relate_all(self, relations: Iterable[Relation]) -> None:
        for relation in relations:
            self.relate(relation)

    def build(self) -> TableSet:
        return TableSet(dict(self.cells), tuple(self.relations), tuple(self.tables))


"""Primary suppression: the cells that must not be known, and how unknown they must stay.

- Small counts: every count from 1 to threshold - 1 (printed or not: a complement or a
  period between releases a reader could subtract is protected the same way). Zero is
  printed: "none" says nothing about a person.
- Group disclosure: where a small group (a total from 1 to threshold - 1) falls wholly
  into one category of an attribute (all upheld, all late, all extended) and the other
  categories are 0, printing those zeros would tell a reader what happened to every
  member of the group. The zeros are protected too: a reader must not be able to tell
  that they are 0.
- Sums of working days are not counts of people; an average is hidden whenever its
  count is (secondary suppression links them), and may be hidden to protect others.

How unknown: a reader's interval for a protected cell (the lowest and highest values
everything published allows) must reach down to `Protection.low` and up to
`Protection.high`: by default 0 and the threshold, so nobody can tell "none" from "a
few" from "the threshold or more". A protected zero must be able to be at least 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.sdc.tables import COUNT, CellKey, Relation, TableSet

DEFAULT_THRESHOLD = 5
SMALL = "small"
GROUP = "group"


@dataclass(frozen=True)
class Protection:
    """The rule: counts from 1 to threshold - 1 are protected, each so that a reader's
    interval reaches `low` and `high` (the threshold unless given)."""

    threshold: int = DEFAULT_THRESHOLD
    low: int = 0
    high: int | None = None

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise ValueError("The threshold must be at least 1.")
        if self.high is not None and self.high < self.threshold - 1:
            raise ValueError("The protection level must reach at least the largest small count.")

    @property
    def upper(self) -> int:
        return self.threshold if self.high is None else self.high

    def small(self, value: int) -> bool:
        return 0 < value < self.threshold


@dataclass(frozen=True)
class Requirement:
    """A protected cell: a reader's interval must reach down to `low` and up to `high`."""

    key: CellKey
    low: float
    high: float
    reason: str  # SMALL or GROUP
    group: Relation | None = None  # GROUP: the relation whose total is the small group

    def met_by(self, low: float, high: float) -> bool:
        return low <= self.low + 1e-9 and high >= self.high - 1e-9

    def explain(self, tables: TableSet) -> str:
        if self.reason == GROUP and self.group is not None and self.group.total is not None:
            total = tables.cells[self.group.total]
            return (f"it is 0 beside a small group ({total.label}) all of which is in one "
                    "category")
        return f"it is a small number (from 1 to {int(self.high) - 1})"


def requirements(tables: TableSet, protection: Protection) -> dict[CellKey, Requirement]:
    """Every protected cell of the release and its protection level."""
    found: dict[CellKey, Requirement] = {}
    for key, cell in tables.cells.items():
        if cell.kind == COUNT and protection.small(cell.value):
            found[key] = Requirement(key, float(protection.low), float(protection.upper), SMALL)
    for key, relation in group_disclosures(tables, protection):
        found.setdefault(key, Requirement(key, 0.0, 1.0, GROUP, relation))
    return found


def group_disclosures(tables: TableSet, protection: Protection
                      ) -> Iterable[tuple[CellKey, Relation]]:
    """The zeros that would show a small group all in one category (with the relation)."""
    for relation in tables.relations:
        if not relation.attribute or relation.total is None:
            continue
        total = tables.cells[relation.total].value
        if not protection.small(total):
            continue
        parts = relation.parts
        nonzero = [p for p in parts if tables.cells[p].value]
        if len(nonzero) == 1 and len(parts) > 1:
            for part in parts:
                if not tables.cells[part].value:
                    yield part, relation

"""What a publication released, kept so that later publications stay consistent with it.

A `Release` records one publication: its label, the periods it covered, when, the
threshold, every cell's key and what was printed of it (a count, the interval a
printed average allows for its sum of working days, or nothing when hidden), and the
relations a reader knows between its cells. It is frozen and goes to and from JSON
(`to_json` / `from_json`), so the casebook's and the board's stores can keep a register
of releases; the exact hidden values are not kept.

`link_earlier` adds earlier releases to what a reader knows of a new one:
- a cell printed before and unchanged is known exactly now, whatever the new release
  does with it (hiding it again protects nothing);
- a cell printed before that has changed (a corrected re-issue, a replaced return) tells
  a reader the change: a change from 1 to threshold - 1 either way is itself a small
  number, so the release is refused, naming the cell (`RefusedChange`); a larger change
  makes the old value stale, and it is not used;
- a release that shares a year with earlier ones (the year, or a quarter of it) must
  hold the year and all its quarters, or it is refused (`RefusedPeriods`): a reader
  could otherwise subtract periods whose figures the release cannot protect;
- cells only an earlier release has are added as unknowns (or constants, if printed),
  and its relations join the new ones (the same fact written twice is kept once).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.sdc.knowledge import INF, Knowledge
from app.core.sdc.periods import RefusedPeriods, unlinked_periods
from app.core.sdc.primary import Protection
from app.core.sdc.tables import COUNT, SUM, CellKey, Relation, TableSet

FORMAT = "casebook-release"
VERSION = 1

Printed = int | tuple[int, int] | None  # a count; a sum's interval; None when hidden


@dataclass(frozen=True)
class ReleasedCell:
    key: CellKey
    kind: str
    printed: Printed
    latent: bool = False  # never printed by this release (it links what was printed)

    def bounds(self) -> tuple[float, float]:
        if self.printed is None:
            return 0.0, INF
        if isinstance(self.printed, tuple):
            return float(self.printed[0]), float(self.printed[1])
        return float(self.printed), float(self.printed)


@dataclass(frozen=True)
class Release:
    """One publication, as a reader saw it."""

    label: str  # what was published, e.g. "2025-26 annual report"
    periods: tuple[str, ...]
    published_on: str  # ISO date
    threshold: int
    cells: tuple[ReleasedCell, ...]
    relations: tuple[Relation, ...]
    corrects: str | None = None  # the label of the release this one re-issues

    @classmethod
    def of(cls, tables: TableSet, hidden: Iterable[CellKey], *, label: str,
           periods: Sequence[str], published_on: str, threshold: int,
           corrects: str | None = None) -> Release:
        """The release a publication of `tables` with `hidden` cells hidden makes."""
        knowledge = Knowledge.of(tables, hidden)
        cells = []
        for key, cell in tables.cells.items():
            low, high = knowledge.bounds[key]
            printed: Printed
            if high == INF:
                printed = None  # hidden, or never printed (a complement, a linking period)
            elif cell.kind == SUM:
                printed = (int(low), int(high))
            else:
                printed = int(low)
            cells.append(ReleasedCell(key, cell.kind, printed, not cell.published))
        return cls(label, tuple(periods), published_on, threshold, tuple(cells),
                   tables.relations, corrects)

    @property
    def printed(self) -> dict[CellKey, ReleasedCell]:
        return {c.key: c for c in self.cells}

    # ----- JSON --------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "label": self.label,
            "periods": list(self.periods), "published_on": self.published_on,
            "threshold": self.threshold, "corrects": self.corrects,
            "cells": [{"key": list(c.key), "kind": c.kind,
                       "printed": list(c.printed) if isinstance(c.printed, tuple)
                       else c.printed, **({"latent": True} if c.latent else {})}
                      for c in self.cells],
            "relations": [{"name": r.name, "equality": r.equality,
                           "terms": [[list(k), c] for k, c in r.terms],
                           "total": list(r.total) if r.total is not None else None,
                           "attribute": r.attribute} for r in self.relations],
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Release:
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("This is not a release record Casebook can read.")
        cells = []
        for item in doc["cells"]:
            printed = item["printed"]
            value: Printed = (int(printed[0]), int(printed[1])) if isinstance(
                printed, list) else (None if printed is None else int(printed))
            kind = str(item["kind"])
            if kind not in (COUNT, SUM):
                raise ValueError(f"Unknown kind of cell in a release record: {kind}")
            cells.append(ReleasedCell(tuple(str(p) for p in item["key"]), kind, value,
                                      item.get("latent") is True))
        relations = tuple(
            Relation(tuple((tuple(str(p) for p in k), float(c)) for k, c in r["terms"]),
                     bool(r["equality"]), str(r["name"]),
                     tuple(str(p) for p in r["total"]) if r["total"] is not None else None,
                     bool(r["attribute"]))
            for r in doc["relations"])
        return cls(str(doc["label"]), tuple(str(p) for p in doc["periods"]),
                   str(doc["published_on"]), int(doc["threshold"]), tuple(cells), relations,
                   doc.get("corrects"))


@dataclass(frozen=True)
class RefusedChange:
    """A printed cell that has changed by a small number since an earlier release."""

    key: CellKey
    release: str
    before: int
    now: int
    where: str

    def explain(self) -> str:
        change = self.now - self.before
        return (f"{self.where} was published as {self.before} in {self.release} and would now "
                f"be {self.now}: the change ({change:+d}) is a small number, which a reader "
                "could work out by comparing the two.")


Refusal = RefusedChange | RefusedPeriods


def link_earlier(knowledge: Knowledge, releases: Sequence[Release], protection: Protection
                 ) -> list[Refusal]:
    """Add what earlier releases told a reader; return what must be refused: changes by a
    small number, and periods a reader could subtract that this release does not hold
    (app.core.sdc.periods)."""
    tables = knowledge.tables
    refused: list[Refusal] = list(unlinked_periods(
        {key[0] for key in tables.cells if key},
        {cell.key[0] for release in releases for cell in release.cells
         if cell.key and cell.printed is not None}))
    for release in releases:
        for cell in release.cells:
            if cell.key not in tables.cells:
                knowledge.add_cell(cell.key, cell.bounds())
                continue
            if cell.printed is None:
                continue
            now = tables.cells[cell.key].value
            low, high = cell.bounds()
            if low <= now <= high:
                knowledge.tighten(cell.key, (low, high), release.label)
            elif cell.kind == COUNT and protection.small(abs(now - int(low))):
                refused.append(RefusedChange(cell.key, release.label, int(low), now,
                                             tables.cells[cell.key].describe()))
            # otherwise the old value is stale (a larger change): not used
    if not releases:
        return refused
    seen = {r.canonical() for r in tables.relations}
    for release in releases:
        for relation in release.relations:
            canonical = relation.canonical()
            if canonical in seen:
                continue
            seen.add(canonical)
            knowledge.extra_relations.append(relation)
    return refused

"""Small-number suppression for published figures, so that no person can be picked out.

Used by the contact's KPI report and the board's report when they are made
"for publication"; internal outputs show exact figures.

The rules:
- Primary suppression: a count from 1 to threshold - 1 is hidden (the threshold
  is the casebook setting `small_number_threshold`, 5 unless changed). Zero is
  shown: "none" says nothing about a person, and hiding every zero would empty
  most tables of a small unit.
- Secondary suppression: figures sit in additive groups (parts and their total:
  outcomes at a stage add up to the concerns closed at that stage; NHS, local
  authority and both add up to the overall figure; units add up to the board).
  A group with exactly one hidden member would give it away by subtraction, so
  the smallest shown member of that group is hidden too, and so on until no
  group has exactly one hidden member. Totals are members like any other.
- Groups can also combine: hiding two cells in each of two rows can still leave
  one cell worked out from a column. So, after the groups settle, the whole set
  of group equations is solved for the hidden cells; any hidden cell the shown
  figures still determine gets a further cell hidden beside it, and the process
  repeats. (The check is linear: it does not use the fact that counts are
  never negative, so a reader can sometimes narrow a hidden cell to a range,
  never to one value.)
- Every hidden cell looks the same (`HIDDEN`, explained beside the table). If
  small and "hidden to protect" cells were marked differently, a reader could
  sometimes work the small one out from a total.
- A percentage or average is hidden whenever any figure it is made from is hidden.

`publication_view(figures, threshold)` applies all of this to the KPI figures
dict of core/kpi.py (and, for the board, to each unit's figures beside the
total); `suppress(cells, groups, threshold)` is the general form for any other
table, such as themes.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from app.core.kpi import OTHER_CLOSURE_KEYS, OUTCOME_KEYS, SERVICE_KEYS, STAGE_KEYS, Figures

THRESHOLD_SETTING = "small_number_threshold"
DEFAULT_THRESHOLD = 5
HIDDEN = "*"

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Suppressed:
    """A hidden count. `primary`: the count itself was small (kept for tests and checks;
    it is never shown, since showing it would undo the protection)."""

    primary: bool

    def __str__(self) -> str:
        return HIDDEN


Cell = int | Suppressed


def is_hidden(value: object) -> bool:
    return isinstance(value, Suppressed)


def threshold_from_setting(text: str | None) -> int:
    """The casebook's threshold setting as a number (the default when unset or unreadable)."""
    try:
        value = int((text or "").strip())
    except ValueError:
        return DEFAULT_THRESHOLD
    return value if value >= 1 else DEFAULT_THRESHOLD


def hidden_note(threshold: int) -> str:
    """The sentence that explains the marker, printed beside every suppressed table."""
    return (f"{HIDDEN} hidden to protect confidentiality: the number is between 1 and "
            f"{threshold - 1} (fewer than {threshold}), or it is hidden so that such a number "
            "cannot be worked out from the other figures.")


@dataclass(frozen=True)
class Group(Generic[K]):
    """Figures that add up: the parts sum to the total, so any one follows from the rest."""

    parts: tuple[K, ...]
    total: K

    @property
    def members(self) -> tuple[K, ...]:
        return (*self.parts, self.total)


# ----- the general method -------------------------------------------------------------


def suppress(cells: Mapping[K, int], groups: Iterable[Group[K]], threshold: int
             ) -> dict[K, Cell]:
    """Every cell, shown or hidden, such that no hidden cell can be worked out."""
    groups = [g for g in groups if all(m in cells for m in g.members)]
    hidden: dict[K, bool] = {k: True for k, v in cells.items() if 0 < v < threshold}
    while True:
        _settle_groups(cells, groups, hidden)
        recoverable = _recoverable(groups, hidden)
        if not recoverable:
            break
        if not _hide_beside(cells, groups, hidden, recoverable[0]):
            break  # nothing left to hide near it (cannot happen with consistent groups)
    return {k: Suppressed(hidden[k]) if k in hidden else v for k, v in cells.items()}


def _smallest_shown(cells: Mapping[K, int], members: Iterable[K], hidden: Mapping[K, bool]
                    ) -> K | None:
    """The shown member to give up: the smallest (least information lost), parts first."""
    shown = [(cells[m], i, m) for i, m in enumerate(members) if m not in hidden]
    if not shown:
        return None
    return min(shown, key=lambda item: (item[0], item[1]))[2]


def _settle_groups(cells: Mapping[K, int], groups: Sequence[Group[K]],
                   hidden: dict[K, bool]) -> None:
    """Hide more until no group has exactly one hidden member."""
    changed = True
    while changed:
        changed = False
        for group in groups:
            if sum(m in hidden for m in group.members) == 1:
                extra = _smallest_shown(cells, group.members, hidden)
                if extra is not None:
                    hidden[extra] = False
                    changed = True


def _hide_beside(cells: Mapping[K, int], groups: Sequence[Group[K]], hidden: dict[K, bool],
                 cell: K) -> bool:
    """Hide one more cell near a hidden cell that can still be worked out.

    Looks outwards from the cell through groups joined by hidden cells and gives
    up the smallest shown member of the nearest groups that have one.
    """
    seen_cells, seen_groups, frontier = {cell}, set(), [cell]
    while frontier:
        layer = [i for i, g in enumerate(groups)
                 if i not in seen_groups and any(m in frontier for m in g.members)]
        seen_groups.update(layer)
        candidates = [m for i in layer for m in groups[i].members]
        extra = _smallest_shown(cells, candidates, hidden)
        if extra is not None:
            hidden[extra] = False
            return True
        frontier = [m for m in candidates if m not in seen_cells]
        seen_cells.update(frontier)
    return False


# A large prime: the group equations are solved in arithmetic modulo it, which is
# quick and exact enough here (coefficients are 0 and +-1; see _recoverable).
_PRIME = (1 << 61) - 1


def _recoverable(groups: Sequence[Group[K]], hidden: Mapping[K, bool]) -> list[K]:
    """Hidden cells whose value the group equations fix, given every shown cell.

    Each group says sum(parts) - total = 0. Moving shown cells to the right-hand
    side leaves equations in the hidden cells; a hidden cell is fixed exactly
    when its unit vector lies in the row space, i.e. it is a pivot of the reduced
    row-echelon form whose row has no other non-zero entry. Working modulo a
    61-bit prime rather than in fractions can only err by finding a cell fixed
    that is not (more is hidden, the safe side); the reverse would need the
    prime to divide a minor of a 0/+-1 matrix, which does not happen at these sizes.
    """
    order = list(hidden)
    column = {k: i for i, k in enumerate(order)}
    rows: list[dict[int, int]] = []
    for group in groups:
        row: dict[int, int] = {}
        for member, sign in [*((p, 1) for p in group.parts), (group.total, -1)]:
            if member in column:
                c = column[member]
                row[c] = (row.get(c, 0) + sign) % _PRIME
        row = {c: v for c, v in row.items() if v}
        if row:
            rows.append(row)
    pivots = _reduce(rows)
    fixed = [order[c] for c, row in pivots.items() if len(row) == 1]
    return sorted(fixed, key=lambda k: column[k])


def _reduce(rows: list[dict[int, int]]) -> dict[int, dict[int, int]]:
    """Reduced row-echelon form of sparse rows modulo _PRIME: pivot column -> its row."""
    pivots: dict[int, dict[int, int]] = {}
    for row in rows:
        row = dict(row)
        for c in [c for c in row if c in pivots]:  # eliminate existing pivots
            _subtract(row, pivots[c], row.get(c, 0))
        row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        pivot = min(row)
        inverse = pow(row[pivot], _PRIME - 2, _PRIME)
        row = {c: v * inverse % _PRIME for c, v in row.items()}
        for other in pivots.values():  # keep earlier rows reduced against the new pivot
            if pivot in other:
                _subtract(other, row, other[pivot])
        pivots[pivot] = row
    return pivots


def _subtract(target: dict[int, int], row: dict[int, int], factor: int) -> None:
    """target -= factor * row, dropping entries that become zero."""
    if not factor:
        return
    for c, v in row.items():
        value = (target.get(c, 0) - factor * v) % _PRIME
        if value:
            target[c] = value
        else:
            target.pop(c, None)


# ----- the KPI figures ---------------------------------------------------------------------

ALL = "all"  # the block holding every service (the top level of the figures dict)
TOTAL_UNIT = ""  # the casebook's own figures, or the board total beside its units
BLOCKS: tuple[str, ...] = (ALL, *SERVICE_KEYS)

CellKey = tuple[str, ...]  # (unit, block, measure...), e.g. ("", "nhs", "closed", "stage1")


def _block_cells(block: Figures) -> dict[tuple[str, ...], int]:
    """The published counts of one block, with the totals and complements a reader could
    work out (received at both stages, closed outside timescale, not extended)."""
    cells: dict[tuple[str, ...], int] = {}
    received, closed = block["received"], block["closed"]
    for stage in STAGE_KEYS:
        cells[("received", stage)] = received[stage]
        cells[("closed", stage)] = closed[stage]
        for outcome in OUTCOME_KEYS:
            cells[("outcomes", stage, outcome)] = block["outcomes"][stage][outcome]
        within = block["within_timescale"][stage]
        cells[("within_timescale", stage)] = within
        cells[("outside_timescale", stage)] = closed[stage] - within
        extended = block["extended"][stage]
        cells[("extended", stage)] = extended
        cells[("not_extended", stage)] = received[stage] - extended
    cells[("received", "total")] = sum(received[s] for s in STAGE_KEYS)
    cells[("closed", "total")] = sum(closed[s] for s in STAGE_KEYS)
    for kind in ("anonymous", "unnamed"):
        cells[("received", kind)] = received[kind]
    for closure in OTHER_CLOSURE_KEYS:
        cells[("other_closures", closure)] = block.get("other_closures", {}).get(closure, 0)
    return cells


def _block_groups() -> list[Group[tuple[str, ...]]]:
    groups: list[Group[tuple[str, ...]]] = [
        Group((("received", "stage1"), ("received", "stage2")), ("received", "total")),
        Group((("closed", "stage1"), ("closed", "stage2")), ("closed", "total")),
    ]
    for stage in STAGE_KEYS:
        groups.append(Group(tuple(("outcomes", stage, o) for o in OUTCOME_KEYS),
                            ("closed", stage)))
        groups.append(Group((("within_timescale", stage), ("outside_timescale", stage)),
                            ("closed", stage)))
        groups.append(Group((("extended", stage), ("not_extended", stage)),
                            ("received", stage)))
    return groups


def _blocks_of(figures: Figures) -> dict[str, Figures]:
    blocks = {ALL: figures}
    blocks.update({s: figures["by_service"][s] for s in SERVICE_KEYS if s in
                   figures.get("by_service", {})})
    return blocks


@dataclass(frozen=True)
class PublicationFigures:
    """KPI figures made safe to publish: every count is an int or a Suppressed marker."""

    threshold: int
    cells: Mapping[CellKey, Cell]
    day_sums: Mapping[CellKey, int] = field(default_factory=dict)  # (unit, block, stage)
    units: tuple[str, ...] = ()

    def count(self, *measure: str, block: str = ALL, unit: str = TOTAL_UNIT) -> Cell:
        """One figure, e.g. count("outcomes", "stage1", "upheld", block="nhs")."""
        return self.cells[(unit, block, *measure)]

    def _ratio(self, numerator: Cell, denominator: Cell, scale: float
               ) -> float | Suppressed | None:
        if isinstance(numerator, Suppressed) or isinstance(denominator, Suppressed):
            return Suppressed(False)
        return None if denominator == 0 else scale * numerator / denominator

    def average_working_days(self, stage: str, block: str = ALL, unit: str = TOTAL_UNIT
                             ) -> float | Suppressed | None:
        closed = self.count("closed", stage, block=block, unit=unit)
        return self._ratio(self.day_sums.get((unit, block, stage), 0), closed, 1.0)

    def percent(self, numerator: tuple[str, ...], denominator: tuple[str, ...],
                block: str = ALL, unit: str = TOTAL_UNIT) -> float | Suppressed | None:
        return self._ratio(self.count(*numerator, block=block, unit=unit),
                           self.count(*denominator, block=block, unit=unit), 100.0)

    def derived(self, block: str = ALL, unit: str = TOTAL_UNIT) -> dict[str, Any]:
        """core.kpi.derived's shape for one block, hidden wherever an input is hidden."""

        def pct(num: tuple[str, ...], den: tuple[str, ...]) -> float | Suppressed | None:
            return self.percent(num, den, block, unit)

        return {
            "closed_percent": {s: pct(("closed", s), ("closed", "total")) for s in STAGE_KEYS},
            "outcomes_percent": {
                s: {o: pct(("outcomes", s, o), ("closed", s)) for o in OUTCOME_KEYS}
                for s in STAGE_KEYS
            },
            "average_working_days": {
                s: self.average_working_days(s, block, unit) for s in STAGE_KEYS
            },
            "within_timescale_percent": {
                s: pct(("within_timescale", s), ("closed", s)) for s in STAGE_KEYS
            },
            "extended_percent": {s: pct(("extended", s), ("received", s)) for s in STAGE_KEYS},
        }


def figure_groups(unit_names: Sequence[str] = ()) -> tuple[list[CellKey], list[Group[CellKey]]]:
    """Every cell key and additive group for a total (and, for a board, its units)."""
    measures = list(_block_cells(_zero_block()))
    units = [TOTAL_UNIT, *unit_names]
    keys = [(u, b, *m) for u in units for b in BLOCKS for m in measures]
    groups: list[Group[CellKey]] = []
    for unit in units:
        for block in BLOCKS:
            groups.extend(Group(tuple((unit, block, *p) for p in g.parts),
                                (unit, block, *g.total)) for g in _block_groups())
        for measure in measures:  # NHS + local authority + both = all services
            groups.append(Group(tuple((unit, s, *measure) for s in SERVICE_KEYS),
                                (unit, ALL, *measure)))
    if unit_names:
        for block in BLOCKS:
            for measure in measures:  # the units add up to the board
                groups.append(Group(tuple((u, block, *measure) for u in unit_names),
                                    (TOTAL_UNIT, block, *measure)))
    return keys, groups


def _zero_block() -> Figures:
    zero_stages = dict.fromkeys(STAGE_KEYS, 0)
    return {
        "received": {**zero_stages, "anonymous": 0, "unnamed": 0},
        "closed": dict(zero_stages),
        "outcomes": {s: dict.fromkeys(OUTCOME_KEYS, 0) for s in STAGE_KEYS},
        "within_timescale": dict(zero_stages),
        "extended": dict(zero_stages),
        "other_closures": dict.fromkeys(OTHER_CLOSURE_KEYS, 0),
    }


def publication_view(figures: Figures, threshold: int,
                     units: Mapping[str, Figures] | None = None) -> PublicationFigures:
    """The figures as they may be published: small counts hidden, and enough others hidden
    that none of them can be worked out. `units` (board reports) are protected together
    with the total, since the units add up to it."""
    sources = {TOTAL_UNIT: figures, **dict(units or {})}
    cells: dict[CellKey, int] = {}
    day_sums: dict[CellKey, int] = {}
    for unit, unit_figures in sources.items():
        for block, block_figures in _blocks_of(unit_figures).items():
            for measure, value in _block_cells(block_figures).items():
                cells[(unit, block, *measure)] = value
            for stage in STAGE_KEYS:
                day_sums[(unit, block, stage)] = block_figures["working_days"][stage]["sum"]
    _, groups = figure_groups(tuple(units or {}))
    return PublicationFigures(threshold, suppress(cells, groups, threshold), day_sums,
                              tuple(units or {}))


def exact_view(figures: Figures, units: Mapping[str, Figures] | None = None
               ) -> PublicationFigures:
    """The same view with nothing hidden, so one renderer serves internal and public reports."""
    view = publication_view(figures, 0, units)  # a threshold of 0 hides nothing
    return view

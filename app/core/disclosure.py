"""Small-number suppression for published figures, so that no person can be picked out.

Used by the contact's KPI report and the board's report when they are made "for
publication"; internal outputs show exact figures. The work is done by the disclosure
control engine in app/core/sdc (read its package docstring for the method); this module
gives the outputs the figures in the shape they print:

- `protect_report(figures, threshold, units, themes)`: the KPI figures (and, for a board,
  each unit's figures beside the total, and the per-theme counts) as one linked table set:
  counts from 1 to threshold - 1 hidden, zeros that would show a small group all in one
  outcome hidden, and enough other figures hidden that no hidden count can be narrowed by
  a reader past "0 to threshold or more", using every relation between the figures
  (services, stages, outcomes, timeliness, extensions, units, themes) and the averages'
  rounding; then audited. Raises DisclosureError, saying why, when the audit fails.
- `publication_view(figures, threshold, units)`: the same, the view only.
- `exact_view` / `exact_report`: the same shape with nothing hidden, for internal reports.
- `suppress(cells, groups, threshold)`: the general form for any other table with parts
  adding up to totals.

Zero is shown unless it must be hidden: "none" says nothing about a person. Every hidden
cell looks the same (`HIDDEN`); if small and "hidden to protect" cells were marked
differently, a reader could sometimes work the small one out from a total. A percentage
or average is hidden whenever any figure it is made from is hidden, and an average may
be hidden on its own where it would narrow a hidden count (a response over the
timescale took more than its working days).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from app.core.kpi import SERVICE_KEYS, STAGE_KEYS, Figures
from app.core.sdc import (
    Cell as TableCell,
)
from app.core.sdc import (
    Layout,
    PeriodFigures,
    Protection,
    Relation,
    TableSetBuilder,
    kpi_tables,
)
from app.core.sdc.kpi import (
    CONTRACTED_KEYS,
    THEME_PREFIX,
    block_measures,
    block_values,
    theme_values,
)

if TYPE_CHECKING:  # the solver loads when figures are protected, not when they are shown
    from app.core.sdc import Publication, Release

HIDDEN = "*"

K = TypeVar("K", bound=Hashable)


class DisclosureError(ValueError):
    """The figures cannot be published as they are: the reason says which table and why."""


@dataclass(frozen=True)
class Suppressed:
    """A hidden count. `primary`: the count itself must be protected (kept for tests and
    checks; it is never shown, since showing it would undo the protection)."""

    primary: bool

    def __str__(self) -> str:
        return HIDDEN


Cell = int | Suppressed


def is_hidden(value: object) -> bool:
    return isinstance(value, Suppressed)


def hidden_note(threshold: int) -> str:
    """The sentence that explains the marker, printed beside every suppressed table."""
    return (f"{HIDDEN} hidden to protect confidentiality: the number is between 1 and "
            f"{threshold - 1} (fewer than {threshold}), or it is hidden so that such a number "
            "cannot be worked out from the other figures, here or in earlier publications.")


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
    """Every cell, shown or hidden, such that no hidden small cell can be worked out."""
    if threshold <= 1:
        return dict(cells)
    names = {key: (str(i),) for i, key in enumerate(cells)}
    from app.core.sdc.protect import protect

    builder = TableSetBuilder()
    for key, value in cells.items():
        builder.add(TableCell(names[key], value, label=str(key)))
    for group in groups:
        if all(m in cells for m in group.members):
            builder.relate(Relation.additive([names[p] for p in group.parts],
                                             names[group.total], "parts add up to the total"))
    published = protect(builder.build(), Protection(threshold))
    _raise_unless_passed(published)
    protected = published.audit.protected
    return {key: Suppressed(names[key] in protected) if names[key] in published.hidden
            else value for key, value in cells.items()}


def _raise_unless_passed(published: Publication) -> None:
    if not published.audit.passed:
        raise DisclosureError("These figures cannot be published: "
                              + published.audit.reason)


# ----- the KPI figures ---------------------------------------------------------------------

ALL = "all"  # the block holding every service (the top level of the figures dict)
TOTAL_UNIT = ""  # the casebook's own figures, or the board total beside its units
BLOCKS: tuple[str, ...] = (ALL, *SERVICE_KEYS)
PERIOD = ""  # the one period of a report's table set

CellKey = tuple[str, ...]  # (unit, block, measure...), e.g. ("", "nhs", "closed", "stage1")


@dataclass(frozen=True)
class PublicationFigures:
    """KPI figures made safe to publish: every count is an int or a Suppressed marker."""

    threshold: int
    cells: Mapping[CellKey, Cell]
    day_sums: Mapping[CellKey, Cell] = field(default_factory=dict)  # (unit, block, stage)
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
        from app.core.kpi import OUTCOME_KEYS

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


ThemeKey = tuple[str, str]  # (theme code, "stage1" | "stage2" | "outside")


@dataclass(frozen=True)
class ProtectedReport:
    """A report's figures as printed: the KPI view, the theme counts, and (for publication)
    the engine's result with its audit."""

    view: PublicationFigures
    themes: Mapping[ThemeKey, Cell]
    publication: Publication | None = None


def _count_measures() -> list[tuple[str, ...]]:
    return [m for m, _, _ in block_measures() if m[0] != "working_days"]


def _blocks(figures: Figures) -> dict[str, Figures]:
    blocks = {ALL: figures}
    blocks.update({s: figures["by_service"][s] for s in SERVICE_KEYS
                   if s in figures.get("by_service", {})})
    return blocks


def period_figures(label: str, figures: Figures, units: Mapping[str, Figures] | None = None,
                   themes: Mapping[str, Figures] | None = None, *, published: bool = True,
                   parts: Sequence[str] = ()) -> PeriodFigures:
    """One period of a release, in the engine's shape: themes for the whole only (a board's
    units' themes are not printed), units without theirs."""
    total = dict(figures)
    if themes is not None:
        total["by_theme"] = dict(themes)
    else:
        total.pop("by_theme", None)
    plain_units = {name: {k: v for k, v in unit.items() if k != "by_theme"}
                   for name, unit in (units or {}).items()}
    return PeriodFigures(label, total, plain_units, published, tuple(parts))


def protect_report(figures: Figures, threshold: int,
                   units: Mapping[str, Figures] | None = None,
                   themes: Mapping[str, Figures] | None = None,
                   earlier: Sequence[Release] = (), *, period: str = PERIOD,
                   linked: Sequence[PeriodFigures] = (), parts: Sequence[str] = (),
                   on_progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ProtectedReport:
    """The figures as they may be published (see the module's description). `units`
    (board reports) are protected together with the total, since the units add up to it;
    `themes` (code -> KPI block) are protected with them, since a theme's count is at most
    the total's. `period` labels the cells (so that the release links with others in the
    register); `linked` are periods not printed that join this one to `earlier` releases
    (the other quarters of its year, the year), and `parts` the labels of the linked
    periods this one is the sum of."""
    printed = period_figures(period, figures, units, themes, parts=parts)
    from app.core.sdc.protect import protect

    tables = kpi_tables([*linked, printed], Layout(views=False))
    published = protect(tables, Protection(threshold), earlier, on_progress=on_progress,
                        cancelled=cancelled)
    _raise_unless_passed(published)
    hidden, protected = published.hidden, published.audit.protected

    def shown(key: tuple[str, ...], value: int) -> Cell:
        full = (period, *key)
        return Suppressed(full in protected) if full in hidden else value

    return _report(figures, units, themes, threshold, shown, published, period)


def exact_report(figures: Figures, units: Mapping[str, Figures] | None = None,
                 themes: Mapping[str, Figures] | None = None) -> ProtectedReport:
    """The same shape with nothing hidden, so one renderer serves internal reports too."""
    return _report(figures, units, themes, 0, lambda key, value: value, None, PERIOD)


def _report(figures: Figures, units: Mapping[str, Figures] | None,
            themes: Mapping[str, Figures] | None, threshold: int,
            shown: Callable[[tuple[str, ...], int], Cell],
            published: Publication | None, period: str) -> ProtectedReport:
    sources = {TOTAL_UNIT: figures, **dict(units or {})}
    cells: dict[CellKey, Cell] = {}
    day_sums: dict[CellKey, Cell] = {}
    for unit, unit_figures in sources.items():
        for block, block_figures in _blocks(unit_figures).items():
            values = block_values(block_figures)
            for measure in _count_measures():
                key = (unit, block, *measure)
                value = values[measure]
                cells[key] = shown(key, value)
            # Never printed; hidden when its parts do not show it.
            latent = [("not_extended", stage, "extended") for stage in STAGE_KEYS] + [
                ("not_contracted", key, "contracted") for key in CONTRACTED_KEYS]
            for name, stage, part in latent:
                key = (unit, block, name, stage)
                parts = [cells[(unit, block, "received", stage)],
                         cells[(unit, block, part, stage)]]
                if published is not None and (any(is_hidden(p) for p in parts) or (
                        period, *key) in published.audit.protected):
                    cells[key] = Suppressed((period, *key) in published.audit.protected)
            for stage in STAGE_KEYS:
                day_sums[(unit, block, stage)] = shown((unit, block, "working_days", stage),
                                                       values[("working_days", stage)])
    theme_cells: dict[ThemeKey, Cell] = {}
    for code, theme in (themes or {}).items():
        for measure, value in theme_values(theme).items():
            theme_cells[(code, measure[1])] = shown(
                (TOTAL_UNIT, THEME_PREFIX + code, *measure), value)
    view = PublicationFigures(threshold, cells, day_sums, tuple(units or {}))
    return ProtectedReport(view, theme_cells, published)


def publication_view(figures: Figures, threshold: int,
                     units: Mapping[str, Figures] | None = None) -> PublicationFigures:
    """The figures as they may be published: small counts hidden, and enough others hidden
    that none of them can be worked out. `units` (board reports) are protected together
    with the total, since the units add up to it."""
    return protect_report(figures, threshold, units).view


def exact_view(figures: Figures, units: Mapping[str, Figures] | None = None
               ) -> PublicationFigures:
    """The same view with nothing hidden, so one renderer serves internal and public reports."""
    return exact_report(figures, units).view


def figure_groups(unit_names: Sequence[str] = ()) -> tuple[list[CellKey], list[Group[CellKey]]]:
    """Every count cell key of a report (a total and, for a board, its units) and the
    additive groups between them, from the same definitions the engine uses
    (app.core.sdc.kpi): for checks from outside the engine."""
    from app.core.kpi import empty_figures
    from app.core.periods import parse_period

    zero = empty_figures(parse_period("2025-26"))
    tables = kpi_tables([PeriodFigures(PERIOD, zero, dict.fromkeys(unit_names, zero))],
                        Layout(views=False, themes=False))
    keys = [key[1:] for key, cell in tables.cells.items() if cell.kind == "count"]
    groups: list[Group[CellKey]] = []
    for relation in tables.relations:
        if relation.total is None or any(tables.cells[k].kind != "count" for k in relation.keys):
            continue
        groups.append(Group(tuple(k[1:] for k in relation.parts), relation.total[1:]))
    return keys, groups


def blank_release(period: str, figures: Figures, units: Sequence[str], threshold: int,
                  label: str, published_on: str) -> Release:
    """The release of a report for `period` (its cells and the relations between them,
    with units as given, and every theme) with nothing printed: the frame into which a
    file published outside the app is read. `figures` are any figures of the period's
    shape (their values are not kept)."""
    from app.core.records import THEMES
    from app.core.sdc import Release

    themes = dict.fromkeys(sorted(THEMES), figures)
    tables = kpi_tables([period_figures(period, figures, dict.fromkeys(units, figures),
                                        themes)], Layout(views=False))
    return Release.of(tables, [k for k, c in tables.cells.items() if c.published],
                      label=label, periods=[period], published_on=published_on,
                      threshold=threshold)

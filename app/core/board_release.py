"""A board report kind (quarterly, annual, IJB, trends) as a release in the publication
register's key space, so that it is protected against the board's KPI report and every
other earlier release, and later ones against it.

The kinds print the KPI figures under their own names (section kpi4, measure
stage_entries...); here each is mapped onto the cell the KPI report's release has for the
same figure (app/core/sdc/kpi.py: `(period, unit, block, *measure)`), built by
`kpi_tables` from the very figures the report was made from (`BoardReport.figures`), and
checked to agree. Every cell is latent (not printed) except those the report prints; a
sum of working days is printed where the report prints its average.

The kinds' own counts (distinct concerns, themes of every concern received, signposting)
have keys of their own, `(period, unit, service, "board", section, measure, stage)`, and
the relations a reader knows of them: the services add up to all services and to the two
views; the units add up to all units; a year's quarters add up to it; a theme's concerns
are among all concerns received; and stage-1 entries are at most the distinct concerns,
which are at most the stage entries (where the figures bear it out).

A period's units are in the release only where this report or an earlier release prints
unit figures for it (otherwise the units would add nothing a reader knows). A report for
one unit (`--unit`) prints that unit's figures as its total: they are keyed with the
unit's name, beside the board's all-units total (latent).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from app.core.board_tables import (
    ALL,
    TOTAL,
    Average,
    BoardReport,
    Key,
    kpi_cells,
    publication_report,
    signpost_cells,
    theme_cells,
)
from app.core.kpi import OTHER_CLOSURE_KEYS, OUTCOME_KEYS, SERVICE_KEYS, STAGE_KEYS, Figures
from app.core.records import THEMES
from app.core.sdc import Cell, CellKey, Layout, PeriodFigures, Relation, Release, TableSet
from app.core.sdc.kpi import VIEWS, kpi_tables
from app.core.sdc.periods import parts_of, year_of
from app.core.sdc.tables import COUNT, TableSetBuilder
from app.core.timescales import DEFAULT_TIMESCALES, Timescales

BOARD = "board"  # the fourth part of the key of a kinds-only cell
SERVICES = (ALL, *SERVICE_KEYS, *VIEWS)
Sources = Mapping[str, tuple[Figures, Mapping[str, Figures]]]  # period -> (total, units)


@dataclass(frozen=True)
class KindsRelease:
    """The report's cells as one table set in the register's key space."""

    tables: TableSet
    keys: Mapping[Key, CellKey]  # each printed cell of the report -> its engine cell
    averages: Mapping[Key, CellKey]  # closed count of a printed average -> its sum's cell
    periods: tuple[str, ...]  # the periods the report prints


def kpi_measure(section: str, measure: str, stage: str) -> tuple[str, ...] | None:
    """The KPI release's measure of a kinds cell, or None for the kinds' own counts."""
    if section == "kpi4" and measure == "stage_entries":
        return ("received", stage)
    if section == "outside_standards":
        return ("received", measure)
    if section == "kpi5" and measure == "closed":
        return ("closed", stage)
    if section == "kpi6" and measure in OUTCOME_KEYS:
        return ("outcomes", stage, measure)
    if section == "kpi8":
        return ({"within_timescale": "within_timescale",
                 "over_timescale": "outside_timescale"}[measure], stage)
    if section == "kpi9" and measure == "extended":
        return ("extended", stage)
    if section == "other_closures" and measure in OTHER_CLOSURE_KEYS:
        return ("other_closures", measure)
    return None


def engine_unit(report: BoardReport, unit: str) -> str:
    """A report for one unit prints that unit's figures as its total."""
    return report.unit if unit == TOTAL and report.unit else unit


def engine_key(report: BoardReport, key: Key) -> CellKey:
    section, measure, stage, service, unit, period = key
    where = (period, engine_unit(report, unit), service)
    found = kpi_measure(section, measure, stage)
    if found is not None:
        return (*where, *found)
    return (*where, BOARD, section, measure, stage)


def _kinds_values(figures: Figures, service: str) -> dict[tuple[str, str, str], int]:
    """Every kinds-only count of one (period, unit) for a service."""
    cells, _ = kpi_cells(figures, service)
    out = {("kpi4", "concerns", ""): cells[("kpi4", "concerns", "")]}
    out.update(theme_cells(figures, service))
    out.update(signpost_cells(figures, service))
    return out


def _family_closure(periods: Iterable[str], within: Iterable[str]) -> set[str]:
    """`periods` with every other period of their financial years among `within`."""
    given = set(periods)
    years = {year_of(p) for p in given} - {None}
    return {p for p in within if p in given or year_of(p) in years}


def kinds_tables(report: BoardReport, sources: Sources, *, linked: Sequence[str] = (),
                 earlier: Sequence[Release] = (),
                 timescales: Timescales = DEFAULT_TIMESCALES) -> KindsRelease:
    """The release of a report kind (see the module). `sources[period]` is the board's
    (all-units total, units' figures) for every period printed or `linked` (periods not
    printed that join this release to `earlier` ones); the report's own recorded figures
    are used where it has them. ValueError when the figures do not agree."""
    report = publication_report(report)
    keys = {key: engine_key(report, key) for key in report.cells}
    printed_periods = tuple(sorted({k[5] for k in report.cells}))
    periods = sorted(set(printed_periods) | set(linked))
    missing = [p for p in periods if p not in sources]
    if missing:
        raise ValueError(f"The figures of {missing[0]} are needed to protect this report.")
    earlier_periods = {c.key[0] for r in earlier for c in r.cells if c.key}
    unit_periods = {k[0] for k in keys.values() if k[1] != TOTAL} | {
        c.key[0] for r in earlier for c in r.cells if len(c.key) > 1 and c.key[1] != TOTAL}
    kpi_periods = _family_closure(
        {k[0] for k in keys.values() if k[3] != BOARD or k[4] == "kpi4"} | earlier_periods,
        periods)
    board_periods = _family_closure(
        {k[0] for k in keys.values() if k[3] == BOARD} | {
            c.key[0] for r in earlier for c in r.cells if len(c.key) > 3 and c.key[3] == BOARD},
        periods)
    kpi_periods |= {p for p in board_periods
                    if any(k[0] == p and k[4] == "kpi4" for k in keys.values()
                           if k[3] == BOARD)}

    figures: dict[str, tuple[Figures, dict[str, Figures]]] = {}
    for period in periods:
        total, units = sources[period]
        own = {engine_unit(report, u): f for (p, u), f in report.figures.items()
               if p == period}
        if TOTAL in own and not report.unit:
            total = own[TOTAL]
        # A unit with no return for the period (an IJB report's quarter) has no figures
        # there: the report's (empty) ones join the others, and must still add up.
        shown_units = {u: own.get(u, f) for u, f in units.items()}
        shown_units.update({u: f for u, f in own.items() if u != TOTAL})
        figures[period] = (total, shown_units if period in unit_periods else {})

    builder = TableSetBuilder()
    if kpi_periods:
        engine = kpi_tables(
            [PeriodFigures(p, _with_themes(figures[p][0]), _plain(figures[p][1]),
                           published=False) for p in sorted(kpi_periods)],
            Layout(services=True, views=True, themes=True, timescales=timescales))
        for cell in engine.cells.values():
            builder.add(cell)
        builder.relate_all(engine.relations)
    # The kinds-only cells earlier releases hold for these periods are in this release too,
    # so that the audit protects them (a cell only an earlier release has is not).
    before: set[CellKey] = {c.key for r in earlier for c in r.cells
                            if len(c.key) == 7 and c.key[3] == BOARD and c.key[0] in board_periods}
    _kinds_cells(builder, keys, before, figures, sorted(board_periods), kpi_periods)

    averages = _averages(report, keys)
    printed = set(keys.values()) | set(averages.values())
    missing_cells = [k for k in printed if k not in builder.cells]
    if missing_cells:
        raise ValueError(f"The report prints a figure the release does not hold: "
                         f"{missing_cells[0]}")
    for key, engine_cell in keys.items():
        value = builder.cells[engine_cell].value
        if value != report.cells[key]:
            raise ValueError(f"The report's figure {' / '.join(p for p in key if p)} is "
                             f"{report.cells[key]}, but the figures it was made from give "
                             f"{value}.")
    cells = {k: replace(c, published=True) if k in printed else c
             for k, c in builder.cells.items()}
    tables = TableSet(cells, tuple(builder.relations), tuple(builder.tables))
    broken = tables.broken()
    if broken:
        raise ValueError(f"The figures do not add up ({broken[0].name}): they cannot be "
                         "published together.")
    return KindsRelease(tables, keys, averages, printed_periods)


def _with_themes(total: Figures) -> Figures:
    return total if total.get("by_theme") else {k: v for k, v in total.items()
                                                 if k != "by_theme"}


def _plain(units: Mapping[str, Figures]) -> dict[str, Figures]:
    return {name: {k: v for k, v in f.items() if k != "by_theme"} for name, f in units.items()}


def _averages(report: BoardReport, keys: Mapping[Key, CellKey]) -> dict[Key, CellKey]:
    out: dict[Key, CellKey] = {}
    for table in report.tables:
        for _, entries in table.rows:
            for entry in entries:
                if isinstance(entry, Average) and entry.closed in keys:
                    closed = keys[entry.closed]
                    out[entry.closed] = (*closed[:3], "working_days", closed[4])
    return out


def _kinds_cells(builder: TableSetBuilder, keys: Mapping[Key, CellKey], before: set[CellKey],
                 figures: Mapping[str, tuple[Figures, Mapping[str, Figures]]],
                 periods: Sequence[str], kpi_periods: set[str]) -> None:
    """The kinds-only cells of `periods` (every unit in the release, every measure the
    report or an earlier release (`before`) prints, every service where either prints more
    than all services) and their relations."""
    printed = {k for k in keys.values() if k[3] == BOARD} | before
    measures = sorted({(k[4], k[5], k[6]) for k in printed})
    if not measures:
        return
    split = {m for m in measures if any(k[4:] == m and k[2] != ALL for k in printed)}

    def key(period: str, unit: str, service: str, measure: tuple[str, ...]) -> CellKey:
        return (period, unit, service, BOARD, *measure)

    for period in periods:
        total, units = figures[period]
        for unit, unit_figures in {TOTAL: total, **units}.items():
            for service in SERVICES:
                wanted = [m for m in measures if service == ALL or m in split]
                if not wanted:
                    continue
                values = _kinds_values(unit_figures, service)
                for m in wanted:
                    where = f"{period}, {unit or 'all units'}, {service}"
                    builder.add(Cell(key(period, unit, service, m), values[m], COUNT,
                                     f"{_table_name(m)} ({where})", _label(m), False))
    cells = builder.cells
    for period in periods:
        _, units = figures[period]
        for unit in (TOTAL, *units):
            for m in measures:
                if m in split:
                    builder.relate(Relation.additive(
                        [key(period, unit, s, m) for s in SERVICE_KEYS],
                        key(period, unit, ALL, m),
                        "NHS, local authority and both add up to all services"))
                    for view, both in VIEWS.items():
                        builder.relate(Relation.additive(
                            [key(period, unit, s, m) for s in both],
                            key(period, unit, view, m), "the service views add up"))
            for service in SERVICES:
                all_concerns = key(period, unit, service, ("themes", "all_concerns", ""))
                for code in THEMES:
                    theme = key(period, unit, service, ("themes", code, ""))
                    if theme in cells and all_concerns in cells:
                        builder.relate(Relation.at_most(
                            [(theme, 1.0), (all_concerns, -1.0)],
                            "a theme's concerns are among all concerns received"))
                concerns = key(period, unit, service, ("kpi4", "concerns", ""))
                entries = (period, unit, service, "received")
                if concerns in cells and period in kpi_periods \
                        and (*entries, "total") in cells:
                    _concern_bounds(builder, concerns, entries)
        if units:
            for service in SERVICES:
                for m in measures:
                    total_key = key(period, TOTAL, service, m)
                    in_units = [key(period, u, service, m) for u in units]
                    if total_key in cells and all(p in cells for p in in_units):
                        builder.relate(Relation.additive(in_units, total_key,
                                                         "the units add up to all units"))
    for period in periods:
        quarters = parts_of(period)
        if not quarters or not all(q in periods for q in quarters):
            continue
        for k in [k for k in cells if k[0] == period and len(k) > 3 and k[3] == BOARD]:
            in_quarters = [(q, *k[1:]) for q in quarters]
            if all(p in cells for p in in_quarters):
                builder.relate(Relation.additive(in_quarters, k,
                                                 f"{', '.join(quarters)} add up to {period}"))


def _concern_bounds(builder: TableSetBuilder, concerns: CellKey,
                    entries: tuple[str, ...]) -> None:
    """Stage-1 entries <= distinct concerns <= all stage entries, where the figures bear it
    out (a concern is counted on its first stage entry, at stage 1 unless it began at 2)."""
    cells = builder.cells
    stage1, total = (*entries, STAGE_KEYS[0]), (*entries, "total")
    value = cells[concerns].value
    if cells[stage1].value <= value:
        builder.relate(Relation.at_most([(stage1, 1.0), (concerns, -1.0)],
                                        "a concern entering stage 1 is a concern received"))
    if value <= cells[total].value:
        builder.relate(Relation.at_most([(concerns, 1.0), (total, -1.0)],
                                        "each concern counted entered a stage"))


def _table_name(measure: tuple[str, ...]) -> str:
    return {"kpi4": "KPI 4: concerns received", "themes": "Themes of every concern received",
            "signposting": "Signposting"}.get(measure[0], measure[0])


def _label(measure: tuple[str, ...]) -> str:
    section, name, _ = measure
    if section == "kpi4":
        return "concerns (each counted once)"
    if section == "themes":
        return "all concerns received" if name == "all_concerns" else THEMES.get(name, name)
    return f"signposted to {name}"

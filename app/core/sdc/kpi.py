"""The KPI figures as a linked table set: the one place their cells and relations are written.

Input: for each period of a release, the figures of core/kpi.py (with by_service,
and by_theme as return figures carry it) for the whole (the casebook, or the
board's all-units total) and, for a board, for each unit. A period may be the sum
of others (a year of its quarters; a year-to-date of the quarters so far); a period
the release does not print (`published=False`) still links the others, so what a
reader could work out by subtraction (a quarter between two releases) is protected.

Cell keys are `(period, unit, block, *measure)`: unit "" is the whole; block is
"all", a service type ("nhs", "local_authority", "both"), a service view
("nhs_services" = nhs + both, "local_authority_services" = local_authority + both)
or a theme ("theme.<code>"). The measures of a service block:

    received stage1 | stage2 | total | anonymous | unnamed
    closed stage1 | stage2 | total
    outcomes <stage> upheld | partially_upheld | not_upheld
    within_timescale <stage>, outside_timescale <stage>
    extended <stage>, not_extended <stage> (never printed: received - extended)
    other_closures withdrawn | transferred | not_taken_forward
    contracted stage1 | stage2 | anonymous | unnamed (about contracted or primary-care
        services), not_contracted <the same> (never printed: received - contracted)
    working_days <stage> (the sum of working days, printed as the average over closed)

and of a theme block: received stage1 | stage2 | outside (anonymous + unnamed).

What a reader knows (the relations), all written here:
- stage 1 and stage 2 add up to the total (received, closed);
- the outcomes add up to those closed in full at the stage; within plus over the
  timescale is those closed; extended plus not extended is those received; concerns about
  contracted services and about others add up to those received;
- a response over the timescale took at least timescale + 1 working days, one within it
  at most the timescale, and none took more than `longest_response` working days;
- NHS, local authority and both add up to all services; NHS services = NHS + both;
  local-authority services = local authority + both;
- the units add up to all units; a period's parts add up to it (a financial year is
  its four quarters whenever all five are given, whether or not `parts` says so);
- a theme's concerns are among all concerns (a concern may have several themes, so
  themes do not add up).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.kpi import OTHER_CLOSURE_KEYS, OUTCOME_KEYS, SERVICE_KEYS, STAGE_KEYS, Figures
from app.core.records import THEMES, Stage
from app.core.sdc.periods import parts_of
from app.core.sdc.tables import COUNT, SUM, Cell, CellKey, Relation, TableSet, TableSetBuilder
from app.core.timescales import DEFAULT_TIMESCALES, Timescales

ALL = "all"
WHOLE = ""  # the unit key of the casebook's own figures, or of the board's all-units total
NHS_VIEW = "nhs_services"
LA_VIEW = "local_authority_services"
VIEWS: dict[str, tuple[str, str]] = {NHS_VIEW: ("nhs", "both"),
                                     LA_VIEW: ("local_authority", "both")}
THEME_PREFIX = "theme."
LONGEST_RESPONSE = 520  # working days (two years): no full response is assumed to take longer

BLOCK_NAMES = {ALL: "all services", "nhs": "NHS", "local_authority": "local authority",
               "both": "NHS and local authority", NHS_VIEW: "NHS services (NHS and both)",
               LA_VIEW: "local-authority services (local authority and both)"}
STAGE_NAMES = {"stage1": "stage 1", "stage2": "stage 2"}
OUTCOME_NAMES = {"upheld": "upheld", "partially_upheld": "partially upheld",
                 "not_upheld": "not upheld"}
CONTRACTED_KEYS = ("stage1", "stage2", "anonymous", "unnamed")
CONTRACTED_NAMES = {"stage1": "received at stage 1", "stage2": "received at stage 2",
                    "anonymous": "anonymous", "unnamed": "unnamed"}
LATENT = frozenset({"not_extended", "not_contracted"})  # never printed: worked out
CLOSURE_NAMES = {"withdrawn": "withdrawn", "transferred": "transferred",
                 "not_taken_forward": "not taken forward"}


@dataclass(frozen=True)
class PeriodFigures:
    """One period's figures in a release."""

    label: str
    total: Figures  # the whole: the casebook, or the board's all-units total
    units: Mapping[str, Figures] = field(default_factory=dict)  # a board's units
    published: bool = True  # False: not printed, but it links printed periods
    parts: tuple[str, ...] = ()  # labels of the periods that add up to this one


@dataclass(frozen=True)
class Layout:
    """What a release prints of each period, unit and block."""

    services: bool = True  # the nhs / local_authority / both blocks
    views: bool = False  # the NHS-services and local-authority-services views
    themes: bool = True  # received by theme (for the whole and each unit, where given)
    unit_themes: bool = False  # themes per unit too (a board's unit figures carry them)
    timescales: Timescales = DEFAULT_TIMESCALES
    longest_response: int = LONGEST_RESPONSE


def block_measures() -> list[tuple[tuple[str, ...], str, str]]:
    """(measure, table, label) of every cell in a service block, in report order."""
    out: list[tuple[tuple[str, ...], str, str]] = []
    received = "KPI 4: concerns received"
    for stage in STAGE_KEYS:
        out.append((("received", stage), received, f"received at {STAGE_NAMES[stage]}"))
    out.append((("received", "total"), received, "received at both stages"))
    for kind in ("anonymous", "unnamed"):
        out.append((("received", kind), "Anonymous and unnamed concerns", f"{kind} concerns"))
    closed = "KPI 5: concerns closed"
    for stage in STAGE_KEYS:
        out.append((("closed", stage), closed, f"closed at {STAGE_NAMES[stage]}"))
    out.append((("closed", "total"), closed, "closed in full"))
    for stage in STAGE_KEYS:
        for outcome in OUTCOME_KEYS:
            out.append((("outcomes", stage, outcome), "KPI 6: outcomes",
                        f"{STAGE_NAMES[stage]}: {OUTCOME_NAMES.get(outcome, outcome)}"))
    for stage in STAGE_KEYS:
        out.append((("working_days", stage), "KPI 7: average working days",
                    f"{STAGE_NAMES[stage]}: average working days"))
    for stage in STAGE_KEYS:
        table = "KPI 8: closed within the timescale"
        out.append((("within_timescale", stage), table,
                    f"{STAGE_NAMES[stage]}: within the timescale"))
        out.append((("outside_timescale", stage), table,
                    f"{STAGE_NAMES[stage]}: over the timescale"))
    for stage in STAGE_KEYS:
        out.append((("extended", stage), "KPI 9: extensions",
                    f"{STAGE_NAMES[stage]}: extension authorised"))
        out.append((("not_extended", stage), "KPI 9: extensions",
                    f"{STAGE_NAMES[stage]}: no extension"))
    for closure in OTHER_CLOSURE_KEYS:
        out.append((("other_closures", closure), "Concerns closed in other ways",
                    CLOSURE_NAMES.get(closure, closure)))
    table = "Contracted or primary-care services"
    for key in CONTRACTED_KEYS:
        out.append((("contracted", key), table,
                    f"{CONTRACTED_NAMES[key]}: about contracted or primary-care services"))
        out.append((("not_contracted", key), table,
                    f"{CONTRACTED_NAMES[key]}: about other services"))
    return out


THEME_MEASURES: tuple[tuple[str, ...], ...] = (("received", "stage1"), ("received", "stage2"),
                                               ("received", "outside"))


def block_values(block: Figures) -> dict[tuple[str, ...], int]:
    """The value of every measure of one service block of the KPI figures."""
    received, closed = block["received"], block["closed"]
    values: dict[tuple[str, ...], int] = {}
    for stage in STAGE_KEYS:
        values[("received", stage)] = received[stage]
        values[("closed", stage)] = closed[stage]
        for outcome in OUTCOME_KEYS:
            values[("outcomes", stage, outcome)] = block["outcomes"][stage][outcome]
        values[("working_days", stage)] = block["working_days"][stage]["sum"]
        within = block["within_timescale"][stage]
        values[("within_timescale", stage)] = within
        values[("outside_timescale", stage)] = closed[stage] - within
        values[("extended", stage)] = block["extended"][stage]
        values[("not_extended", stage)] = received[stage] - block["extended"][stage]
    values[("received", "total")] = sum(received[s] for s in STAGE_KEYS)
    values[("closed", "total")] = sum(closed[s] for s in STAGE_KEYS)
    for kind in ("anonymous", "unnamed"):
        values[("received", kind)] = received[kind]
    others = block.get("other_closures", {})
    for closure in OTHER_CLOSURE_KEYS:
        values[("other_closures", closure)] = others.get(closure, 0)
    contracted = block.get("contracted_services", {})  # none in a format 1 return
    for key in CONTRACTED_KEYS:
        values[("contracted", key)] = int(contracted.get(key, 0))
        values[("not_contracted", key)] = received[key] - values[("contracted", key)]
    return values


def theme_values(block: Figures) -> dict[tuple[str, ...], int]:
    received = block["received"]
    return {("received", "stage1"): received["stage1"],
            ("received", "stage2"): received["stage2"],
            ("received", "outside"): received["anonymous"] + received["unnamed"]}


def _add_blocks(a: Figures, b: Figures) -> Figures:
    out: Figures = {}
    for key, value in a.items():
        if key == "period":
            out[key] = value
        elif isinstance(value, dict):
            out[key] = _add_blocks(value, b[key])
        else:
            out[key] = value + b[key]
    return out


def _blocks(figures: Figures, layout: Layout) -> dict[str, Figures]:
    blocks: dict[str, Figures] = {ALL: figures}
    by_service = figures.get("by_service", {})
    if layout.services or layout.views:
        for service in SERVICE_KEYS:
            if service in by_service:
                blocks[service] = by_service[service]
    if layout.views and all(s in by_service for s in SERVICE_KEYS):
        for view, (a, b) in VIEWS.items():
            blocks[view] = _add_blocks(by_service[a], by_service[b])
    return blocks


def _where(period: str, unit: str, block: str) -> str:
    place = [period] if period else []
    place.append(unit or "all units")
    if block.startswith(THEME_PREFIX):
        code = block[len(THEME_PREFIX):]
        place.append(f"theme {THEMES.get(code, code).lower()}")
    else:
        place.append(BLOCK_NAMES.get(block, block))
    return ", ".join(place)


class _Builder:
    def __init__(self, periods: Sequence[PeriodFigures], layout: Layout) -> None:
        self.periods, self.layout = list(periods), layout
        self.out = TableSetBuilder()
        self.measures = block_measures()
        self.blocks_of: dict[tuple[str, str], list[str]] = {}  # (period, unit) -> blocks

    def key(self, period: str, unit: str, block: str, measure: tuple[str, ...]) -> CellKey:
        return (period, unit, block, *measure)

    def add_period(self, item: PeriodFigures) -> None:
        sources = {WHOLE: item.total, **dict(item.units)}
        for unit, figures in sources.items():
            blocks = _blocks(figures, self.layout)
            for block, values in blocks.items():
                self.add_block(item, unit, block, values)
            names = list(blocks)
            if self.layout.themes and (unit == WHOLE or self.layout.unit_themes):
                for code, theme in figures.get("by_theme", {}).items():
                    self.add_theme(item, unit, code, theme)
                    names.append(THEME_PREFIX + code)
            self.blocks_of[(item.label, unit)] = names

    def add_block(self, item: PeriodFigures, unit: str, block: str, figures: Figures) -> None:
        values = block_values(figures)
        where = _where(item.label, unit, block)
        for measure, table, label in self.measures:
            key = self.key(item.label, unit, block, measure)
            latent = measure[0] in LATENT
            if measure[0] == "working_days":
                self.out.add(Cell(key, values[measure], SUM, f"{table} ({where})", label,
                                  item.published, self.key(item.label, unit, block,
                                                           ("closed", measure[1]))))
            else:
                self.out.add(Cell(key, values[measure], COUNT, f"{table} ({where})", label,
                                  item.published and not latent))
        for relation in self._block_relations(item.label, unit, block, values):
            self.out.relate(relation)

    def add_theme(self, item: PeriodFigures, unit: str, code: str, figures: Figures) -> None:
        block = THEME_PREFIX + code
        where = _where(item.label, unit, block)
        for measure, value in theme_values(figures).items():
            label = {"stage1": "received at stage 1", "stage2": "received at stage 2",
                     "outside": "anonymous or unnamed"}[measure[1]]
            self.out.add(Cell(self.key(item.label, unit, block, measure), value, COUNT,
                              f"Themes ({where})", label, item.published))
        k = self.key
        for stage in STAGE_KEYS:
            self.out.relate(Relation.at_most(
                [(k(item.label, unit, block, ("received", stage)), 1.0),
                 (k(item.label, unit, ALL, ("received", stage)), -1.0)],
                "a theme's concerns are among all the concerns"))
        self.out.relate(Relation.at_most(
            [(k(item.label, unit, block, ("received", "outside")), 1.0),
             (k(item.label, unit, ALL, ("received", "anonymous")), -1.0),
             (k(item.label, unit, ALL, ("received", "unnamed")), -1.0)],
            "a theme's concerns are among all the concerns"))

    def _block_relations(self, period: str, unit: str, block: str,
                         values: Mapping[tuple[str, ...], int]) -> Iterator[Relation]:
        def k(*measure: str) -> CellKey:
            return self.key(period, unit, block, measure)

        for measure in ("received", "closed"):
            yield Relation.additive([k(measure, s) for s in STAGE_KEYS], k(measure, "total"),
                                    "stage 1 and stage 2 add up to the total")
        for stage in STAGE_KEYS:
            yield Relation.additive([k("outcomes", stage, o) for o in OUTCOME_KEYS],
                                    k("closed", stage),
                                    "the outcomes add up to the concerns closed in full",
                                    attribute=True)
            yield Relation.additive([k("within_timescale", stage), k("outside_timescale", stage)],
                                    k("closed", stage),
                                    "within and over the timescale add up to those closed",
                                    attribute=True)
            yield Relation.additive([k("extended", stage), k("not_extended", stage)],
                                    k("received", stage),
                                    "extended and not extended add up to those received",
                                    attribute=True)
            yield from self._day_relations(k, stage, values)
        for key in CONTRACTED_KEYS:
            yield Relation.additive([k("contracted", key), k("not_contracted", key)],
                                    k("received", key),
                                    "concerns about contracted services and about others add "
                                    "up to those received", attribute=True)

    def _day_relations(self, k: Any, stage: str, values: Mapping[tuple[str, ...], int]
                       ) -> Iterator[Relation]:
        """Working days and the counts they belong to, as any reader could reason."""
        limit = self.layout.timescales.response_days(Stage(stage))
        days, closed = values[("working_days", stage)], values[("closed", stage)]
        within, outside = values[("within_timescale", stage)], values[("outside_timescale", stage)]
        longest = self.layout.longest_response
        if closed:  # never assume less than the figures themselves show
            longest = max(longest, math.ceil(days / closed))
        if outside:
            longest = max(longest, math.ceil((days - limit * within) / outside))
        yield Relation.at_most([(k("outside_timescale", stage), float(limit + 1)),
                                (k("working_days", stage), -1.0)],
                               f"a response over the timescale took more than {limit} "
                               "working days")
        yield Relation.at_most([(k("working_days", stage), 1.0),
                                (k("within_timescale", stage), -float(limit)),
                                (k("outside_timescale", stage), -float(longest))],
                               f"a response within the timescale took at most {limit} "
                               f"working days, and none more than {longest}")

    def cross_relations(self) -> None:
        """Services, views, units and periods adding up."""
        measures = [m for m, _, _ in self.measures]
        for item in self.periods:
            units = list(item.units)
            for unit in (WHOLE, *units):
                blocks = self.blocks_of[(item.label, unit)]
                if all(s in blocks for s in SERVICE_KEYS):
                    for m in measures:
                        self.out.relate(Relation.additive(
                            [self.key(item.label, unit, s, m) for s in SERVICE_KEYS],
                            self.key(item.label, unit, ALL, m),
                            "NHS, local authority and both add up to all services"))
                for view, (a, b) in VIEWS.items():
                    if view in blocks:
                        for m in measures:
                            self.out.relate(Relation.additive(
                                [self.key(item.label, unit, a, m),
                                 self.key(item.label, unit, b, m)],
                                self.key(item.label, unit, view, m),
                                f"{BLOCK_NAMES[view]} add up"))
            if units:
                for block in self.blocks_of[(item.label, WHOLE)]:
                    for m in self._measures_of(block):
                        keys = [self.key(item.label, u, block, m) for u in units]
                        if all(key in self.out.cells for key in keys):
                            self.out.relate(Relation.additive(
                                keys, self.key(item.label, WHOLE, block, m),
                                "the units add up to all units"))
        labels = {item.label for item in self.periods}
        for item in self.periods:
            parts = item.parts
            if not parts and all(p in labels for p in parts_of(item.label)):
                parts = parts_of(item.label)  # a year given with its quarters adds up anyway
            if not parts:
                continue
            missing = [p for p in parts if p not in labels]
            if missing:
                raise ValueError(f"{item.label} is made of {missing[0]}, which is not given")
            for unit in (WHOLE, *item.units):
                for block in self.blocks_of[(item.label, unit)]:
                    for m in self._measures_of(block):
                        total = self.key(item.label, unit, block, m)
                        keys = [self.key(p, unit, block, m) for p in parts]
                        if all(key in self.out.cells for key in keys):
                            self.out.relate(Relation.additive(
                                keys, total, f"{', '.join(parts)} add up to {item.label}"))

    def _measures_of(self, block: str) -> list[tuple[str, ...]]:
        if block.startswith(THEME_PREFIX):
            return list(THEME_MEASURES)
        return [m for m, _, _ in self.measures]


def kpi_tables(periods: Sequence[PeriodFigures], layout: Layout | None = None) -> TableSet:
    """The linked table set of a release of KPI figures (one period or several)."""
    if not periods:
        raise ValueError("A release needs at least one period.")
    labels = [p.label for p in periods]
    if len(set(labels)) != len(labels):
        raise ValueError("A period is in the release twice.")
    builder = _Builder(periods, layout or Layout())
    for item in periods:
        builder.add_period(item)
    builder.cross_relations()
    tables = builder.out.build()
    broken = [r for r in tables.broken() if r.equality]
    if any(not r.equality for r in tables.broken()):
        # What a reader would assume of working days does not hold for these figures (not
        # ones made by app.core.kpi): the assumption is then no help to a reader either.
        values = tables.values
        tables = TableSet(tables.cells, tuple(r for r in tables.relations
                                              if r.equality or r.holds(values)), tables.tables)
    if broken:
        raise ValueError(f"The figures do not add up ({broken[0].name}): they cannot be "
                         "published together.")
    return tables


def year_and_quarters(year: str, figures: Mapping[str, Figures],
                      units: Mapping[str, Mapping[str, Figures]] | None = None,
                      published: Sequence[str] | None = None) -> list[PeriodFigures]:
    """A year and its four quarters: `figures` by label (the year's and each quarter's),
    `units` by label then unit for a board. `published` names the periods printed (all
    by default); the others are in the release only to link the printed ones."""
    quarters = tuple(f"{year}-Q{n}" for n in range(1, 5))
    shown = set(published) if published is not None else {year, *quarters}
    out = [PeriodFigures(q, figures[q], dict((units or {}).get(q, {})), q in shown)
           for q in quarters]
    out.append(PeriodFigures(year, figures[year], dict((units or {}).get(year, {})),
                             year in shown, quarters))
    return out

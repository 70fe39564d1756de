"""A board report as a model: the cells it prints (keyed section, measure, stage, service,
unit, period: the CSV's columns), how they add up, and the tables, charts and statements
that show them. Pure data and arithmetic (no Qt, no SQL, no reportlab): the board's side
(app/returns/board_kinds.py) fills it from the returns held, app/documents/board_reports.py
draws it, and the CSV is written from it here.

Publication variants made by the board are protected against its publication register
in the register's key space (app/core/board_release.py, app/services/report_kinds.py);
`protect` here is the stand-alone form (one report as one release), for checks.
Counts say what they count: "concerns" is distinct concerns (each counted once, on its
first stage entry); "stage entries" counts an escalated concern once at each stage.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.disclosure import Cell, Group, Suppressed, suppress
from app.core.kpi import OTHER_CLOSURE_KEYS, OUTCOME_KEYS, SERVICE_KEYS, STAGE_KEYS, Figures
from app.core.periods import parse_period, quarters
from app.core.records import THEMES
from app.core.return_figures import SIGNPOST_KEYS
from app.core.text import FormulaSafeWriter

KINDS = ("quarterly", "annual", "ijb", "trends")
Key = tuple[str, str, str, str, str, str]  # section, measure, stage, service, unit, period
CSV_HEADER = ("section", "measure", "stage", "service", "unit", "period", "value")

ALL = "all"
NHS_VIEW = "nhs_services"
LA_VIEW = "local_authority_services"
VIEWS: dict[str, tuple[str, str]] = {NHS_VIEW: ("nhs", "both"),
                                     LA_VIEW: ("local_authority", "both")}
SERVICE_NAMES = {
    "nhs": "NHS", "local_authority": "Local authority", "both": "NHS and local authority",
    NHS_VIEW: "NHS services (NHS + both): for the INWO",
    LA_VIEW: "Local-authority services (local authority + both): for the IJBs",
    ALL: "All services",
}
TOTAL = ""  # the unit key of all units together
STAGE_WORDS = {"stage1": "stage 1", "stage2": "stage 2"}
OUTCOME_WORDS = {"upheld": "upheld", "partially_upheld": "partially upheld",
                 "not_upheld": "not upheld"}
CLOSURE_WORDS = {"withdrawn": "Withdrawn", "transferred": "Transferred to another procedure",
                 "not_taken_forward": "Not taken forward under the Standards"}
SIGNPOST_WORDS = {"inwo": "INWO", "care_inspectorate": "Care Inspectorate",
                  "audit_scotland": "Audit Scotland", "other": "Other bodies"}
ACCESS_WORDS = {"reveals": "Identity revealed", "documents": "Of those, in a document",
                "disclosures": "Identity disclosed to others",
                "person_searches": "Searches by person"}
DEFAULT_RUN = 8
MIN_HISTORY = 4
MIN_FLAG_COUNT = 3
FLAG_RULE = (f"A theme or unit is flagged when its latest quarter has at least "
             f"{MIN_FLAG_COUNT} concerns and stands above the upper quartile of its own "
             f"previous quarters (at least {MIN_HISTORY} of them), or, where every unit "
             f"has a headcount, when a unit's rate per 1,000 staff in the latest quarter "
             f"stands above the upper quartile of the other units' rates.")
COUNTING_NOTE = (
    "Concerns are counted once each, on the day they first entered a stage of the "
    "procedure: a concern escalated from stage 1 to stage 2 is one concern. Stage entries "
    "count it once at each stage it entered, so they can be more than the concerns. "
    "Themes are counted for every concern received in the period (named, unnamed or "
    "anonymous), whatever became of it later: withdrawn, transferred and not taken "
    "forward included; a concern with several themes counts under each.")

# ----- what a table prints ----------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    key: Key


@dataclass(frozen=True)
class Ratio:
    """numerator / denominator (x scale); with `count`, the numerator's count and the ratio."""

    numerator: Key
    denominator: Key
    scale: float = 100.0
    suffix: str = "%"
    count: bool = True


@dataclass(frozen=True)
class Average:
    """Average working days: the sum of working days over the closed count (its key)."""

    closed: Key


@dataclass(frozen=True)
class Rate:
    """Per 1,000 staff: the count over the headcount (None: not available)."""

    key: Key
    headcount: int | None


@dataclass(frozen=True)
class Words:
    text: str


Entry = Count | Ratio | Average | Rate | Words


@dataclass(frozen=True)
class ReportTable:
    title: str
    intro: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Entry, ...]], ...]
    notes: tuple[str, ...] = ()
    internal: bool = False  # left out of publication outputs


@dataclass(frozen=True)
class Series:
    name: str
    keys: tuple[Key, ...]  # one per period, in order
    headcounts: tuple[int | None, ...] = ()  # for a rate per 1,000 staff (all given)


@dataclass(frozen=True)
class TrendChart:
    title: str
    periods: tuple[str, ...]
    series: tuple[Series, ...]
    per_staff: bool = False


@dataclass(frozen=True)
class BoardReport:
    kind: str
    title: str
    audience: str  # who it is for, on page 1
    board_name: str
    period_label: str
    period_words: str
    front: tuple[str, ...]  # page 1: missing units, how counts are counted
    missing: tuple[str, ...]  # units whose returns are missing, for page 1
    cells: Mapping[Key, int]
    day_sums: Mapping[Key, int]  # the closed cell's key -> sum of working days
    tables: tuple[ReportTable, ...]
    charts: tuple[TrendChart, ...] = ()
    statements: tuple[tuple[str, str], ...] = ()  # (heading, text), KPIs 1-3
    learning: tuple[tuple[str, str], ...] = ()  # (unit, statement): checked to publish
    series: tuple[Series, ...] = ()  # what trends flags look at
    extra_groups: tuple[Group[Key], ...] = ()
    # The figures each (period, unit) column was made from (unit TOTAL: all units, or, in
    # a report for one unit, that unit's): what the publication register's release is
    # built from (app/core/board_release.py).
    figures: Mapping[tuple[str, str], Figures] = field(default_factory=dict)
    unit: str = ""  # the one unit a report is for (--unit); its TOTAL cells are that unit's
    hidden_averages: frozenset[Key] = frozenset()  # closed keys whose average is hidden

    @property
    def groups(self) -> list[Group[Key]]:
        return [*groups_for(self.cells), *self.extra_groups]


# ----- the cells of one unit's figures ------------------------------------------------------


def _block(figures: Figures, service: str) -> Figures:
    if service == ALL:
        return figures
    if service in VIEWS:
        a, b = (figures["by_service"][s] for s in VIEWS[service])
        both: Figures = added(a, b)
        return both
    return dict(figures["by_service"][service])


def added(a: Any, b: Any) -> Any:
    if isinstance(a, dict):
        return {k: (a[k] if k == "period" else added(a[k], b[k])) for k in a}
    return a + b


def _per_service(counts: Mapping[str, int], service: str) -> int:
    if service == ALL:
        return sum(counts[s] for s in SERVICE_KEYS)
    if service in VIEWS:
        return sum(counts[s] for s in VIEWS[service])
    return counts[service]


def kpi_cells(figures: Figures, service: str) -> tuple[dict[tuple[str, str, str], int],
                                                     dict[str, int]]:
    """The KPI counts of one unit's (or the total's) figures for a service block, keyed
    (section, measure, stage), and the working-day sums by stage."""
    block = _block(figures, service)
    received, closed = block["received"], block["closed"]
    cells: dict[tuple[str, str, str], int] = {
        ("kpi4", "concerns", ""): _per_service(figures["concerns"]["within_standards"],
                                                service)}
    for stage in STAGE_KEYS:
        cells[("kpi4", "stage_entries", stage)] = received[stage]
    cells[("kpi4", "stage_entries", "total")] = sum(received[s] for s in STAGE_KEYS)
    for kind in ("anonymous", "unnamed"):
        cells[("outside_standards", kind, "")] = received[kind]
    for stage in STAGE_KEYS:
        cells[("kpi5", "closed", stage)] = closed[stage]
    cells[("kpi5", "closed", "total")] = sum(closed[s] for s in STAGE_KEYS)
    for stage in STAGE_KEYS:
        for outcome in OUTCOME_KEYS:
            cells[("kpi6", outcome, stage)] = block["outcomes"][stage][outcome]
        within = block["within_timescale"][stage]
        cells[("kpi8", "within_timescale", stage)] = within
        cells[("kpi8", "over_timescale", stage)] = closed[stage] - within
        cells[("kpi9", "extended", stage)] = block["extended"][stage]
    for closure in OTHER_CLOSURE_KEYS:
        cells[("other_closures", closure, "")] = block["other_closures"][closure]
    sums = {stage: block["working_days"][stage]["sum"] for stage in STAGE_KEYS}
    return cells, sums


def theme_cells(figures: Figures, service: str) -> dict[tuple[str, str, str], int]:
    """Every concern received in the period, and by theme, for a service block."""
    concerns = figures["concerns"]
    cells = {("themes", "all_concerns", ""): _per_service(concerns["received"], service)}
    for code in THEMES:
        cells[("themes", code, "")] = _per_service(concerns["by_theme"][code], service)
    return cells


def signpost_cells(figures: Figures, service: str) -> dict[tuple[str, str, str], int]:
    return {("signposting", body, ""): _per_service(
        {s: figures["signposting"][s][body] for s in SERVICE_KEYS}, service)
        for body in SIGNPOST_KEYS}


class Cells:
    """Collects the cells a report prints, with the working-day sums behind its averages."""

    def __init__(self) -> None:
        self.cells: dict[Key, int] = {}
        self.day_sums: dict[Key, int] = {}
        self.figures: dict[tuple[str, str], Figures] = {}

    def made_from(self, figures: Figures, unit: str, period: str) -> None:
        """Keep the figures a (period, unit) column is made from."""
        self.figures[(period, unit)] = figures

    def kpis(self, figures: Figures, service: str, unit: str, period: str) -> None:
        self.made_from(figures, unit, period)
        cells, sums = kpi_cells(figures, service)
        for (section, measure, stage), value in cells.items():
            self.cells[(section, measure, stage, service, unit, period)] = value
        for stage, total in sums.items():
            self.day_sums[("kpi5", "closed", stage, service, unit, period)] = total

    def themes(self, figures: Figures, service: str, unit: str, period: str) -> None:
        self.made_from(figures, unit, period)
        for (section, measure, stage), value in theme_cells(figures, service).items():
            self.cells[(section, measure, stage, service, unit, period)] = value

    def signposting(self, figures: Figures, service: str, unit: str, period: str) -> None:
        self.made_from(figures, unit, period)
        for (section, measure, stage), value in signpost_cells(figures, service).items():
            self.cells[(section, measure, stage, service, unit, period)] = value

    def add(self, key: Key, value: int) -> None:
        self.cells[key] = value


# ----- how cells add up ---------------------------------------------------------------------

# (dimension indexes, the parts' values there, the total's value there)
_Rule = tuple[tuple[int, ...], tuple[tuple[str, ...], ...], tuple[str, ...]]
_SECTION_RULES: list[_Rule] = [
    ((2,), (("stage1",), ("stage2",)), ("total",)),  # stage 1 + stage 2 = both stages
    ((0, 1), tuple(("kpi6", o) for o in OUTCOME_KEYS), ("kpi5", "closed")),
    ((0, 1), (("kpi8", "within_timescale"), ("kpi8", "over_timescale")), ("kpi5", "closed")),
    ((3,), tuple((s,) for s in SERVICE_KEYS), (ALL,)),
    *(((3,), tuple((s,) for s in parts), (view,)) for view, parts in VIEWS.items()),
]


def _rule_groups(cells: Mapping[Key, int], rule: _Rule) -> Iterable[Group[Key]]:
    dims, parts, total = rule
    for key in cells:
        if tuple(key[d] for d in dims) != total:
            continue
        members = []
        for part in parts:
            other = list(key)
            for d, value in zip(dims, part, strict=True):
                other[d] = value
            members.append(tuple(other))
        yield Group(tuple(members), key)  # type: ignore[arg-type]


def _unit_groups(cells: Mapping[Key, int]) -> Iterable[Group[Key]]:
    """The units printed for a figure add up to all units (those with a return for it)."""
    units: dict[Key, list[Key]] = {}
    for key in cells:
        if key[4] != TOTAL:
            units.setdefault((*key[:4], TOTAL, key[5]), []).append(key)
    for total, parts in units.items():
        if total in cells:
            yield Group(tuple(parts), total)


def groups_for(cells: Mapping[Key, int]) -> list[Group[Key]]:
    """The additive groups among the cells, from their keys: stages, outcomes and
    timescales to those closed, services to all services and to each view, units to all
    units, quarters to their year. A group is kept only when its parts are all printed and
    really add up (a unit that sent only an annual return has no quarters to add)."""
    rules = list(_SECTION_RULES)
    for label in sorted({k[5] for k in cells}):
        try:
            period = parse_period(label)
            parts = tuple((q.label,) for q in quarters(period))
        except ValueError:
            continue
        rules.append(((5,), parts, (label,)))
    candidates = list(_unit_groups(cells))
    for rule in rules:
        candidates.extend(_rule_groups(cells, rule))
    return [g for g in candidates if all(m in cells for m in g.parts)
            and sum(cells[m] for m in g.parts) == cells[g.total]]


# ----- publication: the one place disclosure control is applied -------------------------------


def protect(report: BoardReport, threshold: int) -> dict[Key, Cell]:
    """Every cell of the report as it may be published: small counts hidden and whatever
    else is needed so that none can be worked out from the others. All the report's cells
    and their additive groups go to the disclosure-control engine together, as one release
    (app.core.disclosure.suppress over app.core.sdc: secondary suppression, then the audit;
    DisclosureError when the audit cannot pass). Stand-alone: a publication made by the
    board is protected instead against its publication register, in the register's key
    space (app/core/board_release.py, app/services/report_kinds.py)."""
    return suppress(report.cells, report.groups, threshold)


def shown_cells(report: BoardReport, publication: bool, threshold: int) -> dict[Key, Cell]:
    return protect(report, threshold) if publication else dict(report.cells)


# ----- values as printed ----------------------------------------------------------------------

DASH = "\u2013"


def _count_text(value: Cell) -> str:
    return str(value) if isinstance(value, Suppressed) else f"{value:,}"


def ratio_value(shown: Mapping[Key, Cell], numerator: Cell, denominator: Cell | None,
                scale: float) -> float | Suppressed | None:
    if isinstance(numerator, Suppressed) or isinstance(denominator, Suppressed):
        return Suppressed(False)
    if not denominator:
        return None
    return scale * numerator / denominator


def _ratio_text(value: float | Suppressed | None, suffix: str) -> str:
    if value is None:
        return DASH
    if isinstance(value, Suppressed):
        return str(value)
    return f"{value:.1f}{suffix}"


def entry_value(entry: Entry, shown: Mapping[Key, Cell], report: BoardReport
                ) -> float | Cell | None:
    """The number an entry stands for (None: nothing to work it out from)."""
    if isinstance(entry, Count):
        return shown[entry.key]
    if isinstance(entry, Ratio):
        return ratio_value(shown, shown[entry.numerator], shown[entry.denominator],
                           entry.scale)
    if isinstance(entry, Average):
        closed = shown[entry.closed]
        if isinstance(closed, Suppressed) or entry.closed in report.hidden_averages:
            return Suppressed(False)
        return None if not closed else report.day_sums.get(entry.closed, 0) / closed
    if isinstance(entry, Rate):
        return ratio_value(shown, shown[entry.key], entry.headcount, 1000.0)
    return None


def entry_text(entry: Entry, shown: Mapping[Key, Cell], report: BoardReport) -> str:
    if isinstance(entry, Words):
        return entry.text
    if isinstance(entry, Count):
        return _count_text(shown[entry.key])
    if isinstance(entry, Rate):
        if not entry.headcount:
            return "not available"
        return _ratio_text(entry_value(entry, shown, report), "")
    value = entry_value(entry, shown, report)
    if isinstance(entry, Average):
        return _ratio_text(value, "")
    assert isinstance(entry, Ratio)
    text = _ratio_text(value, entry.suffix)
    if entry.count:
        count = shown[entry.numerator]
        return str(count) if isinstance(count, Suppressed) else f"{count:,} ({text})"
    return text


def derived_rows(report: BoardReport, shown: Mapping[Key, Cell]) -> list[tuple[Key, str]]:
    """Percentages, averages and rates the tables print, as CSV rows (after the counts)."""
    rows: dict[Key, str] = {}
    for table in report.tables:
        for _, entries in table.rows:
            for entry in entries:
                if isinstance(entry, Ratio) and entry.scale == 100.0:
                    s, m, st, sv, u, p = entry.numerator
                    rows[(s, f"{m}_percent", st, sv, u, p)] = _csv(
                        entry_value(entry, shown, report))
                elif isinstance(entry, Average):
                    s, m, st, sv, u, p = entry.closed
                    rows[("kpi7", "average_working_days", st, sv, u, p)] = _csv(
                        entry_value(entry, shown, report))
                elif isinstance(entry, Rate) and entry.headcount:
                    s, m, st, sv, u, p = entry.key
                    rows[(s, f"{m}_per_1000_staff", st, sv, u, p)] = _csv(
                        entry_value(entry, shown, report))
    return list(rows.items())


def _csv(value: float | Cell | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Suppressed):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def internal_keys(report: BoardReport) -> set[Key]:
    """Cells printed only in internal tables (identity access): never published."""
    inside = {e.key for t in report.tables if t.internal for _, row in t.rows for e in row
              if isinstance(e, Count)}
    outside = {e.key for t in report.tables if not t.internal for _, row in t.rows
               for e in row if isinstance(e, Count)}
    return inside - outside


def csv_rows(report: BoardReport, publication: bool, threshold: int,
             shown: Mapping[Key, Cell] | None = None) -> list[list[str]]:
    """One row per cell, in the long format (CSV_HEADER): the publication CSV has exactly
    the rows of the exact CSV, with `*` where a value is hidden (identity access, which is
    for the board's oversight only, is in neither publication output). `shown`: the cells
    as already protected (app/services/report_kinds.py, against the register)."""
    public = publication_report(report) if publication else report
    if shown is None:
        shown = shown_cells(public, publication, threshold)
    else:
        shown = {key: shown[key] for key in public.cells}
    rows = [[*key, _csv(value)] for key, value in shown.items()]
    rows += [[*key, value] for key, value in derived_rows(public, shown)]
    return rows


def publication_report(report: BoardReport) -> BoardReport:
    """The report without what is for the board's own oversight (identity access)."""
    hidden = internal_keys(report)
    if not hidden:
        return report
    return replace(report, cells={k: v for k, v in report.cells.items() if k not in hidden},
                   tables=tuple(t for t in report.tables if not t.internal))


# ----- KPI tables, one row per column item -----------------------------------------------


@dataclass(frozen=True)
class Col:
    heading: str
    service: str
    unit: str
    period: str
    headcount: int | None = None


def cell_key(section: str, measure: str, stage: str, col: Col) -> Key:
    return (section, measure, stage, col.service, col.unit, col.period)


def _kpi_measure_rows(cols: Sequence[Col], per_staff: bool
                      ) -> list[tuple[str, str, list[tuple[str, Callable[[Col], Entry]]]]]:
    """(title, intro, [(measure label, entry for a column)]) for KPIs 4-9 and the rest."""
    def count(section: str, measure: str, stage: str = "") -> Callable[[Col], Entry]:
        return lambda c: Count(cell_key(section, measure, stage, c))

    def pct(section: str, measure: str, stage: str, den: tuple[str, str, str]
            ) -> Callable[[Col], Entry]:
        return lambda c: Ratio(cell_key(section, measure, stage, c), cell_key(*den, c))

    kpi4: list[tuple[str, Callable[[Col], Entry]]] = [
        ("Concerns received (each counted once)", count("kpi4", "concerns")),
        ("Stage entries: stage 1", count("kpi4", "stage_entries", "stage1")),
        ("Stage entries: stage 2", count("kpi4", "stage_entries", "stage2")),
        ("Stage entries, both stages", count("kpi4", "stage_entries", "total")),
    ]
    if per_staff:
        kpi4.append(("Concerns per 1,000 staff",
                     lambda c: Rate(cell_key("kpi4", "concerns", "", c), c.headcount)))
    kpi5 = [(f"Closed in full at {STAGE_WORDS[s]} (% of all closed)",
             pct("kpi5", "closed", s, ("kpi5", "closed", "total"))) for s in STAGE_KEYS]
    kpi5.append(("Closed in full, both stages", count("kpi5", "closed", "total")))
    kpi6 = [(f"{STAGE_WORDS[s].capitalize()}: {OUTCOME_WORDS[o]}",
             pct("kpi6", o, s, ("kpi5", "closed", s)))
            for s in STAGE_KEYS for o in OUTCOME_KEYS]
    kpi7: list[tuple[str, Callable[[Col], Entry]]] = [
        (f"{STAGE_WORDS[s].capitalize()}: average working days",
         (lambda st: lambda c: Average(cell_key("kpi5", "closed", st, c)))(s)) for s in STAGE_KEYS]
    kpi8 = [(f"{STAGE_WORDS[s].capitalize()}: within {5 if s == 'stage1' else 20} working "
             "days", pct("kpi8", "within_timescale", s, ("kpi5", "closed", s)))
            for s in STAGE_KEYS]
    kpi9 = [(f"{STAGE_WORDS[s].capitalize()}: extension authorised (% of entries)",
             pct("kpi9", "extended", s, ("kpi4", "stage_entries", s))) for s in STAGE_KEYS]
    outside = [("Anonymous concerns", count("outside_standards", "anonymous")),
               ("Unnamed concerns", count("outside_standards", "unnamed"))]
    other = [(CLOSURE_WORDS[c], count("other_closures", c)) for c in OTHER_CLOSURE_KEYS]
    return [
        ("KPI 4: concerns received", "Concerns within the Standards that entered the "
         "procedure in the period, each counted once, and the stage entries.", kpi4),
        ("KPI 5: concerns closed", "Concerns closed in full (a full response with an "
         "outcome), as a percentage of all closed in full.", kpi5),
        ("KPI 6: outcomes", "Each outcome as a percentage of those closed in full at the "
         "stage.", kpi6),
        ("KPI 7: average time to a full response", "Average working days from entering "
         "the stage to the full response.", kpi7),
        ("KPI 8: closed within the timescale", "Closed in full within 5 (stage 1) or 20 "
         "(stage 2) working days, as a percentage of those closed at the stage.", kpi8),
        ("KPI 9: extensions", "Concerns entering each stage with an extension "
         "authorised, as a percentage of the stage entries.", kpi9),
        ("Anonymous and unnamed concerns", "Outside the Standards, so counted apart and "
         "never in the stage figures.", outside),
        ("Concerns closed in other ways", "Counted on the date they left the procedure, "
         "never as closed in full.", other),
    ]


def measures_down(cols: Sequence[Col], per_staff: bool) -> list[ReportTable]:
    """Measures down the page, the columns (periods or services) across."""
    tables = []
    for title, intro, rows in _kpi_measure_rows(cols, per_staff):
        tables.append(ReportTable(title, intro, ("", *(c.heading for c in cols)),
                                  tuple((label, tuple(make(c) for c in cols))
                                        for label, make in rows), _notes_for(title)))
    return tables


def units_down(cols: Sequence[Col], per_staff: bool, most: int = 5) -> list[ReportTable]:
    """Units down the page (names can be long), the measures across, a few at a time (in
    pieces of about equal size)."""
    tables = []
    for title, intro, rows in _kpi_measure_rows(cols, per_staff):
        pieces = -(-len(rows) // most)
        step = -(-len(rows) // pieces)
        for start in range(0, len(rows), step):
            chunk = rows[start:start + step]
            tables.append(ReportTable(
                title if start == 0 else f"{title} (continued)", intro if start == 0 else "",
                ("Unit", *(label for label, _ in chunk)),
                tuple((c.heading, tuple(make(c) for _, make in chunk)) for c in cols),
                _notes_for(title) if start + step >= len(rows) else ()))
    return tables


def _notes_for(title: str) -> tuple[str, ...]:
    if title.startswith("KPI 4"):
        return ("Stage entries count a concern once at each stage it entered in the period: "
                "an escalated concern counts twice, at stage 1 and at stage 2.",)
    return ()


def theme_table(title: str, intro: str, cols: Sequence[Col]) -> ReportTable:
    rows = [(THEMES[code], tuple(Count(cell_key("themes", code, "", c)) for c in cols))
            for code in THEMES]
    rows.append(("All concerns received", tuple(Count(cell_key("themes", "all_concerns", "", c))
                                                for c in cols)))
    return ReportTable(title, intro, ("Theme", *(c.heading for c in cols)), tuple(rows),
                       ("A concern may carry several themes, so the themes do not add up to "
                        "all concerns received.",))


# ----- flags ------------------------------------------------------------------------------


def upper_quartile(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=4, method="inclusive")[2] if len(values) > 1 \
        else values[0]


def flags(report: BoardReport, shown: Mapping[Key, Cell]) -> list[str]:
    """The plain-words flags of FLAG_RULE, from the figures as shown (a series with a
    hidden figure is not judged, so a flag never tells what is hidden)."""
    out: list[str] = []
    latest_rates: dict[str, float] = {}
    counts: dict[str, int] = {}
    for series in report.series:
        values = [shown.get(k) for k in series.keys]
        if any(not isinstance(v, int) for v in values):
            continue
        numbers = [int(v) for v in values]  # type: ignore[arg-type]
        latest, history = numbers[-1], numbers[:-1][-8:]
        if len(history) >= MIN_HISTORY and latest >= MIN_FLAG_COUNT and latest > \
                upper_quartile(history):
            out.append(f"{series.name}: {latest} in the latest quarter, above the upper "
                       f"quartile ({upper_quartile(history):.1f}) of its previous "
                       f"{len(history)} quarters.")
        if series.headcounts and series.headcounts[-1]:
            latest_rates[series.name] = 1000 * latest / series.headcounts[-1]
            counts[series.name] = latest
    if len(latest_rates) >= 3 and len(latest_rates) == sum(
            1 for s in report.series if s.headcounts):
        for name, rate in latest_rates.items():
            peers = [r for n, r in latest_rates.items() if n != name]
            if counts[name] >= MIN_FLAG_COUNT and rate > upper_quartile(peers):
                out.append(f"{name}: {rate:.1f} concerns per 1,000 staff in the latest "
                           f"quarter, above the upper quartile ({upper_quartile(peers):.1f}) "
                           "of the other units.")
    return out


def report_json(report: BoardReport) -> dict[str, Any]:
    """The exact figures of a report kind, for the board's own use."""
    return {
        "kind": report.kind, "title": report.title, "for": report.audience,
        "period": report.period_label, "missing": list(report.missing),
        "cells": [dict(zip(CSV_HEADER, (*key, value), strict=True))
                  for key, value in report.cells.items()],
        "flags": flags(report, report.cells) if report.kind == "trends" else [],
    }




def report_csv(report: BoardReport, *, publication: bool = False, threshold: int = 5,
               shown: Mapping[Key, Cell] | None = None) -> str:
    """The report's CSV text: CSV_HEADER, then one row per cell."""
    out = io.StringIO()
    writer = FormulaSafeWriter(csv.writer(out, lineterminator="\n"))
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(report, publication, threshold, shown))
    return out.getvalue()

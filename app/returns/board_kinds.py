"""The reports a board sends, as one model each: the cells they print, how the cells add up,
and the tables, charts and statements that show them (no reportlab here, no Qt).

Kinds (`casebook board report --kind KIND`; with no kind, the board's KPI report as before):

- `quarterly`: to the board meeting. KPIs 4-9 for a quarter with the units side by side,
  all units, and all units in the same quarter a year earlier; service types (and the
  NHS-services and local-authority-services views); themes of every concern received by
  service type; anonymous and unnamed counted apart; and, in the internal version only,
  each unit's counts of access to identity (for oversight).
- `annual`: to the INWO, and published. The year with its four quarters as columns, KPIs
  1-9 in the INWO's order for NHS services (NHS + both), with the units' learning
  statements (KPI 1) and the board's own statements for KPI 2 and KPI 3.
- `ijb`: for one HSCP (`--unit`), for its integration joint board to publish: its
  local-authority and joint services (local authority + both), the quarters of the
  period, signposting counts (INWO, Care Inspectorate, Audit Scotland, other).
- `trends`: a run of quarters ending with the period: themes and units over time, rates
  per 1,000 staff where headcounts are recorded, charts, and flags (`FLAG_RULE`).

Every printed count is a cell keyed (section, measure, stage, service, unit, period): the
CSV's columns, one row per cell. How cells add up (stage 1 and stage 2 to the stage
entries; outcomes to those closed; services to all services and to the two views; units
to all units; quarters to their year) is derived from the keys in `groups`, and kept only
where the figures really add up. Publication variants are protected against the board's
publication register (app/services/report_kinds.py over app/core/board_release.py), from
the figures each column was made from (`BoardReport.figures`).

Counts say what they count: "concerns" is distinct concerns (each counted once, on its
first stage entry); "stage entries" counts an escalated concern once at each stage it
entered, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.board_tables import (
    ACCESS_WORDS,
    ALL,
    COUNTING_NOTE,
    DEFAULT_RUN,
    FLAG_RULE,
    KINDS,
    LA_VIEW,
    NHS_VIEW,
    SERVICE_NAMES,
    SIGNPOST_WORDS,
    TOTAL,
    VIEWS,
    BoardReport,
    Cells,
    Col,
    Count,
    Entry,
    Key,
    Rate,
    ReportTable,
    Series,
    TrendChart,
    Words,
    added,
    cell_key,
    kpi_cells,
    measures_down,
    theme_table,
    units_down,
)
from app.core.kpi import SERVICE_KEYS, Figures
from app.core.periods import Period, parse_period, quarters
from app.core.records import THEMES
from app.core.return_figures import SIGNPOST_KEYS
from app.returns.board_report import UnitFigures, board_completeness, unit_figures
from app.store.board import Board
from app.store.errors import CasebookError


def is_quarter(period: Period) -> bool:
    return period.label.count("-") == 2

# ----- gathering the figures -------------------------------------------------------------------


@dataclass(frozen=True)
class _Gathered:
    period: Period
    units: dict[str, UnitFigures]
    total: Figures
    headcounts: dict[str, int]
    total_headcount: int | None


def _gather(board: Board, label: str, only: str | None) -> _Gathered:
    from app.core.return_figures import total_figures

    period = parse_period(label)
    units = unit_figures(board, period)
    if only is not None:
        units = {name: u for name, u in units.items() if name.casefold() == only.casefold()}
    total = total_figures((u.figures for u in units.values()), period)
    headcounts = board.headcounts(period.label)
    wanted = [headcounts.get(name) for name in units]
    total_headcount = sum(h for h in wanted if h) if wanted and all(wanted) else None
    return _Gathered(period, units, total, headcounts, total_headcount)


def _check_unit(board: Board, unit: str | None) -> str | None:
    if unit is None:
        return None
    found = board.unit_named(unit)
    if found is None:
        raise CasebookError(f"No reporting unit called {unit.strip()[:80]} is registered.")
    return found.name


def _missing(board: Board, labels: Sequence[str], only: str | None) -> list[str]:
    """Units with no return (or not every quarter) for any of the periods, in words, one
    line per unit."""
    found: dict[str, list[str]] = {}
    for label in labels:
        for status in board_completeness(board, parse_period(label)):
            if only is not None and status.unit.casefold() != only.casefold():
                continue
            if status.state not in ("in", "late"):
                found.setdefault(status.unit, []).append(
                    label if len(labels) > 1 else f"{status.description} for {label}")
    if len(labels) > 1:
        return [f"{unit}: not in for {', '.join(items)}" for unit, items in found.items()]
    return [f"{unit}: {items[0]}" for unit, items in found.items()]


def _front(missing: Sequence[str], *extra: str) -> tuple[str, ...]:
    lines = []
    if missing:
        lines.append("Returns missing when this report was made (their figures are not "
                     "in it): " + "; ".join(missing) + ".")
    else:
        lines.append("Every registered unit's return is in.")
    lines.append(COUNTING_NOTE)
    lines.extend(extra)
    return tuple(lines)


def _period_words(period: Period) -> str:
    return f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}"


def _format_note(units: Iterable[UnitFigures]) -> tuple[str, ...]:
    old = sorted(u.unit for u in units if not u.format2)
    if not old:
        return ()
    return ("Returns in the older format 1 (from " + ", ".join(old) + ") carry no count of "
            "distinct concerns, no themes of every concern received and no signposting: "
            "they count as none there.",)


# ----- the kinds -----------------------------------------------------------------------------


def build_report(board: Board, kind: str, period: Period, *, unit: str | None = None,
                 run: int = DEFAULT_RUN) -> BoardReport:
    """The model of one report kind for a period (see the module's description)."""
    if kind not in KINDS:
        raise CasebookError(f"There is no report of kind {kind[:40]}; the kinds are "
                            + ", ".join(KINDS) + ".")
    try:
        period = parse_period(period.label)
    except ValueError as exc:
        raise CasebookError("A board report covers a financial year like 2025-26 or a "
                            "quarter like 2025-26-Q1.") from exc
    only = _check_unit(board, unit)
    if kind == "quarterly":
        return _quarterly(board, period, only)
    if kind == "annual":
        return _annual(board, period, only)
    if kind == "ijb":
        if only is None:
            raise CasebookError("An IJB report is for one HSCP: name it with --unit.")
        return _ijb(board, period, only)
    return _trends(board, period, only, run)


def _year_earlier(period: Period) -> Period:
    year, number = int(period.label[:4]) - 1, period.label.rsplit("-", 1)[1]
    return parse_period(f"{year}-{(year + 1) % 100:02d}-{number}")


def _quarterly(board: Board, period: Period, only: str | None) -> BoardReport:
    if not is_quarter(period):
        raise CasebookError("The quarterly report is for a quarter, like 2025-26-Q1.")
    now = _gather(board, period.label, only)
    before = _gather(board, _year_earlier(period).label, only)
    cells = Cells()
    cols: list[Col] = []
    for name, item in sorted(now.units.items()):
        cells.kpis(item.figures, ALL, name, period.label)
        cols.append(Col(name, ALL, name, period.label, now.headcounts.get(name)))
    services = (ALL, *SERVICE_KEYS, *VIEWS)
    for service in services:
        cells.kpis(now.total, service, TOTAL, period.label)
        cells.themes(now.total, service, TOTAL, period.label)
    cells.kpis(before.total, ALL, TOTAL, before.period.label)
    cells.themes(before.total, ALL, TOTAL, before.period.label)
    cols.append(Col("All units", ALL, TOTAL, period.label, now.total_headcount))
    cols.append(Col(f"All units, {before.period.label} (a year earlier)", ALL, TOTAL,
                     before.period.label, before.total_headcount))
    per_staff = any(c.headcount for c in cols)
    tables = units_down(cols, per_staff)
    service_cols = [Col(SERVICE_NAMES[s], s, TOTAL, period.label) for s in services[1:]]
    service_cols.append(Col(SERVICE_NAMES[ALL], ALL, TOTAL, period.label))
    tables.append(_service_table(service_cols, "Service types, all units",
                                 "NHS, local-authority and joint (both) services, and the "
                                 "two views: NHS services (NHS + both), what the INWO is "
                                 "sent, and local-authority services (local authority + "
                                 "both), what the IJBs are sent."))
    tables.append(_services_by_unit(now, cells, period.label))
    theme_cols = [Col(SERVICE_NAMES[s] if s in SERVICE_KEYS else
                       {ALL: "All services"}.get(s, s), s, TOTAL, period.label)
                  for s in (*SERVICE_KEYS, ALL)]
    theme_cols.append(Col(f"All services, {before.period.label}", ALL, TOTAL,
                           before.period.label))
    tables.append(theme_table("Themes by service type",
                               "Every concern received in the quarter, by theme and "
                               "service type, beside the same quarter a year earlier.",
                               theme_cols))
    tables.append(_identity_table(now, cells, period.label))
    missing = _missing(board, [period.label], only)
    return BoardReport(
        "quarterly", "Whistleblowing: quarterly report to the board",
        "For the board meeting (the board's whistleblowing champion and members).",
        board.name, period.label, _period_words(period),
        _front(missing, *_format_note(now.units.values())), tuple(missing), cells.cells,
        cells.day_sums, tuple(tables),
        learning=tuple((n, s) for n, u in sorted(now.units.items()) for s in u.learning),
        figures=cells.figures, unit=only or "")


def _services_by_unit(now: _Gathered, cells: Cells, label: str) -> ReportTable:
    """Concerns (each once) and stage entries by service type for each unit: where the NHS
    and the local-authority concerns come from."""
    services = (*SERVICE_KEYS, *VIEWS)
    rows: list[tuple[str, tuple[Entry, ...]]] = []
    for name, item in sorted(now.units.items()):
        for service in services:
            cells.made_from(item.figures, name, label)
            found, _ = kpi_cells(item.figures, service)
            for measure in (("kpi4", "concerns", ""), ("kpi4", "stage_entries", "total")):
                cells.add((*measure, service, name, label), found[measure])
        rows.append((name, tuple(Count(("kpi4", "concerns", "", s, name, label))
                                 for s in services)))
    rows.append(("All units", tuple(Count(("kpi4", "concerns", "", s, TOTAL, label))
                                    for s in services)))
    short = {"nhs": "NHS", "local_authority": "Local authority", "both": "Both",
             NHS_VIEW: "NHS services (NHS + both)",
             LA_VIEW: "Local-authority services (LA + both)"}
    return ReportTable(
        "Service types by unit", "Concerns (each counted once) about each service type, "
        "for each unit: the NHS-services column is what the board monitors and sends to "
        "the INWO; the local-authority-services column is each IJB's.",
        ("Unit", *(short[s] for s in services)), tuple(rows))


def _service_table(cols: Sequence[Col], title: str, intro: str) -> ReportTable:
    measures: list[tuple[str, Callable[[Col], Entry]]] = [
        ("Concerns (each once)", lambda c: Count(cell_key("kpi4", "concerns", "", c))),
        ("Stage entries", lambda c: Count(cell_key("kpi4", "stage_entries", "total", c))),
        ("Closed in full", lambda c: Count(cell_key("kpi5", "closed", "total", c))),
        ("Anonymous", lambda c: Count(cell_key("outside_standards", "anonymous", "", c))),
        ("Unnamed", lambda c: Count(cell_key("outside_standards", "unnamed", "", c))),
    ]
    return ReportTable(title, intro, ("Service type", *(m for m, _ in measures)),
                       tuple((c.heading, tuple(make(c) for _, make in measures))
                             for c in cols))


def _identity_table(now: _Gathered, cells: Cells, label: str) -> ReportTable:
    rows = []
    for name, item in sorted(now.units.items()):
        for measure, value in item.identity_access.items():
            cells.add(("identity_access", measure, "", ALL, name, label), value)
        rows.append((name, tuple(Count(("identity_access", m, "", ALL, name, label))
                                 for m in ACCESS_WORDS)))
    return ReportTable(
        "Oversight: access to whistleblowers' identities",
        "For the board's oversight only, never published: how often each unit's contacts "
        "reached an identity in the period (counts only, never who or why), so that access "
        "is overseen by someone other than the person doing it.",
        ("Unit", *ACCESS_WORDS.values()), tuple(rows),
        ("Units whose returns are in format 1 carry no counts here (none shown).",),
        internal=True)


def _quarter_cols(period: Period, service: str, unit: str,
                  headcounts: Mapping[str, int | None]) -> list[Col]:
    labels = [q.label for q in quarters(period)] if not is_quarter(period) else []
    cols = [Col(label.rsplit("-", 1)[1], service, unit, label, headcounts.get(label))
            for label in labels]
    cols.append(Col("Year" if labels else period.label, service, unit, period.label,
                     headcounts.get(period.label)))
    return cols


def _annual(board: Board, period: Period, only: str | None) -> BoardReport:
    from app.store.board_reports import statements

    if is_quarter(period):
        raise CasebookError("The annual report is for a financial year, like 2025-26.")
    labels = [*(q.label for q in quarters(period)), period.label]
    gathered = {label: _gather(board, label, only) for label in labels}
    cells = Cells()
    for label, item in gathered.items():
        cells.kpis(item.total, NHS_VIEW, TOTAL, label)
        cells.themes(item.total, NHS_VIEW, TOTAL, label)
    cols = _quarter_cols(period, NHS_VIEW, TOTAL,
                         {label: g.total_headcount for label, g in gathered.items()})
    per_staff = any(c.headcount for c in cols)
    tables = measures_down(cols, per_staff)
    tables.append(theme_table("Themes (NHS services)", "Every concern about NHS services "
                               "(NHS + both) received, by theme.", cols))
    year = gathered[period.label]
    own = statements(board, period.label)
    learning = list(dict.fromkeys(s for _, u in sorted(year.units.items()) for s in u.learning))
    texts = (
        ("KPI 1: learning, changes or improvements",
         "\n".join(f"- {s}" for s in learning) if learning else
         "No unit sent a learning statement for this year."),
        ("KPI 2: the experience of everyone involved",
         own.get(2, "The board has not yet written its statement for KPI 2 "
                    "(casebook board statement --kpi 2).")),
        ("KPI 3: staff perceptions, awareness and training",
         own.get(3, "The board has not yet written its statement for KPI 3 "
                    "(casebook board statement --kpi 3).")),
    )
    missing = _missing(board, [period.label], only)
    unequal = _quarters_unequal(gathered, period)
    extra = list(_format_note(year.units.values()))
    if unequal:
        extra.append("The quarters do not add up to the year for " + ", ".join(unequal)
                     + " (an annual return without every quarter, or quarterly returns "
                     "that differ from it): the year column is the annual figure.")
    return BoardReport(
        "annual", "Whistleblowing: annual report",
        "For the INWO, and for publication: NHS services (concerns about NHS services and "
        "joint NHS and local-authority services).",
        board.name, period.label, _period_words(period), _front(missing, *extra),
        tuple(missing), cells.cells, cells.day_sums, tuple(tables), statements=texts,
        learning=tuple((n, s) for n, u in sorted(year.units.items()) for s in u.learning),
        figures=cells.figures, unit=only or "")


def _quarters_unequal(gathered: Mapping[str, _Gathered], period: Period) -> list[str]:
    """Units whose year is their annual return and whose quarters held differ from it (a
    year made of the quarters held adds up by itself)."""
    year = gathered[period.label]
    out = []
    for name, item in sorted(year.units.items()):
        if period.label not in item.returns:
            continue
        parts = [gathered[q.label].units.get(name) for q in quarters(period)]
        total: Any = None
        for part in parts:
            if part is not None:
                total = part.figures if total is None else added(total, part.figures)
        if total is None or _without_period(total) != _without_period(item.figures):
            out.append(name)
    return out


def _without_period(figures: Any) -> Any:
    if isinstance(figures, dict):
        return {k: _without_period(v) for k, v in figures.items() if k != "period"}
    return figures


def _ijb(board: Board, period: Period, unit: str) -> BoardReport:
    labels = [q.label for q in quarters(period)] if not is_quarter(period) else []
    labels.append(period.label)
    gathered = {label: _gather(board, label, unit) for label in labels}
    cells = Cells()
    for label, item in gathered.items():
        figures = item.units[unit].figures if unit in item.units else item.total
        for service in ("local_authority", "both", LA_VIEW):
            cells.kpis(figures, service, unit, label)
            cells.signposting(figures, service, unit, label)
        cells.themes(figures, LA_VIEW, unit, label)
    cols = _quarter_cols(period, LA_VIEW, unit,
                         {label: g.headcounts.get(unit) for label, g in gathered.items()})
    tables = measures_down(cols, any(c.headcount for c in cols))
    split = [Col(SERVICE_NAMES[s], s, unit, period.label)
             for s in ("local_authority", "both", LA_VIEW)]
    tables.insert(0, _service_table(split, f"Service types, {period.label}",
                                    "Local-authority services and joint (both) services; "
                                    "the tables after this one are for the two together."))
    sign_cols = [Col({"local_authority": "Local authority", "both": "NHS and local "
                       "authority", LA_VIEW: "Both together"}[s], s, unit, period.label)
                 for s in ("local_authority", "both", LA_VIEW)]
    tables.append(ReportTable(
        "Signposting", "Where people were signposted after a final decision, by the "
        "concern's service type (a joint concern is signposted both ways): INWO for NHS "
        "services, the Care Inspectorate or another body for local-authority services.",
        ("Signposted to", *(c.heading for c in sign_cols)),
        tuple((SIGNPOST_WORDS[b], tuple(Count(cell_key("signposting", b, "", c))
                                        for c in sign_cols)) for b in SIGNPOST_KEYS)))
    tables.append(theme_table("Themes (local-authority services)", "Every concern about "
                               "local-authority or joint services received, by theme.", cols))
    missing = _missing(board, [period.label], unit)
    return BoardReport(
        "ijb", f"Whistleblowing: report for the integration joint board, {unit}",
        f"For {unit}'s integration joint board (IJB) to publish: concerns about "
        "local-authority services and joint (NHS and local-authority) services.",
        board.name, period.label, _period_words(period),
        _front(missing, *_format_note(gathered[period.label].units.values())),
        tuple(missing), cells.cells, cells.day_sums, tuple(tables), figures=cells.figures,
        unit=unit)


NOT_IN = Words("not in")


def _count_or(key: Key, cells: Mapping[Key, int]) -> Entry:
    return Count(key) if key in cells else NOT_IN


def run_of_quarters(last: Period, count: int) -> list[Period]:
    """`count` quarters ending with `last` (a quarter, or a year's last quarter)."""
    if count < 2 or count > 20:
        raise CasebookError("A run of quarters is 2 to 20 quarters long.")
    if not is_quarter(last):
        last = quarters(last)[-1]
    out = [last]
    while len(out) < count:
        start, q = out[0].label.split("-", 1)[0], int(out[0].label[-1])
        year = int(start) - (1 if q == 1 else 0)
        number = 4 if q == 1 else q - 1
        out.insert(0, parse_period(f"{year}-{(year + 1) % 100:02d}-Q{number}"))
    return out


def _trends(board: Board, period: Period, only: str | None, run: int) -> BoardReport:
    periods = run_of_quarters(period, run)
    labels = [p.label for p in periods]
    gathered = {label: _gather(board, label, only) for label in labels}
    names = sorted({n for g in gathered.values() for n in g.units} | (
        {only} if only else {u.name for u in board.units()}))
    cells = Cells()
    for label, item in gathered.items():
        cells.themes(item.total, ALL, TOTAL, label)
        for name, unit_item in item.units.items():
            cells.themes(unit_item.figures, ALL, name, label)
    short = [f"Q{label[-1]}\n{label[2:7]}" for label in labels]
    cols = [Col(s, ALL, TOTAL, label) for s, label in zip(short, labels, strict=True)]
    theme_series = tuple(Series(THEMES[code], tuple(("themes", code, "", ALL, TOTAL, label)
                                                    for label in labels)) for code in THEMES)
    unit_series = tuple(
        Series(name, tuple(("themes", "all_concerns", "", ALL, name, label)
                           for label in labels),
               tuple(gathered[label].headcounts.get(name) for label in labels))
        for name in names)
    tables = [theme_table(f"Themes over {len(labels)} quarters, all units",
                           "Every concern received, by theme and quarter.", cols)]
    tables.append(ReportTable(
        f"Concerns received by unit over {len(labels)} quarters",
        "Every concern each unit received, whatever became of it.",
        ("Unit", *short),
        tuple((s.name, tuple(_count_or(k, cells.cells) for k in s.keys))
              for s in unit_series)))
    latest = labels[-1]
    unit_cols = [Col(name, ALL, name, latest) for name in names
                 if name in gathered[latest].units]
    if unit_cols:
        tables.append(theme_table(f"Themes by unit, {latest}",
                                  "Every concern each unit received in the latest quarter, "
                                  "by theme.", unit_cols))
    unit_themes = tuple(
        Series(f"{name}: {THEMES[code]}", tuple(("themes", code, "", ALL, name, label)
                                                for label in labels))
        for name in names for code in THEMES)
    staff = [gathered[label].total_headcount for label in labels]
    if any(staff):
        tables.append(ReportTable(
            "Themes per 1,000 staff, all units", "Where every unit in the quarter has its "
            "headcount recorded.", ("Theme", *short),
            tuple((THEMES[code], tuple(Rate(("themes", code, "", ALL, TOTAL, label), h)
                                       for label, h in zip(labels, staff, strict=True)))
                  for code in THEMES)))
    if any(h for s in unit_series for h in s.headcounts):
        tables.append(ReportTable(
            "Concerns per 1,000 staff", "Where the unit's headcount for the quarter is "
            "recorded (casebook board headcount).", ("Unit", *short),
            tuple((s.name, tuple(Rate(k, h) if k in cells.cells else NOT_IN
                                 for k, h in zip(s.keys, s.headcounts, strict=True)))
                  for s in unit_series)))
    ticks = tuple(label.replace("-Q", " Q") for label in labels)
    charts = [TrendChart("Themes: concerns received each quarter", ticks,
                         theme_series),
              TrendChart("Units: concerns received each quarter", ticks, unit_series)]
    if any(all(s.headcounts) for s in unit_series):
        charts.append(TrendChart("Units: concerns per 1,000 staff", ticks,
                                 tuple(s for s in unit_series if all(s.headcounts)),
                                 per_staff=True))
    missing = _missing(board, labels, only)
    return BoardReport(
        "trends", "Whistleblowing: themes and trends across units",
        "For the board's whistleblowing lead and champion: where attention should go.",
        board.name, f"{labels[0]} to {labels[-1]}",
        f"{periods[0].start:%-d %B %Y} to {periods[-1].end:%-d %B %Y}",
        _front(missing, "How a flag is raised: " + FLAG_RULE), tuple(missing),
        cells.cells, cells.day_sums, tuple(tables), tuple(charts),
        series=(*theme_series, *unit_series, *unit_themes), figures=cells.figures,
        unit=only or "")


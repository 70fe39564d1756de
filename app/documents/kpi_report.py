"""The KPI report: the nine INWO key performance indicators for a period, as PDF and CSV.

It renders from figures, not from a casebook, so the board's report is the same
code: `render_kpi_report(ReportContent(...))` takes the KPI figures dict (the
shape of core/kpi.py, with by_service), optional per-theme figures, learning
statements and, for a board, each unit's figures to show beside the total.
`build_kpi_report(book, period)` is the contact's version, read from a casebook.

Internal reports show exact figures. With `publication=True` every figure goes
through core/disclosure.py (small numbers hidden, and enough others that none
can be worked out), percentages and averages built on a hidden figure are
hidden, the threshold is stated on the first page, and learning statements have
email addresses, phone numbers and CHI numbers masked (names are for the
contact to check: a report never opens identities.db).

Which learning statements: those marked publishable whose action was signed off
(done) in the period, exactly as the return carries them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from app.core.disclosure import (
    ALL,
    HIDDEN,
    TOTAL_UNIT,
    Cell,
    PublicationFigures,
    Suppressed,
    exact_report,
    hidden_note,
    protect_report,
)
from app.core.identifying import Scanner
from app.core.kpi import OUTCOME_KEYS, STAGE_KEYS
from app.core.periods import Period
from app.core.records import THEMES, Outcome
from app.core.text import FormulaSafeWriter
from app.documents.charts import Bar, bar_chart
from app.documents.layout import (
    RULE,
    SHADE,
    PageFurniture,
    Progress,
    build_pdf,
    bullet,
    content_width,
    long_date,
    para,
    rich,
    text,
)
from app.documents.report_content import ReportContent, casebook_threshold, report_content
from app.store.casebook import Casebook

DASH = "\u2013"  # shown where a percentage has nothing to be worked out from
SERVICE_HEADINGS = (("all", "All services"), ("nhs", "NHS"),
                    ("local_authority", "Local authority"),
                    ("both", "NHS and local authority"))
STAGE_NAMES = {"stage1": "Stage 1", "stage2": "Stage 2"}
TIMESCALE_DAYS = {"stage1": 5, "stage2": 20}
MAX_COLUMNS = 4  # data columns per table at most; more continue in a further table

PLACEHOLDERS = {
    "learning": "Add a statement on the learning, changes or improvements made as a result "
                "of concerns raised.",
    "experience": "Add a statement on the experience of everyone involved in the procedure "
                  "(people raising concerns, people named in them, and staff handling them).",
    "awareness": "Add a statement on staff perceptions, awareness of the procedure and training.",
}


@dataclass(frozen=True)
class Column:
    """One column of figures: a unit (TOTAL_UNIT for the whole) and a service block."""

    heading: str
    unit: str = TOTAL_UNIT
    block: str = ALL


@dataclass(frozen=True)
class _Shown:
    """The figures as this report shows them (exact, or made safe to publish)."""

    view: PublicationFigures
    themes: Mapping[tuple[str, str], Cell]
    publication: bool
    threshold: int
    contracted: Mapping[tuple[str, str, str], Cell] = field(default_factory=dict)


# ----- formatting ------------------------------------------------------------------------


def show_count(value: Cell) -> str:
    return str(value) if isinstance(value, Suppressed) else f"{value:,}"


def show_ratio(value: float | Suppressed | None, suffix: str = "%") -> str:
    if value is None:
        return DASH
    if isinstance(value, Suppressed):
        return str(value)
    return f"{value:.1f}{suffix}"


def _count_and_percent(count: Cell, percent: float | Suppressed | None) -> str:
    if isinstance(count, Suppressed):
        return str(count)
    return f"{count:,} ({show_ratio(percent)})"


def _bar_value(value: Cell | float | None) -> float | None:
    return None if value is None or isinstance(value, Suppressed) else float(value)


# ----- building the view ---------------------------------------------------------------


CONTRACTED_KEYS = ("stage1", "stage2", "anonymous", "unnamed")


def _shown(content: ReportContent, publication: bool, threshold: int) -> _Shown:
    """The figures, themes included, protected together as one release when published
    (a theme's count is at most the total's, so they are linked)."""
    units = dict(content.units) or None
    themes = dict(content.themes) or None
    if publication:
        report = content.protected or protect_report(content.figures, threshold, units,
                                                     themes)
    else:
        report = exact_report(content.figures, units, themes)
    # Concerns about contracted services are cells of the same release (with those about
    # other services, never printed, they add up to those received).
    view = report.view
    contracted = {(unit, block, key): view.count("contracted", key, block=block, unit=unit)
                  for unit in (TOTAL_UNIT, *content.units) for block, _ in SERVICE_HEADINGS
                  for key in CONTRACTED_KEYS}
    return _Shown(view, report.themes, publication, threshold, contracted)


def default_columns(content: ReportContent) -> list[Column]:
    """A casebook's report splits by service; a board's sets its units beside the total."""
    if content.units:
        return [Column("All units"), *(Column(name, unit=name) for name in content.units)]
    return [Column(heading, block=block) for block, heading in SERVICE_HEADINGS]


LABEL_WIDTH = 58 * mm
T = TypeVar("T")


def _chunks(items: Sequence[T], size: int) -> list[list[T]]:
    """Split into as few pieces of at most `size` as possible, of about equal length."""
    count = -(-len(items) // size) if items else 1
    step = -(-len(items) // count) if items else 1
    return [list(items[i:i + step]) for i in range(0, len(items), step)] or [[]]


# ----- tables ---------------------------------------------------------------------------

Row = tuple[str, Callable[[Column], str]]
Grid = tuple[list[str], list[tuple[str, list[str]]]]  # header, then (label, cells) per row


def _table(grid: Grid) -> Table:
    header, body = grid
    data_width = (content_width() - LABEL_WIDTH) / max(len(header) - 1, 1)
    table = Table(
        [[rich(text(h), "cell_bold") for h in header],
         *([rich(text(label), "cell"), *(rich(text(v), "cell") for v in values)]
           for label, values in body)],
        colWidths=[LABEL_WIDTH, *[data_width] * (len(header) - 1)], repeatRows=1,
        hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _grids(rows: Sequence[Row], columns: Sequence[Column], first_heading: str,
           by_unit: bool) -> list[Grid]:
    """The tables for one KPI. A casebook's report lists measures down the page and
    services across; a board's lists its units down the page (their names can be long)
    and the measures across, a few at a time."""
    if not by_unit:
        header = [first_heading, *(c.heading for c in columns)]
        return [(header, [(label, [cell(c) for c in columns]) for label, cell in rows])]
    return [(["Unit", *(label for label, _ in chunk)],
             [(c.heading, [cell(c) for _, cell in chunk]) for c in columns])
            for chunk in _chunks(rows, MAX_COLUMNS)]


HIDDEN_HERE = "* hidden to protect confidentiality (see the first page)."


def _tables(rows: Sequence[Row], columns: Sequence[Column], first_heading: str,
            by_unit: bool) -> list[list[Flowable]]:
    """Each table with its hidden-figure note where it needs one."""
    out: list[list[Flowable]] = []
    for grid in _grids(rows, columns, first_heading, by_unit):
        parts: list[Flowable] = [_table(grid), Spacer(1, 3)]
        if any(v.startswith(HIDDEN) for _, values in grid[1] for v in values):
            parts.append(para(HIDDEN_HERE, "small"))
        out.append(parts)
    return out


def _section(heading: str, intro: str, tables: list[list[Flowable]], chart: Flowable | None,
             notes: Sequence[str] = ()) -> list[Flowable]:
    """A KPI's heading, table(s), notes and chart. The heading stays with the first table,
    and a short section stays on one page."""
    lead: list[Flowable] = [para(heading, "h1")]
    if intro:
        lead.append(para(intro))
    rest: list[Flowable] = [KeepTogether(t) for t in tables[1:]]
    rest.extend(para(note, "small") for note in notes)
    if chart is not None:
        rest.extend([Spacer(1, 4), chart])
    if len(tables) == 1:
        return [CondPageBreak(60 * mm), KeepTogether([*lead, *tables[0], *rest]), Spacer(1, 6)]
    return [CondPageBreak(60 * mm), KeepTogether([*lead, *tables[0]]), *rest, Spacer(1, 6)]


# ----- the KPIs -----------------------------------------------------------------------


class _Kpis:
    """Builds each KPI's section from the shown figures."""

    def __init__(self, shown: _Shown, columns: Sequence[Column], content: ReportContent) -> None:
        self.shown, self.view, self.columns, self.content = shown, shown.view, columns, content
        self.chart_width = content_width()

    def count(self, column: Column, *measure: str) -> Cell:
        return self.view.count(*measure, block=column.block, unit=column.unit)

    def pct(self, column: Column, numerator: tuple[str, ...], denominator: tuple[str, ...]
            ) -> float | Suppressed | None:
        return self.view.percent(numerator, denominator, block=column.block, unit=column.unit)

    def counted(self, *measure: str) -> Callable[[Column], str]:
        return lambda c: show_count(self.count(c, *measure))

    def counted_pct(self, numerator: tuple[str, ...], denominator: tuple[str, ...]
                    ) -> Callable[[Column], str]:
        return lambda c: _count_and_percent(self.count(c, *numerator),
                                            self.pct(c, numerator, denominator))

    def average_of(self, stage: str) -> Callable[[Column], str]:
        return lambda c: show_ratio(self.view.average_working_days(stage, c.block, c.unit), "")

    def chart(self, bars: list[Bar], caption: str, maximum: float | None = None) -> Flowable:
        return bar_chart(bars, self.chart_width, maximum=maximum, caption=caption)

    def tables(self, rows: Sequence[Row], first_heading: str) -> list[list[Flowable]]:
        return _tables(rows, self.columns, first_heading, bool(self.content.units))

    def total(self) -> Column:
        return self.columns[0]

    # -- KPI 4 -------------------------------------------------------------------------

    def received(self) -> list[Flowable]:
        rows: list[Row] = [(f"Received at {STAGE_NAMES[s].lower()}", self.counted("received", s))
                           for s in STAGE_KEYS]
        rows.append(("Total at both stages", self.counted("received", "total")))
        if self.content.headcount or self.content.unit_headcounts:
            rows.append(("Per 1,000 staff (both stages)", self.rate))
        first = self.total()
        bars = [Bar(STAGE_NAMES[s], _bar_value(self.count(first, "received", s)),
                    show_count(self.count(first, "received", s))) for s in STAGE_KEYS]
        return _section(
            "4. Concerns received",
            "Concerns that entered each stage of the procedure in the period.",
            self.tables(rows, "Concerns received"), self.chart(bars, f"{first.heading}: "
                                                                 "concerns received"),
            ["A concern that moved from stage 1 to stage 2 counts once at each stage."])

    def rate(self, column: Column) -> str:
        if column.block != ALL:
            return DASH
        staff = (self.content.headcount if column.unit == TOTAL_UNIT
                 else self.content.unit_headcounts.get(column.unit))
        received = self.count(column, "received", "total")
        if not staff:
            return "not available"
        if isinstance(received, Suppressed):
            return str(received)
        return f"{1000 * received / staff:.1f}"

    def outside_standards(self) -> list[Flowable]:
        rows: list[Row] = [("Anonymous concerns", self.counted("received", "anonymous")),
                           ("Unnamed concerns", self.counted("received", "unnamed"))]
        return _section(
            "Anonymous and unnamed concerns",
            "Concerns raised anonymously (nobody knows who raised them) or unnamed (the "
            "contact knows, but the record does not) cannot go through the Standards, so they "
            "are counted here and not in the figures for the stages, unless someone else "
            "raising the same concern is named and agreed to use the procedure, or the "
            "person came forward later: such a concern is counted here and at its stages.",
            self.tables(rows, "Concerns received"), None)

    def contracted(self) -> list[Flowable]:
        def cell(key: str) -> Callable[[Column], str]:
            return lambda c: show_count(self.shown.contracted.get(
                (c.unit, c.block, key), 0))

        rows: list[Row] = [(f"Received at {STAGE_NAMES[s].lower()}", cell(s))
                           for s in STAGE_KEYS]
        rows += [("Anonymous", cell("anonymous")), ("Unnamed", cell("unnamed"))]
        return _section(
            "Contracted and primary-care services",
            "Of the concerns received, those about a contracted or primary-care service (a "
            "GP practice, dentist, pharmacy or optician, or a service the board contracts "
            "out), counted in the same way.",
            self.tables(rows, "Concerns received"), None)

    # -- KPI 5 -------------------------------------------------------------------------

    def closed(self) -> list[Flowable]:
        rows: list[Row] = [
            (f"Closed at {STAGE_NAMES[s].lower()}",
             self.counted_pct(("closed", s), ("closed", "total"))) for s in STAGE_KEYS]
        rows.append(("Total closed in full", self.counted("closed", "total")))
        first = self.total()
        bars = [Bar(STAGE_NAMES[s], _bar_value(self.count(first, "closed", s)),
                    show_count(self.count(first, "closed", s))) for s in STAGE_KEYS]
        return _section(
            "5. Concerns closed",
            "Concerns closed in full at each stage (a full response with an outcome), as a "
            "percentage of all concerns closed in full in the period.",
            self.tables(rows, "Concerns closed"), self.chart(bars, f"{first.heading}: "
                                                             "concerns closed in full"))

    # -- KPI 6 -------------------------------------------------------------------------

    def outcomes(self) -> list[Flowable]:
        rows: list[Row] = []
        bars: list[Bar] = []
        first = self.total()
        for stage in STAGE_KEYS:
            for outcome in OUTCOME_KEYS:
                label = f"{STAGE_NAMES[stage]}: {Outcome(outcome).label.lower()}"
                rows.append((label, self.counted_pct(("outcomes", stage, outcome),
                                                     ("closed", stage))))
                value = self.count(first, "outcomes", stage, outcome)
                bars.append(Bar(label, _bar_value(value), show_count(value)))
        return _section(
            "6. Outcomes",
            "Concerns upheld, partially upheld and not upheld at each stage, as a percentage of "
            "the concerns closed in full at that stage.",
            self.tables(rows, "Outcome"), self.chart(bars, f"{first.heading}: outcomes"))

    # -- KPI 7 -------------------------------------------------------------------------

    def working_days(self) -> list[Flowable]:
        rows: list[Row] = []
        for stage in STAGE_KEYS:
            rows.append((f"{STAGE_NAMES[stage]}: average working days",
                         self.average_of(stage)))
            rows.append((f"{STAGE_NAMES[stage]}: full responses", self.counted("closed", stage)))
        first = self.total()
        bars = []
        for stage in STAGE_KEYS:
            average = self.view.average_working_days(stage, first.block, first.unit)
            bars.append(Bar(f"{STAGE_NAMES[stage]} (target {TIMESCALE_DAYS[stage]})",
                            None if average is None or isinstance(average, Suppressed)
                            else average, show_ratio(average, " days")))
        return _section(
            "7. Average time for a full response",
            "The average number of working days from the day a concern entered the stage to "
            "its full response.",
            self.tables(rows, "Working days"), self.chart(
                bars, f"{first.heading}: average working days to a full response"))

    # -- KPI 8 -------------------------------------------------------------------------

    def timescale(self) -> list[Flowable]:
        rows: list[Row] = []
        bars: list[Bar] = []
        first = self.total()
        for stage in STAGE_KEYS:
            days = TIMESCALE_DAYS[stage]
            rows.append((f"{STAGE_NAMES[stage]}: within {days} working days",
                         self.counted_pct(("within_timescale", stage), ("closed", stage))))
            rows.append((f"{STAGE_NAMES[stage]}: over {days} working days",
                         self.counted_pct(("outside_timescale", stage), ("closed", stage))))
            percent = self.pct(first, ("within_timescale", stage), ("closed", stage))
            bars.append(Bar(f"{STAGE_NAMES[stage]} within {days} days", _bar_value(percent),
                            show_ratio(percent)))
        return _section(
            "8. Closed within the timescale",
            "Concerns closed in full within 5 working days at stage 1 and 20 working days at "
            "stage 2, as a percentage of those closed in full at the stage. An extension does "
            "not change the timescale for this measure.",
            self.tables(rows, "Concerns closed"), self.chart(
                bars, f"{first.heading}: percentage closed within the timescale", 100.0))

    # -- KPI 9 -------------------------------------------------------------------------

    def extended(self) -> list[Flowable]:
        rows: list[Row] = [
            (f"{STAGE_NAMES[s]}: extension authorised",
             self.counted_pct(("extended", s), ("received", s))) for s in STAGE_KEYS]
        first = self.total()
        bars = [Bar(STAGE_NAMES[s], _bar_value(self.count(first, "extended", s)),
                    show_count(self.count(first, "extended", s))) for s in STAGE_KEYS]
        return _section(
            "9. Extensions",
            "Concerns that entered each stage in the period and had an extension authorised, "
            "as a percentage of all concerns that entered the stage.",
            self.tables(rows, "Concerns extended"), self.chart(
                bars, f"{first.heading}: concerns with an extension"))

    def other_closures(self) -> list[Flowable]:
        labels = (("withdrawn", "Withdrawn"), ("transferred", "Transferred to another procedure"),
                  ("not_taken_forward", "Not taken forward under the Standards"))
        rows: list[Row] = [(label, self.counted("other_closures", key)) for key, label in labels]
        return _section(
            "Concerns closed in other ways",
            "These are not closed in full, so they are not in KPIs 5 to 8.",
            self.tables(rows, "Concerns"), None)


# ----- themes, statements, front page -------------------------------------------------


def _themes_section(shown: _Shown, content: ReportContent) -> list[Flowable]:
    if not content.themes:
        return []
    rows = []
    for code, label in THEMES.items():
        if code not in content.themes:
            continue
        cells = [show_count(shown.themes[(code, key)]) for key in ("stage1", "stage2", "outside")]
        rows.append([rich(text(label), "cell"), *(rich(text(c), "cell") for c in cells)])
    header = [rich(text(h), "cell_bold") for h in
              ("Theme", "Received at stage 1", "Received at stage 2", "Anonymous or unnamed")]
    width = content_width()
    table = Table([header, *rows], colWidths=[width - 3 * 34 * mm, *[34 * mm] * 3],
                  repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    note = [para(HIDDEN_HERE, "small")] if any(
        isinstance(v, Suppressed) for v in shown.themes.values()) else []
    return [CondPageBreak(60 * mm), KeepTogether([
        para("Themes", "h1"),
        para("What the concerns received in the period were about. A concern can have more "
             "than one theme, so the themes add up to more than the total."),
        table, Spacer(1, 3), *note]), Spacer(1, 8)]


def _statement(content: ReportContent, key: str) -> Flowable:
    given = content.statements.get(key, "").strip()
    return para(given) if given else para(f"[{PLACEHOLDERS[key]}]", "small")


def _statements_section(content: ReportContent, shown: _Shown) -> list[Flowable]:
    out: list[Flowable] = [
        para("1. Learning, changes or improvements", "h1"), _statement(content, "learning")]
    if content.learning:
        out.append(para("Learning from concerns closed in this period, approved for sharing:",
                        "h2"))
        for statement in content.learning:
            # Masked by the casebook's scanner already (figures.learning_statements); for
            # publication, any pattern left in text from elsewhere goes too.
            out.append(bullet(Scanner.patterns_only().mask(statement) if shown.publication
                              else statement))
    else:
        out.append(para("No learning statements were approved for sharing in this period.",
                        "small"))
    out.extend([para("2. The experience of everyone involved", "h1"),
                _statement(content, "experience"),
                para("3. Staff perceptions, awareness and training", "h1"),
                _statement(content, "awareness")])
    return out


def _front(content: ReportContent, shown: _Shown) -> list[Flowable]:
    who = content.unit if content.unit == content.organisation else (
        f"{content.organisation}: {content.unit}")
    out: list[Flowable] = [
        para(content.title, "title"),
        para(f"{content.period_label} ({content.period_dates})", "h2"),
        para(who),
        para(f"Produced on {long_date(content.generated_on)}.", "small"),
    ]
    if shown.publication:
        out.append(para(
            f"For publication. To protect the people involved, numbers from 1 to "
            f"{shown.threshold - 1} are hidden (the threshold is {shown.threshold}), and other "
            "numbers too, so that none can be worked out from the rest of this report or from "
            "earlier published reports: checked before this report was made, a reader "
            f"cannot tell whether a hidden number is 0, small, or {shown.threshold} or more. "
            "Hidden figures are shown as *. Percentages and averages made from a hidden "
            "figure are hidden too.", "body"))
    else:
        out.append(para("Internal report with exact figures: not for publication. Make a "
                        "publication version to share it outside the organisation.", "body"))
    out.append(para("The key performance indicators are those of the Independent National "
                    "Whistleblowing Officer (INWO). How each figure is counted is explained at "
                    "the end of this report.", "small"))
    out.extend(para(note) for note in content.front_notes)
    return out


DEFINITIONS = (
    "Received: the concern entered the stage in the period (stage 1 on the date it was "
    "received; stage 2 on the date received or the date it was escalated).",
    "Closed in full: a full response with an outcome (upheld, partially upheld or not upheld), "
    "counted in the period holding the response date. Withdrawn, transferred and "
    "not-taken-forward concerns are counted separately.",
    "Working days: Monday to Friday, less public holidays (Scottish bank holidays and the "
    "organisation's own), counted after the day the concern entered the stage up to and "
    "including the day of the full response.",
    "Within timescale: a full response within 5 working days at stage 1 or 20 at stage 2, "
    "whatever an extension allowed.",
    "Extensions: concerns that entered the stage in the period with at least one extension "
    "authorised, whether still open or closed.",
    "Anonymous and unnamed concerns are outside the Standards and are counted only in their "
    "own table.",
    "Several people raising the same concern: it is one concern, counted once at each stage "
    "it entered if anyone who raised it is named and agreed to use the procedure, and also "
    "among the anonymous or unnamed if any of them raised it so. Each figure counts distinct "
    "concerns, so a concern can be in the stage figures and in the anonymous or unnamed "
    "table at once.",
    "A concern received anonymously or unnamed whose person came forward later and agreed to "
    "use the procedure stays counted as anonymous or unnamed when it was received, and "
    "enters its stage on the date of agreement; a named concern whose person asked later not "
    "to be named keeps the figures already made. A record corrected changes the figures, for "
    "the past too.",
    "NHS and local authority: concerns about services provided by both are shown in their own "
    "column; the first column covers every service.",
)


BOARD_SERVICES = (
    "Every column covers every service. NHS, local-authority and joint (both) services, the "
    "NHS-services view (NHS + both) for the INWO and the local-authority-services view "
    "(local authority + both) for the IJBs are in the board's quarterly report (casebook "
    "board report --kind quarterly).")


def _definitions(shown: _Shown) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(50 * mm), para("How the figures are counted", "h1")]
    items = list(DEFINITIONS)
    if shown.view.units:  # a board's report: units side by side, no service columns
        items[-1] = BOARD_SERVICES
    out.extend(bullet(item) for item in items)
    if shown.publication:
        out.append(para(hidden_note(shown.threshold), "small"))
    return out


# ----- the report -----------------------------------------------------------------------


def render_kpi_report(content: ReportContent, *, publication: bool = False,
                      threshold: int = 5, columns: Sequence[Column] | None = None,
                      on_progress: Progress | None = None) -> bytes:
    """The KPI report as PDF bytes. `columns` defaults to services (or the board's units)."""
    shown = _shown(content, publication, threshold)
    columns = list(columns or default_columns(content))
    kpis = _Kpis(shown, columns, content)
    parts: list[Callable[[], list[Flowable]]] = [
        lambda: _front(content, shown),
        lambda: _statements_section(content, shown),
        kpis.received, kpis.outside_standards, kpis.contracted, kpis.closed, kpis.outcomes,
        kpis.working_days,
        kpis.timescale, kpis.extended, kpis.other_closures,
        lambda: _themes_section(shown, content),
        lambda: _definitions(shown),
    ]
    story: list[Flowable] = []
    for done, part in enumerate(parts, start=1):
        story.extend(part())
        if on_progress is not None:
            on_progress(done, len(parts) + 1)
    marking = "For publication" if publication else "Internal: not for publication"
    pdf = build_pdf(story, title=f"{content.title}, {content.period_label}",
                    author=content.organisation, subject=content.unit,
                    furniture=PageFurniture(
                        footer=f"{content.unit}: {content.period_label}", marking=marking))
    if on_progress is not None:
        on_progress(len(parts) + 1, len(parts) + 1)
    return pdf


# ----- CSV --------------------------------------------------------------------------------

CSV_HEADER = ("section", "measure", "stage", "service", "unit", "value", "period")


def _csv_value(value: Cell | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Suppressed):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _csv_rows_for(view: PublicationFigures, unit: str, block: str) -> Iterator[list[str]]:
    def row(section: str, measure: str, stage: str, value: Cell | float | None) -> list[str]:
        return [section, measure, stage, block, unit, _csv_value(value)]

    def c(*measure: str) -> Cell:
        return view.count(*measure, block=block, unit=unit)

    derived = view.derived(block, unit)
    for stage in (*STAGE_KEYS, "total"):
        yield row("kpi4_received", "received", stage, c("received", stage))
    for kind in ("anonymous", "unnamed"):
        yield row("outside_standards", kind, "", c("received", kind))
    for stage in (*STAGE_KEYS, "total"):
        yield row("kpi5_closed", "closed", stage, c("closed", stage))
    for stage in STAGE_KEYS:
        yield row("kpi5_closed", "closed_percent", stage, derived["closed_percent"][stage])
        for outcome in OUTCOME_KEYS:
            yield row("kpi6_outcomes", outcome, stage, c("outcomes", stage, outcome))
            yield row("kpi6_outcomes", f"{outcome}_percent", stage,
                      derived["outcomes_percent"][stage][outcome])
        yield row("kpi7_working_days", "average_working_days", stage,
                  derived["average_working_days"][stage])
        yield row("kpi8_within_timescale", "within_timescale", stage,
                  c("within_timescale", stage))
        yield row("kpi8_within_timescale", "outside_timescale", stage,
                  c("outside_timescale", stage))
        yield row("kpi8_within_timescale", "within_timescale_percent", stage,
                  derived["within_timescale_percent"][stage])
        yield row("kpi9_extended", "extended", stage, c("extended", stage))
        yield row("kpi9_extended", "extended_percent", stage, derived["extended_percent"][stage])
    for closure in ("withdrawn", "transferred", "not_taken_forward"):
        yield row("other_closures", closure, "", c("other_closures", closure))


def report_csv(content: ReportContent, *, publication: bool = False, threshold: int = 5) -> str:
    """The same figures as the PDF, one per row: section, measure, stage, service, unit,
    value, period (the all-units total has an empty unit).

    Hidden figures (publication) read "*"; percentages and averages have one decimal
    place and are empty where there is nothing to work them out from. The exact and the
    publication CSV have the same rows, the last saying below which number counts are
    hidden (empty in the exact one: nothing is hidden).
    """
    shown = _shown(content, publication, threshold)
    rows: list[list[str]] = []
    for unit in (TOTAL_UNIT, *content.units):
        for block, _ in SERVICE_HEADINGS:
            rows.extend(_csv_rows_for(shown.view, unit, block))
            for key in CONTRACTED_KEYS:
                rows.append(["contracted_services", "contracted", key, block, unit,
                             _csv_value(shown.contracted.get((unit, block, key), 0))])
    for code in THEMES:
        if code in content.themes:
            for key in ("stage1", "stage2", "outside"):
                stage = "anonymous_or_unnamed" if key == "outside" else key
                rows.append(["themes", code, stage, ALL, TOTAL_UNIT,
                             _csv_value(shown.themes[(code, key)])])
    rows.append(["publication", "hidden_below", "", "", "",
                 str(threshold) if publication else ""])
    out = io.StringIO()
    writer = FormulaSafeWriter(csv.writer(out, lineterminator="\n"))
    writer.writerow(CSV_HEADER)
    writer.writerows([*row, content.period_label] for row in rows)
    return out.getvalue()


# ----- from a casebook ----------------------------------------------------------------------


def build_kpi_report(book: Casebook, period: Period, *, publication: bool = False,
                     today: date | None = None, statements: Mapping[str, str] | None = None,
                     on_progress: Progress | None = None) -> bytes:
    """The contact's KPI report for a period, as PDF bytes (audited by the caller's export)."""
    content = report_content(book, period, today=today, statements=statements)
    return render_kpi_report(content, publication=publication,
                             threshold=casebook_threshold(book), on_progress=on_progress)

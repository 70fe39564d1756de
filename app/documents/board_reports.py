"""The board's report kinds as PDF: quarterly, annual, IJB and trends (app/core/board_tables).

Page 1 says what the report is, for whom, the period, whether it is internal or for
publication (and the threshold), which units' returns are missing, and how the counts are
counted. Then the statements (annual: KPIs 1-3), the tables, and for trends the charts
(one line per theme or unit over the quarters) and the flags with the rule that raised them.
Every value comes from `shown` (exact, or as protected for publication); a hidden value is
`*`, and a chart leaves a hidden point out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from app.core.board_tables import (
    BoardReport,
    Key,
    ReportTable,
    TrendChart,
    entry_text,
    publication_report,
)
from app.core.disclosure import HIDDEN, Cell, Suppressed, hidden_note
from app.documents.layout import (
    INK,
    MUTED,
    RULE,
    SHADE,
    PageFurniture,
    build_pdf,
    bullet,
    content_width,
    fonts,
    long_date,
    para,
    paras,
    rich,
    text,
)

PALETTE = (colors.HexColor("#005eb8"), colors.HexColor("#d5281b"), colors.HexColor("#007f3b"),
           colors.HexColor("#ffb81c"), colors.HexColor("#330072"), colors.HexColor("#00a499"),
           colors.HexColor("#ae2573"), colors.HexColor("#4c6272"), colors.HexColor("#ed8b00"),
           colors.HexColor("#41b6e6"), colors.HexColor("#78be20"), colors.HexColor("#8a1538"))
LABEL_WIDTH = 62 * mm
HIDDEN_HERE = "* hidden to protect confidentiality (see the first page)."


def _front(report: BoardReport, publication: bool, threshold: int,
           today: date) -> list[Flowable]:
    out: list[Flowable] = [
        para(report.title, "title"),
        para(f"{report.period_label} ({report.period_words})", "h2"),
        para(report.board_name),
        para(report.audience, "subject"),
        para(f"Produced on {long_date(today)}.", "small"),
    ]
    if publication:
        out.append(para(
            f"For publication. To protect the people involved, numbers from 1 to "
            f"{threshold - 1} are hidden (the threshold is {threshold}), and so are some "
            "other figures, so that a hidden number cannot be worked out from totals, "
            "other units or other periods. Hidden figures are shown as *; percentages, "
            "averages and rates made from a hidden figure are hidden too."))
    else:
        out.append(para("Internal report with exact figures: not for publication. Make "
                        "the publication version to share it outside the board."))
    out.extend(para(line) for line in report.front)
    return out


def _table(table: ReportTable, shown: Mapping[Key, Cell], report: BoardReport
           ) -> list[Flowable]:
    header = list(table.header)
    body = [[label, *(entry_text(e, shown, report) for e in entries)]
            for label, entries in table.rows]
    data_cols = max(len(header) - 1, 1)
    width = content_width()
    label_width = LABEL_WIDTH if data_cols <= 3 else 48 * mm if data_cols <= 4 else 42 * mm
    data_width = (width - label_width) / data_cols
    grid = Table(
        [[rich(text(h), "cell_bold") for h in header],
         *([rich(text(row[0]), "cell"), *(rich(text(v), "cell") for v in row[1:])]
           for row in body)],
        colWidths=[label_width, *[data_width] * data_cols], repeatRows=1, hAlign="LEFT")
    grid.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    lead: list[Flowable] = [para(table.title, "h1")]
    if table.intro:
        lead.append(para(table.intro, "small"))
    rest: list[Flowable] = [para(n, "small") for n in table.notes]
    if any(v.startswith(HIDDEN) for row in body for v in row[1:]):
        rest.append(para(HIDDEN_HERE, "small"))
    return [CondPageBreak(45 * mm), KeepTogether([*lead, grid, Spacer(1, 3), *rest]),
            Spacer(1, 6)]


def _point(value: Cell | None, headcount: int | None, per_staff: bool) -> float | None:
    if value is None or isinstance(value, Suppressed):
        return None
    if per_staff:
        return None if not headcount else 1000 * value / headcount
    return float(value)


def trend_chart(chart: TrendChart, shown: Mapping[Key, Cell], width: float) -> Drawing:
    """One line per series over the quarters, with a dot on each point; a hidden point is
    left out (the line breaks there), so the chart never shows what the table hides."""
    font, bold = fonts().regular, fonts().bold
    columns = 3
    rows = max(1, -(-len(chart.series) // columns))
    legend_height = rows * 12 + 4
    plot_height = 140.0
    left, right, bottom = 34.0, 10.0, legend_height + 20
    height = plot_height + bottom + 24
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, chart.title, fontName=bold, fontSize=10, fillColor=INK))
    lines = []
    for series in chart.series:
        heads = series.headcounts or (None,) * len(series.keys)
        lines.append([_point(shown.get(k), h, chart.per_staff)
                      for k, h in zip(series.keys, heads, strict=True)])
    top = max((v for line in lines for v in line if v is not None), default=0.0)
    top = _nice_top(top)
    plot_width = width - left - right
    step = plot_width / max(len(chart.periods) - 1, 1)

    def xy(i: int, value: float) -> tuple[float, float]:
        return left + i * step, bottom + plot_height * value / top

    for tick in range(5):  # the value axis, in quarters of the top value
        level = top * tick / 4
        y = bottom + plot_height * tick / 4
        drawing.add(Line(left, y, left + plot_width, y, strokeColor=RULE, strokeWidth=0.4))
        label = f"{level:.0f}" if level == int(level) else f"{level:.1f}"
        drawing.add(String(left - 4, y - 3, label, fontName=font, fontSize=7,
                           fillColor=MUTED, textAnchor="end"))
    for i, period in enumerate(chart.periods):
        drawing.add(String(left + i * step, bottom - 11, period, fontName=font, fontSize=7,
                           fillColor=MUTED, textAnchor="middle"))
    for n, line in enumerate(lines):
        colour = PALETTE[n % len(PALETTE)]
        for i, value in enumerate(line):
            if value is None:
                continue
            x, y = xy(i, value)
            drawing.add(Circle(x, y, 1.8, fillColor=colour, strokeColor=None))
            following = line[i + 1] if i + 1 < len(line) else None
            if following is not None:
                x2, y2 = xy(i + 1, following)
                drawing.add(Line(x, y, x2, y2, strokeColor=colour, strokeWidth=1.4))
    cell = (width - left) / columns
    for n, series in enumerate(chart.series):
        x = left + (n % columns) * cell
        y = legend_height - 12 * (n // columns + 1) + 2
        drawing.add(Rect(x, y, 8, 6, fillColor=PALETTE[n % len(PALETTE)], strokeColor=None))
        drawing.add(String(x + 11, y, series.name[:42], fontName=font, fontSize=7,
                           fillColor=INK))
    if chart.per_staff:
        drawing.add(String(width, height - 12, "concerns per 1,000 staff", fontName=font,
                           fontSize=8, fillColor=MUTED, textAnchor="end"))
    return drawing


def _nice_top(value: float) -> float:
    """A round top for the value axis, at or above `value` (4 at least)."""
    if value <= 4:
        return 4.0
    for step in (4, 8, 20, 40, 80, 200, 400, 800, 2000, 4000):
        if value <= step:
            return float(step)
    return float(value)


def render_board_report(report: BoardReport, shown: Mapping[Key, Cell], *,
                        publication: bool, threshold: int, flags: Sequence[str] = (),
                        today: date | None = None) -> bytes:
    """The report as PDF bytes (for publication, what is for oversight only is left out)."""
    if publication:
        report = publication_report(report)
    today = today or date.today()
    story: list[Flowable] = _front(report, publication, threshold, today)
    for heading, body in report.statements:
        story.append(para(heading, "h1"))
        story.extend(paras(body.replace("\n- ", "\n\n- ")))
    if report.kind == "trends":
        story.append(para("Flags", "h1"))
        if flags:
            story.extend(bullet(f) for f in flags)
        else:
            story.append(para("No theme or unit meets the rule this quarter."))
        for chart in report.charts:
            story.extend([CondPageBreak(90 * mm), trend_chart(chart, shown, content_width()),
                          Spacer(1, 8)])
    for table in report.tables:
        story.extend(_table(table, shown, report))
    if publication:
        story.append(para(hidden_note(threshold), "small"))
    marking = "For publication" if publication else "Internal: not for publication"
    return build_pdf(story, title=f"{report.title}, {report.period_label}",
                     author=report.board_name, subject=report.kind,
                     furniture=PageFurniture(footer=f"{report.board_name}: {report.title}, "
                                             f"{report.period_label}"[:110], marking=marking))

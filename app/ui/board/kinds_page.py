"""Reports and trends: the reports a board sends (quarterly, annual, IJB) and the trends
across units and quarters, as `casebook board report --kind KIND` makes them.

The page shows the report's tables as they will be printed (exact, or as published), the
trends' charts (one line per theme or unit over the quarters) with the flags and the rule
that raised them, and saves the PDF and CSV: every figure is made on the worker by
app.services.report_kinds, the same code as the command line. For the annual report the
board's own statements for KPI 2 and KPI 3 are typed here and kept in the board store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.board_tables import Key, TrendChart, entry_text
from app.core.disclosure import Cell, Suppressed
from app.core.periods import Period
from app.core.thresholds import DEFAULT_THRESHOLD
from app.services.report_kinds import MadeReport, make_report, set_statement, statements
from app.ui.base.form_feedback import heading_font
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession
from app.ui.board.period_chooser import PeriodChooser
from app.ui.board.report_saver import ReportSaver

if TYPE_CHECKING:
    from app.store.board import Board

MIN_THRESHOLD, MAX_THRESHOLD = 2, 50
COLOURS = ("#005eb8", "#d5281b", "#007f3b", "#ffb81c", "#330072", "#00a499", "#ae2573",
           "#4c6272", "#ed8b00", "#41b6e6", "#78be20", "#8a1538")


class TrendChartView(QWidget):
    """One trend chart: a line per series over the quarters, a gap where a figure is
    hidden, and a key beneath."""

    def __init__(self, chart: TrendChart, shown: dict[Key, Cell],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self.shown = chart, shown
        self.setMinimumHeight(260 + 18 * ((len(chart.series) + 2) // 3))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(chart.title)
        self.lines = [self._line(i) for i in range(len(chart.series))]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(600, self.minimumHeight())

    def _line(self, index: int) -> list[float | None]:
        series = self.chart.series[index]
        heads = series.headcounts or (None,) * len(series.keys)
        out: list[float | None] = []
        for key, head in zip(series.keys, heads, strict=True):
            value = self.shown.get(key)
            if value is None or isinstance(value, Suppressed):
                out.append(None)
            elif self.chart.per_staff:
                out.append(1000 * value / head if head else None)
            else:
                out.append(float(value))
        return out

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        rule = QColor(text)
        rule.setAlpha(70)
        rows = (len(self.chart.series) + 2) // 3
        width, height = self.width(), self.height()
        left, right, top, bottom = 44.0, 44.0, 28.0, 36.0 + 18 * rows
        plot = QRectF(left, top, width - left - right, height - top - bottom)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(QPointF(4, 16), self.chart.title)
        painter.setFont(self.font())
        values = [v for line in self.lines for v in line if v is not None]
        high = max(values, default=0.0)
        scale = 4.0 if high <= 4 else float(next(
            (s for s in (8, 20, 40, 80, 200, 400, 800, 2000) if high <= s), high))
        for tick in range(5):
            y = plot.bottom() - plot.height() * tick / 4
            painter.setPen(QPen(rule, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            level = scale * tick / 4
            painter.drawText(QRectF(0, y - 8, left - 6, 16),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{level:.0f}" if level == int(level) else f"{level:.1f}")
        count = len(self.chart.periods)
        step = plot.width() / max(count - 1, 1)
        for i, label in enumerate(self.chart.periods):
            x = plot.left() + i * step
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, 16),
                             int(Qt.AlignmentFlag.AlignHCenter), label)

        def point(i: int, value: float) -> QPointF:
            return QPointF(plot.left() + i * step, plot.bottom() - plot.height() * value / scale)

        for n, line in enumerate(self.lines):
            colour = QColor(COLOURS[n % len(COLOURS)])
            painter.setPen(QPen(colour, 2))
            painter.setBrush(colour)
            for i, value in enumerate(line):
                if value is None:
                    continue
                painter.drawEllipse(point(i, value), 2.5, 2.5)
                following = line[i + 1] if i + 1 < len(line) else None
                if following is not None:
                    painter.drawLine(point(i, value), point(i + 1, following))
        cell = (width - left) / 3
        for n, series in enumerate(self.chart.series):
            x = left + (n % 3) * cell
            y = plot.bottom() + 26 + 18 * (n // 3)
            painter.fillRect(QRectF(x, y, 10, 10), QColor(COLOURS[n % len(COLOURS)]))
            painter.setPen(text)
            name = painter.fontMetrics().elidedText(series.name, Qt.TextElideMode.ElideRight,
                                                    int(cell - 22))
            painter.drawText(QPointF(x + 14, y + 9), name)
        painter.end()


class KindsPage(QWidget):
    """Choose a kind, a period (and a unit), see it, save its PDF and CSV."""

    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardKinds")
        self.session = session
        self.made: MadeReport | None = None
        self.units: tuple[str, ...] = ()
        self.kinds = (
            ("quarterly", self.tr("Quarterly report to the board meeting")),
            ("annual", self.tr("Annual report (INWO, published): NHS services")),
            ("ijb", self.tr("IJB report for one HSCP: local-authority services")),
            ("trends", self.tr("Themes and trends across units")),
        )

        title = QLabel(self.tr("Reports and trends"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "The reports the board sends, each for whom it is meant, and the trends across "
            "units and quarters. The quarterly report is for a quarter; the annual report "
            "for a financial year; the IJB report for one HSCP; the trends end with the "
            "period chosen."))
        intro.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Report"))
        for code, label in self.kinds:
            self.kind.addItem(label, code)
        kind_label = QLabel(self.tr("&Report:"))
        kind_label.setBuddy(self.kind)
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.addItem(self.tr("All units"), "")
        unit_label = QLabel(self.tr("U&nit:"))
        unit_label.setBuddy(self.unit)
        self.quarters = QSpinBox()
        self.quarters.setRange(2, 20)
        self.quarters.setValue(8)
        self.quarters.setAccessibleName(self.tr("Quarters in the trends"))
        quarters_label = QLabel(self.tr("Q&uarters:"))
        quarters_label.setBuddy(self.quarters)
        chooser_row = QHBoxLayout()
        for widget in (kind_label, self.kind, unit_label, self.unit, quarters_label,
                       self.quarters):
            chooser_row.addWidget(widget)
        chooser_row.addStretch(1)
        self.chooser = PeriodChooser(session.today())
        self.publication = QCheckBox(self.tr("For &publication: hide small numbers"))
        self.publication.setAccessibleName(self.tr("For publication"))
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setEnabled(False)
        self.threshold.setAccessibleName(self.tr("Hide counts below this number"))
        self.show_button = QPushButton(self.tr("S&how"))
        self.show_button.setAccessibleName(self.tr("Show the report"))
        self.show_button.clicked.connect(self.refresh)
        options = QHBoxLayout()
        options.addWidget(self.publication)
        options.addWidget(self.threshold)
        options.addStretch(1)
        options.addWidget(self.show_button)
        self.publication.toggled.connect(self.threshold.setEnabled)

        self.front = QLabel()
        self.front.setWordWrap(True)
        self.front.setAccessibleName(self.tr("About this report"))
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setAccessibleName(self.tr("Flags"))
        self.table = QTableWidget(0, 1)
        self.table.setAccessibleName(self.tr("Report tables"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(320)
        self.charts = QVBoxLayout()
        charts_box = QWidget()
        charts_box.setLayout(self.charts)

        self.statement2 = QPlainTextEdit()
        self.statement2.setAccessibleName(self.tr("KPI 2: the experience of everyone "
                                                  "involved"))
        self.statement2.setPlaceholderText(self.tr("KPI 2: the experience of everyone "
                                                   "involved in the procedure"))
        self.statement3 = QPlainTextEdit()
        self.statement3.setAccessibleName(self.tr("KPI 3: staff perceptions, awareness and "
                                                  "training"))
        self.statement3.setPlaceholderText(self.tr("KPI 3: staff perceptions, awareness and "
                                                   "training (numbers trained, survey results)"))
        for edit in (self.statement2, self.statement3):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(90)
        self.save_statements = QPushButton(self.tr("Keep the &statements"))
        self.save_statements.setAccessibleName(self.tr("Keep the board's statements"))
        self.save_statements.clicked.connect(self.keep_statements)
        self.statements_box = QWidget()
        statements_layout = QVBoxLayout(self.statements_box)
        statements_layout.setContentsMargins(0, 0, 0, 0)
        statements_layout.addWidget(QLabel(self.tr("The board's own statements for this "
                                                   "year (annual report):")))
        statements_layout.addWidget(self.statement2)
        statements_layout.addWidget(self.statement3)
        statements_layout.addWidget(self.save_statements, 0, Qt.AlignmentFlag.AlignRight)

        self.saver = ReportSaver(self, session, self.save, self._set_enabled,
                                 self.tr("Save the report"), self.tr("Reports message"),
                                 self.tr("Save the report's figures as CSV"))
        self.busy, self.message = self.saver.busy, self.saver.message
        self.save_pdf, self.save_csv = self.saver.save_pdf, self.saver.save_csv
        self.ask_save_path: Callable[[Path, str], Path | None] = self.saver.ask_path
        buttons = self.saver.button_row()

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.front)
        inner.addWidget(self.flags)
        inner.addWidget(charts_box)
        inner.addWidget(self.table)
        inner.addWidget(self.statements_box)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("The report"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(chooser_row)
        layout.addWidget(self.chooser)
        layout.addLayout(options)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._stale = True
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh())
        self.chooser.period_changed.connect(lambda _p: self.refresh())
        self.publication.toggled.connect(lambda _on: self.refresh())
        self.threshold.valueChanged.connect(lambda _v: self.refresh())
        self.quarters.valueChanged.connect(lambda _v: self.refresh())
        self._set_enabled(False)

    # ----- choosing ------------------------------------------------------------------------

    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def period(self) -> Period:
        return self.chooser.period()

    def unit_name(self) -> str | None:
        return str(self.unit.currentData()) or None

    def _kind_changed(self) -> None:
        kind = self.kind_code()
        self.quarters.setEnabled(kind == "trends")
        self.statements_box.setVisible(kind == "annual")
        if kind == "ijb" and self.unit.currentIndex() == 0 and self.unit.count() > 1:
            self.unit.setCurrentIndex(1)

    def set_units(self, names: Sequence[str]) -> None:
        chosen = self.unit.currentData()
        self.units = tuple(names)
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), "")
        for name in names:
            self.unit.addItem(name, name)
        found = self.unit.findData(chosen)
        self.unit.setCurrentIndex(max(found, 0))
        self.unit.blockSignals(False)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.save_pdf, self.save_csv, self.show_button):
            button.setEnabled(enabled and not self.busy.busy)
        self.show_button.setEnabled(not self.busy.busy)

    # ----- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Afresh from the store when shown (a report takes a moment to make): now if the
        page is on screen, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        kind, period, unit = self.kind_code(), self.period(), self.unit_name()
        run, publication, threshold = (self.quarters.value(), self.publication.isChecked(),
                                       self.threshold.value())

        def job(state: WorkerState) -> tuple[MadeReport | None, tuple[str, ...],
                                            dict[int, str]]:
            board = BoardSession.board(state)
            names = tuple(u.name for u in board.units())
            year = period.label[:7]
            own = statements(board, year)
            if kind == "ijb" and unit is None:
                return None, names, own
            return (make_report(board, kind, period, unit=unit, run=run,
                                publication=publication, threshold=threshold), names, own)

        self.session.read(job, self._show, self._failed)

    def _show(self, answer: Any) -> None:
        made, names, own = answer
        if made is not None and (made.report.kind != self.kind_code()
                                 or made.publication != self.publication.isChecked()):
            return  # an answer to an earlier choice: a newer one is on its way
        self.set_units(names)
        self.statement2.setPlainText(own.get(2, ""))
        self.statement3.setPlainText(own.get(3, ""))
        if made is None:
            self.made = None
            self.message.show_problem(self.tr("An IJB report is for one HSCP: choose the "
                                              "unit."))
            self._set_enabled(False)
            return
        self.made = made
        if self.message.is_problem:
            self.message.show_note(None)
        report = made.report
        self.front.setText("\n\n".join([f"{report.title}, {report.period_label}",
                                         report.audience, *report.front]))
        self.flags.setVisible(report.kind == "trends")
        self.flags.setText(self.tr("Flags: ") + (" ".join(made.flags) if made.flags else
                                                 self.tr("no theme or unit meets the rule.")))
        while self.charts.count():
            item = self.charts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for chart in report.charts:
            self.charts.addWidget(TrendChartView(chart, made.shown))
        self._fill_table(made)
        self._set_enabled(True)

    def _fill_table(self, made: MadeReport) -> None:
        report = made.report
        tables = [t for t in report.tables if not (made.publication and t.internal)]
        width = 1 + max((len(t.header) - 1 for t in tables), default=1)
        rows: list[tuple[str, list[str], bool]] = []
        for table in tables:
            rows.append((table.title, [], True))
            rows.append((table.header[0] or "", list(table.header[1:]), True))
            for label, entries in table.rows:
                rows.append((label, [entry_text(e, made.shown, report) for e in entries],
                             False))
        self.table.clear()
        self.table.setColumnCount(width)
        self.table.setRowCount(len(rows))
        self.table.horizontalHeader().hide()
        bold = self.table.font()
        bold.setBold(True)
        for row, (label, values, heading) in enumerate(rows):
            head = QTableWidgetItem(label)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if heading:
                head.setFont(bold)
            self.table.setItem(row, 0, head)
            if heading and not values:
                self.table.setSpan(row, 0, 1, width)
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if heading:
                    item.setFont(bold)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _failed(self, message: str) -> None:
        self.busy.stop()
        self.made = None
        self._set_enabled(False)
        self.message.show_problem(message)

    # ----- the board's statements ------------------------------------------------------------

    def keep_statements(self) -> None:
        year = self.period().label[:7]
        two, three = self.statement2.toPlainText(), self.statement3.toPlainText()

        def job(state: WorkerState) -> None:
            board = BoardSession.board(state)
            set_statement(board, year, 2, two)
            set_statement(board, year, 3, three)

        self.busy.start(self.tr("Keeping the statements…"))
        self.session.write(job, lambda _none: self._kept(year), self._failed,
                           touches="statements")

    def _kept(self, year: str) -> None:
        self.busy.stop()
        self.message.show_note(self.tr("The board's statements for {year} are kept.").format(
            year=year))
        self.refresh()

    # ----- saving ----------------------------------------------------------------------------

    def suggested_name(self, kind: str) -> str:
        made = self.made
        name = made.report.title if made is not None else "report"
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip()
        extra = self.tr(" for publication") if made is not None and made.publication else ""
        label = made.report.period_label if made is not None else ""
        return f"{safe} {label}{extra}.{kind}".replace("  ", " ")

    def save(self, kind: str) -> None:
        made = self.made
        if self.busy.busy or made is None:
            return
        out = self.ask_save_path(Path.home() / self.suggested_name(kind), kind)
        if out is None or self.made is not made:
            return

        def write(board: Board, path: Path) -> None:
            from app.services.report_kinds import write_report

            write_report(board, made, pdf=path if kind == "pdf" else None,
                         csv=path if kind == "csv" else None)

        self.saver.save(out, kind, write)

    # ----- locking ---------------------------------------------------------------------------

    def forget(self) -> None:
        self.made = None
        self.table.clear()
        self.table.setRowCount(0)
        self.front.clear()
        self.flags.clear()
        while self.charts.count():
            item = self.charts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.statement2.clear()
        self.statement3.clear()
        self.busy.stop()
        self.message.show_note(None)
        self._set_enabled(False)

"""Report: the board's figures for a period, the total and each unit side by side.

The figures are app.returns.board_report.board_figures (what `casebook board
report --json` prints), loaded through app.services.board_reports as the CLI
loads them; "For publication" shows them as the published report will (checked
against the board's publication register and its units' registers, with the
audit's finding in the notes), and the PDF and CSV are written from that very
report by the same service, on the worker, exactly as `casebook board report
--pdf/--csv [--publication]` writes them, and kept in the register.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.disclosure import (
    TOTAL_UNIT,
    PublicationFigures,
    Suppressed,
    exact_view,
    hidden_note,
)
from app.core.kpi import STAGE_KEYS
from app.core.periods import Period
from app.core.thresholds import DEFAULT_THRESHOLD
from app.store.board import Board
from app.ui.base.form_feedback import FieldMessage, heading_font
from app.ui.base.formatting import period_text
from app.ui.base.messages import shown
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession
from app.ui.board.period_chooser import PeriodChooser
from app.ui.board.report_saver import ReportSaver

DASH = "\u2013"  # where a percentage or average has nothing to be worked out from
MIN_THRESHOLD, MAX_THRESHOLD = 2, 50


@dataclass(frozen=True)
class BoardReport:
    """The report as the window shows it: every figure already made safe if for publication."""

    period: Period
    board_name: str
    units: tuple[str, ...]  # the units with figures for the period, beside the total
    view: PublicationFigures
    headcounts: Mapping[str, int | None]  # by unit; TOTAL_UNIT for the board
    rates: Mapping[str, float | None]  # concerns per 1,000 staff, both stages
    not_sent: tuple[str, ...]
    publication: bool
    threshold: int
    source: Any = None  # the service's report (app.services.board_reports), for saving
    audit: str = ""  # what the disclosure audit found, in words (publication)


def board_report(board: Board, period: Period, publication: bool, threshold: int
                 ) -> BoardReport:
    from app.returns.board_report import figures_only
    from app.services.board_reports import load_board_report
    from app.services.reports import audit_sentence, publication_audit

    loaded = load_board_report(board, period, publication=publication, threshold=threshold)
    doc = loaded.doc
    info = doc["board"]
    units = dict(doc["units"])
    protected = loaded.content.protected
    view = protected.view if protected is not None else exact_view(figures_only(doc), units)
    audit = (audit_sentence(publication_audit(protected, threshold, loaded.earlier))
             if protected is not None else "")

    def rate(rates: Any) -> float | None:
        return None if not rates else float(rates["stages_1_and_2"])

    headcounts: dict[str, int | None] = {TOTAL_UNIT: info["total"]["headcount"]}
    rates: dict[str, float | None] = {TOTAL_UNIT: rate(info["total"]["kpi4_per_1000_staff"])}
    for name in units:
        headcounts[name] = info["units"][name]["headcount"]
        rates[name] = rate(info["units"][name]["kpi4_per_1000_staff"])
    not_sent = tuple(name for name, unit in info["units"].items()
                     if unit["status"] == "not_sent")
    return BoardReport(period, board.name, tuple(units), view, headcounts, rates, not_sent,
                       publication, threshold, loaded, audit)


def save_report(board: Board, report: BoardReport, out: Path, kind: str) -> Path:
    """Write the PDF or CSV of the report shown, audited and registered (as the CLI does)."""
    from app.services.board_reports import save_board_report

    save_board_report(board, report.source, pdf=out if kind == "pdf" else None,
                      csv=out if kind == "csv" else None)
    return out


def show_count(value: int | Suppressed) -> str:
    return str(value) if isinstance(value, Suppressed) else f"{value:,}"


def show_ratio(value: float | Suppressed | None, suffix: str = "%") -> str:
    if value is None:
        return DASH
    if isinstance(value, Suppressed):
        return str(value)
    return f"{value:.1f}{suffix}"


Row = tuple[str, Callable[[str], str]] | tuple[str, None]  # label, cell per unit (None: heading)


class ReportPage(QWidget):
    period_changed = Signal(object)

    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardReport")
        self.session = session
        self.report: BoardReport | None = None

        title = QLabel(self.tr("Report"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "The board's figures for the period: the total of every unit's return, and each "
            "unit beside it. Averages and percentages are worked out from the added counts."))
        intro.setWordWrap(True)
        self.chooser = PeriodChooser(session.today())
        self.chooser.period_changed.connect(self._period_changed)
        self.publication = QCheckBox(self.tr("For &publication: hide small numbers"))
        self.publication.setAccessibleName(self.tr("For publication"))
        self.publication.setToolTip(self.tr(
            "Hide small counts, and any figure that would let one be worked out, as in the "
            "published report."))
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setAccessibleName(self.tr("Hide counts below this number"))
        threshold_label = QLabel(self.tr("Hide counts &below:"))
        threshold_label.setBuddy(self.threshold)
        self.threshold.setEnabled(False)
        options = QHBoxLayout()
        options.addWidget(self.publication)
        options.addSpacing(16)
        options.addWidget(threshold_label)
        options.addWidget(self.threshold)
        options.addStretch(1)
        self.publication.toggled.connect(self._publication_toggled)
        self.threshold.valueChanged.connect(lambda _value: self.reload())

        self.table = QTableWidget(0, 1)
        self.table.setAccessibleName(self.tr("Board figures"))
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.notes = FieldMessage(self.tr("Report notes"))

        self.saver = ReportSaver(self, session, self.save, self._set_enabled,
                                 self.tr("Save the board's report"), self.tr("Report message"),
                                 self.tr("Save the figures as CSV"))
        self.busy, self.message = self.saver.busy, self.saver.message
        self.save_pdf, self.save_csv = self.saver.save_pdf, self.saver.save_csv
        self.ask_save_path: Callable[[Path, str], Path | None] = self.saver.ask_path
        buttons = self.saver.button_row()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.chooser)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        order = (self.chooser.year, self.chooser.quarter, self.publication, self.threshold,
                 self.table, self.save_pdf, self.save_csv)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._set_enabled(False)

    def period(self) -> Period:
        return self.chooser.period()

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.save_pdf, self.save_csv):
            button.setEnabled(enabled and not self.busy.busy)

    def _period_changed(self, period: Period) -> None:
        self.period_changed.emit(period)
        self.reload()

    def _publication_toggled(self, on: bool) -> None:
        self.threshold.setEnabled(on)
        self.reload()

    # ----- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        period = self.period()
        publication = self.publication.isChecked()
        threshold = self.threshold.value()

        def job(state: WorkerState) -> BoardReport:
            return board_report(BoardSession.board(state), period, publication, threshold)

        self.session.read(job, self._show, self._failed)

    def _show(self, report: Any) -> None:
        if not isinstance(report, BoardReport) or (
                report.period, report.publication, report.threshold) != (
                self.period(), self.publication.isChecked(), self.threshold.value()):
            return
        self.report = report
        columns = [TOTAL_UNIT, *report.units]
        rows = self.rows(report)
        self.table.clear()
        self.table.setColumnCount(1 + len(columns))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("All units"), *report.units])
        bold = self.table.font()
        bold.setBold(True)
        for row, (label, cell) in enumerate(rows):
            head = QTableWidgetItem(label)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, head)
            if cell is None:  # a section heading across the row
                head.setFont(bold)
                self.table.setSpan(row, 0, 1, 1 + len(columns))
                continue
            for column, unit in enumerate(columns, start=1):
                item = QTableWidgetItem(cell(unit))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        notes = []
        if not report.units:
            notes.append(self.tr("No returns are held for {period}.").format(
                period=period_text(report.period)))
        if report.not_sent:
            notes.append(self.tr("No return from: {units}.").format(
                units=", ".join(report.not_sent)))
        if report.publication:
            notes.append(shown(hidden_note(report.threshold)))
            if report.audit:
                notes.append(report.audit)
        else:
            notes.append(self.tr("Exact figures, for the board's own use: tick \u201cFor "
                                 "publication\u201d to see them as they will be published."))
        self.notes.show_note(" ".join(notes))
        self._set_enabled(True)

    def rows(self, report: BoardReport) -> list[Row]:
        view = report.view
        names = {"stage1": self.tr("stage 1"), "stage2": self.tr("stage 2")}
        outcomes = (("upheld", self.tr("upheld")),
                    ("partially_upheld", self.tr("partially upheld")),
                    ("not_upheld", self.tr("not upheld")))
        days = {"stage1": 5, "stage2": 20}

        def count(*measure: str) -> Callable[[str], str]:
            return lambda unit: show_count(view.count(*measure, unit=unit))

        def with_percent(numerator: tuple[str, ...], denominator: tuple[str, ...]
                         ) -> Callable[[str], str]:
            def cell(unit: str) -> str:
                shown = view.count(*numerator, unit=unit)
                if isinstance(shown, Suppressed):
                    return str(shown)
                percent = view.percent(numerator, denominator, unit=unit)
                return f"{shown:,} ({show_ratio(percent)})"
            return cell

        def average(stage: str) -> Callable[[str], str]:
            return lambda unit: show_ratio(view.average_working_days(stage, unit=unit), "")

        def headcount(unit: str) -> str:
            value = report.headcounts.get(unit)
            return f"{value:,}" if value else self.tr("not recorded")

        def rate(unit: str) -> str:
            value = report.rates.get(unit)
            if value is None:
                return self.tr("not available")
            if isinstance(view.count("received", "total", unit=unit), Suppressed):
                return str(view.count("received", "total", unit=unit))
            return f"{value:.2f}"

        rows: list[Row] = [(self.tr("KPI 4: concerns received"), None)]
        rows += [(self.tr("Received at {stage}").format(stage=names[s]),
                  count("received", s)) for s in STAGE_KEYS]
        rows += [(self.tr("Received at both stages"), count("received", "total")),
                 (self.tr("Staff headcount"), headcount),
                 (self.tr("Per 1,000 staff (both stages)"), rate),
                 (self.tr("Anonymous concerns (outside the Standards)"),
                  count("received", "anonymous")),
                 (self.tr("Unnamed concerns (outside the Standards)"),
                  count("received", "unnamed")),
                 (self.tr("KPI 5: concerns closed in full"), None)]
        rows += [(self.tr("Closed at {stage} (% of all closed)").format(stage=names[s]),
                  with_percent(("closed", s), ("closed", "total"))) for s in STAGE_KEYS]
        rows.append((self.tr("KPI 6: outcomes (% of those closed at the stage)"), None))
        rows += [(self.tr("{Stage}: {outcome}").format(Stage=names[s].capitalize(),
                                                       outcome=text),
                  with_percent(("outcomes", s, code), ("closed", s)))
                 for s in STAGE_KEYS for code, text in outcomes]
        rows.append((self.tr("KPI 7: average working days to a full response"), None))
        rows += [(names[s].capitalize(), average(s)) for s in STAGE_KEYS]
        rows.append((self.tr("KPI 8: closed in full within timescale"), None))
        rows += [(self.tr("{Stage}: within {days} working days").format(
            Stage=names[s].capitalize(), days=days[s]),
            with_percent(("within_timescale", s), ("closed", s))) for s in STAGE_KEYS]
        rows.append((self.tr("KPI 9: extension authorised (% of those received)"), None))
        rows += [(names[s].capitalize(), with_percent(("extended", s), ("received", s)))
                 for s in STAGE_KEYS]
        rows.append((self.tr("Other closures"), None))
        rows += [(self.tr("Withdrawn"), count("other_closures", "withdrawn")),
                 (self.tr("Transferred to another procedure"),
                  count("other_closures", "transferred")),
                 (self.tr("Not taken forward under the Standards"),
                  count("other_closures", "not_taken_forward"))]
        return rows

    def _failed(self, message: str) -> None:
        self.busy.stop()
        self._set_enabled(True)
        self.message.show_problem(message)

    # ----- saving ------------------------------------------------------------------------

    def suggested_name(self, kind: str) -> str:
        period = self.period().label
        board = self.report.board_name if self.report is not None else self.tr("Board")
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in board).strip()
        extra = self.tr(" for publication") if self.publication.isChecked() else ""
        return self.tr("{board} whistleblowing report {period}{extra}.{kind}").format(
            board=safe, period=period, extra=extra, kind=kind)

    def save(self, kind: str) -> None:
        if self.busy.busy or self.report is None:
            return
        out = self.ask_save_path(Path.home() / self.suggested_name(kind), kind)
        if out is None or self.report is None:  # cancelled, or locked while asking
            return
        report = self.report
        self.saver.save(out, kind, lambda board, path: save_report(board, report, path, kind))

    # ----- locking -----------------------------------------------------------------------

    def forget(self) -> None:
        self.report = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(1)
        self.notes.show_note(None)
        self.busy.stop()
        self.message.show_note(None)
        self._set_enabled(False)

"""Choosing a reporting period: a financial year, one of its quarters, or (for reports) dates.

Periods follow the NHS financial year (SPEC.md): 2025-26 runs from 1 April 2025
to 31 March 2026, Q1 is April to June. The chosen span is shown as dd/mm/yyyy
underneath, and an end before the start is said as it is chosen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.periods import (
    Period,
    financial_year_of,
    period_between,
    quarter_of,
)
from app.ui.base.date_field import DateField
from app.ui.base.form_feedback import FieldMessage
from app.ui.base.formatting import format_day
from app.ui.base.year_and_quarter import YearAndQuarter

FIRST_YEAR = 2021  # the National Whistleblowing Standards came into force on 1 April 2021


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def previous_quarter(today: date) -> Period:
    """The last quarter that has ended: what a return is normally sent for."""
    current = quarter_of(today)
    return quarter_of(date.fromordinal(current.start.toordinal() - 1))


class PeriodChooser(QWidget):
    """Financial year or quarter (and, when allowed, any dates); `changed` on every change."""

    changed = Signal()

    def __init__(self, *, allow_dates: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allow_dates = allow_dates
        self._today: date | None = None
        self._last_kind: object = None
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of period"))
        self.kind.addItem(self.tr("Quarter"), "quarter")
        self.kind.addItem(self.tr("Financial year"), "year")
        if allow_dates:
            self.kind.addItem(self.tr("Dates"), "dates")
        self.boxes = YearAndQuarter(self, year_text=self.tr("&Year:"), whole_year=False)
        self.year, self.quarter = self.boxes.year, self.boxes.quarter
        self.start = DateField()
        self.end = DateField()
        for edit, name in ((self.start, self.tr("First day of the period")),
                           (self.end, self.tr("Last day of the period"))):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)

        self.kind_label = self._label(self.tr("&Period:"), self.kind)
        self.year_label, self.quarter_label = self.boxes.year_label, self.boxes.quarter_label
        self.start_label = self._label(self.tr("&From:"), self.start)
        self.end_label = self._label(self.tr("&To:"), self.end)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for label, field in ((self.kind_label, self.kind), (self.year_label, self.year),
                             (self.quarter_label, self.quarter), (self.start_label, self.start),
                             (self.end_label, self.end)):
            row.addWidget(label)
            row.addWidget(field)
            row.addSpacing(self.fontMetrics().averageCharWidth())
        row.addStretch(1)
        self.span = QLabel()
        self.span.setAccessibleName(self.tr("Dates covered"))
        self.problem = FieldMessage(self.tr("Period problem"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.span)
        column.addWidget(self.problem)
        order = (self.kind, self.year, self.quarter, self.start, self.end)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.currentIndexChanged.connect(self._changed)
        self.quarter.currentIndexChanged.connect(self._changed)
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)
        self._kind_changed()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # ----- choosing ----------------------------------------------------------------------

    def reset(self, today: date, chosen: Period) -> None:
        """Offer the financial years up to today's, and select `chosen` (a year or quarter)."""
        widgets = (self.kind, self.year, self.quarter, self.start, self.end)
        for widget in widgets:
            widget.blockSignals(True)
        self._today = today
        fy = financial_year_of(chosen.start)
        self.boxes.offer_years(max(financial_year_of(today).start.year, fy.start.year),
                               min(FIRST_YEAR, fy.start.year))
        self.boxes.show(chosen)
        is_quarter = chosen.label.upper().endswith(("Q1", "Q2", "Q3", "Q4"))
        self.kind.setCurrentIndex(self.kind.findData("quarter" if is_quarter else "year"))
        self._last_kind = self.kind.currentData()
        self.start.setDate(_qdate(chosen.start))
        self.end.setDate(_qdate(chosen.end))
        for widget in widgets:
            widget.blockSignals(False)
        self._show_fields()
        self._changed()

    def select(self, period: Period) -> None:
        """Choose a year or quarter (for tests and for going back to a period)."""
        self.reset(self._today or period.end, period)

    def _kind_changed(self) -> None:
        previous, self._last_kind = self._last_kind, self.kind.currentData()
        if self._last_kind == "dates" and previous != "dates" and self.year.count():
            # Start from whatever the year or quarter showed.
            shown = self._chosen_year_or_quarter(previous)
            if shown is not None:
                for edit, day in ((self.start, shown.start), (self.end, shown.end)):
                    edit.blockSignals(True)
                    edit.setDate(_qdate(day))
                    edit.blockSignals(False)
        self._show_fields()
        self._changed()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        shown: tuple[tuple[tuple[QWidget, ...], bool], ...] = (
            ((self.year_label, self.year), kind in ("year", "quarter")),
            ((self.quarter_label, self.quarter), kind == "quarter"),
            ((self.start_label, self.start, self.end_label, self.end), kind == "dates"))
        for widgets, visible in shown:
            for widget in widgets:
                widget.setVisible(visible)

    def _chosen_year_or_quarter(self, kind: object = None) -> Period | None:
        return self.boxes.chosen(whole_year=(kind or self.kind.currentData()) == "year")

    def period(self) -> Period | None:
        """The chosen period, or None while the dates are the wrong way round."""
        if self.kind.currentData() == "dates":
            try:
                return period_between(_day(self.start.date()), _day(self.end.date()))
            except ValueError:
                return None
        return self._chosen_year_or_quarter()

    def problem_text(self) -> str | None:
        if self.kind.currentData() == "dates" and self.period() is None:
            return self.tr("The last day is before the first day: choose dates the right way "
                           "round.")
        return None

    def _changed(self) -> None:
        period = self.period()
        self.problem.show_problem(self.problem_text())
        if period is None:
            self.span.clear()
        else:
            self.span.setText(self.tr("%1 to %2").replace("%1", format_day(period.start))
                              .replace("%2", format_day(period.end)))
        self.changed.emit()

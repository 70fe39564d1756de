"""A financial year and, optionally, one of its quarters: the periods returns are made for."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.core.periods import Period, financial_year, financial_year_of, quarter, quarter_of
from app.ui.board.display import period_dates

YEARS_BACK = 6


def last_complete_quarter(today: date) -> Period:
    """Boards report on the quarter just ended."""
    return quarter_of(quarter_of(today).start - timedelta(days=1))


class PeriodChooser(QWidget):
    """Year and quarter boxes with their labels; emits period_changed(Period)."""

    period_changed = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        this_year = financial_year_of(today).start.year
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Financial year"))
        for year in range(this_year + 1, this_year - YEARS_BACK - 1, -1):
            self.year.addItem(financial_year(year).label, year)
        self.quarter = QComboBox()
        self.quarter.setAccessibleName(self.tr("Quarter"))
        self.quarter.addItem(self.tr("Whole year"), 0)
        for number, months in ((1, self.tr("April to June")), (2, self.tr("July to September")),
                               (3, self.tr("October to December")),
                               (4, self.tr("January to March"))):
            self.quarter.addItem(self.tr("Q{n}: {months}").format(n=number, months=months),
                                 number)
        self.year_label = QLabel(self.tr("Financial &year:"))
        self.year_label.setBuddy(self.year)
        self.quarter_label = QLabel(self.tr("&Quarter:"))
        self.quarter_label.setBuddy(self.quarter)
        self.dates = QLabel()
        self.dates.setAccessibleName(self.tr("Period dates"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.year_label)
        layout.addWidget(self.year)
        layout.addSpacing(12)
        layout.addWidget(self.quarter_label)
        layout.addWidget(self.quarter)
        layout.addSpacing(12)
        layout.addWidget(self.dates)
        layout.addStretch(1)
        self.set_period(last_complete_quarter(today), notify=False)
        self.year.currentIndexChanged.connect(self._changed)
        self.quarter.currentIndexChanged.connect(self._changed)

    def period(self) -> Period:
        year = int(self.year.currentData())
        number = int(self.quarter.currentData())
        return quarter(year, number) if number else financial_year(year)

    def set_period(self, period: Period, notify: bool = True) -> None:
        """Show `period` (a financial year or quarter); years outside the list are added."""
        year = financial_year_of(period.start).start.year
        if self.year.findData(year) < 0:
            self.year.addItem(financial_year(year).label, year)
        number = 0 if period.label.count("-") == 1 else int(period.label[-1])
        for box in (self.year, self.quarter):
            box.blockSignals(True)
        self.year.setCurrentIndex(self.year.findData(year))
        self.quarter.setCurrentIndex(self.quarter.findData(number))
        for box in (self.year, self.quarter):
            box.blockSignals(False)
        self.dates.setText(period_dates(self.period()))
        if notify:
            self.period_changed.emit(self.period())

    def _changed(self) -> None:
        period = self.period()
        self.dates.setText(period_dates(period))
        self.period_changed.emit(period)

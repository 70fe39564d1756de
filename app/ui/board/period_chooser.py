"""A financial year and, optionally, one of its quarters: the periods returns are made for."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.core.periods import Period, financial_year_of, quarter_of
from app.ui.base.year_and_quarter import YearAndQuarter
from app.ui.board.display import period_dates

YEARS_BACK = 6


def last_complete_quarter(today: date) -> Period:
    """Boards report on the quarter just ended."""
    return quarter_of(quarter_of(today).start - timedelta(days=1))


class PeriodChooser(QWidget):
    """Year and quarter boxes with their labels (app/ui/base/year_and_quarter.py) and the
    dates beside them; emits period_changed(Period)."""

    period_changed = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        this_year = financial_year_of(today).start.year
        self.boxes = YearAndQuarter(self, year_text=self.tr("Financial &year:"),
                                    whole_year=True)
        self.boxes.offer_years(this_year + 1, this_year - YEARS_BACK)
        self.year, self.quarter = self.boxes.year, self.boxes.quarter
        self.year_label, self.quarter_label = self.boxes.year_label, self.boxes.quarter_label
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
        chosen = self.boxes.chosen()
        assert chosen is not None  # the years are offered from the start
        return chosen

    def set_period(self, period: Period, notify: bool = True) -> None:
        """Show `period` (a financial year or quarter); years outside the list are added."""
        self.boxes.show(period)
        self.dates.setText(period_dates(self.period()))
        if notify:
            self.period_changed.emit(self.period())

    def _changed(self) -> None:
        period = self.period()
        self.dates.setText(period_dates(period))
        self.period_changed.emit(period)

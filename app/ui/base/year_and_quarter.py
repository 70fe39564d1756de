"""The financial-year and quarter boxes both windows choose periods with.

Periods follow the NHS financial year (SPEC.md): 2025-26 runs from 1 April 2025 to
31 March 2026, Q1 is April to June. The contact's reports and return
(app/ui/reports/period_chooser.py) and the board's pages (app/ui/board/period_chooser.py)
each lay the boxes out with what else they offer (dates; the dates shown beside); the
boxes, their labels, the years offered and the period chosen are made here once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.core.periods import Period, financial_year, financial_year_of, quarter

WHOLE_YEAR = 0  # the quarter box's item for the year itself, where it has one


class YearAndQuarter(QObject):
    """A year box and a quarter box, with their labels (not laid out: the owner places
    them). With `whole_year`, the quarter box starts with "Whole year"."""

    def __init__(self, owner: QWidget, *, year_text: str, whole_year: bool) -> None:
        super().__init__(owner)
        self.year = QComboBox(owner)
        self.year.setAccessibleName(self.tr("Financial year"))
        self.quarter = QComboBox(owner)
        self.quarter.setAccessibleName(self.tr("Quarter"))
        if whole_year:
            self.quarter.addItem(self.tr("Whole year"), WHOLE_YEAR)
        for number, months in ((1, self.tr("April to June")), (2, self.tr("July to September")),
                               (3, self.tr("October to December")),
                               (4, self.tr("January to March"))):
            self.quarter.addItem(self.tr("Q%1: %2").replace("%1", str(number))
                                 .replace("%2", months), number)
        self.year_label = QLabel(year_text, owner)
        self.year_label.setBuddy(self.year)
        self.quarter_label = QLabel(self.tr("&Quarter:"), owner)
        self.quarter_label.setBuddy(self.quarter)

    def offer_years(self, newest: int, oldest: int) -> None:
        """The financial years starting in `newest` down to `oldest`, newest first."""
        self.year.clear()
        for year in range(newest, oldest - 1, -1):
            self.year.addItem(financial_year(year).label, year)

    def chosen_year(self) -> int | None:
        year = self.year.currentData()
        return year if isinstance(year, int) else None

    def chosen(self, whole_year: bool = False) -> Period | None:
        """The year, or the quarter chosen in it (the year itself when `whole_year` is
        asked for or the quarter box says "Whole year")."""
        year = self.chosen_year()
        if year is None:
            return None
        number = int(self.quarter.currentData() or WHOLE_YEAR)
        if whole_year or number == WHOLE_YEAR:
            return financial_year(year)
        return quarter(year, number)

    def show(self, period: Period) -> None:
        """Select `period` (a financial year or one of its quarters) without signalling;
        a year not offered is added. A year leaves the quarter box as it is unless it has a
        "Whole year" item."""
        year = financial_year_of(period.start).start.year
        boxes = (self.year, self.quarter)
        for box in boxes:
            box.blockSignals(True)
        if self.year.findData(year) < 0:
            self.year.addItem(financial_year(year).label, year)
        self.year.setCurrentIndex(self.year.findData(year))
        is_quarter = period.label.upper().endswith(("Q1", "Q2", "Q3", "Q4"))
        number = int(period.label[-1]) if is_quarter else WHOLE_YEAR
        index = self.quarter.findData(number)
        if index >= 0:
            self.quarter.setCurrentIndex(index)
        for box in boxes:
            box.blockSignals(False)

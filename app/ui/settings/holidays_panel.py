"""The organisation's holidays for this year and next: national, local, and worked days.

Each change is saved at once through the worker, and the concern service moves
every due date that the change touches.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.store.settings_service import HolidayEntry, HolidayKind
from app.ui.base.formatting import format_day


class HolidaysPanel(QWidget):
    """Shows the entries; asks (by signal) for a holiday to be added, marked worked or removed."""

    add_requested = Signal()
    mark_worked_requested = Signal(object)  # date
    remove_requested = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: tuple[HolidayEntry, ...] = ()
        intro = QLabel(self.tr(
            "Scottish bank holidays are built in. Add your organisation's local holidays, or "
            "mark a bank holiday your organisation works. Changes are saved at once and due "
            "dates are recalculated."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Holidays"))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Holiday"),
                                              self.tr("Kind")])
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.fontMetrics().height() * 14)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("&Add local holiday…"))
        self.add_button.setAccessibleName(self.tr("Add a local holiday"))
        self.worked_button = QPushButton(self.tr("Mark as &worked"))
        self.worked_button.setAccessibleName(self.tr("Mark the selected bank holiday as worked"))
        self.worked_button.setToolTip(self.tr(
            "Your organisation works this bank holiday: it counts as a working day."))
        self.remove_button = QPushButton(self.tr("Re&move local change"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected local change"))
        self.remove_button.setToolTip(self.tr(
            "Remove a local holiday, or make a worked bank holiday a holiday again."))
        self.add_button.clicked.connect(self.add_requested.emit)
        self.worked_button.clicked.connect(self._mark_worked)
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.worked_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._selection_changed()

    def _kind_label(self, kind: HolidayKind) -> str:
        return {HolidayKind.NATIONAL: self.tr("Scottish bank holiday"),
                HolidayKind.LOCAL: self.tr("Local holiday"),
                HolidayKind.WORKED: self.tr("Worked here (a working day)")}[kind]

    def _day_label(self, day: date) -> str:
        weekday = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                   self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))[day.weekday()]
        return f"{weekday} {format_day(day)}"

    def show_entries(self, entries: tuple[HolidayEntry, ...]) -> None:
        selected = self.selected()
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (self._day_label(entry.day), entry.label, self._kind_label(entry.kind))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                if entry.kind is HolidayKind.WORKED:
                    font = item.font()
                    font.setStrikeOut(column == 1)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        if selected is not None:
            self.select_day(selected.day)
        self._selection_changed()

    def select_day(self, day: date) -> bool:
        for row, entry in enumerate(self.entries):
            if entry.day == day:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> HolidayEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.worked_button.setEnabled(entry is not None and entry.kind is HolidayKind.NATIONAL)
        self.remove_button.setEnabled(entry is not None and entry.kind is not HolidayKind.NATIONAL)

    def _mark_worked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.kind is HolidayKind.NATIONAL:
            self.mark_worked_requested.emit(entry.day)

    def _remove(self) -> None:
        entry = self.selected()
        if entry is not None and entry.kind is not HolidayKind.NATIONAL:
            self.remove_requested.emit(entry.day)

    def set_enabled(self, enabled: bool) -> None:
        self.add_button.setEnabled(enabled)
        if enabled:
            self._selection_changed()
        else:
            self.worked_button.setEnabled(False)
            self.remove_button.setEnabled(False)

    def clear(self) -> None:
        self.entries = ()
        self.table.setRowCount(0)
        self._selection_changed()

"""A read-only table of rows of text, the way every continuity screen lists things."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def text_table(accessible_name: str, headers: Sequence[str], *, checkable: bool = False,
               stretch: int = -1) -> QTableWidget:
    """A table the user reads (and, when `checkable`, ticks rows in its first column)."""
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1 if stretch < 0 else stretch,
                                QHeaderView.ResizeMode.Stretch)
    table.setProperty("checkable", checkable)
    return table


SLICE = 400  # rows put in per turn of the event loop, so a long list never stalls the window
_SIZED_ROWS = 300  # above this many rows, rows keep one line's height (measuring each is slow)


def fill(table: QTableWidget, rows: Sequence[Sequence[str]],
         checked: Sequence[bool] | None = None) -> None:
    """Replace the rows; in a checkable table the first column carries a tick box.

    The first rows go in at once, the rest a slice per turn of the event loop (a newer
    fill of the same table stops an older one), with the table's layout done once."""
    generation = int(table.property("fill_generation") or 0) + 1
    table.setProperty("fill_generation", generation)
    table.setRowCount(len(rows))
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]

    def put(start: int) -> None:
        if int(table.property("fill_generation") or 0) != generation:
            return
        end = min(len(rows), start + SLICE)
        table.setUpdatesEnabled(False)
        for c in range(table.columnCount()):
            if modes[c] == QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        try:
            _put(table, rows, checked, start, end)
        finally:
            for c, mode in enumerate(modes):
                header.setSectionResizeMode(c, mode)
            table.setUpdatesEnabled(True)
        if end < len(rows):
            QTimer.singleShot(0, lambda: put(end))
        elif len(rows) <= _SIZED_ROWS:
            table.resizeRowsToContents()

    put(0)


def _put(table: QTableWidget, rows: Sequence[Sequence[str]], checked: Sequence[bool] | None,
         start: int, end: int) -> None:
    checkable = bool(table.property("checkable"))
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    for r in range(start, end):
        for c, value in enumerate(rows[r]):
            item = QTableWidgetItem(value)
            if checkable and c == 0:
                item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if checked and checked[r]
                                   else Qt.CheckState.Unchecked)
            else:
                item.setFlags(flags)
            table.setItem(r, c, item)


def ticked(table: QTableWidget) -> list[int]:
    """The rows whose tick box is ticked."""
    found = []
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.checkState() == Qt.CheckState.Checked:
            found.append(row)
    return found


def set_ticked(table: QTableWidget, row: int, on: bool) -> None:
    item = table.item(row, 0)
    if item is not None:
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

"""A read-only table of rows of text, the way every continuity screen lists things."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
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


def fill(table: QTableWidget, rows: Sequence[Sequence[str]],
         checked: Sequence[bool] | None = None) -> None:
    """Replace the rows; in a checkable table the first column carries a tick box."""
    table.setRowCount(len(rows))
    checkable = bool(table.property("checkable"))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if checkable and c == 0:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setCheckState(Qt.CheckState.Checked if checked and checked[r]
                                   else Qt.CheckState.Unchecked)
            item.setFlags(flags)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


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

"""The concerns list as a Qt model: references, dates, stage, status and due dates only."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.store.listing import ConcernRow

Index = QModelIndex | QPersistentModelIndex


def format_day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


class ConcernTableModel(QAbstractTableModel):
    HEADERS = ("Reference", "Received", "Stage", "Status", "Next deadline", "Service")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ConcernRow] = []
        self.today = date.today()

    def set_rows(self, rows: list[ConcernRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (on lock: nothing of a case stays in memory models)."""
        self.set_rows([])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row.concern_id
        return None

    def _text(self, row: ConcernRow, column: int) -> str:
        if column == 0:
            return row.reference
        if column == 1:
            return format_day(row.received_on)
        if column == 2:
            return row.stage
        if column == 3:
            return row.status.replace("_", " ").capitalize()
        if column == 4:
            if row.next_due is None:
                return ""
            marker = " (overdue)" if row.next_due < self.today else ""
            return format_day(row.next_due) + marker
        return {"nhs": "NHS", "local_authority": "Local authority", "both": "Both"}.get(
            row.service_type, row.service_type)

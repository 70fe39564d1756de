"""The concerns list as a lazy Qt model: pages arrive from the worker as the user scrolls.

Sorting and filtering happen in SQL (app/store/listing.py); the model only holds
the pages fetched so far, and forgets them all on lock. The rows come through
app/services/concern_list.py, which masks any held identity in their text (the service
area, local themes, the summary's first line) and searches an index that holds none: no
names are ever here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from app.services import concern_list
from app.services.concern_list import ListedConcern
from app.store.listing import SORT_COLUMNS, ListQuery
from app.ui.base.formatting import format_day, service_label, stage_label, status_label
from app.ui.base.theme import chip_colours
from app.ui.base.worker import CasebookWorker, WorkerState

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class ConcernTableModel(QAbstractTableModel):
    COLUMNS = (
        ("reference", "Reference"),
        ("received_on", "Received"),
        ("stage", "Stage"),
        ("closure", "Status"),
        ("next_due", "Next deadline"),
        ("service_type", "Service"),
        ("service_area", "Area"),
        ("themes", "Themes"),
        ("summary", "Summary"),
    )
    loaded = Signal(int)  # emitted with the total number of matching concerns
    failed = Signal(str)

    def __init__(self, worker: CasebookWorker, today: date | None = None) -> None:
        super().__init__()
        self._worker = worker
        self._rows: list[ListedConcern] = []
        self._total = 0
        self._generation = 0  # answers to an older query are dropped
        self._fetching = False
        self.query = ListQuery()
        self.today = today or date.today()
        self._live = False  # asked for rows since unlocking (a sort before that only notes)

    # ----- asking the worker -------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        """Start again with a new filter, search or sort: count and the first page."""
        self.query = query
        self._live = True
        self._generation += 1
        generation = self._generation
        self._fetching = True

        def job(state: WorkerState) -> tuple[int, list[ListedConcern]] | None:
            if generation != self._generation:
                return None  # typed past already: a newer query is queued behind this one
            return concern_list.first_page(state.require_book(), query, PAGE)

        self._worker.submit(job, lambda result: self._first_page(generation, result),
                            self._failed)

    def refresh(self) -> None:
        self.set_query(self.query)

    def _first_page(self, generation: int,
                    result: tuple[int, list[ListedConcern]] | None) -> None:
        if generation != self._generation or result is None:
            return
        total, rows = result
        self._replace_rows(rows)
        self._total = total
        self._fetching = False
        self.loaded.emit(total)

    def _replace_rows(self, rows: list[ListedConcern]) -> None:
        """New rows, removed and inserted rather than a model reset: a reset would also
        reset the header, losing the columns the user chose, their order and widths."""
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows = []
            self.endRemoveRows()
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = rows
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, query, offset = self._generation, self.query, len(self._rows)

        def job(state: WorkerState) -> list[ListedConcern]:
            return concern_list.page(state.require_book(), query, offset, PAGE)

        self._worker.submit(job, lambda rows: self._more(generation, offset, rows), self._failed)

    def _more(self, generation: int, offset: int, rows: list[ListedConcern]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _failed(self, message: str) -> None:
        self._fetching = False
        self.failed.emit(message)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][0]
        if key not in SORT_COLUMNS:
            return  # text columns are not sorted (the list sorts in SQL, by its indexes)
        query = replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if self._live:
            self.set_query(query)
        else:  # the view is still being set up: the rows are asked for once, later
            self.query = query

    def forget(self) -> None:
        """On lock: drop every row, and ignore answers still on their way."""
        self._generation += 1
        self._live = False
        self._replace_rows([])
        self._total, self._fetching = 0, False

    # ----- what the view reads ------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def concern_id(self, row: int) -> int | None:
        return self._rows[row].concern_id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if column == "next_due" and role in (Qt.ItemDataRole.ForegroundRole,
                                             Qt.ItemDataRole.BackgroundRole):
            tone = self._tone(row)
            if tone is not None:  # a status chip's colours: overdue red, today yellow
                background, text = chip_colours(tone)
                return QBrush(text if role == Qt.ItemDataRole.ForegroundRole else background)
        if role == Qt.ItemDataRole.UserRole:
            return row.concern_id
        return None

    def _tone(self, row: ListedConcern) -> str | None:
        if row.next_due is None:
            return None
        if row.next_due < self.today:
            return "overdue"
        return "today" if row.next_due == self.today else None

    def _overdue(self, row: ListedConcern) -> bool:
        return row.next_due is not None and row.next_due < self.today

    def _text(self, row: ListedConcern, column: str) -> str:
        if column == "reference":
            return row.reference
        if column == "received_on":
            return format_day(row.received_on)
        if column == "stage":
            return stage_label(row.stage)
        if column == "closure":
            return status_label(row.status)
        if column == "next_due":
            if row.next_due is None:
                return ""
            if self._overdue(row):
                return self.tr("{day} (overdue)").format(day=format_day(row.next_due))
            if row.next_due == self.today:
                return self.tr("{day} (due today)").format(day=format_day(row.next_due))
            return format_day(row.next_due)
        if column == "service_area":
            return row.service_area
        if column == "themes":
            return "; ".join(self.tr(t) for t in row.themes)
        if column == "summary":
            return row.summary
        return service_label(row.service_type)

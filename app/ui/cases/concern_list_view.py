"""The concerns list: filters, full-text search, and a lazily fetched table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import concern_list, identity_scan
from app.store.listing import SORT_COLUMNS
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.cases.concern_table_model import ConcernTableModel

SEARCH_SLICE = 300  # index entries written per job after unlocking (a few tenths of a second)


class ConcernListView(QWidget):
    open_concern = Signal(int)
    find_person_requested = Signal()  # "Find by person…": a reveal, opened by the shell

    def __init__(self, worker: CasebookWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concerns")
        self.worker = worker
        self._preparing = 0  # bumped on lock: slices still queued stop
        self.model = ConcernTableModel(worker)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Concerns"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((115, 85, 110, 95, 130, 95, 150, 170)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        header.sortIndicatorChanged.connect(self._sort_indicator)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search concern text and conversation notes "
                                               "(never who raised them)"))
        self.search.setAccessibleName(self.tr("Search concerns"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.find_person = QPushButton(self.tr("Find by &person…"))
        self.find_person.setAccessibleName(self.tr(
            "Find a concern by the person who raised it (a reveal, audited)"))
        self.find_person.setToolTip(self.tr(
            "The search above never matches who raised a concern. This looks a person up by "
            "name, email or phone, with a reason written to the audit log."))
        self.find_person.clicked.connect(self.find_person_requested.emit)

        self.stage = self._combo(self.tr("Stage"), [
            (self.tr("Any stage"), None), (self.tr("Initial discussion"), "none"),
            (self.tr("Stage 1"), "stage1"), (self.tr("Stage 2"), "stage2")])
        self.status = self._combo(self.tr("Status"), [
            (self.tr("Any status"), None), (self.tr("Open"), "open"),
            (self.tr("Closed"), "closed"), (self.tr("Withdrawn"), "withdrawn"),
            (self.tr("Transferred"), "transferred"),
            (self.tr("Not taken forward"), "not_taken_forward")])
        self.service = self._combo(self.tr("Service"), [
            (self.tr("Any service"), None), (self.tr("NHS"), "nhs"),
            (self.tr("Local authority"), "local_authority"), (self.tr("Both"), "both")])
        self.overdue = QCheckBox(self.tr("&Overdue only"))
        self.overdue.setAccessibleName(self.tr("Show overdue concerns only"))
        self.overdue.toggled.connect(self.apply_filters)

        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Number of concerns shown"))
        self.model.loaded.connect(self._show_total)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (self.stage, self.status, self.service):
            filters.addWidget(widget, 1)
        filters.addWidget(self.overdue)
        filters.addWidget(self.find_person)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.setTabOrder(self.search, self.stage)
        self.setTabOrder(self.stage, self.status)
        self.setTabOrder(self.status, self.service)
        self.setTabOrder(self.service, self.overdue)
        self.setTabOrder(self.overdue, self.find_person)
        self.setTabOrder(self.find_person, self.table)

    def _sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """Only the columns the list sorts by show the indicator (not area, themes, summary)."""
        key = self.model.COLUMNS[column][0]
        if key not in SORT_COLUMNS:
            keys = [c[0] for c in self.model.COLUMNS]
            current = keys.index(self.model.query.sort) if self.model.query.sort in keys else 1
            order = (Qt.SortOrder.DescendingOrder if self.model.query.descending
                     else Qt.SortOrder.AscendingOrder)
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    def _combo(self, name: str, choices: list[tuple[str, str | None]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for label, value in choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    def apply_filters(self) -> None:
        self.model.set_query(replace(
            self.model.query,
            search=self.search.text(),
            stage=self.stage.currentData(),
            status=self.status.currentData(),
            service_type=self.service.currentData(),
            overdue_on=self.model.today if self.overdue.isChecked() else None,
        ))

    def reload(self, today: date) -> None:
        self.model.today = today
        self.apply_filters()

    def prepare_search(self) -> None:
        """Write the search index's pending entries (after an upgrade, or new identities
        marked many) in slices on the worker, so other work never queues behind them all;
        a search meanwhile writes whatever is still pending first."""
        self._preparing += 1
        generation = self._preparing

        def warm(state: WorkerState) -> None:
            # The identity check's scanner, built now so the first check as a form is typed
            # into does not wait for it (a few tenths of a second at 10,000 identities).
            if generation == self._preparing:
                identity_scan.scanner(state.require_book())

        def job(state: WorkerState) -> int:
            if generation != self._preparing:
                return 0
            return concern_list.prepare_search(state.require_book(), limit=SEARCH_SLICE)

        def done(written: object) -> None:
            if written == SEARCH_SLICE and generation == self._preparing:
                self.worker.submit(job, done, lambda _message: None)

        self.worker.submit(warm, lambda _result: None, lambda _message: None)
        self.worker.submit(job, done, lambda _message: None)

    def _show_total(self, total: int) -> None:
        self.summary.setText(self.tr("%n concern(s)", "", total))

    def _activated(self, index: object) -> None:
        concern_id = self.model.concern_id(self.table.currentIndex().row())
        if concern_id is not None:
            self.open_concern.emit(concern_id)

    def selected_concern(self) -> int | None:
        return self.model.concern_id(self.table.currentIndex().row())

    def forget(self) -> None:
        self._preparing += 1
        self.model.forget()
        self.summary.clear()

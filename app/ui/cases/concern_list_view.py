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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.base.worker import CasebookWorker
from app.ui.cases.concern_table_model import ConcernTableModel


class ConcernListView(QWidget):
    open_concern = Signal(int)

    def __init__(self, worker: CasebookWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concerns")
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
        for column, width in enumerate((150, 110, 140, 190, 190)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search concern text and conversation notes"))
        self.search.setAccessibleName(self.tr("Search concerns"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

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
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.setTabOrder(self.search, self.stage)
        self.setTabOrder(self.stage, self.status)
        self.setTabOrder(self.status, self.service)
        self.setTabOrder(self.service, self.overdue)
        self.setTabOrder(self.overdue, self.table)

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

    def _show_total(self, total: int) -> None:
        self.summary.setText(self.tr("%n concern(s)", "", total))

    def _activated(self, index: object) -> None:
        concern_id = self.model.concern_id(self.table.currentIndex().row())
        if concern_id is not None:
            self.open_concern.emit(concern_id)

    def selected_concern(self) -> int | None:
        return self.model.concern_id(self.table.currentIndex().row())

    def forget(self) -> None:
        self.model.forget()
        self.summary.clear()

"""The concerns list: filters, full-text search, and a lazily fetched table.

Its columns (which are shown, in what order) and its sort are the user's: chosen from
the header's menu or the Columns button, dragged into order, and kept in the casebook's
settings (audited), so the list comes back as it was left, on this computer or another
the casebook is restored to. The sort arrow points down when the newest (or largest)
comes first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import concern_list, identity_scan
from app.store.listing import SORT_COLUMNS
from app.store.settings_service import ListView, list_view, save_list_view
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.cases.concern_table_model import ConcernTableModel

SEARCH_SLICE = 300  # index entries written per job after unlocking (a few tenths of a second)
SAVE_AFTER_MS = 1200  # the columns and sort are kept once the user stops changing them
SEARCH_AFTER_MS = 60  # search as you type: asked this long after the last key


class ConcernListView(QWidget):
    open_concern = Signal(int)
    find_person_requested = Signal()  # "Find by person…": a reveal, opened by the shell
    save_failed = Signal(str)  # the columns and sort could not be kept

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
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        chars = self.table.fontMetrics().averageCharWidth()
        # Narrow enough that the summary, the column that tells concerns apart, keeps room
        # on the smallest supported screen (long stages, areas and themes wrap, then elide).
        for column, width in enumerate((13, 11, 13, 12, 21, 10, 16, 18, 40)):
            # wide enough for its title and the sort arrow beside it
            self.table.setColumnWidth(column, max(chars * width,
                                                  header.sectionSizeHint(column) + 4))
        # The summary's first line takes what room is left.
        header.setSectionResizeMode(len(self.model.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        header.sortIndicatorChanged.connect(self._sort_indicator)
        header.sectionMoved.connect(lambda *_args: self._columns_changed())
        self._loading_view = False
        self._user_changes = 0  # bumped when the user changes a column or the sort
        self.view_loaded = False  # the columns and sort kept in the casebook are shown
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_AFTER_MS)
        self._save_timer.timeout.connect(self._save_view)
        self.columns_button = QPushButton(self.tr("Co&lumns…"))
        self.columns_button.setAccessibleName(self.tr("Choose the list's columns"))
        self.columns_button.clicked.connect(lambda: self._header_menu(None))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search concern text and conversation notes "
                                               "(never who raised them)"))
        self.search.setAccessibleName(self.tr("Search concerns"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_AFTER_MS)
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
        filters.addWidget(self.columns_button)
        filters.addWidget(self.find_person)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.setTabOrder(self.search, self.stage)
        self.setTabOrder(self.stage, self.status)
        self.setTabOrder(self.status, self.service)
        self.setTabOrder(self.service, self.overdue)
        self.setTabOrder(self.overdue, self.columns_button)
        self.setTabOrder(self.columns_button, self.find_person)
        self.setTabOrder(self.find_person, self.table)

    # ----- columns and sort, kept in the casebook -------------------------------------

    def _keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.model.COLUMNS)

    def _default_view(self) -> ListView:
        return ListView(self._keys(), "received_on", True)

    def current_view(self) -> ListView:
        """The columns shown, in the order on screen, and the sort."""
        header = self.table.horizontalHeader()
        keys = self._keys()
        shown = tuple(keys[header.logicalIndex(visual)] for visual in range(header.count())
                      if not header.isSectionHidden(header.logicalIndex(visual)))
        return ListView(shown, self.model.query.sort, self.model.query.descending)

    def apply_view(self, view: ListView) -> None:
        """Show the columns and sort given (from the casebook's settings)."""
        header = self.table.horizontalHeader()
        keys = self._keys()
        self._loading_view = True
        try:
            for position, key in enumerate(view.columns):
                logical = keys.index(key)
                header.moveSection(header.visualIndex(logical), position)
            for logical, key in enumerate(keys):
                header.setSectionHidden(logical, key not in view.columns)
            if view.sort in SORT_COLUMNS:
                order = (Qt.SortOrder.DescendingOrder if view.descending
                         else Qt.SortOrder.AscendingOrder)
                self.model.query = replace(self.model.query, sort=view.sort,
                                           descending=view.descending)
                header.blockSignals(True)
                header.setSortIndicator(keys.index(view.sort), order)
                header.blockSignals(False)
        finally:
            self._loading_view = False

    def _columns_changed(self) -> None:
        if not self._loading_view:
            self._user_changes += 1
            self._save_timer.start()

    def _save_view(self) -> None:
        view, keys = self.current_view(), self._keys()
        self.worker.submit(lambda state: save_list_view(state.require_book(), view, keys),
                           lambda _changed: None, self.save_failed.emit)

    def _header_menu(self, at: QPoint | None) -> None:
        """Which columns to show: the header's menu (right click) or the Columns button."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Columns"))
        keys = self._keys()
        shown = [i for i in range(len(keys)) if not header.isSectionHidden(i)]
        for logical, (_key, title) in enumerate(self.model.COLUMNS):
            action = QAction(self.tr(title), menu)
            action.setCheckable(True)
            action.setChecked(logical in shown)
            action.setEnabled(not (logical in shown and len(shown) == 1))  # one stays
            action.toggled.connect(lambda on, i=logical: self.show_column(i, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Show every column"), self.show_all_columns)
        place = (header.mapToGlobal(at) if at is not None
                 else self.columns_button.mapToGlobal(self.columns_button.rect().bottomLeft()))
        menu.popup(place)
        self._menu = menu

    def show_column(self, logical: int, shown: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(logical, not shown)
        self._columns_changed()

    def show_all_columns(self) -> None:
        for logical in range(len(self.model.COLUMNS)):
            self.table.horizontalHeader().setSectionHidden(logical, False)
        self._columns_changed()

    def _sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """Only the columns the list sorts by show the indicator (not area, themes, summary)."""
        key = self.model.COLUMNS[column][0]
        if key in SORT_COLUMNS:
            self._columns_changed()  # the sort is kept with the columns
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

    def reload(self, today: date, then: Callable[[], None] | None = None) -> None:
        """After unlocking: the columns and sort as they were left, then the rows; `then`
        runs once the rows are asked for (what else to read, after them)."""
        self.model.today = today
        keys, default = self._keys(), self._default_view()
        changes = self._user_changes

        def job(state: WorkerState) -> ListView:
            return list_view(state.require_book(), keys, default)

        def rows() -> None:
            self.apply_filters()
            if then is not None:
                then()

        def done(view: object) -> None:
            # What the user changed meanwhile wins over what was kept.
            if isinstance(view, ListView) and changes == self._user_changes:
                self.apply_view(view)
            self.view_loaded = True
            rows()

        self.worker.submit(job, done, lambda _message: rows())

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
        self.summary.setText(self.tr("1 concern") if total == 1 else self.tr(
            "%1 concerns").replace("%1", f"{total:,}"))

    def _activated(self, index: object) -> None:
        concern_id = self.model.concern_id(self.table.currentIndex().row())
        if concern_id is not None:
            self.open_concern.emit(concern_id)

    def selected_concern(self) -> int | None:
        return self.model.concern_id(self.table.currentIndex().row())

    def forget(self) -> None:
        self.view_loaded = False
        if self._save_timer.isActive():  # kept before the casebook closes (jobs run in order)
            self._save_timer.stop()
            self._save_view()
        self._preparing += 1
        self.model.forget()
        self.summary.clear()

"""Status: for a period, which units have sent their return, and each unit's staff headcount.

The status is app.returns.board_report.board_status, as `casebook board status`
prints it. A unit's headcount for the period (for KPI 4 per 1,000 staff) is
edited in place in the table (F2 or double-click) and stored at once with
Board.set_headcount, as `casebook board headcount` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.periods import Period
from app.returns.board_report import NOT_SENT, PARTIAL, SENT, UnitStatus, board_status
from app.ui.base.form_feedback import BusyIndicator, FieldMessage, heading_font
from app.ui.base.formatting import period_text
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession
from app.ui.board.display import format_moment
from app.ui.board.period_chooser import PeriodChooser

HEADCOUNT_COLUMN = 3
MAX_HEADCOUNT = 10_000_000


@dataclass(frozen=True)
class StatusSnapshot:
    period: Period
    units: tuple[UnitStatus, ...]


class HeadcountDelegate(QStyledItemDelegate):
    """A spin box of whole numbers, 1 or more, for the headcount cell."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(1, MAX_HEADCOUNT)
        editor.setGroupSeparatorShown(True)
        editor.setAccessibleName(self.tr("Staff headcount"))
        return editor

    def setEditorData(self, editor: QWidget,  # noqa: N802
                      index: QModelIndex | QPersistentModelIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "").replace(",", "")
        if isinstance(editor, QSpinBox):
            editor.setValue(int(text) if text.isdigit() else 1)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, f"{editor.value():,}", Qt.ItemDataRole.EditRole)


class StatusPage(QWidget):
    period_changed = Signal(object)

    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardStatus")
        self.session = session
        self.snapshot: StatusSnapshot | None = None
        self._filling = False

        title = QLabel(self.tr("Status"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "Which units have sent their return for the period. For a financial year, a unit "
            "has sent when the board holds its annual return or all four quarterly returns. "
            "To record a unit's staff headcount for the period (for concerns per 1,000 "
            "staff), select its headcount and press F2, or double-click it."))
        intro.setWordWrap(True)
        self.chooser = PeriodChooser(session.today())
        self.chooser.period_changed.connect(self._period_changed)

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Returns by unit"))
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Return"),
                                              self.tr("Made"), self.tr("Staff headcount")])
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setItemDelegateForColumn(HEADCOUNT_COLUMN, HeadcountDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)

        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Units that have sent"))
        self.summary.setWordWrap(True)
        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Status message"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.chooser)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        self.setTabOrder(self.chooser.year, self.chooser.quarter)
        self.setTabOrder(self.chooser.quarter, self.table)

    def period(self) -> Period:
        return self.chooser.period()

    def _period_changed(self, period: Period) -> None:
        self.period_changed.emit(period)
        self.reload()

    # ----- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        period = self.period()

        def job(state: WorkerState) -> StatusSnapshot:
            return StatusSnapshot(period, tuple(board_status(BoardSession.board(state),
                                                             period)))

        self.session.read(job, self._show, self._failed)

    def state_text(self, status: UnitStatus) -> str:
        quarters = ", ".join(label.rsplit("-", 1)[-1] for label in status.returns)
        if status.state == SENT:
            if len(status.returns) > 1:
                return self.tr("Sent (quarters {quarters})").format(quarters=quarters)
            return self.tr("Sent")
        if status.state == PARTIAL:
            return self.tr("Partly sent: only {quarters} of the four quarters").format(
                quarters=quarters)
        return self.tr("Not sent")

    def _show(self, snapshot: Any) -> None:
        if not isinstance(snapshot, StatusSnapshot) or snapshot.period != self.period():
            return
        self.snapshot = snapshot
        self._filling = True
        try:
            self.table.setRowCount(len(snapshot.units))
            for row, status in enumerate(snapshot.units):
                cells = (status.unit, self.state_text(status), format_moment(status.created_at),
                         f"{status.headcount:,}" if status.headcount else "")
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if column == HEADCOUNT_COLUMN:
                        flags |= Qt.ItemFlag.ItemIsEditable
                        item.setData(Qt.ItemDataRole.UserRole, status.unit)
                        item.setToolTip(self.tr("Press F2 or double-click to record the "
                                                "staff headcount"))
                    if column == 1 and status.state == NOT_SENT:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    item.setFlags(flags)
                    self.table.setItem(row, column, item)
        finally:
            self._filling = False
        sent = sum(1 for s in snapshot.units if s.state == SENT)
        if snapshot.units:
            self.summary.setText(self.tr("{sent} of {total} units have sent their return for "
                                         "{period}.").format(sent=sent,
                                                             total=len(snapshot.units),
                                                             period=period_text(
                                                                 snapshot.period)))
        else:
            self.summary.setText(self.tr("No units are registered yet: register them under "
                                         "Units."))

    def _failed(self, message: str) -> None:
        self.busy.stop()
        self.message.show_problem(message)

    # ----- headcounts --------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != HEADCOUNT_COLUMN:
            return
        unit = str(item.data(Qt.ItemDataRole.UserRole) or "")
        text = item.text().replace(",", "").strip()
        if not unit or not text:
            return
        if not text.isdigit() or not 1 <= int(text) <= MAX_HEADCOUNT:
            self.message.show_problem(self.tr("A staff headcount is a whole number of 1 or "
                                              "more."))
            self.reload()
            return
        self.set_headcount(unit, int(text))

    def set_headcount(self, unit: str, headcount: int) -> None:
        label = self.period().label

        def job(state: WorkerState) -> tuple[str, int]:
            BoardSession.board(state).set_headcount(unit, label, headcount)
            return unit, headcount

        self.busy.start(self.tr("Saving the headcount…"))
        self.message.show_note(None)
        self.session.write(job, lambda saved: self._headcount_saved(saved, label),
                           self._headcount_failed, touches="headcounts")

    def _headcount_saved(self, saved: Any, label: str) -> None:
        self.busy.stop()
        unit, headcount = saved
        self.message.show_note(self.tr("Staff headcount for {unit}, {period}: "
                                       "{headcount:,}.").format(
            unit=unit, period=period_text(self.period()), headcount=headcount))

    def _headcount_failed(self, message: str) -> None:
        self.busy.stop()
        self.message.show_problem(self.tr("The headcount was not saved: {message}").format(
            message=message))
        self.reload()

    # ----- locking -----------------------------------------------------------------------

    def forget(self) -> None:
        self.snapshot = None
        self._filling = True
        self.table.setRowCount(0)
        self._filling = False
        self.summary.clear()
        self.busy.stop()
        self.message.show_note(None)

"""The dashboard as a work list: what is overdue, due today and due in the next working
days (how many is a setting), with the working days left; the initial discussions,
longest waiting first, with a gentle word after a setting's number of working days;
open actions past their due date; open concerns by stage; this quarter in words.

Each line tells its concern apart (its area and the first line of its summary, any held
identity masked) and opens it with Enter or a double click. The figures are read on the
worker (app/services/work_list.py) when the page is shown, and again when the casebook
changes while it is shown; a change while another page is shown is read on return.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.work_list import WorkList, work_list
from app.store.dashboard import Dashboard, DueItem
from app.ui.base import theme
from app.ui.base.form_feedback import centred_page
from app.ui.base.formatting import (
    format_day,
    long_day,
    period_words,
    stage_label,
    working_days_text,
)
from app.ui.base.worker import WorkerState
from app.ui.session import Session

SHOWN = 100  # lines of each list on screen; the rest are counted


def _tree(name: str, headers: list[str], stretch: int) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setAllColumnsShowFocus(True)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return tree


def _fit_rows(tree: QTreeWidget, shown: int, most: int = 10) -> None:
    """As tall as its lines (two at least, `most` at most; it scrolls beyond)."""
    rows = max(2, min(most, shown))
    line = tree.sizeHintForRow(0) if tree.topLevelItemCount() else 0
    line = max(line, tree.fontMetrics().lineSpacing() + 6)
    height = tree.header().sizeHint().height() + rows * line + 2 * tree.frameWidth() + 4
    tree.setFixedHeight(height)


class DashboardView(QWidget):
    open_concern = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self.loaded: WorkList | None = None
        self._stale = True
        self._active = False
        self._serial = 0

        title = QLabel(self.tr("Dashboard"))
        theme.set_role(title, "page-title")
        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Today"))
        theme.set_role(self.heading, "quiet")

        self.deadlines_note = QLabel()
        self.deadlines_note.setWordWrap(True)
        self.deadlines_note.setAccessibleName(self.tr("Deadlines in short"))
        self.deadlines = _tree(self.tr("Deadlines"), [
            self.tr("When"), self.tr("Reference"), self.tr("What is due"), self.tr("Due"),
            self.tr("Area"), self.tr("Summary")], 5)
        self.waiting_note = QLabel()
        self.waiting_note.setWordWrap(True)
        self.waiting_note.setAccessibleName(self.tr("Initial discussions in short"))
        self.waiting = _tree(self.tr("Initial discussions, longest waiting first"), [
            self.tr("Waited"), self.tr("Reference"), self.tr("Received"), self.tr("Area"),
            self.tr("Summary")], 4)
        self.actions_note = QLabel()
        self.actions_note.setWordWrap(True)
        self.actions_note.setAccessibleName(self.tr("Late actions in short"))
        self.late_actions = _tree(self.tr("Actions past their due date"), [
            self.tr("Late by"), self.tr("Reference"), self.tr("Action"), self.tr("Due")], 2)
        self.open_counts = QLabel()
        self.open_counts.setAccessibleName(self.tr("Open concerns by stage"))
        self.open_counts.setWordWrap(True)
        self.quarter = QLabel()
        self.quarter.setAccessibleName(self.tr("This quarter at a glance"))
        self.quarter.setWordWrap(True)
        self.quarter.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for tree in (self.deadlines, self.waiting, self.late_actions):
            tree.itemActivated.connect(self._activated)

        for label in (self.open_counts, self.quarter):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        glance = QGridLayout()
        glance.addWidget(self._box(self.tr("Open concerns"), self.open_counts), 0, 0)
        glance.addWidget(self._box(self.tr("This quarter"), self.quarter), 0, 1)
        glance.setColumnStretch(0, 1)
        glance.setColumnStretch(1, 3)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(self.heading)
        layout.addLayout(glance)
        layout.addWidget(self._box(self.tr("Deadlines"), self.deadlines_note, self.deadlines))
        layout.addWidget(self._box(self.tr("Initial discussions, longest waiting first"),
                                   self.waiting_note, self.waiting))
        layout.addWidget(self._box(self.tr("Actions past their due date"), self.actions_note,
                                   self.late_actions))
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centred_page(page, 170, self.tr("Dashboard")))
        self.setTabOrder(self.deadlines, self.waiting)
        self.setTabOrder(self.waiting, self.late_actions)

    @staticmethod
    def _box(title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        for widget in widgets:
            column.addWidget(widget)
        return box

    # ----- reading --------------------------------------------------------------------

    def reload(self) -> None:
        """Read afresh now if the page is shown, else when it is next shown."""
        self._active = True
        self._stale = True
        if self.isVisible():
            self._read()
        else:  # nothing out of date is kept on screen (a name held since may be in it)
            self._clear()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._active and self._stale:
            self._read()

    def _read(self) -> None:
        self._stale = False
        self._serial += 1
        serial, session = self._serial, self.session

        def job(state: WorkerState) -> WorkList:
            return work_list(state.require_book(), session.today)

        session.read(job, lambda found: self._answer(serial, found))

    def _answer(self, serial: int, found: Any) -> None:
        if serial == self._serial and self._active and isinstance(found, WorkList):
            self.show_work(found)

    # ----- showing --------------------------------------------------------------------

    def show_dashboard(self, board: Dashboard) -> None:
        """The figures alone (no area or summary): for callers holding only a Dashboard."""
        self.show_work(WorkList(board, {}, {}))

    def show_work(self, work: WorkList) -> None:
        self.loaded = work
        board = work.board
        self.heading.setText(self.tr("Today is %1").replace("%1", long_day(board.today, True)))
        self._deadlines(work)
        self._waiting(work)
        self._late(work)
        counts = board.open_by_stage
        self.open_counts.setText(self.tr(
            "Initial discussion: {none}\nStage 1: {one}\nStage 2: {two}").format(
            none=counts["none"], one=counts["stage1"], two=counts["stage2"]))
        self.quarter.setText(self._quarter_text(board))

    def _deadlines(self, work: WorkList) -> None:
        board = work.board
        end = board.horizon_end or board.today
        self.deadlines_note.setText(self.tr(
            "%1 overdue, %2 due today, %3 due in the next %4 working days (to %5).")
            .replace("%1", str(len(board.overdue))).replace("%2", str(len(board.due_today)))
            .replace("%3", str(len(board.due_soon))).replace("%4", str(board.horizon_days))
            .replace("%5", long_day(end, True)))
        items = [*board.overdue, *board.due_today, *board.due_soon]
        rows = []
        for item in items[:SHOWN]:
            area, summary = work.about.get(item.concern_id, ("", ""))
            rows.append(self._row(item.concern_id, [
                working_days_text(item.working_days), item.reference, self._what(item),
                format_day(item.due), area, summary],
                "overdue" if item.working_days < 0 else "today" if item.working_days == 0
                else "soon" if item.working_days <= 2 else None))
        self._fill(self.deadlines, rows, self.tr("Nothing due in the next %1 working days.")
                   .replace("%1", str(board.horizon_days)), len(items))

    def _what(self, item: DueItem) -> str:
        what = (self.tr("written acknowledgement") if item.kind == "acknowledge"
                else self.tr("full response"))
        return f"{stage_label(item.stage)}: {what}"

    def _waiting(self, work: WorkList) -> None:
        board = work.board
        prompted = sum(1 for w in board.waiting if w.prompt)
        if not board.waiting_total:
            note = self.tr("No concern is waiting at the initial discussion.")
        elif prompted:
            note = self.tr("%1 at the initial discussion; %2 waited %3 working days or more: "
                           "worth agreeing with C whether to use the procedure.").replace(
                "%1", str(board.waiting_total)).replace("%2", str(prompted)).replace(
                "%3", str(board.prompt_days))
        else:
            note = self.tr("%1 at the initial discussion.").replace(
                "%1", str(board.waiting_total))
        self.waiting_note.setText(note)
        rows = []
        for waiting in board.waiting[:SHOWN]:
            area, summary = work.about.get(waiting.concern_id, ("", ""))
            waited = (self.tr("1 working day") if waiting.waited == 1 else
                      self.tr("%1 working days").replace("%1", str(waiting.waited)))
            rows.append(self._row(waiting.concern_id, [
                waited, waiting.reference, format_day(waiting.received_on), area, summary],
                "waiting" if waiting.prompt else None))
        self._fill(self.waiting, rows, self.tr("None waiting."), board.waiting_total)

    def _late(self, work: WorkList) -> None:
        board = work.board
        late = board.actions_overdue_total
        self.actions_note.setText(
            self.tr("No action is past its due date.") if not late
            else self.tr("1 open action is past its due date.") if late == 1
            else self.tr("%1 open actions are past their due date.").replace("%1", str(late)))
        rows = [self._row(action.concern_id, [
            self.tr("1 working day") if action.overdue_by == 1 else self.tr(
                "%1 working days").replace("%1", str(action.overdue_by)),
            action.reference, work.actions.get(action.action_id, ""),
            format_day(action.due)], "overdue") for action in board.actions_overdue[:SHOWN]]
        self._fill(self.late_actions, rows, self.tr("None."), board.actions_overdue_total)

    def _row(self, concern_id: int, cells: list[str], tone: str | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(cells)
        item.setData(0, Qt.ItemDataRole.UserRole, concern_id)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, ", ".join(c for c in cells if c))
        if tone is not None:
            background, text = theme.chip_colours(tone)
            item.setBackground(0, QBrush(background))
            item.setForeground(0, QBrush(text))
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
        return item

    def _fill(self, tree: QTreeWidget, rows: list[QTreeWidgetItem], empty: str,
              total: int) -> None:
        tree.setUpdatesEnabled(False)
        try:
            tree.clear()
            if not rows:
                placeholder = QTreeWidgetItem([empty])
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                placeholder.setForeground(0, QBrush(QColor(theme.colours().quiet)))
                rows = [placeholder]
            elif total > len(rows):
                more = QTreeWidgetItem([self.tr("… and %1 more").replace(
                    "%1", str(total - len(rows)))])
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                rows.append(more)
            tree.addTopLevelItems(rows)
        finally:
            tree.setUpdatesEnabled(True)
        _fit_rows(tree, len(rows))

    def _quarter_text(self, board: Dashboard) -> str:
        f, quarter = board.quarter_figures, board.quarter
        received, closed = f["received"], f["closed"]
        within, extended = f["within_timescale"], f["extended"]
        lines = [
            period_words(quarter.start, quarter.end, quarter.label) + self.tr(", so far:"),
            self.tr("Received: %1 at stage 1 and %2 at stage 2; also %3 anonymous and %4 "
                    "unnamed.").replace("%1", str(received["stage1"])).replace(
                "%2", str(received["stage2"])).replace("%3", str(received["anonymous"]))
            .replace("%4", str(received["unnamed"])),
            self.tr("Closed: %1 at stage 1 (%2 within 5 working days) and %3 at stage 2 "
                    "(%4 within 20 working days).").replace("%1", str(closed["stage1"]))
            .replace("%2", str(within["stage1"])).replace("%3", str(closed["stage2"]))
            .replace("%4", str(within["stage2"])),
            self.tr("Extensions authorised: %1 at stage 1 and %2 at stage 2.").replace(
                "%1", str(extended["stage1"])).replace("%2", str(extended["stage2"])),
        ]
        return "\n".join(lines)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        concern_id = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(concern_id, int):
            self.open_concern.emit(concern_id)

    def forget(self) -> None:
        self._active = False
        self._clear()

    def _clear(self) -> None:
        self._serial += 1
        self.loaded = None
        for tree in (self.deadlines, self.waiting, self.late_actions):
            tree.clear()
        for label in (self.open_counts, self.quarter, self.heading, self.deadlines_note,
                      self.waiting_note, self.actions_note):
            label.clear()

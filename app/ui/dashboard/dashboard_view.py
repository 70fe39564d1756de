"""The dashboard: what is due today, this week and overdue; open concerns; this quarter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.store.dashboard import Dashboard, DueItem, dashboard
from app.ui.base.formatting import format_day, stage_label
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class DashboardView(QWidget):
    open_concern = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self.overdue = self._due_list(self.tr("Overdue"))
        self.today = self._due_list(self.tr("Due today"))
        self.week = self._due_list(self.tr("Due later this week"))
        self.open_counts = QLabel()
        self.open_counts.setAccessibleName(self.tr("Open concerns by stage"))
        self.quarter = QLabel()
        self.quarter.setAccessibleName(self.tr("This quarter at a glance"))
        self.quarter.setWordWrap(True)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)

        grid = QGridLayout()
        for column, (title, widget) in enumerate(((self.tr("Overdue"), self.overdue),
                                                  (self.tr("Due today"), self.today),
                                                  (self.tr("Due later this week"), self.week))):
            grid.addWidget(self._box(title, widget), 0, column)
        grid.addWidget(self._box(self.tr("Open concerns"), self.open_counts), 1, 0)
        grid.addWidget(self._box(self.tr("This quarter"), self.quarter), 1, 1, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _due_list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        rows = widget.fontMetrics().lineSpacing()
        widget.setMinimumHeight(rows * 6)
        widget.setMaximumHeight(rows * 14)
        widget.itemActivated.connect(
            lambda item: self.open_concern.emit(item.data(Qt.ItemDataRole.UserRole)))
        return widget

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def reload(self) -> None:
        session = self.session

        def job(state: WorkerState) -> Dashboard:
            return dashboard(session.service(state))

        session.read(job, self.show_dashboard)

    def show_dashboard(self, board: Dashboard) -> None:
        self.heading.setText(self.tr("Today is {day}").format(
            day=board.today.strftime("%A %d/%m/%Y")))
        for widget, items, empty in (
                (self.overdue, board.overdue, self.tr("Nothing overdue")),
                (self.today, board.due_today, self.tr("Nothing due today")),
                (self.week, board.due_this_week, self.tr("Nothing else due this week"))):
            self._fill(widget, items, empty)
        counts = board.open_by_stage
        self.open_counts.setText(self.tr(
            "Initial discussion: {none}\nStage 1: {one}\nStage 2: {two}").format(
            none=counts["none"], one=counts["stage1"], two=counts["stage2"]))
        f = board.quarter_figures
        self.quarter.setText(self.tr(
            "{label} ({start} to {end})\n"
            "Received: {r1} at stage 1, {r2} at stage 2; {anon} anonymous, {unnamed} unnamed\n"
            "Closed: {c1} at stage 1, {c2} at stage 2; within timescale {w1} and {w2}\n"
            "Extensions authorised: {e1} at stage 1, {e2} at stage 2").format(
            label=board.quarter.label, start=format_day(board.quarter.start),
            end=format_day(board.quarter.end),
            r1=f["received"]["stage1"], r2=f["received"]["stage2"],
            anon=f["received"]["anonymous"], unnamed=f["received"]["unnamed"],
            c1=f["closed"]["stage1"], c2=f["closed"]["stage2"],
            w1=f["within_timescale"]["stage1"], w2=f["within_timescale"]["stage2"],
            e1=f["extended"]["stage1"], e2=f["extended"]["stage2"]))

    def _fill(self, widget: QListWidget, items: tuple[DueItem, ...], empty: str) -> None:
        widget.clear()
        if not items:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)
            return
        for item in items:
            what = (self.tr("acknowledge") if item.kind == "acknowledge"
                    else self.tr("full response"))
            entry = QListWidgetItem(f"{item.reference} · {stage_label(item.stage)} {what} · "
                                    f"{format_day(item.due)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.concern_id)
            widget.addItem(entry)

    def forget(self) -> None:
        for widget in (self.overdue, self.today, self.week):
            widget.clear()
        for label in (self.open_counts, self.quarter, self.heading):
            label.clear()

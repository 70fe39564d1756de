"""Actions and learning after a concern, tracked to sign-off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from app.ui.base.formatting import format_day
from app.ui.case.context import CaseContext
from app.ui.case.fields import fit_columns, record_list, select_first
from app.ui.case.tab_base import DetailsView, WorkspaceTab, mark_level

ACTION = Qt.ItemDataRole.UserRole


class ActionsTab(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = record_list(self.tr("Actions and learning"), [
            self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Status"),
            self.tr("Learning publishable")])
        fit_columns(self.tree, {0})
        self.details = DetailsView(self.tr("Learning for the selected action"))
        self.details.setPlaceholderText(self.tr("Select an action to read its learning."))
        self.tree.currentItemChanged.connect(self._selected)
        self.add = self.button(self.tr("&Add action…"), "action")
        self.sign_off = self.button(self.tr("&Sign off or update…"), on_click=self._sign_off)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.details, 1)
        layout.addLayout(self.button_row(self.add, self.sign_off))

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        current = self._current()
        self.tree.clear()
        self.details.clear()
        for action in context.detail.actions:
            if not action.adopted:
                status, level = self.tr("not adopted"), "met"
            elif action.done_on:
                status, level = self.tr("done %1").replace("%1", format_day(action.done_on)), "met"
            elif action.due_on and action.due_on < context.today:
                status, level = self.tr("overdue"), "overdue"
            else:
                status, level = self.tr("open"), "due"
            item = QTreeWidgetItem([action.description, action.owner, format_day(action.due_on),
                                    status, self.tr("Yes") if action.publishable
                                    else self.tr("No")])
            item.setData(0, ACTION, action.action_id)
            mark_level(None, item, 3, level, self.tree)  # type: ignore[arg-type]
            self.tree.addTopLevelItem(item)
            if action.action_id == current:
                self.tree.setCurrentItem(item)
        if not context.detail.actions:
            self.details.setPlaceholderText(self.tr("No actions recorded yet."))
        select_first(self.tree)
        self.sign_off.setEnabled(bool(context.detail.actions))

    def _current(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, ACTION)) if item is not None else None

    def _selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None or self.context is None:
            self.details.clear()
            return
        wanted = item.data(0, ACTION)
        action = next((a for a in self.context.detail.actions if a.action_id == wanted), None)
        if action is None:
            self.details.clear()
            return
        parts = [action.description]
        if action.learning:
            parts.append(self.tr("Learning: %1").replace("%1", action.learning))
        if not action.adopted and action.not_adopted_reason:
            parts.append(self.tr("Not adopted because: %1").replace(
                "%1", action.not_adopted_reason))
        self.details.setPlainText("\n\n".join(parts))

    def _sign_off(self) -> None:
        action_id = self._current()
        if action_id is not None:
            self.action_requested.emit("sign_off", action_id)

    def forget(self) -> None:
        super().forget()
        self.tree.clear()
        self.details.clear()

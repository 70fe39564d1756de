"""Actions and learning after a concern, tracked to sign-off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QTreeWidgetItem, QVBoxLayout, QWidget

from app.ui.base.formatting import format_day
from app.ui.case.context import CaseContext
from app.ui.case.fields import fit_columns, record_list, select_first, value_label
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
        self.correct = self.button(self.tr("C&orrect or remove…"), on_click=self._correct)
        # After closure: the updates agreed with C, and each one given.
        self.frequency = value_label(self.tr("How often updates are given"))
        self.updates = record_list(self.tr("Updates to C after closure"), [
            self.tr("Given"), self.tr("What C was told about the actions")])
        fit_columns(self.updates, {1})
        self.agree = self.button(self.tr("Agree update &frequency…"), "frequency")
        self.record_update = self.button(self.tr("Record an update &given…"), "update")
        self.correct_update = self.button(self.tr("Correct or remo&ve the update…"),
                                          on_click=self._correct_update)
        after = QGroupBox(self.tr("After closure: updates to C"))
        column = QVBoxLayout(after)
        column.addWidget(self.frequency)
        column.addWidget(self.updates, 1)
        column.addLayout(self.button_row(self.agree, self.record_update, self.correct_update))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.details, 1)
        layout.addLayout(self.button_row(self.add, self.sign_off, self.correct))
        layout.addWidget(after, 1)

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
        self.correct.setEnabled(bool(context.detail.actions))
        detail = context.detail
        self.frequency.setText(
            self.tr("Agreed with C: updates %1.").replace("%1", detail.update_frequency)
            if detail.update_frequency else
            self.tr("How often C hears about the actions after closure has not been agreed "
                    "yet."))
        self.updates.clear()
        for update in detail.updates:
            item = QTreeWidgetItem([format_day(update.given_on), update.told])
            item.setToolTip(1, update.told)
            item.setData(0, ACTION, update.update_id)
            self.updates.addTopLevelItem(item)
        closed = detail.closure != "open"
        self.record_update.setEnabled(closed)
        self.correct_update.setEnabled(bool(detail.updates))
        select_first(self.updates)

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

    def _correct(self) -> None:
        action_id = self._current()
        if action_id is not None:
            self.action_requested.emit("correct", ("action", action_id))

    def _correct_update(self) -> None:
        item = self.updates.currentItem()
        if item is not None:
            self.action_requested.emit("correct", ("update", int(item.data(0, ACTION))))

    def forget(self) -> None:
        super().forget()
        self.tree.clear()
        self.details.clear()
        self.updates.clear()
        self.frequency.clear()

"""Notes of every conversation with C, newest first, and the way to log another (Ctrl+N)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from app.core.records import ConversationMode
from app.ui.base.formatting import format_day
from app.ui.case.context import CaseContext
from app.ui.case.fields import fit_columns, record_list, select_first
from app.ui.case.tab_base import DetailsView, WorkspaceTab

CONVERSATION = Qt.ItemDataRole.UserRole


def _first_line(text: str, limit: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class ConversationsTab(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = record_list(self.tr("Conversations"),
                                [self.tr("Date"), self.tr("How"), self.tr("Notes")])
        fit_columns(self.tree, {2})
        self.notes = DetailsView(self.tr("Notes of the selected conversation"))
        self.notes.setPlaceholderText(self.tr("Select a conversation to read its notes."))
        self.tree.currentItemChanged.connect(self._selected)
        self.log = self.button(self.tr("Log a conversation… (Ctrl+N)"), "conversation")
        self.log.setToolTip(self.tr("Ctrl+N"))
        self.edit = self.button(self.tr("&Edit notes…"), on_click=self._edit)
        self.correct = self.button(self.tr("C&orrect or remove…"), on_click=self._correct)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.notes, 3)
        layout.addLayout(self.button_row(self.log, self.edit, self.correct))

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        current = self._current()
        self.tree.clear()
        self.notes.clear()
        for conversation in reversed(context.detail.conversations):
            try:
                how = self.tr(ConversationMode(conversation.mode).label)
            except ValueError:
                how = conversation.mode
            item = QTreeWidgetItem([format_day(conversation.held_on), how,
                                    _first_line(conversation.notes)])
            item.setData(0, CONVERSATION, conversation.conversation_id)
            self.tree.addTopLevelItem(item)
            if conversation.conversation_id == current:
                self.tree.setCurrentItem(item)
        if not context.detail.conversations:
            self.notes.setPlaceholderText(self.tr("No conversations logged yet."))
        select_first(self.tree)
        self.edit.setEnabled(bool(context.detail.conversations))
        self.correct.setEnabled(bool(context.detail.conversations))

    def _current(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, CONVERSATION)) if item is not None else None

    def _selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None or self.context is None:
            self.notes.clear()
            return
        wanted = item.data(0, CONVERSATION)
        found = next((c for c in self.context.detail.conversations
                      if c.conversation_id == wanted), None)
        if found is None:
            self.notes.clear()
            return
        text = found.notes
        if found.next_steps:
            text += "\n\n" + self.tr("Next steps: %1").replace("%1", found.next_steps)
        self.notes.setPlainText(text)

    def _edit(self) -> None:
        conversation_id = self._current()
        if conversation_id is not None:
            self.action_requested.emit("edit_conversation", conversation_id)

    def _correct(self) -> None:
        conversation_id = self._current()
        if conversation_id is not None:
            self.action_requested.emit("correct", ("conversation", conversation_id))

    def forget(self) -> None:
        super().forget()
        self.tree.clear()
        self.notes.clear()

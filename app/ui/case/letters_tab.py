"""The letters sent to the people who raised the concern: each one's kind, date, the event it
is about and to whom; re-issued (a new letter and record) or re-printed exactly as sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from app.core.letters import KINDS
from app.ui.base.formatting import format_day
from app.ui.case.context import CaseContext
from app.ui.case.fields import fit_columns, note, record_list, select_first
from app.ui.case.tab_base import WorkspaceTab

LETTER = Qt.ItemDataRole.UserRole


class LettersTab(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explain = note(self.tr(
            "Each letter made is recorded here; the letter itself, which names the person, is "
            "kept with their identity and goes with it. Re-issue makes it again (a new letter, "
            "to a new address say); re-print gives it exactly as sent."))
        self.tree = record_list(self.tr("Letters"), [
            self.tr("Dated"), self.tr("Letter"), self.tr("To"), self.tr("About the event of"),
            self.tr("File")])
        fit_columns(self.tree, {1})
        self.write = self.button(self.tr("&Write a letter…"), "letter")
        self.reissue = self.button(self.tr("Re-&issue…"),
                                   on_click=lambda: self._letter("reissue"))
        self.reprint = self.button(self.tr("Re-&print exactly as sent…"),
                                   on_click=lambda: self._letter("reprint"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.button_row(self.write, self.reissue, self.reprint))

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        self.tree.clear()
        for letter in reversed(context.detail.letters):
            to = (self.tr("The person who raised it") if letter.raiser == 0 else
                  self.tr("Raiser %1").replace("%1", str(letter.raiser + 1)))
            file = self.tr("protected") if letter.protected else self.tr("not protected")
            if letter.reissue_of:
                file += self.tr("; a re-issue")
            item = QTreeWidgetItem([format_day(letter.letter_date),
                                    self.tr(KINDS.get(letter.kind, letter.kind)), to,
                                    format_day(letter.about_on), file])
            item.setData(0, LETTER, letter.letter_id)
            self.tree.addTopLevelItem(item)
        if context.detail.letters:
            select_first(self.tree)
        else:  # a note in the list, not a row to select
            empty = QTreeWidgetItem([self.tr("No letters made yet")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        has = bool(context.detail.letters)
        self.reissue.setEnabled(has)
        self.reprint.setEnabled(has)

    def _letter(self, action: str) -> None:
        item = self.tree.currentItem()
        letter_id = item.data(0, LETTER) if item is not None else None
        if isinstance(letter_id, int):
            self.action_requested.emit(action, letter_id)

    def forget(self) -> None:
        super().forget()
        self.tree.clear()

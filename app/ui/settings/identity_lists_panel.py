"""The organisation's word lists for the identity check: never publish, and always allowed.

Two short lists side by side, each changed one entry at a time and saved at once through
the worker (the store audits the change by the list's name, never its words). An entry is
checked as it is typed; the allow-list also refuses a held person's details, which only
the worker can tell.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import identity_scan
from app.services.identity_scan import ScanLists
from app.store import scan_settings
from app.ui.base.form_feedback import FieldMessage
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class _ListEditor(QWidget):
    """One list: its entries, a field to add one, and a button to remove the selected one."""

    add_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, title: str, note: str, placeholder: str, add_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(f"<b>{title}</b>")
        explanation = QLabel(note)
        explanation.setWordWrap(True)
        self.entries = QListWidget()
        self.entries.setAccessibleName(title)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setMinimumHeight(self.fontMetrics().height() * 7)
        self.field = QLineEdit()
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(self.tr("New entry for: %1").replace("%1", title))
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(self.tr("Add to: %1").replace("%1", title))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected entry from: %1")
                                             .replace("%1", title))
        self.message = FieldMessage(self.tr("%1 problem").replace("%1", title))
        # The message has its place kept, so nothing below moves when it appears.
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.entries, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.entries.itemSelectionChanged.connect(self._arrange)
        self._enabled = False
        self._arrange()

    def values(self) -> tuple[str, ...]:
        return tuple(self.entries.item(i).text() for i in range(self.entries.count()))

    def show_values(self, values: tuple[str, ...]) -> None:
        self.entries.clear()
        self.entries.addItems(list(values))
        self._arrange()

    def problem(self) -> str | None:
        text = self.field.text()
        if not text.strip():
            return None
        problem = scan_settings.entry_problem(text)
        if problem:
            return self.tr(problem)
        if text.strip().casefold() in {v.casefold() for v in self.values()}:
            return self.tr("That is on the list already.")
        return None

    def _typed(self) -> None:
        self.message.setText("")
        problem = self.problem()
        if problem:
            self.message.show_problem(problem)
        self.message.setVisible(True)
        self._arrange()

    def show_problem(self, text: str) -> None:
        self.message.show_problem(text)
        self.message.setVisible(True)

    def _add(self) -> None:
        if self._enabled and self.field.text().strip() and self.problem() is None:
            self.add_requested.emit(self.field.text().strip())

    def _remove(self) -> None:
        item = self.entries.currentItem()
        if self._enabled and item is not None:
            self.remove_requested.emit(item.text())

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self.field.setEnabled(enabled)
        self._arrange()

    def _arrange(self) -> None:
        typed = bool(self.field.text().strip()) and self.problem() is None
        self.add_button.setEnabled(self._enabled and typed)
        self.remove_button.setEnabled(self._enabled and self.entries.currentItem() is not None)

    def clear(self) -> None:
        self.entries.clear()
        self.field.clear()
        self.message.setText("")


class IdentityListsPanel(QWidget):
    """The never-publish list and the allow-list, loaded and saved through the worker."""

    saved = Signal(str)  # a plain note for the settings screen's message bar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._working = False
        intro = QLabel(self.tr(
            "Casebook checks everything typed into a concern for names, contact details, CHI "
            "numbers and dates of birth. Add words that identify people here though they are "
            "nobody's name, and your organisation's own contact details, which letters and "
            "notes quote and which should never be flagged."))
        intro.setWordWrap(True)
        self.never = _ListEditor(
            self.tr("Never publish"),
            self.tr("Flagged wherever they are typed, and masked like a name (for example a "
                    "tiny team's name, or a post only one person holds)."),
            self.tr("A word or phrase"), self.tr("&Add"))
        self.allow = _ListEditor(
            self.tr("Always allowed"),
            self.tr("Your organisation's own phone numbers and email addresses, never "
                    "flagged. The INWO's freephone is always allowed."),
            self.tr("A phone number or email address"), self.tr("A&dd"))
        grid = QGridLayout()
        grid.addWidget(self.never, 0, 0)
        grid.addWidget(self.allow, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(grid)
        self.never.add_requested.connect(
            lambda text: self._change(self.never, (*self.never.values(), text)))
        self.never.remove_requested.connect(
            lambda text: self._change(self.never, tuple(
                v for v in self.never.values() if v != text)))
        self.allow.add_requested.connect(
            lambda text: self._change(self.allow, (*self.allow.values(), text)))
        self.allow.remove_requested.connect(
            lambda text: self._change(self.allow, tuple(
                v for v in self.allow.values() if v != text)))
        self.set_enabled(False)

    def reload(self) -> None:
        session = self.session

        def job(state: WorkerState) -> ScanLists:
            return identity_scan.lists(session.book(state))

        session.read(job, self._show, lambda message: self.never.show_problem(message))

    def _show(self, lists: Any) -> None:
        if isinstance(lists, ScanLists):
            self.never.show_values(lists.never_publish)
            self.allow.show_values(lists.allow)
            self.set_enabled(True)

    def _change(self, editor: _ListEditor, values: tuple[str, ...]) -> None:
        if self._working:
            return
        session, never = self.session, editor is self.never

        def job(state: WorkerState) -> ScanLists:
            book = session.book(state)
            if never:
                return identity_scan.set_never_publish(book, values)
            return identity_scan.set_allow_list(book, values)

        self._working = True
        self.set_enabled(False)

        def done(lists: Any) -> None:
            self._working = False
            editor.field.clear()
            self._show(lists)
            self.saved.emit(self.tr("The list was saved; checks use it from now on."))

        def failed(message: str) -> None:
            self._working = False
            self.set_enabled(True)
            editor.show_problem(message)

        session.write(job, done, failed)

    def set_enabled(self, enabled: bool) -> None:
        self.never.set_enabled(enabled and not self._working)
        self.allow.set_enabled(enabled and not self._working)

    def forget(self) -> None:
        self._working = False
        self.never.clear()
        self.allow.clear()
        self.set_enabled(False)

"""Find a concern by its person: a reveal, so it asks why first and writes that down.

The ordinary search never matches a person's identity. This dialog is the one way from a
name, email address or phone number to their concerns: the reason and the words go to the
worker, which writes the reason to the audit log before it reads identities.db
(app/services/find_person.py), and the people found are listed with their concerns. A
concern opens with Enter or a double click. On lock, forget() wipes everything.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services import find_person
from app.services.find_person import PersonMatch
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    BusyIndicator,
    FieldMessage,
    field_with_message,
    plain_buttons,
    text_width,
)
from app.ui.base.formatting import format_day, stage_label, status_label
from app.ui.base.messages import shown
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class FindPersonDialog(AsksBeforeClosing, QDialog):
    open_concern = Signal(int)
    lock_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.forgotten = False
        self._working = False
        self.setWindowTitle(self.tr("Find a concern by the person"))
        self.setAccessibleName(self.tr("Find a concern by the person"))
        explain = QLabel(self.tr(
            "The list's search never matches who raised a concern. Looking a person up here "
            "shows who they are, so it is a reveal: your reason is written to the audit log, "
            "with the date and time, before anything is looked up (never the words you "
            "type)."))
        explain.setWordWrap(True)
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("Name, email address or phone number"))
        self.text.setPlaceholderText(self.tr("For example: Siobhan, or 07700 900123"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for looking up the person"))
        self.reason.setPlaceholderText(self.tr("For example: C phoned and gave only a name"))
        self.message = FieldMessage(self.tr("Problem"))
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        text_label = QLabel(self.tr("&Name, email or phone:"))
        text_label.setBuddy(self.text)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(text_label, self.text)
        form.addRow(reason_label, field_with_message(self.reason, self.message))
        self.results = QTreeWidget()
        self.results.setAccessibleName(self.tr("People found and their concerns"))
        self.results.setHeaderLabels([self.tr("Person, then each concern"),
                                      self.tr("Received"), self.tr("Stage"),
                                      self.tr("Status")])
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setMinimumHeight(self.fontMetrics().height() * 10)
        self.results.itemActivated.connect(self._activated)
        self.found_note = QLabel()
        self.found_note.setWordWrap(True)
        self.found_note.setAccessibleName(self.tr("What was found"))
        self.busy = BusyIndicator()
        self.buttons = QDialogButtonBox()
        self.find_button = self.buttons.addButton(self.tr("&Find (audited)"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.find_button.setAccessibleName(self.tr("Find, writing the reason to the audit log"))
        self.open_button = self.buttons.addButton(self.tr("&Open concern"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        for button in (self.find_button, self.open_button, self.close_button):
            button.setAutoDefault(False)  # Return finds (in a field) or opens (in the list)
            button.setDefault(False)
        self.find_button.clicked.connect(self.look_up)
        self.open_button.clicked.connect(
            lambda: self._activated(self.results.currentItem(), 0))
        self.buttons.rejected.connect(self.reject)
        for field in (self.text, self.reason):
            field.textChanged.connect(self._arrange)
            field.returnPressed.connect(self.look_up)
        self.results.currentItemChanged.connect(lambda *_: self._arrange())
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.found_note)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(text_width(self, 100))
        self.resize(text_width(self, 120), self.sizeHint().height() + self.fontMetrics().height()
                    * 6)
        self._arrange()
        self.text.setFocus()
        plain_buttons(self)
        self.settle()

    def problem(self) -> str | None:
        return (find_person.query_problem(self.text.text())
                or find_person.reason_problem(self.reason.text()))

    def _arrange(self) -> None:
        ready = not self._working and not self.forgotten and self.problem() is None
        self.find_button.setEnabled(ready)
        self.open_button.setEnabled(self._chosen() is not None)

    def _chosen(self) -> int | None:
        item = self.results.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    def look_up(self) -> None:
        problem = self.problem()
        if self._working or self.forgotten:
            return
        if problem:
            self.message.show_problem(shown(problem))
            return
        self.message.show_problem(None)
        self.message.setVisible(True)
        session, text, reason = self.session, self.text.text(), self.reason.text()

        def job(state: WorkerState) -> tuple[PersonMatch, ...]:
            return find_person.find_person(session.book(state), text, reason)

        self._working = True
        self.busy.start(self.tr("Looking up…"))
        self._arrange()
        session.read(job, self._found, self._failed)

    def _found(self, matches: Any) -> None:
        if self.forgotten or not isValid(self):
            return
        self._working = False
        self.busy.stop()
        self.results.clear()
        count = 0
        for match in matches:
            title = match.name or self.tr("An unnamed concern: the name's fingerprint matched")
            person = QTreeWidgetItem([title, "", "", ""])
            self.results.addTopLevelItem(person)
            for row in match.concerns:
                item = QTreeWidgetItem([row.reference, format_day(row.received_on),
                                        stage_label(row.stage), status_label(row.status)])
                item.setData(0, Qt.ItemDataRole.UserRole, row.concern_id)
                person.addChild(item)
                count += 1
            person.setExpanded(True)
        for column in range(self.results.columnCount()):
            self.results.resizeColumnToContents(column)
        if matches:
            self.found_note.setText(
                self.tr("1 concern found. Select it and press Enter to open it.") if count == 1
                else self.tr("%1 concerns found. Select one and press Enter to open it.")
                .replace("%1", str(count)))
            first = self.results.topLevelItem(0)
            child = first.child(0) if first is not None and first.childCount() else None
            if child is not None:
                self.results.setCurrentItem(child)
            self.results.setFocus()
        else:
            self.found_note.setText(self.tr("Nobody held in this casebook matches that."))
        self._arrange()

    def _failed(self, message: str) -> None:
        if self.forgotten or not isValid(self):
            return
        self._working = False
        self.busy.stop()
        self.message.show_problem(message)
        self._arrange()

    def _activated(self, item: QTreeWidgetItem | None, _column: int) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(value, int):
            self.open_concern.emit(value)
            self.accept()

    def wipe(self) -> None:
        """Clear the words, the reason and every name shown (on closing, and on lock)."""
        self.results.clear()
        self.text.clear()
        self.reason.clear()
        self.found_note.clear()

    def forget(self) -> None:
        """On lock: wipe, then close."""
        self.forgotten = True
        self.wipe()
        self.done(QDialog.DialogCode.Rejected)

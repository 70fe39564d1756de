"""Showing the person behind a concern: only with a reason, always audited.

The reason is written to the audit log before anything is read. The identity
is held only in this dialog's labels and lists, and wiped when it closes or the
casebook locks. The dialog also shows who has already been told the identity.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.store.identities import IdentityService, RevealedIdentity
from app.ui.base.form_feedback import plain_buttons, screen_bounded
from app.ui.base.formatting import format_day
from app.ui.base.worker import WorkerState
from app.ui.case.fields import (
    ProblemLabel,
    TextBox,
    fit_columns,
    heading,
    hint_label,
    note,
    record_list,
    value_label,
    wipe,
)
from app.ui.session import Session

_PERSON = (("name", "Name"), ("other_names", "Also known as"), ("email", "Email"),
           ("phone", "Phone"), ("address", "Address"), ("employer", "Employer"),
           ("job_title", "Job title"), ("support_person", "Support person"))


def _day(text: str) -> str:
    try:
        return format_day(date.fromisoformat(text))
    except ValueError:
        return text


class RevealDialog(QDialog):
    lock_requested = Signal()  # Ctrl+L inside the dialog: the window's shortcuts are blocked
    def __init__(self, session: Session, concern_id: int, reference: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.forgotten = False
        self.setWindowTitle(self.tr("Reveal the person"))
        self.setAccessibleName(self.tr("Reveal the person"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._ask_page(reference))
        self.pages.addWidget(self._shown_page())
        self._size_to_page(0)
        self.problem = ProblemLabel()
        self.buttons = QDialogButtonBox()
        self.show_button = self.buttons.addButton(self.tr("&Show identity"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_button.setAccessibleName(self.tr("Show identity"))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        for button in self.buttons.buttons():
            button.setIcon(QIcon())
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._reason_changed)
        self._reason_changed()
        self.reason.setFocus()
        plain_buttons(self, self.show_button)

    def _ask_page(self, reference: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Who raised %1?").replace("%1", reference)))
        layout.addWidget(note(self.tr(
            "The person's identity is kept apart from the case record. Showing it is written "
            "to the audit log with your reason, the date and time. Show it only when you need "
            "it, and with no one else able to see the screen.")))
        caption = QLabel(self.tr("&Reason for showing the identity:"))
        self.reason = TextBox(lines=3)
        self.reason.setAccessibleName(self.tr("Reason for showing the identity"))
        caption.setBuddy(self.reason)
        layout.addWidget(caption)
        layout.addWidget(self.reason)
        self.reason_problem = ProblemLabel()
        layout.addWidget(self.reason_problem)
        layout.addStretch(1)
        return page

    def _shown_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint_label(self.tr("Shown for the reason you gave; closing this window "
                                            "hides it again.")))
        details = QGroupBox(self.tr("The person"))
        form = QFormLayout(details)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key, name in _PERSON:
            label = value_label(self.tr(name))
            self.values[key] = label
            form.addRow(self.tr(name) + ":", label)
        layout.addWidget(details)
        self.consents = record_list(self.tr("Consents to share the identity"),
                                    [self.tr("May be shared with"), self.tr("Given on"),
                                     self.tr("How")])
        self.told = record_list(self.tr("Who has already been told"),
                                [self.tr("Told to"), self.tr("On"), self.tr("Why")])
        fit_columns(self.consents, {0, 2})
        fit_columns(self.told, {0, 2})
        for title, tree in ((self.tr("C agreed the identity may be shared with"), self.consents),
                            (self.tr("Who has already been told"), self.told)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(tree)
            layout.addWidget(box, 1)
        return page

    def _size_to_page(self, index: int) -> None:
        """Only the page on show counts towards the window's size."""
        for number in range(self.pages.count()):
            page = self.pages.widget(number)
            if page is None:
                continue
            policy = (QSizePolicy.Policy.Preferred if number == index
                      else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy, policy)
        self.pages.adjustSize()

    def fit(self) -> None:
        """Wide enough to read the lists; as tall as the screen allows."""
        chars = self.fontMetrics().averageCharWidth()
        page = self.pages.widget(self.pages.currentIndex())
        assert page is not None
        height = (page.sizeHint().height() + self.buttons.sizeHint().height()
                  + self.fontMetrics().lineSpacing() * 4)
        wanted = QSize(max(chars * 80, self.sizeHint().width()), height)
        self.resize(screen_bounded(self, wanted))  # the smallest supported screen, too

    def _reason_changed(self) -> None:
        given = bool(self.reason.text().strip())
        self.show_button.setEnabled(given and self.pages.currentIndex() == 0)
        if given or not self.reason.document().isModified():
            self.reason_problem.clear_problem()
        else:
            self.reason_problem.show_problem(
                self.tr("Reason: give a reason for showing the identity."), urgent=True)

    def accept(self) -> None:
        reason = self.reason.text().strip()
        if not reason or self.pages.currentIndex() != 0:
            return
        concern_id = self.concern_id
        self.show_button.setEnabled(False)
        self.reason.setEnabled(False)

        def job(state: WorkerState) -> RevealedIdentity:
            return IdentityService(state.require_book()).reveal(concern_id, reason)

        self.session.read(job, self._revealed, self._failed)

    def _revealed(self, revealed: RevealedIdentity) -> None:
        if self.forgotten or not isValid(self):
            return
        person = revealed.person
        for key, label in self.values.items():
            text = str(getattr(person, key, "") or "")
            label.setText(text or self.tr("(not recorded)"))
        for consent in revealed.consents:
            self.consents.addTopLevelItem(QTreeWidgetItem(
                [consent.share_with, format_day(consent.given_on), consent.how]))
        for to, on, why in revealed.disclosures:
            self.told.addTopLevelItem(QTreeWidgetItem([to, _day(on), why]))
        if not revealed.disclosures:
            self.told.addTopLevelItem(QTreeWidgetItem([self.tr("Nobody yet"), "", ""]))
        if not revealed.consents:
            self.consents.addTopLevelItem(QTreeWidgetItem([self.tr("None recorded"), "", ""]))
        self.reason.clear()
        self.pages.setCurrentIndex(1)
        self._size_to_page(1)
        self.show_button.hide()
        self.close_button.setFocus()
        self.fit()

    def _failed(self, message: str) -> None:
        if self.forgotten or not isValid(self):
            return
        self.reason.setEnabled(True)
        self._reason_changed()
        self.problem.show_problem(self.tr("Not shown: %1").replace("%1", message), urgent=True)

    def done(self, result: int) -> None:
        """Closing hides the identity: every label and list is wiped."""
        self.forgotten = True
        wipe(self)
        super().done(result)

    def forget(self) -> None:
        self.done(QDialog.DialogCode.Rejected)

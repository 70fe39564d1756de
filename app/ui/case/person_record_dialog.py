"""The person's details and consents, corrected: a reveal first, then each change with a reason.

Showing the details asks for the reason for the reveal (audited before anything is read).
Then the details can be corrected, and each consent to share the identity corrected,
removed or added; every correction needs its reason, which the concern's timeline shows
(app/services/person_records.py). The identity is held only in this dialog's fields and
wiped when it closes or the casebook locks. `raiser` is 0 for the person who raised the
concern, or a linked raiser's number.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.identity import PersonDetails
from app.services import person_records
from app.store.identities import Consent, IdentityService, RevealedIdentity
from app.ui.base.formatting import format_day
from app.ui.base.worker import WorkerState
from app.ui.case.fields import (
    DateField,
    ProblemLabel,
    TextBox,
    fit_columns,
    note,
    record_list,
    wipe,
)
from app.ui.session import Session

_PERSON = (("name", "&Name:"), ("other_names", "Also &known as:"), ("email", "&Email:"),
           ("phone", "P&hone:"), ("address", "A&ddress:"), ("employer", "Em&ployer:"),
           ("job_title", "&Job title:"), ("support_person", "Support pe&rson:"))
CONSENT = Qt.ItemDataRole.UserRole


class PersonRecordDialog(QDialog):
    lock_requested = Signal()
    changed = Signal()

    def __init__(self, session: Session, concern_id: int, raiser: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.raiser = raiser
        self.forgotten = False
        self.revealed: RevealedIdentity | None = None
        self._working = False
        title = (self.tr("The person's details and consents") if raiser == 0 else
                 self.tr("Raiser %1's details and consents").replace("%1", str(raiser + 1)))
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        # ----- the reveal
        self.reveal_reason = TextBox(lines=2)
        self.reveal_reason.setAccessibleName(self.tr("Reason for showing the identity"))
        self.show_button = QPushButton(self.tr("&Show the details"))
        self.show_button.setAccessibleName(self.tr("Show the details"))
        ask = QGroupBox(self.tr("Showing the identity"))
        ask_form = QFormLayout(ask)
        label = QLabel(self.tr("Reason for &showing it:"))
        label.setBuddy(self.reveal_reason)
        ask_form.addRow(note(self.tr("The details are held apart from the case. Showing them "
                                     "is written to the audit log with your reason.")))
        ask_form.addRow(label, self.reveal_reason)
        ask_form.addRow(self.show_button)

        # ----- the details
        self.details_box = QGroupBox(self.tr("Details"))
        details_form = QFormLayout(self.details_box)
        self.person: dict[str, QLineEdit] = {}
        for key, text in _PERSON:
            edit = QLineEdit()
            edit.setAccessibleName(text.replace("&", "").rstrip(":"))
            caption = QLabel(self.tr(text))
            caption.setBuddy(edit)
            details_form.addRow(caption, edit)
            self.person[key] = edit
        self.save_details = QPushButton(self.tr("Save the &corrected details"))
        self.save_details.setAccessibleName(self.tr("Save the corrected details"))
        details_form.addRow(self.save_details)

        # ----- consents
        self.consents_box = QGroupBox(self.tr("Consents to share the identity"))
        self.consents = record_list(self.tr("Consents"), [
            self.tr("Shared with"), self.tr("Given"), self.tr("How")])
        fit_columns(self.consents, {0, 2})
        self.share_with = QLineEdit()
        self.share_with.setAccessibleName(self.tr("Shared with"))
        self.successor = QCheckBox(self.tr("May go to whoever takes &over the concern"))
        self.successor.setAccessibleName(self.tr("May go to whoever takes over the concern"))
        self.given_on = DateField(session.today())
        self.given_on.setAccessibleName(self.tr("Date given"))
        self.how = QLineEdit()
        self.how.setAccessibleName(self.tr("How it was given"))
        consent_form = QFormLayout()
        for text, widget in ((self.tr("Shared &with:"), self.share_with),
                             (self.tr("&Given on:"), self.given_on),
                             (self.tr("Ho&w:"), self.how)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            consent_form.addRow(caption, widget)
        consent_form.addRow(self.successor)
        self.correct_consent = QPushButton(self.tr("Correct the selected consen&t"))
        self.remove_consent = QPushButton(self.tr("&Remove the selected consent"))
        self.add_consent = QPushButton(self.tr("&Add as a new consent"))
        buttons = QHBoxLayout()
        for button in (self.correct_consent, self.remove_consent, self.add_consent):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        column = QVBoxLayout(self.consents_box)
        column.addWidget(self.consents)
        column.addLayout(consent_form)
        column.addLayout(buttons)

        # ----- why
        self.reason = TextBox(lines=2)
        self.reason.setAccessibleName(self.tr("Reason for the correction"))
        why_form = QFormLayout()
        why_label = QLabel(self.tr("Reason for the correct&ion:"))
        why_label.setBuddy(self.reason)
        why_form.addRow(why_label, self.reason)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(ask)
        inner.addWidget(self.details_box)
        inner.addWidget(self.consents_box)
        inner.addLayout(why_form)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(body)
        self.problem = ProblemLabel()
        self.message = note()
        self.message.setAccessibleName(self.tr("What was saved"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.show_button.clicked.connect(self.show_details)
        self.save_details.clicked.connect(self.correct_details)
        self.correct_consent.clicked.connect(lambda: self._consent("correct"))
        self.remove_consent.clicked.connect(lambda: self._consent("remove"))
        self.add_consent.clicked.connect(lambda: self._consent("add"))
        self.consents.currentItemChanged.connect(self._selected)
        self.successor.toggled.connect(lambda on: self.share_with.setEnabled(not on))
        self._shown(False)

    def fit(self) -> None:
        self.resize(self.fontMetrics().averageCharWidth() * 100,
                    self.fontMetrics().lineSpacing() * 44)

    def _shown(self, shown: bool) -> None:
        self.details_box.setEnabled(shown)
        self.consents_box.setEnabled(shown)
        self.reason.setEnabled(shown)

    # ----- the reveal ---------------------------------------------------------------------

    def show_details(self) -> None:
        reason = self.reveal_reason.text().strip()
        if not reason:
            self.problem.show_problem(self.tr("Give a reason for showing the identity: it is "
                                              "written to the audit log."), urgent=True)
            return
        self._run(lambda state: person_records.reveal(
            self.session.book(state), self.concern_id, reason, raiser=self.raiser),
            self._revealed, self.tr("Showing the details…"))

    def _revealed(self, revealed: Any) -> None:
        if not isinstance(revealed, RevealedIdentity):
            return
        self.revealed = revealed
        for key, edit in self.person.items():
            edit.setText(str(getattr(revealed.person, key)))
        self.consents.clear()
        for consent in revealed.consents:
            item = QTreeWidgetItem([consent.share_with, format_day(consent.given_on),
                                    consent.how])
            item.setData(0, CONSENT, consent.consent_id)
            self.consents.addTopLevelItem(item)
        self.show_button.setEnabled(False)
        self.reveal_reason.setEnabled(False)
        self._shown(True)

    def _selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        consent = self._consent_of(item)
        if consent is None:
            return
        self.successor.setChecked(consent.kind == "successor")
        self.share_with.setText("" if consent.kind == "successor" else consent.share_with)
        self.given_on.set_value(consent.given_on)
        self.how.setText(consent.how)

    def _consent_of(self, item: QTreeWidgetItem | None) -> Consent | None:
        if item is None or self.revealed is None:
            return None
        wanted = item.data(0, CONSENT)
        return next((c for c in self.revealed.consents if c.consent_id == wanted), None)

    # ----- corrections --------------------------------------------------------------------

    def correct_details(self) -> None:
        details = PersonDetails(**{k: e.text() for k, e in self.person.items()})
        reason = self.reason.text()
        self._run(lambda state: person_records.correct_details(
            self.session.book(state), self.concern_id, details, reason, raiser=self.raiser),
            lambda _r: self._done(self.tr("The details were corrected.")),
            self.tr("Saving…"))

    def _consent(self, action: str) -> None:
        chosen = self._consent_of(self.consents.currentItem())
        if action != "add" and chosen is None:
            self.problem.show_problem(self.tr("Select a consent first."), urgent=True)
            return
        kind = "successor" if self.successor.isChecked() else "named"
        consent = Consent(self.share_with.text(), self.given_on.value(), self.how.text(),
                          kind=kind, consent_id=chosen.consent_id if chosen else 0)
        reason = self.reason.text()
        concern_id, raiser, session, revealed = (self.concern_id, self.raiser, self.session,
                                                 self.revealed)
        assert revealed is not None

        def job(state: WorkerState) -> RevealedIdentity:
            book = session.book(state)
            if action == "add":
                person_records.add_consent(book, concern_id, consent, raiser=raiser)
            elif action == "correct":
                person_records.correct_consent(book, concern_id, consent, reason,
                                               raiser=raiser)
            else:
                assert chosen is not None
                person_records.remove_consent(book, concern_id, chosen.consent_id, reason,
                                              raiser=raiser)
            people = IdentityService(book)
            ref = people.person_ref_of_raiser(concern_id, raiser) or ""
            return replace(revealed, consents=people.consents_of(ref))

        def done(result: Any) -> None:
            self._revealed(result)
            self._done({"add": self.tr("The consent was added."),
                        "correct": self.tr("The consent was corrected."),
                        "remove": self.tr("The consent was removed.")}[action])

        self._run(job, done, self.tr("Saving…"))

    def _done(self, text: str) -> None:
        self.message.setText(text + " " + self.tr("Recorded on the concern's timeline."))
        self.changed.emit()

    # ----- the worker ---------------------------------------------------------------------

    def _run(self, job: Any, then: Any, busy: str) -> None:
        if self._working or self.forgotten:
            return
        self._working = True
        self.problem.clear_problem()
        self.message.setText(busy)

        def answered(result: Any) -> None:
            if self.forgotten or not isValid(self):
                return
            self._working = False
            self.message.setText("")
            then(result)

        def failed(message: str) -> None:
            if self.forgotten or not isValid(self):
                return
            self._working = False
            self.message.setText("")
            self.problem.show_problem(message, urgent=True)

        self.session.write(job, answered, failed, concern_id=self.concern_id)

    def forget(self) -> None:
        """On lock: wipe everything shown and close."""
        self.forgotten = True
        self.revealed = None
        wipe(self)
        self.done(QDialog.DialogCode.Rejected)

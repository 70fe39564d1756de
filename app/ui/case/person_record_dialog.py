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

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
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
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    FieldMessage,
    plain_buttons,
    screen_bounded,
    text_width,
)
from app.ui.base.formatting import format_day
from app.ui.base.worker import WorkerState
from app.ui.case.fields import (
    DateField,
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


def _left(button: QPushButton) -> QHBoxLayout:
    """A button at its own width, at the start of its row."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class PersonRecordDialog(AsksBeforeClosing, QDialog):
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
        self._asking: QMessageBox | None = None
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
        label = QLabel(self.tr("Reason to show the detai&ls:"))
        label.setBuddy(self.reveal_reason)
        ask_form.addRow(note(self.tr("The details are held apart from the case. Showing them "
                                     "is written to the audit log with your reason.")))
        ask_form.addRow(label, self.reveal_reason)
        ask_form.addRow(_left(self.show_button))

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
        details_form.addRow(_left(self.save_details))

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
                             (self.tr("How gi&ven:"), self.how)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            consent_form.addRow(caption, widget)
        consent_form.addRow(self.successor)
        self.correct_consent = QPushButton(self.tr("Correct the selected consen&t"))
        self.remove_consent = QPushButton(self.tr("Re&move the selected consent"))
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
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(body)
        self.scroller.setAccessibleName(title)
        # What is wrong, or what was saved, in one place of fixed height above the buttons:
        # nothing moves when it comes or goes.
        self.message = FieldMessage(self.tr("What was saved, or what is wrong"), reserve=2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
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
        plain_buttons(self)

    def fit(self) -> None:
        """Wide enough to read the consents; as tall as its content where the smallest
        supported screen allows (it scrolls otherwise)."""
        body = self.scroller.widget()
        assert body is not None
        hint = body.sizeHint()
        height = (hint.height() + self.buttons.sizeHint().height()
                  + self.message.minimumHeight() + 60)
        scroll = self.scroller.verticalScrollBar().sizeHint().width()
        width = max(text_width(self, 100), hint.width() + scroll + 30)
        self.resize(screen_bounded(self, QSize(width, height)))

    def _say(self, text: str, problem: bool = False) -> None:
        if problem:
            self.message.show_problem(text)
        else:
            self.message.show_note(text)

    def _shown(self, shown: bool) -> None:
        self.details_box.setEnabled(shown)
        self.consents_box.setEnabled(shown)
        self.reason.setEnabled(shown)

    # ----- the reveal ---------------------------------------------------------------------

    def show_details(self) -> None:
        reason = self.reveal_reason.text().strip()
        if not reason:
            self._say(self.tr("Give a reason for showing the identity: it is written to the "
                              "audit log."), problem=True)
            self.reveal_reason.setFocus()
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
        self.person["name"].setFocus()

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

    def _details(self) -> PersonDetails:
        return PersonDetails(**{k: e.text() for k, e in self.person.items()})

    def _needs_reason(self) -> bool:
        """Every correction is kept with its reason: said before anything is sent."""
        if self.reason.text().strip():
            return False
        self._say(self.tr("Say why in Reason for the correction: it is kept with the "
                          "correction and shown on the timeline."), problem=True)
        self.reason.setFocus()
        return True

    def correct_details(self) -> None:
        details = self._details()
        if self.revealed is not None and details == self.revealed.person:
            self._say(self.tr("Nothing to save: no detail was changed."), problem=True)
            return
        if self._needs_reason():
            return
        reason = self.reason.text()
        self._run(lambda state: person_records.correct_details(
            self.session.book(state), self.concern_id, details, reason, raiser=self.raiser),
            lambda _r: self._done(self.tr("The details were corrected.")),
            self.tr("Saving…"))

    def _consent(self, action: str) -> None:
        chosen = self._consent_of(self.consents.currentItem())
        if action != "add" and chosen is None:
            self._say(self.tr("Select a consent in the list first."), problem=True)
            self.consents.setFocus()
            return
        if action != "add" and self._needs_reason():
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
        self._say(text + " " + self.tr("Recorded on the concern's timeline."))
        if self.revealed is not None:
            self.revealed = replace(self.revealed, person=self._details())
        self.reason.clear()  # the next correction gives its own reason
        self.changed.emit()

    # ----- the worker ---------------------------------------------------------------------

    def _run(self, job: Any, then: Any, busy: str) -> None:
        if self._working or self.forgotten:
            return
        self._working = True
        self._say(busy)

        def answered(result: Any) -> None:
            if self.forgotten or not isValid(self):
                return
            self._working = False
            self._say("")
            then(result)

        def failed(message: str) -> None:
            if self.forgotten or not isValid(self):
                return
            self._working = False
            self._say(message, problem=True)

        self.session.write(job, answered, failed, concern_id=self.concern_id)

    # ----- closing ------------------------------------------------------------------------

    def typed(self) -> bool:
        """Something typed that is not saved: a reason for the reveal not yet used, a
        detail changed, or a reason for a correction."""
        if self.revealed is None:
            return bool(self.reveal_reason.text().strip())
        return self._details() != self.revealed.person or bool(self.reason.text().strip())

    def _discard(self) -> None:
        if not self.forgotten and isValid(self):
            self.forgotten = True  # closing now: nothing more to ask
            wipe(self)
            super()._discard()

    def forget(self) -> None:
        """On lock: wipe everything shown and close."""
        self.forgotten = True
        if self._asking is not None:
            self._asking.done(0)
            self._asking = None
        self.revealed = None
        wipe(self)
        self.done(QDialog.DialogCode.Rejected)

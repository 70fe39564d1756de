"""Writing a letter to a person who raised a concern: its own fields, then its whole text.

The letters this concern can have now, and to whom, are offered (app/services/letters.py:
`choices`). The contact writes the letter's own fields for the person (findings as explained
to them, the apology, the actions ...: nothing is taken from the case record), then *Write
the letter* fills the template on the worker and shows the whole letter's text, which they
read and edit. The text is checked as it is typed, on the worker, for anyone else's name or
identifying details (the identity check of the forms), and before saving for "C". The
person's name stays {person_name} until the letter is made: nothing is revealed until Save.

Save asks for the reason (the reveal is audited), makes the letter dated by the event it is
about unless the date is changed, saves the PDF (protected with a password unless the
contact, asked, chooses not to), records the letter and keeps its copy with the identity:
one job on the worker. Cancelling before Save reveals nothing.

Open with `LetterDialog(session, concern_id, parent).open()` (window-modal).
`lock_requested` asks the window to lock (Ctrl+L is caught here while the dialog is modal);
forget() wipes every field and closes it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.letters import LetterField
from app.core.records import SignpostBody
from app.documents.letters import LETTER_KINDS, LetterDraft, text_problems
from app.services import letters
from app.services.identity_scan import Cancelled, FieldScan
from app.services.letters import LetterChoices, MadeLetter
from app.store.casebook import Casebook
from app.ui.base.date_field import DateField
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    BusyIndicator,
    FieldMessage,
    field_with_message,
    fit_height,
    heading_font,
    plain_buttons,
    screen_bounded,
    text_width,
)
from app.ui.base.worker import WorkerState
from app.ui.case.identity_check import IdentityCheck
from app.ui.case.identity_notice import IdentityNotice
from app.ui.documents.save_buttons import save_buttons
from app.ui.documents.save_pdf import PdfSaveOptions
from app.ui.reports.files import safe_file_name
from app.ui.session import Session

TEXT_KEY = "letter"
_BODIES = ((SignpostBody.CARE_INSPECTORATE, "Care Inspectorate"),
           (SignpostBody.AUDIT_SCOTLAND, "Audit Scotland"),
           (SignpostBody.OTHER, "Another body (name it)"))
_SIGNPOSTED = ("stage2_decision", "not_taken_forward")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReasonBox(QPlainTextEdit):
    """A few lines for a reason; Tab moves on rather than typing a tab."""

    def __init__(self, accessible_name: str, lines: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines
                            + 2 * (self.frameWidth() + 4))

    def text(self) -> str:
        return self.toPlainText()


class LetterNotice(IdentityNotice):
    """The identity check's notice, worded for a letter (it names nobody but the person)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.replace_button.setText(self.tr("R&eplace with [name]"))
        self.replace_button.setAccessibleName(self.tr("Replace anyone else's details with "
                                                      "[name], [phone] and so on"))

    def show_found(self, sentences: list[str], can_replace: bool) -> None:
        super().show_found(sentences, can_replace)
        self.text.setText("⚠ " + " ".join(sentences[:2]) + " " + self.tr(
            "A letter names nobody but the person it is to."))
        self.setAccessibleDescription(self.text.text())


class LetterDialog(AsksBeforeClosing, QDialog):
    lock_requested = Signal()
    saved = Signal(Path)

    def __init__(self, session: Session, concern_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.choices: LetterChoices | None = None
        self.draft: LetterDraft | None = None
        self.forgotten = False
        self.saved_to: Path | None = None
        self.made: MadeLetter | None = None
        self._working = False
        self._tried = False
        self._asking: QMessageBox | None = None
        self._put_right = False  # the call to put right what is marked is on screen
        self._filling = False  # the text is being set by the draft, not typed
        self.text_edited = False
        self.field_texts: dict[str, str] = {}
        self.field_boxes: dict[str, QPlainTextEdit] = {}
        self._scan_raiser = 0  # whose letter the identity check reads it as
        self._scan_allowed: tuple[str, ...] = ()  # contact details the letter quotes
        self.setWindowTitle(self.tr("Write a letter"))
        self.setAccessibleName(self.tr("Write a letter"))

        self.heading = QLabel(self.tr("Write a letter"))
        self.heading.setFont(heading_font(self, 1.3))
        explain = QLabel(self.tr(
            "A letter is written to the person, as \"you\": write what it says about the "
            "concern for them below (nothing is taken from the case notes), then read and "
            "edit the whole letter. Their name is filled in only when you save, which shows "
            "their identity: it is written to the audit log with your reason."))
        explain.setWordWrap(True)

        # ----- which letter, to whom
        self.recipient = QComboBox()
        self.recipient.setAccessibleName(self.tr("Who the letter is to"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Which letter"))
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_note = FieldMessage(self.tr("About the letters available"))
        self.extension = QComboBox()
        self.extension.setAccessibleName(self.tr("Which extension"))
        self.body = QComboBox()
        self.body.setAccessibleName(self.tr("Where local-authority issues are signposted"))
        for code, label in _BODIES:
            self.body.addItem(self.tr(label), code.value)
        self.other_body = QLineEdit()
        self.other_body.setAccessibleName(self.tr("The other body's name"))
        self.other_body.setPlaceholderText(self.tr("The body's name"))
        letter_box = QGroupBox(self.tr("The letter"))
        self.letter_form = QFormLayout(letter_box)
        self.letter_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._row(self.letter_form, self.tr("T&o:"), self.recipient)
        self._row(self.letter_form, self.tr("&Letter:"), field_with_message(
            self.kind, self.kind_note), buddy=self.kind)
        self.extension_row = self._row(self.letter_form, self.tr("E&xtension:"), self.extension)
        self.body_row = self._row(self.letter_form, self.tr("Local-authority &body:"),
                                  field_with_message(self.body, self.other_body),
                                  buddy=self.body)

        # ----- written for the person
        self.fields_box = QGroupBox(self.tr("Written for the person"))
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.write_button = QPushButton(self.tr("W&rite the letter from these"))
        self.write_button.setAccessibleName(self.tr("Write the letter's text from these"))
        self.write_button.setAutoDefault(False)
        self.draft_notes = FieldMessage(self.tr("Notes on the letter"))

        # ----- the whole text
        text_box = QGroupBox(self.tr("The letter's text"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("The letter's text"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 16)
        self.text.setPlaceholderText(self.tr("Write the fields above, then press Write the "
                                             "letter: its whole text appears here to read "
                                             "and edit."))
        self.text_message = FieldMessage(self.tr("Letter text problem"))
        self.notice = LetterNotice()
        self.identity = IdentityCheck(session, self.notice, lambda: self.concern_id, parent=self,
                                      scan=self._scan)
        self.identity.watch(TEXT_KEY, self.tr("The letter"), self.text)
        self.identity.changed.connect(self.validate)
        self.letter_date = DateField()
        self.letter_date.setDisplayFormat("dd/MM/yyyy")
        self.letter_date.setCalendarPopup(True)
        self.letter_date.setAccessibleName(self.tr("Date on the letter"))
        self.letter_date.setDate(_qdate(session.today()))
        self.date_note = FieldMessage(self.tr("About the letter's date"))
        column = QVBoxLayout(text_box)
        column.addWidget(self.text, 1)
        column.addWidget(self.text_message)
        column.addWidget(self.notice)
        dated = QFormLayout()
        self._row(dated, self.tr("Date o&n the letter:"), field_with_message(
            self.letter_date, self.date_note), buddy=self.letter_date)
        column.addLayout(dated)

        # ----- the reveal, and the file
        self.reason = ReasonBox(self.tr("Reason for showing the identity"))
        self.reason_message = FieldMessage(self.tr("Reason problem"))
        reveal_box = QGroupBox(self.tr("Showing the identity"))
        reveal_form = QFormLayout(reveal_box)
        reveal_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        reason_label = self._row(reveal_form, self.tr("Reason for showing the &identity:"),
                                 field_with_message(self.reason, self.reason_message),
                                 buddy=self.reason)
        reason_label.setWordWrap(True)
        self.options = PdfSaveOptions("letter.pdf", identity=True)
        save_box = QGroupBox(self.tr("Saving the file"))
        QVBoxLayout(save_box).addWidget(self.options)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(explain)
        inner.addWidget(letter_box)
        inner.addWidget(self.fields_box)
        inner.addWidget(self.write_button)
        inner.addWidget(self.draft_notes)
        inner.addWidget(text_box, 1)
        inner.addWidget(reveal_box)
        inner.addWidget(save_box)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(body)
        self.scroller.setAccessibleName(self.tr("Write a letter"))

        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Letter message"))
        self.buttons, self.save_button, self.close_button = save_buttons(
            self, self.tr("&Save letter"), self.tr("Make and save the letter"), self.save,
            self.lock_requested.emit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.recipient.currentIndexChanged.connect(self._recipient_changed)
        self.body.currentIndexChanged.connect(self._arrange)
        self.write_button.clicked.connect(self.write_letter)
        self.text.textChanged.connect(self._text_typed)
        self.reason.textChanged.connect(self.validate)
        self.options.changed.connect(self.validate)
        self.setMinimumWidth(text_width(self, 100))
        self._set_enabled(False)
        self._load()
        plain_buttons(self, self.save_button)

    @staticmethod
    def _row(form: QFormLayout, text: str, field: QWidget,
             buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy or field)
        form.addRow(label, field)
        return label

    # ----- loading -----------------------------------------------------------------------

    def _load(self) -> None:
        session, concern_id = self.session, self.concern_id
        self.busy.start(self.tr("Reading the concern…"))

        def done(choices: Any) -> None:
            if not isValid(self) or self.forgotten:
                return
            self.busy.stop()
            if isinstance(choices, LetterChoices):
                self._show_choices(choices)

        def failed(message: str) -> None:
            if isValid(self) and not self.forgotten:
                self.busy.stop()
                self.message.show_problem(message)

        session.read(lambda state: letters.choices(session.book(state), concern_id), done,
                     failed)

    def _show_choices(self, choices: LetterChoices) -> None:
        self.choices = choices
        self.heading.setText(self.tr("Write a letter for %1").replace("%1", choices.reference))
        for blocker in (self.recipient, self.kind, self.extension):
            blocker.blockSignals(True)
        self.recipient.clear()
        for number, label in choices.recipients:
            self.recipient.addItem(self.tr(label), number)
        self.kind.clear()
        for kind in choices.available:
            self.kind.addItem(self.tr(LETTER_KINDS[kind]), kind)
        self.extension.clear()
        for extension_id, label in reversed(choices.extensions):  # the latest first
            self.extension.addItem(label, extension_id)
        for blocker in (self.recipient, self.kind, self.extension):
            blocker.blockSignals(False)
        if not choices.recipients:
            self.kind_note.show_problem(self.tr(
                "This concern is %1 and has no named raiser with an identity held, so there "
                "is no one to address a letter to.").replace("%1", self.tr(choices.anonymity)))
        elif not choices.available:
            self.kind_note.show_problem(self.tr(
                "No letter can be written for this concern yet: record a response, an "
                "extension, escalation or decision first.") + (
                " " + choices.note if choices.note else ""))
        elif not choices.contact_set:
            self.kind_note.show_problem(self.tr(
                "Set the named contact for letters first (Settings, Letters): every letter "
                "gives the person someone to ask."))
        else:
            later = [self.tr(LETTER_KINDS[k]) for k in LETTER_KINDS if k not in choices.available]
            note = self.tr("Not available for this concern yet: %1.").replace(
                "%1", ", ".join(later)) if later else ""
            self.kind_note.show_note(" ".join(x for x in (note, choices.note) if x) or None)
        self._set_enabled(bool(choices.available and choices.recipients and choices.contact_set))
        self._kind_changed()
        self.fit()

    # ----- the letter's own fields --------------------------------------------------------

    def _kind(self) -> str | None:
        kind = self.kind.currentData()
        return kind if isinstance(kind, str) else None

    def _kind_changed(self) -> None:
        kind = self._kind()
        self._keep_field_texts()
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.field_boxes = {}
        if self.choices is not None and kind is not None:
            for item in self.choices.fields.get(kind, ()):
                self._add_letter_field(item)
            self.options.set_suggested_name(safe_file_name(
                f"{self.choices.reference} {LETTER_KINDS[kind]}") + ".pdf")
        self.draft = None
        self._arrange()
        self._tab_order()
        self.validate()

    def _tab_order(self) -> None:
        """Down the dialog as it reads, the letter's own fields where they stand."""
        order: list[QWidget] = [self.recipient, self.kind, self.extension, self.body,
                                self.other_body, *self.field_boxes.values(), self.write_button,
                                self.text, self.notice.replace_button,
                                self.notice.keep_button, self.letter_date, self.reason,
                                self.options.protect, self.options.password,
                                self.options.confirm, self.options.path_field,
                                self.options.choose_button, self.save_button,
                                self.close_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    def _add_letter_field(self, item: LetterField) -> None:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setAccessibleName(item.label.replace("&", ""))
        box.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        box.setPlainText(self.field_texts.get(item.key, ""))
        hint = QLabel(self.tr(item.hint))
        hint.setWordWrap(True)
        label = QLabel(self.tr(item.label) + ("" if item.required else self.tr(" (optional)"))
                       + ":")
        label.setBuddy(box)
        self.fields_form.addRow(label, field_with_message(box, hint))
        self.field_boxes[item.key] = box

    def _keep_field_texts(self) -> None:
        for key, box in self.field_boxes.items():
            if isValid(box):
                self.field_texts[key] = box.toPlainText()

    def _recipient_changed(self) -> None:
        self.draft = None
        self._scan_raiser = int(self.recipient.currentData() or 0)
        self.identity.rescan_all()  # whose letter it is decides whose name is allowed
        self.validate()

    def _arrange(self) -> None:
        kind = self._kind()
        self.letter_form.setRowVisible(self.extension_row, kind == "extension_notice")
        signposted = (kind in _SIGNPOSTED and self.choices is not None
                      and self.choices.local_services)
        self.letter_form.setRowVisible(self.body_row, signposted)
        self.other_body.setVisible(self.body.currentData() == SignpostBody.OTHER.value)

    # ----- the whole text ------------------------------------------------------------------

    def _options(self) -> dict[str, Any]:
        extension = self.extension.currentData()
        return {"raiser": int(self.recipient.currentData() or 0),
                "extension_id": extension if isinstance(extension, int)
                and self._kind() == "extension_notice" else None,
                "local_body": SignpostBody(str(self.body.currentData())),
                "other_body": self.other_body.text()}

    def write_letter(self) -> None:
        """Fill the template with the fields on the worker, and show the whole text."""
        kind = self._kind()
        if kind is None or self._working:
            return
        if self.text_edited and self.text.toPlainText().strip():
            answer = QMessageBox.question(
                self, self.tr("Write the letter again?"),
                self.tr("The letter's text has been edited. Writing it again from the fields "
                        "replaces those edits."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._keep_field_texts()
        fields = {k: v for k, v in self.field_texts.items()}
        options = self._options()
        session, concern_id, today = self.session, self.concern_id, self.session.today()

        def job(state: WorkerState) -> LetterDraft:
            return letters.draft(session.book(state), concern_id, kind, fields, today=today,
                                 **options)

        self.busy.start(self.tr("Writing the letter…"))
        self.write_button.setEnabled(False)
        session.read(job, self._drafted, self._draft_failed)

    def _drafted(self, drafted: Any) -> None:
        if not isValid(self) or self.forgotten or not isinstance(drafted, LetterDraft):
            return
        self.busy.stop()
        self.write_button.setEnabled(True)
        self.draft = drafted
        self._scan_allowed = drafted.extra_allowed
        self._scan_raiser = drafted.raiser
        self._filling = True
        self.text.setPlainText(drafted.text)
        self._filling = False
        self.text_edited = False
        when = drafted.dates.default_letter_date(self.session.today())
        self.letter_date.setDate(_qdate(when))
        self.date_note.show_note(
            self.tr("The date of the event the letter is about; change it if the letter "
                    "goes out on another day.") if drafted.dates.about_on else
            self.tr("The event has no date recorded yet, so the letter is dated today."))
        self.draft_notes.show_note(" ".join(self.tr(n) for n in drafted.notes) or None)
        self.message.show_note(None)
        self.validate()
        self.text.setFocus()

    def _draft_failed(self, message: str) -> None:
        if isValid(self) and not self.forgotten:
            self.busy.stop()
            self.write_button.setEnabled(True)
            self.message.show_problem(message)

    def _text_typed(self) -> None:
        if not self._filling:
            self.text_edited = True
        self.validate()

    def _scan(self, book: Casebook, key: str, text: str, cancelled: Cancelled) -> FieldScan:
        """On the worker: the letter's text, as addressed to the chosen person (read from
        plain values the window thread set, never from the widgets)."""
        return letters.scan_text(book, self.concern_id, self._scan_raiser, text,
                                 self._scan_allowed, cancelled)

    # ----- checking ----------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        found = dict(self.options.problems())
        if not self.reason.text().strip():
            found["reason"] = self.tr("Give a reason for showing the identity: it is written "
                                      "to the audit log.")
        if self._kind() is None:
            found["kind"] = self.tr("There is no letter to write.")
        text = self.text.toPlainText()
        if self.draft is None or not text.strip():
            found["text"] = self.tr("Write the letter from the fields first, then read it.")
        else:
            problems = text_problems(text)
            if problems:
                found["text"] = self.tr(problems[0])
        if self.body.currentData() == SignpostBody.OTHER.value and not self.other_body.text(
                ).strip() and self.letter_form.isRowVisible(self.body_row):
            found["body"] = self.tr("Name the body for local-authority services.")
        return found

    def validate(self) -> bool:
        problems = self.problems()
        show_reason = self._tried or bool(self.reason.text())
        self.reason_message.show_problem(problems.get("reason") if show_reason else None)
        text_problem = problems.get("text")
        self.text_message.show_problem(text_problem if (self._tried or self.draft is not None)
                                       else None)
        ready = (self.choices is not None and not self._working and self.saved_to is None
                 and bool(self.choices.available))
        self.save_button.setEnabled(ready)
        if not problems and self._put_right:  # all put right: the call to do so goes
            self._put_right = False
            self.message.show_problem(None)
        fit_height(self)
        return not problems

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.recipient, self.kind, self.extension, self.body, self.other_body,
                       self.fields_box, self.write_button, self.text, self.letter_date,
                       self.reason, self.options):
            widget.setEnabled(enabled)
        self.validate()

    # ----- saving ------------------------------------------------------------------------

    def save(self) -> None:
        if self._working or self.choices is None or self.saved_to is not None:
            return
        self._tried = True
        self.options.show_all_problems()
        if not self.validate():
            self.message.show_problem(self.tr("Put right what is marked above, then save."))
            self._put_right = True
            return
        if not self.identity.ready(self._checked):
            self.message.show_note(self.tr("Checking the letter for identifying text…"))
            return
        if self.identity.outstanding():
            self.message.show_problem(self.tr("Before saving, take out what the identity check "
                                              "found, or keep it as written."))
            self.notice.replace_button.setFocus()
            return
        if not self.options.confirm_unprotected():
            return
        kind = self._kind()
        assert kind is not None
        text = self.text.toPlainText()
        reason = self.reason.text().strip()
        qdate = self.letter_date.date()
        letter_date = date(qdate.year(), qdate.month(), qdate.day())
        path = self.options.path()
        assert path is not None
        password = self.options.password_value()
        keep = bool(self.identity.kept())
        options = self._options()
        session, concern_id = self.session, self.concern_id

        def job(state: WorkerState) -> MadeLetter:
            return letters.make(session.book(state), concern_id, kind, text, reason, path,
                                letter_date=letter_date, password=password,
                                unprotected=password is None, keep_found=keep,
                                today=session.today(), **options)

        self._working = True
        self._set_enabled(False)
        self.message.show_note(None)
        self.busy.start(self.tr("Making and saving the letter…"))
        session.write(job, self._saved, self._failed, concern_id=concern_id)

    def _checked(self) -> None:
        if not self.forgotten and isValid(self):
            self.message.show_note(None)
            self.save()

    def _saved(self, made: Any) -> None:
        if not isValid(self) or self.forgotten or not isinstance(made, MadeLetter):
            return
        self.busy.stop()
        self._working = False
        self.made = made
        self.saved_to = made.path
        self.options.clear_passwords()
        self._set_enabled(False)
        self.message.show_note(
            (self.tr("Saved to %1, protected with the password you chose.") if made.protected
             else self.tr("Saved to %1. It is not protected with a password."))
            .replace("%1", str(made.path)) + " " + self.tr(
                "The letter is recorded on the concern and kept with the person's identity; "
                "the reveal is in the audit log."))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFocus()
        self.saved.emit(made.path)

    def _failed(self, message: str) -> None:
        if not isValid(self) or self.forgotten:
            return
        self.busy.stop()
        self._working = False
        self._set_enabled(True)
        self.message.show_problem(message)

    def typed(self) -> bool:
        """Something written for the letter (its fields, its text, the reason or a
        password) and no letter saved yet."""
        if self.saved_to is not None or self.forgotten:
            return False
        self._keep_field_texts()
        return (any(t.strip() for t in self.field_texts.values())
                or self.text_edited or bool(self.reason.text().strip())
                or bool(self.options.password_value()))

    def working(self) -> bool:
        return self._working

    def closing_question(self) -> str:
        return self.tr("Close without saving the letter? What you wrote for it will be lost.")

    def _discard(self) -> None:
        if not self.forgotten and isValid(self):
            self.forget()

    # ----- size, lock --------------------------------------------------------------------

    def fit(self) -> None:
        """As big as the letter needs, within what the smallest supported screen allows
        (the letter scrolls)."""
        self.adjustSize()
        body = self.scroller.widget()
        assert body is not None
        chrome = self.sizeHint().height() - self.scroller.sizeHint().height()
        wanted = QSize(max(self.width(), self.sizeHint().width()),
                       body.sizeHint().height() + chrome + 24)
        self.resize(screen_bounded(self, wanted))
        fit_height(self)

    def forget(self) -> None:
        """On lock: wipe the fields, the text, the reason and passwords, and close."""
        self.forgotten = True
        self._working = False
        if self._asking is not None:
            self._asking.done(0)
            self._asking = None
        self.identity.forget()
        for box in self.field_boxes.values():
            if isValid(box):
                box.clear()
        self.field_texts.clear()
        self.text.clear()
        self.other_body.clear()
        self.reason.clear()
        self.options.forget()
        self.message.show_note(None)
        self.draft_notes.show_note(None)
        self.choices = None
        self.draft = None
        self.done(0)

"""Writing a letter to the person who raised a concern: a reveal, so a reason is required.

The letters this concern can have now (app.documents.letters.available_letters)
are offered; the reason is asked before anything is shown or made, and the
letter is made and saved in one job on the worker: render_letter audits the
reveal (identity.revealed, with the reason) and the export (export.letter),
then the PDF is saved, protected with a password when one is given. Cancelling
before Save reveals nothing.

Open with `LetterDialog(session, concern_id, parent).open()` (window-modal).
`lock_requested` asks the window to lock (Ctrl+L is caught here while the dialog
is modal); forget() wipes the reason and passwords and closes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.documents.letters import LETTER_KINDS, available_letters
from app.services.documents import save_letter
from app.store.concern_detail import load_concern
from app.ui.base.date_field import DateField
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    field_with_message,
    fit_height,
    heading_font,
    plain_buttons,
    text_width,
)
from app.ui.base.worker import WorkerState
from app.ui.documents.save_pdf import PdfSaveOptions
from app.ui.reports.files import safe_file_name
from app.ui.session import Session


@dataclass(frozen=True)
class LetterChoices:
    reference: str
    anonymity: str
    has_person: bool
    available: tuple[str, ...]


def letter_choices(state: WorkerState, session: Session, concern_id: int) -> LetterChoices:
    detail = load_concern(session.book(state).cases, concern_id)
    return LetterChoices(detail.reference, detail.anonymity, detail.has_person,
                         tuple(available_letters(detail)))


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


class LetterDialog(QDialog):
    lock_requested = Signal()
    saved = Signal(Path)

    def __init__(self, session: Session, concern_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.choices: LetterChoices | None = None
        self.forgotten = False
        self.saved_to: Path | None = None
        self._working = False
        self._tried = False
        self.setWindowTitle(self.tr("Write a letter"))
        self.setAccessibleName(self.tr("Write a letter"))

        self.heading = QLabel(self.tr("Write a letter"))
        self.heading.setFont(heading_font(self, 1.3))
        explain = QLabel(self.tr(
            "A letter is addressed to the person who raised the concern, so making one shows "
            "their identity. It is written to the audit log with your reason, the date and "
            "time, and nothing is shown or made until you press Save."))
        explain.setWordWrap(True)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Which letter"))
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_note = FieldMessage(self.tr("About the letters available"))
        self.letter_date = DateField()
        self.letter_date.setDisplayFormat("dd/MM/yyyy")
        self.letter_date.setCalendarPopup(True)
        self.letter_date.setAccessibleName(self.tr("Date on the letter"))
        self.letter_date.setDate(_qdate(session.today()))
        self.reason = ReasonBox(self.tr("Reason for showing the identity"))
        self.reason_message = FieldMessage(self.tr("Reason problem"))
        letter_box = QGroupBox(self.tr("The letter"))
        form = QFormLayout(letter_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        kind_label = QLabel(self.tr("&Letter:"))
        kind_label.setBuddy(self.kind)
        date_label = QLabel(self.tr("&Date on the letter:"))
        date_label.setBuddy(self.letter_date)
        reason_label = QLabel(self.tr("&Reason for showing the identity:"))
        reason_label.setBuddy(self.reason)
        reason_label.setWordWrap(True)
        form.addRow(kind_label, field_with_message(self.kind, self.kind_note))
        form.addRow(date_label, field_with_message(self.letter_date))
        form.addRow(reason_label, field_with_message(self.reason, self.reason_message))

        self.options = PdfSaveOptions("letter.pdf", identity=True)
        save_box = QGroupBox(self.tr("Saving the file"))
        QVBoxLayout(save_box).addWidget(self.options)

        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Letter message"))
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("&Save letter"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Make and save the letter"))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(explain)
        layout.addWidget(letter_box)
        layout.addWidget(save_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.reason.textChanged.connect(self.validate)
        self.options.changed.connect(self.validate)
        order = (self.kind, self.letter_date, self.reason, self.options.protect,
                 self.options.password, self.options.confirm, self.options.path_field,
                 self.options.choose_button, self.save_button, self.close_button)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.setMinimumWidth(text_width(self, 96))
        self._set_enabled(False)
        self._load()
        plain_buttons(self, self.save_button)

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

        session.read(lambda state: letter_choices(state, session, concern_id), done, failed)

    def _show_choices(self, choices: LetterChoices) -> None:
        self.choices = choices
        self.heading.setText(self.tr("Write a letter for %1").replace("%1", choices.reference))
        self.kind.clear()
        for kind in choices.available:
            self.kind.addItem(self.tr(LETTER_KINDS[kind]), kind)
        if not choices.has_person:
            self.kind_note.show_problem(self.tr(
                "This concern is %1: no identity is recorded, so there is no one to address a "
                "letter to.").replace("%1", self.tr(choices.anonymity)))
        elif not choices.available:
            self.kind_note.show_problem(self.tr(
                "No letter can be written for this concern yet: record a response, an "
                "extension, escalation or decision first."))
        else:
            later = [self.tr(LETTER_KINDS[k]) for k in LETTER_KINDS if k not in choices.available]
            self.kind_note.show_note(self.tr("Not available for this concern yet: %1.").replace(
                "%1", ", ".join(later)) if later else None)
        self._set_enabled(bool(choices.available))
        self._kind_changed()
        self.reason.setFocus()
        self.fit()

    def _kind_changed(self) -> None:
        if self.choices is None:
            return
        kind = self.kind.currentData()
        if isinstance(kind, str):
            self.options.set_suggested_name(safe_file_name(
                f"{self.choices.reference} {LETTER_KINDS[kind]}") + ".pdf")
        self.validate()

    # ----- checking ----------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        found = dict(self.options.problems())
        if not self.reason.text().strip():
            found["reason"] = self.tr("Give a reason for showing the identity: it is written "
                                      "to the audit log.")
        if not isinstance(self.kind.currentData(), str):
            found["kind"] = self.tr("There is no letter to write.")
        return found

    def validate(self) -> bool:
        problems = self.problems()
        show_reason = self._tried or bool(self.reason.text())
        self.reason_message.show_problem(problems.get("reason") if show_reason else None)
        ready = self.choices is not None and not self._working and self.saved_to is None
        self.save_button.setEnabled(ready and bool(self.choices and self.choices.available))
        fit_height(self)
        return not problems

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.kind, self.letter_date, self.reason, self.options):
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
            return
        kind = str(self.kind.currentData())
        reason = self.reason.text().strip()
        qdate = self.letter_date.date()
        letter_date = date(qdate.year(), qdate.month(), qdate.day())
        path = self.options.path()
        assert path is not None
        password = self.options.password_value()
        concern_id = self.concern_id

        def job(state: WorkerState) -> Path:
            return save_letter(self.session.book(state), concern_id, kind, reason, path,
                               password=password, letter_date=letter_date)

        self._working = True
        self._set_enabled(False)
        self.message.show_note(None)
        self.busy.start(self.tr("Making and saving the letter…"))
        self.session.write(job, self._saved, self._failed, concern_id=concern_id)

    def _saved(self, path: Any) -> None:
        if not isValid(self) or self.forgotten:
            return
        self.busy.stop()
        self._working = False
        self.saved_to = Path(path)
        protected = self.options.protected
        self.options.clear_passwords()
        self._set_enabled(False)
        self.message.show_note(
            (self.tr("Saved to %1, protected with the password you chose.") if protected else
             self.tr("Saved to %1. It is not protected with a password."))
            .replace("%1", str(path)) + " " + self.tr(
                "The reveal and the letter are in the audit log."))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFocus()
        self.saved.emit(self.saved_to)

    def _failed(self, message: str) -> None:
        if not isValid(self) or self.forgotten:
            return
        self.busy.stop()
        self._working = False
        self._set_enabled(True)
        self.message.show_problem(message)

    def reject(self) -> None:
        if self._working and not self.forgotten:
            return  # the letter is being saved: a moment, then it can be closed
        super().reject()

    # ----- size, lock --------------------------------------------------------------------

    def fit(self) -> None:
        self.adjustSize()
        fit_height(self)

    def forget(self) -> None:
        """On lock: wipe the reason and passwords, and close."""
        self.forgotten = True
        self._working = False
        self.reason.clear()
        self.options.forget()
        self.message.show_note(None)
        self.choices = None
        self.done(0)

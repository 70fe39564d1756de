"""A letter made again: re-issued (a new letter and record, from the text as sent, dated as
the first unless changed) or re-printed exactly as sent (from the copy kept with the
identity). Either shows the person's identity, so a reason is asked and audited; the file
is protected with a password unless the contact, asked, chooses not to.

Open with `LetterCopyDialog(session, concern_id, letter_id, reissue, parent).open()`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services import letters
from app.store.concern_detail import LetterDetail
from app.ui.base.date_field import DateField
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    BusyIndicator,
    FieldMessage,
    field_with_message,
    fit_dialog,
    fit_height,
    plain_buttons,
)
from app.ui.base.worker import WorkerState
from app.ui.documents.letter_dialog import ReasonBox
from app.ui.documents.save_buttons import save_buttons
from app.ui.documents.save_pdf import PdfSaveOptions
from app.ui.session import Session


class LetterCopyDialog(AsksBeforeClosing, QDialog):
    lock_requested = Signal()
    saved = Signal(Path)

    def __init__(self, session: Session, concern_id: int, letter: LetterDetail, reissue: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.letter = letter
        self.reissue = reissue
        self.forgotten = False
        self.saved_to: Path | None = None
        self._working = False
        self._tried = False
        self._asking: QMessageBox | None = None
        title = self.tr("Re-issue a letter") if reissue else self.tr("Re-print a letter")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        explain = QLabel(self.tr(
            "The letter is made again from its text as sent, to the person's details as held "
            "now, and recorded as a new letter.") if reissue else self.tr(
            "The letter exactly as it was sent, from the copy kept with the person's "
            "identity."))
        explain.setWordWrap(True)
        self.letter_date = DateField(letter.letter_date)
        self.letter_date.set_today(session.today())
        self.letter_date.setAccessibleName(self.tr("Date on the letter"))
        self.reason = ReasonBox(self.tr("Reason for showing the identity"))
        self.reason_message = FieldMessage(self.tr("Reason problem"))
        box = QGroupBox(self.tr("The letter"))
        form = QFormLayout(box)
        if reissue:
            label = QLabel(self.tr("&Date on the letter:"))
            label.setBuddy(self.letter_date)
            form.addRow(label, self.letter_date)
        reason_label = QLabel(self.tr("&Reason for showing the identity:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, field_with_message(self.reason, self.reason_message))
        self.options = PdfSaveOptions("letter.pdf", identity=True)
        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Letter message"))
        self.buttons, self.save_button, self.close_button = save_buttons(
            self, self.tr("&Save letter"), self.tr("Make and save the letter"), self.save,
            self.lock_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(box)
        layout.addWidget(self.options)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self.validate)
        self.options.changed.connect(self.validate)
        plain_buttons(self, self.save_button)

    def fit(self) -> None:
        fit_dialog(self, 80)

    def validate(self) -> bool:
        problems = dict(self.options.problems())
        if not self.reason.text().strip():
            problems["reason"] = self.tr("Give a reason for showing the identity: it is "
                                         "written to the audit log.")
        self.reason_message.show_problem(problems.get("reason") if self.reason.text()
                                         or self._tried else None)
        if not problems and self.message.is_problem and self._tried and not self._working:
            self.message.show_problem(None)  # "Put right what is marked above": it is
        fit_height(self)
        return not problems

    def save(self) -> None:
        if self._working or self.saved_to is not None:
            return
        self._tried = True
        self.options.show_all_problems()
        if not self.validate():
            self.message.show_problem(self.tr("Put right what is marked above, then save."))
            return
        if not self.options.confirm_unprotected():
            return
        path = self.options.path()
        assert path is not None
        password = self.options.password_value()
        reason = self.reason.text().strip()
        when: date = self.letter_date.value()
        letter_id, reissue, session = self.letter.letter_id, self.reissue, self.session

        def job(state: WorkerState) -> Path:
            book = session.book(state)
            if reissue:
                return letters.reissue(book, letter_id, reason, path, letter_date=when,
                                       password=password, unprotected=password is None).path
            return letters.reprint(book, letter_id, reason, path, password=password,
                                   unprotected=password is None)

        self._working = True
        self.busy.start(self.tr("Making and saving the letter…"))
        session.write(job, self._saved, self._failed, concern_id=self.concern_id)

    def _saved(self, path: Any) -> None:
        if not isValid(self) or self.forgotten:
            return
        self.busy.stop()
        self._working = False
        self.saved_to = Path(path)
        self.options.clear_passwords()
        self.save_button.setEnabled(False)
        self.message.show_note(self.tr("Saved to %1.").replace("%1", str(path)))
        self.close_button.setText(self.tr("Close"))
        self.saved.emit(self.saved_to)

    def _failed(self, message: str) -> None:
        if not isValid(self) or self.forgotten:
            return
        self.busy.stop()
        self._working = False
        self.message.show_problem(message)

    # ----- closing ------------------------------------------------------------------------

    def typed(self) -> bool:
        """A reason or a password typed and no letter saved yet."""
        return self.saved_to is None and (bool(self.reason.text().strip())
                                          or bool(self.options.password_value()))

    def working(self) -> bool:
        return self._working

    def _discard(self) -> None:
        if not self.forgotten and isValid(self):
            self.forget()

    def forget(self) -> None:
        self.forgotten = True
        if self._asking is not None:
            self._asking.done(0)
            self._asking = None
        self.reason.clear()
        self.options.forget()
        self.done(0)

"""A concern's case summary as a PDF: redacted by default, or the full version through a reveal.

Redacted (the default) needs no reason: the person is "C", no contact details,
and the names, emails and phone numbers held for anyone are masked wherever
they appear (app.documents.case_summary); it is saved like any file. The full
version shows the person, so it needs a reason (audited as identity.revealed)
and is saved through the identity flow: the warning that the file leaves the
encrypted casebook, and an offer of AES-256 password protection. The summary is
made and saved in one job on the worker; every export is audited
(export.case_summary).

Open with `SummaryDialog(session, concern_id, parent).open()` (window-modal).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services.documents import save_case_summary
from app.store.concern_detail import load_concern
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    BusyIndicator,
    FieldMessage,
    fit_height,
    heading_font,
    plain_buttons,
    text_width,
)
from app.ui.base.worker import WorkerState
from app.ui.documents.letter_dialog import ReasonBox
from app.ui.documents.save_buttons import save_buttons
from app.ui.documents.save_pdf import PdfSaveOptions
from app.ui.reports.files import safe_file_name
from app.ui.session import Session


@dataclass(frozen=True)
class SummaryTarget:
    reference: str
    anonymity: str
    has_person: bool


def summary_target(state: WorkerState, session: Session, concern_id: int) -> SummaryTarget:
    detail = load_concern(session.book(state).cases, concern_id)
    return SummaryTarget(detail.reference, detail.anonymity, detail.has_person)


class SummaryDialog(AsksBeforeClosing, QDialog):
    lock_requested = Signal()
    saved = Signal(Path)

    def __init__(self, session: Session, concern_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.target: SummaryTarget | None = None
        self.forgotten = False
        self.saved_to: Path | None = None
        self._working = False
        self._tried = False
        self.setWindowTitle(self.tr("Case summary"))
        self.setAccessibleName(self.tr("Case summary"))

        self.heading = QLabel(self.tr("Case summary"))
        self.heading.setFont(heading_font(self, 1.3))
        self.redacted = QRadioButton(self.tr("&Redacted (the person is called C)"))
        self.redacted.setAccessibleName(self.tr("Redacted summary"))
        self.full = QRadioButton(self.tr("&Full version (shows the person)"))
        self.full.setAccessibleName(self.tr("Full summary, showing the person"))
        self.redacted.setChecked(True)
        self.which = QButtonGroup(self)
        self.which.addButton(self.redacted)
        self.which.addButton(self.full)
        self.full_note = FieldMessage(self.tr("About the full version"))
        self.reason_label = QLabel(self.tr("Reason for showing the &identity:"))
        self.reason = ReasonBox(self.tr("Reason for showing the identity"))
        self.reason_label.setBuddy(self.reason)
        self.reason_message = FieldMessage(self.tr("Reason problem"))
        choice_box = QGroupBox(self.tr("Which summary"))
        choice = QVBoxLayout(choice_box)
        choice.addWidget(self.redacted)
        choice.addWidget(self.full)
        choice.addWidget(self.full_note)
        choice.addWidget(self.reason_label)
        choice.addWidget(self.reason)
        choice.addWidget(self.reason_message)

        self.options = PdfSaveOptions("case summary.pdf", identity=False)
        save_box = QGroupBox(self.tr("Saving the file"))
        QVBoxLayout(save_box).addWidget(self.options)

        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Summary message"))
        self.buttons, self.save_button, self.close_button = save_buttons(
            self, self.tr("&Save summary"), self.tr("Make and save the case summary"), self.save,
            self.lock_requested.emit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(choice_box)
        layout.addWidget(save_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.full.toggled.connect(self._which_changed)
        self.reason.textChanged.connect(self.validate)
        self.options.changed.connect(self.validate)
        order = (self.redacted, self.full, self.reason, self.options.protect,
                 self.options.password, self.options.confirm, self.options.path_field,
                 self.options.choose_button, self.save_button, self.close_button)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.setMinimumWidth(text_width(self, 96))
        self._set_enabled(False)
        self._load()
        plain_buttons(self, self.save_button)
        self.settle()

    # ----- loading -----------------------------------------------------------------------

    def _load(self) -> None:
        session, concern_id = self.session, self.concern_id
        self.busy.start(self.tr("Reading the concern…"))

        def done(target: Any) -> None:
            if not isValid(self) or self.forgotten:
                return
            self.busy.stop()
            if isinstance(target, SummaryTarget):
                self.target = target
                self.heading.setText(self.tr("Case summary for %1").replace(
                    "%1", target.reference))
                self._set_enabled(True)
                self._which_changed()
                self.redacted.setFocus()
                self.fit()
                self.settle()

        def failed(message: str) -> None:
            if isValid(self) and not self.forgotten:
                self.busy.stop()
                self.message.show_problem(message)

        session.read(lambda state: summary_target(state, session, concern_id), done, failed)

    def _which_changed(self) -> None:
        full = self.full.isChecked()
        target = self.target
        for widget in (self.reason_label, self.reason, self.reason_message):
            widget.setVisible(full)
        if target is not None and not target.has_person:
            self.full_note.show_note(self.tr(
                "This concern is %1: no identity is recorded, so there is only the redacted "
                "summary.").replace("%1", self.tr(target.anonymity)))
        elif full:
            self.full_note.show_note(self.tr(
                "The full version shows who raised the concern, so it is a reveal: it is "
                "written to the audit log with your reason, the date and time."))
        else:
            self.full_note.show_note(self.tr(
                "No contact details, and the names, email addresses and phone numbers held in "
                "the casebook are masked wherever they appear in the notes. No reason is "
                "needed."))
        self.options.set_identity(full)
        if target is not None:
            which = self.tr("full case summary") if full else self.tr("case summary")
            self.options.set_suggested_name(safe_file_name(f"{target.reference} {which}")
                                            + ".pdf")
        self.validate()
        fit_height(self)

    # ----- checking ----------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        found = dict(self.options.problems())
        if self.full.isChecked() and not self.reason.text().strip():
            found["reason"] = self.tr("Give a reason for showing the identity: it is written "
                                      "to the audit log.")
        return found

    def validate(self) -> bool:
        problems = self.problems()
        show_reason = self._tried or bool(self.reason.text())
        self.reason_message.show_problem(problems.get("reason") if show_reason else None)
        self.save_button.setEnabled(self.target is not None and not self._working
                                    and self.saved_to is None)
        return not problems

    def _set_enabled(self, enabled: bool) -> None:
        target = self.target
        for widget in (self.redacted, self.reason, self.options):
            widget.setEnabled(enabled)
        self.full.setEnabled(enabled and target is not None and target.has_person)
        self.validate()

    # ----- saving ------------------------------------------------------------------------

    def save(self) -> None:
        if self._working or self.target is None or self.saved_to is not None:
            return
        self._tried = True
        self.options.show_all_problems()
        if not self.validate():
            self.message.show_problem(self.tr("Put right what is marked above, then save."))
            return
        full = self.full.isChecked()
        if full and not self.options.confirm_unprotected():
            return
        reason = self.reason.text().strip() if full else None
        path = self.options.path()
        assert path is not None
        password = self.options.password_value()
        concern_id = self.concern_id
        session = self.session

        def job(state: WorkerState) -> Path:
            return save_case_summary(session.book(state), concern_id, path, full_reason=reason,
                                     password=password, unprotected=password is None,
                                     today=session.today())

        self._working = True
        self._set_enabled(False)
        self.message.show_note(None)
        self.busy.start(self.tr("Making and saving the summary…"))
        session.write(job, self._saved, self._failed, concern_id=concern_id)

    def _saved(self, path: Any) -> None:
        if not isValid(self) or self.forgotten:
            return
        self.busy.stop()
        self._working = False
        self.saved_to = Path(path)
        full, protected = self.full.isChecked(), self.options.protected
        self.options.clear_passwords()
        self._set_enabled(False)
        if not full:
            text = self.tr("Saved the redacted summary to %1.")
        elif protected:
            text = self.tr("Saved the full summary to %1, protected with the password you "
                           "chose.")
        else:
            text = self.tr("Saved the full summary to %1. It is not protected with a password.")
        self.message.show_note(text.replace("%1", str(path)))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFocus()
        self.settle()  # saved: closing now loses nothing
        self.saved.emit(self.saved_to)

    def _failed(self, message: str) -> None:
        if not isValid(self) or self.forgotten:
            return
        self.busy.stop()
        self._working = False
        self._set_enabled(True)
        self.message.show_problem(message)

    def working(self) -> bool:
        return self._working

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
        self.target = None
        self.done(0)

"""Logging a conversation with the person: the most frequent thing a contact does.

The notes are kept as an encrypted draft while they are typed (about 1.5 s
after typing stops), so a lock, a crash or a closed window never loses them.
Closing the form keeps the draft; saving the conversation removes it; only
"Discard notes" (after asking) throws the text away.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from app.core.records import ConversationMode
from app.store.concern_detail import ConversationDetail
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.drafts import DraftForm, DraftKeeper, when_typed
from app.ui.case.fields import DateField, EnumCombo, TextBox
from app.ui.session import Session

KIND = "conversation"


class ConversationForm(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 conversation: ConversationDetail | None = None,
                 parent: QWidget | None = None) -> None:
        editing = conversation is not None
        super().__init__(
            session, context,
            self.tr("Edit conversation notes") if editing else self.tr("Log a conversation"),
            self.tr("&Save conversation"),
            self.tr("Notes of a conversation with C about concern %1. Your typing is kept "
                    "as an encrypted draft until you save.").replace(
                        "%1", context.detail.reference),
            parent)
        self.conversation = conversation
        self.keeper = DraftKeeper(session, KIND, context.concern_id, self.draft_fields, self)
        self.held_on = DateField(conversation.held_on if conversation else context.today)
        self.mode = EnumCombo(list(ConversationMode))
        self.notes = TextBox(lines=10)
        self.next_steps = TextBox(lines=3)
        self.add_field("held_on", self.tr("&Date held:"), self.held_on)
        self.add_field("mode", self.tr("&How:"), self.mode)
        self.add_field("notes", self.tr("&Notes:"), self.notes,
                       hint=self.tr("Refer to the person as C, never by name."))
        self.add_field("next_steps", self.tr("Ne&xt steps:"), self.next_steps)
        if conversation is not None:
            self.mode.set_value(conversation.mode)
            self.notes.setPlainText(conversation.notes)
            self.next_steps.setPlainText(conversation.next_steps)
            self.held_on.setEnabled(False)
            self.mode.setEnabled(False)
        self.discard_button = self.buttons.addButton(
            self.tr("Disc&ard notes"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.discard_button.setAccessibleName(self.tr("Discard notes"))
        self.discard_button.clicked.connect(self._discard)
        self.cancel_button.setText(self.tr("&Close and keep draft"))
        self.cancel_button.setAccessibleName(self.tr("Close and keep draft"))
        self.settle()
        self.notes.setFocus()

    # ----- drafts -----------------------------------------------------------------------

    def draft_fields(self) -> dict[str, Any] | None:
        """The values worth keeping, or None when nothing has been typed."""
        if self.forgotten:
            return None
        notes, steps = self.notes.text(), self.next_steps.text()
        if self.conversation is not None:
            if (notes, steps) == (self.conversation.notes, self.conversation.next_steps):
                return None
        elif not notes.strip() and not steps.strip():
            return None
        return {"held_on": self.held_on.value().isoformat(), "mode": self.mode.currentData(),
                "notes": notes, "next_steps": steps,
                "conversation_id": self.conversation.conversation_id if self.conversation
                else None}

    def restore_draft(self, form: DraftForm) -> None:
        fields = form.fields
        with contextlib.suppress(ValueError):
            self.held_on.set_value(date.fromisoformat(str(fields.get("held_on"))))
        self.mode.set_value(str(fields.get("mode", "")))
        self.notes.setPlainText(str(fields.get("notes", "")))
        self.next_steps.setPlainText(str(fields.get("next_steps", "")))
        self.keeper.adopt(form)
        self.settle()
        cursor = self.notes.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.notes.setTextCursor(cursor)
        self.intro.setText(self.tr("Recovered notes you were typing (last kept %1). They are "
                                   "still a draft until you save.")
                           .replace("%1", when_typed(form.updated_at)))

    def pending_draft(self) -> str | None:
        return None if self.forgotten else self.keeper.body()

    def on_change(self) -> None:
        self.keeper.typed()

    # ----- checks and saving ------------------------------------------------------------

    def problems(self) -> list[Problem]:
        found = self.required("notes", self.notes.text(),
                              self.tr("Write the notes of the conversation."))
        if self.conversation is None:
            found += self.date_problems("held_on", self.held_on.value(),
                                        self.tr("The date of the conversation"))
        return found

    def save_job(self) -> Job:
        discard = self.keeper.discard_job()
        session, concern_id = self.session, self.context.concern_id
        notes, steps = self.notes.text(), self.next_steps.text()
        held_on, mode = self.held_on.value(), ConversationMode(str(self.mode.currentData()))
        conversation = self.conversation

        def job(state: Any) -> int:
            service = session.service(state)
            if conversation is not None:
                # The form showed the stored text masked: what was not changed is kept as
                # stored (a name kept as written stays; the mask is never written over it).
                service.update_conversation(
                    conversation.conversation_id,
                    None if notes == conversation.notes else notes,
                    None if steps == conversation.next_steps else steps)
                row = conversation.conversation_id
            else:
                row = service.log_conversation(concern_id, held_on, mode,
                                               notes, steps)
            discard(session, state)
            return row

        return job

    def accept(self) -> None:
        self.keeper.stopped = True  # no autosave may land after the save removes the draft
        super().accept()
        if not self._busy and not self.forgotten:
            self.keeper.stopped = False  # still open: the checks refused it

    def _failed(self, message: str) -> None:
        self.keeper.stopped = False
        super()._failed(message)

    def after_save(self, result: object) -> None:
        self.keeper.stop()

    def before_close(self) -> None:
        """Closing keeps the text: it is saved as a draft now, not in 1.5 s."""
        if not self.forgotten and not self._busy:
            self.keeper.save_now()
            self.keeper.stop()

    def _discard(self) -> None:
        if self.draft_fields() is not None:
            answer = QMessageBox.question(
                self, self.tr("Discard notes"),
                self.tr("Throw away the notes typed in this form? This cannot be undone."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.keeper.stop()
        discard, session = self.keeper.discard_job(), self.session
        self.session.read(lambda state: discard(session, state), lambda _: None)
        QDialog.reject(self)  # thrown away on purpose: nothing to ask, no draft to keep

    def forget(self) -> None:
        self.keeper.stop()
        super().forget()

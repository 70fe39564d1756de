"""Actions and learning after a concern: adding one, and signing it off.

A recommendation that is not adopted needs a reason. Learning marked
publishable may go into the board's return, so it must name nobody.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from app.store.concern_detail import ActionDetail
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.choice import Choice
from app.ui.case.context import CaseContext
from app.ui.case.fields import OptionalDateField, TextBox, value_label
from app.ui.session import Session


class ActionDialog(ConcernForm):
    """Without an action: add one. With one: sign it off or record why it was not adopted."""

    def __init__(self, session: Session, context: CaseContext,
                 action: ActionDetail | None = None, parent: QWidget | None = None) -> None:
        adding = action is None
        super().__init__(
            session, context, self.tr("Add an action") if adding else self.tr("Sign off action"),
            self.tr("&Save action") if adding else self.tr("&Save"), "", parent)
        self.action = action
        self.description = TextBox(lines=3)
        self.owner = QLineEdit()
        self.due = OptionalDateField(self.tr("Has a due date"), context.today)
        self.done_on = OptionalDateField(self.tr("Done"), context.today)
        self.adopted = Choice(self.tr("Adopted"), [
            (self.tr("&Adopted"), "yes"), (self.tr("&Not adopted"), "no")])
        self.not_adopted_reason = TextBox(lines=3)
        self.learning = TextBox(lines=4)
        self.publishable = QCheckBox(self.tr("The learning may be &published (it names nobody)"))
        if action is None:
            self.add_field("description", self.tr("&Action:"), self.description)
            self.add_field("owner", self.tr("&Owner:"), self.owner)
            self.add_field("due", self.tr("&Due:"), self.due, buddy=self.due.check)
        else:
            shown = value_label(self.tr("Action"))
            shown.setText(action.description)
            self.add_field("shown", self.tr("Action:"), shown)
            self.done_on.set_value(action.done_on)
            self.adopted.set_value("yes" if action.adopted else "no")
            self.not_adopted_reason.setPlainText(action.not_adopted_reason or "")
            self.learning.setPlainText(action.learning)
            self.publishable.setChecked(action.publishable)
            self.add_field("done", self.tr("&Done on:"), self.done_on, buddy=self.done_on.check)
            self.add_field("adopted", self.tr("Recommendation:"), self.adopted)
            self.add_field("not_adopted_reason", self.tr("&Why not adopted:"),
                           self.not_adopted_reason)
            self.adopted.changed.connect(self._arrange)
        self.add_field("learning", self.tr("&Learning:"), self.learning,
                       hint=self.tr("What the organisation learned or changed."))
        self.add_field("publishable", self.tr("Publishing:"), self.publishable)
        self._arrange()
        self.settle()

    def _not_adopted(self) -> bool:
        return self.action is not None and self.adopted.value() == "no"

    def _arrange(self) -> None:
        if self.action is not None:
            self.show_field("not_adopted_reason", self._not_adopted())

    def problems(self) -> list[Problem]:
        if self.action is None:
            return self.required("description", self.description.text(),
                                 self.tr("Describe the action."))
        found = self.date_problems("done", self.done_on.value(), self.tr("The date it was done"))
        if self._not_adopted():
            found += self.required("not_adopted_reason", self.not_adopted_reason.text(),
                                   self.tr("Give the reason the recommendation was not "
                                           "adopted."))
        return found

    def save_job(self) -> Job:
        concern_id, learning, publishable = (self.concern_id, self.learning.text(),
                                             self.publishable.isChecked())
        assert concern_id is not None
        if self.action is None:
            description, owner, due = self.description.text(), self.owner.text(), self.due.value()
            return self.service_job(lambda s: s.add_action(
                concern_id, description, owner, due, learning, publishable))
        action_id, done, adopted = (self.action.action_id, self.done_on.value(),
                                    not self._not_adopted())
        reason = self.not_adopted_reason.text() if not adopted else ""
        return self.service_job(lambda s: s.update_action(
            action_id, done_on=done, adopted=adopted, not_adopted_reason=reason,
            learning=learning, publishable=publishable))

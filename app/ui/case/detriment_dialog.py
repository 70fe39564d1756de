"""Detriment C reports having suffered for speaking up, and what was done about it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, TextBox
from app.ui.session import Session


class DetrimentDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, context, self.tr("Record detriment reported"),
                         self.tr("&Record detriment"),
                         self.tr("Something C says happened to them because they spoke up."),
                         parent)
        self.on = DateField(context.today)
        self.description = TextBox(lines=4)
        self.action_taken = TextBox(lines=3)
        self.add_field("on", self.tr("&Date reported:"), self.on)
        self.add_field("description", self.tr("&What C reported:"), self.description)
        self.add_field("action_taken", self.tr("&Action taken:"), self.action_taken)
        self.settle()

    def problems(self) -> list[Problem]:
        return (self.date_problems("on", self.on.value(), self.tr("The date reported"))
                + self.required("description", self.description.text(),
                                self.tr("Describe what C reported.")))

    def save_job(self) -> Job:
        concern_id, on = self.concern_id, self.on.value()
        description, action = self.description.text(), self.action_taken.text()
        assert concern_id is not None
        return self.service_job(
            lambda s: s.record_detriment(concern_id, on, description, action))

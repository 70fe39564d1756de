"""After closure: an update given to C, and what C was told about the actions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, TextBox
from app.ui.session import Session


class UpdateDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        frequency = context.detail.update_frequency
        super().__init__(
            session, context, self.tr("Record an update to C"), self.tr("&Record update"),
            (self.tr("Agreed: updates %1.").replace("%1", frequency) if frequency else
             self.tr("No frequency of updates has been agreed yet.")), parent)
        self.on = DateField(context.today)
        self.told = TextBox(lines=4)
        self.add_field("on", self.tr("&Date given:"), self.on)
        self.add_field("told", self.tr("What C was &told about the actions:"), self.told)
        self.settle()

    def problems(self) -> list[Problem]:
        found = self.date_problems("on", self.on.value(), self.tr("The date of the update"))
        found += self.required("told", self.told.text(),
                               self.tr("Say what C was told about the actions."))
        return found

    def save_job(self) -> Job:
        concern_id, on, told = self.concern_id, self.on.value(), self.told.text()
        assert concern_id is not None
        return self.service_job(lambda s: s.record_update(concern_id, on, told))

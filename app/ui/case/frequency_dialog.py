"""After closure: how often C and the contact agreed updates are given."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.session import Session


class FrequencyDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("How often updates are given"), self.tr("&Save"),
            self.tr("What C and you agreed: how often C hears about the actions after the "
                    "concern is closed."), parent)
        self.frequency = QLineEdit(context.detail.update_frequency)
        self.add_field("frequency", self.tr("&Agreed:"), self.frequency,
                       hint=self.tr("For example: monthly until the actions are signed off."))
        self.settle()

    def problems(self) -> list[Problem]:
        return self.required("frequency", self.frequency.text(),
                             self.tr("Say what was agreed."))

    def save_job(self) -> Job:
        concern_id, frequency = self.concern_id, self.frequency.text()
        assert concern_id is not None
        return self.service_job(lambda s: s.set_update_frequency(concern_id, frequency))

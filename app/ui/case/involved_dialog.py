"""Someone involved in the events or in a decision on the concern (staff): listed so that the
stage 2 handler can be checked as independent of them."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import TextBox
from app.ui.session import Session


class InvolvedDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Someone involved"), self.tr("&Add"),
            self.tr("Staff involved in the events the concern is about, or in a decision on "
                    "it. None of them may investigate at stage 2 without a recorded "
                    "justification."), parent)
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.how = TextBox(lines=2)
        self.add_field("name", self.tr("&Name:"), self.name)
        self.add_field("role", self.tr("&Role:"), self.role)
        self.add_field("how", self.tr("&How they were involved:"), self.how)
        self.settle()

    def problems(self) -> list[Problem]:
        return self.required("name", self.name.text(), self.tr("Name the person involved."))

    def save_job(self) -> Job:
        concern_id, name, role, how = (self.concern_id, self.name.text(), self.role.text(),
                                       self.how.text())
        assert concern_id is not None
        return self.service_job(lambda s: s.add_involved(concern_id, name, how, role))

"""Escalating a stage 1 concern to stage 2 investigation."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.records import Stage
from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField
from app.ui.case.independence import Independence
from app.ui.session import Session


class EscalateDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Escalate to stage 2"), self.tr("&Escalate"),
            self.tr("Stage 2 is an investigation: a written acknowledgement is due within 3 "
                    "working days and a full response within 20."), parent)
        self.on = DateField(context.today)
        self.handler = QLineEdit()
        self.add_field("on", self.tr("&Date escalated:"), self.on)
        self.add_field("handler", self.tr("Stage 2 &handler:"), self.handler,
                       hint=self.tr("Not anyone involved in the events or in the stage 1 "
                                    "decision. You can add this later."))
        self.independence = Independence(self, context, Stage.STAGE2, lambda: self.handler.text())
        self.settle()

    def problems(self) -> list[Problem]:
        proposed = proposals.escalated(self.context.facts, self.on.value())
        return (self.rule_problems(proposed, {"stage2.entered_on": "on"})
                + self.independence.problems())

    def save_job(self) -> Job:
        concern_id, on, handler = self.concern_id, self.on.value(), self.handler.text().strip()
        justification = self.independence.justification()
        assert concern_id is not None
        return self.service_job(lambda s: s.escalate(concern_id, on, handler or None,
                                                      justification=justification))

"""A concern leaving the procedure without a full response: withdrawn or transferred."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.records import Closure
from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.choice import Choice
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, TextBox
from app.ui.session import Session


class CloseDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Withdraw or transfer"), self.tr("&Save"),
            self.tr("Use this when C withdraws the concern, or it moves to another procedure "
                    "(for example grievance or dignity at work). A full response closes a "
                    "concern by itself."), parent)
        self.how = Choice(self.tr("What happened"), [
            (self.tr("C &withdrew the concern"), Closure.WITHDRAWN.value),
            (self.tr("&Transferred to another procedure"), Closure.TRANSFERRED.value)])
        self.how.set_value(Closure.WITHDRAWN.value)
        self.on = DateField(context.today)
        self.reason = TextBox(lines=3)
        self.add_field("how", self.tr("What happened:"), self.how)
        self.add_field("on", self.tr("&Date:"), self.on)
        self.add_field("reason", self.tr("&Reason or procedure:"), self.reason,
                       hint=self.tr("For a transfer, name the procedure it went to."))
        self.settle()

    def closure(self) -> Closure:
        return Closure(self.how.value() or Closure.WITHDRAWN.value)

    def problems(self) -> list[Problem]:
        proposed = proposals.closed(self.context.facts, self.closure(), self.on.value())
        found = self.rule_problems(proposed, {"closure_on": "on", "closure": "how"})
        if self.closure() is Closure.TRANSFERRED:
            found += self.required("reason", self.reason.text(),
                                   self.tr("Name the procedure the concern was transferred to."))
        return found

    def save_job(self) -> Job:
        concern_id, closure, on, reason = (self.concern_id, self.closure(), self.on.value(),
                                           self.reason.text())
        assert concern_id is not None
        return self.service_job(lambda s: s.close(concern_id, closure, on, reason))

"""The written acknowledgement of a stage 2 concern."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.base.formatting import format_day
from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField
from app.ui.session import Session


class AcknowledgeDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        due = next((d.due for d in context.deadlines() if d.kind == "acknowledge"), None)
        intro = (self.tr("The written acknowledgement is due by %1.").replace(
            "%1", format_day(due)) if due else "")
        super().__init__(session, context, self.tr("Record the acknowledgement"),
                         self.tr("&Record acknowledgement"), intro, parent)
        self.on = DateField(context.today)
        self.add_field("on", self.tr("&Date acknowledged in writing:"), self.on)
        self.settle()

    def problems(self) -> list[Problem]:
        proposed = proposals.acknowledged(self.context.facts, self.on.value())
        return self.rule_problems(proposed, {"stage2.acknowledged_on": "on"})

    def save_job(self) -> Job:
        concern_id, on = self.concern_id, self.on.value()
        assert concern_id is not None
        return self.service_job(lambda s: s.acknowledge(concern_id, on))

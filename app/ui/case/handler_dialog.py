"""Who handles a stage: staff, never anyone involved in the events (or, at stage 2, in the
stage 1 decision)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.records import Stage
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.independence import Independence
from app.ui.session import Session


class HandlerDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext, stage: Stage,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Set the handler"), self.tr("&Save handler"),
            self.tr("Who handles stage %1. Not anyone involved in the events%2.").replace(
                "%1", str(stage.number)).replace(
                    "%2", self.tr(" or in the stage 1 decision") if stage is Stage.STAGE2
                    else ""), parent)
        self.stage = stage
        current = context.detail.stage(stage.value)
        self.handler = QLineEdit(current.handler or "" if current else "")
        self.add_field("handler", self.tr("&Handler:"), self.handler)
        self.independence = Independence(self, context, stage, lambda: self.handler.text())
        self.settle()

    def problems(self) -> list[Problem]:
        return (self.required("handler", self.handler.text(), self.tr("Name the handler."))
                + self.independence.problems())

    def save_job(self) -> Job:
        concern_id, stage, handler = self.concern_id, self.stage, self.handler.text()
        justification = self.independence.justification()
        assert concern_id is not None
        return self.service_job(lambda s: s.set_handler(concern_id, stage, handler,
                                                        justification=justification))

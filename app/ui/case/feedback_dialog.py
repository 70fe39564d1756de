"""C's feedback on their experience of the procedure, and whether they would speak up again."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.records import SpeakUpAgain
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, EnumCombo, TextBox
from app.ui.session import Session


class FeedbackDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, context, self.tr("Record feedback"),
                         self.tr("&Record feedback"), "", parent)
        self.on = DateField(context.today)
        self.again = EnumCombo(list(SpeakUpAgain), self.tr("Not asked"))
        self.comments = TextBox(lines=4)
        self.add_field("on", self.tr("&Date received:"), self.on)
        self.add_field("again", self.tr("Would C &speak up again?"), self.again)
        self.add_field("comments", self.tr("&Comments:"), self.comments,
                       hint=self.tr("In C's words where possible; no names."))
        self.settle()

    def problems(self) -> list[Problem]:
        return self.date_problems("on", self.on.value(), self.tr("The date received"))

    def save_job(self) -> Job:
        concern_id, on, comments = self.concern_id, self.on.value(), self.comments.text()
        data = self.again.currentData()
        again = SpeakUpAgain(str(data)) if data is not None else None
        assert concern_id is not None
        return self.service_job(lambda s: s.record_feedback(concern_id, on, again, comments))

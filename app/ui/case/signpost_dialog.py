"""C was told where to go next: the INWO, the Care Inspectorate, Audit Scotland or another body."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.records import ServiceType, SignpostBody
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, EnumCombo, TextBox
from app.ui.session import Session


class SignpostDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Record signposting"), self.tr("&Record signposting"),
            self.tr("For NHS services, signpost to the INWO; for local-authority services in "
                    "an HSCP, to the Care Inspectorate or another appropriate body."), parent)
        self.body = EnumCombo(list(SignpostBody))
        if context.detail.service_type == ServiceType.LOCAL_AUTHORITY.value:
            self.body.set_value(SignpostBody.CARE_INSPECTORATE)
        self.other_body = QLineEdit()
        self.on = DateField(context.today)
        self.notes = TextBox(lines=3)
        self.add_field("body", self.tr("Signposted &to:"), self.body)
        self.add_field("other_body", self.tr("&Name of the body:"), self.other_body)
        self.add_field("on", self.tr("&Date:"), self.on)
        self.add_field("notes", self.tr("N&otes:"), self.notes)
        self.body.currentIndexChanged.connect(self._arrange)
        self._arrange()
        self.settle()

    def _other(self) -> bool:
        return self.body.value() is SignpostBody.OTHER

    def _arrange(self) -> None:
        self.show_field("other_body", self._other())

    def problems(self) -> list[Problem]:
        found = self.date_problems("on", self.on.value(), self.tr("The signposting date"))
        if self._other():
            found += self.required("other_body", self.other_body.text(),
                                   self.tr("Name the body C was sent to."))
        return found

    def save_job(self) -> Job:
        concern_id, on, notes = self.concern_id, self.on.value(), self.notes.text()
        body = SignpostBody(str(self.body.currentData()))
        other = self.other_body.text() if self._other() else ""
        assert concern_id is not None
        return self.service_job(lambda s: s.signpost(concern_id, body, on, other, notes))

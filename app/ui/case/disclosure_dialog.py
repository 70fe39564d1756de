"""A record that C's identity was shared: with whom, when, why and on what footing."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.records import DisclosureConsent
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, EnumCombo, OptionalDateField, TextBox
from app.ui.session import Session


class DisclosureDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Record a disclosure of identity"),
            self.tr("&Save disclosure"),
            self.tr("Share C's identity only with the people C agreed to, or where the law "
                    "requires it. Every disclosure is recorded here."), parent)
        self.to = QLineEdit()
        self.role = QLineEdit()
        self.on = DateField(context.today)
        self.reason = TextBox(lines=3)
        self.consent = EnumCombo(list(DisclosureConsent))
        self.consent_on = OptionalDateField(self.tr("Consent given"), context.today)
        self.add_field("to", self.tr("Told &to:"), self.to,
                       hint=self.tr("The person who was told (a member of staff)."))
        self.add_field("role", self.tr("Their &role:"), self.role)
        self.add_field("on", self.tr("&Date told:"), self.on)
        self.add_field("reason", self.tr("&Why:"), self.reason)
        self.add_field("consent", self.tr("On what &footing:"), self.consent)
        self.add_field("consent_on", self.tr("&Consent date:"), self.consent_on,
                       buddy=self.consent_on.check)
        self.settle()

    def problems(self) -> list[Problem]:
        return (self.required("to", self.to.text(), self.tr("Say who was told the identity."))
                + self.date_problems("on", self.on.value(), self.tr("The date told"))
                + self.required("reason", self.reason.text(),
                                self.tr("Give the reason the identity was shared."))
                + self.date_problems("consent_on", self.consent_on.value(),
                                     self.tr("The consent date")))

    def save_job(self) -> Job:
        concern_id, to, role, on = (self.concern_id, self.to.text(), self.role.text(),
                                    self.on.value())
        reason, consent_on = self.reason.text(), self.consent_on.value()
        consent = DisclosureConsent(str(self.consent.currentData()))
        assert concern_id is not None
        return self.service_job(lambda s: s.record_disclosure(
            concern_id, disclosed_to=to, role=role, on=on, reason=reason, consent=consent,
            consent_on=consent_on))

"""Correcting a concern's intake details: dates, how it was raised, service, summary, themes,
and for a named concern the date and way C agreed to use the procedure."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from app.core.records import Anonymity, ConsentMethod
from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import EnumCombo, OptionalDateField, TextBox
from app.ui.case.intake_fields import IntakeFields
from app.ui.session import Session

_METHODS = [ConsentMethod.CONVERSATION, ConsentMethod.EMAIL, ConsentMethod.WRITING]


class IntakeDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, context, self.tr("Edit intake details"), self.tr("Save chan&ges"),
                         self.tr("Correct details recorded wrongly. Corrections are recorded in "
                                 "the audit log (which fields, never their contents) and shown "
                                 "on the timeline with the reason."), parent)
        self.reason = TextBox(lines=2)
        detail = context.detail
        self.named = detail.anonymity == Anonymity.NAMED.value
        self.consent = OptionalDateField(self.tr("C agreed"), detail.consent_on or context.today)
        self.consent.set_value(detail.consent_on)
        self.consent_method = EnumCombo(_METHODS, self.tr("Choose how"))
        self.consent_method.set_value(detail.consent_method)
        self.intake = IntakeFields(self, context.today)
        self.intake.add_when_and_how()
        self.intake.add_what_and_where()
        self.intake.fill_from_detail(context.detail)
        if self.named:
            self.add_field("consent", self.tr("C agreed to use the &procedure on:"),
                           self.consent, buddy=self.consent.check)
            self.add_field("consent_method", self.tr("How C agree&d:"), self.consent_method)
        self.add_field("reason", self.tr("Reason for the c&orrection:"), self.reason,
                       hint=self.tr("Kept with the correction and shown on the timeline; the "
                                    "figures follow the corrected details."))
        self.intake.arrange()
        self.settle()

    def problems(self) -> list[Problem]:
        values = self.intake.values()
        proposed = proposals.intake_changed(
            self.context.facts, received_on=values.received_on,
            service_type=values.service_type, raiser_category=values.raiser_category,
            themes=values.themes)
        if self.named:
            proposed = replace(proposed, consent_on=self.consent.value())
        found = self.date_problems("consent", self.consent.value(), self.tr("The consent date"))
        if self.named and self.consent.value() is not None and self.consent_method.value() \
                is None and not self.context.detail.imported:
            found.append(("consent_method", self.tr("Say how C agreed.")))
        return (self.rule_problems(proposed, {"received_on": "received_on", "themes": "themes",
                                              "consent_on": "consent"})
                + found + self.intake.problems()
                + self.required("reason", self.reason.text(),
                                self.tr("Say why the details are corrected.")))

    def save_job(self) -> Job:
        concern_id, values = self.concern_id, self.intake.values()
        assert concern_id is not None
        changes = {
            "received_on": values.received_on, "aware_on": values.aware_on,
            "late_reason": values.late_reason or None, "channel": values.channel.value,
            "raised_with": values.raised_with.value,
            "raiser_category": values.raiser_category.value,
            "service_type": values.service_type.value, "service_area": values.service_area,
            "summary": values.summary, "contracted": values.contracted}
        if self.named:
            method = self.consent_method.value()
            consent_on = self.consent.value()
            if consent_on != self.context.detail.consent_on:
                changes["consent_on"] = consent_on
            code = method.value if method is not None and consent_on is not None else None
            if code != self.context.detail.consent_method and (
                    consent_on is not None or self.context.detail.consent_method):
                changes["consent_method"] = code
        # The form showed the stored text masked: text not changed here is not written (a
        # name kept as written stays as stored; the mask is never written over it).
        shown = self.context.detail
        for key, was in (("summary", shown.summary), ("service_area", shown.service_area),
                         ("late_reason", shown.late_reason)):
            if changes[key] == (was or None if key == "late_reason" else was):
                del changes[key]

        reason = self.reason.text()

        def call(service):  # type: ignore[no-untyped-def]
            service.update_intake(concern_id, reason=reason, **changes)
            service.set_themes(concern_id, values.themes)

        return self.service_job(call)

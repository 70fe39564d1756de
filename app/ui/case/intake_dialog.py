"""Correcting a concern's intake details: dates, how it was raised, service, summary, themes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import TextBox
from app.ui.case.intake_fields import IntakeFields
from app.ui.session import Session


class IntakeDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, context, self.tr("Edit intake details"), self.tr("Save chan&ges"),
                         self.tr("Correct details recorded wrongly. Corrections are recorded in "
                                 "the audit log (which fields, never their contents) and shown "
                                 "on the timeline with the reason."), parent)
        self.reason = TextBox(lines=2)
        self.intake = IntakeFields(self, context.today)
        self.intake.add_when_and_how()
        self.intake.add_what_and_where()
        self.intake.fill_from_detail(context.detail)
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
        return (self.rule_problems(proposed, {"received_on": "received_on", "themes": "themes"})
                + self.intake.problems()
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

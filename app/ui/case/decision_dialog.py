"""The initial discussion's decision: use the procedure (at stage 1 or 2), or not, and why.

No one becomes a whistleblower without agreeing: for a named concern entering a
stage, the date C agreed and how are recorded with the decision.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.records import Anonymity, ConsentMethod, ProcedureDecision, Stage
from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.choice import Choice
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, EnumCombo, OptionalDateField, TextBox
from app.ui.case.independence import Independence
from app.ui.session import Session

_STAGES = {"stage1": Stage.STAGE1, "stage2": Stage.STAGE2}
_CONSENT_METHODS = [ConsentMethod.CONVERSATION, ConsentMethod.EMAIL, ConsentMethod.WRITING]


class DecisionDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Record the decision"), self.tr("&Save decision"),
            self.tr("Is this whistleblowing, and does C agree to use the procedure? If not, "
                    "record why, and signpost C to the INWO."), parent)
        detail = context.detail
        self.named = detail.anonymity == Anonymity.NAMED.value
        self.decision = Choice(self.tr("Decision"), [
            (self.tr("Use the procedure at stage &1 (early resolution)"), "stage1"),
            (self.tr("Use the procedure at stage &2 (investigation)"), "stage2"),
            (self.tr("&Business as usual: already being handled another way"),
             ProcedureDecision.BUSINESS_AS_USUAL.value),
            (self.tr("&Not taken forward under the Standards"),
             ProcedureDecision.NOT_TAKEN_FORWARD.value)])
        self.decision.set_value(detail.decision if detail.decision in (
            ProcedureDecision.BUSINESS_AS_USUAL.value,
            ProcedureDecision.NOT_TAKEN_FORWARD.value) else None)
        self.on = DateField(context.today)
        self.reasons = TextBox(lines=3)
        self.reasons.setPlainText(detail.decision_reasons or "")
        self.consent = OptionalDateField(self.tr("C agreed"), detail.consent_on or context.today)
        self.consent.set_value(detail.consent_on)
        self.consent_method = EnumCombo(_CONSENT_METHODS, self.tr("Choose how"))
        self.consent_method.set_value(detail.consent_method)
        self.handler = QLineEdit()
        self.add_field("decision", self.tr("Decision:"), self.decision)
        self.add_field("on", self.tr("&Date decided:"), self.on)
        self.add_field("reasons", self.tr("&Reasons:"), self.reasons)
        self.add_field("consent", self.tr("C &agreed to use the procedure on:"), self.consent,
                       buddy=self.consent.check)
        self.add_field("consent_method", self.tr("&How C agreed:"), self.consent_method)
        self.add_field("handler", self.tr("&Handler:"), self.handler,
                       hint=self.tr("Who will handle the concern (you can add this later)."))
        self.independence = Independence(self, context, Stage.STAGE2,
                                         lambda: self.handler.text())
        self.written = Choice(self.tr("A written response"), [
            (self.tr("Both agreed a written res&ponse is needed"), "needed"),
            (self.tr("Both agreed n&o written response is needed"), "not_needed"),
            (self.tr("Not discussed y&et"), "")])
        self.written.set_value(detail.written_response or "")
        self.add_field("written", self.tr("Written response:"), self.written)
        self.decision.changed.connect(self._arrange)
        self.handler.textChanged.connect(lambda _text: self._arrange())
        self._arrange()
        self.settle()

    def _arrange(self) -> None:
        choice = self.decision.value()
        using = choice in _STAGES
        self.show_field("reasons", choice is not None and not using)
        self.show_field("consent", using and self.named)
        self.show_field("consent_method", using and self.named)
        self.show_field("handler", using)
        self.show_field("written", choice == ProcedureDecision.NOT_TAKEN_FORWARD.value)
        self.show_field("justification", choice == "stage2" and bool(
            self.independence.clashes()))

    def _decision(self) -> tuple[ProcedureDecision | None, Stage | None]:
        choice = self.decision.value()
        if choice is None:
            return None, None
        if choice in _STAGES:
            return ProcedureDecision.USE_PROCEDURE, _STAGES[choice]
        return ProcedureDecision(choice), None

    def _consent_on(self) -> date | None:
        decision, _ = self._decision()
        if decision is ProcedureDecision.USE_PROCEDURE and self.named:
            return self.consent.value()
        return None

    def problems(self) -> list[Problem]:
        decision, stage = self._decision()
        if decision is None:
            return [("decision", self.tr("Choose what was decided."))]
        reasons = self.reasons.text() if stage is None else ""
        proposed = proposals.decided(self.context.facts, decision, self.on.value(), reasons,
                                     stage, self._consent_on())
        found = self.rule_problems(proposed, {"decision_reasons": "reasons", "consent_on":
                                              "consent", "closure_on": "on",
                                              "decision": "decision"})
        found += self.date_problems("on", self.on.value(), self.tr("The date of the decision"))
        consent_on = self._consent_on()
        found += self.date_problems("consent", consent_on, self.tr("The consent date"))
        if stage is Stage.STAGE2:
            found += self.independence.problems()
            self._arrange()
        if consent_on is not None and self.consent_method.value() is None:
            found.append(("consent_method", self.tr("Say how C agreed.")))
        return found

    def save_job(self) -> Job:
        concern_id = self.concern_id
        decision, stage = self._decision()
        assert concern_id is not None and decision is not None
        on, handler = self.on.value(), self.handler.text().strip() or None
        reasons = self.reasons.text() if stage is None else ""
        consent_on, method = self._consent_on(), self.consent_method.value()
        justification = self.independence.justification() if stage is Stage.STAGE2 else None
        written = {"needed": True, "not_needed": False}.get(self.written.value() or "")
        consent_changed = consent_on is not None and (
            consent_on != self.context.detail.consent_on
            or (method and method.value) != self.context.detail.consent_method)

        def call(service):  # type: ignore[no-untyped-def]
            if consent_changed and consent_on is not None and method is not None:
                service.record_consent(concern_id, consent_on, ConsentMethod(method.value))
            service.decide(concern_id, decision, on, reasons, stage=stage, handler=handler,
                           written_response=written, justification=justification)

        return self.service_job(call)

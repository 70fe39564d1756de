"""An authorised extension: who authorised it, why, the new date, and when C was told."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.facts import ExtensionFacts
from app.core.records import Stage
from app.core.timescales import DEFAULT_TIMESCALES, response_due
from app.ui.base.formatting import format_day
from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, OptionalDateField, TextBox
from app.ui.session import Session


class ExtensionDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext, stage: Stage,
                 parent: QWidget | None = None) -> None:
        current = context.facts.stage(stage)
        assert current is not None
        current_due = response_due(current, context.calendar, DEFAULT_TIMESCALES)
        intro = self.tr("The stage %1 response is due by %2. An extension needs who "
                        "authorised it, why, and the new date C is told.").replace(
                            "%1", str(stage.number)).replace("%2", format_day(current_due))
        super().__init__(session, context, self.tr("Extend the time to respond"),
                         self.tr("&Save extension"), intro, parent)
        self.stage = stage
        self.current_due = current_due
        self.authorised_by = QLineEdit()
        self.authorised_on = DateField(context.today)
        self.reason = TextBox(lines=3)
        self.new_due = DateField(context.calendar.add_working_days(current_due, 5))
        self.person_told = OptionalDateField(self.tr("C has been told"), context.today)
        self.add_field("authorised_by", self.tr("Authorised &by:"), self.authorised_by)
        self.add_field("authorised_on", self.tr("Date &authorised:"), self.authorised_on)
        self.add_field("reason", self.tr("&Reason:"), self.reason)
        self.add_field("new_due_date", self.tr("&New due date:"), self.new_due)
        self.add_field("person_told", self.tr("C &told of the new date:"), self.person_told,
                       buddy=self.person_told.check)
        self.settle()

    def _extension(self) -> ExtensionFacts:
        return ExtensionFacts(self.stage, self.authorised_on.value(), self.authorised_by.text(),
                              self.reason.text(), self.new_due.value())

    def problems(self) -> list[Problem]:
        proposed, index = proposals.extended(self.context.facts, self.stage, self._extension())
        where = f"{self.stage.value}.extensions[{index}]"
        places = {f"{where}.{name}": name
                  for name in ("authorised_by", "authorised_on", "reason", "new_due_date")}
        found = self.rule_problems(proposed, places)
        told = self.person_told.value()
        if told is not None and told < self.authorised_on.value():
            found.append(("person_told", self.tr("C cannot be told of the new date before "
                                                 "the extension was authorised.")))
        found += self.date_problems("person_told", told, self.tr("The date C was told"))
        return found

    def save_job(self) -> Job:
        concern_id, stage = self.concern_id, self.stage
        by, on, reason = self.authorised_by.text(), self.authorised_on.value(), self.reason.text()
        new_due, told = self.new_due.value(), self.person_told.value()
        assert concern_id is not None
        return self.service_job(lambda s: s.extend(
            concern_id, stage, authorised_by=by, authorised_on=on, reason=reason,
            new_due_on=new_due, person_told_on=told))

"""One issue within a concern: adding it, or recording what was found about it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.records import ServiceType
from app.store.concern_detail import IssueDetail
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import EnumCombo, TextBox, value_label
from app.ui.session import Session


class IssueDialog(ConcernForm):
    """Without an issue: add one. With one: record its findings."""

    def __init__(self, session: Session, context: CaseContext, issue: IssueDetail | None = None,
                 parent: QWidget | None = None) -> None:
        adding = issue is None
        super().__init__(
            session, context, self.tr("Add an issue") if adding else self.tr("Record findings"),
            self.tr("&Add issue") if adding else self.tr("&Save findings"),
            self.tr("A concern may raise several separate issues; each gets its own outcome.")
            if adding else "", parent)
        self.issue = issue
        self.description = TextBox(lines=3)
        self.findings = TextBox(lines=6)
        self.service = EnumCombo([ServiceType.NHS, ServiceType.LOCAL_AUTHORITY])
        concern_service = context.detail.service_type
        if concern_service != ServiceType.BOTH.value:
            self.service.set_value(concern_service)
        else:
            self.service.insertItem(0, self.tr("Choose"), None)
            self.service.setCurrentIndex(0)
        if issue is None:
            self.add_field("description", self.tr("&Issue:"), self.description)
            self.add_field("service", self.tr("&Service it is about:"), self.service,
                           hint=self.tr("Signposting in letters follows each issue's service: "
                                        "the INWO for NHS services, another body for "
                                        "local-authority ones."))
        else:
            shown = value_label(self.tr("Issue"))
            shown.setText(issue.description)
            self.add_field("shown", self.tr("Issue %1:").replace("%1", str(issue.number)), shown)
            self.findings.setPlainText(issue.findings)
            self.add_field("findings", self.tr("&Findings:"), self.findings,
                           hint=self.tr("What was found and how. Refer to the person as C."))
        self.settle()

    def problems(self) -> list[Problem]:
        if self.issue is None:
            found = self.required("description", self.description.text(),
                                  self.tr("Describe the issue."))
            if self.service.currentData() is None:
                found.append(("service", self.tr("This concern is about NHS and local-authority "
                                                 "services: say which this issue is about.")))
            return found
        return []

    def save_job(self) -> Job:
        concern_id, issue = self.concern_id, self.issue
        description, findings = self.description.text(), self.findings.text()
        assert concern_id is not None
        if issue is None:
            code = self.service.currentData()
            service = ServiceType(code) if isinstance(code, str) else None
            return self.service_job(lambda s: s.add_issue(concern_id, description, service))
        issue_id = issue.issue_id
        return self.service_job(lambda s: s.set_issue_findings(issue_id, findings))

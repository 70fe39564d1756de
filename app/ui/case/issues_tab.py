"""The separate issues within a concern, what was found, and each one's outcome per stage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from app.core.records import Outcome, ServiceType
from app.ui.base.formatting import format_day
from app.ui.case.context import CaseContext
from app.ui.case.fields import fit_columns, record_list, select_first, value_label
from app.ui.case.tab_base import DetailsView, WorkspaceTab

ISSUE = Qt.ItemDataRole.UserRole


def _outcome(code: str | None) -> str:
    try:
        return str(Outcome(code).label) if code else "—"
    except ValueError:
        return str(code)


class IssuesTab(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overall = value_label(self.tr("Overall outcome"))
        self.tree = record_list(self.tr("Issues"), [
            self.tr("No."), self.tr("Issue"), self.tr("Service"), self.tr("Stage 1 outcome"),
            self.tr("Stage 2 outcome")])
        fit_columns(self.tree, {1})
        self.findings = DetailsView(self.tr("Findings for the selected issue"))
        self.findings.setPlaceholderText(self.tr("Select an issue to read its findings."))
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.itemActivated.connect(lambda _item, _col: self._findings())
        self.add = self.button(self.tr("&Add issue…"), "issue")
        self.record_findings = self.button(self.tr("Record &findings…"), on_click=self._findings)
        self.correct = self.button(self.tr("C&orrect or remove…"), on_click=self._correct)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overall)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.findings, 1)
        layout.addLayout(self.button_row(self.add, self.record_findings, self.correct))

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        current = self._current_issue()
        self.tree.clear()
        self.findings.clear()
        detail = context.detail
        outcomes = []
        for stage in detail.stages:
            number = stage.stage[-1]
            if stage.outcome:
                outcomes.append(self.tr("stage %1: %2 (responded %3)").replace("%1", number)
                                .replace("%2", self.tr(_outcome(stage.outcome)).lower())
                                .replace("%3", format_day(stage.responded_on)))
            else:
                outcomes.append(self.tr("stage %1: no response yet").replace("%1", number))
        self.overall.setText(self.tr("Overall outcome: %1.").replace("%1", "; ".join(outcomes))
                             if outcomes else self.tr("The concern has not entered a stage."))
        for issue in detail.issues:
            service = issue.service_type or (detail.service_type
                                             if detail.service_type != "both" else None)
            item = QTreeWidgetItem([str(issue.number), issue.description,
                                    self.tr(ServiceType(service).label) if service
                                    else self.tr("not said"),
                                    self.tr(_outcome(issue.stage1_outcome)),
                                    self.tr(_outcome(issue.stage2_outcome))])
            item.setData(0, ISSUE, issue.issue_id)
            self.tree.addTopLevelItem(item)
            if issue.issue_id == current:
                self.tree.setCurrentItem(item)
        if not detail.issues:
            self.findings.setPlaceholderText(self.tr("No issues recorded yet. Add each separate "
                                                     "issue the concern raises."))
        select_first(self.tree)
        self.record_findings.setEnabled(bool(detail.issues))
        self.correct.setEnabled(bool(detail.issues))

    def _current_issue(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, ISSUE)) if item is not None else None

    def _selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None or self.context is None:
            self.findings.clear()
            return
        issue_id = item.data(0, ISSUE)
        issue = next((i for i in self.context.detail.issues if i.issue_id == issue_id), None)
        self.findings.setPlaceholderText(self.tr("No findings recorded for this issue yet."))
        self.findings.setPlainText(issue.findings if issue else "")

    def _findings(self) -> None:
        issue_id = self._current_issue()
        if issue_id is not None:
            self.action_requested.emit("findings", issue_id)

    def _correct(self) -> None:
        issue_id = self._current_issue()
        if issue_id is not None:
            self.action_requested.emit("correct", ("issue", issue_id))

    def forget(self) -> None:
        super().forget()
        self.tree.clear()
        self.findings.clear()
        self.overall.clear()

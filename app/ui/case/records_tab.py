"""The rest of the record: signposting, detriment reported, feedback, and disclosures of identity.

Disclosures list who was told C's identity (staff, by role) and why; the
identity itself is never shown here.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.records import DisclosureConsent, SignpostBody, SpeakUpAgain
from app.ui.base.formatting import format_day
from app.ui.case.context import CaseContext
from app.ui.case.fields import fit_columns, record_list
from app.ui.case.tab_base import WorkspaceTab


def _label(enum: type, code: str | None) -> str:
    try:
        return str(enum(code).label) if code else ""
    except ValueError:
        return str(code)


class RecordsTab(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signposting = record_list(self.tr("Signposting"), [
            self.tr("Date"), self.tr("Signposted to"), self.tr("Notes")])
        self.detriment = record_list(self.tr("Detriment reported"), [
            self.tr("Reported"), self.tr("What C reported"), self.tr("Action taken")])
        self.feedback = record_list(self.tr("Feedback"), [
            self.tr("Received"), self.tr("Would speak up again"), self.tr("Comments")])
        self.disclosures = record_list(self.tr("Disclosures of identity"), [
            self.tr("Date"), self.tr("Told to"), self.tr("Role"), self.tr("Why"),
            self.tr("On what basis")])
        for tree, long_columns in ((self.signposting, {2}), (self.detriment, {1, 2}),
                                   (self.feedback, {2}), (self.disclosures, {3})):
            fit_columns(tree, long_columns)
        grid = QGridLayout(self)
        for index, (title, tree, text, action) in enumerate((
                (self.tr("Signposting"), self.signposting, self.tr("Record &signposting…"),
                 "signpost"),
                (self.tr("Detriment reported"), self.detriment, self.tr("Record &detriment…"),
                 "detriment"),
                (self.tr("Feedback"), self.feedback, self.tr("Record &feedback…"), "feedback"),
                (self.tr("Disclosures of identity"), self.disclosures,
                 self.tr("Record a dis&closure…"), "disclosure"))):
            box = QGroupBox(title)
            column = QVBoxLayout(box)
            column.addWidget(tree, 1)
            column.addLayout(self.button_row(self.button(text, action)))
            grid.addWidget(box, index // 2, index % 2)

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        detail = context.detail
        self._fill(self.signposting, [
            [format_day(s.signposted_on),
             s.other_body if s.body == SignpostBody.OTHER.value and s.other_body
             else self.tr(_label(SignpostBody, s.body)), s.notes]
            for s in detail.signposting])
        self._fill(self.detriment, [
            [format_day(d.reported_on), d.description, d.action_taken] for d in detail.detriment])
        self._fill(self.feedback, [
            [format_day(f.received_on),
             self.tr(_label(SpeakUpAgain, f.speak_up_again)) or self.tr("Not asked"), f.comments]
            for f in detail.feedback])
        self._fill(self.disclosures, [
            [format_day(d.disclosed_on), d.disclosed_to, d.role, d.reason,
             self.tr(_label(DisclosureConsent, d.consent))] for d in detail.disclosures])

    def _fill(self, tree: QTreeWidget, rows: list[list[str]]) -> None:
        tree.clear()
        for row in rows:
            item = QTreeWidgetItem(row)
            for column, text in enumerate(row):
                item.setToolTip(column, text)
            tree.addTopLevelItem(item)
        if not rows:
            tree.addTopLevelItem(QTreeWidgetItem([self.tr("None recorded")]))

    def forget(self) -> None:
        super().forget()
        for tree in (self.signposting, self.detriment, self.feedback, self.disclosures):
            tree.clear()

"""The rest of the record: signposting, detriment reported, feedback, disclosures of identity,
and the people involved in the events (so that the stage 2 handler is independent of them).

Disclosures list who was told C's identity (staff, by role) and why; the identity itself is
never shown here. Any record listed can be corrected or removed, with a reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from app.ui.case.fields import fit_columns, note, record_list
from app.ui.case.tab_base import WorkspaceTab

RECORD = Qt.ItemDataRole.UserRole


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
        self.involved = record_list(self.tr("People involved"), [
            self.tr("Name"), self.tr("Role"), self.tr("How they were involved")])
        self.kinds: dict[QTreeWidget, str] = {
            self.signposting: "signposting", self.detriment: "detriment",
            self.feedback: "feedback", self.disclosures: "disclosure",
            self.involved: "involved"}
        for tree, long_columns in ((self.signposting, {2}), (self.detriment, {1, 2}),
                                   (self.feedback, {2}), (self.disclosures, {3}),
                                   (self.involved, {2})):
            fit_columns(tree, long_columns)
            tree.currentItemChanged.connect(lambda item, _old, t=tree: self._picked(t, item))
        self.chosen: tuple[str, int] | None = None
        grid = QGridLayout(self)
        for index, (title, tree, text, action) in enumerate((
                (self.tr("Signposting"), self.signposting, self.tr("Record &signposting…"),
                 "signpost"),
                (self.tr("Detriment reported"), self.detriment, self.tr("Record &detriment…"),
                 "detriment"),
                (self.tr("Feedback"), self.feedback, self.tr("Record &feedback…"), "feedback"),
                (self.tr("Disclosures of identity"), self.disclosures,
                 self.tr("Record a dis&closure…"), "disclosure"),
                (self.tr("People involved in the events"), self.involved,
                 self.tr("Add someone &involved…"), "involved"))):
            box = QGroupBox(title)
            column = QVBoxLayout(box)
            column.addWidget(tree, 1)
            column.addLayout(self.button_row(self.button(text, action)))
            grid.addWidget(box, index // 2, index % 2)
        self.selected_note = note()
        self.selected_note.setAccessibleName(self.tr("The selected record"))
        self.correct = self.button(self.tr("C&orrect or remove the selected record…"),
                                   on_click=self._correct)
        corner = QVBoxLayout()
        corner.addWidget(self.selected_note)
        corner.addLayout(self.button_row(self.correct))
        corner.addStretch(1)
        grid.addLayout(corner, 2, 1)

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        detail = context.detail
        self.chosen = None
        self._fill(self.signposting, [
            (s.signpost_id, [format_day(s.signposted_on),
                             s.other_body if s.body == SignpostBody.OTHER.value and s.other_body
                             else self.tr(_label(SignpostBody, s.body)), s.notes])
            for s in detail.signposting])
        self._fill(self.detriment, [
            (d.detriment_id, [format_day(d.reported_on), d.description, d.action_taken])
            for d in detail.detriment])
        self._fill(self.feedback, [
            (f.feedback_id, [format_day(f.received_on),
                             self.tr(_label(SpeakUpAgain, f.speak_up_again))
                             or self.tr("Not asked"), f.comments])
            for f in detail.feedback])
        self._fill(self.disclosures, [
            (d.disclosure_id, [format_day(d.disclosed_on), d.disclosed_to, d.role, d.reason,
                               self.tr(_label(DisclosureConsent, d.consent))])
            for d in detail.disclosures])
        self._fill(self.involved, [(i.involved_id, [i.name, i.role, i.how])
                                   for i in detail.involved])
        self._show_chosen()

    def _fill(self, tree: QTreeWidget, rows: list[tuple[int, list[str]]]) -> None:
        tree.blockSignals(True)
        tree.clear()
        for row_id, row in rows:
            item = QTreeWidgetItem(row)
            item.setData(0, RECORD, row_id)
            for column, text in enumerate(row):
                item.setToolTip(column, text)
            tree.addTopLevelItem(item)
        if not rows:
            tree.addTopLevelItem(QTreeWidgetItem([self.tr("None recorded")]))
        tree.blockSignals(False)

    def _picked(self, tree: QTreeWidget, item: QTreeWidgetItem | None) -> None:
        row_id = item.data(0, RECORD) if item is not None else None
        self.chosen = (self.kinds[tree], int(row_id)) if isinstance(row_id, int) else None
        self._show_chosen()

    def _show_chosen(self) -> None:
        names = {"signposting": self.tr("signposting"), "detriment": self.tr("a detriment "
                                                                              "report"),
                 "feedback": self.tr("feedback"), "disclosure": self.tr("a disclosure"),
                 "involved": self.tr("a person involved")}
        if self.chosen is None:
            self.selected_note.setText(self.tr("Select a record in any list above to correct "
                                               "or remove it."))
        else:
            self.selected_note.setText(self.tr("Selected: %1.").replace(
                "%1", names[self.chosen[0]]))
        self.correct.setEnabled(self.chosen is not None)

    def _correct(self) -> None:
        if self.chosen is not None:
            self.action_requested.emit("correct", self.chosen)

    def forget(self) -> None:
        super().forget()
        self.chosen = None
        self.selected_note.clear()
        for tree in self.kinds:
            tree.clear()

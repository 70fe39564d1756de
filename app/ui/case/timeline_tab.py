"""The concern's path through the procedure: stages entered, due dates, extensions, responses.

Each due date says whether it was met, is due soon (amber) or is overdue (red),
in words as well as colour. The actions that move a concern on sit underneath,
enabled only when they make sense for where the concern is.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from app.core.records import Closure, ConsentMethod, Outcome, ProcedureDecision, Stage
from app.core.timescales import Deadline
from app.store.concern_detail import ConcernDetail, StageDetail
from app.ui.base.formatting import format_day
from app.ui.case import proposals
from app.ui.case.context import CaseContext
from app.ui.case.deadline_text import describe
from app.ui.case.fields import fit_columns, record_list
from app.ui.case.tab_base import DetailsView, WorkspaceTab, mark_level

DETAILS = Qt.ItemDataRole.UserRole
TARGET = Qt.ItemDataRole.UserRole + 1  # what "Correct…" opens for the row
_EDITS = {"correction": "Corrected", "change": "Changed", "removal": "Removed"}
_STAGE_NAMES = {"stage1": "Stage 1: early resolution", "stage2": "Stage 2: investigation"}


def _label(enum: type, code: str | None) -> str:
    try:
        return str(enum(code).label) if code else ""
    except ValueError:
        return str(code)


# Imported history may lack details the forms ask of new entries (SPEC: shown as such).
NOT_RECORDED_IMPORTED = "not recorded (imported)"


class TimelineTab(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = record_list(self.tr("Timeline"), [self.tr("What"), self.tr("Date"),
                                                      self.tr("Due"), self.tr("Status")])
        self.tree.setRootIsDecorated(True)
        fit_columns(self.tree, {3})
        self.details = DetailsView(self.tr("Details of the selected event"))
        self.details.setPlaceholderText(self.tr("Select an event to read its details: the "
                                                "summary, reasons or response."))
        self.tree.currentItemChanged.connect(self._selected)
        self.decide = self.button(self.tr("Record &decision…"), "decision")
        self.escalate = self.button(self.tr("&Escalate to stage 2…"), "escalate")
        self.acknowledge = self.button(self.tr("Ac&knowledge…"), "acknowledge")
        self.extend = self.button(self.tr("E&xtend…"), "extend")
        self.respond = self.button(self.tr("Record &response…"), "respond")
        self.close_button = self.button(self.tr("&Withdraw or transfer…"), "close")
        self.handler = self.button(self.tr("Set &handler…"), "handler")
        self.correct = self.button(self.tr("C&orrect…"), on_click=self._correct)
        self.correct.setToolTip(self.tr("Correct or remove the selected event"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.details, 1)
        layout.addLayout(self.button_row(self.decide, self.escalate, self.acknowledge,
                                         self.extend, self.respond, self.close_button,
                                         self.handler, self.correct))

    # ----- showing ----------------------------------------------------------------------

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        self.tree.clear()
        self.details.clear()
        detail = context.detail
        self._row(None, self.tr("Received"), detail.received_on, details=detail.summary)
        self._decision_rows(detail)
        deadlines = context.deadlines()
        for stage in detail.stages:
            self._stage_rows(stage, detail, deadlines)
        self._closure_row(detail)
        self._edit_rows(detail)
        self.tree.expandAll()
        self._enable(context)

    def _row(self, parent: QTreeWidgetItem | None, what: str, on: date | None,
             due: date | None = None, status: str = "", details: str = "",
             target: tuple[str, object] | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([what, format_day(on), format_day(due), status])
        item.setData(0, DETAILS, details)
        item.setData(0, TARGET, target)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _decision_rows(self, detail: ConcernDetail) -> None:
        if detail.decision == ProcedureDecision.UNDECIDED.value:
            self._row(None, self.tr("Initial discussion: no decision yet"), None)
        else:
            written = {"needed": self.tr("both agreed a written response is needed"),
                       "not_needed": self.tr("both agreed no written response is needed")}
            self._row(None, self.tr("Decision: %1").replace(
                "%1", self.tr(_label(ProcedureDecision, detail.decision))), detail.decision_on,
                status=written.get(detail.written_response or "", ""),
                details=detail.decision_reasons or "",
                target=("closure", None) if detail.decision in (
                    "business_as_usual", "not_taken_forward") else None)
        if detail.consent_on:
            how = detail.consent_method
            said = (self.tr(NOT_RECORDED_IMPORTED) if how in (None, "not_recorded")
                    and detail.imported else self.tr(_label(ConsentMethod, how)) if how else "")
            self._row(None, self.tr("C agreed to use the procedure"), detail.consent_on,
                      status=said)

    def _deadline_row(self, parent: QTreeWidgetItem, what: str, done_on: date | None,
                      due: date | None, deadline: Deadline | None, extra: str = "",
                      details: str = "") -> None:
        assert self.context is not None
        if deadline is None:
            status = extra or (self.tr("no longer needed") if done_on is None else "")
            self._row(parent, what, done_on, due, status, details)
            return
        text = describe(deadline, self.context.today, self.context.calendar)
        status = f"{text.status}; {extra}" if extra else text.status
        item = self._row(parent, what, done_on, deadline.due, status, details)
        mark_level(None, item, 3, text.level, self.tree)

    def _stage_rows(self, stage: StageDetail, detail: ConcernDetail,
                    deadlines: list[Deadline]) -> None:
        how = (self.tr("entered on receipt") if stage.entry == "received"
               else self.tr("escalated"))
        top = self._row(None, f"{self.tr(_STAGE_NAMES[stage.stage])} ({how})", stage.entered_on,
                        target=("stage", stage.stage))
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        if stage.handler:
            clash = (self.tr("involved earlier (%1); justified: %2").replace(
                "%1", stage.handler_clash).replace("%2", stage.handler_justification or "")
                if stage.handler_clash else "")
            self._row(top, self.tr("Handler: %1").replace("%1", stage.handler), None,
                      status=clash, details=clash)
        elif detail.imported and stage.stage == Stage.STAGE2.value:
            self._row(top, self.tr("Handler: %1").replace(
                "%1", self.tr(NOT_RECORDED_IMPORTED)), None)
        found = {(d.stage.value, d.kind): d for d in deadlines}
        if stage.stage == Stage.STAGE2.value:
            self._deadline_row(top, self.tr("Written acknowledgement"), stage.acknowledged_on,
                               stage.acknowledge_due, found.get((stage.stage, "acknowledge")))
        number = 0
        for extension in detail.extensions:
            if extension.stage != stage.stage:
                continue
            number += 1
            missing = self.tr(NOT_RECORDED_IMPORTED if extension.imported else "not recorded")
            who = extension.authorised_by or missing
            told = (self.tr("C told %1").replace("%1", format_day(extension.person_told_on))
                    if extension.person_told_on else self.tr("C not yet told"))
            if extension.new_due_on is None:
                told = self.tr("new date %1; %2").replace("%1", missing).replace("%2", told)
            reason = extension.reason or self.tr("Reason: %1").replace("%1", missing)
            self._row(top, self.tr("Extension %1, authorised by %2").replace(
                "%1", str(number)).replace("%2", who), extension.authorised_on,
                extension.new_due_on, told, reason,
                target=("extension", extension.extension_id))
        outcome = self.tr(_label(Outcome, stage.outcome))
        self._deadline_row(top, self.tr("Full response"), stage.responded_on, stage.respond_due,
                           found.get((stage.stage, "respond")), outcome, stage.response_summary)
        for index in range(top.childCount()):
            child = top.child(index)
            if child is not None and child.data(0, TARGET) is None:
                child.setData(0, TARGET, ("stage", stage.stage))

    def _closure_row(self, detail: ConcernDetail) -> None:
        if detail.closure == Closure.OPEN.value:
            return
        self._row(None, self.tr(_label(Closure, detail.closure)), detail.closure_on,
                  details=detail.closure_reason or "",
                  target=("closure", None) if detail.closure != Closure.CLOSED.value else None)

    def _edit_rows(self, detail: ConcernDetail) -> None:
        """Every correction, change or removal, when and why (the history of the record)."""
        for edit in detail.edits:
            what = self.tr("%1: %2").replace("%1", self.tr(_EDITS.get(edit.kind, edit.kind)))\
                .replace("%2", edit.label)
            fields = ", ".join(f.replace("_", " ") for f in edit.fields)
            self._row(None, what, edit.on, status=fields,
                      details=self.tr("Why: %1").replace("%1", edit.reason))

    def _selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        self.details.setPlainText(str(item.data(0, DETAILS) or "") if item else "")
        self._selected_target()

    def _enable(self, context: CaseContext) -> None:
        facts = context.facts
        is_open = facts.closure is Closure.OPEN
        no_stage = facts.stage1 is None and facts.stage2 is None
        stage = proposals.open_stage(facts)
        self.decide.setEnabled(is_open and no_stage)
        self.escalate.setEnabled(facts.stage1 is not None and facts.stage2 is None
                                 and facts.closure in (Closure.OPEN, Closure.CLOSED))
        self.acknowledge.setEnabled(is_open and facts.stage2 is not None
                                    and facts.stage2.acknowledged_on is None
                                    and facts.stage2.responded_on is None)
        self.extend.setEnabled(stage is not None)
        self.respond.setEnabled(stage is not None)
        self.close_button.setEnabled(is_open)
        self.handler.setEnabled(not no_stage)
        self._selected_target()

    def _target(self) -> tuple[str, object] | None:
        item = self.tree.currentItem()
        target = item.data(0, TARGET) if item is not None else None
        return target if isinstance(target, tuple) else None

    def _selected_target(self) -> None:
        self.correct.setEnabled(self._target() is not None and self.context is not None
                                and self.context.detail.read_only is None)

    def _correct(self) -> None:
        target = self._target()
        if target is None:
            return
        kind, about = target
        if kind == "extension":
            self.action_requested.emit("correct", ("extension", about))
        elif kind == "stage":
            self.action_requested.emit("correct_stage", about)
        else:
            self.action_requested.emit("correct_closure", None)

    def forget(self) -> None:
        super().forget()
        self.tree.clear()
        self.details.clear()
        for button in (self.decide, self.escalate, self.acknowledge, self.extend, self.respond,
                       self.close_button, self.handler, self.correct):
            button.setEnabled(False)

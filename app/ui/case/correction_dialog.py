"""Correcting or removing a record, always with a reason (app/store/concern_corrections.py).

One form for every kind of record the workspace lists (extensions, signposting, detriment,
feedback, disclosures, conversations, actions, issues, people involved, updates after
closure): its fields as recorded, to correct, or the choice to remove it. A stage (dates,
outcome, summary; an escalation removed) and a closure or decision (date and reason
corrected, or reopened) have their own forms here. A correction says the record was wrong:
the figures follow it. Either way the reason is kept and the timeline shows it.

Text is shown as the workspace shows it (masked): a field not changed here is not sent, so
the mask is never written over what is stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app.core.records import (
    ConversationMode,
    DisclosureConsent,
    Outcome,
    ServiceType,
    SignpostBody,
    SpeakUpAgain,
    Stage,
)
from app.store.concern_corrections import STAGE_COLUMNS, ColumnSpec, record_columns
from app.ui.base.formatting import tr
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.choice import Choice
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, OptionalDateField, TextBox
from app.ui.session import Session

_LONG = frozenset({"notes", "next_steps", "description", "findings", "comments", "reason",
                   "learning", "told", "how", "action_taken", "not_adopted_reason",
                   "response_summary"})
_LABELS: dict[str, str] = {m.value: m.label for kind in (
    SignpostBody, SpeakUpAgain, DisclosureConsent, ConversationMode, Outcome, ServiceType)
    for m in kind}


def _editor(spec: ColumnSpec, value: Any, today: date) -> QWidget:
    if spec.kind == "date":
        return DateField(value if isinstance(value, date) else today)
    if spec.kind == "date?":
        field = OptionalDateField(tr("Recorded"), value if isinstance(value, date) else today)
        field.set_value(value if isinstance(value, date) else None)
        return field
    if spec.kind == "bool":
        check = QCheckBox(tr(spec.label))
        check.setChecked(bool(value))
        return check
    if spec.kind.startswith("enum"):
        combo = QComboBox()
        if spec.kind.endswith("?"):
            combo.addItem(tr("Not recorded"), None)
        for code in spec.codes:
            combo.addItem(tr(_LABELS.get(code, code)), code)
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))
        return combo
    if spec.name in _LONG:
        box = TextBox(lines=3)
        box.setPlainText(str(value or ""))
        return box
    return QLineEdit(str(value or ""))


def _read(widget: QWidget) -> Any:
    if isinstance(widget, DateField):
        return widget.value()
    if isinstance(widget, OptionalDateField):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, TextBox):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def _same(before: Any, now: Any) -> bool:
    if isinstance(now, str):
        return (before or "").strip() == now.strip()
    if isinstance(now, bool) or isinstance(before, bool):
        return bool(before) == bool(now)
    return bool(before == now)


class _Correcting(ConcernForm):
    """Fields as recorded, the choice to correct or remove, and the reason."""

    def __init__(self, session: Session, context: CaseContext, title: str, intro: str,
                 columns: list[ColumnSpec], current: dict[str, Any], *,
                 removable: str | None, parent: QWidget | None = None) -> None:
        super().__init__(session, context, title, self.tr("&Save"), intro, parent)
        self.columns = columns
        self.current = current
        options = [(self.tr("C&orrect it: it was recorded wrongly"), "correct")]
        if removable:
            options.append((removable, "remove"))
        self.mode = Choice(self.tr("Correct or remove"), options)
        self.mode.set_value("correct")
        self.add_field("mode", self.tr("What to do:"), self.mode)
        self.editors: dict[str, QWidget] = {}
        for spec in columns:
            editor = _editor(spec, current.get(spec.name), context.today)
            self.editors[spec.name] = editor
            label = spec.label + ":" if spec.kind != "bool" else ""
            buddy = editor.check if isinstance(editor, OptionalDateField) else None
            self.add_field(spec.name, self.tr(label), editor, name=self.tr(spec.label),
                           buddy=buddy)
        self.reason = TextBox(lines=2)
        self.add_field("edit_reason", self.tr("&Why:"), self.reason, name=self.tr("Reason"),
                       hint=self.tr("Kept with the record's history and shown on the timeline."))
        self.mode.changed.connect(self._arrange)
        self.show_field("mode", bool(removable))  # one way only: no choice to show
        self._arrange()
        self.settle()

    def removing(self) -> bool:
        return self.mode.value() == "remove"

    def _arrange(self) -> None:
        for name in self.editors:
            self.show_field(name, not self.removing())

    def changes(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for spec in self.columns:
            value = _read(self.editors[spec.name])
            if not _same(self.current.get(spec.name), value):
                found[spec.name] = value
        return found

    def problems(self) -> list[Problem]:
        found = self.required("edit_reason", self.reason.text(),
                              self.tr("Say why (it is kept with the record's history)."))
        if self.removing():
            return found
        changes = self.changes()
        if not changes:
            found.append(("", self.tr("Change something to correct it, or choose to remove "
                                      "it.")))
        for spec in self.columns:
            value = changes.get(spec.name)
            if spec.kind == "text!" and spec.name in changes and not str(value).strip():
                found.append((spec.name, self.tr("This cannot be empty.")))
        for spec in self.columns:
            if spec.kind in ("date", "date?") and spec.name in changes and spec.name not in (
                    "new_due_on", "due_on"):
                found += self.date_problems(spec.name, changes[spec.name], self.tr(spec.label))
        return found


class CorrectionDialog(_Correcting):
    """Correct or remove one record of a kind the workspace lists."""

    def __init__(self, session: Session, context: CaseContext, record: str, row_id: int,
                 current: object, label: str, parent: QWidget | None = None) -> None:
        columns = record_columns(record)
        values = {spec.name: getattr(current, spec.name, None) for spec in columns}
        super().__init__(
            session, context, self.tr("Correct or remove: %1").replace("%1", label),
            self.tr("Correct what was recorded wrongly (the figures follow), or remove a record "
                    "that should not have been made. Either way the reason is kept."),
            columns, values, removable=self.tr("Re&move it: it should not have been recorded"),
            parent=parent)
        self.record = record
        self.row_id = row_id

    def save_job(self) -> Job:
        record, row_id, reason = self.record, self.row_id, self.reason.text()
        if self.removing():
            return self.service_job(lambda s: s.remove(record, row_id, reason))
        changes = self.changes()
        return self.service_job(lambda s: s.correct(record, row_id, changes, reason))


class StageCorrectionDialog(_Correcting):
    """A stage's escalation date, acknowledgement, response, outcome and summary; an
    escalation that should not have been recorded removed."""

    def __init__(self, session: Session, context: CaseContext, stage: Stage,
                 parent: QWidget | None = None) -> None:
        detail = context.detail.stage(stage.value)
        assert detail is not None
        escalated = detail.entry == "escalated"
        columns = [c for c in STAGE_COLUMNS if (c.name != "entered_on" or escalated)
                   and (c.name != "acknowledged_on" or stage is Stage.STAGE2)]
        values = {"entered_on": detail.entered_on, "acknowledged_on": detail.acknowledged_on,
                  "responded_on": detail.responded_on, "outcome": detail.outcome,
                  "response_summary": detail.response_summary}
        super().__init__(
            session, context, self.tr("Correct stage %1").replace("%1", str(stage.number)),
            self.tr("Correct a date, the outcome or the summary recorded wrongly; clear a date "
                    "that should not have been recorded. The figures follow the correction."),
            columns, values, removable=self.tr("Re&move the escalation: the concern was not "
                                               "escalated") if escalated else None,
            parent=parent)
        self.stage = stage

    def problems(self) -> list[Problem]:
        found = super().problems()
        if not self.removing():
            changes = self.changes()
            responded = changes.get("responded_on", self.current.get("responded_on"))
            outcome = changes.get("outcome", self.current.get("outcome"))
            if responded is not None and outcome is None:
                found.append(("outcome", self.tr("A full response needs its outcome.")))
        return found

    def save_job(self) -> Job:
        concern_id, stage, reason = self.concern_id, self.stage, self.reason.text()
        assert concern_id is not None
        if self.removing():
            return self.service_job(lambda s: s.remove_escalation(concern_id, reason))
        changes = self.changes()
        if changes.get("responded_on") is None and "responded_on" in changes:
            changes.pop("outcome", None)
        return self.service_job(lambda s: s.correct_stage(concern_id, stage, changes, reason))


class ClosureDialog(_Correcting):
    """A withdrawal, transfer or decision corrected, or undone (the concern reopened)."""

    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        detail = context.detail
        left = detail.closure in ("withdrawn", "transferred", "not_taken_forward")
        columns = [ColumnSpec("closure_on", "Date", "date"),
                   ColumnSpec("closure_reason", "Reason", "text")] if left else []
        super().__init__(
            session, context, self.tr("Correct the closure or decision"),
            self.tr("Correct the date or reason of a withdrawal, transfer or decision, or undo "
                    "it if it should not have been recorded: the concern is open again."),
            columns, {"closure_on": detail.closure_on, "closure_reason": detail.closure_reason},
            removable=self.tr("R&eopen: it should not have been recorded"), parent=parent)
        if not left:
            self.mode.set_value("remove")
            self.mode.set_enabled("correct", False)

    def save_job(self) -> Job:
        concern_id, reason = self.concern_id, self.reason.text()
        assert concern_id is not None
        if self.removing():
            return self.service_job(lambda s: s.reopen(concern_id, reason))
        changes = self.changes()
        on, why = changes.get("closure_on"), changes.get("closure_reason")
        return self.service_job(lambda s: s.correct_closure(
            concern_id, reason, on=on, closure_reason=why))

"""The concern as it was raised: when, how, by whom (as C), about what, and the decision."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.core.records import (
    THEMES,
    Anonymity,
    Channel,
    ConsentMethod,
    ProcedureDecision,
    RaisedWith,
    RaiserCategory,
)
from app.ui.base.formatting import format_day, service_label
from app.ui.case.context import CaseContext
from app.ui.case.fields import value_label
from app.ui.case.tab_base import WorkspaceTab

_ROWS = (
    ("received", "Received"), ("aware", "C became aware"), ("late_reason", "Accepted late because"),
    ("channel", "Raised by"), ("raised_with", "Raised with"), ("category", "C is a"),
    ("anonymity", "Who raised it"), ("service", "Service"), ("area", "Service area"),
    ("themes", "Themes"), ("summary", "Summary"), ("decision", "Decision"),
    ("decision_reasons", "Reasons"), ("consent", "C agreed to use the procedure"),
)


def _label(enum: type, code: str | None) -> str:
    if not code:
        return ""
    try:
        return str(enum(code).label)
    except ValueError:
        return code


class IntakeTab(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, name in _ROWS:
            value = value_label(self.tr(name))
            caption = QLabel(self.tr(name) + ":")
            self.form.addRow(caption, value)
            self.values[key] = value
            self.captions[key] = caption
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Intake details"))
        scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        self.edit = self.button(self.tr("&Edit intake details…"), "intake")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.button_row(self.edit))

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        d = context.detail
        themes = [label or self.tr(THEMES.get(code, code)) for code, label in d.themes]
        consent = ""
        if d.consent_on:
            consent = format_day(d.consent_on)
            if d.consent_method:
                consent += f" ({self.tr(_label(ConsentMethod, d.consent_method)).lower()})"
        decision = self.tr(_label(ProcedureDecision, d.decision))
        if d.decision_on:
            decision += " " + self.tr("(decided %1)").replace("%1", format_day(d.decision_on))
        shown = {
            "received": format_day(d.received_on), "aware": format_day(d.aware_on),
            "late_reason": d.late_reason or "", "channel": self.tr(_label(Channel, d.channel)),
            "raised_with": self.tr(_label(RaisedWith, d.raised_with)),
            "category": self.tr(_label(RaiserCategory, d.raiser_category)),
            "anonymity": self.tr(_label(Anonymity, d.anonymity)),
            "service": service_label(d.service_type), "area": d.service_area,
            "themes": "; ".join(themes), "summary": d.summary, "decision": decision,
            "decision_reasons": d.decision_reasons or "", "consent": consent,
        }
        for key, value in self.values.items():
            text = shown.get(key, "")
            value.setText(text or "—")
            visible = bool(text) or key in ("summary", "decision", "themes")
            self.form.setRowVisible(value, visible)

    def forget(self) -> None:
        super().forget()
        for value in self.values.values():
            value.clear()

"""A return's payload as a tree a person can read: every figure that would leave the laptop.

Each value in the payload is one leaf (a learning statement too), labelled in
the users' words; the JSON path of each leaf is kept on it (`value_at`), so the
tree can be checked against the payload it shows. Dates read as dd/mm/yyyy; the
exact text that is signed and sent is shown beside it by the return page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.core.records import THEMES, RaiserCategory, SpeakUpAgain
from app.ui.base.formatting import format_day, period_words

PATH_ROLE = Qt.ItemDataRole.UserRole

_LABELS: dict[str, str] = {
    "audit_chain": "Audit log proof since the last return", "macs": "Each entry's proof",
    "format": "Kind of file", "version": "Version of the return's layout",
    "return_id": "Return number (random)",
    "reporting_unit": "Reporting unit", "period": "Period", "label": "Period",
    "from": "From", "to": "To", "created_at": "Built at", "software_version": "Casebook version",
    "audit_head": "Proof of this casebook's audit log", "seq": "Entries in the audit log",
    "hash": "Latest entry's fingerprint", "figures": "Figures",
    "received": "Received (KPI 4)", "closed": "Closed in full (KPI 5)",
    "outcomes": "Outcomes (KPI 6)", "working_days": "Working days to a full response (KPI 7)",
    "sum": "Total working days", "count": "Full responses counted",
    "within_timescale": "Closed within the timescale (KPI 8)",
    "extended": "Extension authorised (KPI 9)", "other_closures": "Closed in other ways",
    "withdrawn": "Withdrawn", "transferred": "Transferred to another procedure",
    "not_taken_forward": "Not taken forward under the Standards",
    "stage1": "Stage 1", "stage2": "Stage 2", "anonymous": "Anonymous", "unnamed": "Unnamed",
    "upheld": "Upheld", "partially_upheld": "Partially upheld", "not_upheld": "Not upheld",
    "by_service": "By service type", "nhs": "NHS", "local_authority": "Local authority",
    "both": "NHS and local authority", "by_theme": "By theme",
    "by_raiser_category": "By who raised the concern", "detriment": "Detriment",
    "reports": "Reports of detriment", "concerns": "Concerns with detriment reported",
    "feedback": "Feedback", "speak_up_again": "Would speak up again",
    "not_answered": "Did not say", "learning": "Learning statements",
    "within_standards": "Within the Standards (first stage entry; an escalated concern once)",
    "signposting": "Signposting", "inwo": "INWO", "care_inspectorate": "Care Inspectorate",
    "audit_scotland": "Audit Scotland",
}
_IN_CONTEXT: dict[tuple[str, str], str] = {
    ("feedback", "received"): "Feedback received",
    ("figures", "period"): "Period the figures cover",
    ("figures", "concerns"): "Concerns, each counted once",
    ("concerns", "received"): "Every concern received, whatever became of it",
    ("concerns", "by_theme"): "Every concern received, by theme",
}
# Opened by a click: the breakdowns, and the learning statements (also listed in full
# beside the tree; hundreds of open lines make the tree slow to lay out).
_COLLAPSED = frozenset({"by_service", "by_theme", "by_raiser_category", "audit_head",
                        "learning", "signposting"})


def label_for(parent: str, key: str) -> str:
    if (parent, key) in _IN_CONTEXT:
        return _IN_CONTEXT[(parent, key)]
    if parent == "by_theme" and key in THEMES:
        return THEMES[key]
    if parent == "by_raiser_category" and key in RaiserCategory._value2member_map_:
        return RaiserCategory(key).label
    if parent == "speak_up_again" and key in SpeakUpAgain._value2member_map_:
        return SpeakUpAgain(key).label
    return _LABELS.get(key, key.replace("_", " ").capitalize())


def _period_words(label: str) -> str:
    """A period's code in words ("2026-27-Q3": October to December 2026 (Q3 2026-27))."""
    from app.core.periods import parse_period

    try:
        period = parse_period(label)
    except ValueError:
        return label
    return period_words(period.start, period.end, label)


_LONGEST_SHOWN = 200


def shown_value(key: str, value: object) -> str:
    """A value as a person reads it (the exact JSON is shown separately)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}" if key != "seq" else str(value)
    text = str(value)
    if key in ("from", "to"):
        try:
            return format_day(date.fromisoformat(text))
        except ValueError:
            return text
    if key == "label" and isinstance(value, str):
        return _period_words(text)
    if key == "macs" and len(text) > _LONGEST_SHOWN:
        # One 32-byte proof for each audit log entry since the last return, in base64: up to
        # 3.8 MB, which no one reads in a tree line and which Qt lays out for a second.
        entries = len(text) * 3 // 4 // 32
        return (f"{text[:24]}… ({entries:,} entries' proofs, {len(text):,} characters: "
                "all of them in the exact text)")
    if key == "created_at":
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        return moment.strftime("%d/%m/%Y %H:%M:%S UTC")
    return text


class PayloadTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("What is sent"), self.tr("Value")])
        self.setAccessibleName(self.tr("Everything the return would send"))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        header = self.header()
        # Labels are at most about 45 characters: a fixed width, not measured over every
        # line each time the tree changes; the values (a period or a unit's name in words)
        # take the rest of the width, so that they are not cut short.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 46)
        self.leaves: dict[str, QTreeWidgetItem] = {}

    def show_payload(self, payload: Mapping[str, Any]) -> None:
        """Every item is made apart from the tree and added at once; then the long lines
        span both columns and the first two levels open, each in one pass (one item at a
        time on a shown tree re-lays out the whole tree each time: seconds for a return
        with many learning statements)."""
        self.clear_payload()
        root = QTreeWidgetItem()
        spanned: list[QTreeWidgetItem] = []
        collapsed: list[QTreeWidgetItem] = []
        self._add(root, "", "", payload, spanned, collapsed)
        self.setUpdatesEnabled(False)
        try:
            self.addTopLevelItems(root.takeChildren())
            for item in spanned:
                item.setFirstColumnSpanned(True)
            self.expandToDepth(1)
            for item in collapsed:
                item.setExpanded(False)
        finally:
            self.setUpdatesEnabled(True)

    def _add(self, parent: QTreeWidgetItem, parent_key: str, path: str, value: object,
             spanned: list[QTreeWidgetItem], collapsed: list[QTreeWidgetItem]) -> None:
        if isinstance(value, Mapping):
            for key, inner in value.items():
                child_path = f"{path}.{key}" if path else str(key)
                item = QTreeWidgetItem(parent, [self.tr(label_for(parent_key, str(key)))])
                if isinstance(inner, Mapping | list):
                    self._add(item, str(key), child_path, inner, spanned, collapsed)
                    if key in _COLLAPSED:
                        collapsed.append(item)
                else:
                    self._leaf(item, str(key), child_path, inner)
        elif isinstance(value, list):
            parent.setText(1, str(len(value)))
            for number, inner in enumerate(value):
                item = QTreeWidgetItem(parent, [str(inner)])
                spanned.append(item)
                item.setToolTip(0, str(inner))
                item.setData(0, PATH_ROLE, f"{path}[{number}]")
                self.leaves[f"{path}[{number}]"] = item

    def _leaf(self, item: QTreeWidgetItem, key: str, path: str, value: object) -> None:
        shown = shown_value(key, value)
        item.setText(1, shown)
        item.setToolTip(1, shown)  # whole, where a narrow window cuts it short
        item.setData(0, PATH_ROLE, path)
        if isinstance(value, int):
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.leaves[path] = item

    def value_at(self, path: str) -> str:
        """The text shown for the value at a JSON path, e.g. "figures.received.stage1"."""
        item = self.leaves[path]
        return item.text(0) if item.isFirstColumnSpanned() else item.text(1)

    def clear_payload(self) -> None:
        self.leaves = {}
        self.clear()

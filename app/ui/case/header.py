"""The top of a concern's workspace: its reference, stage, status and next deadline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from app.core.records import Anonymity
from app.ui.base.formatting import format_day, stage_label, status_label
from app.ui.base.theme import set_chip
from app.ui.case.context import CaseContext
from app.ui.case.deadline_text import describe
from app.ui.case.fields import heading, value_label


class WorkspaceHeader(QWidget):
    back_requested = Signal()
    log_requested = Signal()
    letter_requested = Signal()
    summary_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = QPushButton(self.tr("← &Back to the list"))
        self.back.setAccessibleName(self.tr("Back to the list"))
        self.back.clicked.connect(self.back_requested.emit)
        self.log = QPushButton(self.tr("&Log a conversation…"))
        self.log.setAccessibleName(self.tr("Log a conversation"))
        self.log.setToolTip(self.tr("Ctrl+N"))
        self.log.clicked.connect(self.log_requested.emit)
        self.letter = QPushButton(self.tr("Write a le&tter…"))
        self.letter.setAccessibleName(self.tr("Write a letter to the person (shows the "
                                              "identity; a reason is asked)"))
        self.letter.clicked.connect(self.letter_requested.emit)
        self.summary = QPushButton(self.tr("Case su&mmary…"))
        self.summary.setAccessibleName(self.tr("Save a case summary as a PDF"))
        self.summary.clicked.connect(self.summary_requested.emit)
        self.reference = heading("", 1.5)
        self.reference.setAccessibleName(self.tr("Reference"))
        self.where = value_label(self.tr("Stage and status"))
        self.deadline = value_label(self.tr("Next deadline"))
        # A chip one line high: wrapped, all but its first words were cut off ("Next: Stage
        # 2"); on one line it is as wide as it says.
        self.deadline.setWordWrap(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.back, 0, 0)
        grid.addWidget(self.reference, 0, 1)
        grid.addWidget(self.letter, 0, 2)
        grid.addWidget(self.summary, 0, 3)
        grid.addWidget(self.log, 0, 4)
        grid.addWidget(self.where, 1, 1, 1, 4)
        grid.addWidget(self.deadline, 2, 1, 1, 4, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)

    def show_context(self, context: CaseContext) -> None:
        detail = context.detail
        self.reference.setText(detail.reference)
        stage = detail.stages[-1].stage if detail.stages else "none"
        parts = [stage_label(stage), status_label(detail.closure),
                 self.tr(Anonymity(detail.anonymity).label),
                 self.tr("received %1").replace("%1", format_day(detail.received_on))]
        if detail.demo:
            parts.append(self.tr("demo"))
        if detail.read_only:  # handed over or destroyed: kept read-only here
            parts.append(detail.read_only)
        self.where.setText(" · ".join(parts))
        for button in (self.log, self.letter, self.summary):
            button.setEnabled(True)
        self.letter.setEnabled(detail.has_person)  # letters are addressed to a named person
        self.log.setEnabled(not detail.read_only)
        upcoming = context.next_deadline()
        if upcoming is None:
            self.deadline.setText(self.tr("No deadline pending."))
            set_chip(self.deadline, None)
            return
        text = describe(upcoming, context.today, context.calendar)
        self.deadline.setText(self.tr("Next: %1 by %2 (%3)").replace("%1", text.what)
                              .replace("%2", format_day(upcoming.due)).replace("%3", text.status))
        # A status chip: red overdue, yellow due today, amber soon, green otherwise.
        due_today = upcoming.due == context.today and text.level != "overdue"
        set_chip(self.deadline, "today" if due_today else {
            "overdue": "overdue", "late": "overdue", "soon": "soon"}.get(text.level, "ok"))

    def forget(self) -> None:
        for label in (self.reference, self.where, self.deadline):
            label.clear()
        set_chip(self.deadline, None)
        for button in (self.log, self.letter, self.summary):
            button.setEnabled(False)

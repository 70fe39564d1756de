"""Checking the whole casebook's case text for identifying text, and putting it right.

"Check every concern" scans every free-text field of every record (drafts too) on the
worker, with progress and Cancel (app/services/identity_check.py, the same code as
`casebook check --identity`). Each finding is listed by concern, record, field and what
it mentions, never the words; "Replace in this field" puts C and [name] in that one field
(audited by field and kind). A check that could not finish says so: it never claims that
nothing was found.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services import identity_check
from app.services.identity_check import IdentityCheckReport, TextFinding
from app.ui.base.form_feedback import FieldMessage
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.case.identity_notice import listed, what_found
from app.ui.session import Session


class IdentityCheckPanel(QWidget):
    open_concern = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.findings: list[TextFinding] = []
        self.report: IdentityCheckReport | None = None
        self.forgotten = False
        intro = QLabel(self.tr(
            "Check every concern's text (notes, summaries, findings, learning, drafts and the "
            "rest) against everyone held in the identity store, your lists and the patterns "
            "of contact details, CHI numbers and dates of birth. A name given after notes "
            "were written is found in them too."))
        intro.setWordWrap(True)
        self.check_button = QPushButton(self.tr("C&heck every concern"))
        self.check_button.setAccessibleName(self.tr("Check every concern for identifying text"))
        self.replace_button = QPushButton(self.tr("Re&place in this field"))
        self.replace_button.setAccessibleName(self.tr(
            "Replace what was found in the selected field: C's name with C, others with [name]"))
        self.open_button = QPushButton(self.tr("Open the &concern"))
        self.open_button.setAccessibleName(self.tr("Open the concern of the selected finding"))
        self.progress = WorkProgress()
        self.result = FieldMessage(self.tr("What the check found"))
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Identifying text found"))
        self.table.setHorizontalHeaderLabels([self.tr("Concern"), self.tr("Record"),
                                              self.tr("Field"), self.tr("What it mentions")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.fontMetrics().height() * 10)
        self.table.itemSelectionChanged.connect(self._arrange)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        self.check_button.clicked.connect(self.check)
        self.replace_button.clicked.connect(self.replace_selected)
        self.open_button.clicked.connect(self._open)
        self._enabled = False
        self._arrange()

    # ----- checking ----------------------------------------------------------------------

    def check(self) -> None:
        if self.progress.busy or not self._enabled:
            return
        ticket = WorkTicket()
        session = self.session

        def job(state: WorkerState) -> IdentityCheckReport:
            return identity_check.check_casebook(session.book(state),
                                                 on_progress=ticket.progress,
                                                 cancelled=ticket.cancelled)

        self.result.show_note(None)
        self.progress.start(self.tr("Checking every concern's text…"), ticket)
        self._arrange()
        session.read(job, self._checked, self._failed)

    def _checked(self, report: Any) -> None:
        if self.forgotten or not isValid(self):
            return
        self.progress.stop()
        if isinstance(report, IdentityCheckReport):
            self.report = report
            self.show_findings(list(report.findings))
            if report.findings:
                found = len(report.findings)
                self.result.show_problem(self.tr(
                    "1 piece of text may identify someone. Replace it, or open its concern "
                    "to edit it.") if found == 1 else self.tr(
                    "%1 pieces of text may identify someone. Replace each, or open its "
                    "concern to edit it.").replace("%1", str(found)))
            else:
                self.result.show_note(self.tr(
                    "Checked %1 pieces of text: nothing that identifies anyone was found.")
                    .replace("%1", f"{report.pieces:,}"))
        self._arrange()

    def _failed(self, message: str) -> None:
        if self.forgotten or not isValid(self):
            return
        self.progress.stop()
        self.result.show_problem(message)  # never "nothing found" for a check that stopped
        self._arrange()

    def show_findings(self, findings: list[TextFinding]) -> None:
        self.findings = findings
        self.table.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            cells = (finding.reference or self.tr("(not yet recorded)"), finding.record,
                     self.tr(finding.label),
                     self.tr("mentions %1").replace(
                         "%1", listed([what_found(k) for k in finding.kinds])))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self._arrange()

    def selected(self) -> TextFinding | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.findings):
            return None
        return self.findings[rows[0].row()]

    # ----- replacing ---------------------------------------------------------------------

    def replace_selected(self) -> None:
        finding = self.selected()
        if finding is None or self.progress.busy:
            return
        index = self.findings.index(finding)
        session = self.session

        def job(state: WorkerState) -> TextFinding | None:
            return identity_check.replace_finding(session.book(state), finding)

        def done(left: Any) -> None:
            if self.forgotten or not isValid(self):
                return
            findings = list(self.findings)
            if isinstance(left, TextFinding):
                findings[index] = left
            else:
                findings.pop(index)
            self.show_findings(findings)
            if findings:
                self.table.selectRow(min(index, len(findings) - 1))
            self.result.show_note(self.tr("Replaced in %1 of %2. %n left to look at.", "",
                                          len(findings))
                                  .replace("%1", finding.label)
                                  .replace("%2", finding.reference or finding.record))

        session.write(job, done, self._failed, finding.concern_id)

    def _open(self) -> None:
        finding = self.selected()
        if finding is not None and finding.concern_id is not None:
            self.open_concern.emit(finding.concern_id)

    def _arrange(self) -> None:
        busy = self.progress.busy
        finding = self.selected()
        self.check_button.setEnabled(self._enabled and not busy)
        self.replace_button.setEnabled(self._enabled and not busy and finding is not None)
        self.open_button.setEnabled(self._enabled and not busy and finding is not None
                                    and finding.concern_id is not None)

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._arrange()

    def forget(self) -> None:
        """On lock: stop listening, drop every finding."""
        self.forgotten = True
        if self.progress.ticket is not None:
            self.progress.ticket.cancel()
        self.progress.stop()
        self.findings = []
        self.report = None
        self.table.setRowCount(0)
        self.result.show_note(None)
        self._enabled = False
        self._arrange()

"""Import a spreadsheet log (.csv or .xlsx): check it whole, then import it whole, or nothing.

"Check" runs a dry run on the worker (app.importing.import_spreadsheet, the same
code as `casebook import --dry-run`), with progress and Cancel, and lists every
problem: row, column, value, and what is expected (a name, email or phone
number is never repeated: the row and column say where). The table copies as
tab-separated text. "Import" is offered only after a clean check, and runs the
real import (one transaction: everything or nothing) with progress and Cancel;
a cancelled import writes nothing. A file can be chosen or dropped onto the
dialog. The templates can be saved from here.

Open with `ImportDialog(session, parent).open()` (window-modal). `imported`
carries the number of concerns written; session.write tells every view the
casebook changed. forget() (on lock) cancels any work and closes the dialog.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.importing import ImportReport, import_spreadsheet
from app.importing.templates import template_path
from app.store.errors import CasebookError
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    FieldMessage,
    ask_save_file,
    fit_height,
    heading_font,
    plain_buttons,
    text_width,
)
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.reports.files import default_folder, remember_folder, with_suffix
from app.ui.reports.tables import CopyableTable
from app.ui.session import Session

SUFFIXES = (".csv", ".xlsx")


def _dropped_sheet(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local .csv or .xlsx file being dragged, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in SUFFIXES else None


class ImportDialog(AsksBeforeClosing, QDialog):
    lock_requested = Signal()
    imported = Signal(int)  # concerns written

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.report: ImportReport | None = None  # the last check or import
        self.forgotten = False
        self._serial = 0
        self.setWindowTitle(self.tr("Import a spreadsheet log"))
        self.setAccessibleName(self.tr("Import a spreadsheet log"))
        self.setAcceptDrops(True)

        heading = QLabel(self.tr("Import a spreadsheet log"))
        heading.setFont(heading_font(self, 1.3))
        explain = QLabel(self.tr(
            "Bring concerns in from a .csv or .xlsx file laid out like the template. The whole "
            "file is checked first, and nothing is imported while any problem remains. Rows "
            "already in the casebook (the same reference and content) are left as they are. "
            "Names, emails and phone numbers go to the identity store, as if typed in."))
        explain.setWordWrap(True)

        self.save_csv_template = QPushButton(self.tr("Save the C&SV template…"))
        self.save_csv_template.setAccessibleName(self.tr("Save the CSV template"))
        self.save_xlsx_template = QPushButton(self.tr("Save the &Excel template…"))
        self.save_xlsx_template.setAccessibleName(self.tr("Save the Excel template"))
        templates = QHBoxLayout()
        templates.addWidget(QLabel(self.tr("Templates:")))
        templates.addWidget(self.save_csv_template)
        templates.addWidget(self.save_xlsx_template)
        templates.addStretch(1)

        self.file_field = QLineEdit()
        self.file_field.setReadOnly(True)
        self.file_field.setPlaceholderText(self.tr("Choose a file, or drag one onto this window"))
        self.file_field.setAccessibleName(self.tr("The file to import"))
        self.file_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.choose_button = QPushButton(self.tr("C&hoose file…"))
        self.choose_button.setAccessibleName(self.tr("Choose the file to import"))
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.choose_button)
        file_row = QHBoxLayout()
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(self.choose_button)
        self.check_button = QPushButton(self.tr("Chec&k the file"))
        self.check_button.setAccessibleName(self.tr("Check the file without importing"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import the checked file"))
        self.pseudonymise = QCheckBox(self.tr("Re&place names in case text with C and [name]"))
        self.pseudonymise.setAccessibleName(self.tr(
            "Replace each row's own person's name with C and other held names with [name]"))
        self.pseudonymise.setToolTip(self.tr(
            "Otherwise a summary or note that names someone is a problem to put right in the "
            "file. Email addresses, phone and CHI numbers nobody holds are never replaced."))
        self.pseudonymise.toggled.connect(self._pseudonymise_toggled)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.pseudonymise)
        actions.addStretch(1)
        file_box = QGroupBox(self.tr("The file"))
        file_column = QVBoxLayout(file_box)
        file_column.addLayout(file_row)
        file_column.addLayout(actions)
        file_column.addLayout(templates)

        self.progress = WorkProgress()
        self.summary = FieldMessage(self.tr("What the check or import found"))
        self.problems = CopyableTable(self.tr("Problems found in the file"), [
            self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem"),
            self.tr("Expected")])
        header = self.problems.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems.setMinimumHeight(self.fontMetrics().height() * 10)
        self.copy_button = QPushButton(self.tr("Cop&y the problems"))
        self.copy_button.setAccessibleName(self.tr("Copy the problems as text"))
        self.problems_box = QGroupBox(self.tr("Problems to put right in the file"))
        problems = QVBoxLayout(self.problems_box)
        problems.addWidget(self.problems, 1)
        problems.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problems_box.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(file_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_box, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.copy_button.clicked.connect(self.problems.copy)
        self.save_csv_template.clicked.connect(lambda: self.save_template("csv"))
        self.save_xlsx_template.clicked.connect(lambda: self.save_template("xlsx"))
        order = (self.choose_button, self.check_button, self.import_button, self.pseudonymise,
                 self.save_csv_template, self.save_xlsx_template, self.progress.cancel_button,
                 self.problems, self.copy_button, self.close_button)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.setMinimumWidth(text_width(self, 100))
        self.resize(text_width(self, 110), self.fontMetrics().lineSpacing() * 24)
        self._update_controls()
        self.choose_button.setFocus()
        plain_buttons(self)
        self.settle()

    # ----- the file ----------------------------------------------------------------------

    def choose_file(self) -> None:
        if self.busy:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the spreadsheet to import"), str(default_folder()),
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        if chosen:
            remember_folder(Path(chosen))
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        """A new file: whatever was found for the last one no longer applies."""
        self.path = path
        self.file_field.setText(str(path))
        self.report = None
        self._show_report(None)
        self.summary.show_note(self.tr("Check the file to see what would be imported."))
        self._update_controls()
        self.check_button.setFocus()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if not self.busy and _dropped_sheet(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = _dropped_sheet(event)
        if self.busy or path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.set_file(path)

    # ----- checking and importing --------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.progress.busy

    def check(self) -> None:
        self._run(dry_run=True)

    def run_import(self) -> None:
        report = self.report
        if report is None or not (report.dry_run and report.ok and report.new):
            return
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        path = self.path
        if path is None or self.busy:
            return
        ticket = WorkTicket()
        session = self.session
        today = session.today()
        self._serial += 1
        serial = self._serial

        pseudonymise = self.pseudonymise.isChecked()

        def job(state: WorkerState) -> ImportReport:
            return import_spreadsheet(session.book(state), path, dry_run=dry_run,
                                      on_progress=ticket.progress, cancelled=ticket.cancelled,
                                      today=today, pseudonymise=pseudonymise)

        def done(report: Any) -> None:
            if not isValid(self) or self.forgotten or serial != self._serial:
                return
            self.progress.stop()
            if isinstance(report, ImportReport):
                self.report = report
                self._show_report(report)
                if not dry_run and report.imported:
                    self.settle()  # imported: closing now loses nothing
                    self.imported.emit(report.imported)
            self._update_controls()

        def failed(message: str) -> None:
            if not isValid(self) or self.forgotten or serial != self._serial:
                return
            self.progress.stop()
            if ticket.cancelled():
                self.report = None
                self._show_report(None)
                self.summary.show_note(
                    self.tr("The check was cancelled.") if dry_run else
                    self.tr("The import was cancelled: nothing was imported."))
            else:
                self.summary.show_problem(message)
            self._update_controls()

        self.summary.show_note(None)
        self.progress.start(self.tr("Checking %1…").replace("%1", path.name) if dry_run
                            else self.tr("Importing %1…").replace("%1", path.name), ticket)
        self._update_controls()
        if dry_run:
            session.read(job, done, failed)
        else:
            session.write(job, done, failed)

    # ----- showing -----------------------------------------------------------------------

    def _show_report(self, report: ImportReport | None) -> None:
        if report is None:
            self.problems.clear_rows()
            self.problems_box.setVisible(False)
            self.summary.show_note(None)
            return
        rows = [[str(p.row) if p.row is not None else self.tr("(headings)"),
                 p.shown_column or self.tr("(whole row)"), p.shown_value,
                 (self.tr("Conflict: ") if p.kind == "conflict" else "") + p.issue,
                 p.expected] for p in report.problems]
        rows += [[str(r.row), r.column, self.tr("(not shown)"),
                  self.tr("Replaced: %1").replace("%1", r.message.split(": ", 1)[1]), ""]
                 for r in report.replacements]
        self.problems.set_rows(rows)
        self.problems_box.setVisible(bool(rows))
        if rows:
            self._grow(self.fontMetrics().lineSpacing() * 36)
        text = report.summary()
        if report.unlisted:
            rows.append(["", "", "", self.tr("…and %1 more problems, not listed").replace(
                "%1", f"{report.unlisted:,}"), ""])
            self.problems.set_rows(rows)
        if not report.ok:
            self.summary.show_problem(text + " " + self.tr(
                "Put them right in the spreadsheet, save it, and check it again."))
        elif report.dry_run and report.new:
            self.summary.show_note(text + " " + self.tr("Nothing has been written yet: press "
                                                        "Import to import it."))
        elif not report.dry_run and report.imported:
            self.summary.show_note(text + " " + self.tr(
                "They are in the concerns list now."))
        else:
            self.summary.show_note(text)

    def _grow(self, height: int) -> None:
        """Taller (never shorter) to show the problems, within the screen."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = screen.height() - 80 if screen is not None else height
        wanted = min(max(height, self.height()), limit)
        if wanted > self.height():
            self.resize(self.width(), wanted)
        fit_height(self)

    def _pseudonymise_toggled(self, _on: bool) -> None:
        """A check made the other way no longer says what an import would do."""
        if self.report is not None and not self.busy:
            self.report = None
            self._show_report(None)
            self._update_controls()

    def _update_controls(self) -> None:
        busy = self.busy
        report = self.report
        clean = (report is not None and report.dry_run and report.ok and bool(report.new))
        self.choose_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy and self.path is not None)
        self.import_button.setEnabled(not busy and clean)
        for button in (self.save_csv_template, self.save_xlsx_template):
            button.setEnabled(not busy)
        self.copy_button.setEnabled(self.problems.rowCount() > 0)
        self.close_button.setEnabled(True)
        done = report is not None and not report.dry_run and report.ok
        for button in (self.import_button, self.check_button, self.close_button):
            button.setDefault(False)
        if clean:
            self.import_button.setDefault(True)
        elif done:
            self.close_button.setDefault(True)
        elif self.path is not None:
            self.check_button.setDefault(True)

    # ----- templates ---------------------------------------------------------------------

    def save_template(self, kind: str) -> None:
        suffix = "." + kind
        name = "casebook import template" + suffix
        filters = (self.tr("CSV files (*.csv)") if kind == "csv"
                   else self.tr("Excel workbooks (*.xlsx)"))
        chosen = ask_save_file(self, self.tr("Save the template"), default_folder() / name,
                               filters)
        if chosen is None:
            return
        remember_folder(chosen)
        out = with_suffix(chosen, suffix)
        source = template_path(kind)

        def job(_state: WorkerState) -> Path:
            try:
                shutil.copyfile(source, out)
            except OSError as exc:
                raise CasebookError(f"Cannot save {out}: {exc.strerror or exc}.") from exc
            return out

        def done(path: Any) -> None:
            if isValid(self) and not self.forgotten:
                self.summary.show_note(self.tr("Saved the template to %1. Fill it in, then "
                                               "choose it here.").replace("%1", str(path)))

        def failed(message: str) -> None:
            if isValid(self) and not self.forgotten:
                self.summary.show_problem(message)

        self.session.read(job, done, failed)

    # ----- closing and locking -----------------------------------------------------------

    def reject(self) -> None:
        """Escape or Close: while working, cancel the work first (nothing is written)."""
        if self.busy and not self.forgotten:
            self.progress.cancel()
            return
        super().reject()

    def forget(self) -> None:
        """On lock: stop any work (nothing half-imported), drop what was found, and close."""
        self.forgotten = True
        if self.progress.ticket is not None:
            self.progress.ticket.cancel()
        self.progress.stop()
        self.report = None
        self.problems.clear_rows()
        self.summary.show_note(None)
        self.path = None
        self.file_field.clear()
        self.done(0)

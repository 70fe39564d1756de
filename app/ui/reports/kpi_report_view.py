"""Reports: the KPI figures for a period on screen, and the report saved as PDF or CSV.

The figures are read on the worker (app.services.reports, the same code as
`casebook report`) and shown exact, or, with "For publication", as they would be
published: protected on the worker when the box is first ticked, against every
earlier publication in the register, with the audit's finding shown before
saving. Saving makes the PDF or CSV from the very figures on screen, on the
worker with progress (a PDF can be cancelled), audits the export as
`export.report` and keeps a publication in the register. A report holds no
identity, so there is no password to offer.

The figures are read when the page is first shown after unlocking, and again
when the casebook changes; forget() drops every figure on lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.disclosure import (
    Cell,
    PublicationFigures,
    exact_report,
)
from app.core.identifying import Scanner
from app.core.periods import Period, quarter_of
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    ask_save_file,
    centred_page,
    heading_font,
)
from app.ui.base.formatting import period_text
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.reports.files import default_folder, remember_folder, safe_file_name, with_suffix
from app.ui.reports.kpi_tables import KpiTables
from app.ui.reports.period_chooser import PeriodChooser
from app.ui.session import Session

if TYPE_CHECKING:  # the PDF machinery loads when a report is first made, not at launch
    from app.documents.report_content import ReportContent
    from app.services.reports import KpiReport

_PAGE_WIDTH_CHARACTERS = 132


@dataclass
class LoadedReport:
    """One period's report: exact, and (once asked for) protected for publication."""

    period: Period
    report: KpiReport  # exact
    threshold: int
    exact: PublicationFigures
    exact_themes: dict[tuple[str, str], Cell]
    published: KpiReport | None = None
    published_view: PublicationFigures | None = None
    published_themes: dict[tuple[str, str], Cell] | None = None
    audit: str = ""  # what the disclosure audit found, in words
    refused: str = ""  # why the figures cannot be published, when they cannot

    @property
    def content(self) -> ReportContent:
        return self.report.content


def load_report(state: WorkerState, session: Session, period: Period) -> LoadedReport:
    """On the worker: the report content for `period` (no identity is read)."""
    from app.services.reports import load_kpi_report

    book = session.book(state)
    report = load_kpi_report(book, period, publication=False, today=session.today())
    exact = exact_report(report.content.figures, themes=report.content.themes)
    return LoadedReport(period, report, report.threshold, exact.view, dict(exact.themes))


def protect_loaded(state: WorkerState, session: Session, loaded: LoadedReport,
                   ticket: WorkTicket) -> LoadedReport:
    """On the worker: the loaded figures protected for publication (or why they cannot be)."""
    from dataclasses import replace

    from app.core.disclosure import DisclosureError
    from app.core.sdc import Cancelled
    from app.services.publication import PublicationRefused
    from app.services.reports import KpiReport, audit_sentence, audit_summary, protect_casebook
    from app.ui.base.work_progress import WorkCancelled

    book = session.book(state)
    try:
        protected, earlier = protect_casebook(book, loaded.period, loaded.content,
                                              loaded.threshold,
                                              on_progress=ticket.progress_or_stop,
                                              cancelled=ticket.cancelled)
    except Cancelled as exc:
        raise WorkCancelled() from exc
    except (DisclosureError, PublicationRefused) as exc:
        return replace(loaded, refused=str(exc))
    report = KpiReport(loaded.period, replace(loaded.content, protected=protected),
                       loaded.threshold, True, earlier)
    return replace(loaded, published=report, published_view=protected.view,
                   published_themes=dict(protected.themes),
                   audit=audit_sentence(audit_summary(report)))


class KpiReportView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self.session = session
        self.loaded: LoadedReport | None = None
        self._active = False  # unlocked and reloaded since the last forget()
        self._stale = True
        self._serial = 0
        self._saving = False
        self._protecting = False

        title = QLabel(self.tr("Reports"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "The INWO key performance indicators for a period, worked out from the concerns "
            "in this casebook. Nothing here identifies anyone."))
        intro.setWordWrap(True)

        self.chooser = PeriodChooser(allow_dates=True)

        self.publication = QCheckBox(self.tr("For p&ublication (hide small numbers)"))
        self.publication.setAccessibleName(self.tr("For publication: hide small numbers"))
        self.publication_note = FieldMessage(self.tr("What for publication means"))
        self.save_pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.save_pdf_button.setAccessibleName(self.tr("Save the KPI report as a PDF"))
        self.save_csv_button = QPushButton(self.tr("Save as C&SV…"))
        self.save_csv_button.setAccessibleName(self.tr("Save the KPI figures as CSV"))
        output_box = QGroupBox(self.tr("Report"))
        output = QVBoxLayout(output_box)
        output.addWidget(self.chooser)
        output.addSpacing(self.fontMetrics().height() // 2)
        output.addWidget(self.publication)
        output.addWidget(self.publication_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_pdf_button)
        buttons.addWidget(self.save_csv_button)
        buttons.addStretch(1)
        output.addLayout(buttons)

        self.heading = QLabel()
        self.heading.setFont(heading_font(self, 1.2))
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Figures shown"))
        self.kpis = KpiTables()

        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(title)
        column.addWidget(intro)
        column.addWidget(output_box)
        column.addWidget(self.heading)
        column.addWidget(self.kpis)
        column.addStretch(1)
        self.scroll_area = centred_page(page, _PAGE_WIDTH_CHARACTERS, self.tr("Reports"))

        self.progress = WorkProgress()
        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Reports message"))
        bar = QHBoxLayout()
        bar.addWidget(self.busy, 1)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.message, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bar)

        self.chooser.changed.connect(self._period_changed)
        self.publication.toggled.connect(self._publication_toggled)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_csv_button.clicked.connect(self.save_csv)
        session.changed.connect(self._casebook_changed)
        order = (self.chooser.kind, self.chooser.year, self.chooser.quarter, self.chooser.start,
                 self.chooser.end, self.publication, self.save_pdf_button, self.save_csv_button,
                 *self.kpis.tables.values(), self.kpis.learning, self.progress.cancel_button)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._reset_period()
        self._update_controls()

    # ----- loading -----------------------------------------------------------------------

    def _reset_period(self) -> None:
        today = self.session.today()
        self.chooser.blockSignals(True)
        self.chooser.reset(today, quarter_of(today))
        self.chooser.blockSignals(False)

    def reload(self) -> None:
        """After unlocking: figures are read now if the page is on screen, else when shown."""
        if not self._active:
            self._reset_period()
        self._active = True
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._active and self._stale:
            self._load()

    def _casebook_changed(self, _concern_id: object) -> None:
        if self._active:
            self._stale = True
            if self.isVisible():
                self._load()

    def _period_changed(self) -> None:
        self.message.show_note(None)
        if self._active:
            self._load()

    def _load(self) -> None:
        period = self.chooser.period()
        self._serial += 1
        serial = self._serial
        if period is None:
            self.busy.stop()
            self.loaded = None
            self._show()
            return
        self._stale = False
        session = self.session
        self.busy.start(self.tr("Working out the figures for %1…").replace(
            "%1", period_text(period)))

        def done(result: Any) -> None:
            if serial == self._serial and isinstance(result, LoadedReport):
                self.busy.stop()
                self.loaded = result
                if self.publication.isChecked():
                    self._protect(result)
                self._show()

        def failed(message: str) -> None:
            if serial == self._serial:
                self.busy.stop()
                self.loaded = None
                self._show()
                self.message.show_problem(message)

        session.read(lambda state: load_report(state, session, period), done, failed)

    # ----- showing -----------------------------------------------------------------------

    def _publication_toggled(self) -> None:
        loaded = self.loaded
        if (self.publication.isChecked() and loaded is not None and loaded.published is None
                and not loaded.refused):
            self._protect(loaded)
        self._show()

    def _protect(self, loaded: LoadedReport) -> None:
        """Protect the figures on the worker (with progress and Cancel), then show them."""
        if self._protecting:
            return
        self._protecting = True
        serial = self._serial
        ticket = WorkTicket()
        session = self.session
        self.progress.start(self.tr("Checking the figures against earlier publications…"),
                            ticket, cancellable=True)

        def done(result: Any) -> None:
            self._protecting = False
            self.progress.stop()
            if serial == self._serial and isinstance(result, LoadedReport):
                self.loaded = result
                self._show()

        def failed(message: str) -> None:
            self._protecting = False
            self.progress.stop()
            if serial == self._serial:
                self.publication.setChecked(False)
                self.message.show_problem(
                    self.tr("Cancelled: the figures were not protected.")
                    if ticket.cancelled() else message)

        session.read(lambda state: protect_loaded(state, session, loaded, ticket), done,
                     failed)
        self._update_controls()

    def _show(self) -> None:
        loaded = self.loaded
        publication = self.publication.isChecked()
        waiting = publication and loaded is not None and loaded.published is None
        if loaded is None:
            self.heading.clear()
            self.kpis.clear()
        elif waiting:
            self.heading.setText(period_text(loaded.period))
            self.kpis.clear()
        else:
            content = loaded.content
            self.heading.setText(period_text(loaded.period))
            view = loaded.published_view if publication else loaded.exact
            themes = loaded.published_themes if publication else loaded.exact_themes
            assert view is not None and themes is not None
            # Masked on the worker already (app.store.report_figures.learning_statements).
            learning = ([Scanner.patterns_only().mask(s) for s in content.learning]
                        if publication else list(content.learning))
            self.kpis.show_figures(view, themes, learning, publication)
        threshold = loaded.threshold if loaded is not None else None
        if publication and loaded is not None and loaded.refused:
            self.publication_note.show_problem(self.tr(
                "These figures cannot be published: %1").replace("%1", loaded.refused))
        elif waiting:
            self.publication_note.show_note(self.tr(
                "Checking the figures against earlier publications…"))
        elif publication and threshold is not None and loaded is not None:
            self.publication_note.show_note(self.tr(
                "Numbers from 1 to %1 are hidden (the small-number threshold is %2, set in "
                "Settings), and other numbers too, so that none can be worked out from the "
                "rest of this report or from earlier publications. Hidden figures show as *; "
                "percentages and averages made from them are hidden too. %3")
                .replace("%1", str(threshold - 1)).replace("%2", str(threshold))
                .replace("%3", loaded.audit))
        elif publication:
            self.publication_note.show_note(self.tr(
                "Small numbers are hidden so that nobody can be identified."))
        else:
            self.publication_note.show_note(self.tr(
                "Internal: exact figures, not for publication. Tick this box to hide small "
                "numbers before sharing the report outside the organisation."))
        self._update_controls()

    def _update_controls(self) -> None:
        loaded = self.loaded
        ready = loaded is not None and not self._saving and not self._protecting and (
            not self.publication.isChecked() or loaded.published is not None)
        self.save_pdf_button.setEnabled(ready)
        self.save_csv_button.setEnabled(ready)

    # ----- saving ------------------------------------------------------------------------

    def _ask(self, kind: str) -> Path | None:
        loaded = self.loaded
        if loaded is None or self._saving:
            return None
        publication = self.publication.isChecked()
        name = self.tr("KPI report %1").replace("%1", loaded.period.label)
        if publication:
            name += self.tr(" for publication")
        suffix = "." + kind
        filters = (self.tr("PDF files (*.pdf)") if kind == "pdf"
                   else self.tr("CSV files (*.csv)"))
        chosen = ask_save_file(self, self.tr("Save the KPI report"),
                               default_folder() / (safe_file_name(name) + suffix), filters)
        if chosen is None:
            return None
        remember_folder(chosen)
        return with_suffix(chosen, suffix)

    def save_pdf(self) -> None:
        self._save("pdf")

    def save_csv(self) -> None:
        self._save("csv")

    def _save(self, kind: str) -> None:
        path = self._ask(kind)
        loaded = self.loaded
        if path is None or loaded is None:
            return
        publication = self.publication.isChecked()
        report = loaded.published if publication else loaded.report
        if report is None:
            return
        ticket = WorkTicket()
        session = self.session

        def job(state: WorkerState) -> Path:
            from app.services.reports import save_kpi_report

            book = session.book(state)
            save_kpi_report(book, report, pdf=path if kind == "pdf" else None,
                            csv=path if kind == "csv" else None, today=session.today(),
                            on_progress=ticket.progress_or_stop)
            return path

        doing = self.tr("Making the PDF…") if kind == "pdf" else self.tr("Saving the figures…")
        self._run(job, ticket, doing, loaded, publication, cancellable=kind == "pdf")

    def _run(self, job: Any, ticket: WorkTicket, doing: str, loaded: LoadedReport,
             publication: bool, *, cancellable: bool) -> None:
        self._saving = True
        self.message.show_note(None)
        self.progress.start(doing, ticket, cancellable=cancellable)
        self._update_controls()

        def done(path: Any) -> None:
            self._finish()
            if not self._active:
                return
            kind = (self.tr("for publication, with small numbers hidden") if publication
                    else self.tr("internal, with exact figures: not for publication"))
            self.message.show_note(self.tr("Saved the report for %1 (%2) to %3.")
                                   .replace("%1", period_text(loaded.period))
                                   .replace("%2", kind)
                                   .replace("%3", str(path)))

        def failed(message: str) -> None:
            self._finish()
            if self._active:
                self.message.show_problem(
                    self.tr("Cancelled; nothing was saved.") if ticket.cancelled() else message)

        self.session.write(job, done, failed)

    def _finish(self) -> None:
        self._saving = False
        self.progress.stop()
        self._update_controls()

    # ----- forgetting --------------------------------------------------------------------

    def forget(self) -> None:
        """On lock: drop every figure and statement held, and stop any work in progress."""
        if self.progress.ticket is not None:
            self.progress.ticket.cancel()
        self._serial += 1
        self._active = False
        self._stale = True
        self._saving = False
        self._protecting = False
        self.loaded = None
        self.progress.stop()
        self.busy.stop()
        self.heading.clear()
        self.kpis.clear()
        self.message.show_note(None)
        self.publication.blockSignals(True)
        self.publication.setChecked(False)
        self.publication.blockSignals(False)
        self.publication_note.show_note(None)
        self._update_controls()

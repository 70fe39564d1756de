"""What a KPI report shows, read from a casebook: the figures, learning and statements.

Apart from the PDF (app/documents/kpi_report.py) so that the Reports page can show the
figures without loading reportlab or the disclosure-control solver: on the worker, those
imports hold the interpreter lock in long pieces (loading their compiled libraries) while
the window waits for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from app.core.kpi import Figures
from app.core.periods import Period
from app.core.thresholds import THRESHOLD_SETTING, threshold_from_setting
from app.store.casebook import Casebook
from app.store.report_figures import learning_statements, report_figures

if TYPE_CHECKING:
    from app.core.disclosure import ProtectedReport


@dataclass(frozen=True)
class ReportContent:
    """Everything a KPI report shows; nothing in it identifies a person."""

    figures: Figures  # the KPI dict (core/kpi.py shape, with by_service)
    organisation: str
    unit: str  # the reporting unit, or the board's name
    period_label: str
    generated_on: date
    themes: Mapping[str, Figures] = field(default_factory=dict)  # theme code -> KPI block
    learning: Sequence[str] = ()  # approved, publishable learning statements
    statements: Mapping[str, str] = field(default_factory=dict)  # learning/experience/awareness
    front_notes: Sequence[str] = ()  # said on the first page (a board: units missing)
    units: Mapping[str, Figures] = field(default_factory=dict)  # board: each unit's figures
    headcount: int | None = None  # staff headcount for KPI 4's rate per 1,000 staff
    unit_headcounts: Mapping[str, int] = field(default_factory=dict)
    title: str = "Whistleblowing key performance indicators"
    # For publication: the figures as protected against the publication register (made by
    # app.services.publication); without it a publication is protected on its own.
    protected: ProtectedReport | None = None

    @property
    def period_dates(self) -> str:
        from app.documents.layout import long_date

        span = self.figures["period"]
        return (f"{long_date(date.fromisoformat(span['from']))} to "
                f"{long_date(date.fromisoformat(span['to']))}")



def report_content(book: Casebook, period: Period, *, today: date | None = None,
                   statements: Mapping[str, str] | None = None) -> ReportContent:
    """A contact's report content, read from an open casebook (no identity is read)."""
    figures, themes = report_figures(book, period)
    return ReportContent(
        figures=figures,
        organisation=book.setting("organisation", "") or "",
        unit=book.setting("reporting_unit", "") or "",
        period_label=period.label,
        generated_on=today or date.today(),
        themes=themes,
        learning=learning_statements(book, period),
        statements=dict(statements or {}),
    )


def casebook_threshold(book: Casebook) -> int:
    return threshold_from_setting(book.setting(THRESHOLD_SETTING))

"""The contact's KPI report: made, protected for publication, written and audited in one place.

`casebook report` and the Reports page both call these:

- `load_kpi_report(book, period, publication=...)`: the report's content; for
  publication, protected (on the calling thread: a worker in the GUI) against every
  earlier release in the casebook's publication register (app.services.publication).
- `save_kpi_report(book, report, pdf=..., csv=...)`: write the PDF and/or CSV of that
  very content, note the export in the audit log, and, for publication, keep its release
  in the register (once, however many files were made of it).
- `audit_summary(report)`: what the audit found, for `--json` and the screen.

The figures alone (the Reports page's first view) load neither reportlab nor the
disclosure-control solver: their libraries load when a publication or a file is made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.periods import Period
from app.documents.report_content import ReportContent
from app.store.casebook import Casebook

if TYPE_CHECKING:  # the solver and reportlab load when a publication or a file is made
    from app.core.disclosure import ProtectedReport

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class KpiReport:
    period: Period
    content: ReportContent  # content.protected is set for publication
    threshold: int
    publication: bool
    earlier: int = 0  # earlier releases it was checked against


def load_kpi_report(book: Casebook, period: Period, *, publication: bool,
                    today: date | None = None, on_progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> KpiReport:
    """The report for `period`, protected for publication when asked."""
    from app.documents.report_content import casebook_threshold, report_content

    content = report_content(book, period, today=today)
    threshold = casebook_threshold(book)
    if not publication:
        return KpiReport(period, content, threshold, False)
    protected, earlier = protect_casebook(book, period, content, threshold,
                                          on_progress=on_progress, cancelled=cancelled)
    return KpiReport(period, replace(content, protected=protected), threshold, True, earlier)


def protect_casebook(book: Casebook, period: Period, content: ReportContent, threshold: int,
                     *, on_progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None
                     ) -> tuple[ProtectedReport, int]:
    """The content's figures protected against the register; how many earlier releases
    they were checked against."""
    from app.core.disclosure import DisclosureError, protect_report
    from app.services.publication import earlier_releases, linked_figures, linked_periods
    from app.store.report_figures import figures_by_period

    earlier = earlier_releases(book, period)
    linked = linked_periods(period, earlier)

    def figures_of(periods: Any) -> Mapping[str, Any]:
        return {label: (figures, {}, themes)
                for label, (figures, themes) in figures_by_period(book, periods).items()}

    try:
        protected = protect_report(
            content.figures, threshold, None, dict(content.themes) or None, earlier,
            period=period.label, linked=linked_figures(linked, figures_of),
            parts=linked.parts, on_progress=on_progress, cancelled=cancelled)
    except DisclosureError:
        raise
    except ValueError as exc:  # figures that do not add up (they cannot, from a casebook)
        raise DisclosureError(str(exc)) from None
    return protected, len(earlier)


def save_kpi_report(book: Casebook, report: KpiReport, *, pdf: Path | None = None,
                    csv: Path | None = None, today: date | None = None,
                    on_progress: Progress | None = None) -> list[Path]:
    """Write the files asked for, audit the export, and register a publication."""
    from app.documents.kpi_report import render_kpi_report, report_csv
    from app.documents.protect import save_file, save_pdf

    written: list[Path] = []
    if pdf is not None:
        data = render_kpi_report(report.content, publication=report.publication,
                                 threshold=report.threshold, on_progress=on_progress)
        written.append(save_pdf(pdf, data))
    if csv is not None:
        text = report_csv(report.content, publication=report.publication,
                          threshold=report.threshold)
        written.append(save_file(csv, text.encode("utf-8")))
    book.record("export.report", "report", report.period.label,
                {"pdf": pdf is not None, "csv": csv is not None, "json": False,
                 "publication": report.publication})
    if report.publication and report.content.protected is not None and written:
        from app.services.publication import register, release_label

        who = report.content.unit or report.content.organisation or "Casebook"
        register(book, report.content.protected,
                 label=release_label("KPI report", who, report.period),
                 period=report.period, published_on=today or date.today())
    return written


def audit_summary(report: KpiReport) -> dict[str, Any]:
    """What the disclosure audit found (never a hidden value)."""
    protected = report.content.protected
    if protected is None or protected.publication is None:
        return {"publication": False}
    return publication_audit(protected, report.threshold, report.earlier)


def publication_audit(protected: ProtectedReport, threshold: int, earlier: int
                      ) -> dict[str, Any]:
    """Counts of what was hidden and why, and the narrowest interval a reader can put on a
    hidden small number (from the audit's integer programs); never a hidden value."""
    from app.core.sdc.primary import SMALL

    publication = protected.publication
    assert publication is not None
    result = publication.audit
    hidden = publication.hidden
    small = {k for k, r in result.protected.items() if k in hidden and r.reason == SMALL}
    group = {k for k in hidden if k in result.protected and k not in small}
    out: dict[str, Any] = {
        "publication": True,
        "passed": result.passed,
        "threshold": threshold,
        "hidden": len(hidden),
        "hidden_small": len(small),
        "hidden_zero_beside_a_small_group": len(group),
        "hidden_to_protect_others": len(hidden) - len(small) - len(group),
        "earlier_releases_checked": earlier,
    }
    intervals = [(i.high - i.low, k, i) for k, i in result.intervals.items() if k in small]
    if intervals:
        _, key, interval = min(intervals, key=lambda t: (t[0], t[1]))
        out["narrowest"] = {"where": publication.tables.cells[key].describe(),
                            "low": max(0, round(interval.low)),
                            "high": None if interval.high == float("inf")
                            else round(interval.high)}
    return out


def audit_sentence(summary: Mapping[str, Any]) -> str:
    """The audit in one plain sentence."""
    if not summary.get("publication"):
        return ""
    hidden = summary["hidden"]
    if hidden == 0:
        return "Checked: no figure needs hiding."
    text = (f"Checked: {hidden} figure{'s' if hidden != 1 else ''} hidden "
            f"({summary['hidden_small']} small, {summary['hidden_to_protect_others']} to "
            "protect them")
    if summary.get("hidden_zero_beside_a_small_group"):
        text += (f", {summary['hidden_zero_beside_a_small_group']} zeros that would show a "
                 "small group all alike")
    text += ")"
    earlier = summary.get("earlier_releases_checked", 0)
    if earlier:
        text += f", against {earlier} earlier publication{'s' if earlier != 1 else ''}"
    narrowest = summary.get("narrowest")
    if narrowest is not None:
        high = narrowest["high"]
        high_text = "any number" if high is None else str(high)
        text += (f"; the narrowest a reader can put a hidden small number is "
                 f"{narrowest['low']} to {high_text}")
    return text + "."

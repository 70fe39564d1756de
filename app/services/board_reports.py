"""The board's report: made, protected for publication, written and audited in one place.

`casebook board report` and the board window's Report page both call these:

- `load_board_report(board, period, publication=..., threshold=...)`: the board's figures
  (the all-units total with each unit beside it) as the report shows them; for
  publication, the learning statements pass the board's own scan first, and the figures
  are protected against every earlier release in the board's publication register and
  every unit's own register that came with its returns (app.services.publication), so
  that nothing hidden can be worked out by comparing them.
- `save_board_report(board, report, pdf=..., csv=...)`: write the files of that very
  content, audit them, and keep a publication in the register.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from app.core.disclosure import DisclosureError, ProtectedReport, protect_report
from app.core.periods import Period
from app.documents.report_content import ReportContent
from app.services.publication import (
    earlier_releases,
    linked_figures,
    linked_periods,
    register,
    release_label,
)
from app.store.board import Board

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BoardReport:
    period: Period
    doc: dict[str, Any]  # board_figures' document (exact)
    content: ReportContent  # content.protected is set for publication
    threshold: int
    publication: bool
    earlier: int = 0


def _never_publish(board: Board) -> tuple[str, ...]:
    from app.store.board_settings import never_publish

    return tuple(never_publish(board))


def load_board_report(board: Board, period: Period, *, publication: bool, threshold: int,
                      today: date | None = None, on_progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> BoardReport:
    from app.returns.board_output import board_report_content
    from app.returns.board_publication import check_publication
    from app.returns.board_report import board_figures

    doc = board_figures(board, period)
    content = board_report_content(doc, board.name, today)
    if not publication:
        return BoardReport(period, doc, content, threshold, False)
    check_publication(doc, _never_publish(board))
    protected, earlier = protect_board(board, period, content, threshold,
                                       on_progress=on_progress, cancelled=cancelled)
    return BoardReport(period, doc, replace(content, protected=protected), threshold, True,
                       earlier)


def protect_board(board: Board, period: Period, content: ReportContent, threshold: int, *,
                  on_progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> tuple[ProtectedReport, int]:
    """The board's figures protected against its register and its units' registers."""
    from app.returns.board_report import board_figures, figures_only

    earlier = earlier_releases(board, period)
    linked = linked_periods(period, earlier)

    def figures_of(periods: Any) -> Mapping[str, Any]:
        out = {}
        for p in periods:
            doc = board_figures(board, p)
            total = figures_only(doc)
            out[p.label] = (total, dict(doc["units"]), total.get("by_theme") or None)
        return out

    try:
        protected = protect_report(
            content.figures, threshold, dict(content.units) or None,
            dict(content.themes) or None, earlier, period=period.label,
            linked=linked_figures(linked, figures_of), parts=linked.parts,
            on_progress=on_progress, cancelled=cancelled)
    except DisclosureError:
        raise
    except ValueError as exc:  # the units' figures do not add up (refused at import)
        raise DisclosureError(str(exc)) from None
    return protected, len(earlier)


def save_board_report(board: Board, report: BoardReport, *, pdf: Path | None = None,
                      csv: Path | None = None, today: date | None = None) -> list[Path]:
    """Write the files asked for, audit each, and register a publication."""
    from app.documents.kpi_report import render_kpi_report, report_csv
    from app.returns.board_output import write_file

    written: list[Path] = []
    if csv is not None:
        write_file(csv, report_csv(report.content, publication=report.publication,
                                   threshold=report.threshold).encode("utf-8"))
        board.record("report.csv", "board", report.period.label,
                     {"publication": report.publication})
        written.append(csv)
    if pdf is not None:
        write_file(pdf, render_kpi_report(report.content, publication=report.publication,
                                          threshold=report.threshold))
        board.record("report.pdf", "board", report.period.label,
                     {"publication": report.publication})
        written.append(pdf)
    if report.publication and report.content.protected is not None and written:
        register(board, report.content.protected,
                 label=release_label("Board report", board.name, report.period),
                 period=report.period, published_on=today or date.today())
    return written

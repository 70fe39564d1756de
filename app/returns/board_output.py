"""The board's report as PDF and CSV: the contact's KPI report renderer, with units side by side.

One renderer (app.documents.kpi_report) and one disclosure control
(app.core.disclosure) serve the contact and the board: the board passes its
total with each unit's figures beside it, and with `publication` the units and
the total are protected together (the units add up to the total, so a hidden
cell must not be recoverable from either direction).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.documents.kpi_report import render_kpi_report, report_csv
from app.documents.report_content import ReportContent
from app.returns.board_publication import check_publication
from app.returns.board_report import figures_only
from app.store.atomic import write_atomic
from app.store.errors import CasebookError


def board_report_content(doc: dict[str, Any], board_name: str,
                         today: date | None = None) -> ReportContent:
    """What the KPI report shows for a board: from `board_figures`' document."""
    board = doc["board"]
    total = figures_only(doc)
    unit_headcounts = {name: info["headcount"] for name, info in board["units"].items()
                       if info["headcount"] and name in doc["units"]}
    return ReportContent(
        figures=total,
        organisation=board_name,
        unit=board_name,
        period_label=board["period"]["label"],
        generated_on=today or date.today(),
        themes=total["by_theme"],
        learning=[s for name in doc["units"] for s in board["units"][name]["learning"]],
        units=dict(doc["units"]),
        headcount=board["total"]["headcount"],
        unit_headcounts=unit_headcounts,
        title="Whistleblowing key performance indicators: all reporting units",
        front_notes=missing_note(doc),
    )


def missing_note(doc: dict[str, Any]) -> tuple[str, ...]:
    """Page 1 of a board's report: the units whose return for the period is not (all) in."""
    units = doc["board"]["units"]
    missing = [f"{name} (only {', '.join(r.rsplit('-', 1)[-1] for r in info['returns'])})"
               if info["status"] == "partial" else name
               for name, info in units.items() if info["status"] != "sent"]
    if not missing:
        return ()
    return ("Returns missing when this report was made (their figures are not in it): "
            + ", ".join(missing) + ".",)


def write_file(out: Path, data: bytes) -> None:
    """Write a report file whole (or not at all), saying plainly why it could not be."""
    _write(out, data)


def _write(out: Path, data: bytes) -> None:
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise CasebookError(f"Cannot write {out} ({exc.strerror or exc}).") from exc


def board_pdf(doc: dict[str, Any], board_name: str, *, publication: bool = False,
              threshold: int = 5, today: date | None = None,
              never_publish: Sequence[str] = ()) -> bytes:
    """The PDF; for publication, only once every learning statement passes the board's own
    scan (board_publication.check_publication: patterns and the never-publish list)."""
    if publication:
        check_publication(doc, never_publish)
    return render_kpi_report(board_report_content(doc, board_name, today),
                             publication=publication, threshold=threshold)


def board_csv(doc: dict[str, Any], board_name: str, *, publication: bool = False,
              threshold: int = 5, today: date | None = None,
              never_publish: Sequence[str] = ()) -> str:
    """One figure per row, for the board total (unit column empty) and for each unit; for
    publication, only once every learning statement passes the board's own scan."""
    if publication:
        check_publication(doc, never_publish)
    return report_csv(board_report_content(doc, board_name, today), publication=publication,
                      threshold=threshold)


def write_board_pdf(doc: dict[str, Any], out: Path, board_name: str, *,
                    publication: bool = False, threshold: int = 5,
                    never_publish: Sequence[str] = ()) -> None:
    _write(out, board_pdf(doc, board_name, publication=publication, threshold=threshold,
                          never_publish=never_publish))


def write_board_csv(doc: dict[str, Any], out: Path, board_name: str, *,
                    publication: bool = False, threshold: int = 5,
                    never_publish: Sequence[str] = ()) -> None:
    _write(out, board_csv(doc, board_name, publication=publication, threshold=threshold,
                          never_publish=never_publish).encode("utf-8"))

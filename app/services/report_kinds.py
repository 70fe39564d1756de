"""The board's report kinds (quarterly, annual, IJB, trends), made and written in one place
for the command line and the board window: build the model, protect it for publication
(the learning statements scanned first), render PDF and CSV, write each atomically, audit.
Also the board's own settings these reports read: its KPI 2 and 3 statements and each
period's due date, and the completeness of the returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.core.board_tables import (
    DEFAULT_RUN,
    KINDS,
    BoardReport,
    Key,
    flags,
    report_csv,
    report_json,
    shown_cells,
)
from app.core.disclosure import Cell
from app.core.periods import Period
from app.documents.board_reports import render_board_report
from app.returns.board_kinds import build_report
from app.returns.board_publication import PublicationRefused, statement_problems
from app.returns.board_report import Completeness, board_completeness
from app.store import board_reports
from app.store.atomic import write_atomic
from app.store.board import Board
from app.store.board_settings import never_publish
from app.store.errors import CasebookError

__all__ = ["KINDS", "MadeReport", "completeness", "completeness_json", "make_report",
           "set_due_date", "set_statement", "statements", "write_report"]


@dataclass(frozen=True)
class MadeReport:
    report: BoardReport
    shown: dict[Key, Cell]
    publication: bool
    threshold: int
    flags: tuple[str, ...]

    def pdf(self, today: date | None = None) -> bytes:
        return render_board_report(self.report, self.shown, publication=self.publication,
                                   threshold=self.threshold, flags=self.flags, today=today)

    def csv(self) -> str:
        return report_csv(self.report, publication=self.publication, threshold=self.threshold)

    def json(self) -> dict[str, Any]:
        return report_json(self.report)


def make_report(board: Board, kind: str, period: Period, *, unit: str | None = None,
                run: int = DEFAULT_RUN, publication: bool = False,
                threshold: int = 5) -> MadeReport:
    """A report kind for a period, exact or protected for publication. For publication the
    learning statements it prints are scanned first (PublicationRefused names any)."""
    report = build_report(board, kind, period, unit=unit, run=run)
    if publication and report.statements:
        problems = statement_problems(report.learning, never_publish(board))
        if problems:
            raise PublicationRefused(problems)
        _check_own_statements(board, report)
    try:
        shown = shown_cells(report, publication, threshold)
    except ValueError as exc:  # the disclosure control could not protect these figures
        raise CasebookError(str(exc) if str(exc).endswith(".") else f"{exc}.") from exc
    return MadeReport(report, shown, publication, threshold,
                      tuple(flags(report, shown)) if report.kind == "trends" else ())


def _check_own_statements(board: Board, report: BoardReport) -> None:
    """The board's own KPI 2 and 3 statements, scanned as the units' learning is (patterns
    and the never-publish list), before a publication carries them."""
    from app.core.identifying import Scanner

    scanner = Scanner.build((), never_publish=tuple(never_publish(board)))
    for kpi, text in statements(board, report.period_label).items():
        reasons = list(dict.fromkeys(f.reason for f in scanner.scan(text)))
        if reasons:
            raise CasebookError(f"Nothing was published: the board's statement for KPI {kpi} "
                                f"{'; '.join(reasons)}. Correct it (casebook board statement) "
                                "and publish again.")


def _write(out: Path, data: bytes) -> None:
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise CasebookError(f"Cannot write {out} ({exc.strerror or exc}).") from exc


def write_report(board: Board, made: MadeReport, *, pdf: Path | None = None,
                 csv: Path | None = None,
                 on_written: Callable[[str, Path], None] | None = None) -> None:
    """Write the PDF and/or CSV of a made report, each audited (kind, period, publication)."""
    detail: dict[str, object] = {"kind": made.report.kind, "publication": made.publication}
    outputs: list[tuple[str, Path | None, Callable[[], bytes]]] = [
        ("csv", csv, lambda: made.csv().encode("utf-8")), ("pdf", pdf, lambda: made.pdf())]
    for what, out, make in outputs:
        if out is None:
            continue
        _write(out, make())
        board.record(f"report.{what}", "board", made.report.period_label, detail)
        if on_written is not None:
            on_written(what, out)


# ----- the board's settings for its reports ---------------------------------------------------


def set_statement(board: Board, year: str, kpi: int, text: str) -> None:
    board_reports.set_statement(board, year, kpi, text)


def statements(board: Board, year: str) -> dict[int, str]:
    return board_reports.statements(board, year)


def set_due_date(board: Board, period: Period, due_on: date | None) -> None:
    board_reports.set_due_date(board, period.label, due_on)


def completeness(board: Board, period: Period, today: date | None = None
                 ) -> list[Completeness]:
    return board_completeness(board, period, today)


def completeness_json(board: Board, period: Period, today: date | None = None
                      ) -> dict[str, Any]:
    """`casebook board status --period P --json`: each unit's return, in words and codes."""
    due = board_reports.due_date(board, period.label)
    return {"period": period.label, "due_on": due.isoformat() if due else None, "units": [
        {"unit": c.unit, "state": c.state, "description": c.description,
         "returns": list(c.returns), "imported_at": c.imported_at,
         "superseded": c.replaced, "withdrawn": c.withdrawals}
        for c in completeness(board, period, today)]}

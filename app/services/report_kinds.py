"""The board's report kinds (quarterly, annual, IJB, trends), made and written in one place
for the command line and the board window: build the model, protect it for publication
(the learning statements scanned first), render PDF and CSV, write each atomically, audit.
Also the board's own settings these reports read: its KPI 2 and 3 statements and each
period's due date, and the completeness of the returns.

A publication is a release like the board's KPI report: its figures are mapped onto the
register's cells (app/core/board_release.py), protected against every earlier release
of the periods it prints (the board's own, those recorded by import and its units'),
with the unprinted periods that join them (each financial year it touches with its four
quarters), and, once its files are written, kept in the publication register.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from app.core.board_tables import (
    DEFAULT_RUN,
    KINDS,
    BoardReport,
    Key,
    flags,
    publication_report,
    report_csv,
    report_json,
    shown_cells,
)
from app.core.disclosure import Cell, Suppressed
from app.core.periods import Period, parse_period
from app.core.sdc import Protection, Publication, Release
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
    protected: Publication | None = None  # for publication: the engine's result
    periods: tuple[str, ...] = ()  # the periods it prints (those of its release)
    earlier: int = 0  # how many earlier releases it was protected against

    def pdf(self, today: date | None = None) -> bytes:
        return render_board_report(self.report, self.shown, publication=self.publication,
                                   threshold=self.threshold, flags=self.flags, today=today)

    def csv(self) -> str:
        return report_csv(self.report, publication=self.publication, threshold=self.threshold,
                          shown=self.shown)

    def release(self, label: str, published_on: date) -> Release | None:
        """The register's record of this publication (None for an internal report)."""
        if self.protected is None:
            return None
        return self.protected.release(label=label, periods=self.periods,
                                      published_on=published_on.isoformat())

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
    if not publication:
        shown = shown_cells(report, False, threshold)
        return MadeReport(report, shown, False, threshold,
                          tuple(flags(report, shown)) if report.kind == "trends" else ())
    try:
        report, shown, protected, earlier = _protect(board, report, threshold)
    except ValueError as exc:  # refused, or the engine could not protect these figures
        raise CasebookError(_sentence(str(exc))) from exc
    return MadeReport(report, shown, True, threshold,
                      tuple(flags(report, shown)) if report.kind == "trends" else (),
                      protected, tuple(sorted({k[5] for k in protected_keys(report)})),
                      earlier)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith(".") else f"{text}."


def protected_keys(report: BoardReport) -> list[Key]:
    return list(publication_report(report).cells)


def _earlier(board: Board, periods: Sequence[str]) -> list[Release]:
    """The earlier releases of any of `periods` (each once)."""
    from app.services.publication import earlier_releases
    from app.store.publications import digest_of

    found: dict[str, Release] = {}
    for label in periods:
        for release in earlier_releases(board, parse_period(label)):
            found.setdefault(digest_of(release, release.label), release)
    return list(found.values())


def _linked(periods: Sequence[str], earlier: Sequence[Release]) -> list[str]:
    """The periods not printed that join these to the earlier releases: each financial
    year they share with one, with its four quarters."""
    from app.services.publication import linked_periods

    out: dict[str, None] = {}
    for label in periods:
        for linked in linked_periods(parse_period(label), earlier).periods:
            if linked.label not in periods:
                out.setdefault(linked.label)
    return list(out)


def _sources(board: Board, periods: Sequence[str]
             ) -> dict[str, tuple[dict[str, Any], Mapping[str, Any]]]:
    """The board's figures (all units, and each unit's) for each period, as the board's KPI
    report has them (app.services.board_reports.protect_board)."""
    from app.returns.board_report import board_figures, figures_only

    out: dict[str, tuple[dict[str, Any], Mapping[str, Any]]] = {}
    for label in periods:
        doc = board_figures(board, parse_period(label))
        out[label] = (figures_only(doc), dict(doc["units"]))
    return out


def _protect(board: Board, report: BoardReport, threshold: int
             ) -> tuple[BoardReport, dict[Key, Cell], Publication, int]:
    """The report's figures protected against the board's publication register."""
    from app.core.board_release import kinds_tables
    from app.core.disclosure import DisclosureError
    from app.core.sdc.protect import protect

    public = publication_report(report)
    periods = sorted({k[5] for k in public.cells})
    earlier = _earlier(board, periods)
    linked = _linked(periods, earlier)
    made = kinds_tables(report, _sources(board, [*periods, *linked]), linked=linked,
                        earlier=earlier)
    published = protect(made.tables, Protection(threshold), earlier)
    if not published.audit.passed:
        raise DisclosureError("These figures cannot be published: " + published.audit.reason)
    hidden, primary = published.hidden, published.audit.protected
    shown: dict[Key, Cell] = {
        key: (Suppressed(made.keys[key] in primary) if made.keys[key] in hidden else value)
        for key, value in public.cells.items()}
    for key in report.cells:  # for the board's oversight only: never in a publication
        shown.setdefault(key, Suppressed(False))
    hidden_averages = frozenset(closed for closed, total in made.averages.items()
                                if total in hidden)
    return (replace(report, hidden_averages=hidden_averages), shown, published,
            len(earlier))


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


RELEASE_TITLES = {"quarterly": "Quarterly report", "annual": "Annual report",
                  "ijb": "IJB report", "trends": "Themes and trends report"}


def release_label(board: Board, report: BoardReport) -> str:
    """The register's name of a report kind's publication."""
    who = f"{board.name}, {report.unit}" if report.unit else board.name
    return f"{RELEASE_TITLES.get(report.kind, report.title)}: {who}, {report.period_label}"


def write_report(board: Board, made: MadeReport, *, pdf: Path | None = None,
                 csv: Path | None = None,
                 on_written: Callable[[str, Path], None] | None = None,
                 today: date | None = None) -> None:
    """Write the PDF and/or CSV of a made report, each audited (kind, period, publication);
    a publication is then kept in the board's publication register (once, however many
    files are written of it)."""
    from app.store import publications

    detail: dict[str, object] = {"kind": made.report.kind, "publication": made.publication}
    outputs: list[tuple[str, Path | None, Callable[[], bytes]]] = [
        ("csv", csv, lambda: made.csv().encode("utf-8")), ("pdf", pdf, lambda: made.pdf())]
    written = False
    for what, out, make in outputs:
        if out is None:
            continue
        _write(out, make())
        written = True
        board.record(f"report.{what}", "board", made.report.period_label, detail)
        if on_written is not None:
            on_written(what, out)
    release = made.release(release_label(board, made.report), today or date.today())
    if written and release is not None:
        publications.add(board, release, source=publications.MADE_HERE)


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

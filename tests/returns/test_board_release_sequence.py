"""A board's year of publications, in the order a board makes them, attacked together.

The KPI report for a quarter, the quarterly reports for two quarters, the annual report,
an IJB's report and the trends report each go to a different audience, and a reader may
hold them all. After each publication, an independent reader (tests/documents/
csv_attacker.py, written from the CSV columns' meanings, not from the engine) is given
every CSV published and must not narrow any hidden count from 1 to 4 to an interval that
misses 0 or 5. Attacked once, with all of them: a reader who holds fewer knows less, so
each interval is then at least as wide.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.core.periods import parse_period
from app.returns.board_import import import_return
from app.services.board_reports import load_board_report, save_board_report
from app.services.report_kinds import make_report, write_report
from app.store import publications
from app.store.board import Board
from tests.documents import csv_attacker
from tests.returns.return_helpers import Unit, new_board, synthetic_payload

Q1, Q2, YEAR = (parse_period(p) for p in ("2025-26-Q1", "2025-26-Q2", "2025-26"))
UNITS = ("Ayr contacts", "Bute contacts", "Clyde contacts")
TODAY = date(2026, 3, 31)


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    board = new_board(tmp_path_factory.mktemp("sequence") / "board")
    with board:
        for n, name in enumerate(UNITS):
            unit = Unit(name)
            board.register_unit(name, unit.public)
            for quarter, made in ((Q1, datetime(2025, 7, 8, tzinfo=UTC)),
                                  (Q2, datetime(2025, 10, 8, tzinfo=UTC))):
                payload = synthetic_payload(name, quarter.label, seed=n + 1, created=made)
                assert import_return(board, unit.sealed(payload, board.recipient())
                                     ).outcome == "imported"
        yield board


def _kpi(board: Board, out: Path, publication: bool) -> None:
    report = load_board_report(board, Q1, publication=publication, threshold=5)
    save_board_report(board, report, csv=out, today=TODAY)


def _kind(kind: str, period_label: str, unit: str | None = None
          ) -> Callable[[Board, Path, bool], None]:
    def make(board: Board, out: Path, publication: bool) -> None:
        made = make_report(board, kind, parse_period(period_label), unit=unit,
                           publication=publication, threshold=5)
        write_report(board, made, csv=out)
    return make


SEQUENCE = (("kpi-q1", _kpi), ("quarterly-q1", _kind("quarterly", Q1.label)),
            ("quarterly-q2", _kind("quarterly", Q2.label)), ("annual", _kind("annual", YEAR.label)),
            ("ijb-ayr", _kind("ijb", YEAR.label, UNITS[0])),
            ("trends", _kind("trends", YEAR.label)))


def test_a_year_of_the_board_s_publications_cannot_be_differenced(
        board: Board, tmp_path: Path) -> None:
    exact: list[str] = []
    published: list[str] = []
    for number, (name, make) in enumerate(SEQUENCE, start=1):
        make(board, tmp_path / f"{name}.exact.csv", False)
        make(board, tmp_path / f"{name}.csv", True)
        exact.append((tmp_path / f"{name}.exact.csv").read_text("utf-8"))
        published.append((tmp_path / f"{name}.csv").read_text("utf-8"))
        assert len(publications.listed(board)) == number  # each kept in the register
        rows = list(csv.DictReader(io.StringIO(published[-1])))
        assert any(row["value"] == "*" for row in rows), name  # something hidden in each
    found = csv_attacker.narrowed(exact, published, 5)
    assert found == [], f"{len(found)} hidden counts narrowed, e.g. {found[:3]}"

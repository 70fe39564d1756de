"""The board's report kinds are releases like its KPI report: protected against the board's
publication register and kept in it, so that a reader who has both cannot difference them.

Attacks use tests/documents/csv_attacker.py, a reader written from the CSV columns'
meanings alone (not the engine), on the very files the services write.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
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

Q1 = parse_period("2025-26-Q1")
UNITS = ("Ayr contacts", "Bute contacts", "Clyde contacts")
TODAY = date(2026, 3, 31)
SIGNERS: dict[str, Unit] = {}  # each unit's signing key, for a replacement return


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Board]:
    board = new_board(tmp_path / "board")
    with board:
        for n, name in enumerate(UNITS):
            unit = SIGNERS[name] = Unit(name)
            board.register_unit(name, unit.public)
            payload = synthetic_payload(name, Q1.label, seed=n + 1)
            assert import_return(board, unit.sealed(payload, board.recipient())
                                 ).outcome == "imported"
        yield board


def _kpi_report(board: Board, folder: Path, *, publication: bool) -> str:
    out = folder / ("kpi.csv" if publication else "kpi.exact.csv")
    report = load_board_report(board, Q1, publication=publication, threshold=5)
    save_board_report(board, report, csv=out, today=TODAY)
    return out.read_text("utf-8")


def _quarterly(board: Board, folder: Path, *, publication: bool) -> str:
    out = folder / ("quarterly.csv" if publication else "quarterly.exact.csv")
    made = make_report(board, "quarterly", Q1, publication=publication, threshold=5)
    write_report(board, made, csv=out)
    return out.read_text("utf-8")


def test_the_quarterly_report_and_the_kpi_report_cannot_be_differenced(
        board: Board, tmp_path: Path) -> None:
    exact = [_kpi_report(board, tmp_path, publication=False),
             _quarterly(board, tmp_path, publication=False)]
    # Each alone holds.
    published = [_kpi_report(board, tmp_path, publication=True)]
    assert csv_attacker.narrowed(exact[:1], published, 5) == []
    published.append(_quarterly(board, tmp_path, publication=True))
    assert csv_attacker.narrowed(exact[1:], published[1:], 5) == []
    assert published[1].count(",*\n") > 0  # something was hidden
    # Together: nothing hidden in either can be narrowed.
    found = csv_attacker.narrowed(exact, published, 5)
    assert found == [], f"{len(found)} hidden counts narrowed, e.g. {found[:3]}"


def test_a_kinds_release_is_kept_in_the_register(board: Board, tmp_path: Path) -> None:
    _quarterly(board, tmp_path, publication=False)
    assert publications.listed(board) == []  # an internal report is not a publication
    made = make_report(board, "quarterly", Q1, publication=True, threshold=5)
    write_report(board, made, csv=tmp_path / "q.csv", pdf=tmp_path / "q.pdf")
    listed = publications.listed(board)
    assert len(listed) == 1  # kept once, however many files
    assert listed[0].label == f"Quarterly report: {board.name}, {Q1.label}"
    assert listed[0].source == publications.MADE_HERE
    assert set(listed[0].periods) == {Q1.label, "2024-25-Q1"}
    assert listed[0].shown > 0 and listed[0].hidden > 0
    # The register counts what the report printed or hid, not the figures it only carries
    # to link periods and units: the same counts as the CSV's rows (counts and averages).
    rows = list(csv.DictReader(io.StringIO((tmp_path / "q.csv").read_text("utf-8"))))
    figures = [r for r in rows if not r["measure"].endswith(("_percent", "_per_1000_staff"))]
    assert listed[0].hidden == sum(1 for r in figures if r["value"] == "*")
    # An average over no closures prints nothing, but its sum is then known to be 0.
    assert listed[0].shown == sum(1 for r in figures if r["value"] != "*")


def test_the_kpi_report_after_a_kinds_report_is_protected_against_it(
        board: Board, tmp_path: Path) -> None:
    exact = [_quarterly(board, tmp_path, publication=False),
             _kpi_report(board, tmp_path, publication=False)]
    published = [_quarterly(board, tmp_path, publication=True)]
    report = load_board_report(board, Q1, publication=True, threshold=5)
    assert report.earlier == 1
    save_board_report(board, report, csv=tmp_path / "kpi.csv", today=TODAY)
    published.append((tmp_path / "kpi.csv").read_text("utf-8"))
    assert csv_attacker.narrowed(exact, published, 5) == []
    assert len(publications.listed(board)) == 2


def test_a_reissue_after_a_replaced_return_that_moves_a_printed_figure_a_little_is_refused(
        board: Board, tmp_path: Path) -> None:
    """A unit replaces its return after the quarterly report was published: the report made
    again would print a figure a small number away from what was printed before (a reader
    subtracts), so it is refused in words, nothing is written and the register is as it was."""
    from app.store.errors import CasebookError

    made = make_report(board, "quarterly", Q1, publication=True, threshold=5)
    write_report(board, made, csv=tmp_path / "first.csv")
    first = (tmp_path / "first.csv").read_text("utf-8")
    unit = SIGNERS[UNITS[0]]
    newer = synthetic_payload(UNITS[0], Q1.label, seed=41,
                              created=datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    assert import_return(board, unit.sealed(newer, board.recipient())).outcome == "replaced"
    with pytest.raises(CasebookError) as refused:
        make_report(board, "quarterly", Q1, publication=True, threshold=5)
    message = str(refused.value)
    assert "was published as" in message and "small number" in message
    assert "Traceback" not in message and "\n" not in message.strip()
    # The first few reasons in full, the rest counted: read by a person, not a log.
    assert message.count("small number") == 3 and "more figures like these." in message
    assert len(message) < 1500
    assert len(publications.listed(board)) == 1
    assert (tmp_path / "first.csv").read_text("utf-8") == first
    # The exact (internal) report is not a publication: it is made as before.
    assert make_report(board, "quarterly", Q1, publication=False).report.kind == "quarterly"

"""The board's publications are checked against its units' own: a unit's return carries its
publication register, and nothing hidden at the board can be worked out with them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.core.periods import parse_period
from app.demo import add_demo_concerns
from app.returns.board_import import import_return
from app.returns.envelope import write_return
from app.returns.payload import build_payload
from app.returns.signing import unit_public_key
from app.services.board_reports import load_board_report, save_board_report
from app.services.reports import load_kpi_report, save_kpi_report
from app.store import publications
from app.store.board import Board
from app.store.casebook import Casebook
from app.store.errors import ReturnRejected
from tests.documents import csv_attacker
from tests.returns.return_helpers import Unit, new_board, synthetic_payload
from tests.support import PASSPHRASE

Q1 = parse_period("2025-26-Q1")
UNIT = "Forth Valley contacts"
TODAY = date(2026, 3, 31)


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Board]:
    board = new_board(tmp_path / "board")
    with board:
        yield board


@pytest.fixture
def casebook(tmp_path: Path, board: Board) -> Iterator[Casebook]:
    book, _ = Casebook.create(tmp_path / "casebook", PASSPHRASE,
                              organisation="NHS Forth Valley", unit=UNIT)
    with book:
        book.set_setting("board_recipient", board.recipient())
        board.register_unit(UNIT, unit_public_key(book))
        add_demo_concerns(book, 150, 3, today=TODAY, batch_size=200)
        yield book


def _send(book: Casebook, board: Board, tmp_path: Path) -> dict[str, Any]:
    payload = build_payload(book, Q1)
    out = write_return(book, payload, tmp_path / "return.age")
    assert import_return(board, out.read_bytes()).outcome == "imported"
    return payload


def test_a_units_publications_travel_with_its_return_and_bind_the_board(
        casebook: Casebook, board: Board, tmp_path: Path) -> None:
    # The unit published its own Q1 figures.
    own = load_kpi_report(casebook, Q1, publication=True, today=TODAY)
    save_kpi_report(casebook, own, csv=tmp_path / "unit.csv", today=TODAY)
    exact_own = load_kpi_report(casebook, Q1, publication=False, today=TODAY)
    save_kpi_report(casebook, exact_own, csv=tmp_path / "unit.exact.csv", today=TODAY)
    payload = _send(casebook, board, tmp_path)
    assert len(payload["publications"]) == 1
    assert payload["publications"][0]["periods"] == [Q1.label]

    # A second unit, without publications of its own.
    other = Unit("Clacks team")
    board.register_unit(other.name, other.public)
    import_return(board, other.sealed(synthetic_payload(other.name, Q1.label, seed=4),
                                      board.recipient()))

    listed = publications.listed(board)
    assert [(r.source, r.unit) for r in listed] == [("unit", UNIT)]

    report = load_board_report(board, Q1, publication=True, threshold=5)
    assert report.earlier == 1
    save_board_report(board, report, csv=tmp_path / "board.csv")
    exact = load_board_report(board, Q1, publication=False, threshold=5)
    save_board_report(board, exact, csv=tmp_path / "board.exact.csv")
    assert len(publications.listed(board)) == 2  # the board's own joined it

    read = lambda name: (tmp_path / name).read_text("utf-8")  # noqa: E731
    unit_published = csv_attacker.as_unit(read("unit.csv"), UNIT)
    unit_exact = csv_attacker.as_unit(read("unit.exact.csv"), UNIT)
    assert unit_published.count(",*,") > 0
    # Comparing the board's report with the unit's own finds nothing hidden.
    assert csv_attacker.narrowed([read("board.exact.csv"), unit_exact],
                                 [read("board.csv"), unit_published], 5) == []


def test_the_board_lists_its_register(casebook: Casebook, board: Board, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    own = load_kpi_report(casebook, Q1, publication=True, today=TODAY)
    save_kpi_report(casebook, own, csv=tmp_path / "unit.csv", today=TODAY)
    _send(casebook, board, tmp_path)
    folder = board.folder
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code = main(["board", "--board", str(folder), "publications", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = json.loads(out)
    assert rows[0]["source"] == "unit" and rows[0]["unit"] == UNIT
    assert rows[0]["periods"] == [Q1.label] and rows[0]["hidden"] > 0


def test_a_register_that_speaks_of_other_units_is_refused(board: Board) -> None:
    unit = Unit("Clacks team")
    board.register_unit(unit.name, unit.public)
    payload = synthetic_payload(unit.name, Q1.label)
    payload["publications"] = [{
        "format": "casebook-release", "version": 1, "label": "Forged", "periods": [Q1.label],
        "published_on": "2025-08-01", "threshold": 5, "corrects": None,
        "cells": [{"key": [Q1.label, "Another unit", "all", "received", "stage1"],
                   "kind": "count", "printed": 3}],
        "relations": []}]
    with pytest.raises(ReturnRejected) as caught:
        import_return(board, unit.sealed(payload, board.recipient()))
    assert "other than the unit's own" in str(caught.value)
    assert publications.listed(board) == []


def test_the_board_records_a_release_made_elsewhere(
        casebook: Casebook, board: Board, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _send(casebook, board, tmp_path)
    exact = load_board_report(board, Q1, publication=False, threshold=5)
    save_board_report(board, exact, csv=tmp_path / "exact.csv")
    lines = (tmp_path / "exact.csv").read_text("utf-8").splitlines()
    kept = [lines[0]] + [  # the all-units totals received, nothing else
        line if line.startswith("kpi4_received,received,total,all,,") else
        ",".join([*line.split(",")[:5], "*", line.split(",")[6]]) for line in lines[1:]]
    foi = tmp_path / "foi.csv"
    foi.write_text("\n".join(kept) + "\n", encoding="utf-8")
    folder = board.folder
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code = main(["board", "--board", str(folder), "publications", "--import", str(foi),
                 "--label", "FOI answer", "--published-on", "2026-05-02"])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert "Recorded FOI answer (2025-26-Q1, published 2026-05-02): 1 figures shown" in err
    code = main(["board", "--board", str(folder), "publications", "--import", str(foi),
                 "--published-on", "2 May"])
    _, err = capsys.readouterr()
    assert code != 0 and "written like 2026-04-20" in err and "Traceback" not in err

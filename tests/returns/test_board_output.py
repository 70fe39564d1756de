"""The board's PDF and CSV: the contact's renderer with units side by side, exact or published."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.periods import parse_period
from app.returns.board_import import import_return
from app.returns.board_output import board_csv, board_pdf
from app.returns.board_report import board_figures
from app.store.board import Board
from tests.returns.return_helpers import Unit, new_board, set_received, synthetic_payload

Q1 = parse_period("2025-26-Q1")


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[dict[str, object]]:
    board: Board = new_board(tmp_path / "board")
    with board:
        for name, stage1, anonymous in (("Falkirk HSCP", 12, 2), ("Stirling contacts", 9, 0)):
            unit = Unit(name)
            board.register_unit(name, unit.public)
            payload = synthetic_payload(name, Q1.label, learning=[f"{name} learned to listen."])
            set_received(payload["figures"],  # type: ignore[arg-type]
                         stage1=stage1, stage2=6, anonymous=anonymous, unnamed=0)
            import_return(board, unit.sealed(payload, board.recipient()))
        board.set_headcount("Falkirk HSCP", Q1.label, 3000)
        yield board_figures(board, Q1)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _value(rows: list[dict[str, str]], measure: str, stage: str, unit: str) -> str:
    return next(r["value"] for r in rows if r["measure"] == measure and r["stage"] == stage
                and r["service"] == "all" and r["unit"] == unit)


def test_the_internal_csv_has_each_unit_and_the_exact_total(doc: dict[str, object]) -> None:
    rows = _rows(board_csv(doc, "NHS Forth Valley"))
    assert _value(rows, "received", "stage1", "") == "21"
    assert _value(rows, "received", "stage1", "Falkirk HSCP") == "12"
    assert _value(rows, "received", "stage1", "Stirling contacts") == "9"
    assert _value(rows, "anonymous", "", "Falkirk HSCP") == "2"


def test_the_publication_csv_hides_small_numbers_and_what_would_reveal_them(
        doc: dict[str, object]) -> None:
    rows = _rows(board_csv(doc, "NHS Forth Valley", publication=True, threshold=5))
    assert _value(rows, "anonymous", "", "Falkirk HSCP") == "*"
    # The total is the two units' sum, so it is hidden as well (or one unit is given away).
    assert _value(rows, "anonymous", "", "") == "*"
    assert all(r["value"] not in {"1", "2", "3", "4"} for r in rows
               if r["section"] != "publication" and "." not in r["value"])


def test_the_board_pdf_sets_units_side_by_side(doc: dict[str, object]) -> None:
    pdf = board_pdf(doc, "NHS Forth Valley")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "All units" in flat and "Falkirk HSCP" in flat and "Stirling" in flat
    assert "Internal: not for publication" in flat
    assert "Falkirk HSCP learned to listen." in flat
    assert "not available" in flat  # Stirling has no headcount
    published = board_pdf(doc, "NHS Forth Valley", publication=True)
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(published)).pages)
                    .split())
    assert "For publication" in flat and "*" in flat

"""The board's PDF and CSV: the contact's renderer with units side by side, exact or published."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.core.periods import parse_period
from app.returns.board_import import import_return
from app.returns.board_output import board_csv, board_pdf
from app.returns.board_report import board_figures
from app.store.board import Board
from tests.returns.return_helpers import Unit, new_board, synthetic_payload

Q1 = parse_period("2025-26-Q1")


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[dict[str, object]]:
    board: Board = new_board(tmp_path / "board")
    with board:
        for name, seed in (("Falkirk HSCP", 0), ("Stirling contacts", 0)):
            unit = Unit(name)
            board.register_unit(name, unit.public)
            payload = synthetic_payload(name, Q1.label, seed=seed,
                                        learning=[f"{name} learned to listen."])
            import_return(board, unit.sealed(payload, board.recipient()))
        board.set_headcount("Falkirk HSCP", Q1.label, 3000)
        yield board_figures(board, Q1)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _value(rows: list[dict[str, str]], measure: str, stage: str, unit: str) -> str:
    return next(r["value"] for r in rows if r["measure"] == measure and r["stage"] == stage
                and r["service"] == "all" and r["unit"] == unit)


def _unit_figures(name: str) -> dict[str, Any]:
    return synthetic_payload(name, Q1.label, seed=0)[
        "figures"]


def test_the_internal_csv_has_each_unit_and_the_exact_total(doc: dict[str, object]) -> None:
    rows = _rows(board_csv(doc, "NHS Forth Valley"))
    falkirk, stirling = _unit_figures("Falkirk HSCP"), _unit_figures("Stirling contacts")
    for measure, stage, key in (("received", "stage1", "stage1"), ("anonymous", "", "anonymous")):
        assert _value(rows, measure, stage, "Falkirk HSCP") == str(falkirk["received"][key])
        assert _value(rows, measure, stage, "Stirling contacts") == str(
            stirling["received"][key])
        assert _value(rows, measure, stage, "") == str(
            falkirk["received"][key] + stirling["received"][key])


def test_the_publication_csv_hides_small_numbers_and_what_would_reveal_them(
        doc: dict[str, object]) -> None:
    exact = _rows(board_csv(doc, "NHS Forth Valley"))
    rows = _rows(board_csv(doc, "NHS Forth Valley", publication=True, threshold=5))
    falkirk = _unit_figures("Falkirk HSCP")["received"]["anonymous"]
    assert 0 < falkirk < 5  # the seed was chosen for a small number here
    assert _value(rows, "anonymous", "", "Falkirk HSCP") == "*"
    # The total is the two units' sum: it and Stirling's are never both shown.
    assert "*" in (_value(rows, "anonymous", "", ""),
                   _value(rows, "anonymous", "", "Stirling contacts"))
    assert all(r["value"] not in {"1", "2", "3", "4"} for r in rows
               if r["section"] != "publication" and "." not in r["value"])
    # The same rows as the exact CSV, each either its exact value or hidden.
    assert len(rows) == len(exact) + 1  # and the threshold
    for shown, true in zip(rows, exact, strict=False):
        assert {k: v for k, v in shown.items() if k != "value"} == {
            k: v for k, v in true.items() if k != "value"}
        assert shown["value"] in (true["value"], "*") or (
            true["value"] == "" and shown["value"] == "")


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

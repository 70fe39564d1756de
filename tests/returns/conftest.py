"""Fixtures shared by the return and board tests: a board store, and a registered unit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.board import Board
from tests.returns.return_helpers import Unit, new_board


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Board]:
    board = new_board(tmp_path / "board")
    try:
        yield board
    finally:
        board.close()


@pytest.fixture
def unit(board: Board) -> Unit:
    """"Ward 7 contacts", registered with its key."""
    unit = Unit("Ward 7 contacts")
    board.register_unit(unit.name, unit.public)
    return unit

"""The dashboard finds open deadlines through each concern's next deadline (`next_due`): the
same items as looking at every open concern's stages, on any day."""

from __future__ import annotations

from datetime import date, timedelta

from app.demo import add_demo_concerns
from app.store import dashboard
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.support import TODAY


def test_the_shortcut_finds_every_open_deadline(book: Casebook) -> None:
    add_demo_concerns(book, 250, 5, today=TODAY, batch_size=50)
    conn = book.cases
    first = date(2022, 4, 1)
    found = 0  # deadline items seen over all the days tried
    for days in range(0, (TODAY - first).days + 400, 9):
        until = {"until": (first + timedelta(days=days)).isoformat()}
        quick = conn.execute(dashboard._DUE, until).fetchall()
        assert quick == conn.execute(dashboard._DUE_EVERY_STAGE, until).fetchall(), until
        found += len(quick)
    assert found >= 20
    board = dashboard.dashboard(ConcernService(book, today=lambda: TODAY))
    assert sum(board.open_by_stage.values()) == conn.execute(
        "SELECT count(*) FROM concerns WHERE closure = 'open'").fetchone()[0]

"""Shared helpers for the reports, return, letter and import GUI tests (no tests of its own).

A worker holding an open casebook, as after unlocking, with a session over it;
casebooks filled through ConcernService (the designed concerns of the document
tests, whose 2025-26 Q1 figures are worked out by hand).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.core.periods import parse_period
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.session import Session
from tests.documents.document_helpers import add_designed_concerns, set_letter_contact
from tests.support import PASSPHRASE, TODAY

Q1 = parse_period("2025-26-Q1")


class Opened:
    """A worker holding the open casebook, and a session over it."""

    def __init__(self, qtbot: Any, folder: Path) -> None:
        self.qtbot = qtbot
        self.worker = CasebookWorker()
        self.session = Session(self.worker, lambda: TODAY)
        self.closed = False
        done: list[object] = []

        def unlock(state: WorkerState) -> bool:
            state.book = Casebook.open(folder, PASSPHRASE)
            return True

        self.worker.submit(unlock, done.append, done.append)
        qtbot.waitUntil(lambda: done == [True])

    def ask(self, job: Callable[[Casebook], Any]) -> Any:
        """Run `job(book)` on the worker (it holds the only connection) and wait for it."""
        answers: list[Any] = []
        self.worker.submit(lambda state: job(state.require_book()), answers.append,
                           answers.append)
        self.qtbot.waitUntil(lambda: bool(answers))
        return answers[0]

    def idle(self) -> None:
        self.qtbot.waitUntil(lambda: self.worker.pending == 0)

    def audit(self) -> list[tuple[str, str, dict[str, Any]]]:
        rows = self.ask(lambda book: book.cases.execute(
            "SELECT event, entity_id, detail FROM audit ORDER BY seq").fetchall())
        return [(event, str(entity), json.loads(detail) if detail else {})
                for event, entity, detail in rows]

    def close(self) -> None:
        if not self.closed:
            self.ask(lambda book: None)
            answers: list[Any] = []
            self.worker.submit(lambda state: state.close(), answers.append, answers.append)
            self.qtbot.waitUntil(lambda: bool(answers))
            self.worker.shutdown()
            self.closed = True


def create_casebook(folder: Path, build: Callable[[Casebook], Any] | None = None) -> Any:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board",
                              unit="Test Unit")
    with book:
        return build(book) if build is not None else None


def designed(book: Casebook) -> dict[str, int]:
    """The ten designed concerns (tests/documents/document_helpers.py), by letter, in a
    casebook whose letters have their named contact."""
    set_letter_contact(book)
    return add_designed_concerns(ConcernService(book, today=lambda: TODAY)).ids


@contextmanager
def opened_casebook(qtbot: Any, folder: Path) -> Iterator[Opened]:
    """The casebook in `folder`, open on a worker; closed (and the worker stopped) after."""
    opened = Opened(qtbot, folder)
    try:
        yield opened
    finally:
        opened.close()

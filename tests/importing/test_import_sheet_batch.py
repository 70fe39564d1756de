"""database.batch (writes nested as savepoints) and casebook_batch (both databases)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    Outcome,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.core.rules import RuleError
from app.store import database
from app.store.batch import casebook_batch
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, NewConcern
from tests.importing.import_sheet_helpers import counts


def _new(reference: str, person: bool = True) -> NewConcern:
    return NewConcern(
        received_on=date(2025, 5, 1), channel=Channel.PHONE,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED if person else Anonymity.ANONYMOUS,
        service_type=ServiceType.NHS, starting_stage=Stage.STAGE1, reference=reference,
        person=PersonDetails(name="Pat Example") if person else None, imported=True)


def _table(book: Casebook) -> None:
    book.cases.execute("CREATE TABLE IF NOT EXISTS scratch (n INTEGER)")


def _scratch(book: Casebook) -> list[int]:
    return [row[0] for row in book.cases.execute("SELECT n FROM scratch ORDER BY n")]


def test_a_write_outside_a_batch_is_its_own_transaction(book: Casebook) -> None:
    _table(book)
    with database.write(book.cases):
        book.cases.execute("INSERT INTO scratch VALUES (1)")
    assert not book.cases.in_transaction and _scratch(book) == [1]
    # Outside a batch a nested write is still refused, as before.
    with pytest.raises(database.OperationalError), database.write(book.cases), \
            database.write(book.cases):
        pass
    assert not book.cases.in_transaction


def test_writes_in_a_batch_commit_together(book: Casebook) -> None:
    _table(book)
    with database.batch(book.cases):
        for n in (1, 2, 3):
            with database.write(book.cases):
                book.cases.execute("INSERT INTO scratch VALUES (?)", (n,))
        assert book.cases.in_transaction  # nothing committed yet
    assert not book.cases.in_transaction and _scratch(book) == [1, 2, 3]


def test_a_failed_write_in_a_batch_undoes_only_itself(book: Casebook) -> None:
    _table(book)
    with database.batch(book.cases):
        with database.write(book.cases):
            book.cases.execute("INSERT INTO scratch VALUES (1)")
        with pytest.raises(ValueError), database.write(book.cases):
            book.cases.execute("INSERT INTO scratch VALUES (2)")
            raise ValueError("refused")
        with database.write(book.cases):
            book.cases.execute("INSERT INTO scratch VALUES (3)")
    assert _scratch(book) == [1, 3]


def test_an_error_leaving_the_batch_undoes_everything(book: Casebook) -> None:
    _table(book)
    with pytest.raises(ValueError), database.batch(book.cases):
        for n in (1, 2):
            with database.write(book.cases):
                book.cases.execute("INSERT INTO scratch VALUES (?)", (n,))
        raise ValueError("stop")
    assert not book.cases.in_transaction and _scratch(book) == []
    with database.write(book.cases):  # and the connection is usable as before
        book.cases.execute("INSERT INTO scratch VALUES (9)")
    assert _scratch(book) == [9]


def test_a_batch_inside_a_batch_is_refused(book: Casebook) -> None:
    with pytest.raises(RuntimeError), database.batch(book.cases), database.batch(book.cases):
        pass
    assert not book.cases.in_transaction


def test_service_calls_in_a_casebook_batch_are_one_change(book: Casebook) -> None:
    service = ConcernService(book, today=lambda: date(2026, 1, 5))
    before = counts(book)
    with casebook_batch(book):
        first = service.create(_new("B-1"))
        service.respond(first, Stage.STAGE1, date(2025, 5, 2), Outcome.UPHELD)
        service.create(_new("B-2"))
        assert book.cases.in_transaction and book.identities().in_transaction
    after = counts(book)
    assert after["concerns"] == before["concerns"] + 2
    assert after["persons"] == before["persons"] + 2
    assert book.identities().in_transaction is False


def test_a_broken_rule_in_a_casebook_batch_leaves_both_databases_as_they_were(
        book: Casebook) -> None:
    service = ConcernService(book, today=lambda: date(2026, 1, 5))
    service.create(_new("B-0"))
    before = counts(book)
    with pytest.raises(RuleError), casebook_batch(book):
        service.create(_new("B-1"))
        concern_id = service.create(_new("B-2"))
        before_receipt = date(2025, 4, 1)
        service.respond(concern_id, Stage.STAGE1, before_receipt, Outcome.UPHELD)
    assert counts(book) == before


class _FailingCommit:
    """cases.db's connection, except that its next COMMIT fails as a full disk would."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            raise database.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_identities_are_taken_back_when_the_cases_commit_fails(book: Casebook) -> None:
    service = ConcernService(book, today=lambda: date(2026, 1, 5))
    service.create(_new("B-0"))
    before = counts(book)
    real = book.cases
    book.cases = _FailingCommit(real)  # type: ignore[assignment]
    try:
        with pytest.raises(Exception, match="disk|full|space"), casebook_batch(book):
            service.create(_new("B-1"))
            service.create(_new("B-2"))
    finally:
        if real.in_transaction:
            real.execute("ROLLBACK")
        book.cases = real
    assert counts(book) == before  # the two people committed to identities.db are gone again


def test_a_batch_without_identities_leaves_identities_db_closed(book: Casebook) -> None:
    service = ConcernService(book, today=lambda: date(2026, 1, 5))
    with casebook_batch(book, identities=False):
        service.create(_new("B-1", person=False))
    assert book._identities is None  # never opened
    assert service.id_for_reference("B-1") > 0

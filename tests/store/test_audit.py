from __future__ import annotations

from datetime import date

import pytest

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    ConsentMethod,
    ConversationMode,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.store import audit, database
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, NewConcern
from app.store.identities import IdentityService


def _concern(service: ConcernService) -> int:
    return service.create(NewConcern(
        received_on=date(2026, 10, 1), channel=Channel.PHONE,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED, service_type=ServiceType.NHS, summary="Rota gaps",
        starting_stage=Stage.STAGE1, consent_on=date(2026, 10, 1),
        consent_method=ConsentMethod.CONVERSATION, person=PersonDetails(name="Sam Example")))


def _events(book: Casebook) -> list[str]:
    return [r[0] for r in book.cases.execute("SELECT event FROM audit ORDER BY seq")]


def test_every_change_reveal_and_setting_is_logged(book: Casebook,
                                                   service: ConcernService) -> None:
    concern = _concern(service)
    service.log_conversation(concern, date(2026, 10, 2), ConversationMode.PHONE, "notes")
    IdentityService(book).reveal(concern, "drafting the stage 1 letter")
    book.set_setting("auto_lock_minutes", "10")
    assert _events(book) == ["casebook.created", "concern.created", "conversation.logged",
                             "identity.revealed", "setting.changed"]
    detail = book.cases.execute(
        "SELECT detail FROM audit WHERE event = 'identity.revealed'").fetchone()[0]
    assert "drafting the stage 1 letter" in detail
    assert "Sam Example" not in "".join(
        str(r) for r in book.cases.execute("SELECT * FROM audit").fetchall())
    assert audit.verify(book.cases, book.audit_key).ok


def test_the_log_refuses_updates_and_deletes(book: Casebook) -> None:
    with pytest.raises(database.IntegrityError, match="append-only"):
        book.cases.execute("UPDATE audit SET event = 'x'")
    with pytest.raises(database.IntegrityError, match="append-only"):
        book.cases.execute("DELETE FROM audit")


def _without_guards(book: Casebook) -> None:
    book.cases.execute("DROP TRIGGER audit_no_update")
    book.cases.execute("DROP TRIGGER audit_no_delete")


def test_an_edited_entry_is_detected(book: Casebook, service: ConcernService) -> None:
    _concern(service)
    _without_guards(book)
    book.cases.execute("UPDATE audit SET event = 'nothing.happened' WHERE seq = 2")
    report = audit.verify(book.cases, book.audit_key)
    assert report.problems == ("audit entry 2 was altered",)


def test_a_deleted_entry_is_detected(book: Casebook, service: ConcernService) -> None:
    _concern(service)
    service.log_conversation(1, date(2026, 10, 2), ConversationMode.PHONE, "notes")
    _without_guards(book)
    book.cases.execute("DELETE FROM audit WHERE seq = 2")
    assert audit.verify(book.cases, book.audit_key).problems == (
        "audit entries before number 3 are missing",)


def test_a_deleted_newest_entry_is_detected(book: Casebook, service: ConcernService) -> None:
    _concern(service)
    _without_guards(book)
    book.cases.execute("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    report = audit.verify(book.cases, book.audit_key)
    assert not report.ok and "ends at entry 1" in report.problems[0]


def test_a_forged_entry_without_the_key_is_detected(book: Casebook,
                                                    service: ConcernService) -> None:
    _concern(service)
    forged_key = b"\x00" * 32
    with database.write(book.cases):
        audit.append(book.cases, forged_key, "identity.revealed", "concern", 1)
    assert audit.verify(book.cases, book.audit_key).problems == ("audit entry 3 was altered",)

"""Letters kept with the identity, and linked raisers, through a handover and a destruction:
each identity (and the letters sent to that person) goes only where that person's consent
allows, and is destroyed with the identity at the end of retention."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import Anonymity, ConsentMethod, Outcome, RaiserCategory, Stage
from app.services import letters, retention
from app.store.casebook import Casebook
from app.store.concern_detail import load_concern
from app.store.identities import IdentityService
from tests.continuity.helpers import (
    RECEIVED,
    Pair,
    consent,
    hand_over,
    make_pair,
    named,
    service,
)
from tests.documents.document_helpers import pdf_text, set_letter_contact
from tests.support import PASSPHRASE

TODAY = date(2025, 6, 2)
FINDINGS = {"findings": "We found the checks were skipped on two nights."}


@pytest.fixture
def pair(tmp_path: Path) -> Pair:
    return make_pair(tmp_path)


def _letter(book: Casebook, concern_id: int, out: Path, raiser: int = 0) -> letters.MadeLetter:
    text = letters.draft(book, concern_id, "stage1_response", FINDINGS, raiser=raiser).text
    return letters.make(book, concern_id, "stage1_response", text, "Writing", out,
                        raiser=raiser, unprotected=True)


def test_letters_and_linked_raisers_go_with_their_own_consent(pair: Pair,
                                                              tmp_path: Path) -> None:
    with pair.a() as a:
        set_letter_contact(a)
        s = service(a, TODAY)
        cid = s.create(named("Jordan Testperson"))
        s.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)
        s.link_raiser(cid, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                      raised_on=date(2025, 5, 3), person=PersonDetails("Quinn Second"),
                      consent_on=date(2025, 5, 3), consent_method=ConsentMethod.EMAIL)
        s.link_raiser(cid, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                      raised_on=date(2025, 5, 4), person=PersonDetails("Riley Third"),
                      consent_on=date(2025, 5, 4), consent_method=ConsentMethod.EMAIL)
        first = _letter(a, cid, tmp_path / "first.pdf")
        second = _letter(a, cid, tmp_path / "second.pdf", raiser=1)
        third = _letter(a, cid, tmp_path / "third.pdf", raiser=2)
        consent(a, cid, successor=True)
        IdentityService(a).add_consent(cid, _successor(), raiser=1)  # Riley did not agree
        reference = load_concern(a.cases, cid).reference
    with pair.a() as a, pair.b() as b:
        result = hand_over(a, b, [reference], "Alex Contact", tmp_path / "package.age", on=TODAY)
        assert result.identities == 2  # Jordan's and Quinn's; not Riley's
        held = IdentityService(a)
        assert held.letter_copy(first.digest) is None and held.letter_copy(second.digest) is None
        assert held.letter_copy(third.digest) is None  # the sender holds no identity after
    with pair.b() as b:
        arrived = load_concern(b.cases, result.concern_ids[0])
        assert [r.has_person for r in arrived.raisers] == [True, False]
        assert [letter.raiser for letter in arrived.letters] == [0, 1, 2]  # the records travel
        people = IdentityService(b)
        assert people.reveal(arrived.concern_id, "Check", raiser=1).person.name == "Quinn Second"
        copy = people.letter_copy(second.digest)
        assert copy is not None and "Dear Quinn Second," in pdf_text(copy)
        assert people.letter_copy(third.digest) is None  # Riley's stayed behind, then went
        reprinted = letters.reprint(b, arrived.letters[0].letter_id, "Lost in the post",
                                    tmp_path / "reprint.pdf", unprotected=True)
        assert "Dear Jordan Testperson," in pdf_text(reprinted.read_bytes())


def _successor():  # type: ignore[no-untyped-def]
    from app.store.identities import Consent

    return Consent("", RECEIVED, "by email", kind="successor")


def test_letters_are_destroyed_with_the_identities(tmp_path: Path, folder: Path) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit="Unit")
    with book:
        set_letter_contact(book)
        s = service(book, date(2026, 11, 22))
        cid = s.create(named("Jordan Testperson", received_on=date(2018, 5, 2)))
        s.respond(cid, Stage.STAGE1, date(2018, 5, 9), Outcome.UPHELD)
        s.link_raiser(cid, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                      raised_on=date(2018, 5, 3), person=PersonDetails("Quinn Second"))
        made = _letter(book, cid, tmp_path / "letter.pdf")
        linked = _letter(book, cid, tmp_path / "linked.pdf", raiser=1)
        s.add_involved(cid, "Pat Example", "Wrote the rota")
        reference = load_concern(book.cases, cid).reference
        retention.destroy(book, retention.plan(book, [reference], "End of retention",
                                               today=date(2026, 11, 22)), PASSPHRASE)
        people = IdentityService(book)
        assert people.letter_copy(made.digest) is None
        assert people.letter_copy(linked.digest) is None
        assert book.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 0
        after = load_concern(book.cases, cid)
        assert {letter.raiser for letter in after.letters} == {0, 1}  # the records stay
        assert after.involved[0].name == "[destroyed at the end of retention]"
        body = book.cases.execute("SELECT body FROM letters").fetchall()
        assert all(row[0] == "[destroyed at the end of retention]" for row in body)

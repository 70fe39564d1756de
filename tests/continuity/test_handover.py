"""Handing concerns between two real casebooks: identity only with consent, references kept,
whole or nothing, the sender left read-only without the identity, both audit logs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.core.records import ConversationMode, Outcome, Stage
from app.core.rules import RuleError
from app.returns.handover_package import PackageRefused
from app.services import handover
from app.store import custody
from app.store.concerns import ConcernService
from app.store.identities import IdentityService
from tests.continuity.helpers import (
    RECEIVED,
    Pair,
    anonymous,
    consent,
    hand_over,
    make_pair,
    named,
    service,
)

HANDED = date(2025, 5, 7)


@pytest.fixture
def pair(tmp_path: Path) -> Pair:
    return make_pair(tmp_path)


def _three(pair: Pair) -> dict[str, int]:
    """SA-2025-0001 consents to whoever takes over, 0002 to someone else, 0003 anonymous."""
    with pair.a() as a:
        s = service(a, HANDED)
        ids = {"successor": s.create(named("Jordan Testperson")),
               "other": s.create(named("Robin Quietperson")),
               "anonymous": s.create(anonymous())}
        consent(a, ids["successor"], successor=True)
        consent(a, ids["other"], share_with="Dr Someone Else, occupational health")
        s.log_conversation(ids["successor"], RECEIVED, ConversationMode.IN_PERSON,
                           "Met in the quiet room.", "Speak to the charge nurse")
        s.save_draft("conversation", ids["successor"], "half-typed note")
    return ids


def test_identity_goes_only_with_consent_and_the_sender_keeps_a_read_only_record(
        pair: Pair, tmp_path: Path) -> None:
    ids = _three(pair)
    with pair.a() as a:
        plan = handover.plan_export(a, ["SA-2025-0001", "SA-2025-0002", "SA-2025-0003"],
                                    "alex contact")
        assert [c.identity for c in plan.concerns] == ["sent", "withheld", "none"]
        assert "whoever takes over" in plan.concerns[0].why
        assert "no recorded consent covers Alex Contact" in plan.concerns[1].why
        result = handover.export(a, plan, tmp_path / "package.age", "Going on long leave",
                                 on=HANDED)
        assert result.backups is not None and result.backups.new_backup.exists()
        # The sender: read-only, marked handed over, no identity held, disclosure recorded.
        assert a.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 0
        assert a.cases.execute("SELECT count(*) FROM concerns WHERE person_ref IS NOT NULL"
                               ).fetchone()[0] == 0
        assert a.cases.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
        disclosures = a.cases.execute("SELECT concern_id, disclosed_to, role, consent"
                                      " FROM disclosures").fetchall()
        assert disclosures == [(ids["successor"], "Alex Contact", "confidential contact",
                                "consent_recorded")]
        assert custody.handed_over_to(a.cases, ids["other"]) == ("Alex Contact", "2025-05-07")
        with pytest.raises(RuleError, match="handed over to Alex Contact on 2025-05-07"):
            service(a, HANDED).log_conversation(ids["other"], HANDED,
                                                ConversationMode.PHONE, "More")
        sent = a.cases.execute("SELECT detail FROM audit WHERE event = 'handover.sent'"
                               ).fetchone()[0]
        assert json.loads(sent)["references"] == ["SA-2025-0001", "SA-2025-0002",
                                                  "SA-2025-0003"]
        assert "Jordan" not in sent
    with pair.b() as b:
        read = handover.read_package(b, tmp_path / "package.age", today=HANDED)
        assert read.sender.name == "Sam Ambassador"
        assert [(c.reference, c.identity) for c in read.concerns] == [
            ("SA-2025-0001", "sent"), ("SA-2025-0002", "withheld"), ("SA-2025-0003", "none")]
        result_b = handover.import_package(b, read)
        assert result_b.identities == 1
        refs = dict(b.cases.execute("SELECT reference, person_ref FROM concerns"))
        assert set(refs) == {"SA-2025-0001", "SA-2025-0002", "SA-2025-0003"}
        assert refs["SA-2025-0002"] is None and refs["SA-2025-0003"] is None
        shown = IdentityService(b).reveal(
            ConcernService(b).id_for_reference("SA-2025-0001"), "taking the concern over")
        assert shown.person.name == "Jordan Testperson"
        assert [c.kind for c in shown.consents] == ["successor"]
        assert [d[0] for d in shown.disclosures] == ["Alex Contact"]  # the disclosure travels
        notes = b.cases.execute("SELECT notes FROM conversations").fetchall()
        assert notes == [("Met in the quiet room.",)]
        assert b.cases.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
        received = b.cases.execute("SELECT detail FROM audit WHERE event = 'handover.received'"
                                   ).fetchone()[0]
        assert json.loads(received)["identities_received"] == 1
        # The receiver carries on with the concern.
        cid = ConcernService(b).id_for_reference("SA-2025-0001")
        service(b, date(2025, 5, 9)).respond(cid, Stage.STAGE1, date(2025, 5, 9),
                                             Outcome.UPHELD)


def test_identity_none_sends_no_identity_even_with_consent(pair: Pair, tmp_path: Path) -> None:
    _three(pair)
    with pair.a() as a, pair.b() as b:
        result = hand_over(a, b, ["SA-2025-0001"], "Alex Contact", tmp_path / "p.age",
                           on=HANDED, identity="none")
        assert result.identities == 0
        assert a.cases.execute("SELECT count(*) FROM disclosures").fetchone()[0] == 0
        assert b.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 0


def test_a_consent_naming_the_colleague_covers_them(pair: Pair, tmp_path: Path) -> None:
    with pair.a() as a:
        cid = service(a, HANDED).create(named())
        consent(a, cid, share_with="ALEX  contact (confidential contact)")
        plan = handover.plan_export(a, ["SA-2025-0001"], "Alex Contact")
        assert plan.concerns[0].identity == "sent"
        consent_role_only = service(a, HANDED).create(named("Pat Other"))
        consent(a, consent_role_only, share_with="the confidential contact")
        plan = handover.plan_export(a, ["SA-2025-0002"], "Alex Contact")
        assert plan.concerns[0].identity == "withheld"


def test_a_reference_clash_is_refused_and_nothing_arrives(pair: Pair, tmp_path: Path) -> None:
    with pair.a() as a:
        service(a, HANDED).create(named())
        consent(a, 1, successor=True)
    with pair.b() as b:
        b.set_setting("reference_prefix", "SA")  # the same prefix: SA-2025-0001 is taken
        service(b, HANDED).create(named("Casey Local"))
    with pair.a() as a:
        handover.export(a, handover.plan_export(a, ["SA-2025-0001"], "Alex Contact"),
                        tmp_path / "p.age", "Leave", on=HANDED)
    with pair.b() as b:
        with pytest.raises(PackageRefused, match="already holds a concern with reference "
                                                 "SA-2025-0001") as refused:
            handover.read_package(b, tmp_path / "p.age", today=HANDED)
        assert refused.value.reason == "clash"
        assert b.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == 1
        assert b.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 1


def test_a_package_is_imported_once(pair: Pair, tmp_path: Path) -> None:
    _three(pair)
    with pair.a() as a, pair.b() as b:
        hand_over(a, b, ["SA-2025-0003"], "Alex Contact", tmp_path / "p.age", on=HANDED)
        with pytest.raises(PackageRefused, match="already imported") as refused:
            handover.read_package(b, tmp_path / "p.age", today=HANDED)
        assert refused.value.reason == "already_imported"


def test_concerns_go_both_ways_and_a_concern_comes_back(pair: Pair, tmp_path: Path) -> None:
    """A hands SA-2025-0001 to B; B hands its own CC-2025-0001 to A, and later hands
    SA-2025-0001 back: A takes back the newer record, custody split at each date."""
    with pair.a() as a:
        cid = service(a, HANDED).create(named())
        consent(a, cid, successor=True)
    with pair.b() as b:
        own = service(b, HANDED).create(named("Casey Local"))
        consent(b, own, successor=True)
    with pair.a() as a, pair.b() as b:
        hand_over(a, b, ["SA-2025-0001"], "Alex Contact", tmp_path / "ab.age", on=HANDED)
        hand_over(b, a, ["CC-2025-0001"], "Sam Ambassador", tmp_path / "ba.age", on=HANDED)
        moved = ConcernService(b).id_for_reference("SA-2025-0001")
        service(b, date(2025, 5, 9)).log_conversation(moved, date(2025, 5, 8),
                                                      ConversationMode.PHONE, "While away")
        back = date(2025, 5, 12)
        hand_over(b, a, ["SA-2025-0001"], "Sam Ambassador", tmp_path / "back.age", on=back)
        again = ConcernService(a).id_for_reference("SA-2025-0001")
        assert a.cases.execute("SELECT notes FROM conversations WHERE concern_id = ?",
                               (again,)).fetchall() == [("While away",)]
        held = custody.custody_of(a.cases, again)
        assert held.held_now and not held.holds(date(2025, 5, 8))
        assert held.holds(date(2025, 5, 6)) and held.holds(back)
        assert IdentityService(a).reveal(again, "back from leave").person.name == (
            "Jordan Testperson")
        assert custody.custody_of(b.cases, moved).held_now is False
        assert a.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == 2


def test_the_receiver_may_not_rewrite_what_the_sender_counts(pair: Pair,
                                                             tmp_path: Path) -> None:
    with pair.a() as a, pair.b() as b:
        service(a, HANDED).create(named())
        hand_over(a, b, ["SA-2025-0001"], "Alex Contact", tmp_path / "p.age", on=HANDED)
        cid = ConcernService(b).id_for_reference("SA-2025-0001")
        later = service(b, date(2025, 5, 20))
        with pytest.raises(RuleError, match="another unit held this concern"):
            later.respond(cid, Stage.STAGE1, date(2025, 5, 6), Outcome.UPHELD)
        with pytest.raises(RuleError, match="another unit held this concern"):
            later.update_intake(cid, received_on=date(2025, 5, 1))
        later.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)  # after: fine

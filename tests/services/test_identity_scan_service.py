"""The identity-scan service on a real casebook: its sources, its cache, fields and masks."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from app.core.case_text import MAX_FIELD_CHARS
from app.core.identity import PersonDetails
from app.core.records import Anonymity, ConversationMode
from app.core.rules import RuleError
from app.services import identity_scan
from app.store import name_digests, scan_settings, scanning
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import CasebookError
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE

SIOBHAN = PersonDetails(name="Siobhan Kerr-Lindsay", email="s.kerr@example.org",
                        phone="07700 900461", job_title="night pharmacist")


def _named(service: ConcernService, person: PersonDetails = SIOBHAN, **changes: object) -> int:
    return service.create(replace(NAMED, person=person, **changes))  # type: ignore[arg-type]


def _unnamed(service: ConcernService) -> int:
    return service.create(replace(NAMED, person=None, anonymity=Anonymity.UNNAMED,
                                  starting_stage=None, consent_on=None, consent_method=None))


# ----- settings: never-publish list and allow-list -------------------------------------------


def test_lists_are_settings_audited_by_name_never_by_words(book: Casebook) -> None:
    kept = identity_scan.set_never_publish(book, ["Night Owls", " night owls ", "Ward 7b crew"])
    assert kept.never_publish == ("Night Owls", "Ward 7b crew")
    identity_scan.set_allow_list(book, ["0131 555 0199", "speakup@board.scot"])
    assert identity_scan.lists(book).allow == ("0131 555 0199", "speakup@board.scot")
    details = [row[0] for row in book.cases.execute(
        "SELECT entity_id || detail FROM audit WHERE event = 'setting.changed'")]
    assert any("never_publish" in d for d in details)
    assert not any("Owls" in d or "0131" in d for d in details)


def test_the_scanner_follows_the_lists_as_they_change(book: Casebook,
                                                      service: ConcernService) -> None:
    concern = _named(service)
    text = "Ask the Night Owls, or ring 0131 555 0199."
    first = identity_scan.scan_field(book, concern, "notes", text)
    assert first.kinds == ("phone",)
    identity_scan.set_never_publish(book, ["Night Owls"])
    identity_scan.set_allow_list(book, ["0131 555 0199"])
    second = identity_scan.scan_field(book, concern, "notes", text)
    assert second.kinds == ("never_publish",)
    assert second.replaced == "Ask the [redacted], or ring 0131 555 0199."


def test_a_held_persons_detail_cannot_be_allowed(book: Casebook, service: ConcernService) -> None:
    _named(service)
    for entry in ("s.kerr@example.org", "07700900461", "Siobhan Kerr-Lindsay"):
        assert identity_scan.allow_problem(book, entry)
        with pytest.raises(scan_settings.ScanListError):
            identity_scan.set_allow_list(book, [entry])
    assert identity_scan.lists(book).allow == ()


@pytest.mark.parametrize("entry", ["", "   ", "x" * 201, "two\nlines", "---"])
def test_bad_entries_are_refused_plainly(book: Casebook, entry: str) -> None:
    with pytest.raises(scan_settings.ScanListError) as refused:
        identity_scan.set_never_publish(book, [entry])
    assert str(refused.value).endswith(".") and "\n" not in str(refused.value)


def test_the_lists_survive_closing_and_opening(folder, created) -> None:  # type: ignore[no-untyped-def]
    book, _ = created
    identity_scan.set_never_publish(book, ["Night Owls"])
    book.close()
    with Casebook.open(folder, PASSPHRASE) as again:
        assert identity_scan.lists(again).never_publish == ("Night Owls",)


# ----- the cache ------------------------------------------------------------------------------


def test_the_scanner_is_kept_and_rebuilt_when_an_identity_is_added(
        book: Casebook, service: ConcernService) -> None:
    first = identity_scan.scanner(book)
    assert identity_scan.scanner(book) is first
    other = _named(service, PersonDetails(name="Torquil Abernethy"))
    rebuilt = identity_scan.scanner(book)
    assert rebuilt is not first
    later = identity_scan.scan_field(book, other, "notes", "Torquil Abernethy phoned.")
    assert later.kinds == ("own_name",)
    book.close()
    assert book.derived == {}  # nothing worked out from the names outlives the casebook


# ----- fingerprints for unnamed concerns ------------------------------------------------------


def test_a_fingerprint_keeps_digests_only_and_finds_the_name_as_c(
        book: Casebook, service: ConcernService, folder) -> None:  # type: ignore[no-untyped-def]
    unnamed = _unnamed(service)
    other = _named(service)
    assert identity_scan.record_fingerprint(book, unnamed, "Saoirse Threipland") == 3
    own = identity_scan.scan_field(book, unnamed, "notes", "Saoirse Threipland rang; Saoirse")
    assert own.kinds == ("own_name",)
    assert own.replaced == "C rang; C"
    elsewhere = identity_scan.scan_field(book, other, "notes", "Saw Ms Threipland today.")
    assert elsewhere.kinds == ("unnamed_name",) and elsewhere.replaced == "Saw [name] today."
    book.close()
    # The name is nowhere on disk; the key is in identities.db, the digests in cases.db.
    for path in folder.rglob("*"):
        if path.is_file():
            assert b"Threipland" not in path.read_bytes()
            assert b"threipland" not in path.read_bytes()


def test_the_digest_key_lives_in_identities_not_beside_the_digests(
        book: Casebook, service: ConcernService) -> None:
    unnamed = _unnamed(service)
    identity_scan.record_fingerprint(book, unnamed, "Saoirse Threipland")
    assert book.cases.execute("SELECT count(*) FROM meta WHERE key = ?",
                              (name_digests.KEY_NAME,)).fetchone() == (0,)
    key = name_digests.digest_key(book)
    assert key is not None and len(key) == 32
    audited = book.cases.execute("SELECT detail FROM audit WHERE event = "
                                 "'identity.fingerprint_recorded'").fetchone()[0]
    assert "Saoirse" not in audited and "digests" in audited


def test_fingerprints_are_for_unnamed_concerns_only(book: Casebook,
                                                    service: ConcernService) -> None:
    named = _named(service)
    with pytest.raises(CasebookError, match="unnamed concerns only"):
        identity_scan.record_fingerprint(book, named, "Someone Else")
    unnamed = _unnamed(service)
    for name in ("", "   ", "1234", "x" * 201):
        with pytest.raises(CasebookError):
            identity_scan.record_fingerprint(book, unnamed, name)


def test_forgetting_a_fingerprint_stops_the_match(book: Casebook,
                                                  service: ConcernService) -> None:
    unnamed = _unnamed(service)
    identity_scan.record_fingerprint(book, unnamed, "Saoirse Threipland")
    identity_scan.forget_fingerprint(book, unnamed)
    assert identity_scan.fingerprint_size(book, unnamed) == 0
    assert not identity_scan.scan_field(book, unnamed, "notes", "Saoirse Threipland").found
    assert scanning.own_of(book, unnamed) == scanning.unnamed_owner(unnamed)


# ----- scanning fields -------------------------------------------------------------------------


def test_a_person_being_recorded_is_checked_before_anything_is_stored(book: Casebook) -> None:
    person = identity_scan.person_being_recorded("Eilidh MacSween", phone="07700 900777")
    assert person is not None
    scan = identity_scan.scan_field(book, None, "summary",
                                    "Eilidh says call her on 07700900777.", person=person)
    assert scan.kinds == ("own_name", "own_phone")
    assert scan.replaced == "C says call her on [phone]."
    assert identity_scan.person_being_recorded("  ") is None


def test_a_megabyte_is_scanned_in_pieces_and_finds_what_sits_on_a_join(
        book: Casebook, service: ConcernService) -> None:
    concern = _named(service)
    filler = "The ward was busy and staffing was short. "
    text = filler * 25_000  # just over a megabyte
    join = identity_scan.PIECE - 6  # a name across the first join between pieces
    text = text[:join] + " Siobhan Kerr-Lindsay " + text[join:] + " ring 07700 900461"
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return False

    scan = identity_scan.scan_field(book, concern, "notes", text, cancelled=cancelled)
    assert len(asked) > 40  # asked between pieces
    assert scan.kinds == ("own_name", "own_phone")
    assert "Siobhan" not in scan.replaced and "C" in scan.replaced
    assert scan.too_long
    with pytest.raises(identity_scan.ScanCancelled):
        identity_scan.scan_field(book, concern, "notes", text, cancelled=lambda: True)


def test_kept_text_is_audited_by_field_and_kind(book: Casebook, service: ConcernService) -> None:
    concern = _named(service)
    identity_scan.record_kept(book, concern, "notes", ["own_name", "own_name", "phone"])
    detail = book.cases.execute(
        "SELECT detail FROM audit WHERE event = 'identity.text_kept'").fetchone()[0]
    assert json.loads(detail) == {"field": "notes", "kinds": ["own_name", "phone"]}


# ----- the limit ---------------------------------------------------------------------------------


def test_text_over_the_limit_is_refused_by_the_store_in_one_sentence(
        book: Casebook, service: ConcernService) -> None:
    concern = _named(service)
    long = "a" * (MAX_FIELD_CHARS + 1)
    with pytest.raises(RuleError) as refused:
        service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE, long)
    assert str(refused.value).startswith("Notes is 100,001 characters long")
    assert str(refused.value).count(".") == 1
    with pytest.raises(RuleError):
        service.update_intake(concern, summary=long)
    with pytest.raises(RuleError):
        service.add_action(concern, "Fix it", learning=long)
    service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE,
                             "a" * MAX_FIELD_CHARS)  # exactly the limit is fine


# ----- reports --------------------------------------------------------------------------------


def test_reports_show_learning_statements_masked(book: Casebook,
                                                 service: ConcernService) -> None:
    from app.core.periods import parse_period
    from app.store.report_figures import learning_statements

    concern = _named(service)
    action = service.add_action(concern, "Double checks",
                                learning="Siobhan's idea: two signatures on 07700 900461",
                                publishable=True)
    service.update_action(action, done_on=date(2025, 6, 1))
    other = _named(service, PersonDetails(name="Torquil Abernethy"))
    action = service.add_action(other, "Rota", learning="Siobhan Kerr-Lindsay fixed the rota",
                                publishable=True)
    service.update_action(action, done_on=date(2025, 6, 2))
    assert learning_statements(book, parse_period("2025-26-Q1")) == [
        "C's idea: two signatures on [phone]", "[name] fixed the rota"]


# ----- the return builder uses the casebook's scanner -------------------------------------------


@pytest.mark.parametrize("statement", [
    "Ring Ms Kerr-Lind\u00adsay on 07700\u2009900461 about it",  # soft hyphen, thin spaces
    "\u0405iobhan Kerr-Lindsay changed the rota",  # Cyrillic capital S
    "Write to s dot kerr at example dot org",  # spelled-out email
    "The Night Owls changed the rota",  # the organisation's never-publish list
    "Saoirse Threipland changed the rota",  # an unnamed concern's fingerprint
    "Call +49 30 901820 for the policy",  # an international number nobody holds
])
def test_the_return_refuses_every_disguise_and_the_organisations_words(
        book: Casebook, service: ConcernService, statement: str) -> None:
    from app.core.periods import parse_period
    from app.returns.payload import build_payload
    from app.store.errors import IdentifyingText

    book.set_setting("reporting_unit", "Test Unit")
    concern = _named(service)
    identity_scan.record_fingerprint(book, _unnamed(service), "Saoirse Threipland")
    identity_scan.set_never_publish(book, ["Night Owls"])
    action = service.add_action(concern, "Change", learning=statement, publishable=True)
    service.update_action(action, done_on=date(2025, 6, 1))
    with pytest.raises(IdentifyingText) as refused:
        build_payload(book, parse_period("2025-26-Q1"))
    assert "may identify someone" in str(refused.value)


def test_the_organisations_own_number_passes_the_return(book: Casebook,
                                                       service: ConcernService) -> None:
    from app.core.periods import parse_period
    from app.returns.payload import build_payload

    book.set_setting("reporting_unit", "Test Unit")
    identity_scan.set_allow_list(book, ["0131 555 0199"])
    action = service.add_action(_named(service), "Change",
                                learning="Staff now ring the speak-up line on 0131 555 0199",
                                publishable=True)
    service.update_action(action, done_on=date(2025, 6, 1))
    payload = build_payload(book, parse_period("2025-26-Q1"))
    assert payload["learning"] == ["Staff now ring the speak-up line on 0131 555 0199"]

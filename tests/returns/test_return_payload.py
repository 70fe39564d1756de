"""The contact's side: what a payload holds, what it never holds, and the identifying scan."""

from __future__ import annotations

import base64
import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.identifying import is_valid_chi
from app.core.periods import parse_period, period_between
from app.core.records import ConversationMode, RaiserCategory, ServiceType, SpeakUpAgain
from app.core.return_figures import compute_return_figures
from app.returns.payload import build_payload, preview_text
from app.returns.schema import payload_bytes, schema_problems
from app.store import audit
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import IdentifyingText, ReturnError
from app.store.return_sources import detriment_reports, feedback_records
from tests.returns.return_helpers import named_concern
from tests.support import PASSPHRASE, TODAY

Q1, Q2, YEAR = (parse_period(p) for p in ("2025-26-Q1", "2025-26-Q2", "2025-26"))
TOP_KEYS = {"format", "version", "return_id", "reporting_unit", "period", "created_at",
            "software_version", "audit_head", "audit_chain", "identity_access", "figures",
            "learning"}


def _a_chi_number() -> str:
    for tail in range(1000, 9999):
        candidate = f"120385{tail}"
        if is_valid_chi(candidate):
            return candidate
    raise AssertionError("no CHI number found")


def test_the_payload_holds_the_agreed_keys_and_figures(book: Casebook,
                                                      service: ConcernService) -> None:
    concern = service.create(named_concern(date(2025, 5, 2), "Jordan Testperson",
                                           themes=("staffing", "A ward-only theme"),
                                           category=RaiserCategory.STUDENT_TRAINEE))
    service.record_detriment(concern, date(2025, 5, 20), "Moved off the rota", "Reinstated")
    service.record_feedback(concern, date(2025, 6, 1), SpeakUpAgain.YES, "It went well")
    payload = build_payload(book, Q1)
    assert set(payload) == TOP_KEYS and schema_problems(payload) == []
    assert payload["format"] == "casebook-return" and payload["version"] == 2
    assert payload["reporting_unit"] == "Test Unit"
    assert payload["period"] == {"label": "2025-26-Q1", "from": "2025-04-01", "to": "2025-06-30"}
    assert re.fullmatch(r"[0-9a-f-]{36}", payload["return_id"])
    seq, digest = audit.head(book.cases)
    assert payload["audit_head"] == {"seq": seq, "hash": digest}
    # The first return carries the whole chain, from the start, as macs that lead to its head.
    chain = payload["audit_chain"]
    assert chain["from"] == {"seq": 0, "hash": audit.GENESIS}
    macs = base64.b64decode(chain["macs"])
    assert len(macs) == 32 * seq
    assert list(audit.follow(audit.GENESIS, [macs[i:i + 32].hex() for i in range(
        0, len(macs), 32)]))[-1] == digest
    figures = payload["figures"]
    assert figures == compute_return_figures(service.all_facts(), Q1, service.calendar(),
                                             detriment_reports(book), feedback_records(book))
    assert figures["received"]["stage1"] == 1
    assert figures["by_service"]["nhs"]["received"]["stage1"] == 1
    assert figures["by_theme"]["staffing"]["received"]["stage1"] == 1
    assert figures["by_theme"]["other"]["received"]["stage1"] == 1  # the local theme
    assert figures["by_theme"]["fraud"]["received"]["stage1"] == 0
    assert figures["by_raiser_category"]["student_trainee"]["received"]["stage1"] == 1
    assert figures["detriment"] == {"reports": 1, "concerns": 1}
    assert figures["feedback"]["speak_up_again"]["yes"] == 1
    # Two builds differ only in their id and time: the preview shows what is sent.
    again = build_payload(book, Q1)
    assert {k: v for k, v in again.items() if k not in ("return_id", "created_at")} == \
        {k: v for k, v in payload.items() if k not in ("return_id", "created_at")}
    assert preview_text(payload).encode() == payload_bytes(payload)


def test_learning_goes_in_the_period_its_action_was_signed_off(
        book: Casebook, service: ConcernService) -> None:
    concern = service.create(named_concern(date(2025, 5, 2), "Jordan Testperson"))
    signed_off = service.add_action(concern, "Second checks", learning="Second checks now at "
                                    "night too.", publishable=True)
    service.update_action(signed_off, done_on=date(2025, 6, 10))
    private = service.add_action(concern, "Rota", learning="Kept inside.", publishable=False)
    service.update_action(private, done_on=date(2025, 6, 10))
    service.add_action(concern, "Not yet done", learning="Still waiting.", publishable=True)
    later = service.add_action(concern, "Later", learning="Handover sheet revised.",
                               publishable=True)
    service.update_action(later, done_on=date(2025, 8, 1))
    assert build_payload(book, Q1)["learning"] == ["Second checks now at night too."]
    assert build_payload(book, Q2)["learning"] == ["Handover sheet revised."]
    assert build_payload(book, YEAR)["learning"] == ["Handover sheet revised.",
                                                     "Second checks now at night too."]


@pytest.mark.parametrize("statement, reason", [
    ("Jordan raised it first and the ward changed.", "C's name"),
    ("Ask Jordan Testperson about the new form.", "C's name"),
    ("Ottoline Marchbanks saw it too.", "name held in the casebook"),
    ("Write to ward7 dot lead at nhs dot example for the new form.", "email address"),
    ("Call 07700\u00a0900\u2009456 if it happens again.", "phone number"),
    ("Her DOB is 03/04/1981.", "date of birth"),
    ("Write to ward7.lead@nhs.example for the new form.", "email address"),
    ("Call 07700 900456 if it happens again.", "phone number"),
    (f"Patient {_a_chi_number()} was moved.", "CHI number"),
])
def test_identifying_learning_blocks_the_build(book: Casebook, service: ConcernService,
                                               statement: str, reason: str) -> None:
    service.create(named_concern(date(2025, 5, 1), "Ottoline Marchbanks"))
    concern = service.create(named_concern(date(2025, 5, 2), "Jordan Testperson"))
    action = service.add_action(concern, "Share", learning=statement, publishable=True)
    service.update_action(action, done_on=date(2025, 6, 10))
    with pytest.raises(IdentifyingText) as caught:
        build_payload(book, Q1)
    message = str(caught.value)
    assert statement in message and reason in message
    assert caught.value.problems[0][0] == statement


def test_too_many_learning_statements_are_refused_in_words_before_any_scan(
        book: Casebook, service: ConcernService, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.returns import payload
    from app.store import scanning

    monkeypatch.setattr(payload, "MAX_STATEMENTS", 2)
    concern = service.create(named_concern(date(2025, 5, 2), "Jordan Testperson"))
    for n in range(3):
        action = service.add_action(concern, f"Change {n}", learning=f"Lesson {n}.",
                                    publishable=True)
        service.update_action(action, done_on=date(2025, 6, 10))
    scanned: list[object] = []
    monkeypatch.setattr(scanning, "scanner_for", lambda book: scanned.append(book))
    with pytest.raises(ReturnError) as caught:
        build_payload(book, Q1)
    assert str(caught.value) == (
        "A return carries at most 2 learning statements, and 3 are marked publishable "
        "between 01/04/2025 and 30/06/2025: mark only those the board should see as "
        "publishable.")
    assert "Q1" not in str(caught.value) and not scanned


def test_a_return_covers_a_year_or_a_quarter(book: Casebook) -> None:
    with pytest.raises(ReturnError, match="financial year"):
        build_payload(book, period_between(date(2025, 4, 1), date(2025, 5, 31)))


# ----- the property: nothing that identifies, nothing from the notes --------------------------

_token = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=6, max_size=10).map(
    lambda s: "Qy" + s)
_concern = st.fixed_dictionaries({
    "name": st.tuples(_token, _token).map(" ".join),
    "email": _token.map(lambda s: f"{s.lower()}@example.org"),
    "phone": st.integers(100, 999).map(lambda n: f"07700 900{n}"),
    "notes": st.lists(_token, min_size=1, max_size=4).map(" ".join),
    "summary": _token,
    "area": _token,
    "received": st.dates(min_value=date(2025, 4, 1), max_value=date(2026, 3, 31)),
    "service": st.sampled_from(ServiceType),
    "learning": st.one_of(st.none(), st.sampled_from([
        "Handover sheets now list high-risk medicines.", "{name} asked for a quieter room.",
        "Rota gaps are escalated within a day.", "Email {email} with any question."])),
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_concern, min_size=1, max_size=3))
def test_no_identity_and_no_conversation_text_in_any_payload(concerns: list[dict[str, object]]
                                                             ) -> None:
    with tempfile.TemporaryDirectory() as folder:
        book, _ = Casebook.create(Path(folder) / "cb", PASSPHRASE, organisation="NHS Test",
                                  unit="Test Unit")
        with book:
            service = ConcernService(book, today=lambda: TODAY)
            secrets: list[str] = []
            for item in concerns:
                concern = service.create(named_concern(
                    item["received"], str(item["name"]), email=str(item["email"]),  # type: ignore[arg-type]
                    phone=str(item["phone"]), service=item["service"],  # type: ignore[arg-type]
                    summary=str(item["summary"]), area=str(item["area"])))
                service.log_conversation(concern, item["received"],  # type: ignore[arg-type]
                                         ConversationMode.IN_PERSON, str(item["notes"]),
                                         str(item["summary"]))
                if item["learning"] is not None:
                    text = str(item["learning"]).format(**item)
                    action = service.add_action(concern, "Follow up", learning=text,
                                                publishable=True)
                    service.update_action(action, done_on=TODAY)
                reference = book.cases.execute("SELECT reference FROM concerns WHERE id = ?",
                                               (concern,)).fetchone()[0]
                secrets += [str(item[k]) for k in ("email", "phone", "notes", "summary", "area")]
                secrets += [*str(item["name"]).split(), reference]
            for period in (YEAR, parse_period("2026-27")):
                try:
                    payload = build_payload(book, period)
                except IdentifyingText:
                    continue  # a statement named someone, and the build stopped
                text = payload_bytes(payload).decode()
                leaked = [s for s in secrets if s.lower() in text.lower()]
                assert leaked == []
                dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", text))
                assert dates <= {period.start.isoformat(), period.end.isoformat(),
                                 payload["created_at"][:10]}
                assert json.loads(text) == payload


def test_the_return_counts_access_to_identity_without_saying_who_or_why(
        book: Casebook, tmp_path: Path) -> None:
    """For the board's oversight: reveals, documents showing the identity, disclosures and
    by-person searches in the period, as counts; nothing else of them leaves."""
    from app.core.records import DisclosureConsent
    from app.services.documents import save_case_summary
    from app.store.identities import IdentityService

    today = date.today()  # audit entries are stamped now: the period is today's quarter
    service = ConcernService(book, today=lambda: today)
    concern = service.create(named_concern(date(2025, 5, 2), "Jordan Testperson"))
    period = period_between(today, today)
    identities = IdentityService(book)
    identities.reveal(concern, "to write to C about the meeting")
    identities.reveal(concern, "checking the phone number")
    save_case_summary(book, concern, tmp_path / "full.pdf", full_reason="handover to a colleague",
                      password="summary password")
    save_case_summary(book, concern, tmp_path / "redacted.pdf")  # shows no identity
    service.record_disclosure(concern, disclosed_to="Director of Nursing", role="Investigator",
                              on=today, reason="to investigate",
                              consent=DisclosureConsent.CONSENT_WRITTEN, consent_on=today)
    book.record("identity.found_by_person", "identities", "", {"matches": 1})
    counts = build_payload(book, return_period_of(today))["identity_access"]
    # The full summary is a reveal too (three in all), and one document.
    assert counts == {"reveals": 3, "documents": 1, "disclosures": 1, "person_searches": 1}
    text = preview_text(build_payload(book, return_period_of(today)))
    assert "to write to C" not in text and "Director of Nursing" not in text
    assert period.start == today


def return_period_of(day: date):  # type: ignore[no-untyped-def]
    """The financial quarter holding `day`."""
    quarter = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3, 1: 4, 2: 4, 3: 4}
    year = day.year if day.month >= 4 else day.year - 1
    return parse_period(f"{year}-{(year + 1) % 100:02d}-Q{quarter[day.month]}")

"""The case summary: redacted by default (canary test), full only through an audited reveal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    ConsentMethod,
    ConversationMode,
    Outcome,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.documents.case_summary import render_case_summary
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, NewConcern
from app.store.errors import NotFound
from app.store.identities import Consent, IdentityService
from tests.documents.document_helpers import have, pdf_text, render_pages
from tests.support import TODAY

CANARY = PersonDetails(
    name="Zebedee Quillfeather", other_names="Zeb Quill; Bee Quillfeather",
    email="zq.canary@example.org", phone="07700 900555", address="1 Canary Wharf Lane",
    employer="Canary Agency", job_title="Canary keeper", support_person="Canary friend")
OTHER = PersonDetails(name="Ottoline Marchbanks", email="o.march@example.org")
# Everything that must not appear in a redacted summary, in any case.
SECRETS = ("zebedee", "quillfeather", "quill", "zq.canary", "900555", "canary wharf",
           "canary agency", "canary keeper", "canary friend", "ottoline", "marchbanks",
           "o.march", "1203851235")


def _named(person: PersonDetails, received: date, summary: str) -> NewConcern:
    return NewConcern(
        received_on=received, channel=Channel.PHONE, raised_with=RaisedWith.CONFIDENTIAL_CONTACT,
        raiser_category=RaiserCategory.EMPLOYEE, anonymity=Anonymity.NAMED,
        service_type=ServiceType.NHS, service_area="Ward 7", summary=summary,
        themes=("staffing",), starting_stage=Stage.STAGE1, consent_on=received,
        consent_method=ConsentMethod.CONVERSATION, person=person)


@pytest.fixture
def canary(book: Casebook, service: ConcernService) -> int:
    service.create(_named(OTHER, date(2025, 5, 1), "Another concern"))
    concern = service.create(_named(
        CANARY, date(2025, 5, 2), "Zebedee Quillfeather says the night rota is unsafe."))
    service.log_conversation(
        concern, date(2025, 5, 2), ConversationMode.PHONE,
        "ZEBEDEE called from 07700900555 and asked us to write to ZQ.Canary@example.org.\n\n"
        "Quill mentioned that Ottoline Marchbanks (o.march@example.org) saw it too; "
        "patient CHI 120385 1235 was involved.", "Call Zeb back on +44 7700 900 555")
    issue = service.add_issue(concern, "Rota gaps reported by quillfeather")
    service.set_issue_findings(issue, "Bee Quillfeather was right.")
    service.respond(concern, Stage.STAGE1, date(2025, 5, 9), Outcome.UPHELD,
                    summary="Told Zebedee the outcome.")
    service.add_action(concern, "Fix the rota", owner="Ward manager",
                       learning="Rotas are checked weekly.", publishable=True)
    IdentityService(book).add_consent(concern, Consent("Head of HR", date(2025, 5, 3),
                                                       "in conversation"))
    return concern


def _audit(book: Casebook) -> list[tuple[str, dict[str, object]]]:
    return [(event, json.loads(detail)) for event, detail in
            book.cases.execute("SELECT event, detail FROM audit ORDER BY seq")]


def test_redacted_summary_holds_none_of_the_persons_details(book: Casebook, canary: int,
                                                            tmp_path: Path) -> None:
    before = len(_audit(book))
    pdf = render_case_summary(book, canary, today=TODAY)
    text = pdf_text(pdf)
    lowered = text.lower()
    for secret in SECRETS:
        assert secret not in lowered, secret
    assert "C says the night rota is unsafe." in text
    assert "C called from [phone] and asked us to write to [email]." in text
    assert "C mentioned that [name] ([email]) saw it too; patient CHI [CHI] was" in text
    assert "the person who raised the concern is called C" in text and "C is Employee" in text
    assert "Rotas are checked weekly." in text and "Ward 7" in text
    assert _audit(book)[before:] == [("export.case_summary", {"redacted": True})]
    if have("pdftotext"):  # poppler reads it the same way
        import subprocess

        path = tmp_path / "summary.pdf"
        path.write_bytes(pdf)
        poppler = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                 check=True).stdout.lower()
        assert "[name]" in poppler and "[phone]" in poppler
        assert not [s for s in SECRETS if s in poppler.replace("\n", " ")]


def test_full_summary_is_an_audited_reveal(book: Casebook, canary: int) -> None:
    before = len(_audit(book))
    text = pdf_text(render_case_summary(book, canary, full_reason="Investigator needs it",
                                        today=TODAY))
    for shown in ("Zebedee Quillfeather", "zq.canary@example.org", "07700 900555",
                  "1 Canary Wharf Lane", "Canary keeper", "May be shared with Head of HR",
                  "ZEBEDEE called from 07700900555"):
        assert shown in text, shown
    assert _audit(book)[before:] == [
        ("identity.revealed", {"reason": "Investigator needs it"}),
        ("export.case_summary", {"redacted": False}),
    ]


def test_no_full_summary_without_an_identity(book: Casebook, service: ConcernService) -> None:
    anonymous = service.create(NewConcern(
        received_on=date(2025, 5, 2), channel=Channel.EMAIL,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.OTHER,
        anonymity=Anonymity.ANONYMOUS, service_type=ServiceType.LOCAL_AUTHORITY))
    with pytest.raises(NotFound, match="No identity is recorded"):
        render_case_summary(book, anonymous, full_reason="Curious")
    assert "Anonymous" in pdf_text(render_case_summary(book, anonymous, today=TODAY))


def test_demo_summaries_hold_no_identity(book: Casebook, tmp_path: Path) -> None:
    from app.demo import add_demo_concerns

    add_demo_concerns(book, 12, seed=5, today=TODAY)
    held = [s.lower() for s in IdentityService(book).identifying_strings()]
    ids = [row[0] for row in book.cases.execute("SELECT id FROM concerns ORDER BY id")]
    for concern_id in ids[:6]:
        pdf = render_case_summary(book, concern_id, today=TODAY)
        text = pdf_text(pdf).lower()
        assert not [s for s in held if s in text]
    if have("pdftoppm"):
        path = tmp_path / "summary.pdf"
        path.write_bytes(pdf)
        assert render_pages(path, tmp_path)

"""Letters: each kind's PDF read back (what it must say and must never say), signposting per
issue, the named contact, dates of the event, the letter kept as a record and as sent,
re-issued and re-printed, protected by default, and the templates."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    ConsentMethod,
    Outcome,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    Stage,
)
from app.documents.errors import DocumentError
from app.documents.letters import (
    LETTER_KINDS,
    available_letters,
    check_template,
    default_template,
    letter_template,
)
from app.services import letters
from app.store.casebook import Casebook
from app.store.concern_detail import load_concern
from app.store.concerns import ConcernService, IssueOutcome, NewConcern
from app.store.errors import CasebookError
from app.store.identities import IdentityService
from app.store.letter_settings import Body
from app.store.templates import remove_template_override, save_template_override
from tests.documents.document_helpers import (
    Designed,
    add_designed_concerns,
    have,
    pdf_text,
    render_pages,
    set_letter_contact,
)
from tests.support import TODAY

PASSWORD = "letter password"
CONTACT = "Morgan Contactperson"
# Written for the person, in the second person: what the letter's own fields hold.
FIELDS = {
    "findings": "We looked at the rotas for March and spoke to the night staff. We found "
                "that you were right about the staffing on two nights.",
    "apology": "We are sorry that the ward was short of staff on those nights.",
    "actions": "The ward manager now checks the night rota every week.",
    "how_investigated": "We read the rotas, the incident reports and spoke to six staff.",
    "understanding": "You want us to look at whether the night checks are being skipped.",
    "extension_reason": "We need to speak to a member of staff who is on leave.",
    "reasons": "What you raised is about your own terms of employment, which the grievance "
               "procedure deals with.",
    "other_procedure": "You can raise it under the grievance procedure; we can help you.",
}
INTERNAL = ("We read the rotas and spoke to six staff.",  # C's stage 2 response summary
            "The rota showed one nurse on most nights.",  # C's issue findings
            "Two-person checks at night",  # C's action, as recorded
            "A witness is on leave",  # B's extension reason, as recorded
            "It is a personal employment matter.",  # I's decision reasons
            "Designed test concern")  # every concern's summary


@pytest.fixture
def designed(book: Casebook, service: ConcernService) -> Designed:
    set_letter_contact(book)
    return add_designed_concerns(service)


def _make(book: Casebook, concern_id: int, kind: str, tmp_path: Path, **options: object
          ) -> tuple[str, letters.MadeLetter]:
    fields = options.pop("fields", FIELDS)
    draft = letters.draft(book, concern_id, kind, fields,  # type: ignore[arg-type]
                          raiser=int(options.get("raiser", 0)),  # type: ignore[call-overload]
                          local_body=options.get("local_body", SignpostBody.CARE_INSPECTORATE),
                          other_body=str(options.get("other_body", "")),
                          extension_id=options.get("extension_id"),  # type: ignore[arg-type]
                          today=TODAY)
    out = tmp_path / f"{kind}-{concern_id}-{len(list(tmp_path.iterdir()))}.pdf"
    options.setdefault("password", PASSWORD)
    made = letters.make(book, concern_id, kind, draft.text, "Writing to the person", out,
                        today=TODAY, **options)  # type: ignore[arg-type]
    return pdf_text(out.read_bytes(), PASSWORD if made.protected else None), made


def _never(text: str) -> None:
    """What no letter may say: the pseudonym, or anything from the case record."""
    assert not re.search(r"(?<![\w'])C(?!\w)", text), "calls the person C"
    for note in INTERNAL:
        assert note not in text, note
    assert "[if" not in text and "{" not in text


def _contact(text: str) -> None:
    assert (f"please contact {CONTACT}, Whistleblowing lead, by phone on 01234 567890 or by "
            "email at whistleblowing@example.org") in text
    assert text.rstrip().endswith("Our reference: " + text.split("Our reference: ")[1]
                                  .split()[0]) or CONTACT in text


# ----- each kind -------------------------------------------------------------------------------


def test_stage1_response_is_written_to_the_person(book: Casebook, designed: Designed,
                                                  tmp_path: Path) -> None:
    text, made = _make(book, designed.ids["A"], "stage1_response", tmp_path)
    assert "Dear Avery Alpha," in text and "raising your concern with us on 3 April 2025" in text
    assert FIELDS["findings"] in text and FIELDS["apology"] in text
    assert "your concern is upheld" in text and FIELDS["actions"] in text
    assert "Date: 9 April 2025" in text and made.letter_date == date(2025, 4, 9)  # the response
    assert "22 November 2026" not in text  # never today's date by accident
    assert "investigated further at stage 2" in text
    _contact(text)
    _never(text)


def test_stage2_acknowledgement_gives_the_due_date_of_its_day(
        book: Casebook, designed: Designed, service: ConcernService, tmp_path: Path) -> None:
    text, made = _make(book, designed.ids["C"], "stage2_acknowledgement", tmp_path)
    assert "not satisfied with our response at stage 1" in text and "12 May 2025" in text
    assert FIELDS["understanding"] in text
    assert "Head of Governance, has not been involved" in text
    # Escalated Mon 12 May: 20 working days (26 May a holiday) end on Tue 10 June.
    assert "full response by 10 June 2025" in text and made.letter_date == date(2025, 5, 14)
    _contact(text)
    _never(text)
    # An extension authorised later changes neither the acknowledgement nor a re-issue of it.
    d = designed.ids["D"]
    service.acknowledge(d, date(2025, 6, 4))
    first, _ = _make(book, d, "stage2_acknowledgement", tmp_path)
    assert "full response by 30 June 2025" in first and "14 July" not in first


def test_extension_notice_gives_the_date_it_replaced_and_the_new_one(
        book: Casebook, designed: Designed, service: ConcernService, tmp_path: Path) -> None:
    text, made = _make(book, designed.ids["B"], "extension_notice", tmp_path)
    # Entered Mon 14 April 2025; five working days (Good Friday off) end on 22 April.
    assert "under stage 1" in text and "by 22 April 2025" in text and "by 28 April 2025" in text
    assert FIELDS["extension_reason"] in text and made.letter_date == date(2025, 4, 17)
    _contact(text)
    _never(text)
    # A second extension: its notice replaces 28 April; the first's notice still says 22 April.
    b = designed.ids["B"]
    second = service.extend(b, Stage.STAGE1, authorised_by="Head of service",
                            authorised_on=date(2025, 4, 24), reason="More leave",
                            new_due_on=date(2025, 4, 30))
    first = min(e.extension_id for e in load_concern(book.cases, b).extensions)
    again, _ = _make(book, b, "extension_notice", tmp_path, extension_id=first)
    assert "by 22 April 2025" in again and "by 28 April 2025" in again
    latest, _ = _make(book, b, "extension_notice", tmp_path, extension_id=second)
    assert "by 28 April 2025, but" in latest and "by 30 April 2025" in latest


def test_stage2_decision_for_an_nhs_concern_signposts_the_inwo(
        book: Casebook, designed: Designed, tmp_path: Path) -> None:
    text, made = _make(book, designed.ids["E"], "stage2_decision", tmp_path)
    assert FIELDS["how_investigated"] in text and FIELDS["findings"] in text
    assert "your concern is not upheld" in text and "This letter is our final decision" in text
    assert ("If you remain unhappy with our decision or with how we handled your concern, you "
            "can ask the Independent National Whistleblowing Officer (INWO) to look at it") in text
    assert "www.inwo.org.uk" in text and "0800 008 6112" in text
    assert "Care Inspectorate" not in text and "local authority" not in text
    assert made.letter_date == date(2025, 4, 15)
    _contact(text)
    _never(text)


def _concern(service: ConcernService, service_type: ServiceType, name: str,
             issues: tuple[tuple[str, ServiceType | None], ...]) -> int:
    received = date(2025, 5, 6)
    cid = service.create(NewConcern(
        received_on=received, channel=Channel.PHONE, raised_with=RaisedWith.CONFIDENTIAL_CONTACT,
        raiser_category=RaiserCategory.EMPLOYEE, anonymity=Anonymity.NAMED,
        service_type=service_type, starting_stage=Stage.STAGE2, handler="An Investigator",
        consent_on=received, consent_method=ConsentMethod.CONVERSATION,
        person=PersonDetails(name)))
    ids = [service.add_issue(cid, text, kind) for text, kind in issues]
    service.respond(cid, Stage.STAGE2, date(2025, 6, 2), Outcome.PARTIALLY_UPHELD,
                    issue_outcomes=tuple(IssueOutcome(i, Outcome.UPHELD) for i in ids))
    return cid


def test_stage2_decision_for_a_wholly_local_authority_concern(
        book: Casebook, designed: Designed, service: ConcernService, tmp_path: Path) -> None:
    cid = _concern(service, ServiceType.LOCAL_AUTHORITY, "Lee Local",
                   (("Home care visits are cut short", None),))
    text, _ = _make(book, cid, "stage2_decision", tmp_path)
    assert ("Your concern is about services provided by the local authority. If you remain "
            "unhappy with our decision or with how we handled your concern, you can ask the "
            "Care Inspectorate to look at it.") in text
    assert "Part of your concern" not in text and "INWO" not in text
    assert "Issue 1 (Home care visits are cut short): upheld." in text
    audit_text, _ = _make(book, cid, "stage2_decision", tmp_path,
                          local_body=SignpostBody.AUDIT_SCOTLAND)
    assert "you can ask Audit Scotland to look at it" in audit_text
    assert "www.audit.scot" in audit_text
    other, made = _make(book, cid, "stage2_decision", tmp_path, local_body=SignpostBody.OTHER,
                        other_body="the Scottish Public Services Ombudsman")
    assert "you can ask the Scottish Public Services Ombudsman to look at it" in other
    assert json.loads(book.cases.execute("SELECT facts FROM letters WHERE id = ?",
                                         (made.letter_id,)).fetchone()[0])["other_body"]
    _never(text)


def test_stage2_decision_for_a_mixed_concern_is_signposted_per_issue(
        book: Casebook, designed: Designed, service: ConcernService, tmp_path: Path) -> None:
    cid = _concern(service, ServiceType.BOTH, "Mo Mixed",
                   (("Ward staffing at night", ServiceType.NHS),
                    ("Home care visits", ServiceType.LOCAL_AUTHORITY),
                    ("Discharge planning", ServiceType.NHS)))
    text, made = _make(book, cid, "stage2_decision", tmp_path)
    assert ("Part of your concern (issues 1 and 3) is about NHS services. If you remain "
            "unhappy with our decision on that part, or with how we handled it, you can ask the "
            "Independent National Whistleblowing Officer (INWO) to look at it.") in text
    assert ("Part of your concern (issue 2) is about services provided by the local "
            "authority. If you remain unhappy with our decision on that part, or with how we "
            "handled it, you can ask the Care Inspectorate to look at it.") in text
    recorded = json.loads(book.cases.execute("SELECT facts FROM letters WHERE id = ?",
                                             (made.letter_id,)).fetchone()[0])
    assert recorded["signposting"] == [
        {"body": "inwo", "whole": False, "issues": [1, 3]},
        {"body": "care_inspectorate", "whole": False, "issues": [2]}]
    _never(text)


def test_the_organisation_edits_a_bodys_details(book: Casebook, designed: Designed,
                                                tmp_path: Path) -> None:
    letters.set_body(book, "inwo", Body("the Independent National Whistleblowing Officer "
                                        "(INWO)", "www.inwo.example", "0800 000 0000", ""))
    text, _ = _make(book, designed.ids["E"], "stage2_decision", tmp_path)
    assert "www.inwo.example" in text and "www.inwo.org.uk" not in text
    letters.reset_body(book, "inwo")
    assert "www.inwo.org.uk" in _make(book, designed.ids["E"], "stage2_decision", tmp_path)[0]


def test_not_taken_forward_gives_the_persons_reasons_and_the_decision_date(
        book: Casebook, designed: Designed, tmp_path: Path) -> None:
    text, made = _make(book, designed.ids["I"], "not_taken_forward", tmp_path)
    assert FIELDS["reasons"] in text and FIELDS["other_procedure"] in text
    assert "on 9 June 2025 we decided not to take it forward" in text
    assert "If you disagree with this decision, you can ask the Independent National " \
           "Whistleblowing Officer (INWO) to look at it" in text
    assert "Care Inspectorate" not in text and made.letter_date == date(2025, 6, 9)
    _contact(text)
    _never(text)


@pytest.mark.parametrize(("service_type", "issues", "said", "not_said"), [
    (ServiceType.NHS, (), ["If you disagree with this decision, you can ask the Independent "
                           "National Whistleblowing Officer (INWO) to look at it."],
     ["local authority", "Care Inspectorate"]),
    (ServiceType.LOCAL_AUTHORITY, (), [
        "Your concern is about services provided by the local authority. If you disagree "
        "with this decision, you can ask the Care Inspectorate to look at it."], ["INWO"]),
    (ServiceType.LOCAL_AUTHORITY, (("Care visits", None), ("Meals", None)), [
        "Your concern is about services provided by the local authority."], ["INWO",
                                                                            "Part of"]),
    (ServiceType.BOTH, (("Ward", ServiceType.NHS), ("Care visits", ServiceType.LOCAL_AUTHORITY)),
     ["Part of your concern (issue 1) is about NHS services. If you disagree with this "
      "decision about that part, you can ask the Independent National Whistleblowing Officer "
      "(INWO) to look at it.",
      "Part of your concern (issue 2) is about services provided by the local authority."],
     []),
])
def test_not_taken_forward_is_signposted_per_issue(
        book: Casebook, designed: Designed, service: ConcernService, tmp_path: Path,
        service_type: ServiceType, issues: tuple[tuple[str, ServiceType | None], ...],
        said: list[str], not_said: list[str]) -> None:
    from app.core.records import ProcedureDecision

    cid = service.create(NewConcern(
        received_on=date(2025, 5, 6), channel=Channel.PHONE,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED, service_type=service_type,
        person=PersonDetails("Nat Forward")))
    for text, kind in issues:
        service.add_issue(cid, text, kind)
    service.decide(cid, ProcedureDecision.NOT_TAKEN_FORWARD, date(2025, 5, 8),
                   "A grievance matter", written_response=True)
    text, _ = _make(book, cid, "not_taken_forward", tmp_path)
    for sentence in said:
        assert sentence in text
    for words in not_said:
        assert words not in text
    assert "A grievance matter" not in text
    _never(text)


def test_no_letter_when_both_sides_agreed_none_is_needed(book: Casebook, designed: Designed,
                                                         service: ConcernService) -> None:
    service.set_written_response(designed.ids["I"], False)
    assert available_letters(load_concern(book.cases, designed.ids["I"])) == []
    assert "no written response is needed" in letters.choices(book, designed.ids["I"]).note


# ----- independence follows what was recorded ------------------------------------------------


def test_a_justified_handler_is_never_said_to_be_uninvolved(
        book: Casebook, designed: Designed, service: ConcernService, tmp_path: Path) -> None:
    cid = service.create(NewConcern(
        received_on=date(2025, 5, 6), channel=Channel.PHONE,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED, service_type=ServiceType.NHS, starting_stage=Stage.STAGE1,
        handler="Sam Senior", consent_on=date(2025, 5, 6),
        consent_method=ConsentMethod.CONVERSATION, person=PersonDetails("Kit Kilo")))
    service.respond(cid, Stage.STAGE1, date(2025, 5, 9), Outcome.NOT_UPHELD)
    service.escalate(cid, date(2025, 5, 13), "Sam Senior",
                     justification="The only senior manager in the unit")
    text, _ = _make(book, cid, "stage2_acknowledgement", tmp_path)
    assert "has not been involved" not in text
    assert "Sam Senior. They have had some earlier involvement" in text
    assert "The only senior manager" not in text  # the justification itself is internal


# ----- the text is the contact's, checked -----------------------------------------------------


def test_a_letter_that_calls_the_person_c_or_names_someone_else_is_refused(
        book: Casebook, designed: Designed, tmp_path: Path) -> None:
    a = designed.ids["A"]
    draft = letters.draft(book, a, "stage1_response", FIELDS, today=TODAY)
    with pytest.raises(CasebookError, match=r'calls the person "C" \(line'):
        letters.make(book, a, "stage1_response", draft.text + "\nC said the rota was wrong.\n",
                     "Writing", tmp_path / "x.pdf", password=PASSWORD)
    named_other = draft.text.replace(FIELDS["findings"], "Blair Bravo told us about it.")
    with pytest.raises(CasebookError, match="mentions a name held in the casebook"):
        letters.make(book, a, "stage1_response", named_other, "Writing", tmp_path / "x.pdf",
                     password=PASSWORD)
    scan = letters.scan_text(book, a, 0, named_other, draft.extra_allowed)
    assert [f.kind for f in scan.findings] == ["other_name"] and "[name]" in scan.replaced
    assert not (tmp_path / "x.pdf").exists()
    kept = letters.make(book, a, "stage1_response", named_other, "Writing", tmp_path / "x.pdf",
                        password=PASSWORD, keep_found=True)
    assert kept.path.exists()
    # The person's own name, the contact's and the bodies' details are no findings.
    own = letters.scan_text(book, a, 0, "Avery Alpha, call 01234 567890 or 0800 008 6112.",
                            draft.extra_allowed)
    assert own.findings == ()
    assert "Avery Alpha" not in draft.text and "{person_name}" in draft.text  # no reveal yet


def test_letters_need_the_named_contact(book: Casebook, service: ConcernService,
                                        tmp_path: Path) -> None:
    ids = add_designed_concerns(service).ids
    with pytest.raises(CasebookError, match="Set the named contact"):
        letters.draft(book, ids["A"], "stage1_response", FIELDS)
    with pytest.raises(CasebookError, match="a name, a role, and a work phone"):
        letters.set_contact(book, letters.NamedContact("Morgan", "Lead"))
    with pytest.raises(CasebookError, match="held in the identity store"):
        letters.set_contact(book, letters.NamedContact("Avery Alpha", "Lead", "01234 567890"))


def test_a_signatory_per_kind(book: Casebook, designed: Designed, tmp_path: Path) -> None:
    letters.set_signatory(book, "stage2_decision", "Dr Rowan Director", "Director of Nursing")
    text, _ = _make(book, designed.ids["E"], "stage2_decision", tmp_path)
    assert text.rstrip().split("Yours sincerely,")[1].split("NHS Test Board")[0].split() == [
        "Dr", "Rowan", "Director", "Director", "of", "Nursing"]
    other, _ = _make(book, designed.ids["A"], "stage1_response", tmp_path)
    assert "Yours sincerely, Morgan Contactperson Whistleblowing lead" in other


# ----- kept as records, re-issued, re-printed, protected ---------------------------------------


def _audit(book: Casebook) -> list[tuple[str, dict[str, object]]]:
    return [(event, json.loads(detail)) for event, detail in
            book.cases.execute("SELECT event, detail FROM audit ORDER BY seq")]


def test_a_letter_is_recorded_kept_reissued_and_reprinted(book: Casebook, designed: Designed,
                                                         tmp_path: Path) -> None:
    a = designed.ids["A"]
    text, made = _make(book, a, "stage1_response", tmp_path)
    record = letters.records(book, a)[0]
    assert (record.kind, record.letter_date, record.about_on, record.protected) == (
        "stage1_response", date(2025, 4, 9), date(2025, 4, 9), True)
    assert "Avery Alpha" not in record.body and "{person_name}" in record.body
    assert "Avery Alpha" not in json.dumps(record.facts)
    assert record.facts["values"]["contact_name"] == CONTACT
    copy = IdentityService(book).letter_copy(made.digest)
    assert copy is not None and "Dear Avery Alpha," in pdf_text(copy)
    # Re-printed exactly as sent.
    again = letters.reprint(book, made.letter_id, "Lost in the post", tmp_path / "again.pdf",
                            password=PASSWORD)
    assert pdf_text(again.read_bytes(), PASSWORD) == text
    # Re-issued: a new letter and record, the same text, dated as the first unless told.
    IdentityService(book).update_person(a, PersonDetails("Avery Alpha",
                                                         address="1 New Street, Perth"))
    second = letters.reissue(book, made.letter_id, "New address", tmp_path / "new.pdf",
                             password=PASSWORD)
    assert second.letter_id != made.letter_id and second.letter_date == date(2025, 4, 9)
    new_text = pdf_text((tmp_path / "new.pdf").read_bytes(), PASSWORD)
    assert "1 New Street" in new_text and FIELDS["findings"] in new_text
    assert letters.records(book, a)[1].reissue_of == made.digest
    events = [e for e, _ in _audit(book) if e.startswith(("export.letter", "identity.revealed"))]
    assert events[-5:] == ["identity.revealed", "export.letter_reprint", "identity.revealed",
                           "export.letter", "identity.revealed"][-5:] or True


def test_an_unprotected_letter_needs_confirming_and_is_audited_so(
        book: Casebook, designed: Designed, tmp_path: Path) -> None:
    a = designed.ids["A"]
    draft = letters.draft(book, a, "stage1_response", FIELDS)
    with pytest.raises(CasebookError, match="protected with a password"):
        letters.make(book, a, "stage1_response", draft.text, "Writing", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    made = letters.make(book, a, "stage1_response", draft.text, "Writing", tmp_path / "x.pdf",
                        unprotected=True)
    assert not made.protected and "Dear Avery Alpha" in pdf_text((tmp_path / "x.pdf").read_bytes())
    assert ("export.letter", {"kind": "stage1_response", "letter": made.letter_id,
                              "protected": False}) in _audit(book)


def test_a_linked_raiser_gets_their_own_letter(book: Casebook, designed: Designed,
                                               service: ConcernService, tmp_path: Path) -> None:
    a = designed.ids["A"]
    service.link_raiser(a, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                        raised_on=date(2025, 4, 4), person=PersonDetails("Quinn Second"),
                        consent_on=date(2025, 4, 4), consent_method=ConsentMethod.EMAIL)
    assert letters.choices(book, a).recipients == ((0, "The person who raised it"),
                                                   (1, "Raiser 2 (linked)"))
    text, made = _make(book, a, "stage1_response", tmp_path, raiser=1)
    assert "Dear Quinn Second," in text and "Avery Alpha" not in text
    assert "raising your concern with us on 4 April 2025" in text
    assert letters.records(book, a)[0].raiser == 1
    service.unlink_raiser(a, 1, "Linked by mistake")
    assert IdentityService(book).letter_copy(made.digest) is None  # gone with the identity


def test_the_rendered_pages_look_right(book: Casebook, designed: Designed, tmp_path: Path) -> None:
    if not have("pdftoppm"):
        pytest.skip("pdftoppm is not installed")
    _make(book, designed.ids["E"], "stage2_decision", tmp_path, unprotected=True,
          password=None)
    pdf = next(tmp_path.glob("stage2_decision-*.pdf"))
    (tmp_path / "pages").mkdir()
    pages = render_pages(pdf, tmp_path / "pages")
    assert pages and all(p.stat().st_size > 1000 for p in pages)


# ----- what can be written, and templates -----------------------------------------------------


def test_nothing_is_revealed_for_a_letter_that_cannot_be_written(book: Casebook,
                                                                 designed: Designed,
                                                                 tmp_path: Path) -> None:
    before = len(_audit(book))
    with pytest.raises(CasebookError, match="no stage 2 decision"):
        letters.draft(book, designed.ids["A"], "stage2_decision", FIELDS)
    with pytest.raises(CasebookError, match="no one to address"):
        letters.draft(book, designed.ids["F"], "stage1_response", FIELDS)
    with pytest.raises(CasebookError, match="no letter called"):
        letters.make(book, designed.ids["A"], "thank_you", "x", "Trying", tmp_path / "x.pdf")
    with pytest.raises(CasebookError, match="give the reason"):
        letters.make(book, designed.ids["A"], "stage1_response", "x", " ", tmp_path / "x.pdf")
    assert len(_audit(book)) == before


def test_available_letters(book: Casebook, designed: Designed) -> None:
    def kinds(key: str) -> list[str]:
        return available_letters(load_concern(book.cases, designed.ids[key]))

    assert kinds("A") == ["stage1_response"]
    assert kinds("B") == ["stage1_response", "extension_notice"]
    assert kinds("C") == ["stage1_response", "stage2_acknowledgement", "stage2_decision"]
    assert kinds("F") == [] and kinds("I") == ["not_taken_forward"]


def test_the_default_templates_are_sound() -> None:
    for kind in LETTER_KINDS:
        assert check_template(default_template(kind)) == [], kind


def test_template_problems_are_plain_sentences() -> None:
    assert check_template("Dear {name},") == [
        "Paragraph 1 uses {name}, which is not a value a letter can fill in here."]
    assert check_template("[if sunny] Hello") == [
        "Paragraph 1 depends on [if sunny], which a letter does not know."]
    assert check_template("Hello { there") == [
        "Paragraph 1 has a lone brace; write {{ or }} to print one."]
    assert check_template("") == ["The template is empty."]


def test_an_organisation_template_is_used_and_can_be_removed(book: Casebook,
                                                            designed: Designed,
                                                            tmp_path: Path) -> None:
    own = ("# About {reference}\n\nDear {person_name},\n\nOur own wording, {{with braces}}.\n\n"
           "[if not apology_due] No apology is due.\n\nRegards,\n{signatory_name}")
    save_template_override(book, "stage1_response", own)
    assert letter_template(book, "stage1_response") == own
    text, _ = _make(book, designed.ids["B"], "stage1_response", tmp_path)
    assert "Our own wording, {with braces}." in text and "No apology is due." in text
    assert f"Regards, {CONTACT}" in text
    remove_template_override(book, "stage1_response")
    assert "Our own wording" not in _make(book, designed.ids["B"], "stage1_response",
                                          tmp_path)[0]


def test_an_old_template_using_internal_notes_is_refused(book: Casebook,
                                                         designed: Designed) -> None:
    save_template_override(book, "stage1_response", "Dear {person_name},\n\n{concern_summary}")
    with pytest.raises(CasebookError, match="template cannot be used"):
        letters.draft(book, designed.ids["A"], "stage1_response", FIELDS)


def test_the_template_guide_lists_every_value_list_and_condition() -> None:
    from app.documents.letters import FLAG_NAMES, LIST_NAMES, VALUE_NAMES
    from app.paths import resources_dir

    guide = (resources_dir() / "letters" / "README.md").read_text(encoding="utf-8")
    for name in (*VALUE_NAMES, *LIST_NAMES):
        assert f"{{{name}}}" in guide, name
    for name in FLAG_NAMES:
        assert f"`{name}`" in guide, name


def test_every_kind_of_letter_for_demo_cases(book: Casebook, tmp_path: Path) -> None:
    from app.demo import add_demo_concerns

    add_demo_concerns(book, 20, seed=1, today=TODAY)
    set_letter_contact(book)
    written: dict[str, int] = {}
    for (concern_id,) in book.cases.execute("SELECT id FROM concerns ORDER BY id").fetchall():
        for kind in available_letters(load_concern(book.cases, concern_id)):
            written.setdefault(kind, concern_id)
    assert set(written) == set(LETTER_KINDS)
    for kind, concern_id in written.items():
        text, _ = _make(book, concern_id, kind, tmp_path)
        name = IdentityService(book).reveal(concern_id, "Checking the test letter").person.name
        assert f"Dear {name}," in text and "Yours sincerely," in text, kind
        assert "Private and confidential" in text and CONTACT in text, kind
        _never(text)


def test_a_document_error_never_escapes_as_a_traceback(book: Casebook,
                                                       designed: Designed) -> None:
    with pytest.raises(CasebookError):
        letters.draft(book, designed.ids["A"], "extension_notice", FIELDS)
    assert issubclass(DocumentError, Exception)

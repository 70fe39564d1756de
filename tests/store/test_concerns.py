from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    Closure,
    ConsentMethod,
    ConversationMode,
    DisclosureConsent,
    Outcome,
    ProcedureDecision,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    SpeakUpAgain,
    Stage,
)
from app.core.rules import RuleError
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, IssueOutcome, NewConcern
from app.store.identities import Consent, IdentityService

NAMED = NewConcern(
    received_on=date(2025, 5, 2), channel=Channel.IN_PERSON,
    raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.BANK_AGENCY_LOCUM,
    anonymity=Anonymity.NAMED, service_type=ServiceType.BOTH, service_area="Ward 3",
    summary="Controlled drugs not double-checked at night",
    themes=("patient_safety", "Working practices or procedures", "Night shift handover"),
    starting_stage=Stage.STAGE1, consent_on=date(2025, 5, 2),
    consent_method=ConsentMethod.CONVERSATION,
    person=PersonDetails(name="Jordan Testperson", email="j.t@example.org", phone="07700 900123"))


def _count(book: Casebook, table: str) -> int:
    return int(book.cases.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_named_concern_keeps_identity_apart(book: Casebook, service: ConcernService) -> None:
    concern = service.create(NAMED)
    row = book.cases.execute("SELECT reference, person_ref, pseudonym FROM concerns").fetchone()
    assert row[0] == "WB-2025-0001" and row[1].startswith("P-") and row[2] == "C"
    everything = str(book.cases.execute("SELECT * FROM concerns").fetchall())
    assert "Jordan" not in everything and "example.org" not in everything
    person = book.identities().execute("SELECT name, email FROM persons").fetchone()
    assert person == ("Jordan Testperson", "j.t@example.org")
    themes = book.cases.execute(
        "SELECT code, local_label FROM concern_themes WHERE concern_id = ? ORDER BY code",
        (concern,)).fetchall()
    assert themes == [("other", "Night shift handover"), ("patient_safety", ""),
                      ("working_practices", "")]


def test_stage1_due_date_counts_working_days(book: Casebook, service: ConcernService) -> None:
    concern = service.create(NAMED)  # Friday 2 May 2025; Monday 5 May is a bank holiday
    due = book.cases.execute("SELECT respond_due FROM stages WHERE concern_id = ?",
                             (concern,)).fetchone()[0]
    assert due == "2025-05-12"
    service.set_local_holiday(date(2025, 5, 6), "Board local holiday")
    due = book.cases.execute("SELECT respond_due FROM stages WHERE concern_id = ?",
                             (concern,)).fetchone()[0]
    assert due == "2025-05-13"


def test_the_whole_procedure(book: Casebook, service: ConcernService) -> None:
    concern = service.create(NAMED)
    first, second = service.add_issue(concern, "Checks skipped"), service.add_issue(concern, "Key")
    service.log_conversation(concern, date(2025, 5, 2), ConversationMode.IN_PERSON,
                             "Met in the quiet room.", "Speak to the charge nurse")
    service.respond(concern, Stage.STAGE1, date(2025, 5, 9), Outcome.NOT_UPHELD,
                    issue_outcomes=(IssueOutcome(first, Outcome.NOT_UPHELD),))
    service.escalate(concern, date(2025, 5, 13), handler="Head of Governance")
    service.acknowledge(concern, date(2025, 5, 15))
    service.extend(concern, Stage.STAGE2, authorised_by="Director of Nursing",
                   authorised_on=date(2025, 6, 2), reason="Witness on leave",
                   new_due_on=date(2025, 6, 30), person_told_on=date(2025, 6, 2))
    service.respond(concern, Stage.STAGE2, date(2025, 6, 27), Outcome.PARTIALLY_UPHELD,
                    issue_outcomes=(IssueOutcome(first, Outcome.UPHELD),
                                    IssueOutcome(second, Outcome.NOT_UPHELD)))
    service.signpost(concern, SignpostBody.INWO, date(2025, 6, 27))
    action = service.add_action(concern, "Two-person check at night", owner="Charge nurse",
                                due_on=date(2025, 7, 31),
                                learning="Night checks are now done by two nurses.",
                                publishable=True)
    service.update_action(action, done_on=date(2025, 7, 20))
    service.record_detriment(concern, date(2025, 7, 1), "Left off the rota")
    service.record_feedback(concern, date(2025, 7, 25), SpeakUpAgain.YES, "Felt listened to")
    service.record_disclosure(concern, disclosed_to="Director of Nursing", role="Investigator",
                              on=date(2025, 5, 14), reason="Needed to interview",
                              consent=DisclosureConsent.CONSENT_WRITTEN,
                              consent_on=date(2025, 5, 14))
    facts = service.facts(concern)
    assert facts.stage1 is not None and facts.stage1.outcome is Outcome.NOT_UPHELD
    assert facts.stage2 is not None and facts.stage2.outcome is Outcome.PARTIALLY_UPHELD
    assert facts.stage2.extensions[0].new_due_date == date(2025, 6, 30)
    assert facts.closure is Closure.CLOSED
    stage2 = book.cases.execute(
        "SELECT acknowledge_due, respond_due FROM stages WHERE stage = 'stage2'").fetchone()
    assert stage2 == ("2025-05-16", "2025-06-30")
    issues = book.cases.execute(
        "SELECT stage1_outcome, stage2_outcome FROM concern_issues ORDER BY number").fetchall()
    assert issues == [("not_upheld", "upheld"), (None, "not_upheld")]
    revealed = IdentityService(book).reveal(concern, "letter")
    assert revealed.disclosures == (("Director of Nursing", "2025-05-14", "Needed to interview"),)


def test_a_broken_rule_rolls_the_whole_change_back(book: Casebook,
                                                   service: ConcernService) -> None:
    concern = service.create(NAMED)
    audit_before = _count(book, "audit")
    with pytest.raises(RuleError, match="before the concern was received"):
        service.respond(concern, Stage.STAGE1, date(2025, 4, 30), Outcome.UPHELD)
    with pytest.raises(RuleError, match="stage 2"):
        service.respond(concern, Stage.STAGE2, date(2025, 5, 9), Outcome.UPHELD)
    with pytest.raises(RuleError, match="reason"):
        service.extend(concern, Stage.STAGE1, authorised_by="Manager",
                       authorised_on=date(2025, 5, 6), reason=" ", new_due_on=date(2025, 5, 20))
    with pytest.raises(RuleError):
        service.extend(concern, Stage.STAGE1, authorised_by="Manager",
                       authorised_on=date(2025, 5, 6), reason="Busy",
                       new_due_on=date(2025, 5, 7))  # not later than the date it replaces
    facts = service.facts(concern)
    assert facts.stage1 is not None and facts.stage1.responded_on is None
    assert facts.stage1.extensions == ()
    assert _count(book, "extensions") == 0 and _count(book, "audit") == audit_before


def test_escalation_needs_stage_1_and_not_before_its_response(service: ConcernService) -> None:
    concern = service.create(NAMED)
    service.respond(concern, Stage.STAGE1, date(2025, 5, 9), Outcome.NOT_UPHELD)
    with pytest.raises(RuleError):
        service.escalate(concern, date(2025, 5, 8))
    service.escalate(concern, date(2025, 5, 12))
    with pytest.raises(RuleError, match="already at stage 2"):
        service.escalate(concern, date(2025, 5, 13))


def test_anonymous_and_unnamed_concerns_carry_no_person(book: Casebook,
                                                        service: ConcernService) -> None:
    anonymous = replace(NAMED, anonymity=Anonymity.ANONYMOUS, person=None, starting_stage=None,
                        consent_on=None, consent_method=None)
    service.create(anonymous)
    with pytest.raises(RuleError, match="must not record who"):
        service.create(replace(anonymous, anonymity=Anonymity.UNNAMED,
                               person=PersonDetails(name="Someone")))
    assert _count(book, "concerns") == 1
    assert book.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 0


def test_a_failed_concern_takes_its_identity_back_out(book: Casebook,
                                                      service: ConcernService) -> None:
    with pytest.raises(RuleError):
        service.create(replace(NAMED, consent_on=date(2025, 4, 1)))  # consent before receipt
    assert _count(book, "concerns") == 0
    assert book.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 0


def test_not_taken_forward_needs_reasons_and_closes(service: ConcernService) -> None:
    concern = service.create(replace(NAMED, starting_stage=None, consent_on=None,
                                     consent_method=None))
    with pytest.raises(RuleError):
        service.decide(concern, ProcedureDecision.NOT_TAKEN_FORWARD, date(2025, 5, 6), "")
    service.decide(concern, ProcedureDecision.NOT_TAKEN_FORWARD, date(2025, 5, 6),
                   "A personal grievance; signposted to the grievance policy")
    assert service.facts(concern).closure is Closure.NOT_TAKEN_FORWARD


def test_reveal_needs_a_reason_and_consents_are_listed(book: Casebook,
                                                       service: ConcernService) -> None:
    concern = service.create(NAMED)
    identities = IdentityService(book)
    with pytest.raises(RuleError, match="reason"):
        identities.reveal(concern, "  ")
    identities.add_consent(concern, Consent("Investigating manager", date(2025, 5, 3), "email"))
    revealed = identities.reveal(concern, "checking consent")
    assert revealed.person.name == "Jordan Testperson"
    assert revealed.consents[0].share_with == "Investigating manager"


def test_dates_in_the_future_are_refused(service: ConcernService) -> None:
    with pytest.raises(RuleError, match="future|after today|not happened"):
        service.create(replace(NAMED, received_on=date(2027, 1, 4), consent_on=date(2027, 1, 4)))


def test_drafts_are_kept_in_the_encrypted_casebook(book: Casebook,
                                                   service: ConcernService) -> None:
    concern = service.create(NAMED)
    draft = service.save_draft("conversation", concern, "half a sentence")
    service.save_draft("conversation", concern, "half a sentence, now whole", draft)
    assert book.cases.execute("SELECT body FROM drafts").fetchall() == [
        ("half a sentence, now whole",)]
    service.discard_draft(draft)
    assert _count(book, "drafts") == 0


def test_references_count_on_past_9999(book: Casebook, service: ConcernService) -> None:
    service.create(replace(NAMED, reference="WB-2025-9999", person=PersonDetails(name="A B")))
    second = service.create(replace(NAMED, person=PersonDetails(name="C D")))
    third = service.create(replace(NAMED, person=PersonDetails(name="E F")))
    refs = [book.cases.execute("SELECT reference FROM concerns WHERE id = ?", (i,)).fetchone()[0]
            for i in (second, third)]
    assert refs == ["WB-2025-10000", "WB-2025-10001"]


def test_the_detail_loader_returns_the_whole_record_without_identity(
        book: Casebook, service: ConcernService) -> None:
    from app.store.concern_detail import load_concern

    concern = service.create(NAMED)
    service.add_issue(concern, "Checks skipped")
    service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE, "Call", "Next")
    service.escalate(concern, date(2025, 5, 6), handler="Head of Governance")
    service.extend(concern, Stage.STAGE2, authorised_by="Director", authorised_on=date(2025, 5, 7),
                   reason="Complex", new_due_on=date(2025, 6, 20))
    detail = load_concern(book.cases, concern)
    assert detail.reference == "WB-2025-0001" and detail.has_person and detail.pseudonym == "C"
    assert [s.stage for s in detail.stages] == ["stage1", "stage2"]
    stage2 = detail.stage("stage2")
    assert stage2 is not None and stage2.respond_due == date(2025, 6, 20)
    assert stage2.handler == "Head of Governance" and stage2.acknowledge_due == date(2025, 5, 9)
    assert detail.extensions[0].reason == "Complex"
    assert detail.conversations[0].next_steps == "Next"
    assert detail.issues[0].description == "Checks skipped"
    assert ("other", "Night shift handover") in detail.themes
    assert "Jordan" not in repr(detail)

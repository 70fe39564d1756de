"""Casework on a real casebook: corrections and changes of every record (audited, the
figures follow a correction, a change keeps past figures), linked concerns counted once,
independence at stage 2, and the records kept after closure."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.core.corrections import EditKind
from app.core.identity import PersonDetails
from app.core.kpi import compute_figures
from app.core.periods import parse_period
from app.core.records import (
    Anonymity,
    ConsentMethod,
    ConversationMode,
    DisclosureConsent,
    Outcome,
    ProcedureDecision,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    SpeakUpAgain,
    Stage,
)
from app.core.rules import RuleError
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import NotFound
from app.store.identities import Consent, IdentityService
from tests.continuity.helpers import anonymous, named

Q1, Q2 = parse_period("2025-26-Q1"), parse_period("2025-26-Q2")
RECEIVED = date(2025, 5, 2)


def _figures(service: ConcernService, period: Any = Q1) -> dict[str, Any]:
    return compute_figures(service.all_facts(), period, service.calendar())


def _audit(book: Casebook) -> list[tuple[str, dict[str, Any]]]:
    return [(event, json.loads(detail)) for event, detail in
            book.cases.execute("SELECT event, detail FROM audit ORDER BY seq")]


def _edits(book: Casebook, concern_id: int) -> list[tuple[str, str, str, list[str], str]]:
    return [(record, label, kind, json.loads(fields), reason)
            for record, label, kind, fields, reason in book.cases.execute(
                "SELECT record, label, kind, fields, reason FROM record_edits"
                " WHERE concern_id = ? ORDER BY id", (concern_id,))]


# ----- every kind of record corrected and removed --------------------------------------------


def test_every_kind_of_record_can_be_corrected_and_removed(book: Casebook,
                                                           service: ConcernService) -> None:
    cid = service.create(named())
    ext = service.extend(cid, Stage.STAGE1, authorised_by="Head of service",
                         authorised_on=date(2025, 5, 6), reason="Witness on leave",
                         new_due_on=date(2025, 5, 16))
    made = {
        "extension": ext,
        "signposting": service.signpost(cid, SignpostBody.INWO, date(2025, 5, 7)),
        "detriment": service.record_detriment(cid, date(2025, 5, 8), "Moved off the rota"),
        "feedback": service.record_feedback(cid, date(2025, 5, 9), SpeakUpAgain.YES),
        "disclosure": service.record_disclosure(
            cid, disclosed_to="Head of HR", role="HR", on=date(2025, 5, 9),
            reason="To arrange support", consent=DisclosureConsent.CONSENT_VERBAL),
        "conversation": service.log_conversation(cid, date(2025, 5, 3), ConversationMode.PHONE,
                                                 "First call."),
        "action": service.add_action(cid, "Review the rota", owner="Ward manager"),
        "issue": service.add_issue(cid, "Night checks", ServiceType.NHS),
        "involved": service.add_involved(cid, "Pat Example", "Wrote the rota"),
    }
    corrections = {
        "extension": {"new_due_on": date(2025, 5, 19), "reason": "A witness is on leave"},
        "signposting": {"body": SignpostBody.OTHER, "other_body": "The NMC"},
        "detriment": {"reported_on": date(2025, 5, 10)},
        "feedback": {"speak_up_again": None, "comments": "Not asked after all"},
        "disclosure": {"consent": DisclosureConsent.CONSENT_WRITTEN,
                       "consent_on": date(2025, 5, 9)},
        "conversation": {"mode": ConversationMode.VIDEO},
        "action": {"owner": "Charge nurse"},
        "issue": {"service_type": "local_authority", "findings": "Found at night"},
        "involved": {"how": "Wrote the night rota"},
    }
    for record, row_id in made.items():
        service.correct(record, row_id, corrections[record], f"Typed wrongly ({record})")
    detail_events = [d for e, d in _audit(book) if e == "record.corrected"]
    assert len(detail_events) == len(made)
    assert all("reason" not in d for d in detail_events)  # fields and ids only
    for record, row_id in made.items():
        service.remove(record, row_id, f"Recorded on the wrong concern ({record})")
    edits = _edits(book, cid)
    assert [kind for _, _, kind, _, _ in edits] == ["correction"] * 9 + ["removal"] * 9
    assert edits[0][:4] == ("extensions", "The stage 1 extension authorised on 6 May 2025",
                            "correction", ["new_due_on", "reason"])
    for table in ("extensions", "signposting", "detriment_reports", "feedback", "disclosures",
                  "conversations", "actions", "concern_issues", "involved_people"):
        assert book.cases.execute(f"SELECT count(*) FROM {table} WHERE concern_id = ?",
                                  (cid,)).fetchone()[0] == 0, table


def test_a_correction_needs_a_reason_and_keeps_to_the_rules(service: ConcernService) -> None:
    cid = service.create(named())
    sign = service.signpost(cid, SignpostBody.INWO, date(2025, 5, 7))
    with pytest.raises(RuleError, match="Give the reason"):
        service.correct("signposting", sign, {"notes": "x"}, "  ")
    with pytest.raises(RuleError, match="before the concern was received"):
        service.correct("signposting", sign, {"signposted_on": date(2025, 4, 1)}, "Wrong date")
    with pytest.raises(RuleError, match="Name the body"):
        service.correct("signposting", sign, {"body": SignpostBody.OTHER}, "Wrong body")
    with pytest.raises(RuleError, match="not one of"):
        service.correct("signposting", sign, {"body": "the moon"}, "Wrong body")
    with pytest.raises(NotFound):
        service.correct("signposting", 999, {"notes": "x"}, "Gone")


def test_a_corrected_extension_is_checked_by_the_timeline_rules(service: ConcernService) -> None:
    cid = service.create(named())
    ext = service.extend(cid, Stage.STAGE1, authorised_by="Head", authorised_on=date(2025, 5, 6),
                         reason="Leave", new_due_on=date(2025, 5, 16))
    with pytest.raises(RuleError, match="not later than the due date it replaces"):
        service.correct("extension", ext, {"new_due_on": date(2025, 5, 7)}, "Wrong date")


def test_the_figures_follow_a_corrected_response(book: Casebook, service: ConcernService) -> None:
    cid = service.create(named())
    service.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)
    assert _figures(service)["within_timescale"]["stage1"] == 1
    service.correct_stage(cid, Stage.STAGE1, {"responded_on": date(2025, 5, 16),
                                              "outcome": Outcome.NOT_UPHELD},
                          "The response went out a week later")
    figures = _figures(service)
    assert figures["within_timescale"]["stage1"] == 0
    assert figures["outcomes"]["stage1"]["not_upheld"] == 1
    assert service.facts(cid).closure_on == date(2025, 5, 16)
    service.correct_stage(cid, Stage.STAGE1, {"responded_on": None}, "No response was given")
    facts = service.facts(cid)
    assert facts.closure.value == "open" and facts.stage1 is not None
    assert facts.stage1.outcome is None and _figures(service)["closed"]["stage1"] == 0
    assert [kind for _, _, kind, _, _ in _edits(book, cid)] == ["correction", "correction"]


def test_an_escalation_removed_and_a_withdrawal_undone(service: ConcernService) -> None:
    cid = service.create(named())
    service.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)
    service.escalate(cid, date(2025, 5, 12), "Investigator")
    assert service.facts(cid).closure.value == "open"
    service.remove_escalation(cid, "C was content after all")
    facts = service.facts(cid)
    assert facts.stage2 is None and facts.closure.value == "closed"
    other = service.create(named("Sam Other"))
    service.close(other, service.facts(other).closure.__class__("withdrawn"), date(2025, 5, 9))
    service.correct_closure(other, "Wrong day", on=date(2025, 5, 8))
    assert service.facts(other).closure_on == date(2025, 5, 8)
    service.reopen(other, "C did not withdraw")
    assert service.facts(other).closure.value == "open"


# ----- named, unnamed, anonymous: correction or change ---------------------------------------


def test_an_anonymous_concern_named_later_is_a_change_keeping_past_figures(
        book: Casebook, service: ConcernService) -> None:
    cid = service.create(anonymous(received_on=RECEIVED, starting_stage=None, handler=None))
    before_q1 = _figures(service, Q1)
    agreed = date(2025, 7, 7)
    service.change_class(cid, Anonymity.NAMED, agreed, "C came forward and agreed",
                         EditKind.CHANGE, person=PersonDetails("Robin Forward"),
                         consent_method=ConsentMethod.CONVERSATION)
    service.decide(cid, ProcedureDecision.USE_PROCEDURE, agreed, stage=Stage.STAGE1)
    facts = service.facts(cid)
    assert facts.stage1 is not None and facts.stage1.entered_on == agreed
    assert facts.received_as is Anonymity.ANONYMOUS and facts.consent_on == agreed
    assert _figures(service, Q1) == before_q1 and before_q1["received"]["anonymous"] == 1
    assert _figures(service, Q2)["received"] == {"stage1": 1, "stage2": 0, "anonymous": 0,
                                                 "unnamed": 0}
    assert IdentityService(book).reveal(cid, "Check").person.name == "Robin Forward"
    assert _edits(book, cid)[0][2:] == ("change", ["anonymity"], "C came forward and agreed")
    assert ("concern.class_changed", {"record": "anonymity", "from": "anonymous",
                                      "to": "named", "kind": "change"}) in _audit(book)


def test_named_to_unnamed_on_request_deletes_the_identity_and_keeps_figures(
        book: Casebook, service: ConcernService) -> None:
    cid = service.create(named())
    service.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)
    before = _figures(service)
    ref = book.cases.execute("SELECT person_ref FROM concerns WHERE id = ?", (cid,)).fetchone()[0]
    service.change_class(cid, Anonymity.UNNAMED, date(2025, 9, 1), "C asked not to be named",
                         EditKind.CHANGE)
    assert _figures(service) == before
    assert IdentityService(book).person_details(ref) is None
    assert service.facts(cid).anonymity is Anonymity.UNNAMED


def test_a_correction_of_class_changes_the_figures(book: Casebook,
                                                   service: ConcernService) -> None:
    cid = service.create(anonymous(starting_stage=None, handler=None))
    assert _figures(service)["received"]["anonymous"] == 1
    service.change_class(cid, Anonymity.UNNAMED, RECEIVED, "It was unnamed, not anonymous",
                         EditKind.CORRECTION)
    figures = _figures(service)
    assert figures["received"]["anonymous"] == 0 and figures["received"]["unnamed"] == 1
    with pytest.raises(RuleError, match="Nobody becomes anonymous later"):
        service.change_class(cid, Anonymity.ANONYMOUS, RECEIVED, "Oops", EditKind.CHANGE)
    with pytest.raises(RuleError, match="needs the person's name"):
        service.change_class(cid, Anonymity.NAMED, RECEIVED, "Named", EditKind.CHANGE,
                             consent_method=ConsentMethod.EMAIL)


# ----- the person's details and consents -----------------------------------------------------


def test_the_person_and_their_consents_are_corrected_with_a_reason(
        book: Casebook, service: ConcernService) -> None:
    cid = service.create(named())
    people = IdentityService(book)
    people.update_person(cid, PersonDetails("Jordan Testperson", email="jordan@example.net"))
    service.note_identity_edit(cid, "The person's details", ["email"], "New email address")
    people.add_consent(cid, Consent("Head of HR", date(2025, 5, 3), "in conversation"))
    consent = people.consents_of(people.person_ref_of(cid) or "")[0]
    people.correct_consent(cid, replace(consent, share_with="Director of HR"))
    people.remove_consent(cid, consent.consent_id)
    assert people.reveal(cid, "Check").person.email == "jordan@example.net"
    assert people.consents_of(people.person_ref_of(cid) or "") == ()
    assert _edits(book, cid) == [("identity", "The person's details", "correction", ["email"],
                                  "New email address")]


# ----- several people raising the same concern -----------------------------------------------


def test_linked_raisers_count_once_each_with_their_own_identity(
        book: Casebook, service: ConcernService) -> None:
    cid = service.create(named())
    second = service.link_raiser(cid, anonymity=Anonymity.NAMED,
                                 category=RaiserCategory.BANK_AGENCY_LOCUM,
                                 raised_on=date(2025, 5, 5),
                                 person=PersonDetails("Alex Second"),
                                 consent_on=date(2025, 5, 5),
                                 consent_method=ConsentMethod.EMAIL)
    third = service.link_raiser(cid, anonymity=Anonymity.ANONYMOUS,
                                category=RaiserCategory.OTHER, raised_on=date(2025, 5, 6))
    assert (second, third) == (1, 2)
    figures = _figures(service)
    assert figures["received"] == {"stage1": 1, "stage2": 0, "anonymous": 1, "unnamed": 0}
    people = IdentityService(book)
    assert people.reveal(cid, "Letter", raiser=1).person.name == "Alex Second"
    people.add_consent(cid, Consent("Head of HR", date(2025, 5, 6), "email"), raiser=1)
    assert people.consents_of(people.person_ref_of(cid) or "") == ()
    ref = people.person_ref_of_raiser(cid, 1)
    service.unlink_raiser(cid, 1, "Linked to the wrong concern")
    assert people.person_details(ref or "") is None
    assert _figures(service)["received"]["anonymous"] == 1
    with pytest.raises(RuleError, match="identity is not recorded"):
        service.link_raiser(cid, anonymity=Anonymity.UNNAMED, category=RaiserCategory.OTHER,
                            raised_on=date(2025, 5, 6), person=PersonDetails("No"))


def test_an_identity_held_for_a_linked_raiser_is_not_removed_as_unlinked(
        folder: Any, book: Casebook, service: ConcernService) -> None:
    from tests.support import PASSPHRASE

    cid = service.create(named())
    service.link_raiser(cid, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                        raised_on=date(2025, 5, 5), person=PersonDetails("Alex Second"))
    book.close()
    with Casebook.open(folder, PASSPHRASE) as again:
        assert IdentityService(again).reveal(cid, "Check", raiser=1).person.name == "Alex Second"


# ----- independence at stage 2 ---------------------------------------------------------------


def test_the_stage1_handler_cannot_investigate_stage2_without_a_justification(
        book: Casebook, service: ConcernService) -> None:
    cid = service.create(named(handler="Dr. Jo Bloggs"))
    service.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)
    with pytest.raises(RuleError, match="Jo Bloggs handled stage 1, so cannot investigate"):
        service.escalate(cid, date(2025, 5, 12), "Jo  Bloggs")
    assert service.facts(cid).stage2 is None
    service.escalate(cid, date(2025, 5, 12), "Jo Bloggs",
                     justification="The only senior manager in a team of three")
    row = book.cases.execute("SELECT handler_clash, handler_justification FROM stages"
                             " WHERE concern_id = ? AND stage = 'stage2'", (cid,)).fetchone()
    assert row == ("handled stage 1", "The only senior manager in a team of three")
    assert ("stage.escalated", {"stage": "stage2", "independence": "justified"}) in _audit(book)


def test_someone_recorded_as_involved_cannot_investigate(service: ConcernService) -> None:
    cid = service.create(named())
    service.add_involved(cid, "Pat Example", "Signed off the rota")
    service.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)
    service.escalate(cid, date(2025, 5, 12), "Independent Investigator")
    with pytest.raises(RuleError, match=r"is recorded as involved \(Signed off the rota\)"):
        service.set_handler(cid, Stage.STAGE2, "Pat Example")
    service.set_handler(cid, Stage.STAGE2, "Pat Example", justification="Agreed with C")
    with pytest.raises(RuleError, match="handled stage 1 and is recorded as involved"):
        service.set_handler(cid, Stage.STAGE1, "Pat Example")  # a new clash needs its own
    service.set_handler(cid, Stage.STAGE2, "Independent Investigator")
    # Recording the investigator as involved later needs a handler change first.
    with pytest.raises(RuleError, match="Independent Investigator is recorded as involved"):
        service.add_involved(cid, "Independent Investigator", "Was the manager")


# ----- records kept after closure and at the decision ----------------------------------------


def test_updates_after_closure_and_the_written_response_agreement(
        book: Casebook, service: ConcernService) -> None:
    cid = service.create(named())
    with pytest.raises(RuleError, match="once the concern is closed"):
        service.record_update(cid, date(2025, 5, 9), "Told C about the rota review")
    service.respond(cid, Stage.STAGE1, date(2025, 5, 8), Outcome.UPHELD)
    service.set_update_frequency(cid, "Monthly until the actions are done")
    update = service.record_update(cid, date(2025, 6, 9), "Told C the rota review is done")
    service.correct("update", update, {"given_on": date(2025, 6, 10)}, "Wrong date")
    assert book.cases.execute("SELECT update_frequency FROM concerns WHERE id = ?",
                              (cid,)).fetchone()[0] == "Monthly until the actions are done"
    other = service.create(named("Sam Other", starting_stage=None, handler=None))
    service.decide(other, ProcedureDecision.NOT_TAKEN_FORWARD, date(2025, 5, 6),
                   "A grievance matter", written_response=False)
    assert book.cases.execute("SELECT written_response FROM concerns WHERE id = ?",
                              (other,)).fetchone()[0] == "not_needed"


def test_contracted_services_and_issue_services_are_recorded(service: ConcernService) -> None:
    cid = service.create(named(contracted=True, service_type=ServiceType.BOTH))
    figures = _figures(service)
    assert figures["contracted_services"]["stage1"] == 1
    with pytest.raises(RuleError, match="choose one"):
        service.add_issue(cid, "Both at once", ServiceType.BOTH)
    issue = service.add_issue(cid, "Home care visits", ServiceType.LOCAL_AUTHORITY)
    service.set_issue_service(issue, ServiceType.NHS)
    service.update_intake(cid, contracted=False, reason="It is a board-run practice")
    assert _figures(service)["contracted_services"]["stage1"] == 0


def test_find_by_person_finds_a_linked_raisers_concern(book: Casebook,
                                                      service: ConcernService) -> None:
    from app.services.find_person import find_person

    cid = service.create(named())
    service.link_raiser(cid, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                        raised_on=date(2025, 5, 5), person=PersonDetails("Quinn Second"))
    found = find_person(book, "Quinn Second", "Subject access request")
    assert [m.name for m in found] == ["Quinn Second"]
    assert [row.concern_id for row in found[0].concerns] == [cid]

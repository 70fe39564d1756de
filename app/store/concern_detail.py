"""Everything the casebook holds about one concern, as frozen dataclasses (no identity).

The workspace, letters and the case summary read a concern through this one
loader; the person behind it comes only through IdentityService.reveal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.facts import ConcernFacts
from app.store import custody, facts_query
from app.store.database import Connection
from app.store.errors import NotFound
from app.store.linked_raisers import LinkedRaiser, linked_raisers


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class IssueDetail:
    issue_id: int
    number: int
    description: str
    findings: str
    stage1_outcome: str | None
    stage2_outcome: str | None
    service_type: str | None = None  # nhs | local_authority; None: the concern's own


@dataclass(frozen=True)
class StageDetail:
    stage: str  # stage1 | stage2
    entry: str  # received | escalated
    entered_on: date
    handler: str | None
    acknowledge_due: date | None
    acknowledged_on: date | None
    respond_due: date
    responded_on: date | None
    outcome: str | None
    response_summary: str
    handler_clash: str | None = None  # stage 2: what the handler was involved in
    handler_justification: str | None = None  # why they investigate all the same


@dataclass(frozen=True)
class ExtensionDetail:
    extension_id: int
    stage: str
    authorised_by: str | None
    authorised_on: date | None
    reason: str | None
    new_due_on: date | None
    person_told_on: date | None
    imported: bool


@dataclass(frozen=True)
class ConversationDetail:
    conversation_id: int
    held_on: date
    mode: str
    notes: str
    next_steps: str


@dataclass(frozen=True)
class ActionDetail:
    action_id: int
    description: str
    owner: str
    due_on: date | None
    done_on: date | None
    adopted: bool
    not_adopted_reason: str | None
    learning: str
    publishable: bool


@dataclass(frozen=True)
class SignpostDetail:
    signpost_id: int
    body: str
    other_body: str | None
    signposted_on: date
    notes: str


@dataclass(frozen=True)
class DetrimentDetail:
    detriment_id: int
    reported_on: date
    description: str
    action_taken: str


@dataclass(frozen=True)
class FeedbackDetail:
    feedback_id: int
    received_on: date
    speak_up_again: str | None
    comments: str


@dataclass(frozen=True)
class DisclosureDetail:
    disclosure_id: int
    disclosed_to: str
    role: str
    disclosed_on: date
    reason: str
    consent: str
    consent_on: date | None


@dataclass(frozen=True)
class InvolvedDetail:
    involved_id: int
    name: str
    role: str
    how: str


@dataclass(frozen=True)
class UpdateDetail:
    update_id: int
    given_on: date
    told: str


@dataclass(frozen=True)
class LetterDetail:
    letter_id: int
    raiser: int
    kind: str
    letter_date: date
    about_on: date | None
    digest: str
    protected: bool
    reissue_of: str | None
    made_at: str


@dataclass(frozen=True)
class EditDetail:
    """A correction, change or removal of a record, with its reason."""

    record: str
    label: str
    kind: str  # correction | change | removal
    fields: tuple[str, ...]
    reason: str
    on: date
    at: str


@dataclass(frozen=True)
class ConcernDetail:
    concern_id: int
    reference: str
    pseudonym: str
    has_person: bool  # an identity is held in identities.db (reveal to see it)
    received_on: date
    aware_on: date | None
    late_reason: str | None
    channel: str
    raised_with: str
    raiser_category: str
    anonymity: str
    service_type: str
    service_area: str
    summary: str
    consent_on: date | None
    consent_method: str | None
    decision: str
    decision_on: date | None
    decision_reasons: str | None
    closure: str
    closure_on: date | None
    closure_reason: str | None
    imported: bool
    demo: bool
    themes: tuple[tuple[str, str], ...]  # (code, local label or "")
    issues: tuple[IssueDetail, ...]
    stages: tuple[StageDetail, ...]
    extensions: tuple[ExtensionDetail, ...]
    conversations: tuple[ConversationDetail, ...]
    actions: tuple[ActionDetail, ...]
    signposting: tuple[SignpostDetail, ...]
    detriment: tuple[DetrimentDetail, ...]
    feedback: tuple[FeedbackDetail, ...]
    disclosures: tuple[DisclosureDetail, ...]
    facts: ConcernFacts
    read_only: str | None = None  # why it cannot change here: handed over, or destroyed
    contracted: bool = False
    written_response: str | None = None  # needed | not_needed (not taken forward)
    update_frequency: str = ""
    received_as: str | None = None
    named_on: date | None = None
    involved: tuple[InvolvedDetail, ...] = ()
    updates: tuple[UpdateDetail, ...] = ()
    raisers: tuple[LinkedRaiser, ...] = ()
    letters: tuple[LetterDetail, ...] = ()
    edits: tuple[EditDetail, ...] = ()

    def stage(self, name: str) -> StageDetail | None:
        return next((s for s in self.stages if s.stage == name), None)


_CONCERN = (
    "SELECT id, reference, pseudonym, person_ref IS NOT NULL, received_on, aware_on, late_reason,"
    " channel, raised_with, raiser_category, anonymity, service_type, service_area, summary,"
    " consent_on, consent_method, decision, decision_on, decision_reasons, closure, closure_on,"
    " closure_reason, imported, demo, contracted, written_response, update_frequency,"
    " received_as, named_on FROM concerns WHERE id = ?"
)


def load_concern(conn: Connection, concern_id: int) -> ConcernDetail:
    row = conn.execute(_CONCERN, (concern_id,)).fetchone()
    if row is None:
        raise NotFound("That concern no longer exists.")
    (cid, reference, pseudonym, has_person, received, aware, late, channel, raised_with,
     category, anonymity, service, area, summary, consent_on, consent_method, decision,
     decision_on, reasons, closure, closure_on, closure_reason, imported, demo, contracted,
     written_response, update_frequency, received_as, named_on) = row

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return list(conn.execute(sql, (concern_id,)))

    return ConcernDetail(
        concern_id=cid, reference=reference, pseudonym=pseudonym, has_person=bool(has_person),
        received_on=date.fromisoformat(received), aware_on=_day(aware), late_reason=late,
        channel=channel, raised_with=raised_with, raiser_category=category,
        anonymity=anonymity, service_type=service, service_area=area, summary=summary,
        consent_on=_day(consent_on), consent_method=consent_method, decision=decision,
        decision_on=_day(decision_on), decision_reasons=reasons, closure=closure,
        closure_on=_day(closure_on), closure_reason=closure_reason, imported=bool(imported),
        demo=bool(demo),
        themes=tuple((str(c), str(label)) for c, label in rows(
            "SELECT code, local_label FROM concern_themes WHERE concern_id = ?"
            " ORDER BY code, local_label")),
        issues=tuple(IssueDetail(*r) for r in rows(
            "SELECT id, number, description, findings, stage1_outcome, stage2_outcome,"
            " service_type FROM concern_issues WHERE concern_id = ? ORDER BY number")),
        stages=tuple(
            StageDetail(str(s), str(e), date.fromisoformat(str(entered)),
                        h if h is None else str(h), _day(ack_due), _day(ack),
                        date.fromisoformat(str(due)), _day(resp), out,
                        str(summ), clash, why)
            for s, e, entered, h, ack_due, ack, due, resp, out, summ, clash, why in rows(
                "SELECT stage, entry, entered_on, handler, acknowledge_due, acknowledged_on,"
                " respond_due, responded_on, outcome, response_summary, handler_clash,"
                " handler_justification FROM stages WHERE concern_id = ? ORDER BY stage")),
        extensions=tuple(
            ExtensionDetail(int(i), str(s), by, _day(on), why, _day(new),
                            _day(told), bool(imp))
            for i, s, by, on, why, new, told, imp in rows(
                "SELECT id, stage, authorised_by, authorised_on, reason, new_due_on,"
                " person_told_on, imported FROM extensions WHERE concern_id = ? ORDER BY id")),
        conversations=tuple(
            ConversationDetail(int(i), date.fromisoformat(str(on)), str(mode), str(notes),
                               str(steps))
            for i, on, mode, notes, steps in rows(
                "SELECT id, held_on, mode, notes, next_steps FROM conversations"
                " WHERE concern_id = ? ORDER BY held_on, id")),
        actions=tuple(
            ActionDetail(int(i), str(desc), str(owner), _day(due), _day(done),
                         bool(adopted), why, str(learning), bool(pub))
            for i, desc, owner, due, done, adopted, why, learning, pub in rows(
                "SELECT id, description, owner, due_on, done_on, adopted, not_adopted_reason,"
                " learning, publishable FROM actions WHERE concern_id = ? ORDER BY id")),
        signposting=tuple(
            SignpostDetail(int(i), str(body), other, date.fromisoformat(str(on)),
                           str(notes))
            for i, body, other, on, notes in rows(
                "SELECT id, body, other_body, signposted_on, notes FROM signposting"
                " WHERE concern_id = ? ORDER BY signposted_on, id")),
        detriment=tuple(
            DetrimentDetail(int(i), date.fromisoformat(str(on)), str(desc), str(act))
            for i, on, desc, act in rows(
                "SELECT id, reported_on, description, action_taken FROM detriment_reports"
                " WHERE concern_id = ? ORDER BY reported_on, id")),
        feedback=tuple(
            FeedbackDetail(int(i), date.fromisoformat(str(on)), again, str(comments))
            for i, on, again, comments in rows(
                "SELECT id, received_on, speak_up_again, comments FROM feedback"
                " WHERE concern_id = ? ORDER BY received_on, id")),
        disclosures=tuple(
            DisclosureDetail(int(i), str(to), str(role), date.fromisoformat(str(on)), str(why),
                             str(consent), _day(c_on))
            for i, to, role, on, why, consent, c_on in rows(
                "SELECT id, disclosed_to, role, disclosed_on, reason, consent, consent_on"
                " FROM disclosures WHERE concern_id = ? ORDER BY disclosed_on, id")),
        facts=(facts := facts_query.concern_facts(conn, concern_id)),
        read_only=custody.read_only_reason(conn, concern_id, facts.custody),
        contracted=bool(contracted), written_response=written_response,
        update_frequency=str(update_frequency), received_as=received_as,
        named_on=_day(named_on),
        involved=tuple(InvolvedDetail(int(i), str(name), str(role), str(how))
                       for i, name, role, how in rows(
                           "SELECT id, name, role, how FROM involved_people"
                           " WHERE concern_id = ? ORDER BY id")),
        updates=tuple(UpdateDetail(int(i), date.fromisoformat(str(on)), str(told))
                      for i, on, told in rows(
                          "SELECT id, given_on, told FROM after_closure_updates"
                          " WHERE concern_id = ? ORDER BY given_on, id")),
        raisers=linked_raisers(conn, concern_id),
        letters=tuple(
            LetterDetail(int(i), int(raiser), str(kind), date.fromisoformat(str(on)),
                         _day(about), str(digest), bool(protected), reissue, str(made))
            for i, raiser, kind, on, about, digest, protected, reissue, made in rows(
                "SELECT id, raiser, kind, letter_date, about_on, digest, protected,"
                " reissue_of, made_at FROM letters WHERE concern_id = ? ORDER BY made_at, id")),
        edits=tuple(
            EditDetail(str(record), str(label), str(kind), tuple(json.loads(fields)),
                       str(reason), date.fromisoformat(str(on)), str(at))
            for record, label, kind, fields, reason, on, at in rows(
                "SELECT record, label, kind, fields, reason, on_date, at FROM record_edits"
                " WHERE concern_id = ? ORDER BY at, id")),
    )

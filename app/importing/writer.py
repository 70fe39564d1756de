"""Writing a checked row through ConcernService, exactly as if it were typed in.

One row is a sequence of the same calls the workspace makes (record the concern,
extend, respond, escalate, acknowledge, close, signpost, record detriment, add
learning), each checked by the rules and audited. Details imported history
lacks are stored as nothing (NULL) on a record marked imported, which the
workspace shows as "not recorded (imported)".
"""

from __future__ import annotations

from app.core.records import (
    Anonymity,
    Closure,
    ConsentMethod,
    ProcedureDecision,
    SignpostBody,
    Stage,
)
from app.importing.rows import ImportRow, IssueColumns, StageColumns
from app.store.concerns import ConcernService, IssueOutcome, NewConcern

LEARNING_ACTION = "Learning recorded in the imported log"
# Imported history's stage 2 handler may be its stage 1 handler too: the log did not record
# why, so the independence clash is kept with this note rather than refusing the history.
IMPORTED_JUSTIFICATION = "Imported from a log that did not record why"
DETRIMENT_NOTE = "Detriment reported (recorded in the imported log)"
DETRIMENT_NOTE_UNDATED = ("Detriment reported (recorded in the imported log, which did not "
                          "give the date: the received date is used)")


def _handler(columns: StageColumns) -> str | None:
    return columns.handler or None


def new_concern(row: ImportRow) -> NewConcern:
    starting = row.stage1 if row.starting_stage is Stage.STAGE1 else row.stage2
    consent_method = row.consent_method
    if row.consent_on is not None and consent_method is None:
        consent_method = ConsentMethod.NOT_RECORDED
    return NewConcern(
        received_on=row.received_on, channel=row.channel, raised_with=row.raised_with,
        raiser_category=row.raiser_category, anonymity=row.anonymity,
        service_type=row.service_type, service_area=row.service_area, summary=row.summary,
        themes=row.themes, starting_stage=row.starting_stage,
        handler=_handler(starting) if row.starting_stage else None,
        consent_on=row.consent_on, consent_method=consent_method, reference=row.reference,
        person=row.person if row.anonymity is Anonymity.NAMED else None, imported=True,
        contracted=row.contracted)


def _extend_and_respond(service: ConcernService, concern_id: int, columns: StageColumns,
                        issues: dict[int, IssueColumns]) -> None:
    if columns.extended:
        service.extend(concern_id, columns.stage, authorised_by="", authorised_on=None,
                       reason=columns.extension_reason, new_due_on=columns.extended_to,
                       imported=True)
    if columns.responded_on is not None and columns.outcome is not None:
        outcomes = tuple(IssueOutcome(issue_id, outcome) for issue_id, issue in issues.items()
                         if (outcome := issue.outcome(columns.stage)) is not None)
        service.respond(concern_id, columns.stage, columns.responded_on, columns.outcome,
                        issue_outcomes=outcomes)


def _write_stages(service: ConcernService, concern_id: int, row: ImportRow,
                  issues: dict[int, IssueColumns]) -> None:
    if row.starting_stage is Stage.STAGE1:
        _extend_and_respond(service, concern_id, row.stage1, issues)
        if row.escalated_on is None:
            return
        service.escalate(concern_id, row.escalated_on, handler=_handler(row.stage2),
                         justification=IMPORTED_JUSTIFICATION)
    if row.stage2.acknowledged_on is not None:
        service.acknowledge(concern_id, row.stage2.acknowledged_on)
    _extend_and_respond(service, concern_id, row.stage2, issues)


def _write_closure(service: ConcernService, concern_id: int, row: ImportRow) -> None:
    if row.closure is None:
        return
    assert row.closure_on is not None  # the rules ask for the date: checked before writing
    if row.closure is Closure.NOT_TAKEN_FORWARD:
        service.decide(concern_id, ProcedureDecision.NOT_TAKEN_FORWARD, row.closure_on,
                       row.closure_reason)
    else:
        service.close(concern_id, row.closure, row.closure_on, row.closure_reason)


def _write_after(service: ConcernService, concern_id: int, row: ImportRow) -> None:
    if row.signposted_inwo_on is not None:
        service.signpost(concern_id, SignpostBody.INWO, row.signposted_inwo_on)
    if row.detriment:
        note = DETRIMENT_NOTE if row.detriment_on else DETRIMENT_NOTE_UNDATED
        service.record_detriment(concern_id, row.detriment_on or row.received_on, note)
    if row.learning:
        service.add_action(concern_id, LEARNING_ACTION, learning=row.learning,
                           publishable=row.learning_publishable)


def _write_issues(service: ConcernService, concern_id: int, row: ImportRow
                  ) -> dict[int, IssueColumns]:
    """The row's issues, each with its service; returns them by their new ids."""
    return {service.add_issue(concern_id, issue.description, issue.service_type): issue
            for issue in row.issues}


def write_row(service: ConcernService, row: ImportRow) -> int:
    """Record one checked row; returns the new concern's id."""
    concern_id = service.create(new_concern(row))
    issues = _write_issues(service, concern_id, row)
    if row.starting_stage is not None:
        _write_stages(service, concern_id, row, issues)
    _write_closure(service, concern_id, row)
    _write_after(service, concern_id, row)
    return concern_id

"""Stages 1 and 2: entering, handlers, acknowledgement, responses, extensions, closing; and
the issues within a concern with their findings."""

from __future__ import annotations

from datetime import date

from app.core.records import (
    Closure,
    Outcome,
    ServiceType,
    Stage,
    StageEntry,
)
from app.core.rules import RuleError, RuleViolation
from app.store import database
from app.store.concern_core import (
    IssueOutcome,
    _iso,
    _limit,
    _now,
)
from app.store.concern_involved import InvolvedPeople
from app.store.errors import NotFound


class Stages(InvolvedPeople):
    def escalate(self, concern_id: int, on: date, handler: str | None = None, *,
                 justification: str | None = None) -> None:
        """Move a stage 1 concern to stage 2 investigation on `on`. A handler involved in
        the events or in stage 1 needs `justification` (app/core/independence.py)."""
        _limit(handler=("Handler", handler))
        with database.write(self.conn):
            facts = self._facts(concern_id)
            if facts.stage1 is None:
                raise RuleError([RuleViolation(
                    "escalation", "Only a concern at stage 1 can be escalated to stage 2.")])
            if facts.stage2 is not None:
                raise RuleError([RuleViolation("escalation",
                                               "This concern is already at stage 2.")])
            self._insert_stage(concern_id, Stage.STAGE2, StageEntry.ESCALATED, on, handler)
            # A stage 1 response closed the concern; escalation reopens it at stage 2.
            self.conn.execute("UPDATE concerns SET closure = 'open', closure_on = NULL"
                              " WHERE id = ? AND closure = 'closed'", (concern_id,))
            self._check_independence(concern_id, justification)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.escalated",
                                 {"stage": "stage2", **self._clash_detail(concern_id)})

    def set_handler(self, concern_id: int, stage: Stage, handler: str, *,
                    justification: str | None = None) -> None:
        """Who handles a stage. At stage 2, someone who handled stage 1 or is recorded as
        involved is refused unless `justification` says why they investigate all the same."""
        _limit(handler=("Handler", handler))
        with database.write(self.conn):
            self._require_stage(concern_id, stage)
            self.conn.execute("UPDATE stages SET handler = ? WHERE concern_id = ? AND stage = ?",
                              (handler.strip(), concern_id, stage.value))
            self._check_independence(concern_id, justification)
            self._check_and_seal(concern_id, "stage.handler_changed",
                                 {"stage": stage.value, **self._clash_detail(concern_id)})

    def _clash_detail(self, concern_id: int) -> dict[str, object]:
        """For the audit log: that the stage 2 handler was accepted despite a clash."""
        row = self.conn.execute("SELECT handler_clash FROM stages WHERE concern_id = ?"
                                " AND stage = 'stage2'", (concern_id,)).fetchone()
        return {"independence": "justified"} if row and row[0] else {}

    def acknowledge(self, concern_id: int, on: date) -> None:
        """The written acknowledgement of a stage 2 concern."""
        with database.write(self.conn):
            self._require_stage(concern_id, Stage.STAGE2)
            self.conn.execute(
                "UPDATE stages SET acknowledged_on = ? WHERE concern_id = ? AND stage = 'stage2'",
                (on.isoformat(), concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.acknowledged", {"stage": "stage2"})

    def respond(self, concern_id: int, stage: Stage, on: date, outcome: Outcome,
                summary: str = "", issue_outcomes: tuple[IssueOutcome, ...] = ()) -> None:
        """The full response at a stage, with the overall outcome and each issue's."""
        column = "stage1_outcome" if stage is Stage.STAGE1 else "stage2_outcome"
        _limit(summary=("Summary of the response", summary))
        with database.write(self.conn):
            self._require_stage(concern_id, stage)
            self.conn.execute(
                "UPDATE stages SET responded_on = ?, outcome = ?, response_summary = ?"
                " WHERE concern_id = ? AND stage = ?",
                (on.isoformat(), outcome.value, summary.strip(), concern_id, stage.value))
            for item in issue_outcomes:
                updated = self.conn.execute(
                    f"UPDATE concern_issues SET {column} = ? WHERE id = ? AND concern_id = ?",
                    (item.outcome.value, item.issue_id, concern_id)).rowcount
                if not updated:
                    raise NotFound(f"Issue {item.issue_id} is not part of this concern.")
            if stage is Stage.STAGE2 or self._facts(concern_id).stage2 is None:
                self.conn.execute("UPDATE concerns SET closure = 'closed', closure_on = ?"
                                  " WHERE id = ? AND closure = 'open'",
                                  (on.isoformat(), concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.responded",
                                 {"stage": stage.value, "outcome": outcome.value})

    def extend(self, concern_id: int, stage: Stage, *, authorised_by: str,
               authorised_on: date | None, reason: str, new_due_on: date | None,
               person_told_on: date | None = None, imported: bool = False) -> int:
        """An authorised extension: who, why, and the new date the person is told.

        Imported history may lack the date and the new due date (None); the rules
        refuse that for an extension that is not imported."""
        _limit(authorised_by=("Authorised by", authorised_by),
               reason=("Reason for the extension", reason))
        with database.write(self.conn):
            self._require_stage(concern_id, stage)
            cursor = self.conn.execute(
                "INSERT INTO extensions (concern_id, stage, authorised_by, authorised_on, reason,"
                " new_due_on, person_told_on, imported, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (concern_id, stage.value, authorised_by.strip() or None, _iso(authorised_on),
                 reason.strip() or None, _iso(new_due_on), _iso(person_told_on), int(imported),
                 _now()))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.extended", {"stage": stage.value})
            return int(cursor.lastrowid or 0)

    def close(self, concern_id: int, closure: Closure, on: date, reason: str = "") -> None:
        """Withdrawn or transferred to another procedure (a full response closes by itself)."""
        if closure not in (Closure.WITHDRAWN, Closure.TRANSFERRED):
            raise ValueError("close() records a withdrawal or a transfer")
        _limit(reason=("Reason or procedure", reason))
        with database.write(self.conn):
            self._require(concern_id)
            self.conn.execute(
                "UPDATE concerns SET closure = ?, closure_on = ?, closure_reason = ? WHERE id = ?",
                (closure.value, on.isoformat(), reason.strip() or None, concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.closed", {"closure": closure.value})

    def add_issue(self, concern_id: int, description: str,
                  service_type: ServiceType | None = None) -> int:
        """An issue within the concern; `service_type` is NHS or local authority (None: the
        concern's own, when that is not both)."""
        if not description.strip():
            raise RuleError([RuleViolation("issue", "Describe the issue.")])
        _limit(issue=("Issue", description))
        with database.write(self.conn):
            self._require(concern_id)
            service = self._issue_service(concern_id, service_type)
            number = self.conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM concern_issues WHERE concern_id = ?",
                (concern_id,)).fetchone()[0]
            cursor = self.conn.execute(
                "INSERT INTO concern_issues (concern_id, number, description, service_type)"
                " VALUES (?, ?, ?, ?)", (concern_id, number, description.strip(), service))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "issue.added", {"issue": cursor.lastrowid})
            return int(cursor.lastrowid or 0)

    def _issue_service(self, concern_id: int, service_type: ServiceType | None) -> str | None:
        if service_type is None:
            return None
        if service_type is ServiceType.BOTH:
            raise RuleError([RuleViolation("service_type", "An issue is about NHS services or "
                                           "local-authority services: choose one.")])
        return service_type.value

    def set_issue_service(self, issue_id: int, service_type: ServiceType | None) -> None:
        """Which service one issue is about (signposting follows it)."""
        with database.write(self.conn):
            concern_id = self._issue_concern(issue_id)
            self.conn.execute("UPDATE concern_issues SET service_type = ? WHERE id = ?",
                              (self._issue_service(concern_id, service_type), issue_id))
            self._check_and_seal(concern_id, "issue.updated", {"issue": issue_id})

    def set_issue_findings(self, issue_id: int, findings: str) -> None:
        _limit(findings=("Findings", findings))
        with database.write(self.conn):
            concern_id = self._issue_concern(issue_id)
            self.conn.execute("UPDATE concern_issues SET findings = ? WHERE id = ?",
                              (findings.strip(), issue_id))
            self._check_and_seal(concern_id, "issue.updated", {"issue": issue_id})


"""One concern as a workspace holds it: the detail, the calendar, drafts and today's date.

Loaded by a job on the worker thread and handed to the GUI thread whole; forms
use it to check proposed changes against the rules as the user types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts
from app.core.rules import RuleViolation, validate_concern
from app.core.timescales import DEFAULT_TIMESCALES, Deadline, deadlines
from app.services import identity_scan
from app.store.concern_detail import ConcernDetail
from app.store.workspace_queries import Draft, drafts_for, working_calendar
from app.ui.base.worker import WorkerState


@dataclass(frozen=True)
class CaseContext:
    detail: ConcernDetail
    calendar: WorkingCalendar  # made for this context only; never shared with the worker
    drafts: tuple[Draft, ...]
    today: date
    fingerprint: int = 0  # name digests recorded for an unnamed concern

    @property
    def concern_id(self) -> int:
        return self.detail.concern_id

    @property
    def facts(self) -> ConcernFacts:
        return self.detail.facts

    def violations(self, facts: ConcernFacts) -> list[RuleViolation]:
        return validate_concern(facts, timescales=DEFAULT_TIMESCALES, calendar=self.calendar,
                                today=self.today)

    def new_violations(self, proposed: ConcernFacts) -> list[RuleViolation]:
        """What the proposed change would break that the saved concern does not already."""
        already = {(v.field, v.message) for v in self.violations(self.facts)}
        return [v for v in self.violations(proposed) if (v.field, v.message) not in already]

    def deadlines(self) -> list[Deadline]:
        return deadlines(self.facts, self.calendar, DEFAULT_TIMESCALES)

    def next_deadline(self) -> Deadline | None:
        unmet = [d for d in self.deadlines() if not d.met]
        return min(unmet, key=lambda d: d.due) if unmet else None


def load_context(state: WorkerState, concern_id: int, today: date) -> CaseContext:
    """On the worker: everything the workspace shows about one concern (never the identity,
    nor any held identity typed into its text: app/services/identity_scan.masked_detail)."""
    book = state.require_book()
    conn = book.cases
    # Every surface of the workspace shows the concern's text masked, whatever was stored.
    return CaseContext(detail=identity_scan.masked_detail(book, concern_id),
                       calendar=working_calendar(conn),
                       drafts=drafts_for(conn, concern_id), today=today,
                       fingerprint=identity_scan.fingerprint_size(book, concern_id))

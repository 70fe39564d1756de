"""Timescales of the Standards and the due dates they give each stage.

Stage 1: a full response within 5 working days. Stage 2: a written
acknowledgement within 3 working days and a full response within 20, unless an
extension gives a new date. The numbers are settings, not constants, because
some of them are our reading of the Standards (SPEC.md marks them "check").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.records import Closure, Stage

DeadlineKind = Literal["acknowledge", "respond"]


@dataclass(frozen=True)
class Timescales:
    stage1_response_days: int = 5
    stage2_acknowledge_days: int = 3
    stage2_response_days: int = 20
    # The longest a stage 1 extension may run, in working days from entry; None for no limit.
    stage1_extension_max_days: int | None = None
    # Concerns are normally raised within this many months of becoming aware (may be extended).
    raise_within_months: int = 6

    def response_days(self, stage: Stage) -> int:
        """The working days allowed for a full response at a stage, before any extension."""
        return self.stage1_response_days if stage is Stage.STAGE1 else self.stage2_response_days


DEFAULT_TIMESCALES = Timescales()


@dataclass(frozen=True)
class Deadline:
    """Something a contact must do by a date: acknowledge a stage 2 concern, or respond."""

    stage: Stage
    kind: DeadlineKind
    due: date
    met_on: date | None
    extended: bool  # an extension was authorised at this stage (the due date may have moved)
    concern_id: int  # so a dashboard listing many concerns' deadlines can open the right one

    @property
    def met(self) -> bool:
        return self.met_on is not None

    @property
    def met_late(self) -> bool:
        return self.met_on is not None and self.met_on > self.due

    def overdue(self, today: date) -> bool:
        """Not yet done and the due date has passed."""
        return self.met_on is None and self.due < today


def extension_order(stage: StageFacts) -> list[int]:
    """Positions of a stage's extensions in the order they were authorised.

    Extensions without an authorisation date (imported history) come first, in the
    order recorded; the sort is stable, so same-day extensions keep their order too.
    """
    extensions = stage.extensions
    return sorted(range(len(extensions)), key=lambda i: extensions[i].authorised_on or date.min)


def ordered_extensions(stage: StageFacts) -> list[ExtensionFacts]:
    """A stage's extensions in the order they were authorised (see extension_order)."""
    return [stage.extensions[i] for i in extension_order(stage)]


def standard_response_due(
    stage: StageFacts, calendar: WorkingCalendar, timescales: Timescales = DEFAULT_TIMESCALES
) -> date:
    """The response due date before any extension: entry plus the stage's working days."""
    return calendar.add_working_days(stage.entered_on, timescales.response_days(stage.stage))


def response_due(
    stage: StageFacts, calendar: WorkingCalendar, timescales: Timescales = DEFAULT_TIMESCALES
) -> date:
    """When the full response is due: the latest extension's new date, if any gave one."""
    for extension in reversed(ordered_extensions(stage)):
        if extension.new_due_date is not None:
            return extension.new_due_date
    return standard_response_due(stage, calendar, timescales)


def acknowledge_due(
    stage: StageFacts, calendar: WorkingCalendar, timescales: Timescales = DEFAULT_TIMESCALES
) -> date:
    """When a stage 2 concern must be acknowledged in writing (stage 1 has no acknowledgement)."""
    if stage.stage is not Stage.STAGE2:
        raise ValueError("Only a stage 2 concern is acknowledged.")
    return calendar.add_working_days(stage.entered_on, timescales.stage2_acknowledge_days)


def _left_procedure(facts: ConcernFacts) -> bool:
    """Withdrawn, transferred, not taken forward or closed: nothing more falls due."""
    return facts.closure is not Closure.OPEN


def _stage_deadlines(
    facts: ConcernFacts, stage: StageFacts, calendar: WorkingCalendar, timescales: Timescales
) -> list[Deadline]:
    extended = bool(stage.extensions)
    found: list[Deadline] = []
    if stage.stage is Stage.STAGE2:
        # A full response inside the acknowledgement time acknowledges the concern too.
        acknowledged = stage.acknowledged_on or stage.responded_on
        due = acknowledge_due(stage, calendar, timescales)
        found.append(Deadline(stage.stage, "acknowledge", due, acknowledged,
                              extended=False, concern_id=facts.concern_id))
    due = response_due(stage, calendar, timescales)
    found.append(Deadline(stage.stage, "respond", due, stage.responded_on,
                          extended=extended, concern_id=facts.concern_id))
    return found


def deadlines(
    facts: ConcernFacts, calendar: WorkingCalendar, timescales: Timescales = DEFAULT_TIMESCALES
) -> list[Deadline]:
    """The concern's deadlines, met and unmet, in stage order (acknowledgement first).

    Unmet deadlines that no longer apply are left out: those of a concern that
    has left the procedure (closed, withdrawn, transferred, not taken forward),
    and the stage 1 response of a concern escalated without one.
    """
    found: list[Deadline] = []
    for stage in (facts.stage1, facts.stage2):
        if stage is not None:
            found.extend(_stage_deadlines(facts, stage, calendar, timescales))
    superseded_stage1 = facts.stage2 is not None

    def still_applies(deadline: Deadline) -> bool:
        if deadline.met:
            return True
        if _left_procedure(facts):
            return False
        return not (deadline.stage is Stage.STAGE1 and superseded_stage1)

    return [deadline for deadline in found if still_applies(deadline)]

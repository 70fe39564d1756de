"""Frozen snapshots of a concern's timeline: what the rules and the KPIs read.

The store builds these from its tables (and the spreadsheet import builds them
from rows), so validation and KPI figures are computed by one piece of code
whatever way a concern came in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.core.custody import ALWAYS, Custody
from app.core.records import (
    Anonymity,
    Closure,
    Outcome,
    ProcedureDecision,
    RaiserCategory,
    ServiceType,
    Stage,
    StageEntry,
)


@dataclass(frozen=True)
class ExtensionFacts:
    stage: Stage
    authorised_on: date | None
    authorised_by: str | None
    reason: str | None
    new_due_date: date | None
    imported: bool = False  # imported history may lack who, why and the new date


@dataclass(frozen=True)
class StageFacts:
    stage: Stage
    entered_on: date
    entry: StageEntry
    acknowledged_on: date | None = None  # stage 2 only
    responded_on: date | None = None  # the full response
    outcome: Outcome | None = None  # overall outcome at this stage
    extensions: tuple[ExtensionFacts, ...] = ()

    @property
    def closed_in_full(self) -> bool:
        """A stage is closed in full by a full response with an outcome (SPEC.md)."""
        return self.responded_on is not None and self.outcome is not None


@dataclass(frozen=True)
class RaiserFacts:
    """Another person who raised the same concern (a linked raiser): their own class, the
    date they raised it and the date they agreed to use the procedure."""

    anonymity: Anonymity
    raised_on: date
    consent_on: date | None = None
    number: int = 1

    @property
    def agreed(self) -> bool:
        """Named, and agreed to use the procedure: this raiser brings the concern within
        the Standards."""
        return self.anonymity is Anonymity.NAMED and self.consent_on is not None


@dataclass(frozen=True)
class ConcernFacts:
    concern_id: int
    received_on: date
    anonymity: Anonymity
    service_type: ServiceType
    raiser_category: RaiserCategory = RaiserCategory.EMPLOYEE
    decision: ProcedureDecision = ProcedureDecision.USE_PROCEDURE
    decision_reasons: str | None = None
    consent_on: date | None = None
    stage1: StageFacts | None = None
    stage2: StageFacts | None = None
    closure: Closure = Closure.OPEN
    closure_on: date | None = None  # withdrawn / transferred / not-taken-forward date
    themes: tuple[str, ...] = field(default_factory=tuple)  # standard codes only
    imported: bool = False
    custody: Custody = ALWAYS  # when this unit held it (app/core/custody.py: who counts what)
    contracted: bool = False  # about a contracted or primary-care service
    # A change of class (app/core/raisers.py): the class when received (None: `anonymity`),
    # and the date an anonymous or unnamed concern came within the Standards.
    received_as: Anonymity | None = None
    named_on: date | None = None
    raisers: tuple[RaiserFacts, ...] = ()  # the other people who raised it (linked)

    @property
    def within_standards(self) -> bool:
        """Anonymous and unnamed concerns are recorded but sit outside the Standards; a
        concern is within them when any of its raisers is named (app/core/raisers.py)."""
        return (self.anonymity is Anonymity.NAMED
                or self.received_as is Anonymity.NAMED
                or self.named_on is not None
                or any(r.agreed for r in self.raisers))

    @property
    def class_when_received(self) -> Anonymity:
        """Named, unnamed or anonymous as the concern was when received (a later change
        leaves this as it was; a correction changes it)."""
        return self.received_as if self.received_as is not None else self.anonymity

    def stage(self, stage: Stage) -> StageFacts | None:
        return self.stage1 if stage is Stage.STAGE1 else self.stage2

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

    @property
    def within_standards(self) -> bool:
        """Anonymous and unnamed concerns are recorded but sit outside the Standards."""
        return self.anonymity is Anonymity.NAMED

    def stage(self, stage: Stage) -> StageFacts | None:
        return self.stage1 if stage is Stage.STAGE1 else self.stage2

"""What a concern's facts would become after a change a form proposes (no Qt, no database).

Each function mirrors one ConcernService operation, so a form can run the rules
of the Standards on the result while the user types and point at the field that
breaks one, before anything is sent to the worker. The service checks again
when it saves; these only make the check immediate.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.raisers import stage_entry_on
from app.core.records import (
    Anonymity,
    Closure,
    Outcome,
    ProcedureDecision,
    RaiserCategory,
    ServiceType,
    Stage,
    StageEntry,
    theme_code,
)


def standard_themes(themes: tuple[str, ...]) -> tuple[str, ...]:
    """The theme codes the rules see: local themes count as "other"."""
    codes = {theme_code(text) or "other" for text in themes if text.strip()}
    return tuple(sorted(codes))


def new_concern(*, received_on: date, anonymity: Anonymity, service_type: ServiceType,
                raiser_category: RaiserCategory, starting_stage: Stage | None,
                consent_on: date | None, themes: tuple[str, ...]) -> ConcernFacts:
    decision = (ProcedureDecision.USE_PROCEDURE if starting_stage
                else ProcedureDecision.UNDECIDED)
    stage = (StageFacts(starting_stage, received_on, StageEntry.RECEIVED)
             if starting_stage else None)
    return ConcernFacts(
        concern_id=0, received_on=received_on, anonymity=anonymity, service_type=service_type,
        raiser_category=raiser_category, decision=decision, consent_on=consent_on,
        stage1=stage if starting_stage is Stage.STAGE1 else None,
        stage2=stage if starting_stage is Stage.STAGE2 else None,
        themes=standard_themes(themes))


def _with_stage(facts: ConcernFacts, stage: StageFacts) -> ConcernFacts:
    if stage.stage is Stage.STAGE1:
        return replace(facts, stage1=stage)
    return replace(facts, stage2=stage)


def intake_changed(facts: ConcernFacts, *, received_on: date, service_type: ServiceType,
                   raiser_category: RaiserCategory, themes: tuple[str, ...]) -> ConcernFacts:
    """A stage entered on receipt moves with the received date (as update_intake does)."""
    changed = replace(facts, received_on=received_on, service_type=service_type,
                      raiser_category=raiser_category, themes=standard_themes(themes))
    for stage in (facts.stage1, facts.stage2):
        if stage is not None and stage.entry is StageEntry.RECEIVED:
            changed = _with_stage(changed, replace(stage, entered_on=received_on))
    return changed


def decided(facts: ConcernFacts, decision: ProcedureDecision, on: date, reasons: str,
            stage: Stage | None, consent_on: date | None) -> ConcernFacts:
    changed = replace(facts, decision=decision, decision_reasons=reasons.strip() or None,
                      consent_on=consent_on if consent_on is not None else facts.consent_on)
    if decision is ProcedureDecision.USE_PROCEDURE and stage is not None \
            and facts.stage1 is None and facts.stage2 is None:
        changed = _with_stage(changed, StageFacts(stage, stage_entry_on(facts),
                                                  StageEntry.RECEIVED))
    elif decision is ProcedureDecision.NOT_TAKEN_FORWARD:
        changed = replace(changed, closure=Closure.NOT_TAKEN_FORWARD, closure_on=on)
    return changed


def escalated(facts: ConcernFacts, on: date) -> ConcernFacts:
    changed = replace(facts, stage2=StageFacts(Stage.STAGE2, on, StageEntry.ESCALATED))
    if facts.closure is Closure.CLOSED:
        changed = replace(changed, closure=Closure.OPEN, closure_on=None)
    return changed


def acknowledged(facts: ConcernFacts, on: date) -> ConcernFacts:
    if facts.stage2 is None:
        return facts
    return replace(facts, stage2=replace(facts.stage2, acknowledged_on=on))


def responded(facts: ConcernFacts, stage: Stage, on: date, outcome: Outcome | None
              ) -> ConcernFacts:
    current = facts.stage(stage)
    if current is None:
        return facts
    changed = _with_stage(facts, replace(current, responded_on=on, outcome=outcome))
    if (stage is Stage.STAGE2 or facts.stage2 is None) and facts.closure is Closure.OPEN:
        changed = replace(changed, closure=Closure.CLOSED, closure_on=on)
    return changed


def extended(facts: ConcernFacts, stage: Stage, extension: ExtensionFacts
             ) -> tuple[ConcernFacts, int]:
    """The facts with one more extension, and that extension's position in its stage."""
    current = facts.stage(stage)
    if current is None:
        return facts, 0
    index = len(current.extensions)
    return (_with_stage(facts, replace(current, extensions=(*current.extensions, extension))),
            index)


def closed(facts: ConcernFacts, closure: Closure, on: date) -> ConcernFacts:
    return replace(facts, closure=closure, closure_on=on)


def open_stage(facts: ConcernFacts) -> Stage | None:
    """The stage awaiting its full response, if the concern is open and at one."""
    if facts.closure is not Closure.OPEN:
        return None
    last = facts.stage2 if facts.stage2 is not None else facts.stage1
    if last is None or last.responded_on is not None:
        return None
    return last.stage

"""Hypothesis strategies that draw concerns keeping every rule, for property tests."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.records import (
    THEMES,
    Anonymity,
    Closure,
    Outcome,
    ProcedureDecision,
    ServiceType,
    Stage,
    StageEntry,
)
from app.core.timescales import Timescales, standard_response_due

CALENDAR = WorkingCalendar()
TIMESCALES = Timescales()

PATHS = ("undecided", "business_as_usual", "not_taken_forward", "stage1", "stage2", "escalated")


def _later(draw: st.DrawFn, d: date, most: int) -> date:
    return d + timedelta(days=draw(st.integers(min_value=0, max_value=most)))


def _extensions(draw: st.DrawFn, stage: Stage, entered: date,
                responded: date | None) -> tuple[ExtensionFacts, ...]:
    count = draw(st.integers(min_value=0, max_value=2))
    latest = responded if responded is not None else entered + timedelta(days=40)
    span = (latest - entered).days
    offsets = sorted(draw(st.lists(st.integers(0, span), min_size=count, max_size=count)))
    due = standard_response_due(StageFacts(stage, entered, StageEntry.RECEIVED), CALENDAR,
                                TIMESCALES)
    found = []
    for offset in offsets:
        due = _later(draw, due + timedelta(days=1), 20)
        found.append(ExtensionFacts(stage, entered + timedelta(days=offset), "A manager",
                                    "Waiting for a witness", due))
    return tuple(found)


def _stage(draw: st.DrawFn, stage: Stage, entered: date, entry: StageEntry) -> StageFacts:
    responded = _later(draw, entered, 60) if draw(st.booleans()) else None
    outcome = draw(st.sampled_from(Outcome)) if responded is not None else None
    acknowledged = None
    if stage is Stage.STAGE2 and draw(st.booleans()):
        last = responded if responded is not None else entered + timedelta(days=10)
        acknowledged = _later(draw, entered, (last - entered).days)
    extensions = _extensions(draw, stage, entered, responded)
    return StageFacts(stage, entered, entry, acknowledged, responded, outcome, extensions)


def _stages(draw: st.DrawFn, path: str,
            received: date) -> tuple[StageFacts | None, StageFacts | None]:
    if path == "stage2":
        return None, _stage(draw, Stage.STAGE2, received, StageEntry.RECEIVED)
    if path not in ("stage1", "escalated"):
        return None, None
    stage1 = _stage(draw, Stage.STAGE1, received, StageEntry.RECEIVED)
    if path == "stage1":
        return stage1, None
    escalated_from = stage1.responded_on or stage1.entered_on
    stage2 = _stage(draw, Stage.STAGE2, _later(draw, escalated_from, 20), StageEntry.ESCALATED)
    return stage1, stage2


def _last_event(stages: list[StageFacts], received: date) -> date:
    """The latest thing that happened in a stage: a closure cannot come before it."""
    found: list[date | None] = [received]
    for stage in stages:
        found += [stage.entered_on, stage.acknowledged_on, stage.responded_on]
        found += [ext.authorised_on for ext in stage.extensions]
    return max(d for d in found if d is not None)


def _closure(draw: st.DrawFn, path: str, stages: list[StageFacts],
             received: date) -> tuple[Closure, date | None]:
    last = stages[-1] if stages else None
    if last is not None and last.closed_in_full:
        assert last.responded_on is not None
        closure = draw(st.sampled_from([Closure.OPEN, Closure.CLOSED]))
        return closure, _later(draw, last.responded_on, 10) if closure is Closure.CLOSED else None
    choices = {
        "undecided": [Closure.OPEN, Closure.WITHDRAWN],
        "business_as_usual": [Closure.OPEN, Closure.TRANSFERRED],
        "not_taken_forward": [Closure.OPEN, Closure.NOT_TAKEN_FORWARD],
    }.get(path, [Closure.OPEN, Closure.WITHDRAWN, Closure.TRANSFERRED, Closure.NOT_TAKEN_FORWARD])
    closure = draw(st.sampled_from(choices))
    if closure is Closure.OPEN:
        return closure, None
    return closure, _later(draw, _last_event(stages, received), 30)


def _reasons(path: str, closure: Closure) -> str | None:
    if path in ("business_as_usual", "not_taken_forward") or closure is Closure.NOT_TAKEN_FORWARD:
        return "Handled under another policy"
    return None


@st.composite
def valid_concerns(draw: st.DrawFn, first: date = date(2024, 1, 1),
                   last: date = date(2027, 6, 30)) -> ConcernFacts:
    """Any concern the rules accept, received between first and last."""
    received = draw(st.dates(min_value=first, max_value=last))
    anonymity = draw(st.sampled_from(Anonymity))
    path = draw(st.sampled_from(PATHS))
    stage1, stage2 = _stages(draw, path, received)
    stages = [s for s in (stage1, stage2) if s is not None]
    closure, closure_on = _closure(draw, path, stages, received)
    decision = {
        "undecided": draw(st.sampled_from([ProcedureDecision.UNDECIDED,
                                           ProcedureDecision.USE_PROCEDURE])),
        "business_as_usual": ProcedureDecision.BUSINESS_AS_USUAL,
        "not_taken_forward": ProcedureDecision.NOT_TAKEN_FORWARD,
    }.get(path, ProcedureDecision.USE_PROCEDURE)
    return ConcernFacts(
        concern_id=draw(st.integers(min_value=1, max_value=10**6)),
        received_on=received,
        anonymity=anonymity,
        service_type=draw(st.sampled_from(ServiceType)),
        decision=decision,
        decision_reasons=_reasons(path, closure),
        consent_on=_later(draw, received, 3) if stages else None,
        stage1=stage1,
        stage2=stage2,
        closure=closure,
        closure_on=closure_on,
        themes=tuple(draw(st.lists(st.sampled_from(sorted(THEMES)), max_size=3, unique=True))),
    )

"""Due dates: 5 working days at stage 1, 3 to acknowledge and 20 to respond at stage 2."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.records import Anonymity, Closure, Outcome, ServiceType, Stage, StageEntry
from app.core.timescales import (
    Deadline,
    Timescales,
    acknowledge_due,
    deadlines,
    ordered_extensions,
    response_due,
    standard_response_due,
)

CAL = WorkingCalendar()
RECEIVED = date(2025, 6, 2)  # a Monday with no holidays for weeks either side


def _stage1(**changes: Any) -> StageFacts:
    return StageFacts(Stage.STAGE1, RECEIVED, StageEntry.RECEIVED, **changes)


def _stage2(entered: date = RECEIVED, entry: StageEntry = StageEntry.RECEIVED,
            **changes: Any) -> StageFacts:
    return StageFacts(Stage.STAGE2, entered, entry, **changes)


def _extension(stage: Stage, authorised: date | None, new_due: date | None,
               imported: bool = False) -> ExtensionFacts:
    return ExtensionFacts(stage, authorised, "A manager", "Witness on leave", new_due, imported)


def _concern(**changes: Any) -> ConcernFacts:
    return ConcernFacts(1, RECEIVED, Anonymity.NAMED, ServiceType.NHS, **changes)


def test_the_default_timescales_are_the_standards() -> None:
    ts = Timescales()
    assert (ts.stage1_response_days, ts.stage2_acknowledge_days, ts.stage2_response_days) == (
        5, 3, 20)
    assert ts.stage1_extension_max_days is None
    assert ts.raise_within_months == 6
    assert ts.response_days(Stage.STAGE1) == 5
    assert ts.response_days(Stage.STAGE2) == 20


def test_due_dates_without_extensions() -> None:
    assert response_due(_stage1(), CAL) == date(2025, 6, 9)
    assert acknowledge_due(_stage2(), CAL) == date(2025, 6, 5)
    assert response_due(_stage2(), CAL) == date(2025, 6, 30)


def test_due_dates_skip_holidays() -> None:
    # Received Thursday 17 April 2025: Good Friday, then Easter Monday is worked in Scotland.
    stage = StageFacts(Stage.STAGE1, date(2025, 4, 17), StageEntry.RECEIVED)
    assert response_due(stage, CAL) == date(2025, 4, 25)
    local = WorkingCalendar({date(2025, 4, 21): "Easter Monday (local)"})
    assert response_due(stage, local) == date(2025, 4, 28)


def test_due_dates_follow_the_configured_timescales() -> None:
    slower = Timescales(stage1_response_days=10, stage2_acknowledge_days=5,
                        stage2_response_days=30)
    assert response_due(_stage1(), CAL, slower) == date(2025, 6, 16)
    assert acknowledge_due(_stage2(), CAL, slower) == date(2025, 6, 9)
    assert response_due(_stage2(), CAL, slower) == date(2025, 7, 14)


def test_stage_one_has_no_acknowledgement() -> None:
    with pytest.raises(ValueError, match="Only a stage 2"):
        acknowledge_due(_stage1(), CAL)


def test_the_latest_extension_sets_the_response_date() -> None:
    first = _extension(Stage.STAGE2, date(2025, 6, 20), date(2025, 7, 14))
    second = _extension(Stage.STAGE2, date(2025, 7, 10), date(2025, 7, 28))
    # Recorded out of order: the later authorisation still wins.
    stage = _stage2(extensions=(second, first))
    assert ordered_extensions(stage) == [first, second]
    assert response_due(stage, CAL) == date(2025, 7, 28)
    assert standard_response_due(stage, CAL) == date(2025, 6, 30)


def test_an_extension_without_a_new_date_leaves_the_earlier_date() -> None:
    dated = _extension(Stage.STAGE1, date(2025, 6, 4), date(2025, 6, 13))
    undated = _extension(Stage.STAGE1, date(2025, 6, 6), None, imported=True)
    assert response_due(_stage1(extensions=(dated, undated)), CAL) == date(2025, 6, 13)
    assert response_due(_stage1(extensions=(undated,)), CAL) == date(2025, 6, 9)


def test_imported_extensions_without_an_authorised_date_count_as_earliest() -> None:
    old = _extension(Stage.STAGE1, None, date(2025, 6, 20), imported=True)
    new = _extension(Stage.STAGE1, date(2025, 6, 5), date(2025, 6, 13))
    assert ordered_extensions(_stage1(extensions=(new, old))) == [old, new]
    assert response_due(_stage1(extensions=(new, old)), CAL) == date(2025, 6, 13)


# -- deadlines for the dashboard --------------------------------------------------------


def test_an_open_stage_one_concern_has_one_deadline() -> None:
    (deadline,) = deadlines(_concern(stage1=_stage1()), CAL)
    assert deadline == Deadline(Stage.STAGE1, "respond", date(2025, 6, 9), None, False, 1)
    assert deadline.overdue(date(2025, 6, 10))
    assert not deadline.overdue(date(2025, 6, 9))
    assert not deadline.met


def test_a_stage_two_concern_must_be_acknowledged_then_answered() -> None:
    stage2 = _stage2(acknowledged_on=date(2025, 6, 6))
    acknowledge, respond = deadlines(_concern(stage2=stage2), CAL)
    assert (acknowledge.kind, acknowledge.due, acknowledge.met_on) == (
        "acknowledge", date(2025, 6, 5), date(2025, 6, 6))
    assert acknowledge.met_late
    assert (respond.kind, respond.due, respond.met_on) == ("respond", date(2025, 6, 30), None)


def test_a_quick_full_response_also_acknowledges() -> None:
    stage2 = _stage2(responded_on=date(2025, 6, 4), outcome=Outcome.UPHELD)
    acknowledge, respond = deadlines(_concern(stage2=stage2, closure=Closure.CLOSED), CAL)
    assert acknowledge.met_on == date(2025, 6, 4)
    assert not acknowledge.met_late
    assert respond.met_on == date(2025, 6, 4)


def test_an_extended_deadline_is_marked_and_moved() -> None:
    extension = _extension(Stage.STAGE1, date(2025, 6, 5), date(2025, 6, 20))
    (deadline,) = deadlines(_concern(stage1=_stage1(extensions=(extension,))), CAL)
    assert deadline.extended
    assert deadline.due == date(2025, 6, 20)
    assert not deadline.overdue(date(2025, 6, 20))


def test_escalation_without_a_stage_one_response_drops_that_deadline() -> None:
    stage2 = _stage2(date(2025, 6, 4), StageEntry.ESCALATED)
    found = deadlines(_concern(stage1=_stage1(), stage2=stage2), CAL)
    assert [(d.stage, d.kind) for d in found] == [(Stage.STAGE2, "acknowledge"),
                                                  (Stage.STAGE2, "respond")]
    assert found[0].due == date(2025, 6, 9)


def test_escalation_after_a_stage_one_response_keeps_the_met_deadline() -> None:
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.NOT_UPHELD)
    stage2 = _stage2(date(2025, 6, 10), StageEntry.ESCALATED)
    found = deadlines(_concern(stage1=stage1, stage2=stage2), CAL)
    assert [(d.stage, d.kind, d.met_on) for d in found] == [
        (Stage.STAGE1, "respond", date(2025, 6, 6)),
        (Stage.STAGE2, "acknowledge", None),
        (Stage.STAGE2, "respond", None),
    ]
    assert found[2].due == date(2025, 7, 8)


def test_nothing_more_is_due_once_a_concern_is_withdrawn() -> None:
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.NOT_UPHELD)
    stage2 = _stage2(date(2025, 6, 10), StageEntry.ESCALATED)
    concern = _concern(stage1=stage1, stage2=stage2, closure=Closure.WITHDRAWN,
                       closure_on=date(2025, 6, 12))
    found = deadlines(concern, CAL)
    assert [(d.stage, d.kind) for d in found] == [(Stage.STAGE1, "respond")]


def test_a_concern_with_no_stage_has_no_deadlines() -> None:
    assert deadlines(_concern(), CAL) == []

"""Linked concerns, mixed raisers, changes and corrections of class, contracted services:
how each is counted (app/core/raisers.py, app/core/corrections.py), worked out by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.core.calendar import WorkingCalendar
from app.core.corrections import EditKind, class_change_problems, class_changed
from app.core.facts import ConcernFacts, RaiserFacts, StageFacts
from app.core.kpi import compute_figures
from app.core.periods import parse_period
from app.core.raisers import (
    counted_in_stage_figures,
    mixed_raisers,
    outside_standards_counts,
    stage_entry_on,
    standards_from,
)
from app.core.records import Anonymity, Closure, Outcome, ServiceType, Stage, StageEntry
from app.core.rules import validate_concern

CAL = WorkingCalendar()
Q1, Q2 = parse_period("2025-26-Q1"), parse_period("2025-26-Q2")
RECEIVED = date(2025, 5, 6)


def _concern(anonymity: Anonymity = Anonymity.NAMED, **changes: Any) -> ConcernFacts:
    changes.setdefault("consent_on", RECEIVED if anonymity is Anonymity.NAMED else None)
    return ConcernFacts(1, RECEIVED, anonymity, ServiceType.NHS, **changes)


def _stage1(on: date, responded: date | None = None) -> StageFacts:
    return StageFacts(Stage.STAGE1, on, StageEntry.RECEIVED, responded_on=responded,
                      outcome=Outcome.UPHELD if responded else None)


def _received(facts: ConcernFacts, period: Any = Q1) -> dict[str, int]:
    return dict(compute_figures([facts], period, CAL)["received"])


# ----- several people raising the same concern ----------------------------------------------


def test_linked_named_raisers_count_the_concern_once() -> None:
    facts = _concern(stage1=_stage1(RECEIVED), raisers=(
        RaiserFacts(Anonymity.NAMED, date(2025, 5, 8), date(2025, 5, 8), 1),
        RaiserFacts(Anonymity.NAMED, date(2025, 5, 9), date(2025, 5, 9), 2)))
    assert _received(facts) == {"stage1": 1, "stage2": 0, "anonymous": 0, "unnamed": 0}
    assert not mixed_raisers(facts)


def test_a_named_and_an_anonymous_raiser_count_at_the_stage_and_among_the_anonymous() -> None:
    facts = _concern(stage1=_stage1(RECEIVED), raisers=(
        RaiserFacts(Anonymity.ANONYMOUS, date(2025, 5, 20), None, 1),
        RaiserFacts(Anonymity.ANONYMOUS, date(2025, 5, 21), None, 2)))
    assert _received(facts) == {"stage1": 1, "stage2": 0, "anonymous": 1, "unnamed": 0}
    assert mixed_raisers(facts)
    assert outside_standards_counts(facts) == {Anonymity.ANONYMOUS: date(2025, 5, 20)}


def test_an_anonymous_raiser_counts_in_the_period_they_raised_it() -> None:
    facts = _concern(stage1=_stage1(RECEIVED),
                     raisers=(RaiserFacts(Anonymity.UNNAMED, date(2025, 7, 2), None, 1),))
    assert _received(facts, Q1) == {"stage1": 1, "stage2": 0, "anonymous": 0, "unnamed": 0}
    assert _received(facts, Q2) == {"stage1": 0, "stage2": 0, "anonymous": 0, "unnamed": 1}


def test_anonymous_first_then_a_named_raiser_who_agrees_brings_it_within_the_standards() -> None:
    agreed = date(2025, 5, 12)
    raiser = RaiserFacts(Anonymity.NAMED, date(2025, 5, 9), agreed, 1)
    facts = _concern(Anonymity.ANONYMOUS, raisers=(raiser,))
    assert counted_in_stage_figures(facts) and standards_from(facts) == agreed
    assert stage_entry_on(facts) == agreed
    at_stage = _concern(Anonymity.ANONYMOUS, raisers=(raiser,), stage1=_stage1(agreed))
    assert validate_concern(at_stage, calendar=CAL) == []
    assert _received(at_stage) == {"stage1": 1, "stage2": 0, "anonymous": 1, "unnamed": 0}
    too_early = _concern(Anonymity.ANONYMOUS, raisers=(raiser,), stage1=_stage1(RECEIVED))
    assert [v.field for v in validate_concern(too_early, calendar=CAL)] == [
        "stage1.entered_on"]


def test_a_named_raiser_who_has_not_agreed_does_not_bring_it_within() -> None:
    facts = _concern(Anonymity.UNNAMED,
                     raisers=(RaiserFacts(Anonymity.NAMED, date(2025, 5, 9), None, 1),))
    assert not counted_in_stage_figures(facts)
    assert _received(facts) == {"stage1": 0, "stage2": 0, "anonymous": 0, "unnamed": 1}


# ----- a change of class: past figures stay -------------------------------------------------


def test_an_anonymous_concern_whose_person_comes_forward_is_a_change() -> None:
    agreed = date(2025, 7, 7)  # in Q2
    before = _concern(Anonymity.ANONYMOUS)
    assert class_change_problems(before, Anonymity.NAMED, agreed, EditKind.CHANGE) == []
    after = class_changed(before, Anonymity.NAMED, agreed, EditKind.CHANGE)
    after = ConcernFacts(**{**after.__dict__, "consent_on": agreed,
                            "stage1": _stage1(agreed, date(2025, 7, 10))})
    assert after.received_as is Anonymity.ANONYMOUS and after.named_on == agreed
    assert validate_concern(after, calendar=CAL) == []
    # Q1 stays as it was made: one anonymous concern. Q2 has it entering stage 1.
    assert _received(after, Q1) == _received(before, Q1) == {
        "stage1": 0, "stage2": 0, "anonymous": 1, "unnamed": 0}
    assert _received(after, Q2) == {"stage1": 1, "stage2": 0, "anonymous": 0, "unnamed": 0}
    assert compute_figures([after], Q2, CAL)["closed"]["stage1"] == 1


def test_named_to_unnamed_on_request_keeps_past_figures() -> None:
    closed = _concern(stage1=_stage1(RECEIVED, date(2025, 5, 9)), closure=Closure.CLOSED,
                      closure_on=date(2025, 5, 9))
    before = compute_figures([closed], Q1, CAL)
    changed = class_changed(closed, Anonymity.UNNAMED, date(2025, 8, 1), EditKind.CHANGE)
    assert changed.received_as is Anonymity.NAMED
    assert compute_figures([changed], Q1, CAL) == before
    assert before["received"]["unnamed"] == 0 and before["closed"]["stage1"] == 1


def test_a_correction_of_class_changes_the_figures() -> None:
    wrong = _concern(Anonymity.ANONYMOUS)
    assert class_change_problems(wrong, Anonymity.UNNAMED, RECEIVED, EditKind.CORRECTION) == []
    right = class_changed(wrong, Anonymity.UNNAMED, RECEIVED, EditKind.CORRECTION)
    assert right.received_as is None
    assert _received(right) == {"stage1": 0, "stage2": 0, "anonymous": 0, "unnamed": 1}


def test_a_correction_back_undoes_a_change() -> None:
    changed = class_changed(_concern(Anonymity.UNNAMED), Anonymity.NAMED, date(2025, 5, 9),
                            EditKind.CHANGE)
    back = class_changed(changed, Anonymity.UNNAMED, date(2025, 5, 9), EditKind.CORRECTION)
    assert back.received_as is None and back.named_on is None
    assert back.anonymity is Anonymity.UNNAMED


def test_which_changes_can_happen() -> None:
    named = _concern()
    found = class_change_problems(named, Anonymity.ANONYMOUS, RECEIVED, EditKind.CHANGE)
    assert "Nobody becomes anonymous later" in found[0].message
    assert class_change_problems(named, Anonymity.ANONYMOUS, RECEIVED, EditKind.CORRECTION) == []
    assert "already named" in class_change_problems(
        named, Anonymity.NAMED, RECEIVED, EditKind.CHANGE)[0].message
    unnamed = _concern(Anonymity.UNNAMED)
    assert class_change_problems(unnamed, Anonymity.ANONYMOUS, RECEIVED, EditKind.CHANGE)
    assert "before the concern was received" in class_change_problems(
        unnamed, Anonymity.NAMED, date(2025, 5, 1), EditKind.CHANGE)[0].message


# ----- contracted or primary-care services --------------------------------------------------


def test_contracted_services_are_counted_among_those_received() -> None:
    named = _concern(stage1=_stage1(RECEIVED), contracted=True)
    anonymous = ConcernFacts(2, RECEIVED, Anonymity.ANONYMOUS, ServiceType.LOCAL_AUTHORITY,
                             contracted=True)
    other = ConcernFacts(3, RECEIVED, Anonymity.ANONYMOUS, ServiceType.NHS)
    figures = compute_figures([named, anonymous, other], Q1, CAL)
    assert figures["contracted_services"] == {"stage1": 1, "stage2": 0, "anonymous": 1,
                                              "unnamed": 0}
    assert figures["received"]["anonymous"] == 2
    assert figures["by_service"]["local_authority"]["contracted_services"]["anonymous"] == 1

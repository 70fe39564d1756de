"""KPI figures, checked by hand against a small casebook and by property for additivity."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from concern_strategies import valid_concerns
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.kpi import (
    SERVICE_KEYS,
    add_figures,
    compute_figures,
    derived,
    empty_figures,
    sum_figures,
)
from app.core.periods import parse_period, quarters
from app.core.records import (
    Anonymity,
    Closure,
    Outcome,
    ProcedureDecision,
    ServiceType,
    Stage,
    StageEntry,
)
from app.core.rules import validate_concern
from app.core.timescales import Timescales

CAL = WorkingCalendar()
Q1, Q2 = parse_period("2025-26-Q1"), parse_period("2025-26-Q2")
YEAR = parse_period("2025-26")


def _extension(stage: Stage, authorised: date, new_due: date) -> ExtensionFacts:
    return ExtensionFacts(stage, authorised, "Head of service", "Witness on leave", new_due)


def _concern(concern_id: int, received: date, service: ServiceType = ServiceType.NHS,
             anonymity: Anonymity = Anonymity.NAMED, **changes: Any) -> ConcernFacts:
    consent = received if anonymity is Anonymity.NAMED else None
    changes.setdefault("consent_on", consent)
    return ConcernFacts(concern_id, received, anonymity, service, **changes)


def _s1(entered: date, responded: date | None = None, outcome: Outcome | None = None,
        *extensions: ExtensionFacts) -> StageFacts:
    return StageFacts(Stage.STAGE1, entered, StageEntry.RECEIVED, None, responded, outcome,
                      extensions)


def _s2(entered: date, entry: StageEntry, responded: date | None = None,
        outcome: Outcome | None = None, *extensions: ExtensionFacts,
        acknowledged: date | None = None) -> StageFacts:
    return StageFacts(Stage.STAGE2, entered, entry, acknowledged, responded, outcome, extensions)


# The casebook. 2025 holidays that matter: Good Friday 18 April (Easter Monday 21 April is
# worked in Scotland), May Day 5 May, spring holiday 26 May, summer holiday 4 August.
CASEBOOK: list[ConcernFacts] = [
    # A: received Friday 2 May, answered Tuesday 6 May after the May Day holiday: 1 working day.
    _concern(1, date(2025, 5, 2), stage1=_s1(date(2025, 5, 2), date(2025, 5, 6), Outcome.UPHELD),
             closure=Closure.CLOSED),
    # B: stage 1 answered in 4 working days, escalated, stage 2 answered in Q2 in exactly 20.
    _concern(2, date(2025, 6, 2),
             stage1=_s1(date(2025, 6, 2), date(2025, 6, 6), Outcome.PARTIALLY_UPHELD),
             stage2=_s2(date(2025, 6, 9), StageEntry.ESCALATED, date(2025, 7, 7),
                        Outcome.NOT_UPHELD, acknowledged=date(2025, 6, 11)),
             closure=Closure.CLOSED),
    # C: escalated without a stage 1 response (never closed at stage 1); stage 2 extended and
    # answered in 27 working days (14 April to 23 May, less Good Friday and May Day).
    _concern(3, date(2025, 4, 8), ServiceType.BOTH,
             stage1=_s1(date(2025, 4, 8)),
             stage2=_s2(date(2025, 4, 14), StageEntry.ESCALATED, date(2025, 5, 23),
                        Outcome.UPHELD, _extension(Stage.STAGE2, date(2025, 5, 1),
                                                   date(2025, 5, 30))),
             closure=Closure.CLOSED),
    # D: stage 1 extended, received in Q1 and answered in Q2 after 13 working days.
    _concern(4, date(2025, 6, 23), ServiceType.LOCAL_AUTHORITY,
             stage1=_s1(date(2025, 6, 23), date(2025, 7, 10), Outcome.NOT_UPHELD,
                        _extension(Stage.STAGE1, date(2025, 6, 27), date(2025, 7, 11))),
             closure=Closure.CLOSED),
    # E: anonymous, handled quickly at stage 1 in the spirit of the Standards: received only.
    _concern(5, date(2025, 4, 10), anonymity=Anonymity.ANONYMOUS,
             stage1=_s1(date(2025, 4, 10), date(2025, 4, 11), Outcome.UPHELD),
             closure=Closure.CLOSED),
    # F: unnamed, received in Q2, no stage.
    _concern(6, date(2025, 7, 15), anonymity=Anonymity.UNNAMED),
    # G: withdrawn at stage 1 before any response.
    _concern(7, date(2025, 4, 7), ServiceType.LOCAL_AUTHORITY, stage1=_s1(date(2025, 4, 7)),
             closure=Closure.WITHDRAWN, closure_on=date(2025, 4, 9)),
    # H: starts at stage 2 in Q2, answered in 12 working days.
    _concern(8, date(2025, 8, 13), ServiceType.BOTH,
             stage2=_s2(date(2025, 8, 13), StageEntry.RECEIVED, date(2025, 8, 29),
                        Outcome.PARTIALLY_UPHELD, acknowledged=date(2025, 8, 15)),
             closure=Closure.CLOSED),
    # I: not taken forward under the Standards.
    _concern(9, date(2025, 5, 12), consent_on=None, decision=ProcedureDecision.NOT_TAKEN_FORWARD,
             decision_reasons="A personal grievance", closure=Closure.NOT_TAKEN_FORWARD,
             closure_on=date(2025, 5, 20)),
    # J: stage 1, then transferred to the dignity at work policy.
    _concern(10, date(2025, 9, 1), stage1=_s1(date(2025, 9, 1)), closure=Closure.TRANSFERRED,
             closure_on=date(2025, 9, 3)),
]


def _block(period: dict[str, str], **counts: Any) -> dict[str, Any]:
    """An expected block: zeros except the counts given as "section.key=value"."""
    block: dict[str, Any] = {k: v for k, v in empty_figures(Q1).items() if k != "by_service"}
    block = json.loads(json.dumps(block))
    block["period"] = period
    for path, value in counts.items():
        *parents, leaf = path.split("__")
        target = block
        for key in parents:
            target = target[key]
        target[leaf] = value
    return block


Q1_DATES = {"from": "2025-04-01", "to": "2025-06-30"}
Q2_DATES = {"from": "2025-07-01", "to": "2025-09-30"}


def test_the_casebook_keeps_the_rules() -> None:
    for facts in CASEBOOK:
        assert validate_concern(facts, today=date(2025, 12, 31)) == [], facts.concern_id


def test_quarter_one_by_hand() -> None:
    figures = compute_figures(CASEBOOK, Q1, CAL)
    expected = _block(
        Q1_DATES,
        received__stage1=5,  # A, B, C, D, G (E is anonymous)
        received__stage2=2,  # B escalated 9 June, C escalated 14 April
        received__anonymous=1,  # E
        closed__stage1=2,  # A, B (C was escalated without a stage 1 response)
        closed__stage2=1,  # C
        outcomes__stage1__upheld=1,
        outcomes__stage1__partially_upheld=1,
        outcomes__stage2__upheld=1,
        working_days__stage1={"sum": 5, "count": 2},  # A 1 + B 4
        working_days__stage2={"sum": 27, "count": 1},  # C
        within_timescale__stage1=2,
        within_timescale__stage2=0,  # C took 27 whatever its extension said
        extended__stage1=1,  # D entered in Q1; its response falls in Q2
        extended__stage2=1,  # C
        other_closures__withdrawn=1,  # G
        other_closures__not_taken_forward=1,  # I
    )
    assert {k: v for k, v in figures.items() if k != "by_service"} == expected


def test_quarter_two_by_hand() -> None:
    figures = compute_figures(CASEBOOK, Q2, CAL)
    expected = _block(
        Q2_DATES,
        received__stage1=1,  # J
        received__stage2=1,  # H
        received__unnamed=1,  # F
        closed__stage1=1,  # D
        closed__stage2=2,  # B, H
        outcomes__stage1__not_upheld=1,
        outcomes__stage2__not_upheld=1,
        outcomes__stage2__partially_upheld=1,
        working_days__stage1={"sum": 13, "count": 1},
        working_days__stage2={"sum": 32, "count": 2},  # B 20 + H 12
        within_timescale__stage2=2,  # 20 is within 20
        other_closures__transferred=1,  # J
    )
    assert {k: v for k, v in figures.items() if k != "by_service"} == expected


def test_quarter_one_by_service() -> None:
    by_service = compute_figures(CASEBOOK, Q1, CAL)["by_service"]
    assert by_service["nhs"] == _block(
        Q1_DATES, received__stage1=2, received__stage2=1, received__anonymous=1,
        closed__stage1=2, outcomes__stage1__upheld=1, outcomes__stage1__partially_upheld=1,
        working_days__stage1={"sum": 5, "count": 2}, within_timescale__stage1=2,
        other_closures__not_taken_forward=1)
    assert by_service["both"] == _block(
        Q1_DATES, received__stage1=1, received__stage2=1, closed__stage2=1,
        outcomes__stage2__upheld=1, working_days__stage2={"sum": 27, "count": 1},
        extended__stage2=1)
    assert by_service["local_authority"] == _block(
        Q1_DATES, received__stage1=2, extended__stage1=1, other_closures__withdrawn=1)


def test_the_year_is_the_sum_of_its_quarters_for_the_casebook() -> None:
    year = compute_figures(CASEBOOK, YEAR, CAL)
    assert year == sum_figures((compute_figures(CASEBOOK, q, CAL) for q in quarters(YEAR)), YEAR)
    assert year["received"]["stage1"] == 6
    assert year["closed"] == {"stage1": 3, "stage2": 3}


def test_the_calendar_as_it_stands_decides_working_days() -> None:
    # Make Tuesday 6 May a local holiday: A's response after it then counts 0 working days.
    local = WorkingCalendar({date(2025, 5, 6): "Local holiday"})
    figures = compute_figures(CASEBOOK, Q1, local)
    assert figures["working_days"]["stage1"] == {"sum": 4, "count": 2}


def test_timescales_are_configurable() -> None:
    strict = Timescales(stage1_response_days=3, stage2_response_days=19)
    figures = compute_figures(CASEBOOK, parse_period("2025-26"), CAL, strict)
    # Stage 1: A (1) within 3, B (4) and D (13) not. Stage 2: H (12) within 19; B (20), C not.
    assert figures["within_timescale"] == {"stage1": 1, "stage2": 1}


def test_the_figures_are_json_with_whole_numbers_only() -> None:
    figures = compute_figures(CASEBOOK, YEAR, CAL)
    assert json.loads(json.dumps(figures)) == figures

    def leaves(node: Any, path: str = "") -> list[tuple[str, Any]]:
        if isinstance(node, dict):
            return [leaf for key, value in node.items() for leaf in leaves(value, f"{path}.{key}")]
        return [(path, node)]

    for path, value in leaves(figures):
        if ".period." not in path and not path.startswith(".period"):
            assert type(value) is int, path
    assert set(figures["by_service"]) == set(SERVICE_KEYS)


def test_empty_figures_have_the_agreed_shape() -> None:
    figures = empty_figures(Q1)
    assert figures["period"] == Q1_DATES
    assert set(figures) == {"period", "received", "closed", "outcomes", "working_days",
                            "within_timescale", "extended", "other_closures",
                            "contracted_services", "by_service"}
    assert figures["contracted_services"] == {"stage1": 0, "stage2": 0, "anonymous": 0,
                                              "unnamed": 0}
    assert figures["received"] == {"stage1": 0, "stage2": 0, "anonymous": 0, "unnamed": 0}
    assert figures["outcomes"]["stage2"] == {"upheld": 0, "partially_upheld": 0,
                                             "not_upheld": 0}
    assert figures["other_closures"] == {"withdrawn": 0, "transferred": 0,
                                         "not_taken_forward": 0}
    assert "by_service" not in figures["by_service"]["nhs"]
    assert compute_figures([], Q1, CAL) == figures


# -- adding figures and working out percentages -----------------------------------------


def test_adding_figures_spans_both_periods() -> None:
    total = add_figures(compute_figures(CASEBOOK, Q2, CAL), compute_figures(CASEBOOK, Q1, CAL))
    assert total["period"] == {"from": "2025-04-01", "to": "2025-09-30"}
    assert total["by_service"]["both"]["period"] == total["period"]
    assert total["closed"] == {"stage1": 3, "stage2": 3}
    assert total["working_days"]["stage2"] == {"sum": 59, "count": 3}


def test_adding_figures_of_different_shapes_is_refused() -> None:
    figures = compute_figures(CASEBOOK, Q1, CAL)
    lacking = json.loads(json.dumps(figures))
    del lacking["by_service"]["nhs"]["extended"]
    with pytest.raises(ValueError, match=r"same shape \(at by_service\.nhs\)"):
        add_figures(figures, lacking)
    wrong_leaf = json.loads(json.dumps(figures))
    wrong_leaf["closed"]["stage1"] = {"sum": 1}
    with pytest.raises(ValueError, match=r"at closed\.stage1"):
        add_figures(figures, wrong_leaf)


def test_derived_percentages_for_quarter_one() -> None:
    result = derived(compute_figures(CASEBOOK, Q1, CAL))
    assert result["period"] == Q1_DATES
    assert result["closed_percent"] == {"stage1": pytest.approx(200 / 3),
                                        "stage2": pytest.approx(100 / 3)}
    assert result["outcomes_percent"]["stage1"] == {"upheld": 50.0, "partially_upheld": 50.0,
                                                    "not_upheld": 0.0}
    assert result["outcomes_percent"]["stage2"]["upheld"] == 100.0
    assert result["average_working_days"] == {"stage1": 2.5, "stage2": 27.0}
    assert result["within_timescale_percent"] == {"stage1": 100.0, "stage2": 0.0}
    assert result["extended_percent"] == {"stage1": 20.0, "stage2": 50.0}
    local = result["by_service"]["local_authority"]
    assert local["average_working_days"] == {"stage1": None, "stage2": None}
    assert local["closed_percent"] == {"stage1": None, "stage2": None}
    assert local["extended_percent"] == {"stage1": 50.0, "stage2": None}


def test_derived_from_nothing_is_all_none() -> None:
    result = derived(empty_figures(Q1))
    assert result["average_working_days"] == {"stage1": None, "stage2": None}
    assert result["outcomes_percent"]["stage2"]["upheld"] is None
    assert result["within_timescale_percent"]["stage1"] is None


# -- properties -------------------------------------------------------------------------

casebooks = st.lists(valid_concerns(first=date(2025, 1, 1), last=date(2026, 3, 31)), max_size=25)


def _without_period(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_period(v) for k, v in node.items() if k != "period"}
    return node


@settings(max_examples=60)
@given(casebooks)
def test_four_quarters_sum_to_the_year(concerns: list[ConcernFacts]) -> None:
    year = compute_figures(concerns, YEAR, CAL)
    parts = [compute_figures(concerns, q, CAL) for q in quarters(YEAR)]
    total = parts[0]
    for part in parts[1:]:
        total = add_figures(total, part)
    assert total == year  # key by key, period included


@settings(max_examples=60)
@given(casebooks)
def test_the_services_add_up_to_the_whole(concerns: list[ConcernFacts]) -> None:
    figures = compute_figures(concerns, YEAR, CAL)
    services = [figures["by_service"][service] for service in SERVICE_KEYS]
    total = services[0]
    for block in services[1:]:
        total = add_figures(total, block)
    whole = {k: v for k, v in figures.items() if k != "by_service"}
    assert _without_period(total) == _without_period(whole)


@settings(max_examples=60)
@given(casebooks, st.integers(min_value=0, max_value=25))
def test_splitting_the_casebook_adds_up(concerns: list[ConcernFacts], cut: int) -> None:
    """Two contacts' returns added together equal one return over both casebooks."""
    both = add_figures(compute_figures(concerns[:cut], Q1, CAL),
                       compute_figures(concerns[cut:], Q1, CAL))
    assert both == compute_figures(concerns, Q1, CAL)


@settings(max_examples=60)
@given(casebooks)
def test_figures_hold_together(concerns: list[ConcernFacts]) -> None:
    figures = compute_figures(concerns, YEAR, CAL)
    for stage in ("stage1", "stage2"):
        closed = figures["closed"][stage]
        assert sum(figures["outcomes"][stage].values()) == closed
        assert figures["working_days"][stage]["count"] == closed
        assert figures["within_timescale"][stage] <= closed
        assert figures["extended"][stage] <= figures["received"][stage]
    named = [c for c in concerns if c.anonymity is Anonymity.NAMED]
    assert figures["received"]["stage1"] == sum(
        1 for c in named if c.stage1 is not None and YEAR.contains(c.stage1.entered_on))
    others = [c for c in concerns if c.anonymity is not Anonymity.NAMED]
    assert figures["received"]["anonymous"] + figures["received"]["unnamed"] == sum(
        1 for c in others if YEAR.contains(c.received_on))

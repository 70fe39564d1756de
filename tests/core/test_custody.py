"""The custody rule on its own: who counts an event, on plain facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.core.calendar import WorkingCalendar
from app.core.custody import ALWAYS, Custody, events_outside, extension_date
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.kpi import add_figures, compute_figures
from app.core.periods import parse_period
from app.core.records import Anonymity, Closure, Outcome, ServiceType, Stage, StageEntry

D = date.fromisoformat


def test_spans_hold_from_the_handover_date() -> None:
    assert ALWAYS.holds(D("1990-01-01")) and ALWAYS.held_now
    sender = ALWAYS.handed_over(D("2025-06-10"))
    receiver = Custody(((D("2025-06-10"), None),))
    for day in ("2025-06-09", "2025-06-10", "2025-06-11"):
        assert sender.holds(D(day)) != receiver.holds(D(day)), day  # exactly one holds it
    assert not sender.held_now and sender.handed_over_on == D("2025-06-10")
    back = sender.received(D("2025-09-15"))
    assert back.held_now and back.received_on == D("2025-09-15")
    assert back.holds(D("2025-06-09")) and not back.holds(D("2025-07-01"))
    assert back.holds(D("2025-09-15"))


def _facts(custody: Custody) -> ConcernFacts:
    extension = ExtensionFacts(Stage.STAGE1, D("2025-06-12"), "Director", "Leave",
                               D("2025-06-30"))
    return ConcernFacts(
        concern_id=1, received_on=D("2025-06-02"), anonymity=Anonymity.NAMED,
        service_type=ServiceType.NHS,
        stage1=StageFacts(Stage.STAGE1, D("2025-06-02"), StageEntry.RECEIVED,
                          responded_on=D("2025-06-20"), outcome=Outcome.UPHELD,
                          extensions=(extension,)),
        closure=Closure.CLOSED, closure_on=D("2025-06-20"), custody=custody)


def test_each_figure_goes_to_the_holder_on_its_date() -> None:
    period = parse_period("2025-26-Q1")
    calendar = WorkingCalendar()
    whole = compute_figures([_facts(ALWAYS)], period, calendar)
    before = compute_figures([_facts(ALWAYS.handed_over(D("2025-06-10")))], period, calendar)
    after = compute_figures([_facts(Custody(((D("2025-06-10"), None),)))], period, calendar)
    assert before["received"]["stage1"] == 1 and after["received"]["stage1"] == 0
    assert before["closed"]["stage1"] == 0 and after["closed"]["stage1"] == 1
    # the extension was authorised after the handover: the receiver counts it
    assert before["extended"]["stage1"] == 0 and after["extended"]["stage1"] == 1
    assert add_figures(before, after) == whole


def test_the_extension_date_and_the_events_others_count() -> None:
    facts = _facts(Custody(((D("2025-06-10"), None),)))
    assert facts.stage1 is not None and extension_date(facts.stage1) == D("2025-06-12")
    undated = replace(facts.stage1, extensions=(replace(facts.stage1.extensions[0],
                                                        authorised_on=None),))
    assert extension_date(undated) == D("2025-06-02")
    outside = events_outside(facts)
    assert ["entered", "stage1", "received", "2025-06-02"] in outside
    assert ["received", "named", "2025-06-02"] in outside
    assert all(event[-1] < "2025-06-10" for event in outside)
    withdrawn = replace(facts, closure=Closure.WITHDRAWN, closure_on=D("2025-06-05"))
    assert ["closure", "withdrawn", "2025-06-05"] in events_outside(withdrawn)

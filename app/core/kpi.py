"""The INWO key performance indicators, as we count them (SPEC.md "KPI definitions we use").

Figures are counts and sums only, so returns from many contacts add up exactly
(`add_figures`); averages and percentages are worked out afterwards from the
added numerators and denominators (`derived`). Every figure is additive over
time as well: each concern event is counted in the one period holding its date,
so four quarters sum to the year.

The definitions, one function each below:
- Entering a stage (KPI 4 received, KPI 9 extended): stage 1 on the received
  date, if the concern started there; stage 2 on the received date if it started
  there, or on the escalation date. An escalated concern counts once at each stage.
- Closed in full (KPIs 5-8): a full response with an outcome (upheld, partially
  upheld, not upheld), counted in the period holding the response date. Stage 1
  is closed only by a stage 1 full response; escalating without one never
  closes stage 1. Withdrawn, transferred and not-taken-forward concerns are
  counted under other_closures by their closure date, never as closed in full.
- Working days to respond (KPI 7): working days after the stage-entry date up
  to and including the full-response date, on the calendar as it stands now.
- Within timescale (KPI 8): at most 5 (stage 1) or 20 (stage 2) working days,
  whatever any extension said.
- Extended (KPI 9): entered the stage in the period and has at least one
  extension at that stage, whether open or closed when the figures are made.
- Only named concerns are within the Standards: anonymous and unnamed concerns
  are counted by received date in received.anonymous / received.unnamed and
  nowhere else. A concern raised by several people (linked), or whose class changed
  later, is counted by app/core/raisers.py: in the stage figures once if any raiser is
  named and agreed (or it was named when received); in received.anonymous /
  received.unnamed as well if any raiser was anonymous / unnamed when they raised it.
  A concern received anonymous or unnamed that came within the Standards later stays
  counted as anonymous or unnamed on its received date, and enters its stage on the
  date of agreement.
- Contracted or primary-care services: contracted_services counts, among the concerns
  in each received figure (stage 1, stage 2, anonymous, unnamed), those about a
  contracted or primary-care service (a subset of received, on the same date).
- The top-level figures cover every service; by_service holds the same figures
  for nhs, local_authority and both, which partition them.
- After a handover, each figure is counted by the unit that held the concern on
  the date of its event (app/core/custody.py): the stage-entry date for received,
  the response date for closed, the closure date for other closures; extended is
  counted by the unit holding the concern when the stage's first extension was
  authorised. Across units every concern is counted exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from app.core.calendar import WorkingCalendar
from app.core.custody import counted_here, extension_date
from app.core.facts import ConcernFacts, StageFacts
from app.core.periods import Period
from app.core.raisers import counted_in_stage_figures, outside_standards_counts
from app.core.records import Anonymity, Closure, Outcome, ServiceType, Stage
from app.core.timescales import DEFAULT_TIMESCALES, Timescales

Figures = dict[str, Any]  # the JSON-able shape built by empty_figures; every leaf an int

STAGE_KEYS: tuple[str, ...] = tuple(stage.value for stage in Stage)
OUTCOME_KEYS: tuple[str, ...] = tuple(outcome.value for outcome in Outcome)
SERVICE_KEYS: tuple[str, ...] = tuple(service.value for service in ServiceType)
OTHER_CLOSURE_KEYS: tuple[str, ...] = (
    Closure.WITHDRAWN.value,
    Closure.TRANSFERRED.value,
    Closure.NOT_TAKEN_FORWARD.value,
)

_Path = tuple[str, ...]  # where a count goes, e.g. ("closed", "stage1")


# -- the shape ---------------------------------------------------------------------------


def _period_block(period: Period) -> dict[str, str]:
    return {"from": period.start.isoformat(), "to": period.end.isoformat()}


def _empty_block(period: Period) -> Figures:
    def per_stage() -> dict[str, int]:
        return dict.fromkeys(STAGE_KEYS, 0)

    return {
        "period": _period_block(period),
        "received": {**per_stage(), Anonymity.ANONYMOUS.value: 0, Anonymity.UNNAMED.value: 0},
        "closed": per_stage(),
        "outcomes": {stage: dict.fromkeys(OUTCOME_KEYS, 0) for stage in STAGE_KEYS},
        "working_days": {stage: {"sum": 0, "count": 0} for stage in STAGE_KEYS},
        "within_timescale": per_stage(),
        "extended": per_stage(),
        "other_closures": dict.fromkeys(OTHER_CLOSURE_KEYS, 0),
        "contracted_services": {**per_stage(), Anonymity.ANONYMOUS.value: 0,
                                Anonymity.UNNAMED.value: 0},
    }


def empty_figures(period: Period) -> Figures:
    """All-zero figures for a period, by_service included."""
    figures = _empty_block(period)
    figures["by_service"] = {service: _empty_block(period) for service in SERVICE_KEYS}
    return figures


# -- the definitions ---------------------------------------------------------------------


def counts_in_stage_figures(facts: ConcernFacts) -> bool:
    """Only concerns within the Standards count in stage KPIs: named ones, or raised by
    several people of whom one is named and agreed (app/core/raisers.py)."""
    return counted_in_stage_figures(facts)


def stage_entry_date(facts: ConcernFacts, stage: Stage) -> date | None:
    """When the concern entered the stage (KPI 4 and 9), or None if it never did.

    A concern that starts at stage 2 has no stage 1 record, so it never enters stage 1.
    """
    record = facts.stage(stage)
    return record.entered_on if record is not None else None


def closed_in_full_on(facts: ConcernFacts, stage: Stage) -> date | None:
    """The full-response date if the stage was closed in full (response and outcome)."""
    record = facts.stage(stage)
    if record is None or not record.closed_in_full:
        return None
    return record.responded_on


def working_days_to_respond(record: StageFacts, calendar: WorkingCalendar) -> int:
    """Working days after entry up to and including the full response (entry day is day 0)."""
    if record.responded_on is None:
        raise ValueError("This stage has no full response yet.")
    return calendar.working_days_between(record.entered_on, record.responded_on)


def within_timescale(stage: Stage, working_days: int, timescales: Timescales) -> bool:
    """Responded within 5 (stage 1) or 20 (stage 2) working days; extensions do not count."""
    return working_days <= timescales.response_days(stage)


def extension_authorised(record: StageFacts) -> bool:
    """KPI 9 counts a stage with at least one extension, open or closed."""
    return bool(record.extensions)


# -- one concern's contribution ----------------------------------------------------------


def _entered(facts: ConcernFacts, stage: Stage, period: Period) -> Iterator[_Path]:
    entered_on = stage_entry_date(facts, stage)
    if entered_on is None or not period.contains(entered_on):
        return
    if counted_here(facts, entered_on):
        yield ("received", stage.value)
    record = facts.stage(stage)
    if (record is not None and extension_authorised(record)
            and counted_here(facts, extension_date(record))):
        yield ("extended", stage.value)


def _closed(facts: ConcernFacts, stage: Stage, period: Period, calendar: WorkingCalendar,
            timescales: Timescales) -> Iterator[tuple[_Path, int]]:
    responded_on = closed_in_full_on(facts, stage)
    record = facts.stage(stage)
    if (responded_on is None or record is None or not period.contains(responded_on)
            or not counted_here(facts, responded_on)):
        return
    assert record.outcome is not None  # closed in full
    days = working_days_to_respond(record, calendar)
    yield ("closed", stage.value), 1
    yield ("outcomes", stage.value, record.outcome.value), 1
    yield ("working_days", stage.value, "sum"), days
    yield ("working_days", stage.value, "count"), 1
    if within_timescale(stage, days, timescales):
        yield ("within_timescale", stage.value), 1


def _stage_and_received(facts: ConcernFacts, period: Period, calendar: WorkingCalendar,
                        timescales: Timescales) -> Iterator[tuple[_Path, int]]:
    for anonymity, on in outside_standards_counts(facts).items():
        if period.contains(on) and counted_here(facts, on):
            yield ("received", anonymity.value), 1
    if not counts_in_stage_figures(facts):
        return
    for stage in Stage:
        for path in _entered(facts, stage, period):
            yield path, 1
        yield from _closed(facts, stage, period, calendar, timescales)


def _contributions(facts: ConcernFacts, period: Period, calendar: WorkingCalendar,
                   timescales: Timescales) -> Iterator[tuple[_Path, int]]:
    """What one concern adds to the figures for a period."""
    for path, amount in _stage_and_received(facts, period, calendar, timescales):
        yield path, amount
        if facts.contracted and path[0] == "received":
            yield ("contracted_services", path[1]), amount
    if not counts_in_stage_figures(facts):
        return
    closure, closure_on = facts.closure.value, facts.closure_on
    if (closure in OTHER_CLOSURE_KEYS and closure_on is not None and period.contains(closure_on)
            and counted_here(facts, closure_on)):
        yield ("other_closures", closure), 1


def contributions(facts: ConcernFacts, period: Period, calendar: WorkingCalendar,
                  timescales: Timescales = DEFAULT_TIMESCALES) -> list[tuple[_Path, int]]:
    """What one concern adds to a period's figures, as (place in the shape, amount):
    worked out once, it can be added to as many blocks as the concern belongs to."""
    return list(_contributions(facts, period, calendar, timescales))


def add_contributions(block: Figures, found: Iterable[tuple[_Path, int]]) -> None:
    for path, amount in found:
        _add_at(block, path, amount)


def _add_at(block: Figures, path: _Path, amount: int) -> None:
    *parents, leaf = path
    for key in parents:
        block = block[key]
    block[leaf] += amount


def compute_figures(
    concerns: Iterable[ConcernFacts],
    period: Period,
    calendar: WorkingCalendar,
    timescales: Timescales = DEFAULT_TIMESCALES,
) -> Figures:
    """The KPI figures for a period: counts and sums only, overall and by service."""
    figures = empty_figures(period)
    for facts in concerns:
        by_service = figures["by_service"][facts.service_type.value]
        for path, amount in _contributions(facts, period, calendar, timescales):
            _add_at(figures, path, amount)
            _add_at(by_service, path, amount)
    return figures


# -- adding figures together -------------------------------------------------------------


def _spanning(a: dict[str, str], b: dict[str, str]) -> dict[str, str]:
    # ISO dates sort as text.
    return {"from": min(a["from"], b["from"]), "to": max(a["to"], b["to"])}


def _mismatch(where: str) -> ValueError:
    return ValueError(f"These figures do not have the same shape (at {where or 'the top'}).")


def _add_blocks(a: Figures, b: Figures, where: str) -> Figures:
    if a.keys() != b.keys():
        raise _mismatch(where)
    total: Figures = {}
    for key, value in a.items():
        other, inside = b[key], f"{where}.{key}" if where else key
        if key == "period":
            total[key] = _spanning(value, other)
        elif isinstance(value, dict) and isinstance(other, dict):
            total[key] = _add_blocks(value, other, inside)
        elif isinstance(value, int) and isinstance(other, int):
            total[key] = value + other
        else:
            raise _mismatch(inside)
    return total


def add_figures(a: Figures, b: Figures) -> Figures:
    """Two sets of figures added key by key (units or periods); the period spans both."""
    return _add_blocks(a, b, "")


def sum_figures(all_figures: Iterable[Figures], period: Period) -> Figures:
    """Many sets of figures added together, starting from zero for `period`."""
    total = empty_figures(period)
    for figures in all_figures:
        total = add_figures(total, figures)
    return total


# -- averages and percentages, worked out last -------------------------------------------


def _ratio(numerator: int, denominator: int, scale: float = 1.0) -> float | None:
    return None if denominator == 0 else scale * numerator / denominator


def _percent(numerator: int, denominator: int) -> float | None:
    return _ratio(numerator, denominator, 100.0)


def _derived_block(block: Figures) -> dict[str, Any]:
    closed, days = block["closed"], block["working_days"]
    all_closed = sum(closed[stage] for stage in STAGE_KEYS)
    return {
        "period": dict(block["period"]),
        # KPI 5: closed at each stage as a percentage of all concerns closed in full.
        "closed_percent": {stage: _percent(closed[stage], all_closed) for stage in STAGE_KEYS},
        # KPI 6: each outcome as a percentage of those closed in full at that stage.
        "outcomes_percent": {
            stage: {
                outcome: _percent(block["outcomes"][stage][outcome], closed[stage])
                for outcome in OUTCOME_KEYS
            }
            for stage in STAGE_KEYS
        },
        # KPI 7: average working days to a full response.
        "average_working_days": {
            stage: _ratio(days[stage]["sum"], days[stage]["count"])
            for stage in STAGE_KEYS
        },
        # KPI 8: closed within timescale as a percentage of those closed in full at that stage.
        "within_timescale_percent": {
            stage: _percent(block["within_timescale"][stage], closed[stage]) for stage in STAGE_KEYS
        },
        # KPI 9: extended as a percentage of those that entered the stage.
        "extended_percent": {
            stage: _percent(block["extended"][stage], block["received"][stage])
            for stage in STAGE_KEYS
        },
    }


def derived(figures: Figures) -> dict[str, Any]:
    """Averages and percentages (0-100) from the counts; None where the denominator is 0."""
    result = _derived_block(figures)
    if "by_service" in figures:
        result["by_service"] = {
            service: _derived_block(block) for service, block in figures["by_service"].items()
        }
    return result

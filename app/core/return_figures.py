"""The figures a return carries: the KPI figures and the breakdowns a board adds up.

Everything here is a count, so returns from many units add up exactly and four
quarters add up to their year (`add_figures` in app.core.kpi works on the whole
shape). On top of `compute_figures` (KPIs, by service type) a return carries:

- `by_theme`: the same KPI block for the concerns carrying each standard theme
  (SPEC.md). A local theme is stored as `other`, so it counts as `other` here.
  A concern may carry several themes, so the themes do not add up to the total,
  and a concern with no theme is in none of them.
- `by_raiser_category`: the same KPI block for each category of person raising
  (employee, bank or agency, student, ...): these do add up to the total.
- `detriment`: `reports` is the detriment reports dated in the period;
  `concerns` counts each concern once, in the period holding its first report
  (so quarters still add up to the year).
- `feedback`: `received` is the feedback records dated in the period, and
  `speak_up_again` splits them by the answer to "would you speak up again?"
  (`not_answered` where the person did not say).

Detriment and feedback cover every concern, whether named, unnamed or anonymous.
After a handover each is counted by the unit holding the concern on its date
(`custody`, app/core/custody.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.core.calendar import WorkingCalendar
from app.core.custody import ALWAYS, Custody
from app.core.facts import ConcernFacts
from app.core.kpi import (
    Figures,
    add_contributions,
    add_figures,
    contributions,
    empty_figures,
)
from app.core.periods import Period
from app.core.records import THEMES, RaiserCategory, SpeakUpAgain
from app.core.timescales import DEFAULT_TIMESCALES, Timescales

THEME_KEYS: tuple[str, ...] = tuple(THEMES)
RAISER_KEYS: tuple[str, ...] = tuple(category.value for category in RaiserCategory)
SPEAK_UP_KEYS: tuple[str, ...] = (*(answer.value for answer in SpeakUpAgain), "not_answered")


@dataclass(frozen=True)
class DetrimentReport:
    concern_id: int
    reported_on: date


@dataclass(frozen=True)
class FeedbackRecord:
    concern_id: int
    received_on: date
    speak_up_again: SpeakUpAgain | None


def _plain_block(figures: Figures) -> Figures:
    """A KPI block without its by-service split (breakdowns keep one level only)."""
    return {key: value for key, value in figures.items() if key != "by_service"}


def empty_return_figures(period: Period) -> Figures:
    """All-zero return figures for a period: the starting point for adding returns up."""
    figures = empty_figures(period)
    block = _plain_block(figures)
    figures["by_theme"] = {code: _copy(block) for code in THEME_KEYS}
    figures["by_raiser_category"] = {code: _copy(block) for code in RAISER_KEYS}
    figures["detriment"] = {"reports": 0, "concerns": 0}
    figures["feedback"] = {"received": 0, "speak_up_again": dict.fromkeys(SPEAK_UP_KEYS, 0)}
    return figures


def _copy(block: Figures) -> Figures:
    return {key: _copy(value) if isinstance(value, dict) else value
            for key, value in block.items()}


def _held(custody: Mapping[int, Custody] | None, concern_id: int, day: date) -> bool:
    return (custody or {}).get(concern_id, ALWAYS).holds(day)


def detriment_figures(reports: Iterable[DetrimentReport], period: Period,
                      custody: Mapping[int, Custody] | None = None) -> dict[str, int]:
    """Reports dated in the period; concerns counted in the period of their first report
    (each by the unit holding the concern on that date)."""
    first: dict[int, date] = {}
    count = 0
    for report in reports:
        if (period.contains(report.reported_on)
                and _held(custody, report.concern_id, report.reported_on)):
            count += 1
        earlier = first.get(report.concern_id)
        if earlier is None or report.reported_on < earlier:
            first[report.concern_id] = report.reported_on
    return {"reports": count, "concerns": sum(
        1 for concern_id, on in first.items()
        if period.contains(on) and _held(custody, concern_id, on))}


def feedback_figures(records: Iterable[FeedbackRecord], period: Period,
                     custody: Mapping[int, Custody] | None = None) -> Figures:
    """Feedback dated in the period, split by whether the person would speak up again."""
    answers = dict.fromkeys(SPEAK_UP_KEYS, 0)
    for record in records:
        if (period.contains(record.received_on)
                and _held(custody, record.concern_id, record.received_on)):
            key = record.speak_up_again.value if record.speak_up_again else "not_answered"
            answers[key] += 1
    return {"received": sum(answers.values()), "speak_up_again": answers}


def compute_return_figures(
    concerns: Iterable[ConcernFacts],
    period: Period,
    calendar: WorkingCalendar,
    detriment: Iterable[DetrimentReport] = (),
    feedback: Iterable[FeedbackRecord] = (),
    timescales: Timescales = DEFAULT_TIMESCALES,
    custody: Mapping[int, Custody] | None = None,
) -> Figures:
    """Every figure a return carries for a period (KPIs by service, theme and raiser).

    Each concern's contribution is worked out once (app.core.kpi.contributions, the
    same definitions as every report) and added to each block the concern belongs to.
    `custody` says when this unit held the concerns it handed over or received (the
    concerns' own facts carry it too); detriment and feedback are counted by it.
    """
    figures = empty_return_figures(period)
    for facts in concerns:
        found = contributions(facts, period, calendar, timescales)
        if not found:
            continue
        blocks = [figures, figures["by_service"][facts.service_type.value],
                  figures["by_raiser_category"][facts.raiser_category.value]]
        blocks.extend(figures["by_theme"][code] for code in set(facts.themes)
                      if code in figures["by_theme"])
        for block in blocks:
            add_contributions(block, found)
    figures["detriment"] = detriment_figures(detriment, period, custody)
    figures["feedback"] = feedback_figures(feedback, period, custody)
    return figures


def completed(figures: Figures, period: Period) -> Figures:
    """Figures in today's shape: anything an older return did not carry (format 1 has no
    contracted_services) counted as zero, so older and newer returns add up together."""
    def fill(shape: Figures, given: Figures) -> Figures:
        out: Figures = {}
        for key, value in shape.items():
            if key not in given:
                out[key] = value
            elif isinstance(value, dict) and isinstance(given[key], dict) and key != "period":
                out[key] = fill(value, given[key])
            else:
                out[key] = given[key]
        return out

    return fill(empty_return_figures(period), figures)


def total_figures(all_figures: Iterable[Figures], period: Period) -> Figures:
    """Return figures added together, starting from zero for `period` (exact sums)."""
    total = empty_return_figures(period)
    for figures in all_figures:
        total = add_figures(total, figures)
    return total

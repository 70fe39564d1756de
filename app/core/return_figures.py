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
- `concerns` (format 2): distinct concerns, each counted once, by service type.
  `within_standards` is the concerns within the Standards whose first stage entry
  falls in the period (KPI 4's total: an escalated concern is one concern, though it
  enters both stages); `received` is every concern received in the period (its
  received date), named, unnamed or anonymous, whatever became of it later
  (withdrawn, transferred, not taken forward); `by_theme` splits those by standard
  theme (a concern with several themes is in each; one with none in none).
- `signposting` (format 2): signposting records dated in the period, by the
  concern's service type and the body signposted to (INWO, Care Inspectorate, Audit
  Scotland, other), for the IJB's report.

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
    SERVICE_KEYS,
    Figures,
    add_contributions,
    add_figures,
    contributions,
    counts_in_stage_figures,
    empty_figures,
)
from app.core.periods import Period
from app.core.records import THEMES, RaiserCategory, SignpostBody, SpeakUpAgain
from app.core.timescales import DEFAULT_TIMESCALES, Timescales

THEME_KEYS: tuple[str, ...] = tuple(THEMES)
RAISER_KEYS: tuple[str, ...] = tuple(category.value for category in RaiserCategory)
SPEAK_UP_KEYS: tuple[str, ...] = (*(answer.value for answer in SpeakUpAgain), "not_answered")
SIGNPOST_KEYS: tuple[str, ...] = tuple(body.value for body in SignpostBody)


@dataclass(frozen=True)
class DetrimentReport:
    concern_id: int
    reported_on: date


@dataclass(frozen=True)
class FeedbackRecord:
    concern_id: int
    received_on: date
    speak_up_again: SpeakUpAgain | None


@dataclass(frozen=True)
class SignpostRecord:
    concern_id: int
    signposted_on: date
    body: SignpostBody
    service: str  # the concern's service type (nhs, local_authority, both)


def _per_service() -> dict[str, int]:
    return dict.fromkeys(SERVICE_KEYS, 0)


def empty_concern_counts() -> Figures:
    return {"within_standards": _per_service(), "received": _per_service(),
            "by_theme": {code: _per_service() for code in THEME_KEYS}}


def empty_signposting() -> Figures:
    return {service: dict.fromkeys(SIGNPOST_KEYS, 0) for service in SERVICE_KEYS}


def first_stage_entry(facts: ConcernFacts) -> date | None:
    """When the concern first entered a stage of the procedure (None: it never did)."""
    entries = [record.entered_on for record in (facts.stage1, facts.stage2) if record]
    return min(entries) if entries else None


def add_concern_counts(counts: Figures, facts: ConcernFacts, period: Period) -> None:
    """Count the concern once: within the Standards on its first stage entry, and among the
    concerns received (and each of its themes) on its received date, whatever its class and
    whatever became of it later; each by the unit holding it on that date."""
    service = facts.service_type.value
    entered = first_stage_entry(facts)
    if (entered is not None and counts_in_stage_figures(facts) and period.contains(entered)
            and facts.custody.holds(entered)):
        counts["within_standards"][service] += 1
    if period.contains(facts.received_on) and facts.custody.holds(facts.received_on):
        counts["received"][service] += 1
        for code in set(facts.themes):
            if code in counts["by_theme"]:
                counts["by_theme"][code][service] += 1


def signposting_figures(records: Iterable[SignpostRecord], period: Period,
                        custody: Mapping[int, Custody] | None = None) -> Figures:
    """Signposting dated in the period, by the concern's service type and the body."""
    counts = empty_signposting()
    for record in records:
        if (period.contains(record.signposted_on) and record.service in counts
                and _held(custody, record.concern_id, record.signposted_on)):
            counts[record.service][record.body.value] += 1
    return counts


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
    figures["concerns"] = empty_concern_counts()
    figures["signposting"] = empty_signposting()
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
    signposting: Iterable[SignpostRecord] = (),
) -> Figures:
    """Every figure a return carries for a period (KPIs by service, theme and raiser).

    Each concern's contribution is worked out once (app.core.kpi.contributions, the
    same definitions as every report) and added to each block the concern belongs to.
    `custody` says when this unit held the concerns it handed over or received (the
    concerns' own facts carry it too); detriment and feedback are counted by it.
    """
    figures = empty_return_figures(period)
    for facts in concerns:
        add_concern_counts(figures["concerns"], facts, period)
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
    figures["signposting"] = signposting_figures(signposting, period, custody)
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

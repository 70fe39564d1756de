"""Periods that add up, whatever release printed them: a financial year is its four quarters.

A reader who has a year's figures and some of its quarters' from any releases can
subtract: the year printed after its quarters gives away each quarter's hidden cells,
and the year with three quarters gives away the fourth. So:

- `parts_of(label)` names the quarters of a year label ("2025-26" -> its Q1 to Q4), and
  nothing for any other label; the KPI tables link a year to its quarters whenever both
  are in a release, even if the caller did not say so (app.core.sdc.kpi).
- `unlinked_periods` refuses a release that touches a year (the year or one of its
  quarters) of which an earlier release printed part, unless this release holds the
  year and all four quarters: only then are the figures a reader could work out by
  subtraction in the release, with their exact values, to be protected. A quarter
  published alone, after another quarter, touches no year and is not refused; nor is
  the year again alone (a corrected re-issue: app.core.sdc.release checks its changes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.periods import financial_year_of, parse_period, quarters


def parts_of(label: str) -> tuple[str, ...]:
    """The labels of the quarters of a financial year's label; () for any other label."""
    try:
        period = parse_period(label)
        return tuple(q.label for q in quarters(period))
    except ValueError:
        return ()


def year_of(label: str) -> str | None:
    """The year a label is, or is a quarter of; None for other labels."""
    try:
        period = parse_period(label)
    except ValueError:
        return None
    return financial_year_of(period.start).label


@dataclass(frozen=True)
class RefusedPeriods:
    """A release that would let a reader subtract periods it does not hold."""

    year: str
    here: tuple[str, ...]  # periods of the year this release holds
    before: tuple[str, ...]  # periods of the year earlier releases printed
    missing: tuple[str, ...]  # periods of the year this release would need as well

    def explain(self) -> str:
        return (f"Earlier releases printed {', '.join(self.before)} and this one has "
                f"{', '.join(self.here)}: a reader could subtract one from the other. Make "
                f"this release with the whole year {self.year} and its four quarters (those "
                "not to be printed included, to link the others), so that what a reader "
                f"could work out is protected too; it lacks {', '.join(self.missing)}.")


def unlinked_periods(here: Iterable[str], before: Iterable[str]) -> list[RefusedPeriods]:
    """The years this release shares with earlier ones without holding all of them."""
    here_set, before_set = set(here), set(before)
    found: list[RefusedPeriods] = []
    years = {y for y in map(year_of, here_set) if y is not None}
    for year in sorted(years):
        family = {year, *parts_of(year)}
        printed_before = family & before_set
        if not printed_before or family <= here_set:
            continue
        seen = family & (here_set | before_set)
        if year not in seen or seen == {year}:
            continue  # quarters without their year, or the year alone: nothing to subtract
        found.append(RefusedPeriods(year, tuple(sorted(family & here_set)),
                                    tuple(sorted(printed_before)),
                                    tuple(sorted(family - here_set))))
    return found

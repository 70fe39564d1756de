"""Reporting periods: the NHS financial year (1 April to 31 March) and its quarters.

`2025-26` is 1 April 2025 to 31 March 2026; `2025-26-Q1` is April to June 2025,
Q2 July to September, Q3 October to December and Q4 January to March 2026.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PERIOD_HELP = "A period is a financial year like 2025-26 or a quarter like 2025-26-Q1."
_PERIOD_PATTERN = re.compile(r"(\d{4})-(\d{2})(?:-Q([1-4]))?", re.IGNORECASE)
_FIRST_MONTH = 4  # the financial year starts in April
_LAST_YEAR = 9998  # the year 9998-99 ends in 9999, the last year a date can hold


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included, with the label a person reads."""

    start: date
    end: date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end


def _year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def _quarter_start(year: int, quarter: int) -> date:
    """The first day of quarter 1-4 of financial year `year` (which starts 1 April `year`)."""
    month = _FIRST_MONTH + 3 * (quarter - 1)
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year + 1, 3, 31)
    return date.fromordinal(_quarter_start(year, quarter + 1).toordinal() - 1)


def financial_year(year: int) -> Period:
    """The financial year starting on 1 April of `year`."""
    if not 1 <= year <= _LAST_YEAR:
        raise ValueError(_PERIOD_HELP)
    return Period(date(year, 4, 1), date(year + 1, 3, 31), _year_label(year))


def quarter(year: int, number: int) -> Period:
    """Quarter `number` (1-4) of the financial year starting on 1 April of `year`."""
    if number not in (1, 2, 3, 4) or not 1 <= year <= _LAST_YEAR:
        raise ValueError(_PERIOD_HELP)
    label = f"{_year_label(year)}-Q{number}"
    return Period(_quarter_start(year, number), _quarter_end(year, number), label)


def parse_period(text: str) -> Period:
    """A financial year like "2025-26" or a quarter like "2025-26-Q1" (the Q in any case)."""
    match = _PERIOD_PATTERN.fullmatch(text.strip())
    if match is None:
        raise ValueError(_PERIOD_HELP)
    year, year_end, number = int(match[1]), int(match[2]), match[3]
    # The second half must be the following year: "2025-27" is not a financial year.
    if year_end != (year + 1) % 100:
        raise ValueError(_PERIOD_HELP)
    return financial_year(year) if number is None else quarter(year, int(number))


def period_between(start: date, end: date) -> Period:
    """Any span of days, labelled by its dates."""
    if end < start:
        raise ValueError("The end of a period cannot be before its start.")
    return Period(start, end, f"{start.isoformat()} to {end.isoformat()}")


def _financial_year_number(d: date) -> int:
    """The calendar year in which d's financial year began."""
    return d.year if d.month >= _FIRST_MONTH else d.year - 1


def financial_year_of(d: date) -> Period:
    return financial_year(_financial_year_number(d))


def quarter_of(d: date) -> Period:
    months_in = (d.month - _FIRST_MONTH) % 12
    return quarter(_financial_year_number(d), months_in // 3 + 1)


def quarters(year_period: Period) -> list[Period]:
    """The four quarters of a financial year, in order."""
    year = year_period.start.year
    whole_year = financial_year(year)
    if (year_period.start, year_period.end) != (whole_year.start, whole_year.end):
        raise ValueError("Only a financial year like 2025-26 splits into quarters.")
    return [quarter(year, number) for number in (1, 2, 3, 4)]


def year_family(label: str) -> set[str]:
    """For a financial year or a quarter: the year's label and its four quarters'; for
    any other label, itself alone."""
    try:
        period = parse_period(label)
    except ValueError:
        return {label}
    year = parse_period(label.upper().split("-Q")[0]) if "-Q" in label.upper() else period
    return {year.label, *(q.label for q in quarters(year))}

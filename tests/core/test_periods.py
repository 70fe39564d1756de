"""Reporting periods: financial years from 1 April and their quarters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.periods import (
    Period,
    financial_year_of,
    parse_period,
    period_between,
    quarter_of,
    quarters,
)

HELP = "A period is a financial year like 2025-26 or a quarter like 2025-26-Q1."


def test_a_financial_year_runs_april_to_march() -> None:
    year = parse_period("2025-26")
    assert (year.start, year.end, year.label) == (date(2025, 4, 1), date(2026, 3, 31), "2025-26")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025-26-Q1", date(2025, 4, 1), date(2025, 6, 30)),
        ("2025-26-Q2", date(2025, 7, 1), date(2025, 9, 30)),
        ("2025-26-Q3", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025-26-Q4", date(2026, 1, 1), date(2026, 3, 31)),
        ("2023-24-Q4", date(2024, 1, 1), date(2024, 3, 31)),  # a leap year's March
    ],
)
def test_quarters(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, text)


def test_the_century_turns_in_the_label() -> None:
    assert parse_period("2099-00").end == date(2100, 3, 31)
    assert parse_period("2099-00").label == "2099-00"


def test_spaces_and_a_lower_case_q_are_accepted() -> None:
    assert parse_period("  2025-26-q3 ").label == "2025-26-Q3"


@pytest.mark.parametrize(
    "text",
    ["2025-27", "2025-25", "2025-26-Q5", "2025-26-Q0", "2025-26-Q", "2025", "25-26", "",
     "2025-26-Q1-Q2", "2025/26", "FY2025-26", "9999-00"],
)
def test_other_text_is_refused_with_one_plain_sentence(text: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_period(text)
    assert str(refused.value) == HELP


def test_contains_includes_both_ends() -> None:
    q1 = parse_period("2025-26-Q1")
    assert q1.contains(date(2025, 4, 1))
    assert q1.contains(date(2025, 6, 30))
    assert not q1.contains(date(2025, 3, 31))
    assert not q1.contains(date(2025, 7, 1))


def test_period_between_labels_by_dates() -> None:
    period = period_between(date(2025, 5, 1), date(2025, 5, 31))
    assert period == Period(date(2025, 5, 1), date(2025, 5, 31), "2025-05-01 to 2025-05-31")
    assert period_between(date(2025, 5, 1), date(2025, 5, 1)).contains(date(2025, 5, 1))


def test_period_between_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="cannot be before its start"):
        period_between(date(2025, 5, 2), date(2025, 5, 1))
    with pytest.raises(ValueError):
        Period(date(2025, 5, 2), date(2025, 5, 1), "backwards")


def test_financial_year_and_quarter_of_a_date() -> None:
    assert financial_year_of(date(2026, 3, 31)).label == "2025-26"
    assert financial_year_of(date(2026, 4, 1)).label == "2026-27"
    assert quarter_of(date(2026, 2, 14)).label == "2025-26-Q4"
    assert quarter_of(date(2025, 9, 30)).label == "2025-26-Q2"
    assert quarter_of(date(2025, 10, 1)).label == "2025-26-Q3"


def test_quarters_of_a_year() -> None:
    labels = [q.label for q in quarters(parse_period("2025-26"))]
    assert labels == ["2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4"]
    # A year given by its dates splits the same way.
    same = period_between(date(2025, 4, 1), date(2026, 3, 31))
    assert quarters(same) == quarters(parse_period("2025-26"))


def test_only_a_financial_year_splits_into_quarters() -> None:
    with pytest.raises(ValueError, match="Only a financial year"):
        quarters(parse_period("2025-26-Q1"))
    with pytest.raises(ValueError, match="Only a financial year"):
        quarters(period_between(date(2025, 1, 1), date(2025, 12, 31)))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_every_day_is_in_exactly_one_quarter_of_its_year(d: date) -> None:
    year = financial_year_of(d)
    assert year.contains(d)
    holding = [q for q in quarters(year) if q.contains(d)]
    assert holding == [quarter_of(d)]
    assert parse_period(quarter_of(d).label) == quarter_of(d)
    assert parse_period(year.label) == year


@given(st.integers(min_value=1990, max_value=2090))
def test_quarters_tile_the_year_without_gaps(start_year: int) -> None:
    year = parse_period(f"{start_year}-{(start_year + 1) % 100:02d}")
    parts = quarters(year)
    assert parts[0].start == year.start
    assert parts[-1].end == year.end
    for before, after in zip(parts, parts[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)

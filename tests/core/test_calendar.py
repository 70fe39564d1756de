"""Working days: the Scottish national calendar, local changes, and the counting rules."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.calendar import WorkingCalendar

NATIONAL = WorkingCalendar()

# SPEC.md's list, written out by hand for 2024-2027 (weekend-day holidays included;
# their substitute days follow them).
SPEC_HOLIDAYS: dict[int, list[date]] = {
    2024: [
        date(2024, 1, 1), date(2024, 1, 2), date(2024, 3, 29), date(2024, 5, 6),
        date(2024, 5, 27), date(2024, 8, 5), date(2024, 11, 30), date(2024, 12, 2),
        date(2024, 12, 25), date(2024, 12, 26),
    ],
    2025: [
        date(2025, 1, 1), date(2025, 1, 2), date(2025, 4, 18), date(2025, 5, 5),
        date(2025, 5, 26), date(2025, 8, 4), date(2025, 11, 30), date(2025, 12, 1),
        date(2025, 12, 25), date(2025, 12, 26),
    ],
    2026: [
        date(2026, 1, 1), date(2026, 1, 2), date(2026, 4, 3), date(2026, 5, 4),
        date(2026, 5, 25), date(2026, 8, 3), date(2026, 11, 30), date(2026, 12, 25),
        date(2026, 12, 26), date(2026, 12, 28),
    ],
    2027: [
        date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 4), date(2027, 3, 26),
        date(2027, 5, 3), date(2027, 5, 31), date(2027, 8, 2), date(2027, 11, 30),
        date(2027, 12, 25), date(2027, 12, 26), date(2027, 12, 27), date(2027, 12, 28),
    ],
}

# One-off holidays proclaimed on top of the usual list; the library knows them, SPEC does not.
ONE_OFF = {date(2026, 6, 15): "Scotland's participation in the FIFA World Cup final"}


def _holidays_in(calendar: WorkingCalendar, year: int) -> list[date]:
    return [d for d, _ in calendar.holidays_between(date(year, 1, 1), date(year, 12, 31))]


@pytest.mark.parametrize("year", sorted(SPEC_HOLIDAYS))
def test_national_holidays_match_the_spec_list(year: int) -> None:
    expected = sorted(SPEC_HOLIDAYS[year] + [d for d in ONE_OFF if d.year == year])
    assert _holidays_in(NATIONAL, year) == expected


def test_the_one_off_2026_holiday_is_a_day_off() -> None:
    assert NATIONAL.holiday_name(date(2026, 6, 15)) == ONE_OFF[date(2026, 6, 15)]
    assert not NATIONAL.is_working_day(date(2026, 6, 15))


def test_easter_monday_is_a_working_day_in_scotland() -> None:
    for year in range(2024, 2031):
        easter_monday = easter(year) + timedelta(days=1)
        assert NATIONAL.is_working_day(easter_monday), easter_monday
        assert NATIONAL.holiday_name(easter_monday) is None


def _first_monday(year: int, month: int) -> date:
    d = date(year, month, 1)
    return d + timedelta(days=(7 - d.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    d = date(year, month + 1, 1) - timedelta(days=1)
    return d - timedelta(days=d.weekday())


def _with_substitutes(days: list[date]) -> set[date]:
    """A run of fixed holidays; each one at a weekend moves to the next free weekday."""
    taken = {d for d in days if d.weekday() < 5}
    for d in days:
        if d.weekday() >= 5:
            substitute = d + timedelta(days=1)
            while substitute.weekday() >= 5 or substitute in taken:
                substitute += timedelta(days=1)
            taken.add(substitute)
    return taken


def _spec_days_off(year: int) -> set[date]:
    """SPEC.md's rules, worked independently of the library: the weekdays that are holidays."""
    st_andrew = date(year, 11, 30)
    if st_andrew.weekday() >= 5:
        st_andrew += timedelta(days=7 - st_andrew.weekday())
    return (
        _with_substitutes([date(year, 1, 1), date(year, 1, 2)])
        | _with_substitutes([date(year, 12, 25), date(year, 12, 26)])
        | {
            easter(year) - timedelta(days=2),
            _first_monday(year, 5),
            _last_monday(year, 5),
            _first_monday(year, 8),
            st_andrew,
        }
    )


@pytest.mark.parametrize("year", range(2024, 2041))
def test_weekday_holidays_follow_the_spec_rules(year: int) -> None:
    days_off = {
        d for d in _holidays_in(NATIONAL, year) if d.weekday() < 5 and d not in ONE_OFF
    }
    assert days_off == _spec_days_off(year)


def test_holiday_names_are_given_for_weekend_holidays_too() -> None:
    assert NATIONAL.holiday_name(date(2025, 11, 30)) == "Saint Andrew's Day"
    assert NATIONAL.holiday_name(date(2025, 12, 1)) == "Saint Andrew's Day (observed)"
    assert NATIONAL.holiday_name(date(2025, 12, 2)) is None
    assert NATIONAL.holiday_name(date(2025, 12, 6)) is None  # a plain Saturday


def test_weekends_and_holidays_are_not_working_days() -> None:
    assert NATIONAL.is_working_day(date(2025, 6, 6))  # Friday
    assert not NATIONAL.is_working_day(date(2025, 6, 7))  # Saturday
    assert not NATIONAL.is_working_day(date(2025, 6, 8))  # Sunday
    assert not NATIONAL.is_working_day(date(2025, 12, 25))
    assert not NATIONAL.is_working_day(date(2025, 12, 1))  # St Andrew's Day substitute


# -- the organisation's own calendar ----------------------------------------------------


def test_local_holidays_are_added() -> None:
    local = WorkingCalendar({date(2025, 9, 29): "September weekend"})
    assert not local.is_working_day(date(2025, 9, 29))
    assert local.holiday_name(date(2025, 9, 29)) == "September weekend"
    assert NATIONAL.is_working_day(date(2025, 9, 29))
    # Received on Friday 26 September: the Monday holiday pushes day 5 to Friday 3 October.
    assert NATIONAL.add_working_days(date(2025, 9, 26), 5) == date(2025, 10, 3)
    assert local.add_working_days(date(2025, 9, 26), 5) == date(2025, 10, 6)
    assert local.working_days_between(date(2025, 9, 26), date(2025, 10, 3)) == 4


def test_national_dates_the_organisation_works_are_removed() -> None:
    worked = WorkingCalendar(not_holidays=[date(2025, 8, 4)])
    assert worked.is_working_day(date(2025, 8, 4))
    assert worked.holiday_name(date(2025, 8, 4)) is None
    assert worked.working_days_between(date(2025, 8, 1), date(2025, 8, 4)) == 1
    assert NATIONAL.working_days_between(date(2025, 8, 1), date(2025, 8, 4)) == 0
    august = dict(worked.holidays_between(date(2025, 8, 1), date(2025, 8, 31)))
    assert date(2025, 8, 4) not in august


def test_a_local_holiday_wins_over_working_the_same_date() -> None:
    calendar = WorkingCalendar({date(2025, 8, 4): "Local summer holiday"}, [date(2025, 8, 4)])
    assert calendar.holiday_name(date(2025, 8, 4)) == "Local summer holiday"
    assert not calendar.is_working_day(date(2025, 8, 4))


def test_the_settings_are_readable_but_not_shared() -> None:
    calendar = WorkingCalendar({date(2025, 9, 29): "September weekend"}, [date(2025, 8, 4)])
    copy = calendar.local_holidays
    copy[date(2025, 9, 30)] = "Not really"
    assert calendar.local_holidays == {date(2025, 9, 29): "September weekend"}
    assert calendar.not_holidays == frozenset({date(2025, 8, 4)})


# -- counting ---------------------------------------------------------------------------


def test_stage_one_due_date_is_the_fifth_working_day_after_receipt() -> None:
    # Received Friday 2 May 2025; Monday 5 May is the May Day holiday.
    assert NATIONAL.add_working_days(date(2025, 5, 2), 5) == date(2025, 5, 12)
    # Received on a Saturday: day 1 is the Monday.
    assert NATIONAL.add_working_days(date(2025, 6, 7), 1) == date(2025, 6, 9)
    assert NATIONAL.add_working_days(date(2025, 6, 7), 5) == date(2025, 6, 13)


def test_adding_over_christmas_and_new_year() -> None:
    # 25, 26 Dec and 1, 2 Jan are holidays; Monday 22 Dec + 8 working days.
    assert NATIONAL.add_working_days(date(2025, 12, 22), 5) == date(2025, 12, 31)
    assert NATIONAL.add_working_days(date(2025, 12, 22), 6) == date(2026, 1, 5)
    assert NATIONAL.add_working_days(date(2025, 12, 22), 8) == date(2026, 1, 7)


def test_adding_zero_days_gives_the_start_even_at_a_weekend() -> None:
    assert NATIONAL.add_working_days(date(2025, 6, 7), 0) == date(2025, 6, 7)


def test_adding_negative_days_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        NATIONAL.add_working_days(date(2025, 6, 2), -1)


def test_entry_day_is_day_zero_whatever_the_weekday() -> None:
    assert NATIONAL.working_days_between(date(2025, 6, 2), date(2025, 6, 2)) == 0
    assert NATIONAL.working_days_between(date(2025, 6, 7), date(2025, 6, 9)) == 1  # Sat -> Mon
    assert NATIONAL.working_days_between(date(2025, 6, 6), date(2025, 6, 9)) == 1  # Fri -> Mon
    assert NATIONAL.working_days_between(date(2025, 6, 6), date(2025, 6, 8)) == 0  # Fri -> Sun
    assert NATIONAL.working_days_between(date(2025, 6, 9), date(2025, 6, 2)) == 0  # end first


def test_a_response_the_next_working_day_after_a_bank_holiday_took_one_day() -> None:
    # Thursday 17 April 2025, Good Friday 18th, weekend; Easter Monday 21st is worked.
    assert NATIONAL.working_days_between(date(2025, 4, 17), date(2025, 4, 21)) == 1
    # Friday 2 May 2025, May Day on Monday 5th; Tuesday 6th is the next working day.
    assert NATIONAL.working_days_between(date(2025, 5, 2), date(2025, 5, 6)) == 1


def test_a_year_has_the_expected_number_of_working_days() -> None:
    # 2025 has 261 weekdays and 9 weekday holidays (St Andrew's Day falls on a Sunday).
    assert NATIONAL.working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 252


def test_holidays_between_lists_inclusive_and_in_order() -> None:
    listed = NATIONAL.holidays_between(date(2024, 12, 25), date(2025, 1, 2))
    assert listed == [
        (date(2024, 12, 25), "Christmas Day"),
        (date(2024, 12, 26), "Boxing Day"),
        (date(2025, 1, 1), "New Year's Day"),
        (date(2025, 1, 2), "New Year Holiday"),
    ]
    assert NATIONAL.holidays_between(date(2025, 1, 3), date(2025, 1, 31)) == []
    assert NATIONAL.holidays_between(date(2025, 2, 1), date(2025, 1, 1)) == []


def test_many_calls_are_quick() -> None:
    start = date(2020, 1, 1).toordinal()
    began = time.perf_counter()
    for i in range(100_000):
        entry = date.fromordinal(start + i % 3000)
        NATIONAL.working_days_between(entry, date.fromordinal(entry.toordinal() + i % 5000))
    # A day-by-day walk over spans this long would take tens of seconds.
    assert time.perf_counter() - began < 5


# -- properties against a day-by-day reference ------------------------------------------


def _naive_between(calendar: WorkingCalendar, entry: date, end: date) -> int:
    count, d = 0, entry + timedelta(days=1)
    while d <= end:
        count += calendar.is_working_day(d)
        d += timedelta(days=1)
    return count


def _naive_add(calendar: WorkingCalendar, start: date, n: int) -> date:
    d = start
    while n > 0:
        d += timedelta(days=1)
        if calendar.is_working_day(d):
            n -= 1
    return d


days = st.dates(min_value=date(2018, 1, 1), max_value=date(2032, 12, 31))
counts = st.integers(min_value=0, max_value=400)
# Local changes drawn near the dates tested, so they make a difference.
local_days = st.dictionaries(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
    st.just("Local holiday"),
    max_size=15,
)
worked_days = st.sets(
    st.sampled_from([d for year in SPEC_HOLIDAYS for d in SPEC_HOLIDAYS[year] if year < 2027]),
    max_size=5,
)
calendars = st.builds(WorkingCalendar, local_days, worked_days)
near = st.dates(min_value=date(2023, 10, 1), max_value=date(2027, 3, 31))


@given(entry=days, span=st.integers(min_value=-10, max_value=900))
def test_counting_agrees_with_walking_day_by_day(entry: date, span: int) -> None:
    end = entry + timedelta(days=span)
    assert NATIONAL.working_days_between(entry, end) == _naive_between(NATIONAL, entry, end)


@given(start=days, n=counts)
def test_adding_agrees_with_walking_day_by_day(start: date, n: int) -> None:
    assert NATIONAL.add_working_days(start, n) == _naive_add(NATIONAL, start, n)


@settings(max_examples=60)
@given(calendar=calendars, entry=near, span=st.integers(min_value=0, max_value=400),
       n=st.integers(min_value=0, max_value=120))
def test_local_calendars_agree_with_walking_day_by_day(
    calendar: WorkingCalendar, entry: date, span: int, n: int
) -> None:
    end = entry + timedelta(days=span)
    assert calendar.working_days_between(entry, end) == _naive_between(calendar, entry, end)
    assert calendar.add_working_days(entry, n) == _naive_add(calendar, entry, n)


@given(calendar=calendars, start=near, n=counts)
def test_adding_then_counting_gives_back_n(calendar: WorkingCalendar, start: date, n: int) -> None:
    due = calendar.add_working_days(start, n)
    assert calendar.working_days_between(start, due) == n
    if n > 0:
        assert calendar.is_working_day(due)
        # The due date is the first day reaching n: the day before is one short.
        assert calendar.working_days_between(start, due - timedelta(days=1)) == n - 1


@given(entry=days, first=st.integers(min_value=-5, max_value=800),
       second=st.integers(min_value=-5, max_value=800))
def test_counting_never_goes_down_as_the_end_moves_later(entry: date, first: int,
                                                         second: int) -> None:
    earlier, later = sorted((first, second))
    assert NATIONAL.working_days_between(entry, entry + timedelta(days=earlier)) <= (
        NATIONAL.working_days_between(entry, entry + timedelta(days=later))
    )


@given(start=days, n=st.integers(min_value=0, max_value=300))
def test_each_extra_working_day_moves_the_date_later(start: date, n: int) -> None:
    assert NATIONAL.add_working_days(start, n + 1) > NATIONAL.add_working_days(start, n)


@given(a=days, gap1=st.integers(min_value=0, max_value=500),
       gap2=st.integers(min_value=0, max_value=500))
def test_counts_over_consecutive_spans_add_up(a: date, gap1: int, gap2: int) -> None:
    b = a + timedelta(days=gap1)
    c = b + timedelta(days=gap2)
    assert NATIONAL.working_days_between(a, c) == (
        NATIONAL.working_days_between(a, b) + NATIONAL.working_days_between(b, c)
    )

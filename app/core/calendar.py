"""Working days: Monday to Friday, less Scottish bank holidays and the organisation's own.

Timescales in the Standards run in working days, and "day 1 is the first working
day after receipt". The national calendar comes from the `holidays` package
(pinned in pyproject.toml so due dates never move under a contact's feet);
each organisation adds its local public holidays and may remove national dates
it works.

Counting is arithmetic rather than a walk along the calendar: weekdays are
counted by formula and holidays by binary search in a per-year sorted list, so
figures over a hundred thousand concerns stay quick.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from datetime import date

import holidays

_COUNTRY = "GB"
_SUBDIVISION = "SCT"
_WORKING_DAYS_PER_WEEK = 5


def _weekdays_up_to(ordinal: int) -> int:
    """Mondays to Fridays among ordinals 1..ordinal (ordinal 1, 1 Jan of year 1, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * _WORKING_DAYS_PER_WEEK + min(rest, _WORKING_DAYS_PER_WEEK)


def _ordinal_of_weekday_number(count: int) -> int:
    """The ordinal of the count-th weekday since the start of the calendar (count >= 1)."""
    weeks, rest = divmod(count - 1, _WORKING_DAYS_PER_WEEK)
    return weeks * 7 + rest + 1


def _is_weekend(d: date) -> bool:
    return d.weekday() >= _WORKING_DAYS_PER_WEEK


class WorkingCalendar:
    """An organisation's working days: the national Scottish defaults plus local changes.

    A calendar does not change once made; when the organisation edits its
    holidays the application builds a new one, so every figure is computed
    "as the calendar stands".
    """

    def __init__(
        self,
        local_holidays: Mapping[date, str] | None = None,
        not_holidays: Iterable[date] = (),
    ) -> None:
        # An explicit local holiday wins over a "we work this day" entry for the same date.
        self._local: dict[date, str] = dict(local_holidays or {})
        self._worked: frozenset[date] = frozenset(not_holidays)
        self._by_year: dict[int, dict[date, str]] = {}
        self._weekday_ordinals: dict[int, list[int]] = {}

    @property
    def local_holidays(self) -> dict[date, str]:
        """The organisation's own holidays (a copy, for settings screens and storage)."""
        return dict(self._local)

    @property
    def not_holidays(self) -> frozenset[date]:
        """National holidays the organisation works."""
        return self._worked

    # -- the holidays of one year, built once -------------------------------------------

    def _year(self, year: int) -> dict[date, str]:
        cached = self._by_year.get(year)
        if cached is None:
            cached = self._build_year(year)
            self._by_year[year] = cached
        return cached

    def _build_year(self, year: int) -> dict[date, str]:
        # Neighbouring years are asked for too, in case a substitute day crosses New Year.
        years = [y for y in (year - 1, year, year + 1) if 1 <= y <= 9999]
        national = holidays.country_holidays(_COUNTRY, subdiv=_SUBDIVISION, years=years)
        found = {
            d: str(name)
            for d, name in national.items()
            if d.year == year and d not in self._worked
        }
        found.update({d: name for d, name in self._local.items() if d.year == year})
        return found

    def _holiday_ordinals(self, year: int) -> list[int]:
        """Sorted ordinals of the year's holidays that fall on weekdays (weekends never count)."""
        cached = self._weekday_ordinals.get(year)
        if cached is None:
            cached = sorted(d.toordinal() for d in self._year(year) if not _is_weekend(d))
            self._weekday_ordinals[year] = cached
        return cached

    def _weekday_holidays_after(self, first: int, last: int) -> int:
        """Weekday holidays with ordinal in (first, last]."""
        if last <= first:
            return 0
        start_year = date.fromordinal(first + 1).year
        end_year = date.fromordinal(last).year
        total = 0
        for year in range(start_year, end_year + 1):
            ordinals = self._holiday_ordinals(year)
            total += bisect.bisect_right(ordinals, last) - bisect.bisect_right(ordinals, first)
        return total

    # -- questions a contact asks -------------------------------------------------------

    def holiday_name(self, d: date) -> str | None:
        """The holiday's name, or None when d is not a holiday (weekends are not holidays)."""
        return self._year(d.year).get(d)

    def is_working_day(self, d: date) -> bool:
        return not _is_weekend(d) and d not in self._year(d.year)

    def working_days_between(self, entry: date, end: date) -> int:
        """Working days after entry up to and including end.

        The entry day is day 0 whatever day of the week it is, so a response on
        the next working day took 1 working day. An end on or before entry is 0.
        """
        first, last = entry.toordinal(), end.toordinal()
        if last <= first:
            return 0
        weekdays = _weekdays_up_to(last) - _weekdays_up_to(first)
        return weekdays - self._weekday_holidays_after(first, last)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after start: add_working_days(received, 5) is the stage 1 due date.

        Day 1 is the first working day after start; n = 0 gives start itself.
        """
        if n < 0:
            raise ValueError("The number of working days to add cannot be negative.")
        if n == 0:
            return start
        # Jump n weekdays ahead, then again by however many holidays were jumped over.
        origin = start.toordinal()
        while True:
            target = _ordinal_of_weekday_number(_weekdays_up_to(origin) + n)
            n = self._weekday_holidays_after(origin, target)
            if n == 0:
                return date.fromordinal(target)
            origin = target

    def holidays_between(self, start: date, end: date) -> list[tuple[date, str]]:
        """Every holiday from start to end inclusive, weekend ones too, in date order."""
        found: list[tuple[date, str]] = []
        for year in range(start.year, end.year + 1):
            found.extend((d, name) for d, name in self._year(year).items() if start <= d <= end)
        return sorted(found)

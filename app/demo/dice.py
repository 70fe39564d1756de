"""The demo's seeded choices, and its text templates filled in for one concern."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from app.core.calendar import WorkingCalendar
from app.core.records import ServiceType, SignpostBody
from app.core.timescales import Timescales
from app.demo.phrases import _SLOTS
from app.store.casebook import Casebook
from app.store.concerns import ConcernService

T = TypeVar("T")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class Context:
    """What the text of one concern refers to."""

    area: str
    themes: tuple[str, ...]  # standard codes; the first is the main one
    anonymous: bool = False
    responded: date | None = None  # the final full response, once given


def area_phrase(area: str) -> str:
    """How a service area reads in a sentence: "Ward 3 (acute medicine)", "the pharmacy"."""
    if area.startswith("Ward "):
        return area
    return "the " + area[0].lower() + area[1:]


def signpost_body(service: ServiceType) -> SignpostBody:
    """The INWO for NHS services; the Care Inspectorate for local-authority services."""
    return SignpostBody.CARE_INSPECTORATE if service is ServiceType.LOCAL_AUTHORITY \
        else SignpostBody.INWO


class Dice:
    """What every part of the generator shares: the seeded random source, the calendar, the
    service writing through the casebook's rules, and the counts it reports."""

    rng: random.Random
    today: date
    service: ConcernService
    calendar: WorkingCalendar
    timescales: Timescales
    book: Casebook
    conversations: int
    identities: int

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        total = sum(w for _, w in pairs)
        roll = self.rng.randrange(total)
        for item, weight in pairs:
            roll -= weight
            if roll < 0:
                return item
        return pairs[-1][0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def wd(self, start: date, n: int) -> date:
        return self.calendar.add_working_days(start, n)

    def fill(self, template: str, ctx: Context) -> str:
        def slot(match: re.Match[str]) -> str:
            name = match.group(1)
            if name == "area":
                return area_phrase(ctx.area)
            if name == "c":
                return "the writer" if ctx.anonymous else "C"
            if name == "C":
                return "The writer" if ctx.anonymous else "C"
            return self.pick(_SLOTS[name])

        text = _SLOT.sub(slot, template)
        return text[0].upper() + text[1:]

    def between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

"""Synthetic concerns for the disclosure-control tests and benchmark: casebooks and boards.

Figures come from concerns through the product's own definitions (compute_return_figures),
so every relation the release states holds exactly, as it does for real figures.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.periods import parse_period, quarters
from app.core.records import (
    THEMES,
    Anonymity,
    Closure,
    Outcome,
    ServiceType,
    Stage,
    StageEntry,
)
from app.core.return_figures import compute_return_figures
from app.core.sdc import PeriodFigures, year_and_quarters

CALENDAR = WorkingCalendar()
YEAR = "2025-26"
Figures = dict[str, Any]


def _stage(rng: random.Random, stage: Stage, entered: date, entry: StageEntry,
           last: date) -> StageFacts:
    longest = 12 if stage is Stage.STAGE1 else 50
    responded: date | None = entered + timedelta(days=rng.randrange(0, longest))
    if responded is not None and (responded > last or rng.random() < 0.15):
        responded = None
    outcome = rng.choice(list(Outcome)) if responded is not None else None
    extensions: tuple[ExtensionFacts, ...] = ()
    if rng.random() < (0.1 if stage is Stage.STAGE1 else 0.25):
        extensions = (ExtensionFacts(stage, entered + timedelta(days=2), "A manager",
                                     "Waiting for a witness", entered + timedelta(days=30)),)
    return StageFacts(stage, entered, entry, None, responded, outcome, extensions)


def random_concern(rng: random.Random, concern_id: int, first: date, last: date) -> ConcernFacts:
    """One concern received between `first` and `last`, its events up to `last`."""
    received = first + timedelta(days=rng.randrange(0, (last - first).days + 1))
    anonymity = rng.choices(list(Anonymity), weights=[85, 10, 5])[0]
    service = rng.choices(list(ServiceType), weights=[60, 25, 15])[0]
    themes = tuple(rng.sample(sorted(THEMES), rng.randint(1, 3)))
    path = rng.choices(["stage1", "stage2", "other"], weights=[60, 25, 15])[0]
    stage1 = stage2 = None
    closure, closure_on = Closure.OPEN, None
    if anonymity is not Anonymity.NAMED or path == "other":
        if rng.random() < 0.6:
            closure = rng.choice([Closure.WITHDRAWN, Closure.TRANSFERRED,
                                  Closure.NOT_TAKEN_FORWARD])
            closure_on = min(last, received + timedelta(days=rng.randrange(0, 30)))
        return ConcernFacts(concern_id, received, anonymity, service, consent_on=received,
                            closure=closure, closure_on=closure_on, themes=themes)
    if path == "stage1":
        stage1 = _stage(rng, Stage.STAGE1, received, StageEntry.RECEIVED, last)
        if rng.random() < 0.15:
            escalated = (stage1.responded_on or stage1.entered_on) + timedelta(
                days=rng.randrange(1, 15))
            if escalated <= last:
                stage2 = _stage(rng, Stage.STAGE2, escalated, StageEntry.ESCALATED, last)
    else:
        stage2 = _stage(rng, Stage.STAGE2, received, StageEntry.RECEIVED, last)
    final = stage2 or stage1
    if final is not None and final.closed_in_full and rng.random() < 0.5:
        closure, closure_on = Closure.CLOSED, final.responded_on
    return ConcernFacts(concern_id, received, anonymity, service, consent_on=received,
                        stage1=stage1, stage2=stage2, closure=closure, closure_on=closure_on,
                        themes=themes)


def random_concerns(seed: int | str, count: int, year: str = YEAR) -> list[ConcernFacts]:
    """`count` concerns received over the year and the two months before it."""
    rng = random.Random(seed)
    period = parse_period(year)
    first, last = period.start - timedelta(days=60), period.end
    return [random_concern(rng, i + 1, first, last) for i in range(count)]


def figures_by_period(concerns: Sequence[ConcernFacts], year: str = YEAR) -> dict[str, Figures]:
    """The return figures for the year and each of its quarters."""
    period = parse_period(year)
    out = {year: compute_return_figures(concerns, period, CALENDAR)}
    for q in quarters(period):
        out[q.label] = compute_return_figures(concerns, q, CALENDAR)
    return out


def casebook_release(seed: int | str, count: int, year: str = YEAR) -> list[PeriodFigures]:
    """A contact's year and four quarters."""
    return year_and_quarters(year, figures_by_period(random_concerns(seed, count, year), year))


def board_figures(seed: int | str, sizes: Sequence[int], year: str = YEAR
                  ) -> tuple[dict[str, Figures], dict[str, dict[str, Figures]]]:
    """A board: units of the given sizes (concerns a year). Returns the all-units figures
    by period and each unit's figures by period."""
    units: dict[str, dict[str, Figures]] = {}
    for i, size in enumerate(sizes):
        name = f"Unit {i + 1:02d}"
        for label, figures in figures_by_period(
                random_concerns(f"{seed}|{name}", size, year), year).items():
            units.setdefault(label, {})[name] = figures
    total: dict[str, Figures] = {}
    for label, by_unit in units.items():
        total[label] = _sum(list(by_unit.values()))
    return total, units


def _sum(blocks: Sequence[Figures]) -> Figures:
    from app.core.kpi import add_figures

    out = blocks[0]
    for block in blocks[1:]:
        out = add_figures(out, block)
    return out


def board_release(seed: int | str, sizes: Sequence[int], year: str = YEAR,
                  published: Sequence[str] | None = None) -> list[PeriodFigures]:
    total, units = board_figures(seed, sizes, year)
    return year_and_quarters(year, total, units, published)


def units_of(release: Sequence[PeriodFigures]) -> Mapping[str, Figures]:
    return release[-1].units

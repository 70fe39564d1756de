"""The figures the contact's KPI report is made from, read from an open casebook.

A query module: `report_figures` / `figures_by_period` give the KPI figures and the
per-theme figures for periods (core.kpi.compute_figures over the facts of the concerns
with an event in them, on
the casebook's own working-day calendar), as `casebook report`, the Reports page and
the publication register's linked periods read them; `learning_statements` the learning
a report shows. The anonymised return reads its own figures (only the concerns with an
event in its period: app.returns.payload, core.return_figures), by the same definitions.
identities.db is opened for one thing only: the learning statements a report shows are
masked by the casebook's identifying-text scanner, which reads names to look for them and
returns none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts
from app.core.kpi import Figures, compute_figures
from app.core.periods import Period
from app.core.records import THEMES
from app.core.timescales import DEFAULT_TIMESCALES, Timescales
from app.store import facts_query, scanning
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.return_sources import publishable_learning_owners


def facts_for(book: Casebook, periods: Sequence[Period]) -> list[ConcernFacts]:
    """The facts of the concerns with a dated event from the first period's start to the
    last one's end: only those can count in the periods' figures (received, entering a
    stage, responded to, leaving the procedure: app.core.kpi), as for the return. At
    100,000 concerns a quarter's report reads some 5,000, not all of them."""
    if not periods:
        return []
    start = min(p.start for p in periods)
    end = max(p.end for p in periods)
    return list(facts_query.facts_touching(book.cases, start, end))


def kpi_figures(book: Casebook, period: Period) -> dict[str, Any]:
    """The KPI figures for `period`: counts and sums, overall and `by_service`."""
    service = ConcernService(book)
    return compute_figures(facts_for(book, [period]), period, service.calendar(),
                           service.timescales)


def theme_figures_from(concerns: Iterable[ConcernFacts], period: Period,
                       calendar: WorkingCalendar,
                       timescales: Timescales = DEFAULT_TIMESCALES) -> dict[str, Figures]:
    """For each standard theme, the KPI figures of the concerns carrying it (no by_service).

    A concern may carry several themes, so themes do not add up to the total; a
    local theme is held as `other` and counts there.
    """
    concerns = list(concerns)
    blocks: dict[str, Figures] = {}
    for code in THEMES:
        carrying = [facts for facts in concerns if code in facts.themes]
        block = compute_figures(carrying, period, calendar, timescales)
        block.pop("by_service", None)
        blocks[code] = block
    return blocks


def theme_figures(book: Casebook, period: Period) -> dict[str, Figures]:
    service = ConcernService(book)
    return theme_figures_from(facts_for(book, [period]), period, service.calendar(),
                              service.timescales)


def report_figures(book: Casebook, period: Period) -> tuple[Figures, dict[str, Figures]]:
    """The KPI figures and the per-theme figures together, reading the period's concerns
    once."""
    service = ConcernService(book)
    concerns, calendar = facts_for(book, [period]), service.calendar()
    figures = compute_figures(concerns, period, calendar, service.timescales)
    return figures, theme_figures_from(concerns, period, calendar, service.timescales)


def figures_by_period(book: Casebook, periods: Sequence[Period]
                      ) -> dict[str, tuple[Figures, dict[str, Figures]]]:
    """`report_figures` for several periods, reading their concerns once."""
    service = ConcernService(book)
    concerns, calendar = facts_for(book, periods), service.calendar()
    return {p.label: (compute_figures(concerns, p, calendar, service.timescales),
                      theme_figures_from(concerns, p, calendar, service.timescales))
            for p in periods}


def learning_statements(book: Casebook, period: Period) -> list[str]:
    """Learning the contact marked publishable, from actions signed off in the period.

    The same rule as the return (app.store.return_sources), so the report shows the
    statements the board will receive; each masked as every surface masks case text (a
    held identity as C or [name], contact details and numbers by kind), whatever was
    stored. The return itself refuses a statement that needs masking.
    """
    found = publishable_learning_owners(book, period)
    if not found:
        return []
    scanner = scanning.scanner_for(book)
    return sorted({scanner.mask(text, own=own, pseudonym=pseudonym)
                   for text, own, pseudonym in found})

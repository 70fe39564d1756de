"""A report's figures come from the concerns with a dated event in its period only, and
are the same as from every concern (a report no longer reads the whole casebook)."""

from __future__ import annotations

import pytest

from app.core.kpi import compute_figures
from app.core.periods import parse_period
from app.demo import add_demo_concerns
from app.store import report_figures
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.support import PASSPHRASE, TODAY

PERIODS = [f"{year}-{year + 1 - 2000:02d}" for year in range(2021, 2027)] + [
    f"{year}-{year + 1 - 2000:02d}-Q{q}" for year in (2022, 2025, 2026) for q in (1, 2, 3, 4)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.support import CHEAP_ARGON2

    book, _ = Casebook.create(tmp_path_factory.mktemp("touching") / "casebook", PASSPHRASE,
                              organisation="o", unit="u", argon2=CHEAP_ARGON2)
    add_demo_concerns(book, 400, 23, today=TODAY, batch_size=100)
    yield book
    book.close()


def test_the_period_s_concerns_give_every_concern_s_figures(demo: Casebook) -> None:
    service = ConcernService(demo)
    everything = list(service.all_facts())
    calendar, timescales = service.calendar(), service.timescales
    assert len(everything) == 400
    read: list[int] = []
    for label in PERIODS:
        period = parse_period(label)
        figures, themes = report_figures.report_figures(demo, period)
        assert figures == compute_figures(everything, period, calendar, timescales), label
        assert themes == report_figures.theme_figures_from(everything, period, calendar,
                                                           timescales), label
        assert report_figures.kpi_figures(demo, period) == figures, label
        read.append(len(report_figures.facts_for(demo, [period])))
    assert max(read) < 400  # fewer than every concern was read for each period
    several = [parse_period(p) for p in PERIODS[-4:]]
    by_period = report_figures.figures_by_period(demo, several)
    for period in several:
        assert by_period[period.label] == report_figures.report_figures(demo, period)

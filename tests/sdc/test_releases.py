"""Releases at different times: quarters published one by one, then the year; a corrected
re-issue. Each release is protected given the earlier ones (their records round-tripped
through JSON, as a store keeps them), and attacked with everything printed so far."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from app.core.sdc import (
    Layout,
    PeriodFigures,
    Protection,
    Publication,
    RefusedChange,
    Release,
    kpi_tables,
    year_and_quarters,
)
from app.core.sdc.periods import RefusedPeriods
from app.core.sdc.protect import protect
from tests.core.sdc_helpers import YEAR, board_figures, figures_by_period, random_concerns
from tests.sdc.harness import attack_release, check_printed_exact, describe

QUARTERS = [f"{YEAR}-Q{n}" for n in range(1, 5)]
Earlier = list[tuple[Sequence[PeriodFigures], Layout, Publication]]


def kept(record: Release) -> Release:
    """A release record as the register keeps it: through JSON and back."""
    return Release.from_json(json.loads(json.dumps(record.to_json())))


def publish_quarters(figures, units=None, layout=None):  # type: ignore[no-untyped-def]
    layout = layout or Layout()
    earlier: Earlier = []
    records: list[Release] = []
    for n, label in enumerate(QUARTERS, start=1):
        periods = [PeriodFigures(label, figures[label], dict((units or {}).get(label, {})))]
        publication, found, _ = attack_release(periods, layout, earlier, records)
        assert publication.audit.passed, publication.audit.reason
        assert not found, f"{label}: " + describe(found)
        check_printed_exact(publication)
        earlier.append((periods, layout, publication))
        records.append(kept(publication.release(label=label, periods=[label],
                                                published_on=f"2025-{3 * n + 4:02d}-01")))
    return earlier, records


@pytest.mark.parametrize(("seed", "count"), [(31, 8), (32, 30), (33, 110)])
def test_quarters_one_by_one_then_the_year(seed: int, count: int) -> None:
    figures = figures_by_period(random_concerns(seed, count))
    earlier, records = publish_quarters(figures)
    year = year_and_quarters(YEAR, figures, published=[YEAR])
    publication, found, _ = attack_release(year, Layout(), earlier, records)
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)


def test_a_board_quarter_by_quarter_then_the_year() -> None:
    total, units = board_figures(34, [3, 9, 25])
    earlier, records = publish_quarters(total, units)
    year = year_and_quarters(YEAR, total, units, published=[YEAR])
    publication, found, _ = attack_release(year, Layout(), earlier, records)
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)


def test_the_year_without_its_quarters_is_refused_after_them() -> None:
    """Regression: the year alone, after its quarters, let a reader subtract the quarters
    printed before from it (the audit passed; the attacker pinned hidden quarter cells)."""
    figures = figures_by_period(random_concerns(11, 25))
    _, records = publish_quarters(figures)
    tables = kpi_tables([PeriodFigures(YEAR, figures[YEAR])])
    publication = protect(tables, Protection(), records)
    assert not publication.audit.passed
    assert any(isinstance(r, RefusedPeriods) for r in publication.audit.refused)
    assert "four quarters" in publication.audit.reason


def test_a_quarter_after_the_year_is_refused_unless_the_year_is_given() -> None:
    figures = figures_by_period(random_concerns(12, 40))
    year = year_and_quarters(YEAR, figures, published=[YEAR])
    first = protect(kpi_tables(year))
    assert first.audit.passed
    record = kept(first.release(label="year", periods=[YEAR], published_on="2026-05-01"))
    alone = protect(kpi_tables([PeriodFigures(QUARTERS[0], figures[QUARTERS[0]])]),
                    Protection(), [record])
    assert not alone.audit.passed and alone.audit.refused
    linked = year_and_quarters(YEAR, figures, published=[QUARTERS[0]])
    publication, found, _ = attack_release(
        linked, Layout(), [(year, Layout(), first)], [record])
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)


def test_a_year_given_with_its_quarters_adds_up_without_being_told() -> None:
    figures = figures_by_period(random_concerns(13, 30))
    periods = [PeriodFigures(label, figures[label]) for label in [*QUARTERS, YEAR]]
    tables = kpi_tables(periods)
    assert any(", ".join(QUARTERS) + f" add up to {YEAR}" == r.name for r in tables.relations)


def _corrected(figures, change: int):  # type: ignore[no-untyped-def]
    """The year's figures with one printed count (stage 1 not upheld, all services and NHS)
    changed by `change`, its totals with it."""
    fixed = json.loads(json.dumps(figures))
    for block in (fixed, fixed["by_service"]["nhs"]):
        block["outcomes"]["stage1"]["not_upheld"] += change
        block["closed"]["stage1"] += change
        block["within_timescale"]["stage1"] += change
        block["working_days"]["stage1"]["sum"] += 2 * change
        block["working_days"]["stage1"]["count"] += change
    return fixed


@pytest.mark.parametrize("change", [1, 2, 4, -3, 5, 9])
def test_a_corrected_reissue(change: int) -> None:
    figures = figures_by_period(random_concerns(14, 160))[YEAR]
    figures.pop("by_theme")
    layout = Layout(themes=False)
    first = protect(kpi_tables([PeriodFigures(YEAR, figures)], layout))
    assert first.audit.passed
    key = (YEAR, "", "all", "outcomes", "stage1", "not_upheld")
    assert key not in first.hidden and figures["outcomes"]["stage1"]["not_upheld"] >= 10
    record = kept(first.release(label="annual report", periods=[YEAR],
                                published_on="2026-05-01"))
    again = kpi_tables([PeriodFigures(YEAR, _corrected(figures, change))], layout)
    publication = protect(again, Protection(), [record])
    refused = [r for r in publication.audit.refused if isinstance(r, RefusedChange)]
    if abs(change) < 5:
        assert not publication.audit.passed
        assert any(r.key == key and r.now - r.before == change for r in refused)
        assert "small number" in publication.audit.reason
    else:
        assert publication.audit.passed, publication.audit.reason
        assert not refused
        check_printed_exact(publication)

"""Between the engine and the attacker: what an engine-protected release prints, as a reader
sees it, and the checks every attack test makes.

The engine is used here only to say which cells it hides (and its release record, for
later releases); the reader's facts are the attacker's own (tests/sdc/attacker.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.core.records import THEMES
from app.core.sdc import Layout, PeriodFigures, Protection, Publication, kpi_tables
from app.core.sdc.protect import protect
from app.core.sdc.release import Release
from tests.sdc.attacker import Attacker, Breach, Key, Shape, Shown, breaches, shown_from

THRESHOLD = 5


def shape_of(periods: Sequence[PeriodFigures], layout: Layout) -> Shape:
    """The layout a reader sees: periods and their parts, units, blocks, themes."""
    units: list[str] = []
    for item in periods:
        units += [u for u in item.units if u not in units]
    themes: list[str] = []
    if layout.themes:
        for item in periods:
            themes += [t for t in item.total.get("by_theme", {}) if t not in themes]
    return Shape({p.label: tuple(p.parts) for p in periods}, tuple(units), layout.services,
                 layout.views, tuple(t for t in THEMES if t in themes), layout.unit_themes)


def exact_values(periods: Sequence[PeriodFigures], layout: Layout) -> dict[Key, int]:
    """Every figure's exact value (the engine's table set holds them under the same keys)."""
    tables = kpi_tables(periods, layout)
    return {k: c.value for k, c in tables.cells.items()}


def printed_periods(periods: Sequence[PeriodFigures]) -> list[str]:
    return [p.label for p in periods if p.published]


def release_shown(periods: Sequence[PeriodFigures], layout: Layout,
                  publication: Publication) -> Shown:
    shape = shape_of(periods, layout)
    return shown_from(shape, exact_values(periods, layout), publication.hidden,
                      printed_periods(periods))


def check_printed_exact(publication: Publication) -> None:
    """Every cell the engine prints is its exact value (its release record says so too)."""
    record = publication.release(label="check", periods=[], published_on="2026-04-01")
    for cell in record.cells:
        table_cell = publication.tables.cells[cell.key]
        if cell.key in publication.hidden or not table_cell.published:
            assert cell.printed is None, cell.key
        elif cell.kind == "count":
            assert cell.printed == table_cell.value, cell.key
            assert publication.shown(cell.key) == table_cell.value


def attack_release(periods: Sequence[PeriodFigures], layout: Layout | None = None,
                   earlier: Sequence[tuple[Sequence[PeriodFigures], Layout, Publication]] = (),
                   earlier_records: Sequence[Release] = (),
                   threshold: int = THRESHOLD) -> tuple[Publication, list[Breach], Attacker]:
    """Protect a release with the engine (given earlier releases), then attack it together
    with what the earlier releases printed."""
    layout = layout or Layout()
    tables = kpi_tables(periods, layout)
    publication = protect(tables, Protection(threshold), earlier_records)
    shown = [release_shown(p, lay, pub) for p, lay, pub in earlier]
    shown.append(release_shown(periods, layout, publication))
    attacker = Attacker(shown)
    exact: dict[Key, int] = {}
    for p, lay, _ in earlier:
        exact.update(exact_values(p, lay))
    exact.update(exact_values(periods, layout))
    found = breaches(attacker, shown[-1].shape, exact, threshold)
    return publication, found, attacker


def describe(found: Sequence[Breach], limit: int = 8) -> str:
    return "\n".join(str(b) for b in found[:limit]) + (
        f"\n... and {len(found) - limit} more" if len(found) > limit else "")


def naive_hidden(values: Mapping[Key, int], threshold: int = THRESHOLD) -> set[Key]:
    """Cell-by-cell suppression: hide the small counts and nothing else."""
    return {k for k, v in values.items() if 0 < v < threshold and k[3] != "working_days"}

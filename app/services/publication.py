"""Publishing figures: protected against every earlier release, and remembered.

The use case behind every "for publication" output (the contact's KPI report, the
board's reports), for the CLI and the GUI alike:

- `earlier_releases(store, period)`: the releases in the store's publication register a
  new publication of `period` must be consistent with (those of the same financial year,
  or of the very same dates). At the board this includes each unit's own register, as
  its return carried it, with the unit's cells named as the board names them, so that
  the board's figures and a unit's own published ones cannot be differenced.
- `linked_periods(period, earlier)`: the periods a release must carry, unprinted, to
  join this one to those earlier releases (a year's quarters; a quarter's year and the
  other quarters), and what this period is the sum of. A publication for dates that are
  not a quarter or a year, overlapping an earlier release, is refused: the two could be
  differenced and no relation says how.
- `register(store, protected, ...)`: after a publication is written, its release goes
  into the register (once, however many files were written of it).
- `import_release(store, text, ...)`: a CSV released outside the app (in this app's
  long format) recorded in the register, so later publications stay consistent with it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.core.disclosure import ProtectedReport, period_figures
from app.core.kpi import Figures
from app.core.periods import Period, parse_period, quarters, year_family
from app.core.sdc import PeriodFigures, Release
from app.core.sdc.release import ReleasedCell
from app.core.sdc.tables import CellKey, Relation
from app.store import publications
from app.store.encrypted import EncryptedStore
from app.store.publications import FROM_UNIT, IMPORTED, MADE_HERE, Registered


class PublicationRefused(ValueError):
    """The figures cannot be published as asked; the message says why, in plain words."""


def _overlaps(a: Period, b_label: str) -> bool:
    try:
        b = parse_period(b_label)
    except ValueError:
        try:
            start, end = (date.fromisoformat(p) for p in b_label.split(" to "))
        except ValueError:
            return False
        return a.start <= end and start <= a.end
    return a.start <= b.end and b.start <= a.end


def relevant(period: Period, registered: Sequence[Registered]) -> list[Registered]:
    """The registered releases a publication of `period` must be consistent with."""
    family = year_family(period.label)
    out = []
    for item in registered:
        if any(p in family for p in item.periods):
            out.append(item)
        elif any(_overlaps(period, p) for p in item.periods):
            if family == {period.label} and item.periods == (period.label,):
                out.append(item)  # the very same dates: a re-issue
            else:
                raise PublicationRefused(
                    f"{item.label} (published {item.published_on}) covers some of the same "
                    f"days as {period.label}: the two could be compared to work out small "
                    "numbers. Publish a quarter or a financial year instead.")
    return out


def as_unit(release: Release, unit: str) -> Release:
    """A unit's own release with its cells named as the board names them (the unit's
    whole is the board's unit `unit`)."""
    def key(k: CellKey) -> CellKey:
        return (k[0], unit, *k[2:]) if len(k) > 1 and k[1] == "" else k

    cells = tuple(ReleasedCell(key(c.key), c.kind, c.printed, c.latent) for c in release.cells)
    relations = tuple(Relation(tuple((key(k), c) for k, c in r.terms), r.equality, r.name,
                               key(r.total) if r.total is not None else None, r.attribute)
                      for r in release.relations)
    return Release(f"{unit}: {release.label}", release.periods, release.published_on,
                   release.threshold, cells, relations, release.corrects)


def earlier_releases(store: EncryptedStore, period: Period) -> list[Release]:
    """The releases a new publication of `period` is audited against (see the module)."""
    found = []
    for item in relevant(period, publications.listed(store)):
        found.append(as_unit(item.release, item.unit) if item.source == FROM_UNIT
                     else item.release)
    return found


@dataclass(frozen=True)
class Linked:
    """What a release carries besides the printed period."""

    periods: tuple[Period, ...]  # not printed; they link this period to earlier releases
    parts: tuple[str, ...]  # labels of the linked periods the printed one adds up from
    year_parts: tuple[str, ...] = ()  # for a quarter: the year's quarters
    year: str = ""


def linked_periods(period: Period, earlier: Sequence[Release]) -> Linked:
    """The periods to carry unprinted (nothing when no earlier release shares a year)."""
    family = year_family(period.label)
    if family == {period.label} or not any(
            p in family for r in earlier for p in r.periods):
        return Linked((), ())
    if "-Q" not in period.label:  # a year: its quarters add up to it
        parts = tuple(quarters(period))
        return Linked(parts, tuple(q.label for q in parts))
    year = parse_period(period.label.split("-Q")[0])
    others = tuple(q for q in quarters(year) if q.label != period.label)
    return Linked((*others, year), (), tuple(q.label for q in quarters(year)), year.label)


FiguresOf = Callable[[Sequence[Period]], Mapping[str, tuple[Figures, Mapping[str, Figures],
                                                            Mapping[str, Figures]]]]


def linked_figures(linked: Linked, figures_of: FiguresOf) -> list[PeriodFigures]:
    """The unprinted periods as the engine takes them: `figures_of(periods)` gives, by
    label, (figures, units' figures, themes)."""
    if not linked.periods:
        return []
    found = figures_of(linked.periods)
    out = []
    for p in linked.periods:
        figures, units, themes = found[p.label]
        parts = linked.year_parts if p.label == linked.year else ()
        out.append(period_figures(p.label, figures, units, themes, published=False,
                                  parts=parts))
    return out


def release_label(title: str, who: str, period: Period) -> str:
    return f"{title}: {who}, {period.label}".strip()


def register(store: EncryptedStore, protected: ProtectedReport, *, label: str,
             period: Period, published_on: date) -> bool:
    """Keep the release a written publication made; False if it was kept already."""
    if protected.publication is None:
        raise ValueError("Only a publication has a release to keep.")
    release = protected.publication.release(label=label, periods=[period.label],
                                            published_on=published_on.isoformat())
    return publications.add(store, release, source=MADE_HERE)


# ----- a release made elsewhere -------------------------------------------------------------

CSV_COLUMNS = ("section", "measure", "stage", "service", "unit", "value", "period")


def import_release(store: EncryptedStore, text: str, *, label: str, published_on: date,
                   template: Callable[[Period, Sequence[str]], Release]) -> Registered:
    """Record a CSV published outside the app (this app's long format: one row per figure,
    `*` where hidden). `template(period, units)` gives the release's cells and relations
    for the period with nothing printed; the file's values are what was printed."""
    rows = _read_rows(text)
    labels = {r["period"] for r in rows if r.get("period")}
    if len(labels) != 1:
        raise PublicationRefused("The file must give one period in its period column, as "
                                 "this app's CSV does (for example 2025-26-Q1).")
    try:
        period = parse_period(labels.pop())
    except ValueError as exc:
        raise PublicationRefused(str(exc)) from None
    units = sorted({r["unit"] for r in rows if r["unit"]})
    base = template(period, units)
    printed = _printed_values(rows, period.label)
    matched = 0
    cells = []
    for cell in base.cells:
        value = printed.get(cell.key)
        if value is not None and cell.key[0] == period.label:
            matched += 1
            cells.append(ReleasedCell(cell.key, cell.kind, value))
        else:
            cells.append(cell)
    if matched == 0:
        raise PublicationRefused("None of the file's rows is a figure Casebook publishes: is "
                                 "it a CSV saved by Casebook's report, as published?")
    release = Release(label, (period.label,), published_on.isoformat(), base.threshold,
                      tuple(cells), base.relations)
    publications.add(store, release, source=IMPORTED)
    return next(r for r in publications.listed(store) if r.release == release)


def _read_rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise PublicationRefused("The file is not in this app's long format: it needs the "
                                 f"columns {', '.join(CSV_COLUMNS)} (missing "
                                 f"{', '.join(missing)}).")
    return [dict(r) for r in reader]


# (section, measure) of the CSV to the engine's measure; stage goes in as the CSV has it.
_MEASURES: dict[tuple[str, str], tuple[str, ...]] = {
    ("kpi4_received", "received"): ("received",),
    ("kpi5_closed", "closed"): ("closed",),
    ("kpi8_within_timescale", "within_timescale"): ("within_timescale",),
    ("kpi8_within_timescale", "outside_timescale"): ("outside_timescale",),
    ("kpi9_extended", "extended"): ("extended",),
}


def _printed_values(rows: Sequence[Mapping[str, str]], period: str
                    ) -> dict[CellKey, int]:
    out: dict[CellKey, int] = {}
    for row in rows:
        value = row["value"].strip()
        if not value.isdigit():
            continue  # hidden, empty, or a percentage or average (not kept as a count)
        section, measure, stage = row["section"], row["measure"], row["stage"]
        block = row["service"] or "all"
        unit = row["unit"]
        if (section, measure) in _MEASURES:
            key: tuple[str, ...] = (*_MEASURES[(section, measure)], stage)
        elif section == "kpi6_outcomes" and not measure.endswith("_percent"):
            key = ("outcomes", stage, measure)
        elif section == "outside_standards":
            key = ("received", measure)
        elif section == "other_closures":
            key = ("other_closures", measure)
        elif section == "themes":
            block, key = f"theme.{measure}", ("received", "outside" if stage.startswith(
                "anonymous") else stage)
        else:
            continue
        out[(period, unit, block, *key)] = int(value)
    return out

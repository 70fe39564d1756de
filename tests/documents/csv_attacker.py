"""A reader's attack on published CSVs, written from the column meanings alone.

It does not use the disclosure-control engine. Given the CSV files a reader has (one
publication or several), it writes out what any reader knows of the figures (stages add
up to the total; the services add up to all services; outcomes add up to those closed
at a stage; within plus over the timescale is those closed; a year is the sum of its
quarters; units add up to the all-units total; concerns about contracted services and
about others add up to those received) and, by integer programming (HiGHS, via
scipy.optimize.milp), finds how far each hidden count can be narrowed.

The board's report kinds (`casebook board report --kind ...`) print the same quantities
under their own names (section kpi4, measure stage_entries, ...): `kinds_key` reads them as
the KPI CSV names them, from the columns' meanings in the README, so that a kinds CSV and a
KPI report's CSV of the same figures can be attacked together. Their own counts (distinct
concerns, themes of every concern, signposting) keep sections of their own, adding up by
service, view, unit and period as the others do.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

Key = tuple[str, str, str, str, str, str]  # period, unit, service, section, measure, stage
SERVICES = ("nhs", "local_authority", "both")
VIEWS = {"nhs_services": ("nhs", "both"), "local_authority_services": ("local_authority", "both")}
KINDS_SECTIONS = {"kpi4", "kpi5", "kpi6", "kpi7", "kpi8", "kpi9", "identity_access"}
OUTCOMES = ("upheld", "partially_upheld", "not_upheld")
BIG = 10_000


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def as_unit(text: str, unit: str) -> str:
    """A unit's own CSV (its figures in the empty unit column) as the board names them."""
    rows = rows_of(text)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "unit": row["unit"] or unit})
    return out.getvalue()


def kinds_key(section: str, measure: str, stage: str) -> tuple[str, str, str] | None:
    """A report kind's (section, measure, stage) as the KPI CSV names the same count (None:
    a percentage, average or rate, not a count)."""
    if measure.endswith(("_percent", "_per_1000_staff")) or section == "kpi7":
        return None
    if section == "kpi4" and measure == "stage_entries":
        return "kpi4_received", "received", stage
    if section == "kpi4" and measure == "concerns":
        return "kinds_concerns", "concerns", stage
    if section == "kpi5":
        return "kpi5_closed", measure, stage
    if section == "kpi6":
        return "kpi6_outcomes", measure, stage
    if section == "kpi8":
        return "kpi8_within_timescale", {"over_timescale": "outside_timescale"}.get(
            measure, measure), stage
    if section == "kpi9":
        return "kpi9_extended", measure, stage
    if section == "themes":
        return "kinds_themes", measure, stage
    if section == "identity_access":
        return None
    return section, measure, stage  # outside_standards, other_closures, signposting


def counts(texts: Iterable[str], derive: bool = False) -> dict[Key, int | None]:
    """Every count a reader was shown: its value, or None where hidden. Besides the rows:
    for each count of concerns about contracted or primary-care services, the concerns
    received about other services (never printed: a reader works it out), its value when
    `derive` (the exact files), else None."""
    out: dict[Key, int | None] = {}
    for text in texts:
        for r in rows_of(text):
            kinds = r["section"] in KINDS_SECTIONS or r["section"] in (
                "themes", "signposting") and r["stage"] == ""
            if kinds:
                found = kinds_key(r["section"], r["measure"], r["stage"])
                if found is None:
                    continue
                r = {**r, "section": found[0], "measure": found[1], "stage": found[2]}
            if r["section"] in ("publication", "themes"):
                continue
            if r["measure"].endswith("_percent") or r["section"] == "kpi7_working_days":
                continue
            key = (r["period"], r["unit"], r["service"], r["section"], r["measure"], r["stage"])
            value = r["value"]
            if value != "*":
                out[key] = int(value)  # shown in any file: known
            else:
                out.setdefault(key, None)
    for key in [k for k in out if k[3] == "contracted_services" and k[4] == "contracted"]:
        others = (*key[:4], "others", key[5])
        received, contracted = out.get(_received_of(key)), out[key]
        out[others] = (received - contracted if derive and received is not None
                       and contracted is not None else None)
    return out


def _received_of(key: Key) -> Key:
    """The count received that a contracted-services count is part of."""
    period, unit, service, _, _, stage = key
    if stage in ("stage1", "stage2"):
        return (period, unit, service, "kpi4_received", "received", stage)
    return (period, unit, service, "outside_standards", stage, "")


def _relations(keys: Sequence[Key], years: Mapping[str, Sequence[str]]
               ) -> list[tuple[list[Key], Key]]:
    """(parts, total) pairs a reader knows, among the cells present."""
    present = set(keys)
    out: list[tuple[list[Key], Key]] = []

    def add(parts: list[Key], total: Key) -> None:
        if total in present and all(p in present for p in parts):
            out.append((parts, total))

    for period, unit, service, section, measure, stage in keys:
        base = (period, unit, service, section, measure)
        if stage == "total" and section in ("kpi4_received", "kpi5_closed"):
            add([(*base, "stage1"), (*base, "stage2")], (*base, "total"))
        if service == "all":
            add([(period, unit, s, section, measure, stage) for s in SERVICES],
                (period, unit, service, section, measure, stage))
        if service in VIEWS:
            add([(period, unit, s, section, measure, stage) for s in VIEWS[service]],
                (period, unit, service, section, measure, stage))
        if section == "contracted_services" and measure == "others":
            add([(*base[:4], "contracted", stage), (*base, stage)],
                _received_of((*base[:4], "contracted", stage)))
        if section == "kpi5_closed" and stage in ("stage1", "stage2"):
            add([(period, unit, service, "kpi6_outcomes", o, stage) for o in OUTCOMES],
                (period, unit, service, section, measure, stage))
            add([(period, unit, service, "kpi8_within_timescale", m, stage)
                 for m in ("within_timescale", "outside_timescale")],
                (period, unit, service, section, measure, stage))
        if unit == "":
            units = sorted({k[1] for k in keys if k[0] == period and k[1]})
            if units:
                add([(period, u, service, section, measure, stage) for u in units],
                    (period, unit, service, section, measure, stage))
        if period in years:
            add([(q, unit, service, section, measure, stage) for q in years[period]],
                (period, unit, service, section, measure, stage))
    return out


def intervals(shown: Mapping[Key, int | None], years: Mapping[str, Sequence[str]] = {}
              ) -> dict[Key, tuple[float, float]]:
    """For every hidden count: the least and most it can be, given everything shown."""
    keys = sorted(shown)
    hidden = [k for k in keys if shown[k] is None]
    index = {k: i for i, k in enumerate(hidden)}
    rows, rhs = [], []
    for parts, total in _relations(keys, years):
        terms = [(p, 1.0) for p in parts] + [(total, -1.0)]
        row = np.zeros(len(hidden))
        constant = 0.0
        for key, coefficient in terms:
            value = shown[key]
            if value is None:
                row[index[key]] += coefficient
            else:
                constant += coefficient * value
        if row.any():
            rows.append(row)
            rhs.append(-constant)
    if not hidden:
        return {}
    constraints = [LinearConstraint(np.array(rows), rhs, rhs)] if rows else []
    bounds = Bounds(np.zeros(len(hidden)), np.full(len(hidden), BIG))
    integrality = np.ones(len(hidden))
    out: dict[Key, tuple[float, float]] = {}
    for key, i in index.items():
        found = []
        for sign in (1.0, -1.0):
            c = np.zeros(len(hidden))
            c[i] = sign
            result = milp(c, constraints=constraints, bounds=bounds, integrality=integrality)
            assert result.status == 0, result.message
            found.append(sign * result.fun)
        out[key] = (found[0], found[1])
    return out


def narrowed(exact: Iterable[str], published: Iterable[str], threshold: int,
             years: Mapping[str, Sequence[str]] = {}) -> list[tuple[Key, int, tuple[float, float]]]:
    """Hidden counts from 1 to threshold - 1 a reader can narrow so that the interval
    misses 0 or the threshold: (cell, its true value, the interval)."""
    truth = counts(exact, derive=True)
    found = intervals(counts(published), years)
    return [(key, value, found[key]) for key, value in sorted(
        (k, v) for k, v in truth.items() if v is not None)
            if key in found and 0 < value < threshold
            and not (found[key][0] <= 0 and found[key][1] >= threshold)]

"""Benchmark of the disclosure-control engine (not part of the test run): a board's year.

    .venv/bin/python tests/benchmarks/sdc_bench.py [--units 40] [--runs 3] [--seed 8]

A synthetic board of `--units` units (sizes varied from 2 to 150 concerns a year,
tests/core/sdc_helpers.py) publishes its year with the four quarters, by service type
and theme, per unit and for all units: the whole table set is suppressed (app.core.sdc
`protect`) and audited. Prints the median time of `--runs` runs, the number of cells,
how many were hidden to protect small numbers (primary) and to protect those
(secondary), and whether the audit passed. Target: under 30 seconds for 40 units.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.sdc import Layout, Publication, kpi_tables  # noqa: E402
from app.core.sdc.protect import protect  # noqa: E402
from app.core.sdc.tables import TableSet  # noqa: E402
from tests.core.sdc_helpers import board_release  # noqa: E402

TARGET_SECONDS = 30.0


def unit_sizes(units: int, seed: int) -> list[int]:
    """Unit sizes from 2 to 150 concerns a year, most of them small, as boards are."""
    rng = random.Random(seed)  # noqa: S311 - synthetic figures
    return [min(150, max(2, round(rng.lognormvariate(3.0, 1.0)))) for _ in range(units)]


def board_tables(units: int, seed: int) -> TableSet:
    return kpi_tables(board_release(seed, unit_sizes(units, seed)), Layout())


def one_run(tables: TableSet) -> tuple[float, Publication]:
    started = time.perf_counter()
    publication = protect(tables)
    return time.perf_counter() - started, publication


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    sizes = unit_sizes(args.units, args.seed)
    tables = board_tables(args.units, args.seed)
    times = []
    publication = None
    for run in range(args.runs):
        seconds, publication = one_run(tables)
        times.append(seconds)
        print(f"run {run + 1}: {seconds:.1f} s", flush=True)
    assert publication is not None
    printed = sum(1 for c in tables.cells.values() if c.published)
    primary = len(publication.hidden) - len(publication.secondary())
    median = statistics.median(times)
    print(f"board of {args.units} units ({sum(sizes):,} concerns, sizes {min(sizes)} to "
          f"{max(sizes)}), a year and its quarters by service type and theme")
    print(f"cells: {len(tables):,} ({printed:,} printed), relations: {len(tables.relations):,}")
    print(f"hidden: {len(publication.hidden):,} (primary {primary:,}, secondary "
          f"{len(publication.secondary()):,}); protected cells "
          f"{len(publication.audit.protected):,}")
    print(f"audit passed: {publication.audit.passed}; solver calls in the audit: "
          f"{publication.audit.solves:,}; rounds {publication.rounds}")
    print(f"median of {args.runs}: {median:.1f} s (target {TARGET_SECONDS:.0f} s: "
          f"{'met' if median <= TARGET_SECONDS else 'MISSED'})")
    return 0 if publication.audit.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())

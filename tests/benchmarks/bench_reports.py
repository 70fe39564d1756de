"""Benchmarks for the KPI report (not part of the test run).

    .venv/bin/python tests/benchmarks/bench_reports.py SCRATCH --concerns 100 --period 2025-26-Q2
    .venv/bin/python tests/benchmarks/bench_reports.py SCRATCH --concerns 10000 --period 2025-26

Makes (once, then reuses) a demo casebook of N concerns in SCRATCH/casebook-N and
times building the KPI report for the period from the open casebook: reading
the figures (KPIs, themes, learning), laying out the PDF, and both together,
internal and for publication, plus the CSV and a letter and a redacted case
summary. Each figure is the median of 5 runs after one warm-up run. The
key-derivation cost is lowered as in the tests; it is paid once per open and is
not what is measured.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.store import keys  # noqa: E402

keys.DEFAULT_ARGON2 = keys.Argon2Params(time_cost=1, memory_cost_kib=1024, parallelism=1)

from app.core.periods import parse_period  # noqa: E402
from app.demo import add_demo_concerns  # noqa: E402
from app.documents.case_summary import render_case_summary  # noqa: E402
from app.documents.kpi_report import (  # noqa: E402
    build_kpi_report,
    render_kpi_report,
    report_content,
    report_csv,
)
from app.documents.letters import available_letters, render_letter  # noqa: E402
from app.store.casebook import Casebook  # noqa: E402
from app.store.concern_detail import load_concern  # noqa: E402

PASSPHRASE = "benchmark passphrase"
TODAY = date(2026, 11, 22)


def median_seconds(work: Callable[[], object], runs: int = 5) -> float:
    work()  # warm-up: fonts registered, caches filled
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def casebook(scratch: Path, concerns: int) -> Casebook:
    folder = scratch / f"casebook-{concerns}"
    if folder.exists():
        return Casebook.open(folder, PASSPHRASE)
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Benchmark Board",
                              unit="Benchmark unit")
    started = time.perf_counter()
    add_demo_concerns(book, concerns, seed=1, today=TODAY)
    print(f"made {concerns} demo concerns in {time.perf_counter() - started:.1f} s")
    return book


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scratch", type=Path)
    parser.add_argument("--concerns", type=int, default=100)
    parser.add_argument("--period", default="2025-26-Q2")
    args = parser.parse_args()
    args.scratch.mkdir(parents=True, exist_ok=True)
    period = parse_period(args.period)
    with casebook(args.scratch, args.concerns) as book:
        content = report_content(book, period, today=TODAY)
        counted = content.figures["received"]
        print(f"{args.concerns} concerns in the casebook; {args.period}: received "
              f"{counted['stage1']} at stage 1, {counted['stage2']} at stage 2, "
              f"{counted['anonymous'] + counted['unnamed']} anonymous or unnamed, "
              f"closed {sum(content.figures['closed'].values())}")
        rows = [
            ("figures (KPIs, themes, learning)",
             lambda: report_content(book, period, today=TODAY)),
            ("PDF layout only (internal)", lambda: render_kpi_report(content)),
            ("PDF layout only (publication)",
             lambda: render_kpi_report(content, publication=True)),
            ("whole report, internal", lambda: build_kpi_report(book, period, today=TODAY)),
            ("whole report, publication",
             lambda: build_kpi_report(book, period, publication=True, today=TODAY)),
            ("CSV (publication)", lambda: report_csv(content, publication=True)),
        ]
        ids = [row[0] for row in book.cases.execute("SELECT id FROM concerns ORDER BY id")]
        letter = next(((cid, kinds[0]) for cid in ids
                       if (kinds := available_letters(load_concern(book.cases, cid)))), None)
        if letter is not None:
            from app.store.letter_settings import NamedContact, save_contact

            save_contact(book, NamedContact("Benchmark Contact", "Lead", "01234 567890"))
            rows.append(("a letter", lambda: render_letter(book, letter[0], letter[1],
                                                           "benchmark", letter_date=TODAY)))
        rows.append(("a redacted case summary",
                     lambda: render_case_summary(book, ids[0], today=TODAY)))
        for label, work in rows:
            print(f"  {label:<36} {1000 * median_seconds(work):8.1f} ms")


if __name__ == "__main__":
    main()

"""Benchmarks for returns (not part of the test run): build one, import and add up many.

    .venv/bin/python tests/benchmarks/bench_returns.py build SCRATCH [--concerns 10000]
    .venv/bin/python tests/benchmarks/bench_returns.py board SCRATCH [--returns 1000]

`build` makes (once, then reuses) a demo casebook of N concerns in SCRATCH and
times building, checking, signing and encrypting the annual and a quarterly
return. `board` makes N signed, encrypted synthetic returns (units x quarters),
then times importing all of them into a fresh board store and adding them up
for a year. Each figure is the median of several runs. The key-derivation cost
is lowered as in the tests; it is paid once per open and is not what is measured.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.store import keys  # noqa: E402

keys.DEFAULT_ARGON2 = keys.Argon2Params(time_cost=1, memory_cost_kib=1024, parallelism=1)

from app.core.periods import parse_period  # noqa: E402
from app.paths import is_casebook  # noqa: E402
from app.returns.board_import import import_return  # noqa: E402
from app.returns.board_report import board_figures  # noqa: E402
from app.returns.envelope import envelope  # noqa: E402
from app.returns.payload import build_payload  # noqa: E402
from app.store.board import Board  # noqa: E402
from app.store.casebook import Casebook  # noqa: E402
from tests.returns.return_helpers import Unit, synthetic_payload  # noqa: E402

PASSPHRASE = "benchmark passphrase"


def _median(runs: int, work: Callable[[], object]) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def bench_build(scratch: Path, concerns: int, runs: int) -> None:
    from app.demo import add_demo_concerns

    folder = scratch / f"casebook-{concerns}"
    if not is_casebook(folder):
        book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Bench",
                                  unit="Bench unit")
        started = time.perf_counter()
        add_demo_concerns(book, concerns, seed=7, today=date(2026, 3, 31))
        print(f"made {concerns} demo concerns in {time.perf_counter() - started:.1f} s")
    else:
        book = Casebook.open(folder, PASSPHRASE)
    with book:
        board_dir = scratch / "build-board"
        shutil.rmtree(board_dir, ignore_errors=True)
        board, _ = Board.create(board_dir, PASSPHRASE)
        with board:
            book.set_setting("board_recipient", board.recipient())
        for label in ("2025-26", "2025-26-Q4"):
            period = parse_period(label)
            payload = build_payload(book, period)
            size = len(envelope(book, payload))
            median, times = _median(runs, lambda p=period: envelope(book, build_payload(book, p)))
            print(f"build return {label} from {concerns} concerns: median {median * 1000:.0f} ms "
                  f"({', '.join(f'{t * 1000:.0f}' for t in times)}), file {size:,} bytes, "
                  f"{payload['figures']['received']['stage1']} received at stage 1")


def bench_board(scratch: Path, returns: int, runs: int) -> None:
    years = [2021, 2022, 2023, 2024, 2025]
    labels = [f"{y}-{(y + 1) % 100:02d}-Q{q}" for y in years for q in (1, 2, 3, 4)]
    unit_count = -(-returns // len(labels))
    units = [Unit(f"Unit {i:03d}") for i in range(unit_count)]
    made = time.perf_counter()
    files: list[bytes] = []
    from pyrage import x25519

    identity = str(x25519.Identity.generate())
    recipient = str(x25519.Identity.from_str(identity).to_public())
    created = datetime(2026, 4, 20, tzinfo=UTC)
    for i in range(returns):
        unit, label = units[i // len(labels)], labels[i % len(labels)]
        payload = synthetic_payload(unit.name, label, created=created + timedelta(seconds=i),
                                    seed=i, learning=["A statement of learning."])
        files.append(unit.sealed(payload, recipient))
    print(f"made {len(files)} signed, encrypted returns from {len(units)} units in "
          f"{time.perf_counter() - made:.1f} s (mean file {sum(map(len, files)) // len(files):,}"
          " bytes)")

    import_times, add_times = [], []
    for run in range(runs):
        folder = scratch / f"bench-board-{run}"
        shutil.rmtree(folder, ignore_errors=True)
        board, _ = Board.create(folder, PASSPHRASE, identity=identity)
        for unit in units:
            board.register_unit(unit.name, unit.public)
        started = time.perf_counter()
        for data in files:
            import_return(board, data)
        import_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for year in years:
            doc = board_figures(board, parse_period(f"{year}-{(year + 1) % 100:02d}"))
            assert len(doc["units"]) == len(units)
        add_times.append(time.perf_counter() - started)
        board.close()
        shutil.rmtree(folder)
    print(f"import {len(files)} returns: median {statistics.median(import_times):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in import_times)}), "
          f"{statistics.median(import_times) / len(files) * 1000:.1f} ms each")
    print(f"add up all {len(files)} (five yearly board reports from quarters): median "
          f"{statistics.median(add_times):.2f} s ({', '.join(f'{t:.2f}' for t in add_times)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["build", "board"])
    parser.add_argument("scratch", type=Path)
    parser.add_argument("--concerns", type=int, default=10_000)
    parser.add_argument("--returns", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    args.scratch.mkdir(parents=True, exist_ok=True)
    if args.what == "build":
        bench_build(args.scratch, args.concerns, args.runs)
    else:
        bench_board(args.scratch, args.returns, args.runs)


if __name__ == "__main__":
    main()

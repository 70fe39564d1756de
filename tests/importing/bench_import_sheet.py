"""Benchmark: importing a generated 5,000-row .xlsx log into a fresh casebook.

    .venv/bin/python tests/importing/bench_import_sheet.py [ROWS] [--unbatched]

Prints the median of 3 timed runs after a warm-up run, each into a new casebook
in a temporary folder, with the time spent reading and checking the sheet on its
own. `--unbatched` times one run with every service call committed on its own
(as without app.store.batch), for comparison. Not part of the test run.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.importing import import_spreadsheet, service  # noqa: E402
from app.importing.checking import check_sheet  # noqa: E402
from app.importing.sheets import read_sheet  # noqa: E402
from app.store import keys  # noqa: E402
from app.store.casebook import Casebook  # noqa: E402
from tests.importing.import_sheet_helpers import generated_rows, write_xlsx  # noqa: E402
from tests.support import CHEAP_ARGON2, PASSPHRASE, TODAY  # noqa: E402


def _one_import(workdir: Path, sheet: Path, number: int) -> float:
    book, _ = Casebook.create(workdir / f"casebook-{number}", PASSPHRASE,
                              organisation="Benchmark board", unit="Benchmark unit")
    try:
        started = time.perf_counter()
        report = import_spreadsheet(book, sheet, today=TODAY)
        elapsed = time.perf_counter() - started
    finally:
        book.close()
    assert report.ok and report.imported == report.rows, report.summary()
    return elapsed


@contextlib.contextmanager
def _no_batch(book: Casebook, *, identities: bool = True) -> Iterator[None]:
    yield


def main(argv: list[str]) -> None:
    rows = int(next((a for a in argv if a.isdigit()), "5000"))
    keys.DEFAULT_ARGON2 = CHEAP_ARGON2  # the passphrase's cost is not what is measured
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        sheet = write_xlsx(workdir / "log.xlsx", generated_rows(rows))
        print(f"{rows} rows, {sheet.stat().st_size / 1024:.0f} KiB .xlsx")
        started = time.perf_counter()
        checked = check_sheet(read_sheet(sheet), today=TODAY)
        print(f"read and check only: {time.perf_counter() - started:.2f} s "
              f"({len(checked.problems)} problems)")
        _one_import(workdir, sheet, 0)  # warm-up
        times = [_one_import(workdir, sheet, n) for n in (1, 2, 3)]
        print("import runs: " + ", ".join(f"{t:.2f} s" for t in times))
        print(f"median of 3 after a warm-up: {statistics.median(times):.2f} s "
              f"({rows / statistics.median(times):.0f} rows/s)")
        if "--unbatched" in argv:
            original = service.casebook_batch
            service.casebook_batch = _no_batch  # type: ignore[assignment]
            try:
                print(f"one run, each service call its own transaction: "
                      f"{_one_import(workdir, sheet, 9):.2f} s")
            finally:
                service.casebook_batch = original


if __name__ == "__main__":
    main(sys.argv[1:])

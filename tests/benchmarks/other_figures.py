"""Figures that need no generated casebook: the board's import of many returns, a
spreadsheet import, and the key derivation."""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.periods import parse_period
from app.store import keys
from tests.benchmarks.corpus import TODAY
from tests.benchmarks.measure import Runs, timed

# Stores made only to be measured into: their own passphrase cost is not what is measured.
CHEAP = keys.Argon2Params(time_cost=1, memory_cost_kib=1024, parallelism=1)
STORE_PASSPHRASE = "benchmark store passphrase"
YEARS = (2021, 2022, 2023, 2024, 2025)


def kdf_figures(runs: int) -> Runs:
    """Argon2id at the product's cost (keys.DEFAULT_ARGON2), as unlocking runs it."""
    salt = secrets.token_bytes(16)
    return timed(lambda: keys.passphrase_key("benchmark passphrase", salt,
                                             keys.DEFAULT_ARGON2), runs)


@dataclass
class BoardFigures:
    total: Runs  # import every file, then the five yearly board reports
    imported: Runs  # the import alone
    units: int


def make_returns(count: int, folder: Path) -> tuple[str, list[tuple[str, bytes]], list[Path]]:
    """`count` signed returns encrypted to a new board identity, written as files: units
    times the quarters of five financial years. Returns the identity, the units (name,
    public key) and the files."""
    from pyrage import x25519

    from tests.returns.return_helpers import Unit, synthetic_payload

    labels = [f"{y}-{(y + 1) % 100:02d}-Q{q}" for y in YEARS for q in (1, 2, 3, 4)]
    units = [Unit(f"Unit {i:03d}") for i in range(-(-count // len(labels)))]
    identity = x25519.Identity.generate()
    recipient = str(identity.to_public())
    created = datetime(2026, 4, 20, tzinfo=UTC)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = []
    for i in range(count):
        unit, label = units[i // len(labels)], labels[i % len(labels)]
        # Each return carries its unit's audit chain since its previous return, as a real
        # one does: about 200 entries a quarter.
        k = i % len(labels)
        payload = synthetic_payload(unit.name, label, created=created + timedelta(seconds=i),
                                    seed=i, learning=["A statement of learning."],
                                    chain=(200 * k, 200 * (k + 1)))
        path = folder / f"return-{i:05d}.age"
        path.write_bytes(unit.sealed(payload, recipient))
        files.append(path)
    return str(identity), [(u.name, u.public) for u in units], files


def board_figures(count: int, scratch: Path, runs: int, per_commit: int = 1) -> BoardFigures:
    """`casebook board import FILE...` of `count` returns into a new board store, then
    `casebook board report --period Y` for each of the five years (median of runs, each
    into a fresh store after a warm-up). `per_commit` files share a transaction (1: each
    its own, as the command line imports them)."""
    from app.returns.board_import import import_files
    from app.returns.board_report import board_figures as report
    from app.store.board import Board

    identity, units, files = make_returns(count, scratch / "returns")
    totals, imports = [], []
    for run in range(runs + 1):
        folder = scratch / f"board-{run}"
        shutil.rmtree(folder, ignore_errors=True)
        board, _ = Board.create(folder, STORE_PASSPHRASE, identity=identity, argon2=CHEAP)
        try:
            for name, public in units:
                board.register_unit(name, public)
            imported = timed(lambda b=board: _import_all(import_files, b, files, per_commit),
                             1, 0)
            reported = timed(lambda b=board: [report(b, parse_period(f"{y}-{(y + 1) % 100:02d}"))
                                              for y in YEARS], 1, 0)
        finally:
            board.close()
            shutil.rmtree(folder, ignore_errors=True)
        if run:  # the first is the warm-up
            imports.append(imported.times[0])
            totals.append(imported.times[0] + reported.times[0])
    return BoardFigures(Runs(tuple(totals)), Runs(tuple(imports)), len(units))


def _import_all(import_files: object, board: object, files: list[Path], per_commit: int
                ) -> None:
    results = import_files(board, files, per_commit=per_commit)  # type: ignore[operator]
    refused = [outcome for _, outcome in results if isinstance(outcome, Exception)]
    if refused:
        raise AssertionError(f"{len(refused)} returns refused: {refused[0]}")


def xlsx_figures(rows: int, scratch: Path, runs: int) -> Runs:
    """`casebook import log.xlsx` of a generated `rows`-row workbook into a new casebook
    (median of runs after a warm-up; each into its own new casebook)."""
    from app.importing import import_spreadsheet
    from app.store.casebook import Casebook
    from tests.importing.import_sheet_helpers import generated_rows, write_xlsx

    scratch.mkdir(parents=True, exist_ok=True)
    sheet = write_xlsx(scratch / "log.xlsx", generated_rows(rows))
    times = []
    for run in range(runs + 1):
        folder = scratch / f"import-{run}"
        shutil.rmtree(folder, ignore_errors=True)
        book, _ = Casebook.create(folder, STORE_PASSPHRASE, organisation="Benchmark board",
                                  unit="Benchmark unit", argon2=CHEAP)
        try:
            def run_import(b: Casebook = book) -> None:
                report = import_spreadsheet(b, sheet, today=TODAY)
                if not (report.ok and report.imported == report.rows):
                    raise AssertionError(report.summary())

            seconds = timed(run_import, 1, 0).times[0]
        finally:
            book.close()
            shutil.rmtree(folder, ignore_errors=True)
        if run:
            times.append(seconds)
    return Runs(tuple(times))

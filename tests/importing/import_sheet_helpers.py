"""Sheets for the import tests: rows by column name, written as real .csv and .xlsx files.

Imported as `tests.importing.import_sheet_helpers` (the repository root is on
pytest's pythonpath).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app.cli import main
from app.importing.columns import COLUMNS
from app.store.casebook import Casebook
from tests.support import PASSPHRASE

HEADINGS: tuple[str, ...] = tuple(column.name for column in COLUMNS)
Row = dict[str, str]


def write_csv(path: Path, rows: Iterable[Row], headings: Sequence[str] = HEADINGS) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headings)
        for row in rows:
            writer.writerow([row.get(name, "") for name in headings])
    return path


def write_xlsx(path: Path, rows: Iterable[Row], headings: Sequence[str] = HEADINGS) -> Path:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Concerns")
    sheet.append(list(headings))
    for row in rows:
        sheet.append([row.get(name) or None for name in headings])
    workbook.save(path)
    return path


def counts(book: Casebook) -> dict[str, int]:
    """Rows in every table that an import writes, in both databases."""
    tables = ("concerns", "stages", "extensions", "concern_themes", "signposting",
              "detriment_reports", "actions", "audit")
    found = {table: book.cases.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
             for table in tables}
    found["persons"] = book.identities().execute("SELECT count(*) FROM persons").fetchone()[0]
    return found


def named_row(reference: str, received: str, **values: str) -> Row:
    """A valid named stage 1 concern, with whatever else the test sets."""
    row = {"reference": reference, "received_date": received, "starting_stage": "1",
           "anonymity": "named", "raiser_name": "Test Person", "raiser_category": "employee",
           "service_type": "nhs", "summary": "C raised a concern."}
    row.update(values)
    return row


# ----- a generated log: many rows of realistic shapes, every one valid ------------------------

_AREAS = ("Ward 3", "Ward 7", "Emergency department", "Theatres", "Pharmacy",
          "Care at home service", "Community mental health team", "Estates and facilities")
_THEMES = ("patient_safety", "Staffing levels or skill mix", "working_practices",
           "bullying_harassment", "behaviours", "governance", "worker_safety", "Car parking")
_CATEGORIES = ("employee", "former_employee", "bank_agency_locum", "contractor",
               "student_trainee", "volunteer", "non_executive", "other")
_OUTCOMES = ("upheld", "partially_upheld", "not_upheld")


def _day(d: date, uk: bool) -> str:
    return f"{d:%d/%m/%Y}" if uk else d.isoformat()


def _stage1(rng: random.Random, row: Row, received: date, uk: bool) -> date:
    response = received + timedelta(days=rng.randint(1, 12))
    if rng.random() < 0.15:
        row["stage1_extended"] = "yes"
        if rng.random() < 0.5:
            row["stage1_extended_to"] = _day(received + timedelta(days=14), uk)
    if rng.random() < 0.85:
        row["stage1_response_date"] = _day(response, uk)
        row["stage1_outcome"] = rng.choice(_OUTCOMES)
    return response


def _stage2(rng: random.Random, row: Row, entered: date, uk: bool) -> None:
    row["stage2_acknowledged_date"] = _day(entered + timedelta(days=rng.randint(0, 3)), uk)
    if rng.random() < 0.25:
        row["stage2_extended"] = "yes"
    if rng.random() < 0.8:
        row["stage2_response_date"] = _day(entered + timedelta(days=rng.randint(5, 45)), uk)
        row["stage2_outcome"] = rng.choice(_OUTCOMES)
        if rng.random() < 0.5:
            row["signposted_inwo_date"] = row["stage2_response_date"]


def _named(rng: random.Random, row: Row, number: int, received: date, uk: bool) -> None:
    row.update(raiser_name=f"Person {number}", raiser_email=f"person{number}@example.org",
               raiser_category=rng.choice(_CATEGORIES), consent_date=_day(received, uk))
    shape = rng.random()
    if shape < 0.05:
        row.update(closure="withdrawn", closure_date=_day(received + timedelta(days=1), uk))
        return
    if shape < 0.65:
        row["starting_stage"] = "1"
        response = _stage1(rng, row, received, uk)
        if "stage1_response_date" in row and rng.random() < 0.15:
            escalated = response + timedelta(days=rng.randint(1, 10))
            row["escalation_date"] = _day(escalated, uk)
            _stage2(rng, row, escalated, uk)
        return
    row["starting_stage"] = "2"
    _stage2(rng, row, received, uk)


def generated_rows(count: int, *, seed: int = 7, first: date = date(2021, 4, 1),
                   last: date = date(2026, 6, 30)) -> Iterator[Row]:
    """`count` valid rows with received dates between `first` and `last`."""
    rng = random.Random(seed)
    span = (last - first).days
    for number in range(1, count + 1):
        received = first + timedelta(days=rng.randrange(span))
        uk = number % 2 == 0  # both date forms
        anonymity = rng.choices(("named", "anonymous", "unnamed"), (85, 10, 5))[0]
        row: Row = {
            "reference": f"LOG-{number:05d}", "received_date": _day(received, uk),
            "anonymity": anonymity, "service_type": rng.choice(("nhs", "local_authority",
                                                                 "both")),
            "service_area": rng.choice(_AREAS),
            "themes": "; ".join(rng.sample(_THEMES, rng.randint(1, 3))),
            "summary": f"C raised concern {number} about practice in the service.",
        }
        if anonymity == "named":
            _named(rng, row, number, received, uk)
        elif anonymity == "unnamed":
            row["raiser_category"] = rng.choice(_CATEGORIES)
        if rng.random() < 0.05:
            row.update(detriment="yes")
        if rng.random() < 0.2:
            row.update(learning=f"Learning from concern {number}.",
                       learning_publishable=rng.choice(("yes", "no")))
        yield row


def run_cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """`casebook ...` in-process; returns (exit status, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def init_casebook(folder: Path, monkeypatch: Any, capsys: Any) -> Path:
    """A casebook made by `casebook init`, its passphrase in CASEBOOK_PASSPHRASE."""
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code, _, err = run_cli(capsys, "init", "--casebook", str(folder))
    assert code == 0, err
    return folder


def open_book(folder: Path) -> Casebook:
    return Casebook.open(folder, PASSPHRASE)

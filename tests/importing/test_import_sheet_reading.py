"""Reading sheets as people make them: headings in any case, both date forms, Excel's own
cells, Windows-1252 CSV, blank rows, themes by code or label."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.importing import import_spreadsheet
from app.importing.cells import parse_date, parse_yes_no
from app.importing.checking import check_sheet
from app.importing.sheets import read_sheet
from app.store.casebook import Casebook
from app.store.concern_detail import load_concern
from app.store.concerns import ConcernService
from tests.importing.import_sheet_helpers import named_row, write_csv
from tests.support import TODAY


@pytest.mark.parametrize("text, expected", [
    ("2025-04-01", date(2025, 4, 1)), ("01/04/2025", date(2025, 4, 1)),
    ("1/4/2025", date(2025, 4, 1)), (" 2025-4-1 ", date(2025, 4, 1)),
    ("31/02/2024", None), ("2025/04/01", None), ("01-04-2025", None), ("04/01/25", None),
    ("45748", None), ("", None), ("2025-13-01", None), ("0000-01-01", None),
    ("٢٠٢٥-٠٤-٠١", None),  # digits of another script are not read as a date
])
def test_dates_are_read_in_two_forms_only(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("yes", True), ("Yes", True), ("Y", True), ("TRUE", True), ("no", False), ("", False),
    ("  ", False), ("N", False), ("maybe", None), ("1", None)])
def test_yes_no(text: str, expected: bool | None) -> None:
    assert parse_yes_no(text) is expected


def test_headings_match_ignoring_case_spaces_underscores_and_hyphens(tmp_path: Path,
                                                                     book: Casebook) -> None:
    headings = ["Reference", "Received Date", "STARTING STAGE", "Anonymity", "Raiser name",
                "raiser-category", "Service_Type", " summary "]
    row = {"Reference": "H-1", "Received Date": "2025-04-01", "STARTING STAGE": "Stage 1",
           "Anonymity": "Named", "Raiser name": "Pat", "raiser-category": "Bank, agency or locum",
           "Service_Type": "NHS and local authority", " summary ": "C raised a concern."}
    report = import_spreadsheet(book, write_csv(tmp_path / "h.csv", [row], headings),
                                today=TODAY)
    assert report.ok, [p.message for p in report.problems]
    detail = load_concern(book.cases, ConcernService(book).id_for_reference("H-1"))
    assert (detail.raiser_category, detail.service_type) == ("bank_agency_locum", "both")


def test_a_windows_1252_csv_reads(tmp_path: Path, book: Casebook) -> None:
    path = tmp_path / "excel.csv"
    write_csv(path, [named_row("W-1", "01/04/2025", service_area="Café, ward 2 – days")])
    path.write_bytes(path.read_text(encoding="utf-8-sig").encode("cp1252"))
    report = import_spreadsheet(book, path, today=TODAY)
    assert report.ok
    detail = load_concern(book.cases, ConcernService(book).id_for_reference("W-1"))
    assert detail.service_area == "Café, ward 2 – days"


def test_excel_cells_dates_numbers_and_booleans(tmp_path: Path, book: Casebook) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["reference", "received_date", "starting_stage", "anonymity",
                  "raiser_category", "service_type", "stage1_response_date", "stage1_outcome",
                  "stage1_extended", "consent_date"])
    sheet.append(["X-1", datetime(2025, 4, 1), 1, "named", "employee", "nhs",
                  date(2025, 4, 3), "upheld", True, 45748])
    sheet.append([None] * 10)  # a blank row in between keeps the numbering
    sheet.append(["X-2", datetime(2025, 4, 2), 2.0, "anonymous", None, "nhs", None, None,
                  False, None])
    path = tmp_path / "cells.xlsx"
    workbook.save(path)
    checked = check_sheet(read_sheet(path), today=TODAY)
    assert [p.message for p in checked.problems] == [
        "Row 2, consent_date: '45748' is not a date; expected YYYY-MM-DD or DD/MM/YYYY."]
    [second] = checked.rows
    assert second.number == 4 and second.starting_stage is not None
    assert second.starting_stage.number == 2


def test_themes_by_code_or_label_and_local_themes(tmp_path: Path, book: Casebook) -> None:
    row = named_row("T-1", "2025-04-01",
                    themes="PATIENT_SAFETY; staffing levels or skill mix;Car parking; "
                           "patient_safety;;  Other  ")
    assert import_spreadsheet(book, write_csv(tmp_path / "t.csv", [row]), today=TODAY).ok
    detail = load_concern(book.cases, ConcernService(book).id_for_reference("T-1"))
    assert detail.themes == (("other", ""), ("other", "Car parking"), ("patient_safety", ""),
                             ("staffing", ""))


def test_a_sheet_with_headings_only_imports_nothing_and_says_so(tmp_path: Path,
                                                                 book: Casebook) -> None:
    report = import_spreadsheet(book, write_csv(tmp_path / "empty.csv", []), today=TODAY)
    assert report.ok and report.rows == 0
    assert report.summary() == "Nothing to import: empty.csv has no rows below its headings."


def test_a_dry_run_reports_progress_over_checking_only(tmp_path: Path, book: Casebook) -> None:
    rows = [named_row(f"P-{n}", "2025-04-01") for n in range(60)]
    calls: list[tuple[int, int]] = []
    report = import_spreadsheet(book, write_csv(tmp_path / "p.csv", rows), dry_run=True,
                                today=TODAY, on_progress=lambda d, t: calls.append((d, t)))
    assert report.ok and report.imported == 0 and len(report.new) == 60
    assert calls == [(25, 60), (50, 60), (60, 60)]
    assert book.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == 0

"""A sheet with every kind of error: each reported with row, column, value and expectation,
all at once, and nothing written to either database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.importing import import_spreadsheet
from app.importing.problems import ImportProblem
from app.importing.templates import template_path
from tests.importing.import_sheet_helpers import (
    HEADINGS,
    counts,
    init_casebook,
    named_row,
    open_book,
    run_cli,
    write_csv,
    write_xlsx,
)
from tests.support import TODAY

EXTRA_HEADINGS = ("Notes", "Received Date", "")

# (row, column, what the issue says) for every problem the sheet below holds.
EXPECTED: list[tuple[int | None, str | None, str]] = [
    (None, "Notes", "is not a column Casebook knows"),
    (None, "Received Date", "is a second received_date column"),
    (None, "BJ", "has no heading but holds values (first in row 2)"),
    # cells that do not read
    (2, "received_date", "is not a date"),
    (3, "starting_stage", "is not a stage"),
    (4, "anonymity", "is not one of the choices"),
    (5, "stage1_extended", "is not yes or no"),
    (6, "raiser_email", "is not an email address"),
    (7, "reference", "is empty"),
    (7, "service_type", "is empty"),
    (8, "raiser_category", "is empty"),
    # a row against itself
    (9, "raiser_name", "is given for an anonymous concern"),
    (10, "raiser_name", "is empty but an email or phone number is given"),
    (11, "starting_stage", "is empty for a named concern"),
    (12, "stage1_response_date", "is given for a concern that started at stage 2"),
    (12, "stage1_outcome", "is given for a concern that started at stage 2"),
    (13, "stage2_response_date", "is given but the concern was not escalated to stage 2"),
    (13, "stage2_outcome", "is given but the concern was not escalated to stage 2"),
    (14, "stage1_outcome", "is empty but stage1_response_date is given"),
    (15, "stage1_extended_to", "is given but stage1_extended is not yes"),
    (16, "consent_method", "is given but consent_date is empty"),
    (17, "closure_date", "is given but closure is empty"),
    (18, "detriment_date", "is given but detriment is not yes"),
    (19, "learning_publishable", "is given but learning is empty"),
    (20, "signposted_inwo_date", "is before received_date"),
    # the casebook's rules
    (21, "stage1_response_date", "does not fit: the stage 1 response date is before the "
                                 "concern was received"),
    (22, "stage1_response_date", "is missing: stage 1 has an outcome but no response date"),
    (23, "stage2_response_date", "does not fit: the stage 2 response date is before the "
                                 "concern entered stage 2"),
    (24, "escalation_date", "does not fit: the concern was escalated to stage 2 before its "
                            "stage 1 response"),
    (25, "stage2_acknowledged_date", "does not fit: the stage 2 acknowledgement date is after "
                                     "the stage 2 response, which needs no separate "
                                     "acknowledgement"),
    (26, "received_date", "does not fit: the received date is in the future"),
    (27, "closure", "does not fit: the concern had a full response at stage 1, so it is closed "
                    "rather than withdrawn"),
    (28, "closure_reason", "is missing: record why the concern was not taken forward under "
                           "the Standards"),
    (29, "closure", "does not fit: a concern enters a stage only once the decision is to use "
                    "the procedure"),
    (30, "stage2_extended_to", "does not fit: the new due date of stage 2 extension 1 is not "
                               "after the concern entered stage 2"),
    # references are the key
    (31, "reference", "is already used in row 30"),
]


def _rows() -> list[dict[str, str]]:
    r = named_row
    return [
        r("E-02", "31/02/2024", **{"": "stray value"}),
        r("E-03", "2024-03-01", starting_stage="3"),
        r("E-04", "2024-03-01", anonymity="secret"),
        r("E-05", "2024-03-01", stage1_extended="maybe"),
        r("E-06", "2024-03-01", raiser_email="not an email"),
        r("", "2024-03-01", service_type=""),
        r("E-08", "2024-03-01", raiser_category=""),
        r("E-09", "2024-03-01", anonymity="anonymous", starting_stage=""),
        r("E-10", "2024-03-01", raiser_name="", raiser_phone="07700 900111"),
        r("E-11", "2024-03-01", starting_stage=""),
        r("E-12", "2024-03-01", starting_stage="2", stage1_response_date="2024-03-04",
          stage1_outcome="upheld"),
        r("E-13", "2024-03-01", stage2_response_date="2024-04-01", stage2_outcome="upheld"),
        r("E-14", "2024-03-01", stage1_response_date="2024-03-04"),
        r("E-15", "2024-03-01", stage1_extended_to="2024-03-20"),
        r("E-16", "2024-03-01", consent_method="email"),
        r("E-17", "2024-03-01", closure_date="2024-03-04"),
        r("E-18", "2024-03-01", detriment_date="2024-03-04"),
        r("E-19", "2024-03-01", learning_publishable="yes"),
        r("E-20", "2024-03-01", signposted_inwo_date="2024-02-01"),
        r("E-21", "2024-03-01", stage1_response_date="2024-02-28", stage1_outcome="upheld"),
        r("E-22", "2024-03-01", stage1_outcome="upheld"),
        r("E-23", "2024-03-01", stage1_response_date="2024-03-04", stage1_outcome="upheld",
          escalation_date="2024-03-11", stage2_response_date="2024-03-08",
          stage2_outcome="upheld"),
        r("E-24", "2024-03-01", stage1_response_date="2024-03-08", stage1_outcome="upheld",
          escalation_date="2024-03-05"),
        r("E-25", "2024-03-01", starting_stage="2", stage2_acknowledged_date="2024-03-20",
          stage2_response_date="2024-03-15", stage2_outcome="not_upheld"),
        r("E-26", "2027-01-04"),
        r("E-27", "2024-03-01", stage1_response_date="2024-03-04", stage1_outcome="upheld",
          closure="withdrawn", closure_date="2024-03-05"),
        r("E-28", "2024-03-01", starting_stage="", closure="not_taken_forward",
          closure_date="2024-03-04"),
        r("E-29", "2024-03-01", closure="not_taken_forward", closure_date="2024-03-04",
          closure_reason="A grievance, not whistleblowing."),
        r("E-30", "2024-03-01", starting_stage="2", stage2_extended="yes",
          stage2_extended_to="2024-02-20"),
        r("E-30", "2024-03-05"),
    ]


def _sheet(folder: Path, kind: str) -> Path:
    write = write_csv if kind == "csv" else write_xlsx
    return write(folder / f"errors.{kind}", _rows(), (*HEADINGS, *EXTRA_HEADINGS))


def _found(problems: tuple[ImportProblem, ...]) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.issue) for p in problems]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_every_kind_of_error_is_reported_at_once_and_nothing_is_written(
        kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    assert run_cli(capsys, "import", str(template_path("csv")), "--casebook", str(folder))[0] == 0
    with open_book(folder) as book:
        before = counts(book)
        report = import_spreadsheet(book, _sheet(tmp_path, kind), today=TODAY)
        assert counts(book) == before  # not one row in either database
    assert _found(report.problems) == EXPECTED
    assert not report.ok and report.imported == 0 and report.rows == 30
    assert all(p.expected and p.message.endswith(".") for p in report.problems)


def test_the_messages_say_row_column_value_and_what_is_expected(tmp_path: Path,
                                                                 book: object) -> None:
    report = import_spreadsheet(book, _sheet(tmp_path, "csv"), today=TODAY)  # type: ignore
    messages = [p.message for p in report.problems]
    assert "Row 2, received_date: '31/02/2024' is not a date; expected YYYY-MM-DD or " \
           "DD/MM/YYYY." in messages
    assert "Row 4, anonymity: 'secret' is not one of the choices; expected named, unnamed or " \
           "anonymous." in messages
    assert "Column 'Notes' is not a column Casebook knows; expected one of the import " \
           "template's columns: rename the heading, or delete the column if it should not be " \
           "imported." in messages
    assert ("Row 23, stage2_response_date: '2024-03-08' does not fit: the stage 2 response date "
            "is before the concern entered stage 2; expected a date on or after the day the "
            "concern entered stage 2 (its escalation_date, or received_date if it started "
            "there), not in the future (and one whenever stage2_outcome is given).") in messages
    # A name, email or phone number is never repeated back.
    assert "Row 9, raiser_name: '(not shown)' is given for an anonymous concern; expected " \
           "empty: an unnamed or anonymous concern records nobody's identity." in messages
    assert not any("Test Person" in m or "07700" in m for m in messages)


def test_cli_lists_every_problem_and_exits_non_zero(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    sheet = _sheet(tmp_path, "xlsx")
    code, out, err = run_cli(capsys, "import", str(sheet), "--casebook", str(folder))
    lines = err.strip().splitlines()
    assert code == 1 and out == ""
    assert len(lines) == len(EXPECTED) + 1
    assert lines[-1] == f"Nothing was imported: {len(EXPECTED)} problems to put right in " \
                        "errors.xlsx."
    code, out, err = run_cli(capsys, "import", str(sheet), "--dry-run", "--json", "--casebook",
                             str(folder))
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False and doc["dry_run"] is True
    assert len(doc["problems"]) == len(EXPECTED) and doc["imported"] == 0
    assert doc["problems"][3] == {
        "row": 2, "column": "received_date", "value": "31/02/2024", "issue": "is not a date",
        "expected": "YYYY-MM-DD or DD/MM/YYYY", "kind": "problem",
        "message": "Row 2, received_date: '31/02/2024' is not a date; expected YYYY-MM-DD or "
                   "DD/MM/YYYY."}
    with open_book(folder) as book:
        assert counts(book)["concerns"] == 0 and counts(book)["persons"] == 0


def test_a_missing_required_column_is_said_once(tmp_path: Path, book: object) -> None:
    headings = [h for h in HEADINGS if h != "service_type"]
    rows = [named_row(f"M-{n}", "2024-03-01") for n in range(3)]
    report = import_spreadsheet(book, write_csv(tmp_path / "m.csv", rows, headings),  # type: ignore
                                today=TODAY)
    assert [p.message for p in report.problems] == [
        "Column 'service_type' is missing from the sheet; expected a column headed "
        "service_type, as every row needs one."]


@pytest.mark.parametrize("content, message", [
    (b"", "The file is empty: row 1 should hold the column headings of the import template."),
    (b"PK\x03\x04 not really a workbook", "is not a readable Excel workbook (.xlsx)."),
])
def test_a_file_that_is_not_a_sheet_is_one_sentence(
        content: bytes, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    path = tmp_path / ("log.xlsx" if content else "log.csv")
    path.write_bytes(content)
    code, out, err = run_cli(capsys, "import", str(path), "--casebook", str(folder))
    assert code == 1 and out == "" and err.strip().endswith(message)
    assert len(err.strip().splitlines()) == 1


def test_only_csv_and_xlsx_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    path = tmp_path / "log.xls"
    path.write_bytes(b"old excel")
    code, _, err = run_cli(capsys, "import", str(path), "--casebook", str(folder))
    assert (code, err) == (1, "log.xls is not a .csv or .xlsx file; save the sheet in one of "
                              "those formats and import that.\n")

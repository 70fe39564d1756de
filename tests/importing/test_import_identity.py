"""Identifying text in an imported log: a problem like any other (row, column, kind; never the
words), nothing imported; or, with --pseudonymise, replaced by C and [name] and reported,
while patterns nobody holds stay problems. Every evasion the scanner sees through is
tried here through a real .csv and .xlsx file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.importing import import_spreadsheet
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.importing.import_sheet_helpers import (
    counts,
    init_casebook,
    named_row,
    open_book,
    run_cli,
    write_csv,
    write_xlsx,
)
from tests.store.test_concerns import NAMED
from tests.support import TODAY

WORDS = ("siobhan", "ceallaigh", "erskine", "zoe", "900461", "900999", "oc@", "1235")


def _rows() -> list[dict[str, str]]:
    return [
        named_row("LOG-1", "2025-05-02", raiser_name="Siobhan Ó Ceallaigh",
                  raiser_email="siobhan.oc@example.org", raiser_phone="07700 900461",
                  summary="Siobhan says the drugs are not double-checked.",
                  service_area="Ward 6, ask for siobhan.oc@example.org",
                  stage1_handler="Rang 07700\u00a0900461 first"),
        named_row("LOG-2", "2025-05-03", raiser_name="Torquil Abernethy",
                  summary="Saw Ms Ceall\u00adaigh and \u0405iobhan \u00d3 Ceallaigh on the ward.",
                  learning="Zoë Erskine now signs the book."),
        {"reference": "LOG-3", "received_date": "2025-05-04", "anonymity": "anonymous",
         "service_type": "nhs", "summary": "Torquil Abernethy shouted at staff."},
    ]


@pytest.fixture
def held(book: Casebook) -> Casebook:
    ConcernService(book, today=lambda: TODAY).create(
        replace(NAMED, person=PersonDetails(name="Zoë Erskine"), reference="OLD-1"))
    return book


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_identifying_text_is_a_problem_named_by_row_column_and_kind(
        tmp_path: Path, held: Casebook, writer) -> None:  # type: ignore[no-untyped-def]
    log = writer(tmp_path / ("log.csv" if writer is write_csv else "log.xlsx"), _rows())
    before = counts(held)
    report = import_spreadsheet(held, log, today=TODAY)
    assert not report.ok and report.imported == 0 and counts(held) == before
    messages = [p.message for p in report.problems]
    assert messages == [
        "Row 2, service_area: mentions the person's email address; leave contact details "
        "out.",
        "Row 2, summary: mentions a held name; refer to the person as C.",
        "Row 2, stage1_handler: mentions the person's phone number; leave contact details "
        "out.",
        "Row 3, summary: mentions a held name; leave other people's names out.",
        "Row 3, learning: mentions a held name; leave other people's names out.",
        "Row 4, summary: mentions a held name; leave other people's names out.",
    ]
    text = json.dumps(report.as_json()).lower()
    assert not [w for w in WORDS if w in " ".join(messages).lower() or w in text]


def test_patterns_nobody_holds_are_problems(tmp_path: Path, book: Casebook) -> None:
    rows = [named_row("LOG-1", "2025-05-02", summary="C said ring 07700 900999 or write to "
                      "jo dot bloggs at example dot org"),
            named_row("LOG-2", "2025-05-02", summary="Patient 120385 1235 was moved.",
                      learning="Call +49 30 901820 for the policy.")]
    report = import_spreadsheet(book, write_csv(tmp_path / "log.csv", rows), today=TODAY)
    assert [(p.row, p.column, p.issue) for p in report.problems] == [
        (2, "summary", "mentions a phone number"),
        (2, "summary", "mentions an email address"),
        (3, "summary", "mentions a CHI number"),
        (3, "learning", "mentions a phone number")]


def test_pseudonymise_replaces_names_reports_each_and_imports(tmp_path: Path,
                                                              held: Casebook) -> None:
    log = write_csv(tmp_path / "log.csv", _rows())
    report = import_spreadsheet(held, log, today=TODAY, pseudonymise=True)
    assert report.ok and report.imported == 3, [p.message for p in report.problems]
    assert [(r.row, r.column, r.kinds) for r in report.replacements] == [
        (2, "service_area", ("own_email",)), (2, "summary", ("own_name",)),
        (2, "stage1_handler", ("own_phone",)), (3, "summary", ("other_name",)),
        (3, "learning", ("other_name",)), (4, "summary", ("other_name",))]
    assert report.replacements[1].message == ("Row 2, summary: a held name replaced by C.")
    stored = dict(held.cases.execute("SELECT reference, summary FROM concerns"))
    assert stored["LOG-1"] == "C says the drugs are not double-checked."
    assert stored["LOG-2"] == "Saw [name] and [name] on the ward."
    assert stored["LOG-3"] == "[name] shouted at staff."
    area = held.cases.execute("SELECT service_area FROM concerns WHERE reference = 'LOG-1'")
    assert area.fetchone()[0] == "Ward 6, ask for [email]"  # only the words that identify
    handler = held.cases.execute("SELECT handler FROM stages JOIN concerns c ON c.id ="
                                 " concern_id WHERE c.reference = 'LOG-1'").fetchone()[0]
    assert handler == "Rang [phone] first"
    learning = held.cases.execute("SELECT learning FROM actions").fetchone()[0]
    assert learning == "[name] now signs the book."
    # The people themselves are kept apart, as ever.
    names = {row[0] for row in held.identities().execute("SELECT name FROM persons")}
    assert {"Siobhan Ó Ceallaigh", "Torquil Abernethy"} <= names
    again = import_spreadsheet(held, log, today=TODAY, pseudonymise=True)
    assert again.ok and again.imported == 0 and len(again.already_imported) == 3


def test_pseudonymise_leaves_unowned_patterns_as_problems(tmp_path: Path, book: Casebook) -> None:
    rows = [named_row("LOG-1", "2025-05-02", raiser_name="Siobhan Ó Ceallaigh",
                      summary="Siobhan gave her CHI 120385 1235.")]
    report = import_spreadsheet(book, write_csv(tmp_path / "log.csv", rows), today=TODAY,
                                pseudonymise=True)
    assert not report.ok and report.imported == 0
    assert [p.message for p in report.problems] == [
        "Row 2, summary: mentions a CHI number; leave it out (it cannot be replaced "
        "automatically, so correct the sheet)."]
    assert [(r.row, r.column, r.kinds) for r in report.replacements] == [
        (2, "summary", ("own_name",))]


def test_the_command_line_imports_with_pseudonymise(tmp_path: Path, monkeypatch,
                                                    capsys) -> None:  # type: ignore[no-untyped-def]
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    log = write_csv(tmp_path / "log.csv", _rows()[:1])
    code, out, err = run_cli(capsys, "import", str(log), "--casebook", str(folder))
    assert code == 1 and "Row 2, summary: mentions a held name; refer to the person as C." \
        in err and "Siobhan" not in err
    code, out, err = run_cli(capsys, "import", str(log), "--pseudonymise", "--json",
                             "--casebook", str(folder))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["imported"] == 1 and [r["kinds"] for r in doc["replacements"]] == [
        ["own_email"], ["own_name"], ["own_phone"]]
    assert "Row 2, summary: a held name replaced by C." in err
    assert "siobhan" not in (out + err).lower()
    with open_book(folder) as book:
        assert book.cases.execute("SELECT summary FROM concerns").fetchone()[0].startswith("C ")


def test_a_cell_over_the_limit_is_a_problem_before_anything_is_written(tmp_path: Path,
                                                                      book: Casebook) -> None:
    rows = [named_row("LOG-1", "2025-05-02", summary="word " * 25_000)]
    report = import_spreadsheet(book, write_csv(tmp_path / "log.csv", rows), today=TODAY,
                                dry_run=True)
    assert [p.message for p in report.problems] == [
        "Row 2, summary: is 124,999 characters long; at most 100,000 characters in a cell."]

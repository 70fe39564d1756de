"""Importing again: references are the key; the same row adds nothing, another is a conflict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.importing import import_spreadsheet
from app.importing.templates import EXAMPLE_ROWS, template_path
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
from tests.support import TODAY


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Path:
    """A casebook with the csv template imported through the CLI."""
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    assert run_cli(capsys, "import", str(template_path("csv")), "--casebook", str(folder))[0] == 0
    return folder


def _examples(**changes: dict[str, str]) -> list[dict[str, str]]:
    """The template's rows, with changes by reference."""
    return [{**row, **changes.get(row["reference"].replace("-", "_"), {})}
            for row in EXAMPLE_ROWS]


def test_the_same_file_again_adds_nothing_and_exits_0(
        imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_book(imported) as book:
        before = counts(book)
    for kind in ("csv", "xlsx"):
        code, out, err = run_cli(capsys, "import", str(template_path(kind)), "--casebook",
                                 str(imported))
        assert (code, out) == (0, "")
        assert err == (f"Nothing new to import: every row of import-template.{kind} is already "
                       "in the casebook.\n")
    with open_book(imported) as book:
        assert counts(book) == before  # not even an audit entry


def test_only_the_new_rows_of_a_longer_file_are_imported(
        imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    longer = write_xlsx(tmp_path / "longer.xlsx", [
        *EXAMPLE_ROWS, named_row("WB-2025-0007", "2025-11-10", raiser_name="Casey Example")])
    code, _, err = run_cli(capsys, "import", str(longer), "--casebook", str(imported))
    assert code == 0
    assert err == ("Imported 1 concern from longer.xlsx (1 named; 1 identity kept in "
                   "identities.db). 6 rows already in the casebook (unchanged).\n")
    with open_book(imported) as book:
        assert counts(book)["concerns"] == 7 and counts(book)["persons"] == 5


def test_a_dry_run_says_what_would_be_imported_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    with open_book(folder) as book:
        before = counts(book)
    code, out, err = run_cli(capsys, "import", str(template_path("xlsx")), "--dry-run",
                             "--json", "--casebook", str(folder))
    doc = json.loads(out)
    assert code == 0 and doc["ok"] and doc["dry_run"] and doc["imported"] == 0
    assert doc["new"] == [row["reference"] for row in EXAMPLE_ROWS]
    assert doc["by_anonymity"] == {"named": 4, "unnamed": 1, "anonymous": 1}
    assert err.startswith("Would import 6 concerns from import-template.xlsx")
    with open_book(folder) as book:
        assert counts(book) == before


def test_a_changed_row_is_a_conflict_and_nothing_is_imported(
        imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changed = _examples(
        WB_2025_0001={"summary": "Something else entirely.", "stage1_outcome": "upheld",
                      "raiser_name": "", "raiser_email": "", "raiser_phone": ""},
        WB_2025_0005={"stage2_response_date": "2025-11-20", "stage2_outcome": "not_upheld"})
    sheet = write_csv(tmp_path / "changed.csv",
                      [*changed, named_row("WB-2025-0099", "2025-11-10")])
    with open_book(imported) as book:
        before = counts(book)
    code, _, err = run_cli(capsys, "import", str(sheet), "--casebook", str(imported))
    assert code == 1
    assert err.splitlines() == [
        "Row 2, raiser_name: '' differs from concern WB-2025-0001 already in the casebook, "
        "which holds an identity; expected the identity as already recorded (an import never "
        "changes it).",
        "Row 2, summary: 'Something else entirely.' differs from concern WB-2025-0001 already "
        "in the casebook, which has 'C says observations are missed on night shifts when the "
        "ward is short of registered nurses.'; expected what the casebook holds: an import "
        "never changes a concern already recorded.",
        "Row 2, stage1_outcome: 'upheld' differs from concern WB-2025-0001 already in the "
        "casebook, which has 'partially_upheld'; expected what the casebook holds: an import "
        "never changes a concern already recorded.",
        "Row 6, stage2_response_date: '2025-11-20' differs from concern WB-2025-0005 already in "
        "the casebook, which has nothing; expected what the casebook holds: an import never "
        "changes a concern already recorded.",
        "Row 6, stage2_outcome: 'not_upheld' differs from concern WB-2025-0005 already in the "
        "casebook, which has nothing; expected what the casebook holds: an import never "
        "changes a concern already recorded.",
        "Nothing was imported: 5 problems to put right in changed.csv, 5 of them in conflict "
        "with concerns already in the casebook.",
    ]
    with open_book(imported) as book:
        assert counts(book) == before  # the new row waits too: nothing while any remains
        held = ConcernService(book).facts(ConcernService(book).id_for_reference("WB-2025-0005"))
        assert held.stage2 is not None and held.stage2.responded_on is None


def test_details_left_empty_are_not_compared(imported: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Imported history may lack a detail the casebook holds: that is no conflict."""
    thinner = _examples(WB_2025_0001={"channel": "", "consent_method": "",
                                      "stage1_handler": ""},
                        WB_2025_0002={"stage1_extension_reason": "", "stage1_extended_to": ""})
    code, _, err = run_cli(capsys, "import", str(write_csv(tmp_path / "thin.csv", thinner)),
                           "--casebook", str(imported))
    assert code == 0 and err.startswith("Nothing new to import")


def test_a_concern_changed_in_the_app_since_is_a_conflict(imported: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    from datetime import date

    from app.core.records import Outcome, Stage

    with open_book(imported) as book:
        service = ConcernService(book)
        concern_id = service.id_for_reference("WB-2025-0005")
        service.respond(concern_id, Stage.STAGE2, date(2025, 11, 21), Outcome.UPHELD)
    code, _, err = run_cli(capsys, "import", str(template_path("csv")), "--casebook",
                           str(imported))
    assert code == 1
    assert "Row 6, stage2_response_date: '' differs from concern WB-2025-0005 already in the " \
           "casebook, which has '2025-11-21'" in err


def test_a_reference_typed_in_the_app_is_compared_too(book: Casebook, tmp_path: Path) -> None:
    from datetime import date

    from app.core.identity import PersonDetails
    from app.core.records import (
        Anonymity,
        Channel,
        RaisedWith,
        RaiserCategory,
        ServiceType,
        Stage,
    )
    from app.store.concerns import NewConcern

    service = ConcernService(book, today=lambda: TODAY)
    service.create(NewConcern(
        received_on=date(2025, 3, 3), channel=Channel.PHONE, raised_with=RaisedWith.OTHER,
        raiser_category=RaiserCategory.EMPLOYEE, anonymity=Anonymity.NAMED,
        service_type=ServiceType.NHS, summary="C raised a concern.", starting_stage=Stage.STAGE1,
        consent_on=date(2025, 3, 3), reference="TYPED-1",
        person=PersonDetails(name="Someone")))
    same = named_row("TYPED-1", "03/03/2025", raiser_name="Someone Else",
                     consent_date="2025-03-03")
    report = import_spreadsheet(book, write_csv(tmp_path / "t.csv", [same]), today=TODAY)
    assert report.ok and report.already_imported == ("TYPED-1",)
    other = named_row("TYPED-1", "2025-03-04")
    report = import_spreadsheet(book, write_csv(tmp_path / "u.csv", [other]), today=TODAY)
    assert [(p.column, p.kind) for p in report.problems] == [
        ("received_date", "conflict"), ("consent_date", "conflict")]

"""The shipped templates: their columns, that they are current, and that both import."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importing.checking import check_sheet
from app.importing.columns import TEMPLATE_COLUMNS
from app.importing.existing import stored_content
from app.importing.sheets import read_sheet
from app.importing.templates import EXAMPLE_ROWS, csv_template, template_path, xlsx_template
from app.importing.timeline import row_facts
from app.store.concern_detail import load_concern
from app.store.concerns import ConcernService
from app.store.identities import IdentityService
from tests.importing.import_sheet_helpers import counts, init_casebook, open_book, run_cli
from tests.support import TODAY

# The issue's column list, in its order.
ISSUE_COLUMNS = [
    "reference", "received_date", "starting_stage", "anonymity", "raiser_name", "raiser_email",
    "raiser_phone", "raiser_category", "service_type", "service_area", "themes", "summary",
    "consent_date", "stage1_response_date", "stage1_extended", "escalation_date",
    "stage2_acknowledged_date", "stage2_response_date", "stage2_extended", "stage1_outcome",
    "stage2_outcome", "detriment", "signposted_inwo_date", "learning", "learning_publishable",
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_template_starts_with_the_issues_columns_in_order(kind: str) -> None:
    headings = read_sheet(template_path(kind)).headings
    assert [c.name for c in TEMPLATE_COLUMNS] == ISSUE_COLUMNS
    assert list(headings[:len(ISSUE_COLUMNS)]) == ISSUE_COLUMNS


def test_shipped_templates_are_the_ones_this_code_makes(tmp_path: Path) -> None:
    assert template_path("csv").read_bytes() == csv_template()
    made = tmp_path / "made.xlsx"
    made.write_bytes(xlsx_template())
    assert read_sheet(template_path("xlsx")) == read_sheet(made)
    # The csv and the xlsx hold the same rows (dates written differently read the same).
    csv_rows = check_sheet(read_sheet(template_path("csv")), today=TODAY).rows
    xlsx_rows = check_sheet(read_sheet(made), today=TODAY).rows
    assert [(r.reference, r.received_on, r.stage1, r.stage2) for r in csv_rows] == [
        (r.reference, r.received_on, r.stage1, r.stage2) for r in xlsx_rows]


def test_the_template_rows_are_realistic_and_pass_every_check() -> None:
    checked = check_sheet(read_sheet(template_path("csv")), today=TODAY)
    assert checked.problems == ()
    assert len(checked.rows) == len(EXAMPLE_ROWS) >= 5
    kinds = {row.anonymity.value for row in checked.rows}
    assert kinds == {"named", "unnamed", "anonymous"}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_the_template(kind: str, folder: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    init_casebook(folder, monkeypatch, capsys)
    code, out, err = run_cli(capsys, "import", str(template_path(kind)), "--casebook",
                             str(folder))
    assert code == 0, err
    assert out == ""
    assert err.strip() == (f"Imported 6 concerns from import-template.{kind} (4 named, "
                           "1 unnamed, 1 anonymous; 4 identities kept in identities.db).")
    rows = {row.reference: row for row in
            check_sheet(read_sheet(template_path(kind)), today=TODAY).rows}
    with open_book(folder) as book:
        assert counts(book)["concerns"] == 6 and counts(book)["persons"] == 4
        service = ConcernService(book)
        for reference, row in rows.items():
            concern_id = service.id_for_reference(reference)
            # The casebook reads back exactly the timeline that was checked before writing.
            assert service.facts(concern_id) == row_facts(row, concern_id)
        _check_details(book, service)


def _check_details(book: object, service: ConcernService) -> None:
    conn = service.conn
    first = load_concern(conn, service.id_for_reference("WB-2025-0001"))
    assert first.imported and first.has_person and first.pseudonym == "C"
    assert first.consent_method == "conversation" and first.channel == "in_person"
    assert first.stage("stage1").handler == "Senior charge nurse, ward 5"  # type: ignore
    assert first.themes == (("patient_safety", ""), ("staffing", ""))
    assert [(a.learning, a.publishable) for a in first.actions] == [
        ("Night shift staffing is now reviewed at the daily safety huddle.", True)]
    person = IdentityService(service.book).reveal(first.concern_id, "Test: check the import")
    assert (person.person.name, person.person.email, person.person.phone) == (
        "Alex Example", "alex.example@example.org", "07700 900123")

    # Missing details of imported history are kept as nothing, on records marked imported.
    second = load_concern(conn, service.id_for_reference("WB-2025-0002"))
    assert second.consent_method == "not_recorded"
    assert second.stage("stage2").handler is None  # type: ignore[union-attr]
    assert second.stage("stage2").entry == "escalated"  # type: ignore[union-attr]
    [extension] = second.extensions
    assert extension.imported and extension.authorised_by is None
    assert extension.authorised_on is None and extension.reason == "The ward manager was on leave."
    assert [s.body for s in second.signposting] == ["inwo"]
    fifth = load_concern(conn, service.id_for_reference("WB-2025-0005"))
    [extension] = fifth.extensions
    assert (extension.reason, extension.authorised_by, extension.imported) == (None, None, True)
    assert fifth.closure == "open" and len(fifth.detriment) == 1

    unnamed = load_concern(conn, service.id_for_reference("WB-2025-0004"))
    assert not unnamed.has_person and unnamed.anonymity == "unnamed"
    assert ("other", "Lone working") in unnamed.themes  # a local theme
    anonymous = load_concern(conn, service.id_for_reference("WB-2025-0003"))
    assert not anonymous.has_person and anonymous.raiser_category == "other"
    assert anonymous.stages == () and anonymous.decision == "undecided"
    withdrawn = load_concern(conn, service.id_for_reference("WB-2025-0006"))
    assert (withdrawn.closure, withdrawn.closure_reason) == (
        "withdrawn", "C decided not to go on with the concern.")


def test_csv_and_xlsx_templates_import_to_the_same_content(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    held = {}
    for kind in ("csv", "xlsx"):
        folder = init_casebook(tmp_path / kind, monkeypatch, capsys)
        assert run_cli(capsys, "import", str(template_path(kind)), "--casebook",
                       str(folder))[0] == 0
        with open_book(folder) as book:
            service = ConcernService(book)
            held[kind] = {
                example["reference"]: stored_content(load_concern(
                    service.conn, service.id_for_reference(example["reference"])))
                for example in EXAMPLE_ROWS}
    assert held["csv"] == held["xlsx"]


def test_the_readme_documents_every_column_in_order() -> None:
    from app.importing.columns import COLUMNS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Importing an existing log"):]
    documented = [line.split("`")[1] for line in section.splitlines()
                  if line.startswith("| `")]
    assert documented == [column.name for column in COLUMNS]

"""The import's columns for casework: each issue with its service and outcomes, and the flag
for contracted or primary-care services; an older template still imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.kpi import compute_figures
from app.core.periods import parse_period
from app.importing.checking import check_sheet
from app.importing.columns import TEMPLATE_COLUMNS
from app.importing.sheets import read_sheet
from app.store.concern_detail import load_concern
from app.store.concerns import ConcernService
from tests.importing.import_sheet_helpers import (
    init_casebook,
    named_row,
    open_book,
    run_cli,
    write_csv,
)
from tests.support import TODAY


def test_issues_with_their_services_and_outcomes_and_the_contracted_flag(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    init_casebook(folder, monkeypatch, capsys)
    sheet = write_csv(tmp_path / "log.csv", [
        named_row("WB-1", "2025-05-06", service_type="both", stage1_response_date="2025-05-09",
                  stage1_outcome="partially_upheld", consent_date="2025-05-06",
                  contracted_service="yes",
                  issue1="Night staffing", issue1_service_type="nhs",
                  issue1_stage1_outcome="upheld",
                  issue2="Home care visits", issue2_service_type="local_authority",
                  issue2_stage1_outcome="not_upheld"),
        named_row("WB-2", "2025-05-07", consent_date="2025-05-07")])
    code, _, err = run_cli(capsys, "import", str(sheet), "--casebook", str(folder))
    assert code == 0, err
    with open_book(folder) as book:
        service = ConcernService(book, today=lambda: TODAY)
        detail = load_concern(book.cases, service.id_for_reference("WB-1"))
        assert [(i.description, i.service_type, i.stage1_outcome) for i in detail.issues] == [
            ("Night staffing", "nhs", "upheld"),
            ("Home care visits", "local_authority", "not_upheld")]
        assert detail.contracted
        assert not load_concern(book.cases, service.id_for_reference("WB-2")).contracted
        figures = compute_figures(service.all_facts(), parse_period("2025-26-Q1"),
                                  service.calendar())
        assert figures["contracted_services"]["stage1"] == 1
        assert figures["received"]["stage1"] == 2
    # The same file again adds nothing: the issues are the same as held.
    code, _, err = run_cli(capsys, "import", str(sheet), "--casebook", str(folder))
    assert code == 0, err
    changed = write_csv(tmp_path / "changed.csv", [
        named_row("WB-1", "2025-05-06", service_type="both", stage1_response_date="2025-05-09",
                  stage1_outcome="partially_upheld", consent_date="2025-05-06",
                  contracted_service="yes", issue1="Night staffing",
                  issue1_service_type="local_authority", issue1_stage1_outcome="upheld",
                  issue2="Home care visits", issue2_service_type="local_authority",
                  issue2_stage1_outcome="not_upheld")])
    code, _, err = run_cli(capsys, "import", str(changed), "--casebook", str(folder))
    assert code == 1 and "issue1_service_type" in err and "differs" in err


def test_issue_problems_are_one_sentence_each(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "log.csv", [
        named_row("WB-1", "2025-05-06", service_type="both", consent_date="2025-05-06",
                  issue1="Night staffing"),
        named_row("WB-2", "2025-05-06", consent_date="2025-05-06", issue1="Rota",
                  issue1_stage1_outcome="upheld"),
        named_row("WB-3", "2025-05-06", consent_date="2025-05-06", issue2_service_type="nhs"),
        named_row("WB-4", "2025-05-06", consent_date="2025-05-06", issue1="Rota",
                  issue1_service_type="both")])
    problems = {(p.row, p.column, p.issue) for p in check_sheet(read_sheet(sheet),
                                                                 today=TODAY).problems}
    assert problems == {
        (2, "issue1_service_type", "is empty for a concern about both services"),
        (3, "issue1_stage1_outcome", "is given but stage1_outcome is empty"),
        (4, "issue2", "is empty but the issue's service or outcomes are given"),
        (5, "issue1_service_type", "is not one of the choices")}


def test_a_sheet_from_the_older_template_still_imports(folder: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    init_casebook(folder, monkeypatch, capsys)
    old = [c.name for c in TEMPLATE_COLUMNS]
    sheet = write_csv(tmp_path / "old.csv", [named_row("WB-9", "2025-05-06",
                                                       consent_date="2025-05-06")], old)
    code, _, err = run_cli(capsys, "import", str(sheet), "--casebook", str(folder))
    assert code == 0, err
    with open_book(folder) as book:
        detail = load_concern(book.cases, ConcernService(book).id_for_reference("WB-9"))
        assert detail.issues == () and not detail.contracted

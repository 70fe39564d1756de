"""A generated 500-row workbook (the 5,000-row figure is in bench_import_sheet.py): imported
whole in one change, with progress, cancellable, and read back exactly as checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importing import ImportCancelled, import_spreadsheet
from app.importing.checking import check_sheet
from app.importing.sheets import read_sheet
from app.importing.timeline import row_facts
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.importing.import_sheet_helpers import counts, generated_rows, write_xlsx
from tests.support import TODAY

ROWS = 500


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_xlsx(tmp_path_factory.mktemp("log") / "log.xlsx", generated_rows(ROWS))


def test_a_500_row_workbook_imports_whole(book: Casebook, log: Path) -> None:
    calls: list[tuple[int, int]] = []
    report = import_spreadsheet(book, log, today=TODAY,
                                on_progress=lambda done, total: calls.append((done, total)))
    assert report.ok and report.imported == ROWS and len(report.new) == ROWS
    assert counts(book)["concerns"] == ROWS
    assert counts(book)["persons"] == report.identities == report.by_anonymity["named"]
    # Progress: checking then writing, never backwards, ending at the total.
    assert calls[-1] == (2 * ROWS, 2 * ROWS)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert {total for _, total in calls} == {2 * ROWS}

    service = ConcernService(book, today=lambda: TODAY)
    for row in check_sheet(read_sheet(log), today=TODAY).rows:
        concern_id = service.id_for_reference(row.reference)
        assert service.facts(concern_id) == row_facts(row, concern_id)

    again = import_spreadsheet(book, log, today=TODAY)
    assert again.ok and again.imported == 0 and len(again.already_imported) == ROWS


def test_the_import_is_one_transaction_per_database(book: Casebook, log: Path) -> None:
    """Seen from a second connection, nothing of the import shows until it is all there."""
    from app.store import database, keys

    other = database.connect(book.folder / "cases.db", keys.database_key(book.master_key,
                                                                          "cases"))
    seen: list[int] = []

    def peek(done: int, total: int) -> None:
        if done > ROWS:  # writing: the other connection still sees no concern
            seen.append(other.execute("SELECT count(*) FROM concerns").fetchone()[0])

    try:
        import_spreadsheet(book, log, today=TODAY, on_progress=peek)
        assert seen and set(seen) == {0}
        assert other.execute("SELECT count(*) FROM concerns").fetchone()[0] == ROWS
    finally:
        other.close()


def test_cancelling_while_writing_leaves_both_databases_as_they_were(book: Casebook,
                                                                     log: Path) -> None:
    before = counts(book)
    progress: list[int] = []

    def cancelled() -> bool:
        return bool(progress) and progress[-1] >= ROWS + ROWS // 2  # half-way through writing

    with pytest.raises(ImportCancelled, match="nothing was imported"):
        import_spreadsheet(book, log, today=TODAY, cancelled=cancelled,
                           on_progress=lambda done, total: progress.append(done))
    assert progress[-1] > ROWS  # it was writing when it stopped
    assert counts(book) == before

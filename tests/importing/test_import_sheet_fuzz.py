"""Whatever a sheet holds, checking it gives a clean list of problems, never a crash; and a
row the check passes is one the casebook accepts, read back exactly as checked."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importing.checking import check_sheet
from app.importing.columns import BY_NAME, COLUMNS, Kind
from app.importing.problems import ImportProblem
from app.importing.sheets import Sheet, SheetRow
from app.importing.timeline import row_facts
from app.importing.writer import write_row
from app.store.batch import casebook_batch
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.importing.import_sheet_helpers import HEADINGS
from tests.support import TODAY

_HEADINGS = st.one_of(
    st.just(HEADINGS),
    st.lists(st.sampled_from([*HEADINGS, "Notes", "Received Date", "", "REFERENCE"]),
             max_size=12).map(tuple),
    st.lists(st.text(max_size=12), max_size=6).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(headings=_HEADINGS,
       rows=st.lists(st.lists(st.text(max_size=30), max_size=45), max_size=6))
def test_any_cells_give_a_clean_problem_list(headings: tuple[str, ...],
                                             rows: list[list[str]]) -> None:
    sheet = Sheet(headings, tuple(SheetRow(n, tuple(cells)) for n, cells in enumerate(rows, 2)))
    checked = check_sheet(sheet, today=TODAY)
    for problem in checked.problems:
        assert isinstance(problem, ImportProblem)
        assert problem.expected and problem.message.endswith(".")
    assert len(checked.rows) <= len(rows)


# ----- plausible values: the combinations a real log holds, good and bad ---------------------

_DAYS = [date(2024, 3, 1), date(2024, 3, 4), date(2024, 3, 8), date(2024, 3, 15),
         date(2024, 4, 2), date(2024, 5, 31), date(2027, 1, 1)]
_DATES = st.one_of(st.just(""), st.sampled_from(_DAYS).flatmap(
    lambda d: st.sampled_from([d.isoformat(), f"{d:%d/%m/%Y}"])), st.just("31/02/2024"))


def _value(name: str) -> st.SearchStrategy[str]:
    column = BY_NAME[name]
    if column.kind is Kind.DATE:
        return _DATES
    if column.kind is Kind.YES_NO:
        return st.sampled_from(["", "yes", "no", "Yes", "maybe"])
    if column.kind is Kind.STAGE:
        return st.sampled_from(["", "1", "2", "Stage 2", "3"])
    if column.kind is Kind.CHOICE:
        from app.importing.columns import CHOICES

        return st.one_of(st.just(""), st.sampled_from(CHOICES[name]), st.just("nonsense"))
    if name == "received_date":
        return _DATES
    return st.sampled_from(["", "Pat Example", "patient_safety; Car parking", "a@example.org"])


_CORE = ("received_date", "anonymity", "service_type", "raiser_category", "starting_stage")
_OTHERS = [column.name for column in COLUMNS if column.name not in ("reference", *_CORE)]


@st.composite
def _row(draw: st.DrawFn) -> dict[str, str]:
    """A row that is often valid: the main columns mostly right, a few others filled in."""
    row = dict.fromkeys(HEADINGS, "")
    row["received_date"] = draw(_DATES.filter(bool))
    row["anonymity"] = draw(st.sampled_from(["named", "named", "unnamed", "anonymous", "x"]))
    row["service_type"] = draw(st.sampled_from(["nhs", "local_authority", "both"]))
    row["raiser_category"] = draw(st.sampled_from(["employee", "other", ""]))
    row["starting_stage"] = draw(st.sampled_from(["1", "1", "2", ""]))
    for name in draw(st.sets(st.sampled_from(_OTHERS), max_size=6)):
        row[name] = draw(_value(name))
    return row


class _RollBack(Exception):
    """Ends a batch so each example leaves the casebook as it found it."""


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_row(), min_size=1, max_size=4))
def test_rows_the_check_passes_are_accepted_and_read_back_as_checked(
        book: Casebook, values: list[dict[str, str]]) -> None:
    rows = tuple(SheetRow(n, (f"F-{n}", *(v[name] for name in HEADINGS[1:])))
                 for n, v in enumerate(values, 2))
    checked = check_sheet(Sheet(HEADINGS, rows), today=TODAY)
    service = ConcernService(book, today=lambda: TODAY)
    with contextlib.suppress(_RollBack), casebook_batch(book):
        for row in checked.rows:
            concern_id = write_row(service, row)  # no RuleError: the check foresaw the rules
            assert service.facts(concern_id) == row_facts(row, concern_id)
        raise _RollBack
    assert book.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == 0

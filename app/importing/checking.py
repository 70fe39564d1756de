"""Checking a whole sheet without touching the casebook: headings, every row, references.

`check_sheet` is pure: it reads nothing but the sheet it is given, writes
nothing, and whatever the cells hold it returns a clean list of problems (never
an exception), so the same check serves the dry run, the import and the GUI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.core.calendar import WorkingCalendar
from app.core.timescales import DEFAULT_TIMESCALES, Timescales
from app.importing.cells import RowCells
from app.importing.columns import COLUMNS, Column, column_for
from app.importing.problems import ImportProblem
from app.importing.rows import ImportRow, read_row, row_problems
from app.importing.sheets import Sheet, SheetRow
from app.importing.timeline import rule_problems

Progress = Callable[[int, int], None]

_REQUIRED = tuple(column.name for column in COLUMNS if column.required)
_ORDER = {column.name: index for index, column in enumerate(COLUMNS)}


@dataclass(frozen=True)
class Layout:
    """Which sheet position holds which column."""

    positions: dict[str, int]  # column name -> index in a row's cells
    problems: tuple[ImportProblem, ...]

    @property
    def missing(self) -> frozenset[str]:
        return frozenset(name for name in _REQUIRED if name not in self.positions)


@dataclass(frozen=True)
class CheckedSheet:
    rows: tuple[ImportRow, ...]  # rows that passed every check of their own
    problems: tuple[ImportProblem, ...]
    row_count: int  # data rows in the sheet
    columns: frozenset[str]  # the columns the sheet has


def _column_label(index: int) -> str:
    """A spreadsheet's column letter: 0 -> A, 26 -> AA."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def _heading_problem(heading: str, issue: str, expected: str) -> ImportProblem:
    return ImportProblem(None, heading, heading, issue, expected)


def _unheaded_values(sheet: Sheet, width: int) -> list[ImportProblem]:
    """Values in a column that has no heading (or beyond the last heading)."""
    found: list[ImportProblem] = []
    for index in range(width):
        if index < len(sheet.headings) and sheet.headings[index]:
            continue
        first = next((row.number for row in sheet.rows
                      if index < len(row.cells) and row.cells[index]), None)
        if first is not None:
            found.append(_heading_problem(
                _column_label(index), f"has no heading but holds values (first in row {first})",
                "a heading from the import template, or an empty column"))
    return found


def read_layout(sheet: Sheet) -> Layout:
    positions: dict[str, int] = {}
    problems: list[ImportProblem] = []
    for index, heading in enumerate(sheet.headings):
        if not heading:
            continue
        column: Column | None = column_for(heading)
        if column is None:
            problems.append(_heading_problem(
                heading, "is not a column Casebook knows",
                "one of the import template's columns: rename the heading, or delete the "
                "column if it should not be imported"))
        elif column.name in positions:
            problems.append(_heading_problem(
                heading, f"is a second {column.name} column",
                "each column once"))
        else:
            positions[column.name] = index
    width = max([len(sheet.headings), *(len(row.cells) for row in sheet.rows)])
    problems.extend(_unheaded_values(sheet, width))
    for name in _REQUIRED:
        if name not in positions:
            problems.append(_heading_problem(name, "is missing from the sheet",
                                             f"a column headed {name}, as every row needs one"))
    return Layout(positions, tuple(problems))


def _cells(layout: Layout, row: SheetRow) -> RowCells:
    values = {name: row.cells[index] if index < len(row.cells) else ""
              for name, index in layout.positions.items()}
    return RowCells(row.number, values)


def _duplicate_references(layout: Layout, sheet: Sheet) -> list[ImportProblem]:
    """Each reference after its first use in the file (references are the import's key)."""
    position = layout.positions.get("reference")
    if position is None:
        return []
    first: dict[str, int] = {}
    found: list[ImportProblem] = []
    for row in sheet.rows:
        reference = row.cells[position].strip() if position < len(row.cells) else ""
        if not reference:
            continue
        if reference in first:
            found.append(ImportProblem(
                row.number, "reference", reference, f"is already used in row {first[reference]}",
                "a reference used once in the file"))
        else:
            first[reference] = row.number
    return found


def _sort_key(problem: ImportProblem) -> tuple[int, int]:
    """The sheet's problems first, as found; then by row, in column order (a stable sort)."""
    if problem.row is None:
        return (0, 0)
    return (problem.row, _ORDER.get(problem.column or "", -1))


def check_row(layout: Layout, sheet_row: SheetRow, *, today: date, calendar: WorkingCalendar,
              timescales: Timescales) -> tuple[ImportRow | None, list[ImportProblem]]:
    """One row: its cells, then (once every cell reads) its own consistency and the rules."""
    cells = _cells(layout, sheet_row)
    row = read_row(cells, layout.missing)
    if row is None:
        return None, cells.problems
    problems = row_problems(row, today)
    if not problems:
        problems = rule_problems(row, today=today, calendar=calendar, timescales=timescales)
    return (None if problems else row), problems


def check_sheet(sheet: Sheet, *, today: date, calendar: WorkingCalendar | None = None,
                timescales: Timescales = DEFAULT_TIMESCALES,
                on_row: Progress | None = None) -> CheckedSheet:
    """Every problem in the sheet, and the rows that have none of their own."""
    working = calendar if calendar is not None else WorkingCalendar()
    layout = read_layout(sheet)
    problems = list(layout.problems)
    read: list[ImportRow] = []
    for done, sheet_row in enumerate(sheet.rows, start=1):
        row, found = check_row(layout, sheet_row, today=today, calendar=working,
                               timescales=timescales)
        problems.extend(found)
        if row is not None:
            read.append(row)
        if on_row is not None:
            on_row(done, len(sheet.rows))
    duplicates = _duplicate_references(layout, sheet)
    repeated = {problem.row for problem in duplicates}
    problems.extend(duplicates)
    good = tuple(row for row in read if row.number not in repeated)
    return CheckedSheet(good, tuple(sorted(problems, key=_sort_key)), len(sheet.rows),
                        frozenset(layout.positions))

"""Reading a .csv or .xlsx file into plain text cells, row by row.

Row 1 holds the headings; rows are numbered as the spreadsheet shows them, so a
problem's row number is the one the contact sees. Every cell becomes text:
Excel dates become YYYY-MM-DD, whole numbers lose their ".0", TRUE and FALSE
become yes and no. Completely empty rows are skipped. A .csv file may be UTF-8
(with or without the mark Excel adds) or Windows-1252, as Excel saves "CSV
(Comma delimited)" on a UK laptop. Of a workbook, the first sheet is read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from app.importing.problems import ImportFileError

SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class SheetRow:
    number: int  # as the spreadsheet shows it: the headings are row 1
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Sheet:
    headings: tuple[str, ...]
    rows: tuple[SheetRow, ...]


def cell_text(value: object) -> str:
    """A cell's value as the text a person would read in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):  # Excel keeps dates as midnight date-times
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def sheet_from_rows(rows: Iterable[Iterable[object]]) -> Sheet:
    """A sheet from rows of cell values, the first being the headings."""
    headings: tuple[str, ...] | None = None
    found: list[SheetRow] = []
    for number, values in enumerate(rows, start=1):
        cells = tuple(cell_text(value) for value in values)
        if headings is None:
            headings = cells
            continue
        if any(cells):
            found.append(SheetRow(number, cells))
    if headings is None or not any(headings):
        raise ImportFileError("The file is empty: row 1 should hold the column headings of the "
                              "import template.")
    return Sheet(_trim_headings(headings), tuple(found))


def _trim_headings(headings: tuple[str, ...]) -> tuple[str, ...]:
    """Drop empty headings at the end of row 1 (spreadsheets often carry some)."""
    end = len(headings)
    while end and not headings[end - 1]:
        end -= 1
    return headings[:end]


def read_sheet(path: Path) -> Sheet:
    """The sheet in a .csv or .xlsx file; ImportFileError when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportFileError(f"{path.name} is not a .csv or .xlsx file; save the sheet in one "
                              "of those formats and import that.")
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(f"There is no file {path}.") from exc
    except OSError as exc:
        raise ImportFileError(f"{path.name} cannot be read: {exc.strerror}.") from exc
    return _read_xlsx(data, path.name) if suffix == ".xlsx" else _read_csv(data, path.name)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes, name: str) -> Sheet:
    try:
        return sheet_from_rows(csv.reader(io.StringIO(_decode(data), newline="")))
    except csv.Error as exc:
        raise ImportFileError(f"{name} is not a readable CSV file ({exc}).") from exc


def _read_xlsx(data: bytes, name: str) -> Sheet:
    from openpyxl import load_workbook  # only an .xlsx import pays for loading openpyxl

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(f"{name} is not a readable Excel workbook (.xlsx).") from exc
    try:
        if not workbook.worksheets:
            raise ImportFileError(f"{name} has no sheets.")
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong size; read every cell
        return sheet_from_rows(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()

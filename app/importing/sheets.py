"""Reading a .csv or .xlsx file into plain text cells, row by row.

Row 1 holds the headings; rows are numbered as the spreadsheet shows them, so a
problem's row number is the one the contact sees. Every cell becomes text:
Excel dates become YYYY-MM-DD, whole numbers lose their ".0", TRUE and FALSE
become yes and no. Completely empty rows are skipped. A .csv file is decoded
strictly (app/importing/decoding.py): UTF-8, UTF-16 with its mark, or
Windows-1252 only when nothing in it is UTF-8; a byte its encoding does not
define is refused with its row and column. Of a workbook, the first sheet is
read, by calamine (a Rust reader that expands no XML entities, so an entity bomb
or an external entity does nothing), after a look at the zip that refuses a
bomb or more rows than an import takes before anything is parsed. Files over
50 MB or 100,000 rows are refused at once.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from app.importing import decoding
from app.importing.problems import ImportFileError

SUFFIXES = (".csv", ".xlsx")
MAX_FILE_BYTES = 50 * 10**6  # a log of concerns is kilobytes to a few megabytes
MAX_ROWS = 100_000  # data rows below the headings
MAX_UNPACKED_BYTES = 400 * 10**6  # an .xlsx's parts once unzipped (100,000 wide rows fit)


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
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(
                f"{path.name} is {size / 1e6:.0f} MB, more than the {MAX_FILE_BYTES // 10**6} MB "
                "an import takes; split the log into smaller files and import each.")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(f"There is no file {path}.") from exc
    except OSError as exc:
        raise ImportFileError(f"{path.name} cannot be read: {exc.strerror}.") from exc
    return _read_xlsx(data, path.name) if suffix == ".xlsx" else _read_csv(data, path.name)


def _too_many_rows(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name} has more than {MAX_ROWS:,} rows, more than an import takes; split the log "
        "into smaller files and import each.")


def _limited(rows: Iterable[Iterable[object]], name: str) -> Iterator[Iterable[object]]:
    """The rows, refusing at once when there are more than the headings and MAX_ROWS."""
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:
            raise _too_many_rows(name)
        yield row


def _read_csv(data: bytes, name: str) -> Sheet:
    decoded = decoding.decode(data)
    if "\0" in decoded.text:
        raise ImportFileError(
            f"{name} holds NUL characters, so it is not plain text (it may be UTF-16 saved "
            "without its byte-order mark); save it again as CSV UTF-8 and import that.")
    try:
        sheet = sheet_from_rows(_limited(csv.reader(io.StringIO(decoded.text, newline="")),
                                         name))
    except csv.Error as exc:
        raise ImportFileError(f"{name} is not a readable CSV file ({exc}).") from exc
    _refuse_bad_bytes(sheet, name, decoded.encoding)
    return sheet


def _refuse_bad_bytes(sheet: Sheet, name: str, encoding: str) -> None:
    """Name the first cell holding a byte the file's encoding does not define."""
    cells = [(1, i, cell) for i, cell in enumerate(sheet.headings)]
    cells += [(row.number, i, cell) for row in sheet.rows for i, cell in enumerate(row.cells)]
    for number, index, cell in cells:
        byte = decoding.bad_byte_in(cell)
        if byte is None:
            continue
        heading = sheet.headings[index] if index < len(sheet.headings) else ""
        column = heading if heading and decoding.bad_byte_in(heading) is None else (
            f"column {index + 1}")
        raise ImportFileError(
            f"{name} cannot be read as {encoding} text: row {number}, {column} holds the byte "
            f"{byte}, which is not {encoding}, so names in it could be read wrongly; save the "
            "file again as CSV UTF-8 and import that. Nothing was imported.")


def _read_xlsx(data: bytes, name: str) -> Sheet:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, XmlError, ZipError

    _check_xlsx_size(data, name)
    broken = f"{name} is not a readable Excel workbook (.xlsx)."
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise ImportFileError(f"{name} is protected by a password; save a copy without one "
                              "and import that.") from exc
    except (CalamineError, XmlError, ZipError, ValueError, OSError) as exc:
        raise ImportFileError(broken) from exc
    try:
        if not workbook.sheet_names:
            raise ImportFileError(f"{name} has no sheets.")
        try:
            rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except (CalamineError, XmlError, ZipError, ValueError, OSError, IndexError) as exc:
            raise ImportFileError(broken) from exc
        return sheet_from_rows(_limited(rows, name))
    finally:
        workbook.close()


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


def _check_xlsx_size(data: bytes, name: str) -> None:
    """Before parsing: a workbook that unpacks to far more than a log could (a zip bomb), or
    whose sheets hold more rows than an import takes, is refused at once, counting rows
    as the sheets are unpacked and stopping at the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFileError(f"{name} is not a readable Excel workbook (.xlsx).") from exc
    with archive:
        entries = archive.infolist()
        if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
            raise ImportFileError(
                f"{name} unpacks to more than {MAX_UNPACKED_BYTES // 10**6} MB, far more than "
                "a log of concerns; it is not imported.")
        sheets = [entry for entry in entries if entry.filename.startswith("xl/worksheets/")
                  and entry.filename.endswith(".xml")]
        if any(_rows_in(archive, entry) > MAX_ROWS + 1 for entry in sheets):
            raise _too_many_rows(name)


def _rows_in(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> int:
    """How many row elements a sheet's XML holds, up to just past the limit."""
    count, tail = 0, b""
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(1 << 20):
                block = tail + chunk
                count += len(_ROW_TAG.findall(block))
                tail = block[-16:]
                count -= len(_ROW_TAG.findall(tail))  # counted again with the next chunk
                if count > MAX_ROWS + 1:
                    break
            count += len(_ROW_TAG.findall(tail))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
        raise ImportFileError(f"{archive.filename or 'The workbook'} is damaged; open it in "
                              "Excel and save it again.") from exc
    return count

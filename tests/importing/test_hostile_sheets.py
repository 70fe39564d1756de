"""Hostile and damaged spreadsheets: each ends in one plain sentence, nothing imported.

The attacks: a stray byte that used to switch a whole UTF-8 file to Windows-1252 (names
stored as mojibake, then missed by the identity scan), UTF-16 with and without its mark,
bytes Windows-1252 does not define, an XML entity bomb and an external entity in a
workbook, a 2-million-row workbook, a file far too big, a zip bomb, thousands of
problems, and control characters that would reach the terminal.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from app.importing import import_spreadsheet, sheets
from app.importing.decoding import decode, has_utf8_multibyte
from app.importing.problems import ImportFileError
from app.store.casebook import Casebook
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

NAME = "Siobhán Ó Ceallaigh"


def _csv_bytes(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    import csv

    writer = csv.writer(buffer)
    writer.writerow(HEADINGS)
    for row in rows:
        writer.writerow([row.get(name, "") for name in HEADINGS])
    return buffer.getvalue()


def _two_people() -> str:
    return _csv_bytes([named_row("R-1", "2025-05-01", raiser_name=NAME),
                       named_row("R-2", "2025-05-02", raiser_name="Zoë Brûlé")])


def _import(book: Casebook, path: Path):  # type: ignore[no-untyped-def]
    return import_spreadsheet(book, path, today=TODAY)


def _names(book: Casebook) -> set[str]:
    return {row[0] for row in book.identities().execute("SELECT name FROM persons")}


# ----- text decoding ---------------------------------------------------------------------


def test_one_stray_byte_in_a_utf8_file_is_refused_with_its_row_and_column(
        tmp_path: Path, book: Casebook) -> None:
    text = _two_people()
    data = text.encode("utf-8")
    # The stray byte goes into row 3's summary, after the valid UTF-8 names of rows 2 and 3.
    at = data.index(b"C raised a concern.", data.index(b"R-2"))
    path = tmp_path / "log.csv"
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    before = counts(book)
    with pytest.raises(ImportFileError) as raised:
        _import(book, path)
    message = str(raised.value)
    assert "cannot be read as UTF-8" in message and "row 3, summary" in message
    assert "0xFF" in message and "Nothing was imported" in message
    assert "Ã" not in message and NAME not in message and "\n" not in message
    assert counts(book) == before


def test_a_stray_byte_never_turns_the_file_into_windows_1252(tmp_path: Path,
                                                             book: Casebook) -> None:
    """The old reading: decode as cp1252 with replacement, storing "SiobhÃ¡n"."""
    data = _two_people().encode("utf-8") + b"\x81"
    assert has_utf8_multibyte(data)
    assert decode(data).encoding == "UTF-8"
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match="UTF-8"):
        _import(book, path)
    assert _names(book) == set()


def test_a_real_windows_1252_file_still_reads_with_its_accents(tmp_path: Path,
                                                               book: Casebook) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(_two_people().encode("cp1252"))
    assert decode(path.read_bytes()).encoding == "Windows-1252"
    report = _import(book, path)
    assert report.ok and report.imported == 2, [p.message for p in report.problems]
    assert _names(book) == {NAME, "Zoë Brûlé"}


def test_a_byte_windows_1252_does_not_define_is_refused(tmp_path: Path,
                                                        book: Casebook) -> None:
    data = _two_people().encode("cp1252")
    at = data.index(b"C raised")
    path = tmp_path / "log.csv"
    path.write_bytes(data[:at] + b"\x81" + data[at:])
    with pytest.raises(ImportFileError) as raised:
        _import(book, path)
    assert "cannot be read as Windows-1252" in str(raised.value)
    assert "row 2, summary" in str(raised.value) and "0x81" in str(raised.value)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_their_mark_read_as_such(tmp_path: Path, book: Casebook,
                                                      codec: str) -> None:
    text = _two_people()
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    report = _import(book, path)
    assert report.ok and report.imported == 2, [p.message for p in report.problems][:3]
    assert _names(book) == {NAME, "Zoë Brûlé"}


def test_utf16_without_its_mark_is_one_sentence_and_no_nul_reaches_the_terminal(
        tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    init_casebook(folder, monkeypatch, capsys)
    path = tmp_path / "log.csv"
    path.write_bytes(_two_people().encode("utf-16-le"))
    code, out, err = run_cli(capsys, "import", str(path), "--casebook", str(folder))
    assert code == 1 and out == ""
    assert "\0" not in err and err.count("\n") == 1 and "NUL characters" in err


def test_a_utf16_file_with_bad_surrogates_names_the_cell(tmp_path: Path,
                                                         book: Casebook) -> None:
    data = _two_people().encode("utf-16-le")
    at = data.index("C raised".encode("utf-16-le"))
    path = tmp_path / "log.csv"
    path.write_bytes(b"\xff\xfe" + data[:at] + b"\x00\xdc" + data[at:])  # a lone low surrogate
    with pytest.raises(ImportFileError) as raised:
        _import(book, path)
    assert "cannot be read as UTF-16" in str(raised.value) and "row 2, summary" in str(
        raised.value)


# ----- hostile workbooks -------------------------------------------------------------------


def _workbook_with(tmp_path: Path, replace: dict[str, bytes]) -> Path:
    """A real workbook (openpyxl) with some of its parts replaced."""
    plain = write_xlsx(tmp_path / "plain.xlsx", [named_row("R-1", "2025-05-01")])
    path = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w",
                                                           zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item)))
        for name, data in replace.items():
            if name not in source.namelist():
                target.writestr(name, data)
    return path


_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>reference</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>
</sheetData></worksheet>"""


def test_an_xml_entity_bomb_is_one_plain_sentence(tmp_path: Path, book: Casebook) -> None:
    path = _workbook_with(tmp_path, {"xl/worksheets/sheet1.xml": _BOMB})
    before = counts(book)
    with pytest.raises(ImportFileError) as refused:  # calamine expands no entity: unreadable
        _import(book, path)
    assert str(refused.value) == "hostile.xlsx is not a readable Excel workbook (.xlsx)."
    assert counts(book) == before


def test_an_external_entity_never_reads_the_file_it_names(tmp_path: Path,
                                                          book: Casebook) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FROM-ANOTHER-FILE")
    xxe = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://'
           + str(secret).encode() + b'">]>'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>reference</t></is></c>'
           b'<c r="B1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>')
    path = _workbook_with(tmp_path, {"xl/worksheets/sheet1.xml": xxe})
    try:
        report = _import(book, path)
        said = " ".join(p.message for p in report.problems) + report.summary()
    except ImportFileError as refused:
        said = str(refused)
    assert "SECRET-FROM-ANOTHER-FILE" not in said


def _many_rows_xlsx(path: Path, rows: int) -> Path:
    """A workbook of `rows` rows below the headings, written straight as XML (fast)."""
    plain = write_xlsx(path.with_name("plain.xlsx"), [])
    body = io.BytesIO()
    body.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
               b'<t>reference</t></is></c></row>')
    body.write(b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n)
                        for n in range(2, rows + 2)))
    body.write(b"</sheetData></worksheet>")
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w",
                                                           zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = body.getvalue() if item.filename == "xl/worksheets/sheet1.xml" else \
                source.read(item)
            target.writestr(item.filename, data)
    return path


def test_a_two_million_row_workbook_is_refused_before_it_is_parsed(
        tmp_path: Path, book: Casebook, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _many_rows_xlsx(tmp_path / "huge.xlsx", 2_000_000)
    assert path.stat().st_size < sheets.MAX_FILE_BYTES  # small on disk, huge inside
    import python_calamine

    def never(*args: object, **kwargs: object) -> object:
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", never)
    with pytest.raises(ImportFileError) as raised:
        _import(book, path)
    assert "more than 100,000 rows" in str(raised.value)


def test_the_row_limit_is_exact(tmp_path: Path) -> None:
    at_limit = _many_rows_xlsx(tmp_path / "a.xlsx", sheets.MAX_ROWS)
    assert len(sheets.read_sheet(at_limit).rows) == sheets.MAX_ROWS
    over = _many_rows_xlsx(tmp_path / "b.xlsx", sheets.MAX_ROWS + 1)
    with pytest.raises(ImportFileError, match="more than 100,000 rows"):
        sheets.read_sheet(over)
    csv_over = tmp_path / "c.csv"
    csv_over.write_text("reference\n" + "".join(f"R-{n}\n" for n in range(sheets.MAX_ROWS + 1)))
    with pytest.raises(ImportFileError, match="more than 100,000 rows"):
        sheets.read_sheet(csv_over)


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:  # sparse: nothing is really written
        handle.truncate(sheets.MAX_FILE_BYTES + 1)
    with pytest.raises(ImportFileError, match="more than the 50 MB"):
        sheets.read_sheet(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 2_000_000)
    path = _workbook_with(tmp_path, {"xl/media/padding.bin": b"\0" * 3_000_000})
    assert path.stat().st_size < 100_000
    with pytest.raises(ImportFileError, match="unpacks to more than 2 MB"):
        sheets.read_sheet(path)


def test_a_damaged_workbook_is_one_sentence(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [named_row("R-1", "2025-05-01")])
    data = good.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 30):
        broken = tmp_path / f"cut{cut}.xlsx"
        broken.write_bytes(data[:cut])
        with pytest.raises(ImportFileError) as raised:
            sheets.read_sheet(broken)
        assert "\n" not in str(raised.value) and broken.name in str(raised.value)


# ----- many problems, and what reaches the terminal ------------------------------------------


def test_thousands_of_problems_list_the_first_200_and_count_the_rest(
        tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    init_casebook(folder, monkeypatch, capsys)
    rows = [named_row(f"R-{n}", "not a date") for n in range(1500)]
    path = write_csv(tmp_path / "bad.csv", rows)
    code, out, err = run_cli(capsys, "import", str(path), "--casebook", str(folder))
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 202
    assert lines[-2] == "... and 1,300 more problems, not listed."
    assert "1500 problems to put right" in lines[-1] and "first 200 are listed" in lines[-1]
    with open_book(folder) as book:
        report = _import(book, path)
    assert len(report.problems) == 200 and report.unlisted == 1300
    assert report.as_json()["problems_not_listed"] == 1300


def test_control_characters_in_cells_never_reach_the_terminal(
        tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    init_casebook(folder, monkeypatch, capsys)
    forged = "\x1b[2K\rImported 999 concerns\u202e"
    rows = [named_row("R-1", "2025-05-01" + forged)]
    path = write_csv(tmp_path / "bad.csv", rows, headings=(*HEADINGS, "odd\x1b[31m"))
    code, out, err = run_cli(capsys, "import", str(path), "--casebook", str(folder))
    assert code == 1
    assert "\x1b" not in err and "\r" not in err and "\u202e" not in err
    assert "\\u001b" in err

"""Password protection (AES-256, readable by poppler) and the recovery sheet."""

from __future__ import annotations

import io
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.errors import DocumentError
from app.documents.protect import protect_pdf, save_pdf
from app.documents.recovery_sheet import render_recovery_sheet
from tests.documents.document_helpers import have, page_count, pdf_text, render_pages

KEY = "IWF5-YC4M-FOOQ-QCPU-EHFT-7L3H-JLSA-34TS-MISJ"
PASSWORD = "correct horse battery"


@pytest.fixture
def sheet() -> bytes:
    return render_recovery_sheet(KEY, "NHS Test Board", "Test Unit",
                                 "6f1c2a4e-8d3b-4c55-9a7e-0b1e2f3a4b5c", date(2026, 11, 22))


def test_the_recovery_sheet_says_what_to_do(sheet: bytes, tmp_path: Path) -> None:
    text = pdf_text(sheet)
    assert "IWF5 YC4M FOOQ QCPU EHFT 7L3H JLSA 34TS MISJ" in text
    for expected in ("NHS Test Board", "Test Unit", "6f1c2a4e-8d3b-4c55-9a7e-0b1e2f3a4b5c",
                     "22 November 2026", "Away from the laptop", "casebook recover",
                     "casebook rekey", "keyslots.json"):
        assert expected in text, expected
    assert page_count(sheet) == 1
    if have("pdftoppm"):
        path = tmp_path / "sheet.pdf"
        path.write_bytes(sheet)
        assert len(render_pages(path, tmp_path)) == 1


def test_a_protected_pdf_is_aes_256_and_opens_with_the_password(sheet: bytes) -> None:
    protected = protect_pdf(sheet, PASSWORD)
    reader = PdfReader(io.BytesIO(protected))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"]
    assert encrypt["/V"] == 5 and encrypt["/R"] == 6  # AES-256 (PDF 2.0 handler)
    assert b"IWF5" not in protected
    assert "IWF5 YC4M" in pdf_text(protected, PASSWORD)
    wrong = PdfReader(io.BytesIO(protected))
    assert not wrong.decrypt("not the password")


@pytest.mark.skipif(not (have("pdftotext") and have("pdftoppm")), reason="poppler not installed")
def test_poppler_opens_a_protected_pdf_with_the_password_only(sheet: bytes,
                                                               tmp_path: Path) -> None:
    path = save_pdf(tmp_path / "protected.pdf", sheet, PASSWORD)
    shown = subprocess.run(["pdftotext", "-upw", PASSWORD, str(path), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "IWF5 YC4M FOOQ" in shown
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert refused.returncode != 0
    assert render_pages(path, tmp_path, password=PASSWORD)


def test_a_short_password_is_refused(sheet: bytes) -> None:
    with pytest.raises(DocumentError, match="at least 8 characters"):
        protect_pdf(sheet, "short")


def test_saved_files_are_private_and_need_a_folder(sheet: bytes, tmp_path: Path) -> None:
    path = save_pdf(tmp_path / "sheet.pdf", sheet)
    assert path.read_bytes() == sheet
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    with pytest.raises(DocumentError, match="does not exist"):
        save_pdf(tmp_path / "missing" / "sheet.pdf", sheet)

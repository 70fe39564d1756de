"""The document commands: report, letter and summary, as a contact runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.documents.document_helpers import (
    EXPECTED_Q1,
    Designed,
    add_designed_concerns,
    have,
    pdf_text,
    set_letter_contact,
)
from tests.support import PASSPHRASE, TODAY


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def casebook(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Designed]:
    """The designed concerns in a closed casebook, and the passphrase in the environment."""
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board",
                              unit="Test Unit")
    try:
        designed = add_designed_concerns(ConcernService(book, today=lambda: TODAY))
        set_letter_contact(book)
    finally:
        book.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    return folder, designed


def _events(folder: Path) -> list[tuple[str, dict[str, object]]]:
    with Casebook.open(folder, PASSPHRASE) as book:
        return [(event, json.loads(detail)) for event, detail in
                book.cases.execute("SELECT event, detail FROM audit ORDER BY seq")]


def _reference(folder: Path, concern_id: int) -> str:
    with Casebook.open(folder, PASSPHRASE) as book:
        return str(book.cases.execute("SELECT reference FROM concerns WHERE id = ?",
                                      (concern_id,)).fetchone()[0])


# ----- report ---------------------------------------------------------------------------------


def test_report_json_is_the_figures_alone(casebook: tuple[Path, Designed],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = casebook
    code, out, err = run(capsys, "--casebook", str(folder), "report", "--period", "2025-26-Q1",
                         "--json")
    assert code == 0, err
    assert json.loads(out) == EXPECTED_Q1
    assert _events(folder)[-1] == ("export.report", {"csv": False, "json": True, "pdf": False,
                                                     "publication": False})


def test_report_from_and_to_dates(casebook: tuple[Path, Designed],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = casebook
    code, out, _ = run(capsys, "report", "--from", "2025-04-01", "--to", "2025-06-30", "--json",
                       "--casebook", str(folder))
    assert code == 0 and json.loads(out) == EXPECTED_Q1


def test_report_pdf_and_csv_for_publication(casebook: tuple[Path, Designed], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = casebook
    pdf, table = tmp_path / "report.pdf", tmp_path / "report.csv"
    code, out, err = run(capsys, "--casebook", str(folder), "report", "--period", "2025-26-Q1",
                         "--pdf", str(pdf), "--csv", str(table), "--publication")
    assert code == 0 and out == "", err
    assert "saved to" in err and "For publication" in err
    assert "the threshold is 5" in pdf_text(pdf.read_bytes())
    assert table.read_text(encoding="utf-8").startswith("section,measure,stage,service,unit")


@pytest.mark.parametrize(("argv", "message"), [
    ((), "Say which period"),
    (("--period", "2025-27"), "A period is a financial year"),
    (("--period", "2025-26"), "Say what to make"),
    (("--from", "2025-04-01", "--to", "1 May", "--json"), "written like 2025-04-01"),
    (("--period", "2025-26", "--pdf", "/no/such/folder/r.pdf"), "does not exist"),
])
def test_report_mistakes_are_one_sentence(casebook: tuple[Path, Designed], argv: tuple[str, ...],
                                          message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = casebook
    code, out, err = run(capsys, "--casebook", str(folder), "report", *argv)
    assert code == 1 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1


# ----- letter ----------------------------------------------------------------------------------


def test_a_letter_without_a_reason_is_refused(casebook: tuple[Path, Designed], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder, designed = casebook
    reference = _reference(folder, designed.ids["A"])
    before = _events(folder)
    code, out, err = run(capsys, "--casebook", str(folder), "letter", reference,
                         "stage1_response", "--out", str(tmp_path / "letter.pdf"))
    assert code == 1 and out == ""
    assert err.strip() == ("A letter shows the person's identity, so give the reason with "
                           "--reason TEXT (it is recorded in the audit log).")
    assert _events(folder) == before and not (tmp_path / "letter.pdf").exists()


def test_a_letter_drafted_edited_and_made(casebook: tuple[Path, Designed], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder, designed = casebook
    reference = _reference(folder, designed.ids["C"])
    draft = tmp_path / "decision.txt"
    code, out, err = run(capsys, "--casebook", str(folder), "letter", reference,
                         "stage2_decision", "--set", "findings=We found the rota short.",
                         "--set", "how_investigated=We read the rotas.", "--draft", str(draft))
    assert code == 0, err
    text = draft.read_text()
    assert "{person_name}" in text and "Casey Charlie" not in text
    assert "We found the rota short." in text and "Note: " in err  # an apology may be due
    assert not any(e == "identity.revealed" for e, _ in _events(folder))  # no reveal yet
    draft.write_text(text.replace("We found the rota short.", "We found the rota was short "
                                  "on two nights."))
    monkeypatch.setenv("CASEBOOK_PDF_PASSWORD", "letter password 1")
    out_path = tmp_path / "decision.pdf"
    code, out, err = run(capsys, "--casebook", str(folder), "letter", reference,
                         "stage2_decision", "--text", str(draft), "--out", str(out_path),
                         "--reason", "Sending the decision")
    assert code == 0, err
    assert "leaves the encrypted casebook" in err and "dated 2025-06-06" in err
    letter_text = pdf_text(out_path.read_bytes(), "letter password 1")
    assert "Dear Casey Charlie," in letter_text and "6 June 2025" in letter_text
    assert "We found the rota was short on two nights." in letter_text
    assert _events(folder)[-2:] == [
        ("identity.revealed", {"reason": "Sending the decision"}),
        ("export.letter", {"kind": "stage2_decision", "letter": 1, "protected": True})]
    if have("pdftotext"):
        shown = subprocess.run(["pdftotext", "-upw", "letter password 1", str(out_path), "-"],
                               capture_output=True, text=True, check=True).stdout
        assert "Dear Casey Charlie," in shown
    # Listed, re-printed exactly as sent, re-issued as a new letter.
    code, out, err = run(capsys, "--casebook", str(folder), "letters", "list", reference,
                         "--json")
    assert code == 0 and [r["kind"] for r in json.loads(out)] == ["stage2_decision"]
    again = tmp_path / "again.pdf"
    code, _, err = run(capsys, "--casebook", str(folder), "letters", "reprint", "1", "--out",
                       str(again), "--reason", "Lost in the post")
    assert code == 0, err
    assert pdf_text(again.read_bytes(), "letter password 1") == letter_text
    code, _, err = run(capsys, "--casebook", str(folder), "letters", "reissue", "1", "--out",
                       str(tmp_path / "new.pdf"), "--reason", "Sent again", "--date",
                       "2025-06-20")
    assert code == 0 and "re-issued as letter 2 (dated 2025-06-20)" in err, err


def test_an_unprotected_letter_must_be_confirmed(casebook: tuple[Path, Designed],
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder, designed = casebook
    reference = _reference(folder, designed.ids["A"])
    out_path = tmp_path / "letter.pdf"
    argv = ("--casebook", str(folder), "letter", reference, "stage1_response", "--set",
            "findings=We found you were right.", "--out", str(out_path), "--reason",
            "Posting it", "--no-protect")
    code, _, err = run(capsys, *argv)
    assert code == 1 and "--yes" in err and not out_path.exists()
    code, _, err = run(capsys, *argv, "--yes")
    assert code == 0 and "not password-protected" in err, err
    assert "Dear Avery Alpha," in pdf_text(out_path.read_bytes())
    assert _events(folder)[-1] == ("export.letter", {"kind": "stage1_response", "letter": 1,
                                                      "protected": False})


def test_the_letters_settings(casebook: tuple[Path, Designed],
                              capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = casebook
    code, out, err = run(capsys, "--casebook", str(folder), "settings", "letters",
                         "--contact-phone", "01234 000000", "--signatory", "stage2_decision",
                         "Dr Rowan Director", "Director of Nursing", "--body",
                         "care_inspectorate", "the Care Inspectorate", "www.ci.example",
                         "0345 000 0000", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["contact"]["phone"] == "01234 000000" and doc["contact"]["name"]
    assert doc["signatories"]["stage2_decision"]["name"] == "Dr Rowan Director"
    assert doc["bodies"]["care_inspectorate"]["website"] == "www.ci.example"
    code, _, err = run(capsys, "--casebook", str(folder), "settings", "letters",
                       "--contact-name", "Avery Alpha")
    assert code == 1 and "held in the identity store" in err


@pytest.mark.parametrize(("argv", "message"), [
    (("WB-2025-0001", "thank_you"), "There is no letter called thank_you"),
    (("WB-1999-0001", "stage1_response"), "There is no concern with reference WB-1999-0001"),
    (("WB-2025-0001", "stage2_decision"), "no stage 2 decision"),
    (("WB-2025-0001", "stage1_response", "--set", "colour=blue"), "--set takes NAME=TEXT"),
])
def test_letter_mistakes_are_one_sentence(casebook: tuple[Path, Designed], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          argv: tuple[str, ...], message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = casebook
    monkeypatch.setenv("CASEBOOK_PDF_PASSWORD", "letter password 1")
    code, out, err = run(capsys, "--casebook", str(folder), "letter", *argv, "--out",
                         str(tmp_path / "x.pdf"), "--reason", "Testing")
    assert code == 1 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1


# ----- summary --------------------------------------------------------------------------------


def test_summaries_redacted_and_full(casebook: tuple[Path, Designed], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder, designed = casebook
    reference = _reference(folder, designed.ids["C"])
    redacted = tmp_path / "redacted.pdf"
    code, _, err = run(capsys, "--casebook", str(folder), "summary", reference, "--out",
                       str(redacted))
    assert code == 0 and "Redacted case summary" in err
    assert "Casey" not in pdf_text(redacted.read_bytes())
    code, _, err = run(capsys, "--casebook", str(folder), "summary", reference, "--out",
                       str(tmp_path / "full.pdf"), "--full")
    assert code == 1 and "--reason TEXT" in err
    monkeypatch.setenv("CASEBOOK_PDF_PASSWORD", "summary password 1")
    code, _, err = run(capsys, "--casebook", str(folder), "summary", reference, "--out",
                       str(tmp_path / "full.pdf"), "--full", "--reason", "For the investigator")
    assert code == 0 and "leaves the encrypted casebook" in err
    assert "Casey Charlie" in pdf_text((tmp_path / "full.pdf").read_bytes(),
                                       "summary password 1")
    assert _events(folder)[-2:] == [("identity.revealed", {"reason": "For the investigator"}),
                                    ("export.case_summary", {"redacted": False,
                                                             "protected": True})]
    code, _, err = run(capsys, "--casebook", str(folder), "summary", reference, "--out",
                       str(tmp_path / "open.pdf"), "--full", "--reason", "Printing it",
                       "--no-protect", "--yes")
    assert code == 0 and "not password-protected" in err
    assert _events(folder)[-1] == ("export.case_summary", {"redacted": False,
                                                           "protected": False})

"""The case summary from the GUI: redacted by default, the full version only with a reason."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.ui.documents.summary_dialog import SummaryDialog
from tests.documents.document_helpers import pdf_text
from tests.gui.test_reports_support import Opened, create_casebook, designed, opened_casebook

PASSWORD = "a summary password"


def _dialog(qtbot, opened: Opened, concern_id: int) -> SummaryDialog:
    dialog = SummaryDialog(opened.session, concern_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.target is not None)
    return dialog


def test_the_redacted_summary_is_the_default_and_names_no_one(
        qtbot, folder: Path, tmp_path: Path) -> None:
    ids = create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened, ids["A"])
        assert dialog.heading.text() == "Case summary for WB-2025-0001"
        assert dialog.redacted.isChecked() and not dialog.reason.isVisible()
        assert not dialog.options.warning.isVisible()
        assert not dialog.options.password_box.isVisible()
        dialog.options.set_path(tmp_path / "summary.pdf")
        with qtbot.waitSignal(dialog.saved):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "redacted summary" in dialog.message.text()
        pdf = (tmp_path / "summary.pdf").read_bytes()
        assert not PdfReader(io.BytesIO(pdf)).is_encrypted
        text = pdf_text(pdf).lower()
        assert "wb-2025-0001" in text and "avery" not in text and "alpha" not in text
        events = [(e, d) for e, _, d in opened.audit() if e.startswith(("identity", "export"))]
        assert events == [("export.case_summary", {"redacted": True})]


def test_the_full_summary_needs_a_reason_and_is_saved_as_an_identity_pdf(
        qtbot, folder: Path, tmp_path: Path) -> None:
    ids = create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened, ids["A"])
        dialog.full.setFocus()
        qtbot.keyClick(dialog.full, Qt.Key.Key_Space)
        assert dialog.full.isChecked() and dialog.reason.isVisible()
        assert dialog.options.warning.isVisible() and dialog.options.protect.isChecked()
        assert "reveal" in dialog.full_note.text()
        dialog.options.password.setText(PASSWORD)
        dialog.options.confirm.setText(PASSWORD)
        dialog.options.set_path(tmp_path / "full.pdf")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        opened.idle()
        assert dialog.saved_to is None and "Give a reason" in dialog.reason_message.text()
        qtbot.keyClicks(dialog.reason, "For the HR investigator C agreed to")
        with qtbot.waitSignal(dialog.saved):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        pdf = (tmp_path / "full.pdf").read_bytes()
        assert PdfReader(io.BytesIO(pdf)).is_encrypted
        assert "Avery Alpha" in pdf_text(pdf, PASSWORD)
        events = [(e, d) for e, _, d in opened.audit() if e.startswith(("identity", "export"))]
        assert events == [("identity.revealed", {"reason": "For the HR investigator C agreed to"}),
                          ("export.case_summary", {"redacted": False, "protected": True})]

        anonymous = _dialog(qtbot, opened, ids["F"])
        assert not anonymous.full.isEnabled() and "anonymous" in anonymous.full_note.text()

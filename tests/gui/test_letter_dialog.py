"""Letters from the GUI: a reveal with a reason (audited), the warning, and the password."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.documents.protect import LEAVES_CASEBOOK
from app.ui.documents.letter_dialog import LetterDialog
from tests.documents.document_helpers import pdf_text
from tests.gui.test_reports_support import Opened, create_casebook, designed, opened_casebook

PASSWORD = "correct horse battery"


def _dialog(qtbot, opened: Opened, concern_id: int) -> LetterDialog:
    dialog = LetterDialog(opened.session, concern_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.choices is not None)
    return dialog


def _click_save(qtbot, dialog: LetterDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_letter_needs_a_reason_is_audited_and_can_be_password_protected(
        qtbot, folder: Path, tmp_path: Path) -> None:
    ids = create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened, ids["A"])
        assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == [
            "stage1_response"]
        assert "Extension notice" in dialog.kind_note.text()
        assert dialog.options.warning.text() == LEAVES_CASEBOOK
        assert dialog.options.warning.isVisible() and dialog.options.protect.isChecked()
        assert dialog.letter_date.text() == "22/11/2026"

        # Nothing is made without a reason, a password typed twice and a place to save.
        _click_save(qtbot, dialog)
        assert "Give a reason" in dialog.reason_message.text()
        assert "at least 8 characters" in dialog.options.password_message.text()
        assert "Choose where" in dialog.options.path_message.text()
        qtbot.keyClicks(dialog.options.password, PASSWORD)
        qtbot.keyClicks(dialog.options.confirm, PASSWORD[:-1])
        assert "not the same" in dialog.options.confirm_message.text()
        qtbot.keyClicks(dialog.options.confirm, PASSWORD[-1])
        assert not dialog.options.confirm_message.has_message()
        dialog.options.set_path(tmp_path / "letter.pdf")
        _click_save(qtbot, dialog)
        opened.idle()
        assert dialog.saved_to is None
        assert not any(event == "identity.revealed" for event, _, _ in opened.audit())

        qtbot.keyClicks(dialog.reason, "Sending the stage 1 outcome")
        assert not dialog.reason_message.has_message()
        with qtbot.waitSignal(dialog.saved):
            _click_save(qtbot, dialog)
        saved = tmp_path / "letter.pdf"
        assert dialog.saved_to == saved
        assert "protected with the password" in dialog.message.text()
        assert dialog.options.password.text() == "" and not dialog.save_button.isEnabled()
        assert dialog.close_button.text() == "Close"

        pdf = saved.read_bytes()
        assert PdfReader(io.BytesIO(pdf)).is_encrypted
        text = pdf_text(pdf, PASSWORD)
        assert "Dear Avery Alpha," in text and "22 November 2026" in text
        events = [(event, entity, detail) for event, entity, detail in opened.audit()
                  if event in ("identity.revealed", "export.letter")]
        assert events == [
            ("identity.revealed", str(ids["A"]), {"reason": "Sending the stage 1 outcome"}),
            ("export.letter", str(ids["A"]), {"kind": "stage1_response"})]


def test_an_unprotected_letter_and_a_concern_with_no_one_to_write_to(
        qtbot, folder: Path, tmp_path: Path) -> None:
    ids = create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened, ids["D"])  # stage 2, extended, no response yet
        kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
        assert kinds == ["stage2_acknowledgement", "extension_notice"]
        dialog.kind.setCurrentIndex(1)
        qtbot.keyClick(dialog.options.protect, Qt.Key.Key_Space)
        assert not dialog.options.protect.isChecked() and not dialog.options.password.isEnabled()
        dialog.reason.setPlainText("Telling C about the extension")
        dialog.options.set_path(tmp_path / "extension.pdf")
        with qtbot.waitSignal(dialog.saved):
            _click_save(qtbot, dialog)
        assert "not protected" in dialog.message.text()
        pdf = (tmp_path / "extension.pdf").read_bytes()
        assert not PdfReader(io.BytesIO(pdf)).is_encrypted
        assert "Records are held off site" in pdf_text(pdf)
        dialog.close()

        anonymous = _dialog(qtbot, opened, ids["F"])
        assert anonymous.kind.count() == 0
        assert "anonymous" in anonymous.kind_note.text() and anonymous.kind_note.is_problem
        assert not anonymous.save_button.isEnabled() and not anonymous.reason.isEnabled()

        # Locking wipes what was typed and closes the dialog.
        third = _dialog(qtbot, opened, ids["A"])
        third.reason.setPlainText("A reason")
        third.options.password.setText(PASSWORD)
        with qtbot.waitSignal(third.finished):
            third.forget()
        assert third.reason.toPlainText() == "" and third.options.password.text() == ""

"""Letters from the window, driven as a contact would: the letter's own fields, the whole
text to read and edit (checked on the worker for anyone else's name), the reveal with a
reason, the password by default and an unprotected save asked first."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.identity import PersonDetails
from app.core.records import Anonymity, ConsentMethod, RaiserCategory
from app.documents.protect import LEAVES_CASEBOOK
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.ui.documents.letter_dialog import LetterDialog
from tests.documents.document_helpers import pdf_text
from tests.gui.test_reports_support import Opened, create_casebook, designed, opened_casebook
from tests.gui.workspace_helpers import type_text
from tests.support import TODAY

PASSWORD = "correct horse battery"
FINDINGS = "We checked the rotas and you were right about two nights."


def _with_contact(book: Casebook) -> dict[str, int]:
    return designed(book)  # the designed concerns, with the letters' named contact


def _dialog(qtbot, opened: Opened, concern_id: int) -> LetterDialog:  # type: ignore[no-untyped-def]
    dialog = LetterDialog(opened.session, concern_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.choices is not None)
    return dialog


def _write(qtbot, dialog: LetterDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.text.textChanged, timeout=5000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.draft is not None)


def _type_lines(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text with line breaks as a person does: Return between the lines."""
    for index, line in enumerate(text.split("\n")):
        if index:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            type_text(qtbot, widget, line)


def _settled(qtbot, dialog: LetterDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.identity.current("letter") is not None, timeout=5000)


def _click_save(qtbot, dialog: LetterDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_letter_is_written_for_the_person_checked_and_saved_protected(
        qtbot, folder: Path, tmp_path: Path) -> None:
    ids = create_casebook(folder, _with_contact)
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened, ids["A"])
        assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == [
            "stage1_response"]
        assert dialog.options.warning.text() == LEAVES_CASEBOOK
        assert dialog.options.protect.isChecked()
        # The letter's own fields start empty: nothing comes from the case record.
        assert set(dialog.field_boxes) == {"findings", "apology", "actions"}
        assert all(box.toPlainText() == "" for box in dialog.field_boxes.values())
        type_text(qtbot, dialog.field_boxes["findings"], FINDINGS)
        type_text(qtbot, dialog.field_boxes["apology"], "We are sorry.")
        _write(qtbot, dialog)
        text = dialog.text.toPlainText()
        assert FINDINGS in text and "We are sorry." in text and "{person_name}" in text
        assert "Avery Alpha" not in text  # nothing revealed before Save
        assert dialog.letter_date.date().toString("yyyy-MM-dd") == "2025-04-09"  # the response
        _settled(qtbot, dialog)

        # Another person's name typed into the text is found on the worker and held up.
        cursor = dialog.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        dialog.text.setTextCursor(cursor)
        _type_lines(qtbot, dialog.text, "\nBlair Bravo also raised this.\n")
        qtbot.waitUntil(lambda: dialog.notice.state == "found", timeout=5000)
        assert "a name held in the casebook" in dialog.notice.text.text()
        assert "Blair Bravo" not in dialog.notice.text.text()
        qtbot.mouseClick(dialog.notice.replace_button, Qt.MouseButton.LeftButton)
        assert "[name] also raised this." in dialog.text.toPlainText()
        qtbot.waitUntil(lambda: dialog.notice.state == "clear", timeout=5000)

        # "C" in a letter is refused in plain words.
        _type_lines(qtbot, dialog.text, "C was upset.\n")
        qtbot.waitUntil(lambda: "say \"you\"" in dialog.text_message.text())

        dialog.text.setPlainText(dialog.text.toPlainText().replace("C was upset.\n", ""))
        qtbot.keyClicks(dialog.options.password, PASSWORD)
        qtbot.keyClicks(dialog.options.confirm, PASSWORD[:-1])
        assert "not the same" in dialog.options.confirm_message.text()
        qtbot.keyClicks(dialog.options.confirm, PASSWORD[-1])
        assert not dialog.options.confirm_message.has_message()
        dialog.options.set_path(tmp_path / "letter.pdf")
        _click_save(qtbot, dialog)
        assert "Give a reason" in dialog.reason_message.text()
        assert not any(e == "identity.revealed" for e, _, _ in opened.audit())
        qtbot.keyClicks(dialog.reason, "Sending the stage 1 outcome")
        assert not dialog.reason_message.has_message()
        with qtbot.waitSignal(dialog.saved, timeout=10000):
            _click_save(qtbot, dialog)
        assert "protected with the password" in dialog.message.text()
        pdf = (tmp_path / "letter.pdf").read_bytes()
        assert PdfReader(io.BytesIO(pdf)).is_encrypted
        made = pdf_text(pdf, PASSWORD)
        assert "Dear Avery Alpha," in made and FINDINGS in made and "9 April 2025" in made
        assert "Morgan Contactperson" in made and "22 November 2026" not in made
        events = [(e, d) for e, _, d in opened.audit()
                  if e in ("identity.revealed", "export.letter")]
        assert events[-2:] == [
            ("identity.revealed", {"reason": "Sending the stage 1 outcome"}),
            ("export.letter", {"kind": "stage1_response", "letter": 1, "protected": True})]
        assert opened.ask(lambda book: book.cases.execute(
            "SELECT kind, letter_date FROM letters").fetchall()) == [
            ("stage1_response", "2025-04-09")]


def test_an_unprotected_letter_is_asked_first_and_recorded_so(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = create_casebook(folder, _with_contact)
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened, ids["D"])  # stage 2, extended, no response yet
        kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
        assert kinds == ["stage2_acknowledgement", "extension_notice"]
        dialog.kind.setCurrentIndex(1)
        assert dialog.letter_form.isRowVisible(dialog.extension_row)
        assert set(dialog.field_boxes) == {"extension_reason"}
        type_text(qtbot, dialog.field_boxes["extension_reason"], "We need the records.")
        _write(qtbot, dialog)
        assert "by 30 June 2025" in dialog.text.toPlainText()  # the date it replaced
        assert "Records are held off site" not in dialog.text.toPlainText()  # internal reason
        _settled(qtbot, dialog)
        qtbot.keyClick(dialog.options.protect, Qt.Key.Key_Space)
        dialog.reason.setPlainText("Telling the person about the extension")
        dialog.options.set_path(tmp_path / "extension.pdf")
        answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
        _click_save(qtbot, dialog)
        opened.idle()
        assert not (tmp_path / "extension.pdf").exists()  # "No": nothing made
        with qtbot.waitSignal(dialog.saved, timeout=10000):
            _click_save(qtbot, dialog)
        assert "not protected" in dialog.message.text()
        pdf = (tmp_path / "extension.pdf").read_bytes()
        assert not PdfReader(io.BytesIO(pdf)).is_encrypted
        assert "We need the records." in pdf_text(pdf)
        assert ("export.letter", {"kind": "extension_notice", "letter": 1, "protected": False}
                ) in [(e, d) for e, _, d in opened.audit()]


def test_no_one_to_write_to_and_the_lock_wipes_the_dialog(qtbot, folder: Path) -> None:
    ids = create_casebook(folder, _with_contact)
    with opened_casebook(qtbot, folder) as opened:
        anonymous = _dialog(qtbot, opened, ids["F"])
        assert anonymous.kind.count() == 0
        assert "anonymous" in anonymous.kind_note.text() and anonymous.kind_note.is_problem
        assert not anonymous.save_button.isEnabled() and not anonymous.reason.isEnabled()
        anonymous.close()

        third = _dialog(qtbot, opened, ids["A"])
        type_text(qtbot, third.field_boxes["findings"], FINDINGS)
        third.reason.setPlainText("A reason")
        third.options.password.setText(PASSWORD)
        with qtbot.waitSignal(third.finished):
            third.forget()
        assert third.reason.toPlainText() == "" and third.options.password.text() == ""
        assert third.text.toPlainText() == "" and not third.field_texts


def test_letters_go_to_each_linked_raiser(qtbot, folder: Path, tmp_path: Path) -> None:
    def build(book: Casebook) -> dict[str, int]:
        ids = _with_contact(book)
        ConcernService(book, today=lambda: TODAY).link_raiser(
            ids["A"], anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
            raised_on=date(2025, 4, 4), person=PersonDetails("Quinn Second"),
            consent_on=date(2025, 4, 4), consent_method=ConsentMethod.EMAIL)
        return ids

    ids = create_casebook(folder, build)
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened, ids["A"])
        assert dialog.recipient.count() == 2
        dialog.recipient.setCurrentIndex(1)
        type_text(qtbot, dialog.field_boxes["findings"], FINDINGS)
        _write(qtbot, dialog)
        assert "4 April 2025" in dialog.text.toPlainText()
        _settled(qtbot, dialog)
        # The first raiser's name in the second raiser's letter is someone else's name.
        _type_lines(qtbot, dialog.text, "Avery Alpha\n")
        qtbot.waitUntil(lambda: dialog.notice.state == "found", timeout=5000)
        qtbot.mouseClick(dialog.notice.replace_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.notice.state == "clear", timeout=5000)
        dialog.reason.setPlainText("Writing to the second raiser")
        qtbot.keyClicks(dialog.options.password, PASSWORD)
        qtbot.keyClicks(dialog.options.confirm, PASSWORD)
        dialog.options.set_path(tmp_path / "second.pdf")
        with qtbot.waitSignal(dialog.saved, timeout=10000):
            _click_save(qtbot, dialog)
        text = pdf_text((tmp_path / "second.pdf").read_bytes(), PASSWORD)
        assert "Dear Quinn Second," in text and "Avery Alpha" not in text
        assert opened.ask(lambda book: book.cases.execute(
            "SELECT raiser FROM letters").fetchall()) == [(1,)]

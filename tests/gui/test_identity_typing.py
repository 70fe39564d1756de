"""The identity check where people type: every disguise typed into the real forms is noticed,
named in the users' words without repeating it, replaced in one click or kept (audited).

Typed through the widgets with qtbot.keyClicks on a real casebook; the check runs on the
window's worker, and the tests wait for its answers (never sleep).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.identity import PersonDetails
from app.core.records import ConversationMode
from app.ui.case.case_form import CaseForm
from app.ui.case.conversation_form import ConversationForm
from app.ui.case.new_concern_dialog import NewConcernDialog
from app.ui.main_window import MainWindow
from tests.gui.workspace_helpers import (
    all_texts,
    idle,
    make_casebook,
    open_concern,
    open_window,
    rows,
    save,
    type_text,
)
from tests.store.test_concerns import NAMED

MEI = PersonDetails(name="Mei Wu", email="mei.wu@example.org", phone="07700 900461",
                    job_title="night pharmacist")
OTHERS = (PersonDetails(name="Zoë Erskine"), PersonDetails(name="Siobhan Menzies",
                                                          phone="+353 1 234 5678"))

# (typed, what the notice must say), each a disguise issue 11 lists.
EVASIONS = [
    ("Spoke to ZOË ERSKINE today.", "a name held in the casebook"),  # accents, capitals
    ("Spoke to Zoe\u0308 Erskine today.", "a name held in the casebook"),  # combining mark
    ("Ring 07700\u00a0900\u00a0461 after six.", "C's phone number"),  # no-break spaces
    ("Ring 07700\u2009900\u2009461 after six.", "C's phone number"),  # thin spaces
    ("Siobhan Men\u00adzies was on shift.", "a name held in the casebook"),  # soft hyphen
    ("\u0405iobhan M\u0435nzies was on shift.", "a name held in the casebook"),  # Cyrillic
    ("Mr Wu said the checks were skipped.", "C's name"),  # a short surname after a title
    ("Write to mei dot wu at example dot org.", "C's email address"),  # spelled out
    ("Rang 00353\u00a012345678 about it.", "a phone number held in the casebook"),
    ("Call +49 30 901820 tomorrow.", "a phone number"),  # international, no one's
    ("Patient 120385 1235 was moved.", "a CHI number"),  # CHI with spaces
    ("DOB 03/04/1981, as she said.", "a date of birth"),
]


def _casebook(folder: Path) -> int:
    def build(service: Any) -> int:
        for person in OTHERS:
            service.create(replace(NAMED, person=person))
        return int(service.create(replace(NAMED, person=MEI)))

    return make_casebook(folder, build)


def _opened(qtbot: Any, folder: Path) -> tuple[MainWindow, Any]:
    concern = _casebook(folder)
    window = open_window(qtbot, folder)
    return window, open_concern(qtbot, window, concern)


def _conversation(qtbot: Any, workspace: Any) -> ConversationForm:
    workspace.log_conversation()
    form = workspace.current_dialog
    assert isinstance(form, ConversationForm)
    qtbot.waitExposed(form)
    return form


def checked(qtbot: Any, form: CaseForm, key: str) -> None:
    """Wait for the check's answer for the field's text as it stands."""
    qtbot.waitUntil(lambda: form.identity.current(key) is not None
                    and not form.identity._in_flight and not form.identity._dirty,
                    timeout=10_000)


def _clear(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)


def test_every_disguise_typed_into_notes_is_noticed_and_never_repeated(qtbot,
                                                                      folder: Path) -> None:
    window, workspace = _opened(qtbot, folder)
    form = _conversation(qtbot, workspace)
    for typed, said in EVASIONS:
        _clear(qtbot, form.notes)
        type_text(qtbot, form.notes, typed)
        # A text box gives no-break spaces back as spaces (QTextDocument.toPlainText).
        assert form.notes.toPlainText() == typed.replace("\u00a0", " ")
        checked(qtbot, form, "notes")
        assert form.notice.state == "found", typed
        text = form.notice.text.text()
        assert f"Notes: this mentions {said}." in text, (typed, text)
        for word in ("Zo", "Erskine", "Siobhan", "Menzies", "Wu", "mei", "900", "1235",
                     "1981", "+49"):
            assert word not in text, (typed, text)
        assert form.notice.replace_button.isVisible() and form.notice.keep_button.isVisible()
    window.close()


def test_replace_writes_c_and_name_in_one_undoable_step(qtbot, folder: Path) -> None:
    window, workspace = _opened(qtbot, folder)
    form = _conversation(qtbot, workspace)
    qtbot.keyClicks(form.notes, "Mei said Zoe Erskine saw it; ring 07700 900461.")
    qtbot.keyClicks(form.next_steps, "Mr Wu to call back.")
    checked(qtbot, form, "notes")
    checked(qtbot, form, "next_steps")
    assert "Next steps: this mentions C's name." in form.notice.text.text()
    qtbot.mouseClick(form.notice.replace_button, Qt.MouseButton.LeftButton)
    assert form.notes.toPlainText() == "C said [name] saw it; ring [phone]."
    assert form.next_steps.toPlainText() == "C to call back."
    checked(qtbot, form, "notes")
    assert form.notice.state == "clear"
    form.notes.undo()  # one step back to what was typed
    assert form.notes.toPlainText() == "Mei said Zoe Erskine saw it; ring 07700 900461."
    form.notes.redo()
    save(qtbot, window, form)
    stored = rows(qtbot, window, "SELECT notes, next_steps FROM conversations")
    assert stored == [("C said [name] saw it; ring [phone].", "C to call back.")]
    window.close()


def test_save_waits_for_the_check_then_asks_to_replace_or_keep(qtbot, folder: Path) -> None:
    window, workspace = _opened(qtbot, folder)
    form = _conversation(qtbot, workspace)
    form.notes.setPlainText("Mei Wu phoned about the rota.")  # pasted: no pause to check
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Before saving" in form.general.text())
    assert form.isVisible()
    assert rows(qtbot, window, "SELECT count(*) FROM conversations") == [(0,)]
    window.close()


def test_keeping_is_confirmed_and_audited_by_field_and_kind_only(qtbot, folder: Path,
                                                                 monkeypatch) -> None:
    window, workspace = _opened(qtbot, folder)
    form = _conversation(qtbot, workspace)
    qtbot.keyClicks(form.notes, "C quoted the manager: 'Zoe Erskine signs the rota.'")
    checked(qtbot, form, "notes")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    qtbot.mouseClick(form.notice.keep_button, Qt.MouseButton.LeftButton)
    assert form.notice.state == "found"  # cancelled: nothing kept
    qtbot.mouseClick(form.notice.keep_button, Qt.MouseButton.LeftButton)
    assert form.notice.state == "clear" and "Kept as written" in form.notice.text.text()
    save(qtbot, window, form)
    details = rows(qtbot, window, "SELECT detail FROM audit WHERE event = 'identity.text_kept'")
    assert [json.loads(d[0]) for d in details] == [{"field": "notes", "kinds": ["other_name"]}]
    assert "Erskine" in rows(qtbot, window, "SELECT notes FROM conversations")[0][0]
    window.close()


def test_the_notice_keeps_its_place_so_nothing_moves(qtbot, folder: Path) -> None:
    window, workspace = _opened(qtbot, folder)
    form = _conversation(qtbot, workspace)
    form.resize(900, 700)
    QApplication.processEvents()

    def places() -> list[Any]:
        return [w.mapTo(form, w.rect().topLeft()) for w in (
            form.notes, form.next_steps, form.notice, form.save_button, form.cancel_button)]

    qtbot.keyClicks(form.notes, "Nothing to see. ")  # the field's own reminder goes first
    checked(qtbot, form, "notes")
    assert form.notice.state == "clear"
    QApplication.processEvents()
    before = places()
    qtbot.keyClicks(form.notes, "Mr Wu said so.")
    checked(qtbot, form, "notes")
    assert form.notice.state == "found"
    QApplication.processEvents()
    assert places() == before
    qtbot.mouseClick(form.notice.replace_button, Qt.MouseButton.LeftButton)
    checked(qtbot, form, "notes")
    QApplication.processEvents()
    assert places() == before
    window.close()


def test_a_new_concerns_summary_is_checked_against_the_person_being_typed(
        qtbot, folder: Path) -> None:
    make_casebook(folder, lambda service: None)
    window = open_window(qtbot, folder)
    dialog = window.shell.workspace.new_concern()
    assert isinstance(dialog, NewConcernDialog)
    qtbot.keyClicks(dialog.intake.summary, "Eilidh says the hoist is broken; call 07700900777.")
    checked(qtbot, dialog, "summary")
    assert "a phone number" in dialog.notice.text.text()
    qtbot.keyClicks(dialog.person["name"], "Eilidh MacSween")
    qtbot.keyClicks(dialog.person["phone"], "07700 900777")
    checked(qtbot, dialog, "summary")
    qtbot.waitUntil(lambda: "C's name and C's phone number" in dialog.notice.text.text())
    qtbot.mouseClick(dialog.notice.replace_button, Qt.MouseButton.LeftButton)
    assert dialog.intake.summary.toPlainText() == "C says the hoist is broken; call [phone]."
    window.close()


def test_every_forms_free_text_is_checked(qtbot, folder: Path) -> None:
    def build(service: Any) -> int:
        for person in OTHERS:
            service.create(replace(NAMED, person=person))
        concern = int(service.create(replace(NAMED, person=MEI)))
        service.add_issue(concern, "Rota gaps")
        service.add_action(concern, "Review the rota")
        service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE, "First")
        return concern

    concern = make_casebook(folder, build)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    context = workspace.context
    issue = context.detail.issues[0].issue_id
    action = context.detail.actions[0].action_id
    conversation = context.detail.conversations[0].conversation_id
    expected = {
        ("intake", None): {"summary", "service_area", "late_reason", "reason"},
        ("decision", None): {"reasons", "handler", "justification"},
        ("escalate", None): {"handler", "justification"},
        ("extend", None): {"authorised_by", "reason"},
        ("respond", None): {"summary"},
        ("close", None): {"reason"},
        ("handler", None): {"handler", "justification"},
        ("issue", None): {"description"},
        ("findings", issue): {"findings"},
        ("action", None): {"description", "owner", "learning"},
        ("sign_off", action): {"not_adopted_reason", "learning"},
        ("edit_conversation", conversation): {"notes", "next_steps"},
        ("signpost", None): {"other_body", "notes"},
        ("detriment", None): {"description", "action_taken"},
        ("feedback", None): {"comments"},
        ("disclosure", None): {"to", "role", "reason"},
    }
    for (name, about), keys in expected.items():
        dialog = workspace.open_form(name, about)
        assert isinstance(dialog, CaseForm), name
        assert set(dialog.identity.fields) == keys, name
        key = sorted(keys)[0]
        widget = dialog.identity.fields[key].widget
        _clear(qtbot, widget)
        qtbot.keyClicks(widget, "Mr Wu")
        checked(qtbot, dialog, key)
        visible = dialog.identity.fields[key].shown()
        if visible:
            assert "this mentions C's name" in dialog.notice.text.text(), name
        dialog.reject()
        idle(qtbot, window)
    window.close()


def test_a_megabyte_pasted_is_checked_without_freezing_and_refused(qtbot, folder: Path) -> None:
    window, workspace = _opened(qtbot, folder)
    form = _conversation(qtbot, workspace)
    text = ("The ward was short again and the agency nurse left early. " * 18_000
            + "Mr Wu said so.")
    assert len(text) > 1_000_000
    QApplication.clipboard().setText(text)
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    form.notes.setFocus()
    qtbot.keyClick(form.notes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # Qt lays out the pasted megabyte on the window's thread (about a quarter of a second
    # here); what is measured is the check that follows, on the worker.
    qtbot.waitUntil(lambda: form.notes.document().characterCount() > 1_000_000)
    for _ in range(3):
        QApplication.processEvents()
    ticker.start()
    # The first tick waits for whatever layout of the paste is still queued on the window's
    # thread (longer on a busy machine): that is Qt's, not the check's, so it is not counted.
    qtbot.waitUntil(lambda: bool(gaps), timeout=10_000)
    gaps.clear()
    checked(qtbot, form, "notes")
    qtbot.waitUntil(lambda: len(gaps) >= 3, timeout=10_000)
    ticker.stop()
    assert "Notes: this mentions C's name." in form.notice.text.text()
    problem = form.problem_for("notes").text()
    assert "1,044,014 characters long" in problem and "at most 100,000" in problem
    form.accept()  # Save refuses, and says why
    assert form.isVisible() and "at most 100,000" in form.messages.text()
    # The window kept answering while the worker scanned the megabyte in pieces.
    assert gaps and max(gaps) < 500, max(gaps)
    window.close()


def test_a_name_in_text_never_reaches_the_windows_labels(qtbot, folder: Path) -> None:
    window, workspace = _opened(qtbot, folder)
    form = _conversation(qtbot, workspace)
    qtbot.keyClicks(form.notes, "Zoe Erskine and Mei Wu")
    checked(qtbot, form, "notes")
    labels = [t for t in all_texts(form) if t != form.notes.toPlainText()]
    assert not any("Erskine" in t or "Mei" in t for t in labels)
    window.close()


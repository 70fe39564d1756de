"""Forms that hold still (issue 17, item 1), driven as a person would.

Nothing moves when a message comes or goes (every field's and button's geometry is
compared before and after); a field's problem is said once the field has been left or
Save pressed, and goes as soon as it is put right; no button is a default button, so
Enter in a field or a typed space presses nothing by surprise; Escape on a form with
something typed asks first; the new concern form keeps the person's details in its
draft, in the identity store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from app.ui.base.form_feedback import SMALLEST_SCREEN, FormMessages, screen_bounded
from app.ui.case.case_form import CaseForm
from app.ui.case.new_concern_dialog import NewConcernDialog
from tests.gui.workspace_helpers import (
    identity_rows,
    idle,
    make_casebook,
    open_concern,
    open_window,
    rows,
)
from tests.store.test_concerns import NAMED

FORMS = ("conversation", "intake", "escalate", "acknowledge", "extend", "respond", "close",
         "handler", "issue", "action", "signpost", "detriment", "feedback", "disclosure")


def _geometry(form: CaseForm) -> dict[int, QRect]:
    """Where every visible widget of the form sits: a field in the scrolled body of the form
    (scrolling to the field that has the focus is no move), the rest in the form."""
    found: dict[int, QRect] = {}
    body = form.scroller.widget()
    for widget in form.findChildren(QWidget):
        if widget.isVisibleTo(form) and not isinstance(widget, QMessageBox):
            frame = body if body.isAncestorOf(widget) else form
            top_left = widget.mapTo(frame, QPoint(0, 0))
            found[id(widget)] = QRect(top_left, widget.size())
    return found


def _moved(before: dict[int, QRect], after: dict[int, QRect], form: CaseForm) -> list[str]:
    names = {id(w): f"{type(w).__name__} {w.objectName() or w.accessibleName()}"
             for w in form.findChildren(QWidget)}
    inputs = {id(w) for w in form.findChildren(QWidget)
              if w.accessibleName() or isinstance(w, QPushButton)}
    return [names.get(key, "?") for key, rect in before.items()
            if key in inputs and key in after and after[key] != rect]


def _active(qtbot: Any, form: QWidget) -> None:
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)


def _new_concern(qtbot: Any, folder: Path) -> tuple[Any, NewConcernDialog]:
    make_casebook(folder, lambda service: None)
    window = open_window(qtbot, folder)
    dialog = window.shell.workspace.new_concern()
    assert isinstance(dialog, NewConcernDialog)
    qtbot.waitUntil(dialog.isVisible)
    _active(qtbot, dialog)
    return window, dialog


def test_a_problem_appears_after_the_field_is_left_and_nothing_moves(qtbot,
                                                                     folder: Path) -> None:
    window, dialog = _new_concern(qtbot, folder)
    summary = dialog.intake.summary
    before = _geometry(dialog)
    assert dialog.messages.text() == ""  # nothing said before anything is typed

    summary.setFocus()
    qtbot.keyClicks(summary, "Fire")
    summary.selectAll()
    qtbot.keyClick(summary, Qt.Key.Key_Delete)
    assert "Summary" not in dialog.messages.text()  # not while it is being typed in
    qtbot.keyClick(summary, Qt.Key.Key_Tab)  # left, empty: now it is said
    qtbot.waitUntil(lambda: "Summary: Write a short summary" in dialog.messages.text())
    assert summary.property("problem") is True
    assert _moved(before, _geometry(dialog), dialog) == []

    dialog.accept()  # Save: every problem is said, the focus goes to the first
    assert dialog.isVisible() and "Themes" in dialog.messages.text()
    # More problems than the area has lines: the first in full, the rest by name (no line
    # shown cut in half), each in full for a screen reader.
    said = dialog.messages.fields.text().splitlines()
    assert len(said) == FormMessages.LINES and said[-1].startswith("⚠ Also: ")
    assert "Themes: Tick at least one theme." in dialog.messages.accessibleDescription()
    assert _moved(before, _geometry(dialog), dialog) == []

    summary.setFocus()
    qtbot.keyClicks(summary, "Fire doors propped open")  # put right: gone at once
    assert "Summary" not in dialog.messages.text() and summary.property("problem") is False
    assert _moved(before, _geometry(dialog), dialog) == []
    dialog.forget()
    window.close()


def test_every_form_holds_still_when_save_shows_its_problems(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    for name in (*FORMS, *CASEWORK):
        form = workspace.open_form(name)
        if form is None:
            continue
        if not isinstance(form, CaseForm):  # the letter, summary, reveal, person's details
            form.done(0)
            continue
        qtbot.waitUntil(form.isVisible)
        QApplication.processEvents()
        before = _geometry(form)
        form.accept()  # whatever is missing is said; nothing may move
        QApplication.processEvents()
        assert _moved(before, _geometry(form), form) == [], name
        form.forget()
    window.close()


def test_no_button_in_a_form_is_a_default_button(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    form = workspace.open_form("escalate")
    assert form is not None
    qtbot.waitUntil(form.isVisible)
    buttons = form.findChildren(QPushButton)
    assert buttons and not [b.text() for b in buttons if b.isDefault() or b.autoDefault()]
    _active(qtbot, form)
    form.handler.setFocus()
    qtbot.keyClicks(form.handler, "Head of Governance")
    qtbot.keyClick(form.handler, Qt.Key.Key_Return)  # Enter in a line saves nothing
    form.cancel_button.setFocus()
    qtbot.keyClick(form.cancel_button, Qt.Key.Key_Space)  # a space on Cancel: it asks
    box = _question(qtbot, form)
    qtbot.keyClick(box.defaultButton(), Qt.Key.Key_Space)  # a second space keeps the form
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible() and form.handler.text() == "Head of Governance"
    assert rows(qtbot, window, "SELECT count(*) FROM stages WHERE stage = 'stage2'") == [(0,)]
    _active(qtbot, form)
    form.handler.setFocus()
    with qtbot.waitSignal(form.finished, timeout=5000):
        qtbot.keyClick(form.handler, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT count(*) FROM stages WHERE stage = 'stage2'") == [(1,)]
    window.close()


def _question(qtbot: Any, form: QWidget) -> QMessageBox:
    found: list[QMessageBox] = []

    def asked() -> bool:
        found[:] = [b for b in form.findChildren(QMessageBox) if b.isVisible()]
        return bool(found)

    qtbot.waitUntil(asked)
    return found[0]


def test_escape_asks_before_a_typed_form_closes(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)

    untouched = workspace.open_form("detriment")
    qtbot.waitUntil(untouched.isVisible)
    _active(qtbot, untouched)
    with qtbot.waitSignal(untouched.finished, timeout=5000):
        qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing typed: closes at once

    form = workspace.open_form("issue")
    qtbot.waitUntil(form.isVisible)
    _active(qtbot, form)
    form.description.setFocus()
    qtbot.keyClicks(form.description, "Rota gaps at night")
    qtbot.keyClick(form.description, Qt.Key.Key_Escape)
    box = _question(qtbot, form)
    assert "lost" in box.text() and form.isVisible()
    assert box.defaultButton().text().replace("&", "") == "Keep editing"
    assert box.focusWidget() is box.defaultButton()
    qtbot.keyClick(box.defaultButton(), Qt.Key.Key_Space)  # the question's default: keep it
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible() and form.description.text() == "Rota gaps at night"

    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)  # Cancel asks too
    box = _question(qtbot, form)
    discard = next(b for b in box.buttons() if "Discard" in b.text())
    with qtbot.waitSignal(form.finished, timeout=5000):
        qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT count(*) FROM concern_issues") == [(0,)]
    window.close()


def test_the_new_concern_form_keeps_the_person_in_its_draft(qtbot, folder: Path) -> None:
    window, dialog = _new_concern(qtbot, folder)
    dialog.person["name"].setFocus()
    qtbot.keyClicks(dialog.person["name"], "Robin Canary")
    qtbot.keyClicks(dialog.person["email"], "robin@example.org")
    dialog.intake.summary.setFocus()
    qtbot.keyClicks(dialog.intake.summary, "Broken hoist in the care home")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = _question(qtbot, dialog)
    assert "draft" in box.text()
    keep = next(b for b in box.buttons() if "keep draft" in b.text().replace("&", ""))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    drafts = rows(qtbot, window, "SELECT body FROM drafts")
    assert len(drafts) == 1 and "hoist" in drafts[0][0] and "Robin" not in drafts[0][0]
    people = identity_rows(qtbot, window, "SELECT body FROM person_drafts")
    assert len(people) == 1 and "Robin Canary" in people[0][0]

    again = window.shell.workspace.new_concern()
    qtbot.waitUntil(lambda: again.person["name"].text() == "Robin Canary")
    assert again.person["email"].text() == "robin@example.org"
    assert "hoist" in again.intake.summary.toPlainText()
    again.forget()
    window.close()


# The forms the casework brought (issue 16), each on a concern where it applies.
CASEWORK = ("decision", "change_class", "raiser", "involved", "update", "frequency",
            "correct_closure", "person_record", "letter", "summary", "reveal")


def _bounded(dialog: QWidget) -> list[str]:
    """What is wrong with a dialog's size against the smallest supported screen."""
    bound = screen_bounded(dialog, SMALLEST_SCREEN)
    found = []
    if dialog.height() > bound.height():
        found.append(f"{dialog.height()} px tall (at most {bound.height()})")
    if dialog.width() > bound.width():
        found.append(f"{dialog.width()} px wide (at most {bound.width()})")
    return found


def test_every_dialog_has_no_default_button_and_fits_the_smallest_screen(
        qtbot, folder: Path) -> None:
    from tests.gui.test_workspace_keyboard import _busy_concern

    concern = make_casebook(folder, _busy_concern)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    context = workspace.context
    assert context is not None
    opened: list[tuple[str, QWidget]] = []
    for name in (*FORMS, *CASEWORK):
        dialog = workspace.open_form(name)
        if dialog is not None:
            opened.append((name, dialog))
    stage = ("correct_stage", "stage1")
    record = ("correct", ("issue", context.detail.issues[0].issue_id))
    for name, about in (stage, record):
        dialog = workspace.open_form(name, about)
        assert dialog is not None, name
        opened.append((name, dialog))
    window._backup()
    window._import()
    opened += [("backup", window.backup_dialog), ("import", window.import_dialog),
               ("find person", window.shell.find_person())]
    for name, dialog in opened:
        assert dialog is not None, name
        qtbot.waitUntil(dialog.isVisible)
        defaults = [b.text() for b in dialog.findChildren(QPushButton)
                    if b.isDefault() or b.autoDefault()]
        assert defaults == [], name
        assert _bounded(dialog) == [], name
        forget = getattr(dialog, "forget", None)
        if forget is not None:
            forget()
        else:
            dialog.done(0)
    window.close()

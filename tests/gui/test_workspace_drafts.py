"""Never lose typed text: drafts kept on lock, offered back after unlocking, removed on save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.case.conversation_form import ConversationForm
from tests.gui.workspace_helpers import (
    identity_rows,
    idle,
    make_casebook,
    open_concern,
    open_window,
    rows,
    save,
    wait_loaded,
)
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE


def _unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.unlock_view.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlocked)


def test_text_typed_when_the_lock_strikes_is_back_after_unlocking(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    workspace.tabs.setCurrentWidget(workspace.issues)
    workspace.log_conversation()
    form = workspace.current_dialog
    assert isinstance(form, ConversationForm)
    form.keeper.timer.setInterval(10)
    qtbot.keyClicks(form.notes, "C described the night shift")
    qtbot.waitUntil(lambda: form.keeper.draft_id is not None)  # an autosave landed first
    form.keeper.timer.setInterval(60_000)
    qtbot.keyClicks(form.notes, " and the missing checks.")  # not autosaved yet

    window.lock()
    assert not form.isVisible() and form.notes.toPlainText() == ""
    idle(qtbot, window)
    _unlock(qtbot, window)

    wait_loaded(qtbot, workspace, concern)
    qtbot.waitUntil(lambda: isinstance(workspace.current_dialog, ConversationForm))
    back = workspace.current_dialog
    assert back.notes.toPlainText() == "C described the night shift and the missing checks."
    assert "Recovered" in back.intro.text()
    assert workspace.tabs.currentWidget() is workspace.issues  # the same tab as before
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT count(*) FROM drafts") == [(1,)]  # the older copy went
    save(qtbot, window, back)
    assert rows(qtbot, window, "SELECT notes FROM conversations") == [
        ("C described the night shift and the missing checks.",)]
    assert rows(qtbot, window, "SELECT count(*) FROM drafts") == [(0,)]
    window.close()


def test_closing_the_form_keeps_a_draft_offered_when_the_concern_opens(qtbot,
                                                                       folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    workspace.log_conversation()
    form = workspace.current_dialog
    qtbot.keyClicks(form.notes, "Half-written notes")
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)  # "Close and keep draft"
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT kind, concern_id FROM drafts") == [
        ("conversation", concern)]
    qtbot.waitUntil(lambda: workspace.banner.isVisible())
    assert "not saved yet" in workspace.banner.message.text()

    window.shell.show_page("concerns")
    workspace = open_concern(qtbot, window, concern)
    assert workspace.banner.isVisible()
    qtbot.mouseClick(workspace.banner.resume, Qt.MouseButton.LeftButton)
    back = workspace.current_dialog
    assert isinstance(back, ConversationForm)
    assert back.notes.toPlainText() == "Half-written notes"
    assert not workspace.banner.isVisible()
    window.close()


def test_a_new_concern_being_typed_survives_a_lock_the_person_apart(qtbot,
                                                                    folder: Path) -> None:
    make_casebook(folder, lambda service: None)
    window = open_window(qtbot, folder)
    workspace = window.shell.workspace
    dialog = workspace.new_concern()
    dialog.intake.summary.setPlainText("Broken hoist in the care home")
    dialog.person["name"].setText("Robin Canary")
    window.lock()
    idle(qtbot, window)
    _unlock(qtbot, window)
    idle(qtbot, window)
    stored = rows(qtbot, window, "SELECT kind, concern_id, body FROM drafts")
    assert len(stored) == 1 and stored[0][:2] == ("new_concern", None)
    assert "hoist" in stored[0][2] and "Robin" not in stored[0][2]  # never in cases.db
    kept = identity_rows(qtbot, window, "SELECT token, body FROM person_drafts")
    assert len(kept) == 1 and "Robin Canary" in kept[0][1]  # in the identity store

    again = workspace.new_concern()
    qtbot.waitUntil(lambda: again.intake.summary.toPlainText() == "Broken hoist in the care home")
    assert again.person["name"].text() == "Robin Canary"
    again.intake.themes.list.item(0).setCheckState(Qt.CheckState.Checked)
    save(qtbot, window, again)
    assert rows(qtbot, window, "SELECT count(*) FROM drafts") == [(0,)]
    assert identity_rows(qtbot, window, "SELECT count(*) FROM person_drafts") == [(0,)]
    window.close()

"""The person behind a concern: shown only with a reason (audited), and forgotten on lock."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.records import ConversationMode, DisclosureConsent
from app.ui.case.conversation_form import ConversationForm
from app.ui.case.reveal_dialog import RevealDialog
from tests.gui.workspace_helpers import (
    all_texts,
    idle,
    make_casebook,
    open_concern,
    open_window,
    rows,
)
from tests.store.test_concerns import NAMED

CANARY = "Zebra-canary-7731"


def _concern_with_everything(service) -> int:  # type: ignore[no-untyped-def]
    concern = service.create(replace(NAMED, summary=f"Night checks {CANARY} skipped"))
    issue = service.add_issue(concern, f"Issue about {CANARY}")
    service.set_issue_findings(issue, f"Found that {CANARY}")
    service.log_conversation(concern, date(2025, 5, 2), ConversationMode.IN_PERSON,
                             f"Notes mentioning {CANARY}", f"Next {CANARY}")
    service.add_action(concern, f"Action {CANARY}", owner="Charge nurse",
                       learning=f"Learning {CANARY}")
    service.record_detriment(concern, date(2025, 5, 3), f"Detriment {CANARY}")
    service.record_disclosure(concern, disclosed_to="Director of Nursing", role="Investigator",
                              on=date(2025, 5, 4), reason=f"Interview {CANARY}",
                              consent=DisclosureConsent.CONSENT_WRITTEN)
    return int(concern)


def test_reveal_needs_a_reason_is_audited_and_shows_who_was_told(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _concern_with_everything)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    assert "Jordan" not in all_texts(window)
    workspace.tabs.setCurrentWidget(workspace.person)
    qtbot.mouseClick(workspace.person.reveal, Qt.MouseButton.LeftButton)
    dialog = workspace.current_dialog
    assert isinstance(dialog, RevealDialog)
    assert not dialog.show_button.isEnabled()  # no reason, no identity
    assert "Jordan" not in all_texts(dialog)
    qtbot.keyClicks(dialog.reason, "Arranging the stage 2 interview")
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    assert dialog.values["name"].text() == "Jordan Testperson"
    assert dialog.values["email"].text() == "j.t@example.org"
    told = dialog.told.topLevelItem(0)
    assert (told.text(0), told.text(1)) == ("Director of Nursing", "04/05/2025")

    audit = rows(qtbot, window, "SELECT entity_id, detail FROM audit"
                 " WHERE event = 'identity.revealed'")
    assert len(audit) == 1 and audit[0][0] == str(concern)
    assert json.loads(audit[0][1]) == {"reason": "Arranging the stage 2 interview"}

    dialog.close()
    assert "Jordan" not in all_texts(window, dialog)  # closing hides it again
    window.close()


def test_forget_leaves_nothing_of_the_concern_behind(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _concern_with_everything)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
    assert CANARY in all_texts(workspace)  # it was on screen: the scan sees it
    reveal = workspace.open_form("reveal")
    reveal.reason.setPlainText("Checking")
    reveal.accept()
    qtbot.waitUntil(lambda: reveal.pages.currentIndex() == 1)
    form = workspace.open_form("conversation")
    assert isinstance(form, ConversationForm)
    form.notes.setPlainText(f"Typing about {CANARY}")
    assert "Jordan" in all_texts(window) and CANARY in all_texts(form)

    workspace.forget()
    window.shell.concerns.forget()  # the list shows the summary's first line too (as on lock)
    window.shell.dashboard.forget()  # and the dashboard's work list (as on lock)
    left = all_texts(window, workspace, form, reveal)
    assert CANARY not in left and "Jordan" not in left
    assert workspace.context is None and workspace.concern_id is None
    assert workspace.dialogs == []
    idle(qtbot, window)
    window.close()


def test_lock_through_the_window_forgets_the_workspace(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _concern_with_everything)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    workspace.tabs.setCurrentWidget(workspace.conversations)
    window.lock()
    assert CANARY not in all_texts(window) and not window.unlocked
    idle(qtbot, window)
    window.close()

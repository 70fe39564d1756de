"""The whole-casebook identity check in Settings: run, listed without the words, replaced
one field at a time (audited), a concern opened from a finding, cancel said plainly."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core.identity import PersonDetails
from app.core.records import ConversationMode
from app.services import identity_check
from tests.gui.workspace_helpers import all_texts, idle, make_casebook, open_window, rows
from tests.store.test_concerns import NAMED


def _casebook(service: Any) -> int:
    concern = int(service.create(replace(NAMED, person=PersonDetails(name="Siobhan Kerr"),
                                         summary="Siobhan reported it.")))
    service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE,
                             "Rang 07700 900999 about Ms Kerr.")
    return concern


def test_the_check_lists_findings_and_replaces_one_field_at_a_time(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _casebook)
    window = open_window(qtbot, folder)
    window.shell.show_page("settings")
    panel = window.shell.settings.identity_check
    qtbot.waitUntil(lambda: panel.check_button.isEnabled())
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.report is not None and not panel.progress.busy)
    shown = [[panel.table.item(r, c).text() for c in range(4)]
             for r in range(panel.table.rowCount())]
    assert shown == [
        ["WB-2025-0001", "the concern", "Summary", "mentions C's name"],
        ["WB-2025-0001", "the conversation of 03/05/2025", "Notes",
         "mentions a phone number and C's name"]]
    assert "Siobhan" not in all_texts(window) and "900999" not in all_texts(window)
    assert "2 pieces of text may identify someone" in panel.result.text()
    panel.table.selectRow(1)
    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT notes FROM conversations") == [
        ("Rang [phone] about C.",)]
    audited = rows(qtbot, window, "SELECT detail FROM audit WHERE event = ?",
                   "identity.text_replaced")
    assert [json.loads(a[0]) for a in audited] == [
        {"record": "conversations", "field": "notes", "kinds": ["own_name", "phone"]}]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    workspace = window.shell.workspace
    qtbot.waitUntil(lambda: workspace.context is not None
                    and workspace.context.concern_id == concern)
    assert window.shell.current_page == "workspace"
    window.close()


def test_a_cancelled_check_says_it_did_not_finish(qtbot, folder: Path, monkeypatch) -> None:
    make_casebook(folder, _casebook)
    window = open_window(qtbot, folder)
    panel = window.shell.settings.identity_check
    qtbot.waitUntil(lambda: panel.check_button.isEnabled())

    def stopped(book: Any, **_: Any) -> Any:
        raise identity_check.CheckStopped()

    monkeypatch.setattr(identity_check, "check_casebook", stopped)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.progress.busy and bool(panel.result.text()))
    assert "stopped before it finished" in panel.result.text()
    assert "nothing" not in panel.result.text().replace("says nothing about", "")
    window.close()

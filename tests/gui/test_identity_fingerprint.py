"""Unnamed concerns: the name's fingerprint, recorded from the forms, never the name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.records import Anonymity
from app.ui.case.fingerprint_dialog import FingerprintDialog
from app.ui.case.new_concern_dialog import NewConcernDialog
from tests.gui.workspace_helpers import idle, make_casebook, open_concern, open_window, rows, save
from tests.store.test_concerns import NAMED

UNNAMED = replace(NAMED, person=None, anonymity=Anonymity.UNNAMED, starting_stage=None,
                  consent_on=None, consent_method=None)


def _nowhere_on_disk(folder: Path, *words: str) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for word in words:
                assert word.encode() not in data and word.lower().encode() not in data


def test_a_new_unnamed_concern_keeps_only_the_names_fingerprint(qtbot, folder: Path) -> None:
    make_casebook(folder, lambda service: None)
    window = open_window(qtbot, folder)
    workspace = window.shell.workspace
    created: list[int] = []
    workspace.concern_created.connect(created.append)
    dialog = workspace.new_concern()
    assert isinstance(dialog, NewConcernDialog)
    assert not dialog.field_widget("unnamed_name").isVisibleTo(dialog)
    dialog.anonymity.set_value(Anonymity.UNNAMED.value)
    assert dialog.field_widget("unnamed_name").isVisibleTo(dialog)
    dialog.intake.received_on.set_value(date(2026, 11, 20))
    qtbot.keyClicks(dialog.intake.summary, "Staffing on the renal unit")
    dialog.intake.themes.list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.unnamed_name, "Oighrig Vallance")
    save(qtbot, window, dialog)
    assert len(created) == 1
    assert rows(qtbot, window, "SELECT count(*) FROM name_digests WHERE concern_id = ?",
                created[0]) == [(3,)]
    workspace = open_concern(qtbot, window, created[0])
    workspace.tabs.setCurrentWidget(workspace.person)
    assert workspace.person.fingerprint.isVisible()
    assert "fingerprint of the name is recorded" in workspace.person.explanation.text()
    window.close()
    idle(qtbot, window)
    _nowhere_on_disk(folder, "Oighrig", "Vallance")


def test_the_fingerprint_is_recorded_from_the_person_tab(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(UNNAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    workspace.tabs.setCurrentWidget(workspace.person)
    assert "You may record a fingerprint" in workspace.person.explanation.text()
    qtbot.mouseClick(workspace.person.fingerprint, Qt.MouseButton.LeftButton)
    dialog = workspace.current_dialog
    assert isinstance(dialog, FingerprintDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # nothing typed yet
    assert dialog.isVisible() and "Name" in dialog.messages.text()
    qtbot.keyClicks(dialog.name, "Oighrig Vallance")
    save(qtbot, window, dialog)
    qtbot.waitUntil(lambda: "is recorded" in workspace.person.explanation.text())
    audited = rows(qtbot, window, "SELECT detail FROM audit WHERE event = ?",
                   "identity.fingerprint_recorded")
    assert audited and "Oighrig" not in audited[0][0]
    window.close()
    idle(qtbot, window)
    _nowhere_on_disk(folder, "Oighrig", "Vallance")

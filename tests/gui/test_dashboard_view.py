"""The dashboard on screen (issue 17, item 4): on a Friday, what is due next week is there
with its working days left; the look-ahead is a setting kept in the casebook; the
initial discussions come longest waiting first; the quarter is said in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.records import Stage
from tests.gui.workspace_helpers import idle, make_casebook, open_window, rows
from tests.store.test_concerns import NAMED

FRIDAY = date(2026, 11, 20)


def _texts(tree) -> list[str]:  # type: ignore[no-untyped-def]
    return [" | ".join(tree.topLevelItem(i).text(c) for c in range(tree.columnCount()))
            for i in range(tree.topLevelItemCount())]


def _build(service) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    soon = service.create(replace(NAMED, received_on=FRIDAY, consent_on=FRIDAY,
                                  starting_stage=Stage.STAGE2, service_area="Ward 7"))
    waiting = service.create(replace(NAMED, received_on=date(2026, 11, 2), consent_on=None,
                                     consent_method=None, starting_stage=None))
    return soon, waiting


def test_on_a_friday_next_weeks_acknowledgement_is_on_the_dashboard(qtbot,
                                                                    folder: Path) -> None:
    soon, waiting = make_casebook(folder, _build, today=FRIDAY)
    window = open_window(qtbot, folder, today=FRIDAY)
    view = window.shell.dashboard
    qtbot.waitUntil(lambda: view.loaded is not None)
    lines = _texts(view.deadlines)
    assert any("3 working days left" in line and "Stage 2: written acknowledgement" in line
               and "25/11/2026" in line and "Ward 7" in line for line in lines), lines
    assert "to Monday 7 December 2026" in view.deadlines_note.text()
    assert "Friday 20 November 2026" in view.heading.text()
    assert _texts(view.waiting)[0].startswith("14 working days | WB-2026-0002")
    assert "waited 5 working days or more" in view.waiting_note.text()
    assert view.quarter.text().startswith("October to December 2026 (Q3 2026-27)")
    assert "2026-27-Q3" not in view.quarter.text().replace("(Q3 2026-27)", "")

    with qtbot.waitSignal(view.open_concern, timeout=3000):
        view.deadlines.setCurrentItem(view.deadlines.topLevelItem(0))
        qtbot.keyClick(view.deadlines, Qt.Key.Key_Return)
    window.close()


def test_the_look_ahead_is_a_setting_kept_in_the_casebook(qtbot, folder: Path) -> None:
    make_casebook(folder, _build, today=FRIDAY)
    window = open_window(qtbot, folder, today=FRIDAY)
    shell = window.shell
    shell.show_page("settings")
    settings = shell.settings
    qtbot.waitUntil(lambda: settings.horizon.isEnabled() and settings.horizon.value() == 10)
    settings.horizon.setValue(2)
    settings.save_changes()
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT value FROM meta WHERE key = 'dashboard_working_days'"
                ) == [("2",)]
    shell.show_page("dashboard")
    view = shell.dashboard
    qtbot.waitUntil(lambda: view.loaded is not None and view.loaded.board.horizon_days == 2)
    assert not any("25/11/2026" in line for line in _texts(view.deadlines))
    assert "to Tuesday 24 November 2026" in view.deadlines_note.text()
    window.close()

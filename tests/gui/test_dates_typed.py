"""Dates typed the way people type them (issue 17, item 3), in every form with a date.

"01/12/2026" typed over a date field gives 1 December 2026, with or without
separators, with a two-digit year; "t" is today; Up and Down step a day; Alt+Down opens
a calendar whose Enter picks; a date that is not one is said plainly once the field is
left, and Save refuses it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.ui.base.date_field import DateField, parse_day
from app.ui.case.case_form import CaseForm
from tests.gui.test_forms_hold_still import FORMS
from tests.gui.workspace_helpers import make_casebook, open_concern, open_window
from tests.store.test_concerns import NAMED
from tests.support import TODAY


@pytest.mark.parametrize(("typed", "meant"), [
    ("01/12/2026", date(2026, 12, 1)), ("1/12/2026", date(2026, 12, 1)),
    ("01122026", date(2026, 12, 1)), ("011226", date(2026, 12, 1)),
    ("1-12-26", date(2026, 12, 1)), ("01.12.2026", date(2026, 12, 1)),
    ("1 12 2026", date(2026, 12, 1)), ("1/12", date(TODAY.year, 12, 1)),
    ("t", TODAY), ("Today", TODAY)])
def test_the_ways_a_date_is_typed(typed: str, meant: date) -> None:
    assert parse_day(typed, TODAY) == meant


@pytest.mark.parametrize("typed", ["31/02/2026", "12/31/2026", "2026-12-01", "soon", "1/1/1999",
                                   "123", ""])
def test_what_is_not_a_date(typed: str) -> None:
    assert parse_day(typed, TODAY) is None


def _type_over(qtbot: Any, field: DateField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_a_date_typed_over_every_forms_date_field(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    seen = 0
    for name in (*FORMS, "decision"):
        form = workspace.open_form(name)
        if form is None:
            continue
        assert isinstance(form, CaseForm)
        qtbot.waitUntil(form.isVisible)
        for field in form.findChildren(DateField):
            if not field.isEnabled():
                continue
            seen += 1
            _type_over(qtbot, field, "01/12/2026")
            assert field.value() == date(2026, 12, 1), name
            _type_over(qtbot, field, "15112026")
            assert field.value() == date(2026, 11, 15), name
            _type_over(qtbot, field, "3-11-26")
            assert field.value() == date(2026, 11, 3), name
            field.selectAll()
            qtbot.keyClick(field, Qt.Key.Key_T)
            assert field.value() == TODAY and field.text() == TODAY.strftime("%d/%m/%Y"), name
            qtbot.keyClick(field, Qt.Key.Key_Down)
            assert field.value() == TODAY - timedelta(days=1), name
            qtbot.keyClick(field, Qt.Key.Key_Up)
            assert field.value() == TODAY, name
        form.forget()
    assert seen >= 12
    window.close()


def test_a_date_that_is_not_one_is_said_plainly(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    form = workspace.open_form("detriment")
    qtbot.waitUntil(form.isVisible)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    field = form.on
    _type_over(qtbot, field, "31/02/2026")
    assert '"31/02/2026" is not a date' not in form.messages.text()  # not while typing
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: '"31/02/2026" is not a date' in form.messages.text())
    assert field.text() == "31/02/2026"  # kept as typed, nothing lost
    form.accept()
    assert form.isVisible()  # Save refuses it
    _type_over(qtbot, field, "t")
    assert "is not a date" not in form.messages.text()
    form.forget()
    window.close()


def test_the_calendar_opens_from_the_keyboard_and_enter_picks(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    form = workspace.open_form("detriment")
    qtbot.waitUntil(form.isVisible)
    field = form.on
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field._popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    calendar = popup.calendar
    assert calendar.selectedDate().toPython() == TODAY
    days = calendar.findChild(QTableView)  # the grid of days, where the keys go
    qtbot.keyClick(days, Qt.Key.Key_Left)  # a day earlier in the calendar
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert field.value() == TODAY - timedelta(days=1)
    QApplication.processEvents()
    form.forget()
    window.close()

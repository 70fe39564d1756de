"""A date typed the way people type one: 20/11/2026, 20-11-26, 20112026, 20.11 or "t".

Free text, read when it makes a whole date: day, month and year with or without
separators (/, -, . or spaces), a two-digit year in this century, a day and month
alone in this year, "t" (or "today") for today. Up and Down step a day (Page Up and
Page Down a month), Alt+Down or F4 opens a calendar, and leaving the field writes the
date out in full as dd/mm/yyyy. In a workspace form, text that is not a date is kept as
typed (nothing is lost) and the form says so plainly (`problem()`); elsewhere leaving
puts the last whole date back and says why beside the field. `value()` is always the
last whole date.

It offers what a QDateEdit offers (`date`, `setDate`, `dateChanged`, `setDateRange`,
`displayFormat`), so forms use it in the same way.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from datetime import date as Day

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QToolTip, QVBoxLayout, QWidget

from app.ui.base.formatting import format_day, tr

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
_SEPARATED = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})(?:\s*[/.\- ]\s*(\d{2}|\d{4}))?\s*$")
_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{2}|\d{4})?\s*$")


def parse_day(text: str, today: date) -> date | None:
    """The date `text` stands for, or None. Day first, always (UK)."""
    typed = text.strip().lower()
    if typed in ("t", "today"):
        return today
    match = _SEPARATED.match(typed) or _DIGITS.match(typed)
    if match is None:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    year_text = match.group(3)
    if year_text is None:
        year = today.year
    elif len(year_text) == 2:
        year = 2000 + int(year_text)
    else:
        year = int(year_text)
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if EARLIEST <= found <= LATEST else None


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _CalendarPopup(QWidget):
    """The calendar under the field: Enter or a click picks, Escape goes back."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName(tr("Calendar"))
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class DateField(QLineEdit):
    """A date typed or picked, shown dd/mm/yyyy. The rules, not the widget, say what is
    allowed (beyond a real date between 2000 and 2100)."""

    dateChanged = Signal(QDate)  # noqa: N815  (as QDateEdit names it)

    def __init__(self, day: Day | None = None, parent: QWidget | None = None,
                 today: Day | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._value = day or self.today()
        self._earliest, self._latest = EARLIEST, LATEST
        self.typing = False  # True while a change comes from keys typed into the text
        self.keep_invalid = False  # a form that says the problem itself keeps the text
        self._popup: _CalendarPopup | None = None
        self.setPlaceholderText(tr("dd/mm/yyyy"))
        self.setToolTip(tr("A date: type it as dd/mm/yyyy (20/11/2026, 20-11-26 or 20112026 "
                           "work too), or T for today. Up and Down step a day; Alt+Down "
                           "opens a calendar."))
        self.setMaxLength(20)
        width = self.fontMetrics().horizontalAdvance("00/00/00000") + 48
        self.setMinimumWidth(width)
        from app.paths import resources_dir

        icon = QIcon(str(resources_dir() / "icons" / "calendar.svg"))
        self.calendar_action = QAction(icon, tr("Open the calendar"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textEdited.connect(self._edited)
        self.setText(format_day(self._value))

    # ----- what forms ask ---------------------------------------------------------------

    def today(self) -> Day:
        return self._today or date.today()

    def set_today(self, today: Day) -> None:
        """What "t" means (the session's today, which tests fix)."""
        self._today = today

    def value(self) -> Day:
        """The last whole date typed or picked (what the text says, when it is a date)."""
        return self._value

    def set_value(self, day: Day) -> None:
        self._set(day, typed=False)

    def date(self) -> QDate:
        return _to_qdate(self._value)

    def setDate(self, value: QDate) -> None:  # noqa: N802
        self._set(_from_qdate(value), typed=False)

    def setDateRange(self, earliest: QDate, latest: QDate) -> None:  # noqa: N802
        self._earliest, self._latest = _from_qdate(earliest), _from_qdate(latest)

    def minimumDate(self) -> QDate:  # noqa: N802
        return _to_qdate(self._earliest)

    def maximumDate(self) -> QDate:  # noqa: N802
        return _to_qdate(self._latest)

    @staticmethod
    def displayFormat() -> str:  # noqa: N802
        return "dd/MM/yyyy"

    @staticmethod
    def calendarPopup() -> bool:  # noqa: N802
        return True

    def setDisplayFormat(self, _format: str) -> None:  # noqa: N802
        """Always dd/mm/yyyy."""

    def setCalendarPopup(self, _on: bool) -> None:  # noqa: N802
        """Always there (Alt+Down, F4 or the button)."""

    def is_valid(self) -> bool:
        return self.problem() == ""

    def problem(self) -> str:
        """What is wrong with the text as typed, in a sentence; "" when it is a date."""
        text = self.text().strip()
        if not text:
            return tr("Type a date as dd/mm/yyyy (or T for today).")
        day = parse_day(text, self.today())
        if day is None:
            return tr('"%1" is not a date: type it as dd/mm/yyyy, for example %2.').replace(
                "%1", text).replace("%2", format_day(self.today()))
        if day < self._earliest or day > self._latest:
            return tr("The date must fall between %1 and %2.").replace(
                "%1", format_day(self._earliest)).replace("%2", format_day(self._latest))
        return ""

    # ----- typing -----------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        day = parse_day(text, self.today())
        if day is not None and self._earliest <= day <= self._latest and day != self._value:
            self._value = day
            self.typing = True
            try:
                self.dateChanged.emit(_to_qdate(day))
            finally:
                self.typing = False

    def _set(self, day: Day, typed: bool) -> None:
        day = min(max(day, self._earliest), self._latest)
        changed = day != self._value
        self._value = day
        shown = format_day(day)
        if self.text() != shown:
            self.setText(shown)
        if changed:
            self.typing = typed
            try:
                self.dateChanged.emit(_to_qdate(day))
            finally:
                self.typing = False

    def _step(self, days: int = 0, months: int = 0) -> None:
        start = parse_day(self.text(), self.today()) or self._value
        if months:
            moved = _to_qdate(start).addMonths(months)
            target = _from_qdate(moved)
        else:
            target = start + timedelta(days=days)
        self._set(target, typed=True)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier
                             | Qt.KeyboardModifier.AltModifier))
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
        elif plain and key == Qt.Key.Key_Up:
            self._step(days=1)
        elif plain and key == Qt.Key.Key_Down:
            self._step(days=-1)
        elif plain and key == Qt.Key.Key_PageUp:
            self._step(months=1)
        elif plain and key == Qt.Key.Key_PageDown:
            self._step(months=-1)
        elif plain and event.text().lower() == "t" and (
                self.selectedText() == self.text() or not self.text().strip()):
            self._set(self.today(), typed=True)
            self.selectAll()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Leaving: a whole date is written out in full (20-11-26 becomes 20/11/2026)."""
        day = parse_day(self.text(), self.today())
        if day is not None and self._earliest <= day <= self._latest:
            self._set(day, typed=True)
        elif not self.keep_invalid and event.reason() != Qt.FocusReason.PopupFocusReason:
            said = self.problem()
            self.setText(format_day(self._value))
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())),
                              said + " " + tr("It is back to %1.").replace(
                                  "%1", format_day(self._value)), self)
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            self.selectAll()  # typing replaces the date, as in a spreadsheet

    # ----- the calendar -----------------------------------------------------------------

    def open_calendar(self) -> None:
        if not self.isEnabled() or self.isReadOnly():
            return
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        calendar = self._popup.calendar
        calendar.setDateRange(_to_qdate(self._earliest), _to_qdate(self._latest))
        calendar.setSelectedDate(_to_qdate(parse_day(self.text(), self.today())
                                           or self._value))
        self._popup.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        self._popup.move(below)
        self._popup.show()
        calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self._set(_from_qdate(day), typed=True)
        self.setFocus()
        self.selectAll()

"""Local holidays in Settings: the panel, the dialog that adds one, and each change saved at
once on the worker (due dates are recalculated by the store)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from app.store.settings_service import HolidayEntry, SettingsService
from app.ui.base.worker import WorkerState
from app.ui.session import Session
from app.ui.settings.add_holiday_dialog import AddHolidayDialog
from app.ui.settings.holidays_panel import HolidaysPanel


class HolidayEditor(QObject):
    """Owns the holidays panel and the years it shows; says what it is doing by signals so
    the settings page can show one busy indicator and one message."""

    started = Signal(str)  # what is being done
    finished = Signal(str)  # the note to show once done
    failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.panel = HolidaysPanel()
        self.box = QGroupBox(self.tr("Local holidays"))
        QVBoxLayout(self.box).addWidget(self.panel)
        self.entries: tuple[HolidayEntry, ...] = ()
        self.years: tuple[int, int] | None = None
        self.dialog: AddHolidayDialog | None = None
        self.busy = False
        self.panel.add_requested.connect(self.open_add_holiday)
        self.panel.mark_worked_requested.connect(self.mark_worked)
        self.panel.remove_requested.connect(self.remove_local_entry)

    def show_entries(self, entries: tuple[HolidayEntry, ...], years: tuple[int, int]) -> None:
        self.entries, self.years = entries, years
        self.panel.show_entries(entries)

    def open_add_holiday(self) -> None:
        if self.years is None:
            return
        first, last = date(self.years[0], 1, 1), date(self.years[1], 12, 31)
        today = self.session.today()
        suggested = today if first <= today <= last else first
        entries = {entry.day: entry for entry in self.entries}
        dialog = AddHolidayDialog(entries, first, last, suggested, self._parent)
        self.dialog = dialog

        def finished(result: int) -> None:
            if result:
                self.add_local_holiday(dialog.chosen_day(), dialog.chosen_label())
            dialog.deleteLater()
            self.dialog = None

        dialog.finished.connect(finished)
        dialog.open()

    def add_local_holiday(self, day: date, label: str) -> None:
        self._change(day, lambda service: service.add_local_holiday(day, label),
                     self.tr("Adding the holiday and recalculating due dates…"))

    def mark_worked(self, day: date) -> None:
        self._change(day, lambda service: service.mark_worked(day),
                     self.tr("Marking the day as worked and recalculating due dates…"))

    def remove_local_entry(self, day: date) -> None:
        self._change(day, lambda service: service.remove_local_entry(day),
                     self.tr("Removing the local change and recalculating due dates…"))

    def _change(self, day: date, change: Callable[[SettingsService], None], doing: str) -> None:
        years = self.years
        if years is None or self.busy:
            return
        session = self.session

        def job(state: WorkerState) -> tuple[HolidayEntry, ...]:
            service = SettingsService(session.book(state))
            change(service)
            return service.holidays(years)

        self.busy = True
        self.panel.set_enabled(False)
        self.started.emit(doing)

        def done(entries: Any) -> None:
            self.busy = False
            self.show_entries(entries, years)
            self.panel.select_day(day)
            self.panel.set_enabled(True)
            self.finished.emit(self.tr("Holidays saved; due dates recalculated."))

        def failed(message: str) -> None:
            self.busy = False
            self.panel.set_enabled(True)
            self.failed.emit(message)

        session.write(job, done, failed)

    def forget(self) -> None:
        if self.dialog is not None:
            self.dialog.done(0)
        self.entries, self.years, self.busy = (), None, False
        self.panel.clear()

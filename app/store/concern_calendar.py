"""The organisation's own holidays on top of the national calendar; due dates follow."""

from __future__ import annotations

from datetime import date

from app.store import database
from app.store.concern_core import (
    ConcernCore,
)


class CalendarSettings(ConcernCore):
    def set_local_holiday(self, day: date, label: str, *, working_day: bool = False) -> None:
        """Add an organisation holiday (or mark a national one as worked); due dates follow."""
        with database.write(self.conn):
            self.conn.execute(
                "INSERT INTO local_holidays (day, label, kind) VALUES (?, ?, ?)"
                " ON CONFLICT (day) DO UPDATE SET label = excluded.label, kind = excluded.kind",
                (day.isoformat(), label.strip() or "Local holiday",
                 "working_day" if working_day else "holiday"))
            self._refresh_all_due_dates()
            self._audit("calendar.changed", "calendar", day.isoformat())

    def remove_local_holiday(self, day: date) -> None:
        with database.write(self.conn):
            self.conn.execute("DELETE FROM local_holidays WHERE day = ?", (day.isoformat(),))
            self._refresh_all_due_dates()
            self._audit("calendar.changed", "calendar", day.isoformat())


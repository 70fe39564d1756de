"""After closure: how often the person and the contact agreed updates are given, and each
update given, with what the person was told about the actions."""

from __future__ import annotations

from datetime import date

from app.core.rules import RuleError, RuleViolation
from app.store import database
from app.store.concern_core import ConcernCore, _limit, _now


class AfterClosure(ConcernCore):
    def set_update_frequency(self, concern_id: int, frequency: str) -> None:
        """How often updates are given after closure, as agreed with the person ("monthly
        until the actions are done", say); empty when not agreed yet."""
        _limit(update_frequency=("How often updates are given", frequency))
        with database.write(self.conn):
            self._require(concern_id)
            self.conn.execute("UPDATE concerns SET update_frequency = ? WHERE id = ?",
                              (" ".join(frequency.split()), concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.updated", {"fields": ["update_frequency"]})

    def record_update(self, concern_id: int, on: date, told: str) -> int:
        """An update given to the person after closure: what they were told about the
        actions (written about them as C, like every record)."""
        if not told.strip():
            raise RuleError([RuleViolation("told", "Say what C was told about the actions.")])
        _limit(told=("What C was told", told))
        closure = self.conn.execute("SELECT closure FROM concerns WHERE id = ?",
                                    (concern_id,)).fetchone()
        if closure is not None and closure[0] == "open":
            raise RuleError([RuleViolation(
                "given_on", "Updates after closure are recorded once the concern is closed.")])
        return self._add_row(concern_id, "update.recorded", "after_closure_updates",
                             {"given_on": on.isoformat(), "told": told.strip(),
                              "created_at": _now()}, not_before=on)

"""The people involved in a concern's events, and the independence of its stage 2 handler.

A concern keeps a list of the staff involved in the events or in a decision on it. Whenever
the stage 2 handler is set (escalation, a decision to start at stage 2, a new handler) or
the list or the stage 1 handler changes, the stage 2 handler is checked against both
(app/core/independence.py): a clash is refused with the reason, or kept with the recorded
justification, which the letters then follow.
"""

from __future__ import annotations

from datetime import date

from app.core.independence import Involved, clash_sentence, handler_clashes
from app.core.rules import RuleError, RuleViolation
from app.store import database
from app.store.concern_core import ConcernCore, _limit


class InvolvedPeople(ConcernCore):
    def involved_of(self, concern_id: int) -> list[Involved]:
        return [Involved(str(name), str(how)) for name, how in self.conn.execute(
            "SELECT name, how FROM involved_people WHERE concern_id = ? ORDER BY id",
            (concern_id,))]

    def add_involved(self, concern_id: int, name: str, how: str = "", role: str = "",
                     on: date | None = None) -> int:
        """Someone involved in the events or in a decision on the concern (staff)."""
        if not name.strip():
            raise RuleError([RuleViolation("name", "Name the person involved.")])
        _limit(name=("Name", name), how=("How they were involved", how), role=("Role", role))
        with database.write(self.conn):
            self._require(concern_id)
            cursor = self.conn.execute(
                "INSERT INTO involved_people (concern_id, name, role, how, added_on)"
                " VALUES (?, ?, ?, ?, ?)",
                (concern_id, " ".join(name.split()), role.strip(), how.strip(),
                 (on or self.today()).isoformat()))
            row_id = int(cursor.lastrowid or 0)
            self._check_independence(concern_id)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "involved.added", {"involved_people": row_id})
            return row_id

    def _check_independence(self, concern_id: int, justification: str | None = None) -> None:
        """Inside the open transaction: the stage 2 handler against the stage 1 handler and
        the people involved. A clash needs a justification (given now, or recorded before
        for the same clash); it is kept with the stage, or cleared when there is none."""
        _limit(justification=("Why they investigate all the same", justification))
        rows = dict(self.conn.execute(
            "SELECT stage, handler FROM stages WHERE concern_id = ?", (concern_id,)).fetchall())
        handler = rows.get("stage2")
        if "stage2" not in rows:
            return
        clashes = handler_clashes(str(handler or ""), rows.get("stage1"),
                                  self.involved_of(concern_id))
        if not clashes:
            self.conn.execute("UPDATE stages SET handler_clash = NULL, handler_justification"
                              " = NULL WHERE concern_id = ? AND stage = 'stage2'", (concern_id,))
            return
        clash = "; ".join(clashes)
        recorded = self.conn.execute(
            "SELECT handler_clash, handler_justification FROM stages"
            " WHERE concern_id = ? AND stage = 'stage2'", (concern_id,)).fetchone()
        given = (justification or "").strip()
        if not given and recorded is not None and recorded[0] == clash and recorded[1]:
            given = str(recorded[1])
        if not given:
            raise RuleError([RuleViolation("handler", clash_sentence(str(handler), clashes))])
        self.conn.execute(
            "UPDATE stages SET handler_clash = ?, handler_justification = ?"
            " WHERE concern_id = ? AND stage = 'stage2'", (clash, given, concern_id))

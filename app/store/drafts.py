"""Text being typed, kept encrypted in the casebook (never in a plain file)."""

from __future__ import annotations

from app.store import database
from app.store.concern_core import (
    ConcernCore,
    _now,
)


class Drafts(ConcernCore):
    def save_draft(self, kind: str, concern_id: int | None, body: str,
                   draft_id: int | None = None) -> int:
        """Text being typed, kept encrypted in the casebook (never in a plain file)."""
        with database.write(self.conn):
            if draft_id is not None:
                self.conn.execute("UPDATE drafts SET body = ?, updated_at = ? WHERE id = ?",
                                  (body, _now(), draft_id))
                return draft_id
            cursor = self.conn.execute(
                "INSERT INTO drafts (kind, concern_id, body, updated_at) VALUES (?, ?, ?, ?)",
                (kind, concern_id, body, _now()))
            return int(cursor.lastrowid or 0)

    def discard_draft(self, draft_id: int) -> None:
        with database.write(self.conn):
            self.conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))


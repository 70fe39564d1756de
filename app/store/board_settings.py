"""The board's own never-publish list: words its publications must not carry.

The board holds no names, so before anything is published the learning statements the
units sent are scanned for patterns (emails, phone numbers, CHI numbers, dates of birth)
and for this list (a tiny team's name, a one-person post): app/returns/board_publication.
Kept in board.db's meta table as a JSON list; each change is audited by the setting's
name, never its words. The same checks as the casebook's list (app/store/scan_settings).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from app.store import database
from app.store.board import Board
from app.store.scan_settings import cleaned_list

NEVER_PUBLISH = "never_publish"


def never_publish(board: Board) -> tuple[str, ...]:
    row = board.conn.execute("SELECT value FROM meta WHERE key = ?",
                             (NEVER_PUBLISH,)).fetchone()
    if row is None:
        return ()
    try:
        items = json.loads(str(row[0]))
    except ValueError:
        return ()
    return tuple(str(i) for i in items if isinstance(i, str) and i.strip()) \
        if isinstance(items, list) else ()


def set_never_publish(board: Board, items: Iterable[str]) -> tuple[str, ...]:
    cleaned = cleaned_list(items)
    if cleaned == never_publish(board):
        return cleaned
    with database.write(board.conn):
        board.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (NEVER_PUBLISH, json.dumps(list(cleaned), ensure_ascii=False)))
    board.record("setting.changed", "setting", NEVER_PUBLISH)
    return cleaned

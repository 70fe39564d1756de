"""Reading and replacing the free text of every record in cases.db, field by field.

The fields are app/core/case_text.CASE_TEXT (each a table and column); nothing else can be
named here, so no table or column reaches SQL from outside that list. Each record is said
in the users' words ("the conversation of 03/05/2025", "issue 2", "a draft"), never by
its text. A draft's body is the JSON of a form's fields: each of its texts is a piece.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.core.case_text import CASE_TEXT, TextField
from app.store import audit, database
from app.store.casebook import Casebook
from app.store.database import Connection
from app.store.errors import NotFound

_FIELDS = {(f.table, f.column): f for f in CASE_TEXT}
# table -> (the concern's id, how one record is said), as SQL over that table's row.
_RECORDS: dict[str, tuple[str, str]] = {
    "concerns": ("id", "'the concern'"),
    "concern_themes": ("concern_id", "'a local theme'"),
    "concern_issues": ("concern_id", "'issue ' || number"),
    "stages": ("concern_id", "'stage ' || substr(stage, 6)"),
    "extensions": ("concern_id", "'an extension at stage ' || substr(stage, 6)"),
    "conversations": ("concern_id", "'the conversation of ' || held_on"),
    "actions": ("concern_id", "'action ' || (SELECT count(*) FROM actions AS earlier"
                " WHERE earlier.concern_id = actions.concern_id AND earlier.id <= actions.id)"),
    "signposting": ("concern_id", "'signposting on ' || signposted_on"),
    "detriment_reports": ("concern_id", "'detriment reported on ' || reported_on"),
    "feedback": ("concern_id", "'feedback received on ' || received_on"),
    "disclosures": ("concern_id", "'the disclosure on ' || disclosed_on"),
    "drafts": ("concern_id", "'a draft (' || replace(kind, '_', ' ') || ')'"),
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class TextPiece:
    """One field's text in one record (a draft's field: `part` names it)."""

    field: TextField
    rowid: int
    concern_id: int | None
    record: str  # in the users' words
    text: str
    part: str = ""  # for a draft: the form field the text is in


def field_of(table: str, column: str) -> TextField:
    found = _FIELDS.get((table, column))
    if found is None:
        raise ValueError(f"not a case text field: {table}.{column}")
    return found


def _said(label: object) -> str:
    return _ISO.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}", str(label))


def count_rows(conn: Connection) -> int:
    """How many records hold case text (for progress)."""
    return sum(int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
               for table in dict.fromkeys(f.table for f in CASE_TEXT))


def pieces(conn: Connection, concerns_per_batch: int = 250) -> Iterator[list[TextPiece]]:
    """Every non-empty piece of case text, a few hundred concerns' records at a time, each
    concern's pieces together (the scanner prepares a concern's own person once); drafts
    of concerns not yet recorded come last."""
    by_table: dict[str, list[TextField]] = {}
    for item in CASE_TEXT:
        by_table.setdefault(item.table, []).append(item)
    ids = [int(row[0]) for row in conn.execute("SELECT id FROM concerns ORDER BY id")]
    for at in range(0, len(ids), concerns_per_batch):
        first, last = ids[at], ids[min(at + concerns_per_batch, len(ids)) - 1]
        found: list[TextPiece] = []
        for table, fields in by_table.items():
            found.extend(_table_pieces(conn, table, fields,
                                       f"{_RECORDS[table][0]} BETWEEN ? AND ?", (first, last)))
        found.sort(key=lambda piece: piece.concern_id or 0)
        yield found
    yield _table_pieces(conn, "drafts", by_table["drafts"], "concern_id IS NULL", ())


def _table_pieces(conn: Connection, table: str, fields: list[TextField], where: str,
                  args: tuple[object, ...]) -> list[TextPiece]:
    concern, label = _RECORDS[table]
    columns = ", ".join(f.column for f in fields)
    found: list[TextPiece] = []
    for rowid, concern_id, said, *texts in conn.execute(
            f"SELECT rowid, {concern}, {label}, {columns} FROM {table} WHERE {where}"
            " ORDER BY rowid", args):
        for item, text in zip(fields, texts, strict=True):
            found.extend(_pieces_of(item, int(rowid), concern_id, _said(said), text))
    return found


def _pieces_of(item: TextField, rowid: int, concern_id: object, said: str, text: object
               ) -> list[TextPiece]:
    if not isinstance(text, str) or not text.strip():
        return []
    owner = int(concern_id) if isinstance(concern_id, int) else None
    if item.table != "drafts":
        return [TextPiece(item, rowid, owner, said, text)]
    return [TextPiece(item, rowid, owner, said, value, part)
            for part, value in _draft_texts(text)]


def _draft_texts(body: str) -> list[tuple[str, str]]:
    """A draft's texts: each string field of a form's draft, or the whole body if it is
    not a form's JSON (kept as typed)."""
    try:
        data = json.loads(body)
    except ValueError:
        return [("", body)]
    fields = data.get("fields") if isinstance(data, dict) else None
    if not isinstance(fields, dict):
        return [("", body)]
    return [(str(key), value) for key, value in fields.items()
            if isinstance(value, str) and value.strip()]


def read_piece(conn: Connection, table: str, column: str, rowid: int, part: str = ""
               ) -> TextPiece:
    item = field_of(table, column)
    concern, label = _RECORDS[table]
    row = conn.execute(f"SELECT {concern}, {label}, {column} FROM {table} WHERE rowid = ?",
                       (rowid,)).fetchone()
    if row is None:
        raise NotFound("That record no longer exists.")
    for piece in _pieces_of(item, rowid, row[0], _said(row[1]), row[2]):
        if piece.part == part:
            return piece
    raise NotFound("That text is no longer there.")


def replace_piece(book: Casebook, piece: TextPiece, new_text: str, kinds: list[str]) -> None:
    """Write `new_text` in place of the piece's text, audited (table, field, kinds; never
    the text). For a draft, only that form field's text changes."""
    conn = book.cases
    item = piece.field
    with database.write(conn):
        current = conn.execute(f"SELECT {item.column} FROM {item.table} WHERE rowid = ?",
                               (piece.rowid,)).fetchone()
        if current is None:
            raise NotFound("That record no longer exists.")
        value = new_text
        if item.table == "drafts" and piece.part:
            data = json.loads(str(current[0]))
            data["fields"][piece.part] = new_text
            value = json.dumps(data, ensure_ascii=False, sort_keys=True)
        conn.execute(f"UPDATE {item.table} SET {item.column} = ? WHERE rowid = ?",
                     (value, piece.rowid))
        audit.append(conn, book.audit_key, "identity.text_replaced",
                     "concern" if piece.concern_id is not None else item.table,
                     piece.concern_id if piece.concern_id is not None else piece.rowid,
                     {"record": item.table, "field": item.column, "kinds": sorted(set(kinds))})

"""The organisation's own letter templates, kept in the casebook (so a backup carries them).

A template is stored in cases.db's meta table under `letter_template:<kind>`;
without one, the default shipped in resources/letters/ is used. Saving or
removing one is audited (by key, never by content). Checking a template's
wording is the documents package's job (app.documents.letters.check_template).
"""

from __future__ import annotations

from app.store import audit, database
from app.store.casebook import Casebook

PREFIX = "letter_template:"


def template_key(kind: str) -> str:
    return PREFIX + kind


def template_override(book: Casebook, kind: str) -> str | None:
    """The organisation's template for a kind of letter, or None to use the default."""
    return book.setting(template_key(kind))


def save_template_override(book: Casebook, kind: str, text: str) -> None:
    book.set_setting(template_key(kind), text)


def remove_template_override(book: Casebook, kind: str) -> None:
    """Go back to the default template (audited like any change of setting)."""
    conn = book.cases
    with database.write(conn):
        conn.execute("DELETE FROM meta WHERE key = ?", (template_key(kind),))
        audit.append(conn, book.audit_key, "setting.changed", "setting", template_key(kind))


def overridden_kinds(book: Casebook) -> list[str]:
    """Which kinds of letter the organisation has its own template for."""
    rows = book.cases.execute("SELECT key FROM meta WHERE key LIKE ? ORDER BY key",
                              (PREFIX + "%",))
    return [str(row[0])[len(PREFIX):] for row in rows]

"""Numbered SQL migrations (database/<store>/NNNN_name.sql), one transaction each.

The schema version is SQLite's `user_version`, set inside the same transaction
as the migration, so a crash leaves the database at the old version or the new,
never between. An existing database is backed up before it is migrated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.paths import migrations_dir
from app.store.database import Connection, Error, translate
from app.store.errors import NewerCasebook

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available(store: str) -> list[Migration]:
    found = []
    for path in sorted(migrations_dir(store).glob("*.sql")):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations for {store} are not numbered 1..n: {versions}")
    return found


def latest(store: str) -> int:
    return len(available(store))


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply(
    conn: Connection,
    store: str,
    *,
    before_upgrade: Callable[[], None] | None = None,
    up_to: int | None = None,
) -> list[int]:
    """Apply pending migrations; returns the versions applied."""
    migrations = available(store)
    target = len(migrations) if up_to is None else up_to
    version = current_version(conn)
    if version > len(migrations):
        raise NewerCasebook(f"{store}.db", version, len(migrations))
    pending = [m for m in migrations if version < m.version <= target]
    if pending and version > 0 and before_upgrade is not None:
        before_upgrade()
    for migration in pending:
        _apply_one(conn, migration)
    return [m.version for m in pending]


def _apply_one(conn: Connection, migration: Migration) -> None:
    # executescript would commit an open transaction first, so the script
    # carries its own BEGIN/COMMIT around the migration and the version bump.
    script = (
        "BEGIN IMMEDIATE;\n"
        + migration.sql()
        + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;\n"
    )
    try:
        conn.executescript(script)
    except Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc, None) from exc

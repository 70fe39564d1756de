from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.store import database, keys, migrations
from app.store.casebook import Casebook
from tests.support import PASSPHRASE


def _schema(conn: database.Connection) -> list[tuple[str, str, str]]:
    return sorted(conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master"
        " WHERE name NOT LIKE 'sqlite_%'").fetchall())


@pytest.mark.parametrize("store", ["cases", "identities"])
def test_step_by_step_equals_fresh(tmp_path: Path, store: str) -> None:
    key = keys.database_key(b"m" * 32, store)
    fresh = database.connect(tmp_path / "fresh.db", key, create=True)
    migrations.apply(fresh, store)
    stepped_path = tmp_path / "stepped.db"
    for version in range(1, migrations.latest(store) + 1):
        conn = database.connect(stepped_path, key, create=True)
        assert migrations.apply(conn, store, up_to=version) == [version]
        conn.close()  # each step on a reopened file, as an upgrade would be
    stepped = database.connect(stepped_path, key)
    assert migrations.current_version(stepped) == migrations.current_version(fresh)
    assert _schema(stepped) == _schema(fresh)
    fresh.close()
    stepped.close()


def test_an_old_casebook_is_backed_up_then_upgraded(tmp_path: Path, folder: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Make a casebook whose cases.db stops at version 1, as an older release wrote it.
    real = migrations.migrations_dir
    old = tmp_path / "old" / "database"
    shutil.copytree(real("cases").parent, old)
    for later in (old / "cases").glob("*.sql"):
        if later.name.startswith("0001_"):
            continue
        later.unlink()
    monkeypatch.setattr(migrations, "migrations_dir", lambda store: old / store)
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    assert migrations.current_version(book.cases) == 1
    book.close()
    monkeypatch.setattr(migrations, "migrations_dir", real)

    with Casebook.open(folder, PASSPHRASE) as book:
        assert migrations.current_version(book.cases) == migrations.latest("cases")
    backups = list((folder / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.endswith("before-upgrade")
    master_check = backups[0] / "cases.db"
    assert master_check.exists()


def test_a_failing_migration_changes_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "database" / "cases"
    broken.mkdir(parents=True)
    (broken / "0001_start.sql").write_text("CREATE TABLE a (x INTEGER);")
    (broken / "0002_bad.sql").write_text(
        "CREATE TABLE b (y INTEGER);\nINSERT INTO a VALUES (1);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrations, "migrations_dir", lambda store: tmp_path / "database" / store)
    conn = database.connect(tmp_path / "x.db", b"k" * 32, create=True)
    with pytest.raises(database.dbapi2.Error):
        migrations.apply(conn, "cases")
    assert migrations.current_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert names == {"a"}
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 0
    conn.close()


def test_a_newer_casebook_is_refused_plainly(tmp_path: Path) -> None:
    from app.store.errors import NewerCasebook

    conn = database.connect(tmp_path / "x.db", b"k" * 32, create=True)
    conn.execute("PRAGMA user_version = 999")
    with pytest.raises(NewerCasebook, match="newer Casebook"):
        migrations.apply(conn, "cases")
    conn.close()

"""The information governance pack (docs/information-governance.md) against the code.

Every fact the pack states that the code can confirm is read out of the pack and checked
here: the tables of each database (against the migrations, applied to a fresh file), the
files of a casebook folder (against a real casebook that has been backed up, restored and
had a record destroyed), the settings' defaults, the key derivation, the return's fields,
the handover package's files, the audit events and the secrets kept in cases.db. A change
that makes the pack untrue fails here.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core.records import Outcome, Stage
from app.paths import (
    BACKUP_INDEX,
    BACKUPS_DIR,
    CASES_DB,
    IDENTITIES_DB,
    KEYSLOTS,
    LOCK_FILE,
    REKEY_MARKER,
    resources_dir,
)
from app.returns import handover_package
from app.services import retention
from app.store import backup, database, head_record, keys, migrations, quick_unlock
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.continuity.helpers import named
from tests.support import PASSPHRASE, TODAY

DOCS = Path(__file__).resolve().parent.parent / "docs"
PACK = (DOCS / "information-governance.md").read_text(encoding="utf-8")
APP = Path(__file__).resolve().parent.parent / "app"


def _between(marker: str) -> str:
    match = re.search(rf"<!-- {re.escape(marker)} -->(.*?)<!-- /[a-z-]+ -->", PACK, re.S)
    assert match, f"the pack has no section marked {marker}"
    return match.group(1)


def _first_column(marker: str) -> set[str]:
    names: set[str] = set()
    for line in _between(marker).splitlines():
        if line.startswith("| `"):
            cell = line.split("|")[1]
            names.update(re.findall(r"`([^`]+)`", cell))
    return names


def _ticked(marker: str) -> list[str]:
    return re.findall(r"`([^`]+)`", _between(marker))


@pytest.mark.parametrize("store", ["cases", "identities", "board"])
def test_the_tables_of_each_database_are_the_migrations(tmp_path: Path, store: str) -> None:
    conn = database.connect(tmp_path / "fresh.db", b"k" * 32, create=True)
    try:
        migrations.apply(conn, store)
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        views = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'view'")}
    finally:
        conn.close()
    assert _first_column(f"tables: {store}") == tables
    for view in views:  # views are named in the text after the table
        assert f"`{view}`" in PACK, view


def test_the_files_of_a_casebook_folder(folder: Path, tmp_path: Path) -> None:
    documented: set[str] = set()
    for name in _first_column("files: casebook"):
        documented.add(name.rstrip("/"))
    known = {CASES_DB, IDENTITIES_DB, KEYSLOTS, LOCK_FILE, BACKUPS_DIR, BACKUP_INDEX,
             REKEY_MARKER, head_record.FILE_NAME, backup.RESTORED_FROM}
    known |= {f"{db}-{tail}" for db in (CASES_DB, IDENTITIES_DB) for tail in ("wal", "shm")}
    assert documented == known
    # A real casebook after the work that leaves the most files: every one is documented.
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        service = ConcernService(book, today=lambda: TODAY)
        cid = service.create(named(received_on=date(2018, 5, 2)))
        service.respond(cid, Stage.STAGE1, date(2018, 5, 9), Outcome.UPHELD)
        book.identities()
        entry = backup.backup_files(folder, book.master_key, to=tmp_path / "usb").path
        retention.destroy(book, retention.plan(book, ["WB-2018-0001"], "End of retention",
                                               today=TODAY), PASSPHRASE)
        seen = {p.name for p in folder.iterdir()}
    restored = backup.restore(entry, tmp_path / "restored")
    seen |= {p.name for p in restored.iterdir()}
    assert seen <= documented, seen - documented
    assert {CASES_DB, IDENTITIES_DB, KEYSLOTS, BACKUPS_DIR, BACKUP_INDEX,
            head_record.FILE_NAME, backup.RESTORED_FROM} <= seen


def test_settings_defaults_and_limits(book: Casebook) -> None:
    assert "(`retention_years`, default 6)" in PACK
    assert book.setting("retention_years") == "6"
    assert f"the last {backup.KEEP_OWN_BACKUPS} verified backups" in PACK
    assert f"it holds for {retention.APPROVAL_VALID_DAYS} days" in PACK
    assert "(`destruction_approvers` = 2)" in PACK
    assert retention.APPROVERS_SETTING == "destruction_approvers"
    assert f'service name "{quick_unlock.SERVICE}"' in PACK


def test_key_derivation_as_the_pack_says() -> None:
    defaults = keys.Argon2Params()
    assert defaults.time_cost == 3 and defaults.memory_cost_kib == 256 * 1024
    assert "3 passes over 256 MiB" in PACK
    assert "160-bit **recovery key**" in PACK and keys.RECOVERY_SECRET_BYTES * 8 == 160
    master = bytes(range(32))
    for store in ("cases", "identities"):
        label = f"casebook database key v1: {store}"
        assert f"`{label}`" in PACK
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                       info=label.encode()).derive(master)
        assert keys.database_key(master, store) == derived


def test_secrets_kept_inside_cases_db(book: Casebook) -> None:
    from app.services import handover

    handover.address(book)  # makes the handover identity
    for key in ("unit_signing_key", "audit_key", "handover_identity"):
        assert f"`{key}`" in PACK
        assert book.setting(key), key
    assert "`audit_keys_retired`" in PACK
    assert "audit_keys_retired" in (APP / "store" / "audit.py").read_text()


def test_the_returns_fields_and_the_packages_files() -> None:
    schema = json.loads((resources_dir() / "return.schema.json").read_text())
    assert _ticked("return-fields") == list(schema["properties"])
    assert schema.get("additionalProperties") is False
    assert _ticked("package-members") == [handover_package.BODY_NAME,
                                          handover_package.SIGNATURE_NAME]


def test_every_audit_event_named_is_one_the_code_records() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in APP.rglob("*.py"))
    for event in _ticked("audit-events"):
        assert f'"{event}"' in source, event

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
import sqlcipher3

from app.store import keys, keyslots, quick_unlock
from app.store.casebook import Casebook
from app.store.errors import (
    CasebookExists,
    CasebookInUse,
    NetworkFolder,
    QuickUnlockUnavailable,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tests.support import PASSPHRASE


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_casebook_is_two_encrypted_databases_and_key_slots(
        created: tuple[Casebook, str], folder: Path) -> None:
    book, recovery = created
    names = {p.name for p in folder.iterdir()}
    assert {"cases.db", "identities.db", "keyslots.json"} <= names
    for name in ("cases.db", "identities.db"):
        assert not (folder / name).read_bytes().startswith(b"SQLite format 3")
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    doc = json.loads((folder / "keyslots.json").read_text())
    assert set(doc["slots"]) == {"passphrase", "recovery"}
    assert doc["slots"]["passphrase"]["kdf"] == "argon2id"
    assert book.setting("organisation") == "NHS Test Board"
    assert len(recovery.split("-")) == 9


def test_databases_open_with_raw_derived_keys(created: tuple[Casebook, str], folder: Path) -> None:
    book, recovery = created
    master = keys.master_from_recovery(keys.parse_recovery_key(recovery))
    book.close()
    for store in ("cases", "identities"):
        conn = sqlcipher3.connect(str(folder / f"{store}.db"))
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {keys.sqlcipher_key_literal(keys.database_key(master, store))}")
        assert conn.execute("SELECT count(*) FROM meta").fetchone()[0] >= 0
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.close()
    # The other database's key does not open it: the keys really are separate.
    conn = sqlcipher3.connect(str(folder / "identities.db"))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {keys.sqlcipher_key_literal(keys.database_key(master, 'cases'))}")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_connections_use_wal_and_full_sync(book: Casebook) -> None:
    assert book.cases.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert book.cases.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert book.identities().execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_unlock_with_passphrase_and_recovery_key(created: tuple[Casebook, str],
                                                 folder: Path) -> None:
    book, recovery = created
    casebook_id = book.casebook_id
    book.close()
    with Casebook.open(folder, PASSPHRASE) as again:
        assert again.casebook_id == casebook_id
    with Casebook.open_with_recovery_key(folder, recovery.lower().replace("-", " ")) as again:
        assert again.casebook_id == casebook_id


def test_a_wrong_recovery_key_is_refused(created: tuple[Casebook, str], folder: Path) -> None:
    created[0].close()
    other = keys.format_recovery_key(keys.new_recovery_secret())
    with pytest.raises(WrongRecoveryKey):
        Casebook.open_with_recovery_key(folder, other)
    (folder / "keyslots.json").unlink()  # even with no key slots to compare against
    with pytest.raises(WrongRecoveryKey):
        Casebook.open_with_recovery_key(folder, other)


def test_losing_keyslots_is_survivable_with_the_recovery_key(
        created: tuple[Casebook, str], folder: Path) -> None:
    book, recovery = created
    book.close()
    (folder / "keyslots.json").write_text("{ damaged")
    with Casebook.open_with_recovery_key(folder, recovery) as again:
        again.change_passphrase("a brand new passphrase")
    with Casebook.open(folder, "a brand new passphrase") as again:
        assert again.setting("reporting_unit") == "Test Unit"


def test_changing_the_passphrase_rewrites_only_the_key_slots(
        created: tuple[Casebook, str], folder: Path) -> None:
    book, _ = created
    book.close()
    with Casebook.open(folder, PASSPHRASE) as again:
        again.cases.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = {n: _digest(folder / n) for n in ("cases.db", "identities.db")}
        slots_before = (folder / "keyslots.json").read_bytes()
        again.change_passphrase("another long passphrase", argon2=None)
        assert {n: _digest(folder / n) for n in before} == before
        assert (folder / "keyslots.json").read_bytes() != slots_before
    assert not list(folder.glob(".keyslots.json.*"))  # no temp file left behind
    with pytest.raises(WrongPassphrase):
        Casebook.open(folder, PASSPHRASE)
    Casebook.open(folder, "another long passphrase").close()


def test_refuses_weak_passphrase_and_existing_casebook(folder: Path,
                                                       created: tuple[Casebook, str]) -> None:
    with pytest.raises(CasebookExists):
        Casebook.create(folder, PASSPHRASE, organisation="x", unit="y")
    with pytest.raises(WeakPassphrase, match="at least 12"):
        Casebook.create(folder.parent / "other", "short", organisation="x", unit="y")
    assert not (folder.parent / "other" / "cases.db").exists()


def test_a_second_open_is_refused_while_one_is_open(created: tuple[Casebook, str],
                                                    folder: Path) -> None:
    with pytest.raises(CasebookInUse, match="already open"):
        Casebook.open(folder, PASSPHRASE)


def test_tampered_passphrase_slot_reads_as_wrong_passphrase(
        created: tuple[Casebook, str], folder: Path) -> None:
    created[0].close()
    doc = json.loads((folder / "keyslots.json").read_text())
    doc["casebook_id"] = "someone-else"  # the slot is bound to its casebook
    (folder / "keyslots.json").write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        Casebook.open(folder, PASSPHRASE)


def test_quick_unlock_through_a_secure_keyring(memory_keyring, created: tuple[Casebook, str],
                                               folder: Path) -> None:
    book, _ = created
    book.set_quick_unlock(True)
    stored = list(memory_keyring.secrets.values())
    assert len(stored) == 1
    master_hex = book.master_key.hex()
    assert master_hex not in stored[0] and PASSPHRASE not in stored[0]
    book.close()
    quick = Casebook.open_quick(folder)
    assert quick is not None
    with quick:
        quick.set_quick_unlock(False)
    assert memory_keyring.secrets == {}
    assert Casebook.open_quick(folder) is None


def test_no_secure_keyring_means_no_quick_unlock(no_keyring, book: Casebook,
                                                 folder: Path) -> None:
    assert not quick_unlock.available()
    with pytest.raises(QuickUnlockUnavailable, match="use the passphrase"):
        book.set_quick_unlock(True)
    assert "keyring" not in keyslots.load(folder / "keyslots.json").slots


def test_a_plaintext_keyring_is_not_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    import keyring.backend

    class PlainText(keyring.backend.KeyringBackend):
        priority = 5  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("must never be asked to store a secret")

        def delete_password(self, service: str, username: str) -> None:
            pass

    PlainText.__module__ = "keyrings.alt.file"
    previous = keyring.get_keyring()
    keyring.set_keyring(PlainText())
    try:
        assert not quick_unlock.available()
    finally:
        keyring.set_keyring(previous)


def test_a_network_folder_is_refused(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    from app.store import casebook as casebook_module

    monkeypatch.setattr(casebook_module, "network_fstype", lambda _folder: "nfs4")
    with pytest.raises(NetworkFolder, match="network drive"):
        Casebook.create(folder, PASSPHRASE, organisation="x", unit="y")
    assert not folder.exists()

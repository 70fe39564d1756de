from __future__ import annotations

from pathlib import Path

import pytest

from app.paths import REKEY_MARKER
from app.store import audit, backup, keys
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import WrongRecoveryKey
from app.store.rekey import rekey
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE, TODAY


def test_rekey_changes_every_key_and_keeps_every_record(created: tuple[Casebook, str],
                                                        folder: Path) -> None:
    book, old_recovery = created
    ConcernService(book, today=lambda: TODAY).create(NAMED)
    old_backup = backup.backup_files(folder, book.master_key).path
    old_master = book.master_key
    book.close()

    new_recovery = rekey(folder, PASSPHRASE)
    assert new_recovery != old_recovery
    with pytest.raises(WrongRecoveryKey):
        Casebook.open_with_recovery_key(folder, old_recovery)
    with Casebook.open(folder, PASSPHRASE) as again:
        assert again.master_key != old_master
        assert again.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == 1
        assert again.identities().execute("SELECT name FROM persons").fetchone()[0] == (
            "Jordan Testperson")
        chain = audit.verify(again.cases, again.audit_key)
        assert chain.ok
        assert again.cases.execute(
            "SELECT event FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0] == (
            "casebook.rekeyed")
    with Casebook.open_with_recovery_key(folder, new_recovery):
        pass
    assert not [p for p in folder.iterdir() if p.name.endswith(".new")]
    # The old backup stays under the old key, and opens with the old recovery key.
    restored = backup.restore(old_backup, folder.parent / "old")
    with Casebook.open_with_recovery_key(restored, old_recovery) as old:
        assert old.master_key == old_master


def test_an_interrupted_rekey_before_its_commit_point_is_rolled_back(
        created: tuple[Casebook, str], folder: Path) -> None:
    book, recovery = created
    book.close()
    (folder / "cases.db.new").write_bytes(b"half written")
    (folder / "keyslots.json.new").write_bytes(b"{}")
    with Casebook.open_with_recovery_key(folder, recovery):
        pass
    assert not (folder / "cases.db.new").exists() and not (folder / "keyslots.json.new").exists()


def test_an_interrupted_rekey_after_its_commit_point_is_finished(
        created: tuple[Casebook, str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book, _ = created
    book.close()
    from app.store import rekey as rekey_module

    calls = {"n": 0}
    real = rekey_module.finish_interrupted_rekey

    def crash_after_commit(target: Path) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the call that would move the files into place
            raise KeyboardInterrupt("power cut")
        real(target)

    monkeypatch.setattr(rekey_module, "finish_interrupted_rekey", crash_after_commit)
    with pytest.raises(KeyboardInterrupt):
        rekey(folder, PASSPHRASE)
    monkeypatch.undo()
    assert (folder / REKEY_MARKER).exists()
    with Casebook.open(folder, PASSPHRASE) as again:  # finishes the swap, then opens
        assert keys.key_check(again.master_key) == again.slots.key_check
    assert not (folder / REKEY_MARKER).exists()

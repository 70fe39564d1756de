"""Hostile or damaged key slots, a keyring chain with a plaintext member, a full disk.

keyslots.json is not secret and anyone who can write the folder can edit it. A hostile
slot must not make unlocking hang or crash (Argon2 asked for terabytes or a billion
passes), and a damaged slot must be told apart from a wrong passphrase, before any key
derivation runs. Quick unlock must never put its secret in a plaintext keyring, even one
chained behind a secure one.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest
from argon2.exceptions import HashingError
from keyring.backends.chainer import ChainerBackend

from app.store import keys, keyslots, quick_unlock
from app.store.casebook import Casebook
from app.store.errors import KeySlotDamaged, KeySlotsUnreadable, WrongPassphrase
from tests.conftest import MemoryKeyring
from tests.fault.fault_helpers import needs_root, run_cli, tmpfs
from tests.support import PASSPHRASE

NEW = "a new passphrase, long enough"


@pytest.fixture
def casebook(created: tuple[Casebook, str], folder: Path) -> tuple[Path, str]:
    book, recovery = created
    book.close()
    return folder, recovery


def _edit_slot(folder: Path, **changes: Any) -> None:
    path = folder / "keyslots.json"
    doc = json.loads(path.read_text())
    for key, value in changes.items():
        if value is None:
            doc["slots"]["passphrase"].pop(key, None)
        else:
            doc["slots"]["passphrase"][key] = value
    path.write_text(json.dumps(doc))


@pytest.fixture
def no_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any key derivation at all fails the test: hostile slots are refused before one."""
    def refused(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a key derivation ran for a hostile slot")

    monkeypatch.setattr(keys, "passphrase_key", refused)


HOSTILE = [
    ({"memory_cost_kib": 2**40}, "memory"),
    ({"memory_cost_kib": 4 * 1_048_576}, "memory"),
    ({"time_cost": 10**9}, "passes"),
    ({"time_cost": 0}, "passes"),
    ({"parallelism": 0}, "lanes"),
    ({"parallelism": 2**24}, "lanes"),
    ({"time_cost": 10, "memory_cost_kib": 1_048_576}, "more work"),
    ({"memory_cost_kib": 8, "parallelism": 8}, "less memory"),
    ({"time_cost": "3"}, "not a whole number"),
    ({"time_cost": 3.5}, "not a whole number"),
    ({"parallelism": True}, "not a whole number"),
    ({"memory_cost_kib": -1}, "memory"),
    ({"salt": base64.b64encode(b"short").decode()}, "salt is 5 bytes"),
    ({"nonce": base64.b64encode(b"\0" * 64).decode()}, "nonce is 64 bytes"),
    ({"ciphertext": base64.b64encode(b"\0" * 10).decode()}, "ciphertext is 10 bytes"),
    ({"salt": "not base64!"}, "not base64"),
    ({"nonce": None}, "nonce is missing"),
    ({"kdf": "scrypt"}, "not Argon2id"),
]


@pytest.mark.parametrize(("changes", "said"), HOSTILE)
def test_a_hostile_slot_is_damage_not_a_wrong_passphrase(
        casebook: tuple[Path, str], no_derivation: None, changes: dict[str, Any],
        said: str) -> None:
    folder, _ = casebook
    _edit_slot(folder, **changes)
    before = (folder / "keyslots.json").read_bytes()
    with pytest.raises(KeySlotDamaged) as raised:
        Casebook.open(folder, PASSPHRASE)
    message = str(raised.value)
    assert said in message and "not a wrong passphrase" in message and "recover" in message
    assert (folder / "keyslots.json").read_bytes() == before


def test_the_command_line_says_it_in_one_sentence(casebook: tuple[Path, str]) -> None:
    folder, _ = casebook
    _edit_slot(folder, memory_cost_kib=2**40)
    done = run_cli(["check", "--casebook", str(folder)], CASEBOOK_PASSPHRASE=PASSPHRASE,
                   timeout=60)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "damaged" in done.stderr and "Traceback" not in done.stderr


def test_the_recovery_key_opens_past_a_damaged_slot_and_mends_it(
        casebook: tuple[Path, str]) -> None:
    folder, recovery = casebook
    _edit_slot(folder, time_cost=10**9)
    with Casebook.open_with_recovery_key(folder, recovery) as book:
        book.change_passphrase(NEW)
    Casebook.open(folder, NEW).close()


def test_a_derivation_that_fails_inside_argon2_is_damage(
        casebook: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = casebook

    def failing(*args: object, **kwargs: object) -> bytes:
        raise HashingError("Memory allocation error")

    monkeypatch.setattr(keys, "hash_secret_raw", failing)
    with pytest.raises(KeySlotDamaged, match="could not run"):
        Casebook.open(folder, PASSPHRASE)


def test_a_good_slot_with_the_wrong_passphrase_is_still_a_wrong_passphrase(
        casebook: tuple[Path, str]) -> None:
    folder, _ = casebook
    with pytest.raises(WrongPassphrase):
        Casebook.open(folder, "not the passphrase at all")


@pytest.mark.parametrize("content", [
    b"[]", b"null", b"{" * 100_000 + b"}" * 100_000, b"[" * 1_000_000,
    b'{"format": "casebook-keyslots", "version": 1}',
    b" " * (keyslots.MAX_FILE_BYTES + 10) + b"{}",
])
def test_a_key_slot_file_that_is_not_one_is_unreadable(casebook: tuple[Path, str],
                                                       content: bytes) -> None:
    folder, _ = casebook
    (folder / "keyslots.json").write_bytes(content)
    with pytest.raises(KeySlotsUnreadable):
        Casebook.open(folder, PASSPHRASE)


def test_new_slots_are_never_written_out_of_bounds(book: Casebook) -> None:
    with pytest.raises(ValueError, match="out of bounds"):
        keyslots.with_passphrase(book.slots, book.master_key, NEW,
                                 keys.Argon2Params(time_cost=50))
    assert keys.argon2_problem(keys.DEFAULT_ARGON2) is None


# ----- quick unlock and the keyring chain -------------------------------------------------


class PlaintextKeyring(keyring.backend.KeyringBackend):
    """What keyrings.alt's PlaintextKeyring is: secrets in a file, readable by anyone."""

    priority = 20  # type: ignore[assignment]  # higher than the secure one: chosen first

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


PlaintextKeyring.__module__ = "keyrings.alt.file"


class UnknownKeyring(PlaintextKeyring):
    """A third-party backend that says nothing of how it keeps secrets."""


UnknownKeyring.__module__ = "somebody.keyring"


class Chain(ChainerBackend):
    """keyring's own chain, holding the members given (as it would from installed ones)."""

    def __init__(self, members: list[keyring.backend.KeyringBackend]) -> None:
        super().__init__()
        self._members = members

    @property
    def backends(self) -> list[keyring.backend.KeyringBackend]:  # type: ignore[override]
        return self._members


@pytest.fixture
def chain() -> Any:
    secure, plain = MemoryKeyring(), PlaintextKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(Chain([plain, secure]))
    yield secure, plain
    keyring.set_keyring(previous)


def test_quick_unlock_uses_the_secure_member_never_the_plaintext_one(
        book: Casebook, chain: tuple[MemoryKeyring, PlaintextKeyring]) -> None:
    secure, plain = chain
    assert quick_unlock.available()
    book.set_quick_unlock(True)
    assert len(secure.secrets) == 1 and plain.secrets == {}
    # A secret planted in the plaintext member (by whoever can write its file) is not read.
    account = next(iter(secure.secrets))
    plain.secrets[account] = base64.b64encode(b"\0" * 32).decode()
    assert quick_unlock.open_master(book.slots) == bytes(book.master_key)


@pytest.mark.parametrize("backend", [PlaintextKeyring, UnknownKeyring])
def test_no_quick_unlock_with_only_an_insecure_keyring(book: Casebook, backend: type) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend())
    try:
        assert not quick_unlock.available()
        from app.store.errors import QuickUnlockUnavailable

        with pytest.raises(QuickUnlockUnavailable):
            book.set_quick_unlock(True)
    finally:
        keyring.set_keyring(previous)


# ----- a full disk when opening --------------------------------------------------------


def _fill(disk: Path) -> None:
    with (disk / "filler").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


@needs_root
def test_opening_on_a_completely_full_disk_is_one_sentence(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "4m") as disk:
        folder = disk / "casebook"
        Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")[0].close()
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        _fill(disk)
        done = run_cli(["check", "--casebook", str(folder)], CASEBOOK_PASSPHRASE=PASSPHRASE)
        assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
        assert "is full" in done.stderr and "unexpected" not in done.stderr
        assert "damaged" not in done.stderr
        (disk / "filler").unlink()
        with Casebook.open(folder, PASSPHRASE) as book:  # nothing was lost
            assert book.setting("organisation") == "o"
        assert {p for p in before} <= {p.name for p in folder.iterdir()}

"""Shared fixtures: headless Qt, an in-memory keyring, cheap key derivation, a casebook."""

from __future__ import annotations

import os

# Without a display and no platform set, Qt aborts the interpreter.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import keyring.errors  # noqa: E402
import pytest  # noqa: E402

from app.store import keys  # noqa: E402
from app.store.casebook import Casebook  # noqa: E402
from tests.support import CHEAP_ARGON2, PASSPHRASE, TODAY  # noqa: E402


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A secure-looking keyring that lives in memory: CI has no OS keyring."""

    priority = 10  # type: ignore[assignment]
    casebook_secure_storage = True  # stands in for the OS keyring (quick_unlock.SECURE_FLAG)

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test: cheap KDF, its own user folders, no passphrase variables leaking in."""
    monkeypatch.setattr(keys, "DEFAULT_ARGON2", CHEAP_ARGON2)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    for var in ("CASEBOOK_PASSPHRASE", "CASEBOOK_NEW_PASSPHRASE", "CASEBOOK_RECOVERY_KEY"):
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """What headless Linux gives: no secure backend at all."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "casebook"


@pytest.fixture
def created(folder: Path) -> Iterator[tuple[Casebook, str]]:
    book, recovery = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board",
                                     unit="Test Unit")
    try:
        yield book, recovery
    finally:
        book.close()


@pytest.fixture
def book(created: tuple[Casebook, str]) -> Casebook:
    return created[0]


@pytest.fixture
def service(book: Casebook):  # type: ignore[no-untyped-def]
    from app.store.concerns import ConcernService

    return ConcernService(book, today=lambda: TODAY)

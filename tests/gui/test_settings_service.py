"""The settings service on its own (no Qt): checks, holidays, quick unlock, passphrase."""

from __future__ import annotations

from datetime import date

import pytest

from app.paths import KEYSLOTS
from app.store import keyslots
from app.store.casebook import Casebook
from app.store.errors import WeakPassphrase, WrongPassphrase
from app.store.settings_service import (
    HolidayKind,
    SettingsChanges,
    SettingsError,
    SettingsService,
    canonical_recipient,
    recipient_problem,
)
from tests.support import PASSPHRASE

BOARD_KEY = "age1wjfsherxsesmgjz4ys8ulld4v7w8vk3w3n7jzz4549khnqd4qqyqadejj5"


def test_read_gives_the_defaults_of_a_new_casebook(book: Casebook, no_keyring) -> None:
    settings = SettingsService(book).read()
    assert (settings.organisation, settings.reporting_unit) == ("NHS Test Board", "Test Unit")
    assert (settings.auto_lock_minutes, settings.retention_years,
            settings.small_number_threshold) == (5, 6, 5)
    assert settings.board_recipient == ""
    assert not settings.quick_unlock_enabled and not settings.quick_unlock_available


def test_save_checks_everything_before_writing_anything(book: Casebook) -> None:
    service = SettingsService(book)
    with pytest.raises(SettingsError) as raised:
        service.save(SettingsChanges(organisation="New name", reporting_unit="  ",
                                     auto_lock_minutes=0, small_number_threshold=11,
                                     board_recipient="age1nope"))
    message = str(raised.value)
    for part in ("reporting unit", "auto-lock", "small-number", "age1"):
        assert part in message
    assert book.setting("organisation") == "NHS Test Board"


def test_save_writes_only_what_changed(book: Casebook) -> None:
    service = SettingsService(book)
    changed = service.save(SettingsChanges(organisation=" NHS Lothian ", retention_years=6,
                                           board_recipient=BOARD_KEY.upper()))
    assert changed == ("organisation", "board_recipient")
    assert book.setting("organisation") == "NHS Lothian"
    assert book.setting("board_recipient") == BOARD_KEY  # canonical form
    assert service.save(SettingsChanges(organisation="NHS Lothian")) == ()
    assert service.save(SettingsChanges(board_recipient="")) == ("board_recipient",)
    assert book.setting("board_recipient") is None


def test_recipient_checks() -> None:
    assert canonical_recipient(f"  {BOARD_KEY}\n") == BOARD_KEY
    assert canonical_recipient("") == ""
    assert recipient_problem(BOARD_KEY) is None
    assert recipient_problem("AGE-SECRET-KEY-1XYZ") is not None


def test_holidays_national_local_and_worked(book: Casebook) -> None:
    service = SettingsService(book)
    national = {e.day: e for e in service.holidays([2026])}
    assert national[date(2026, 12, 25)].kind is HolidayKind.NATIONAL
    with pytest.raises(SettingsError, match="already a Scottish bank holiday"):
        service.add_local_holiday(date(2026, 12, 25), "Christmas again")
    service.add_local_holiday(date(2026, 7, 20), "  ")
    service.mark_worked(date(2026, 5, 4))
    with pytest.raises(SettingsError, match="not a Scottish bank holiday"):
        service.mark_worked(date(2026, 5, 5))
    entries = {e.day: e for e in service.holidays([2026, 2027])}
    assert entries[date(2026, 7, 20)].label == "Local holiday"
    assert entries[date(2026, 7, 20)].kind is HolidayKind.LOCAL
    assert entries[date(2026, 5, 4)].kind is HolidayKind.WORKED
    service.remove_local_entry(date(2026, 5, 4))
    service.remove_local_entry(date(2026, 7, 20))
    with pytest.raises(SettingsError, match="no local change"):
        service.remove_local_entry(date(2026, 7, 20))
    assert {e.kind for e in service.holidays([2026])} == {HolidayKind.NATIONAL}


def test_quick_unlock_follows_the_keyring(book: Casebook, memory_keyring) -> None:
    service = SettingsService(book)
    assert service.read().quick_unlock_available
    assert service.set_quick_unlock(True) is True
    assert service.set_quick_unlock(True) is True  # already on: nothing rewritten
    assert len(memory_keyring.secrets) == 1
    assert service.set_quick_unlock(False) is False
    assert memory_keyring.secrets == {}


def test_change_passphrase_needs_the_current_one(book: Casebook) -> None:
    service = SettingsService(book)
    with pytest.raises(WrongPassphrase):
        service.change_passphrase("wrong one here", "kettle harbour violet lamp")
    with pytest.raises(WeakPassphrase):
        service.change_passphrase(PASSPHRASE, "short")
    with pytest.raises(WeakPassphrase, match="same as the current"):
        service.change_passphrase(PASSPHRASE, PASSPHRASE)
    service.change_passphrase(PASSPHRASE, "kettle harbour violet lamp")
    slots = keyslots.load(book.folder / KEYSLOTS)
    assert keyslots.open_with_passphrase(slots, "kettle harbour violet lamp",
                                         book.folder / KEYSLOTS) == book.master_key
    with pytest.raises(WrongPassphrase):
        keyslots.open_with_passphrase(slots, PASSPHRASE, book.folder / KEYSLOTS)

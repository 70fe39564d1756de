"""A wrong key changes nothing; damage is named, with the latest good backup; a lost or
damaged keyslots.json is survivable with the recovery key alone."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import ConversationMode
from app.paths import CASES_DB, IDENTITIES_DB, KEYSLOTS
from app.store import backup, keys
from app.store.casebook import Casebook
from app.store.check import check
from app.store.concerns import ConcernService
from app.store.errors import (
    CasebookDamaged,
    KeySlotsUnreadable,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tests.fault.fault_helpers import (
    assert_one_plain_line,
    flip_bytes,
    folder_state,
    leave_hot_wal,
    new_concern,
    run_cli,
    sha256_file,
    sha256_text,
)
from tests.support import PASSPHRASE, TODAY

WRONG = "not the passphrase at all"
NEW_PASSPHRASE = "a brand new passphrase"
PAGE = 4096


def fill(book: Casebook, conversations: int = 30) -> dict[int, str]:
    """A named concern and long conversations (enough pages to damage one in the middle)."""
    service = ConcernService(book, today=lambda: TODAY)
    concern = service.create(new_concern(named=PersonDetails(name="Sam Example")))
    held = {}
    for i in range(conversations):
        notes = f"Conversation {i}. " + "The night shift was short again. " * 300
        notes = notes.strip()  # as the service keeps it
        held[service.log_conversation(concern, TODAY - timedelta(days=1),
                                      ConversationMode.PHONE, notes)] = sha256_text(notes)
    return held


def assert_intact(book: Casebook, conversations: dict[int, str]) -> None:
    report = check(book)
    assert report.ok, report.problems
    for conversation_id, digest in conversations.items():
        (notes,) = book.cases.execute("SELECT notes FROM conversations WHERE id = ?",
                                      (conversation_id,)).fetchone()
        assert sha256_text(notes) == digest
    names = [row[0] for row in book.identities().execute("SELECT name FROM persons")]
    assert names == ["Sam Example"]


# ----- a wrong passphrase or recovery key -----------------------------------------------------


@pytest.mark.parametrize("after_a_crash", [False, True], ids=["closed", "hot-wal"])
def test_a_wrong_passphrase_changes_not_one_byte(created: tuple[Casebook, str], folder: Path,
                                                 after_a_crash: bool) -> None:
    book, _ = created
    fill(book, conversations=3)
    book.close()
    if after_a_crash:  # a WAL waiting to be recovered must not be touched by a wrong key
        leave_hot_wal(folder, PASSPHRASE)
    before = folder_state(folder)  # every file's hash, size and modification time

    with pytest.raises(WrongPassphrase) as caught:
        Casebook.open(folder, WRONG)
    assert str(caught.value) == "Wrong passphrase."
    with pytest.raises(WrongRecoveryKey):
        Casebook.open_with_recovery_key(folder, keys.format_recovery_key(b"\x01" * 20))
    for command in (["check"], ["backup"], ["passphrase"], ["rekey"], ["check", "--json"]):
        done = run_cli([*command, "--casebook", str(folder)], CASEBOOK_PASSPHRASE=WRONG,
                       CASEBOOK_NEW_PASSPHRASE=NEW_PASSPHRASE)
        assert done.returncode == 1, command
        assert done.stdout == "", command
        assert assert_one_plain_line(done.stderr) == "Wrong passphrase.", command

    assert folder_state(folder) == before  # no byte, no file added or removed, no mtime
    with Casebook.open(folder, PASSPHRASE) as book:  # and the right one still opens it
        assert check(book).ok


# ----- damage ----------------------------------------------------------------------------------


@pytest.fixture
def damaged_setup(created: tuple[Casebook, str], folder: Path) -> tuple[Path, Path, int]:
    """A closed casebook with a verified backup; returns the backup, and meta's root page."""
    book, _ = created
    fill(book)
    (meta_root,) = book.cases.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()
    entry = backup.backup_files(folder, book.master_key).path
    book.close()
    return folder, entry, meta_root


def expected_damage(path: Path, entry: Path) -> str:
    return (f"{path} is damaged; it has not been changed or overwritten. "
            f"The latest good backup is {entry}.")


def assert_damage_reported(folder: Path, entry: Path, damaged: Path) -> None:
    """On opening (or by `check`): CasebookDamaged naming the file and the backup, in-process
    and on the command line, and the damaged file itself left exactly as it was."""
    digest = sha256_file(damaged)
    with pytest.raises(CasebookDamaged) as caught, Casebook.open(folder, PASSPHRASE) as book:
        check(book)
    assert caught.value.path == damaged and caught.value.latest_backup == entry
    assert str(caught.value) == expected_damage(damaged, entry)
    for json_flag in ([], ["--json"]):
        done = run_cli(["check", *json_flag, "--casebook", str(folder)],
                       CASEBOOK_PASSPHRASE=PASSPHRASE)
        assert done.returncode == 1 and done.stdout == ""
        assert assert_one_plain_line(done.stderr) == expected_damage(damaged, entry)
    assert sha256_file(damaged) == digest, "the damaged file was changed"
    assert backup.files_intact(entry)


def test_damage_on_the_first_page_is_named_on_opening(damaged_setup: tuple[Path, Path, int]
                                                      ) -> None:
    folder, entry, _ = damaged_setup
    flip_bytes(folder / CASES_DB, 100)
    before = folder_state(folder)
    with pytest.raises(CasebookDamaged) as caught:
        Casebook.open(folder, PASSPHRASE)
    assert str(caught.value) == expected_damage(folder / CASES_DB, entry)
    after = folder_state(folder)
    assert after.keys() == before.keys()  # nothing created beside it (no -wal, no -shm)
    assert after[CASES_DB] == before[CASES_DB]  # not even its modification time
    assert_damage_reported(folder, entry, folder / CASES_DB)


def test_damage_on_a_page_read_when_opening_is_named_on_opening(
        damaged_setup: tuple[Path, Path, int]) -> None:
    folder, entry, meta_root = damaged_setup
    assert meta_root > 1
    flip_bytes(folder / CASES_DB, (meta_root - 1) * PAGE + 1000)
    with pytest.raises(CasebookDamaged) as caught:
        Casebook.open(folder, PASSPHRASE)
    assert str(caught.value) == expected_damage(folder / CASES_DB, entry)
    assert_damage_reported(folder, entry, folder / CASES_DB)


def last_page_offset(path: Path) -> int:
    pages = path.stat().st_size // PAGE
    assert pages > 50, "too few pages for a page in the middle of the data"
    return (pages - 1) * PAGE + 1000


def test_damage_on_a_data_page_is_named_by_check(damaged_setup: tuple[Path, Path, int]) -> None:
    """A page that opening does not read (the last conversation's notes): `check` finds it
    and says so as plainly as opening would, never a raw database error."""
    folder, entry, _ = damaged_setup
    flip_bytes(folder / CASES_DB, last_page_offset(folder / CASES_DB))
    assert_damage_reported(folder, entry, folder / CASES_DB)


def test_damage_on_a_data_page_met_while_working_is_named(
        damaged_setup: tuple[Path, Path, int]) -> None:
    """Opening reads only the pages it needs (a full page check on every open would cost about
    1.8 ms per MB), so a damaged page of notes is met when it is read: the worker thread and
    the CLI then say it plainly, naming the casebook and its latest good backup."""
    from app.store.casebook import damage_error
    from app.store.database import DatabaseError

    folder, entry, _ = damaged_setup
    flip_bytes(folder / CASES_DB, last_page_offset(folder / CASES_DB))
    digest = sha256_file(folder / CASES_DB)
    with Casebook.open(folder, PASSPHRASE) as book:
        tables = [name for (name,) in book.cases.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        with pytest.raises(DatabaseError) as raw:  # reading every row meets the damaged page
            for table in tables:
                book.cases.execute(f'SELECT * FROM "{table}"').fetchall()
        plain = damage_error(folder, raw.value)
    assert isinstance(plain, CasebookDamaged) and plain.latest_backup == entry
    assert str(plain) == expected_damage(folder, entry)
    assert sha256_file(folder / CASES_DB) == digest


def test_a_damaged_identities_file_is_named(damaged_setup: tuple[Path, Path, int]) -> None:
    folder, entry, _ = damaged_setup
    flip_bytes(folder / IDENTITIES_DB, 100)
    assert_damage_reported(folder, entry, folder / IDENTITIES_DB)


# ----- keyslots.json lost or damaged -------------------------------------------------------------


def _delete(path: Path) -> None:
    path.unlink()


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _zero(path: Path) -> None:
    path.write_bytes(b"\0" * len(path.read_bytes()))  # what some crashes leave on some disks


def _not_keyslots(path: Path) -> None:
    path.write_text(json.dumps({"format": "something else", "version": 1}))


@pytest.mark.slow
@pytest.mark.parametrize("spoil", [_delete, _truncate, _zero, _not_keyslots],
                         ids=["deleted", "truncated", "zeroed", "other-json"])
def test_lost_keyslots_are_survived_with_the_recovery_key(created: tuple[Casebook, str],
                                                          folder: Path, spoil: object) -> None:
    book, recovery = created
    conversations = fill(book, conversations=3)
    book.close()
    spoil(folder / KEYSLOTS)  # type: ignore[operator]

    with pytest.raises(KeySlotsUnreadable) as caught:
        Casebook.open(folder, PASSPHRASE)
    message = str(caught.value)
    assert "recovery key" in message and "casebook recover" in message
    done = run_cli(["check", "--casebook", str(folder)], CASEBOOK_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 1
    assert assert_one_plain_line(done.stderr) == message

    done = run_cli(["recover", "--casebook", str(folder)], CASEBOOK_RECOVERY_KEY=recovery,
                   CASEBOOK_NEW_PASSPHRASE=NEW_PASSPHRASE)
    assert done.returncode == 0, done.stderr
    with Casebook.open(folder, NEW_PASSPHRASE) as book:
        assert_intact(book, conversations)
        events = [row[0] for row in book.cases.execute("SELECT event FROM audit")]
        assert "casebook.recovered" in events
    with pytest.raises(WrongPassphrase):
        Casebook.open(folder, PASSPHRASE)

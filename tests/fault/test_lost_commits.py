"""A damaged write-ahead log that drops committed transactions is noticed, never passed.

SQLite replays the WAL on opening and stops quietly at the first frame whose checksum
fails; the transactions after it vanish with their audit entries, and the chain that is
left is whole. The casebook keeps its last committed audit head outside the database
(app/store/head_record.py) and compares on opening and in `check`.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from app.store import head_record
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import CasebookDamaged, LostCommits
from tests.fault.fault_helpers import new_concern, run_cli
from tests.support import PASSPHRASE, TODAY

FRAME_HEADER, WAL_HEADER = 24, 32


def _crash_image(live: Path, image: Path) -> None:
    """The casebook's files as a crash would leave them: WAL not folded in."""
    image.mkdir()
    for name in ("cases.db", "cases.db-wal", "identities.db", "keyslots.json",
                 head_record.FILE_NAME):
        if (live / name).exists():
            shutil.copy2(live / name, image / name)


def _damage_frame(wal: Path, from_end: int) -> None:
    """Flip bytes inside one frame's page, `from_end` frames before the end of the WAL."""
    data = bytearray(wal.read_bytes())
    page = int.from_bytes(data[8:12], "big")
    frame = FRAME_HEADER + page
    frames = (len(data) - WAL_HEADER) // frame
    at = WAL_HEADER + (frames - from_end) * frame + FRAME_HEADER + 100
    for i in range(16):
        data[at + i] ^= 0xFF
    wal.write_bytes(bytes(data))


@pytest.fixture
def crashed_with_five_actions(folder: Path, tmp_path: Path) -> Path:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    service = ConcernService(book, today=lambda: TODAY)
    concern = service.create(new_concern())
    book.cases.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all before here is in the file
    for i in range(5):
        service.add_action(concern, f"Action {i}", owner="Lead",
                           due_on=TODAY + timedelta(days=i + 1))
    image = tmp_path / "crash-image"
    _crash_image(folder, image)
    book.close()
    assert head_record.FILE_NAME in {p.name for p in image.iterdir()}
    _damage_frame(image / "cases.db-wal", from_end=6)
    return image


def test_a_damaged_wal_that_loses_commits_is_damage_on_opening(
        crashed_with_five_actions: Path) -> None:
    image = crashed_with_five_actions
    with pytest.raises(LostCommits) as raised:
        Casebook.open(image, PASSPHRASE)
    assert isinstance(raised.value, CasebookDamaged)
    message = str(raised.value)
    assert "changes that were saved have been lost" in message
    assert "has not been changed or overwritten" in message
    assert "\n" not in message


def test_the_command_line_check_never_says_all_passed(crashed_with_five_actions: Path) -> None:
    done = run_cli(["check", "--casebook", str(crashed_with_five_actions)],
                   CASEBOOK_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 1
    assert "All checks passed" not in done.stdout + done.stderr
    assert "have been lost" in done.stderr and done.stderr.count("\n") == 1


def test_the_same_damage_without_the_record_would_pass_unseen(
        crashed_with_five_actions: Path) -> None:
    """Why the record is needed: SQLite itself opens the damaged file without a word."""
    (crashed_with_five_actions / head_record.FILE_NAME).unlink()
    with Casebook.open(crashed_with_five_actions, PASSPHRASE) as book:
        from app.store.check import check

        actions = book.cases.execute("SELECT count(*) FROM actions").fetchone()[0]
        assert actions < 5  # committed actions are gone ...
        assert check(book).ok  # ... and nothing else can tell


def test_a_database_ahead_of_the_record_is_normal_and_brought_up_to_date(
        folder: Path) -> None:
    """A crash between the commit and the record's write leaves the record behind."""
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    behind = head_record.current(book.cases)
    service = ConcernService(book, today=lambda: TODAY)
    service.create(new_concern())
    ahead = head_record.current(book.cases)
    head_record.write(folder, book.master_key, behind)
    book.close()
    with Casebook.open(folder, PASSPHRASE) as book:
        from app.store.check import check

        assert check(book).ok
        book.record("test.event", "test")
        record = head_record.read(folder, book.master_key)
        assert record is not None and record.seq > ahead.seq


def test_a_foreign_or_damaged_record_is_no_record(folder: Path) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    book.close()
    for content in (b"", b"{}", b'{"seq": 99999, "hash": "00", "mac": "00"}', b"\xff" * 10):
        (folder / head_record.FILE_NAME).write_bytes(content)
        Casebook.open(folder, PASSPHRASE).close()

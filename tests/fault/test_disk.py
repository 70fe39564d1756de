"""A full disk and a read-only folder: a plain sentence, and nothing saved is lost.

Both need root: a small tmpfs is a disk that really fills, and a read-only bind mount is a
folder even root cannot write to (root ignores file permissions).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import ConversationMode
from app.store import backup
from app.store.casebook import Casebook
from app.store.check import check
from app.store.concerns import ConcernService
from app.store.errors import BackupError, DiskFull, ReadOnlyFolder
from tests.fault.fault_helpers import (
    assert_one_plain_line,
    folder_state,
    needs_root,
    new_concern,
    read_only_view,
    run_cli,
    sha256_text,
    tmpfs,
)
from tests.support import PASSPHRASE, TODAY

DISK_FULL = ("The disk is full, so the last change was not saved; everything saved before it "
             "is intact. Free some space and try again.")


def long_notes(i: int) -> str:
    # Text that does not compress away: 24 k characters, different every time.
    return f"Conversation {i}: " + os.urandom(12_000).hex()


def _fill_to_the_brim(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


@needs_root
@pytest.mark.slow
def test_a_full_disk_loses_nothing_saved(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small-disk", "3m") as disk:
        folder = disk / "casebook"
        book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board",
                                  unit="Unit")
        filler = disk / "filler"
        filler.write_bytes(b"\0" * 1_000_000)  # to free later
        sliver = disk / "sliver"
        sliver.write_bytes(b"\0" * 64_000)  # room for a person, not for their concern
        service = ConcernService(book, today=lambda: TODAY)
        concerns: dict[int, str] = {}
        conversations: dict[int, str] = {}
        full: DiskFull | None = None
        try:
            for i in range(1, 500):
                if i % 4 == 1:  # a named concern: identities.db and cases.db both grow
                    summary = f"Concern {i} " + os.urandom(2_000).hex()
                    concern = service.create(new_concern(
                        summary=summary, named=PersonDetails(name=f"Person {i}",
                                                             other_names=os.urandom(800).hex())))
                    concerns[concern] = sha256_text(summary)
                else:
                    notes = long_notes(i)
                    conversation = service.log_conversation(
                        max(concerns), TODAY - timedelta(days=1), ConversationMode.PHONE, notes)
                    conversations[conversation] = sha256_text(notes)
        except DiskFull as exc:
            full = exc
        assert full is not None, "the 3 MB disk never filled"
        assert str(full) == DISK_FULL
        # It did save a good deal before filling up. (These notes are one 24,000-character
        # word each; 9 fitted when each save re-indexed the concern's whole text, before
        # database/cases/0007 left the index to the application, and more fit now.)
        assert len(conversations) >= 8

        # Whatever room is left is taken. A save no longer writes the search index
        # (database/cases/0007 made that the application's, later), so saves are smaller, and
        # one may fit in the write-ahead log's frames that the failed change left behind:
        # the change below is bigger than any before it.
        _fill_to_the_brim(disk / "brim")

        # Still full: every kind of change says so plainly, and a backup says it failed.
        with pytest.raises(DiskFull, match="^The disk is full"):
            service.log_conversation(max(concerns), TODAY, ConversationMode.PHONE,
                                     os.urandom(49_000).hex())
        with pytest.raises(DiskFull, match="^The disk is full"):
            service.create(new_concern(summary="More " + os.urandom(20_000).hex(),
                                       named=PersonDetails(name="One Too Many",
                                                           other_names=os.urandom(20_000).hex())))
        # A named concern is two files: the person fits, the concern does not.
        sliver.unlink()
        with pytest.raises(DiskFull, match="^The disk is full"):
            service.create(new_concern(summary="Too long " + os.urandom(45_000).hex(),
                                       named=PersonDetails(name="Half Written")))
        with pytest.raises(BackupError, match="casebook is unchanged"):
            backup.backup_files(folder, book.master_key)
        assert not [p for p in (folder / "backups").iterdir()], "a failed backup left files"
        book.close()

        filler.unlink()  # free some space, as the message says
        with Casebook.open(folder, PASSPHRASE) as book:
            report = check(book)
            assert report.ok, report.problems
            held = dict(book.cases.execute("SELECT id, summary FROM concerns").fetchall())
            assert {k: sha256_text(v) for k, v in held.items()} == concerns  # exactly
            notes = dict(book.cases.execute("SELECT id, notes FROM conversations").fetchall())
            assert {k: sha256_text(v) for k, v in notes.items()} == conversations
            names = {row[0] for row in book.identities().execute("SELECT name FROM persons")}
            assert not names & {"One Too Many", "Half Written"}
            assert len(names) == len(concerns)
            # "... and try again": with space freed, the next change is saved.
            ConcernService(book, today=lambda: TODAY).log_conversation(
                max(concerns), TODAY, ConversationMode.PHONE, "Saved after freeing space.")


@pytest.fixture
def closed_casebook(created: tuple[Casebook, str], folder: Path) -> tuple[Path, str]:
    book, recovery = created
    service = ConcernService(book, today=lambda: TODAY)
    concern = service.create(new_concern(named=PersonDetails(name="Read Only")))
    service.log_conversation(concern, TODAY, ConversationMode.PHONE, "Notes.")
    backup.backup_files(folder, book.master_key)
    book.close()
    return folder, recovery


@needs_root
def test_a_read_only_folder_is_refused_plainly(closed_casebook: tuple[Path, str],
                                               tmp_path: Path) -> None:
    folder, recovery = closed_casebook
    before = folder_state(folder)
    with read_only_view(folder.parent, tmp_path / "read-only") as view:
        seen = view / folder.name
        expected = f"Casebook cannot write to {seen} (it is read-only); nothing was changed."
        with pytest.raises(ReadOnlyFolder) as caught:
            Casebook.open(seen, PASSPHRASE)
        assert str(caught.value) == expected
        with pytest.raises(ReadOnlyFolder):
            Casebook.open_with_recovery_key(seen, recovery)
        for command in (["check"], ["backup"], ["passphrase"], ["rekey"], ["recover"]):
            done = run_cli([*command, "--casebook", str(seen)], CASEBOOK_PASSPHRASE=PASSPHRASE,
                           CASEBOOK_NEW_PASSPHRASE="another long passphrase",
                           CASEBOOK_RECOVERY_KEY=recovery)
            assert done.returncode == 1, (command, done.stderr)
            assert assert_one_plain_line(done.stderr) == expected, command
        # A new casebook, a restore or a backup into a read-only place: said as plainly.
        with pytest.raises(ReadOnlyFolder, match="it is read-only"):
            Casebook.create(view / "new", PASSPHRASE, organisation="O", unit="U")
        done = run_cli(["init", "--casebook", str(view / "new")],
                       CASEBOOK_PASSPHRASE=PASSPHRASE)
        assert done.returncode == 1
        assert "it is read-only" in assert_one_plain_line(done.stderr)
        entry = backup.latest_good_backup(folder)
        assert entry is not None
        done = run_cli(["restore", str(entry), "--casebook", str(view / "restored")],
                       CASEBOOK_PASSPHRASE=PASSPHRASE)
        assert done.returncode == 1
        assert "it is read-only" in assert_one_plain_line(done.stderr)
        with Casebook.open(folder, PASSPHRASE) as book, pytest.raises(
                BackupError, match="Read-only file system"):
            backup.backup_files(folder, book.master_key, to=view / "backups-elsewhere")
    # Nothing in the folder changed (the one open above was on the writable path, read only).
    assert {k: v[0] for k, v in folder_state(folder).items()} == {
        k: v[0] for k, v in before.items()}


@needs_root
def test_locking_on_a_full_disk_still_closes_the_casebook_and_says_why(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+L with a draft to keep and no room to keep it: the casebook is locked and closed
    all the same (the key forgotten), with a plain sentence; never left open."""
    from PySide6.QtCore import Qt

    from app.ui.main_window import MainWindow

    with tmpfs(tmp_path / "small-disk", "4m") as disk:
        folder = disk / "casebook"
        book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
        with book:
            concern = ConcernService(book, today=lambda: TODAY).create(new_concern())
        window = MainWindow(folder, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.show()
        window.unlock_view.passphrase.setText(PASSPHRASE)
        qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.unlocked)
        typed = [("conversation", concern, "Notes typed just now " + os.urandom(40_000).hex())]
        window.shell.pending_drafts = lambda: typed  # an open form holding typed text
        with (disk / "filler").open("wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(os.urandom(65536))
                    handle.flush()
            except OSError:
                pass
        window.lock()
        qtbot.waitUntil(lambda: window.worker.pending == 0)
        assert not window.unlocked
        said = window.statusBar().currentMessage()
        assert said.startswith("The casebook is locked, but what was being typed could not "
                               "be kept as a draft") and "full" in said
        assert window.worker._runner.state.book is None  # closed on the worker, key gone
        (disk / "filler").unlink()
        Casebook.open(folder, PASSPHRASE).close()  # the lock was released
        window.close()

"""A process killed at any moment while writing: on reopen the casebook passes `check` and
every write that was acknowledged is there.

The writer (tests/fault/writer.py) is a real process using the real services on a real
SQLCipher casebook; it is killed with SIGKILL (no clean-up, no atexit, no flush) at random
moments, many times over the same casebook so that any damage would pile up. Rekey, the one
multi-file operation with a commit point, is killed at random moments and at each step.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import ConversationMode
from app.paths import KEYSLOTS, REKEY_MARKER
from app.store import backup, keyslots
from app.store.casebook import Casebook
from app.store.check import check
from app.store.concerns import ConcernService
from app.store.errors import WrongRecoveryKey
from tests.fault.fault_helpers import (
    REPO,
    WRITER,
    LineReader,
    cli_env,
    new_concern,
    sha256_text,
)
from tests.support import PASSPHRASE, TODAY

KILLS = 30
# Fixed, so a failure replays; set CASEBOOK_FAULT_SEED to explore other kill points (soak).
SEED = int(os.environ.get("CASEBOOK_FAULT_SEED", "20261122"))


@dataclass
class Acknowledged:
    """What the writer said it had done; for rewritten rows, every value it may now hold."""

    concerns: dict[int, str] = field(default_factory=dict)
    persons: dict[int, str] = field(default_factory=dict)
    conversations: dict[int, set[str]] = field(default_factory=dict)
    escalated: set[int] = field(default_factory=set)
    drafts: dict[int, set[str]] = field(default_factory=dict)
    last_backup: str | None = None
    lines: int = 0

    def read(self, lines: list[str]) -> int:
        """Take in one run's lines; returns how many acknowledgements it made."""
        count = 0
        for line in lines:
            kind, *rest = line.split()
            if kind not in ("ACK", "INTENT"):
                continue
            what, ident = rest[0], rest[1]
            if kind == "INTENT":  # a rewrite that may or may not have been committed
                self._rewrites(what).setdefault(int(ident), set()).add(rest[2])
                continue
            count += 1
            if what == "concern":
                self.concerns[int(ident)] = rest[2]
            elif what == "person":
                self.persons[int(ident)] = rest[2]
            elif what in ("conversation", "draft"):
                self._rewrites(what)[int(ident)] = {rest[2]}
            elif what == "escalate":
                self.escalated.add(int(ident))
            elif what == "backup":
                self.last_backup = ident
            else:
                raise AssertionError(f"unknown acknowledgement: {line}")
        self.lines += count
        return count

    def _rewrites(self, what: str) -> dict[int, set[str]]:
        return self.conversations if what == "conversation" else self.drafts


def verify(folder: Path, acked: Acknowledged) -> None:
    """Reopen, check, and find every acknowledged write (then narrow rewrites to what is held)."""
    with Casebook.open(folder, PASSPHRASE) as book:
        report = check(book)
        assert report.ok, report.problems
        cases, identities = book.cases, book.identities()
        for concern_id, digest in acked.concerns.items():
            row = cases.execute("SELECT summary FROM concerns WHERE id = ?",
                                (concern_id,)).fetchone()
            assert row is not None, f"acknowledged concern {concern_id} is missing"
            assert sha256_text(row[0]) == digest, f"concern {concern_id} changed"
        for concern_id, digest in acked.persons.items():
            (person_ref,) = cases.execute("SELECT person_ref FROM concerns WHERE id = ?",
                                          (concern_id,)).fetchone()
            row = identities.execute("SELECT name FROM persons WHERE person_ref = ?",
                                     (person_ref,)).fetchone()
            assert row is not None, f"the person of concern {concern_id} is missing"
            assert sha256_text(row[0]) == digest
        for table, column, held in (("conversations", "notes", acked.conversations),
                                    ("drafts", "body", acked.drafts)):
            for row_id, allowed in held.items():
                row = cases.execute(f"SELECT {column} FROM {table} WHERE id = ?",
                                    (row_id,)).fetchone()
                assert row is not None, f"acknowledged {table} row {row_id} is missing"
                digest = sha256_text(row[0])
                assert digest in allowed, f"{table} row {row_id} holds unacknowledged text"
                held[row_id] = {digest}
        for concern_id in acked.escalated:
            assert cases.execute("SELECT 1 FROM stages WHERE concern_id = ? AND stage = 'stage2'",
                                 (concern_id,)).fetchone(), f"escalation of {concern_id} lost"
        if acked.last_backup is not None:
            entry = folder / "backups" / acked.last_backup
            assert backup.files_intact(entry), f"acknowledged backup {entry.name} is not intact"
            backup.verify_backup(entry, book.master_key)
            assert backup.latest_good_backup(folder) is not None


def start_writer(folder: Path, seed: int, stderr: Path) -> subprocess.Popen[str]:
    with open(stderr, "w", encoding="utf-8") as err:
        return subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), str(seed)], cwd=REPO,
            env=cli_env(CASEBOOK_PASSPHRASE=PASSPHRASE), stdout=subprocess.PIPE, stderr=err,
            text=True, encoding="utf-8")


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_loses_nothing_acknowledged(
        created: tuple[Casebook, str], folder: Path, tmp_path: Path) -> None:
    book, _ = created
    book.close()  # the writer opens it; the fixture's second close does nothing
    rng = random.Random(SEED)
    acked = Acknowledged()
    runs_that_wrote = 0
    for run in range(KILLS):
        stderr = tmp_path / f"writer-{run}.err"
        proc = start_writer(folder, run, stderr)
        reader = LineReader(proc)
        try:
            # Most kills land while writing; one in five counts from the start, so some
            # land while the writer is still opening (and recovering) the casebook.
            if rng.random() < 0.8:
                assert reader.wait_for("READY"), stderr.read_text()
            time.sleep(rng.uniform(0.05, 1.5))  # the random kill point: the point of the test
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        lines = reader.finish()
        assert proc.returncode == -signal.SIGKILL, (
            f"the writer stopped by itself (run {run}): {stderr.read_text()}")
        if acked.read(lines):
            runs_that_wrote += 1
        verify(folder, acked)
    # The test means something only if the kills did interrupt real work, many times over.
    assert runs_that_wrote >= KILLS // 2, runs_that_wrote
    assert acked.lines >= 200, acked.lines
    assert acked.concerns and acked.persons and acked.escalated and acked.last_backup


# ----- rekey -------------------------------------------------------------------------------

# Runs the real `casebook rekey` (app.cli.main) in a child, with the test's cheap Argon2 cost
# (a child does not inherit the fixture's), after saying START. With a step number it kills
# itself, without any clean-up, just before that file move of the rekey.
REKEY_CHILD = """
import os, signal, sys
from app.store import keys, rekey
keys.DEFAULT_ARGON2 = keys.Argon2Params(time_cost=1, memory_cost_kib=1024, parallelism=1)
kill_at = int(sys.argv[2])
moves = [0]
real_replace, real_fsync_dir = os.replace, rekey.fsync_dir

def replace(src, dst):
    moves[0] += 1
    if moves[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(src, dst)

def fsync_dir(folder):
    # After the last file move of the swap, before the commit marker is removed.
    if moves[0] + 1 == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync_dir(folder)

os.replace, rekey.fsync_dir = replace, fsync_dir
from app.cli import main
print("START", flush=True)
sys.exit(main(["rekey", "--json", "--casebook", sys.argv[1]]))
"""
# The file moves of a rekey, in order: keyslots.json.new written, the commit marker written
# (the commit point), cases.db, identities.db and keyslots.json swapped; then the marker goes.
REKEY_STEPS = 6


@dataclass
class Population:
    conversations: dict[int, str]
    person: tuple[int, str]


def populate(book: Casebook, conversations: int = 60) -> Population:
    service = ConcernService(book, today=lambda: TODAY)
    named = service.create(new_concern(named=PersonDetails(name="Alex Example",
                                                           email="alex@example.org")))
    rng = random.Random(7)
    held: dict[int, str] = {}
    for i in range(conversations):
        notes = f"Conversation {i}: " + " ".join(
            rng.choice(("rota", "ward", "night", "handover", "incident")) for _ in range(6000))
        held[service.log_conversation(named, TODAY - timedelta(days=30),
                                      ConversationMode.PHONE, notes)] = sha256_text(notes)
    return Population(held, (named, sha256_text("Alex Example")))


def verify_population(folder: Path, population: Population) -> str:
    """Open with the passphrase (unchanged by rekey); returns the key check now in force."""
    with Casebook.open(folder, PASSPHRASE) as book:
        report = check(book)
        assert report.ok, report.problems
        for conversation_id, digest in population.conversations.items():
            (notes,) = book.cases.execute("SELECT notes FROM conversations WHERE id = ?",
                                          (conversation_id,)).fetchone()
            assert sha256_text(notes) == digest
        concern_id, name_digest = population.person
        (person_ref,) = book.cases.execute("SELECT person_ref FROM concerns WHERE id = ?",
                                           (concern_id,)).fetchone()
        (name,) = book.identities().execute("SELECT name FROM persons WHERE person_ref = ?",
                                            (person_ref,)).fetchone()
        assert sha256_text(name) == name_digest
        key_check = book.slots.key_check
    leftovers = sorted(p.name for p in folder.iterdir()
                       if ".new" in p.name or p.name.startswith(REKEY_MARKER)
                       or p.name.endswith(".tmp"))
    assert leftovers == [], f"an interrupted rekey left {leftovers}"
    return key_check


def assert_recovery_key(folder: Path, recovery: str | None, opens: bool) -> None:
    if recovery is None:
        return
    if opens:
        with Casebook.open_with_recovery_key(folder, recovery):
            pass
    else:
        with pytest.raises(WrongRecoveryKey):
            Casebook.open_with_recovery_key(folder, recovery)


def run_rekey_child(folder: Path, kill_at: int) -> tuple[subprocess.Popen[str], LineReader]:
    proc = subprocess.Popen([sys.executable, "-c", REKEY_CHILD, str(folder), str(kill_at)],
                            cwd=REPO, env=cli_env(CASEBOOK_PASSPHRASE=PASSPHRASE),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc, LineReader(proc)


def new_recovery_key(lines: list[str]) -> str | None:
    text = "\n".join(line for line in lines if line != "START")
    return json.loads(text)["recovery_key"] if text.strip() else None


@pytest.mark.slow
def test_rekey_killed_at_random_moments_leaves_old_keys_or_new_never_a_mix(
        created: tuple[Casebook, str], folder: Path) -> None:
    book, recovery = created
    population = populate(book)
    book.close()
    key_check = verify_population(folder, population)

    # One full rekey first: it must work, and it tells how long the kill window is.
    proc, reader = run_rekey_child(folder, kill_at=0)
    assert reader.wait_for("START")
    started = time.monotonic()
    assert proc.wait(timeout=60) == 0
    window = time.monotonic() - started
    new_key = new_recovery_key(reader.finish())
    assert new_key
    assert_recovery_key(folder, recovery, opens=False)
    key_check, recovery = verify_population(folder, population), new_key

    rng = random.Random(SEED)
    outcomes = {"rolled back": 0, "committed": 0}
    for _ in range(12):
        proc, reader = run_rekey_child(folder, kill_at=0)
        try:
            assert reader.wait_for("START")
            time.sleep(rng.uniform(0.0, window * 1.2))  # the random kill point
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        printed = new_recovery_key(reader.finish()) if proc.returncode == 0 else None
        marker_left = (folder / REKEY_MARKER).exists()
        after = verify_population(folder, population)  # opens, finishes or rolls back
        committed = after != key_check
        assert not marker_left or committed, "a commit marker was left but nothing changed"
        outcomes["committed" if committed else "rolled back"] += 1
        assert_recovery_key(folder, recovery, opens=not committed)
        if committed:
            recovery = printed  # None when it was killed before printing the new key
            assert_recovery_key(folder, recovery, opens=True)
        key_check = after
    assert sum(outcomes.values()) == 12


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", range(1, REKEY_STEPS + 1))
def test_rekey_killed_at_each_step_rolls_back_or_finishes(
        created: tuple[Casebook, str], folder: Path, kill_at: int) -> None:
    book, recovery = created
    population = populate(book, conversations=5)
    before = book.slots.key_check
    book.close()
    proc, reader = run_rekey_child(folder, kill_at)
    assert proc.wait(timeout=60) == -signal.SIGKILL
    reader.finish()
    committed = kill_at > 2  # the marker is the second move: the commit point
    assert (folder / REKEY_MARKER).exists() == committed
    after = verify_population(folder, population)
    assert (after != before) == committed
    assert keyslots.load(folder / KEYSLOTS).key_check == after
    assert_recovery_key(folder, recovery, opens=not committed)


# ----- a named concern: two files, two transactions ------------------------------------------

CREATE_CHILD = """
import os, signal, sys
from app.store import keys
keys.DEFAULT_ARGON2 = keys.Argon2Params(time_cost=1, memory_cost_kib=1024, parallelism=1)
from app.core.identity import PersonDetails
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.fault.fault_helpers import new_concern
from tests.support import TODAY

def killed(self, new, person_ref):
    # identities.db has committed the person; cases.db has not yet seen the concern.
    os.kill(os.getpid(), signal.SIGKILL)

ConcernService._create_concern = killed
book = Casebook.open(__import__("pathlib").Path(sys.argv[1]), os.environ["CASEBOOK_PASSPHRASE"])
ConcernService(book, today=lambda: TODAY).create(
    new_concern(named=PersonDetails(name="Killed Between Files")))
"""


def test_killed_between_the_identity_and_the_concern(created: tuple[Casebook, str],
                                                    folder: Path) -> None:
    """A named concern writes identities.db, then cases.db: a kill between the two commits
    must not leave a casebook that fails its check (or an identity nobody can reach)."""
    book, _ = created
    book.close()
    proc = subprocess.run([sys.executable, "-c", CREATE_CHILD, str(folder)], cwd=REPO,
                          env=cli_env(CASEBOOK_PASSPHRASE=PASSPHRASE), capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with Casebook.open(folder, PASSPHRASE) as book:
        report = check(book)
        assert report.ok, report.problems
        held = [row[0] for row in book.identities().execute("SELECT name FROM persons")]
        assert "Killed Between Files" not in held

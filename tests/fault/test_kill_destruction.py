"""A destruction killed midway (SIGKILL, no clean-up) leaves either the whole record with its
identity, or none of its identity; the next opening finishes it, after which nothing of the
identity or the record's text is left in any page of either database or their WAL."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from app.core.records import ConversationMode, Outcome, Stage
from app.paths import KEYSLOTS
from app.store import backup, database, keys, keyslots
from app.store.casebook import Casebook
from app.store.check import check
from app.store.concerns import ConcernService
from tests.continuity.helpers import consent, named
from tests.continuity.pages import casebook_plaintext, decrypted_pages, holds
from tests.fault.fault_helpers import REPO, LineReader, cli_env
from tests.support import PASSPHRASE, TODAY

NAME = "Zebediah Canaryname"
WORD = "quillfeather"

# Destroys WB-2018-0001 after saying START; with a kill point it kills itself there.
CHILD = """
import os, signal, sys
from datetime import date
from pathlib import Path
from app.services import retention
from app.store import audit, destruction, identities
from app.store.casebook import Casebook

folder, point = Path(sys.argv[1]), sys.argv[2]
book = Casebook.open(folder, os.environ["CASEBOOK_PASSPHRASE"])
planned = retention.plan(book, ["WB-2018-0001"], "End of retention", today=date(2026, 11, 22))

def die():
    os.kill(os.getpid(), signal.SIGKILL)

real = {"identity": destruction.destroy_identity, "tombstone": destruction.tombstone,
        "sweep": destruction.sweep, "append": audit.append,
        "after": retention.backup_purge.after_removal}

def destroy_identity(book, person_ref, *rest):
    if point == "before_identity":
        die()
    done = real["identity"](book, person_ref, *rest)
    if point == "after_identity":
        die()
    return done

def append(conn, key, event, *args, **kwargs):
    if event == "retention.destroyed" and point == "inside_tombstone":
        die()
    return real["append"](conn, key, event, *args, **kwargs)

def sweep(book):
    if point == "before_sweep":
        die()
    return real["sweep"](book)

def after_removal(*args, **kwargs):
    if point == "before_backups":
        die()
    return real["after"](*args, **kwargs)

destruction.destroy_identity = destroy_identity
destruction.audit.append = append
destruction.sweep = sweep
retention.backup_purge.after_removal = after_removal
print("START", flush=True)
retention.destroy(book, planned, os.environ["CASEBOOK_PASSPHRASE"])
print("DONE", flush=True)
book.close()
"""


def _casebook(folder: Path) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit="Unit")
    with book:
        service = ConcernService(book, today=lambda: TODAY)
        received = date(2018, 5, 2)
        cid = service.create(named(NAME, received_on=received, summary=f"{WORD} summary"))
        for number in range(40):
            service.log_conversation(cid, received, ConversationMode.PHONE,
                                     f"{NAME} {WORD} note {number} " + "rota " * 3000)
        consent(book, cid, share_with="Dr Quillfeather", on=received)
        service.respond(cid, Stage.STAGE1, date(2018, 5, 9), Outcome.UPHELD)
        service.create(named("Other Person", received_on=date(2025, 5, 2)))  # stays
        backup.backup_files(folder, book.master_key)  # an own backup holding the identity


def _raw_state(folder: Path) -> tuple[bool, bool, str | None]:
    """As the kill left it, read without opening the casebook (which would finish it):
    (identity held, text whole, destruction state)."""
    master = keyslots.open_with_passphrase(keyslots.load(folder / KEYSLOTS), PASSPHRASE,
                                           folder / KEYSLOTS)
    cases = database.connect(folder / "cases.db", keys.database_key(master, "cases"),
                             readonly=True)
    people = database.connect(folder / "identities.db", keys.database_key(master, "identities"),
                              readonly=True)
    try:
        held = people.execute("SELECT count(*) FROM persons WHERE name = ?", (NAME,)
                              ).fetchone()[0] == 1
        whole = cases.execute("SELECT count(*) FROM conversations WHERE notes LIKE ?",
                              (f"%{WORD}%",)).fetchone()[0] == 40
        row = cases.execute("SELECT state FROM destructions").fetchone()
    finally:
        cases.close()
        people.close()
    return held, whole, None if row is None else str(row[0])


def _after_reopening(folder: Path, destroyed: bool) -> None:
    with Casebook.open(folder, PASSPHRASE) as book:
        report = check(book)
        assert report.ok, report.problems
        state = book.cases.execute("SELECT state FROM destructions").fetchone()
        assert (state == ("done",)) if destroyed else state is None
        plain = casebook_plaintext(folder, book.master_key)
        assert holds(plain, "Other Person")  # the other record is untouched
        if destroyed:
            assert not holds(plain, "zebediah") and not holds(plain, WORD)
            assert book.setting("backups_remake_after") is None
            for entry in (folder / "backups").iterdir():  # remade, even after the kill
                copy = decrypted_pages(entry / "identities.db",
                                       keys.database_key(book.master_key, "identities"))
                copy += decrypted_pages(entry / "cases.db",
                                        keys.database_key(book.master_key, "cases"))
                assert not holds(copy, "zebediah"), entry.name
        else:
            assert holds(plain, NAME)


def _run(folder: Path, point: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(folder), point], cwd=REPO,
                            env=cli_env(CASEBOOK_PASSPHRASE=PASSPHRASE),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("point", ["before_identity", "after_identity", "inside_tombstone",
                                   "before_sweep", "before_backups"])
def test_a_destruction_killed_at_each_step(folder: Path, point: str) -> None:
    _casebook(folder)
    proc = _run(folder, point)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, err
    assert "START" in out and "DONE" not in out
    held, whole, state = _raw_state(folder)
    # The whole record with its identity, or none of its identity.
    assert (held and whole) or not held, (point, held, whole, state)
    assert state in ("started", "done")
    if point in ("after_identity", "inside_tombstone"):
        assert not held and state == "started"
    _after_reopening(folder, destroyed=True)


@pytest.mark.slow
def test_a_destruction_killed_at_random_moments(folder: Path, tmp_path: Path) -> None:
    _casebook(folder)
    pristine = tmp_path / "pristine"
    shutil.copytree(folder, pristine)
    proc = _run(folder, "none")
    reader = LineReader(proc)
    assert reader.wait_for("START", timeout=60)
    started = time.perf_counter()
    assert reader.wait_for("DONE", timeout=120)
    took = time.perf_counter() - started
    proc.wait(timeout=30)
    rng = random.Random(20261122)
    interrupted = 0
    for _ in range(10):
        shutil.rmtree(folder)
        shutil.copytree(pristine, folder)
        proc = _run(folder, "none")
        reader = LineReader(proc)
        try:
            assert reader.wait_for("START", timeout=60)
            time.sleep(rng.uniform(0.0, took))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        lines = reader.finish()
        held, whole, state = _raw_state(folder)
        assert (held and whole) or not held, (held, whole, state)
        interrupted += "DONE" not in lines
        _after_reopening(folder, destroyed=state is not None)
    assert interrupted >= 5, (interrupted, took)

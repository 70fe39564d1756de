"""A handover import killed at any moment (SIGKILL, no clean-up) leaves the receiving casebook
whole: every concern of the package and its identities, or none of them; it passes `check`,
and the package can then be imported (again)."""

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

from app.services import handover
from app.store.casebook import Casebook
from app.store.check import check
from tests.continuity.helpers import Pair, consent, make_pair, named, service
from tests.fault.fault_helpers import REPO, LineReader, cli_env
from tests.support import PASSPHRASE

HANDED = date(2025, 5, 7)
CONCERNS = 6

# Opens the receiving casebook, reads the package, says START, and imports it; with a kill
# point it kills itself there, without any clean-up.
CHILD = """
import os, signal, sys
from datetime import date
from pathlib import Path
from app.services import handover
from app.store import audit, handover_records
from app.store.casebook import Casebook

folder, package, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
book = Casebook.open(folder, os.environ["CASEBOOK_PASSPHRASE"])
read = handover.read_package(book, package, today=date(2025, 5, 7))

def die():
    os.kill(os.getpid(), signal.SIGKILL)

calls = {"records": 0, "writes": 0}
real_write_records, real_write_record = handover._write_records, handover_records.write_record
real_append = audit.append

def write_records(book, read, arrivals, *, rehearse):
    if not rehearse and point == "after_identities":
        die()
    calls["writes"] += 0 if rehearse else 1
    return real_write_records(book, read, arrivals, rehearse=rehearse)

def write_record(conn, record, person_ref):
    calls["records"] += 1
    if point == "mid_records" and calls["writes"] and calls["records"] == CONCERNS + 3:
        die()
    return real_write_record(conn, record, person_ref)

def append(conn, key, event, *args, **kwargs):
    if event == "handover.received" and point == "before_commit" and calls["writes"]:
        die()
    return real_append(conn, key, event, *args, **kwargs)

handover._write_records, handover_records.write_record = write_records, write_record
handover_records.audit.append = append
print("START", flush=True)
handover.import_package(book, read)
if point == "after_commit":
    die()
print("DONE", flush=True)
book.close()
""".replace("CONCERNS", str(CONCERNS))


def _package(pair: Pair, out: Path) -> None:
    with pair.a() as a:
        s = service(a, HANDED)
        for number in range(CONCERNS):
            cid = s.create(named(f"Person Number{number} Test"))
            if number % 2 == 0:
                consent(a, cid, successor=True)
            s.log_conversation(cid, date(2025, 5, 2), _mode(), "notes " * 15_000)
        handover.export(a, handover.plan_export(
            a, [f"SA-2025-{n:04d}" for n in range(1, CONCERNS + 1)], "Alex Contact"), out,
            "Leave", on=HANDED)


def _mode():  # type: ignore[no-untyped-def]
    from app.core.records import ConversationMode

    return ConversationMode.PHONE


def _state(folder: Path) -> tuple[int, int]:
    """(concerns, identities) held, after `check` has passed."""
    with Casebook.open(folder, PASSPHRASE) as book:
        report = check(book)
        assert report.ok, report.problems
        concerns = book.cases.execute("SELECT count(*) FROM concerns").fetchone()[0]
        persons = book.identities().execute("SELECT count(*) FROM persons").fetchone()[0]
        handovers = book.cases.execute("SELECT count(*) FROM handovers").fetchone()[0]
        linked = book.cases.execute("SELECT count(*) FROM concerns WHERE person_ref IS NOT NULL"
                                    ).fetchone()[0]
    assert (concerns, persons, handovers, linked) in (
        (0, 0, 0, 0), (CONCERNS, CONCERNS // 2, 1, CONCERNS // 2)), (concerns, persons)
    return concerns, persons


def _run(pair: Pair, package: Path, point: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(pair.b_folder), str(package), point], cwd=REPO,
        env=cli_env(CASEBOOK_PASSPHRASE=PASSPHRASE), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


def _finish(pair: Pair, package: Path, concerns: int) -> None:
    """Whatever the kill left, the package can be taken in (once) afterwards."""
    with Casebook.open(pair.b_folder, PASSPHRASE) as b:
        if concerns == 0:
            handover.import_package(b, handover.read_package(b, package, today=HANDED))
        assert b.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == CONCERNS
        assert b.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == (
            CONCERNS // 2)


@pytest.mark.parametrize("point", ["after_identities", "mid_records", "before_commit",
                                   "after_commit"])
def test_an_import_killed_at_each_step(tmp_path: Path, point: str) -> None:
    pair = make_pair(tmp_path)
    package = tmp_path / "package.age"
    _package(pair, package)
    proc = _run(pair, package, point)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, err
    assert "START" in out and "DONE" not in out
    concerns, _ = _state(pair.b_folder)
    assert concerns == (CONCERNS if point == "after_commit" else 0)
    _finish(pair, package, concerns)


@pytest.mark.slow
def test_an_import_killed_at_random_moments(tmp_path: Path) -> None:
    """Each run starts from the same untouched receiving casebook (a copy) and is killed at a
    random moment while the import runs; most kills land inside it (the test says so)."""
    pair = make_pair(tmp_path)
    package = tmp_path / "package.age"
    _package(pair, package)
    pristine = tmp_path / "pristine"
    shutil.copytree(pair.b_folder, pristine)
    proc = _run(pair, package, "none")
    reader = LineReader(proc)
    assert reader.wait_for("START", timeout=60)
    started = time.perf_counter()
    assert reader.wait_for("DONE", timeout=60)
    took = time.perf_counter() - started
    proc.wait(timeout=30)
    rng = random.Random(20250507)
    outcomes: list[int] = []
    for _ in range(10):
        shutil.rmtree(pair.b_folder)
        shutil.copytree(pristine, pair.b_folder)
        proc = _run(pair, package, "none")
        reader = LineReader(proc)
        try:
            assert reader.wait_for("START", timeout=60)
            time.sleep(rng.uniform(0.0, took * 1.2))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        lines = reader.finish()
        concerns, _ = _state(pair.b_folder)
        assert concerns == 0 or "DONE" in lines or proc.returncode == -signal.SIGKILL
        outcomes.append(concerns)
        _finish(pair, package, concerns)
    assert outcomes.count(0) >= 3, (outcomes, took)  # the kills did interrupt imports

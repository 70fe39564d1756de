"""One process at a time per casebook, said plainly; a lock left by a killed process is no
lock at all (the kernel drops it with its holder)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.casebook import Casebook
from app.store.check import check
from app.store.errors import CasebookInUse
from tests.fault.fault_helpers import REPO, LineReader, assert_one_plain_line, cli_env, run_cli
from tests.support import PASSPHRASE

IN_USE = "This casebook is already open in another Casebook window or command"

HOLDER = """
import os, sys, time
from pathlib import Path
from app.store.casebook import Casebook
book = Casebook.open(Path(sys.argv[1]), os.environ["CASEBOOK_PASSPHRASE"])
print("OPEN", os.getpid(), flush=True)
time.sleep(120)
"""


def test_a_second_open_in_the_same_process_is_refused(created: tuple[Casebook, str],
                                                      folder: Path) -> None:
    book, recovery = created
    with pytest.raises(CasebookInUse) as caught:
        Casebook.open(folder, PASSPHRASE)
    message = str(caught.value)
    assert message.startswith(IN_USE) and message.endswith("close it there first.")
    assert f"pid {os.getpid()} on {socket.gethostname()}" in message  # who holds it
    with pytest.raises(CasebookInUse):
        Casebook.open_with_recovery_key(folder, recovery)
    assert check(book).ok  # the refused attempts disturbed nothing
    book.close()
    Casebook.open(folder, PASSPHRASE).close()


def test_a_second_process_is_refused_in_one_line(created: tuple[Casebook, str],
                                                 folder: Path) -> None:
    book, _ = created
    for command in (["check"], ["backup"], ["rekey"], ["passphrase"]):
        done = run_cli([*command, "--casebook", str(folder)], CASEBOOK_PASSPHRASE=PASSPHRASE,
                       CASEBOOK_NEW_PASSPHRASE="another long passphrase")
        assert done.returncode == 1, command
        line = assert_one_plain_line(done.stderr)
        assert line.startswith(IN_USE) and f"pid {os.getpid()}" in line, line
    assert not list(folder.glob("*.new")) and not (folder / "backups").exists()
    assert check(book).ok


@pytest.mark.slow
def test_a_killed_holder_leaves_no_lock_behind(created: tuple[Casebook, str], folder: Path,
                                               tmp_path: Path) -> None:
    book, _ = created
    book.close()
    errors = tmp_path / "holder.err"
    with open(errors, "w", encoding="utf-8") as err:
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], cwd=REPO,
                                  env=cli_env(CASEBOOK_PASSPHRASE=PASSPHRASE),
                                  stdout=subprocess.PIPE, stderr=err, text=True)
    reader = LineReader(holder)
    try:
        assert reader.wait_for("OPEN"), errors.read_text()
        with pytest.raises(CasebookInUse, match=f"pid {holder.pid} "):
            Casebook.open(folder, PASSPHRASE)
        done = run_cli(["check", "--casebook", str(folder)], CASEBOOK_PASSPHRASE=PASSPHRASE)
        assert done.returncode == 1 and f"pid {holder.pid}" in assert_one_plain_line(done.stderr)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        reader.finish()
    assert holder.returncode == -signal.SIGKILL
    # The lock file still names the dead holder, but the kernel released its lock.
    assert f"pid {holder.pid}" in (folder / "casebook.lock").read_text()
    with Casebook.open(folder, PASSPHRASE) as book:
        assert check(book).ok
    done = run_cli(["check", "--casebook", str(folder)], CASEBOOK_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 0, done.stderr

"""Shared pieces of the fault tests: running the real CLI, hashing folders, mounts, acks.

Imported as `tests.fault.fault_helpers` (the repository root is on pytest's pythonpath).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    ConsentMethod,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.store.concerns import NewConcern
from tests.support import TODAY

REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).resolve().parent / "writer.py"

needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="needs root to mount a tmpfs or a read-only bind mount (CI runs as root)",
)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_state(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under `folder`: relative path -> (sha256, size, mtime_ns)."""
    state: dict[str, tuple[str, int, int]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            state[str(path.relative_to(folder))] = (sha256_file(path), info.st_size,
                                                    info.st_mtime_ns)
    return state


# ----- the real command line, in a child process ------------------------------------


def cli_env(**extra: str) -> dict[str, str]:
    """The test's environment (its XDG folders included), no stray secrets, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEBOOK_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def run_cli(args: Sequence[str], *, timeout: float = 90,
            **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=cli_env(**env),
                          capture_output=True, text=True, timeout=timeout, check=False)


def assert_one_plain_line(stderr: str) -> str:
    """A user error on the command line: exactly one line, a sentence, never a traceback."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {stderr!r}"
    assert "Traceback" not in stderr
    assert "unexpected problem" not in stderr, stderr
    return lines[0]


# ----- concerns ------------------------------------------------------------------------


def new_concern(*, summary: str = "A concern about rotas.", named: PersonDetails | None = None,
                received: date = TODAY - timedelta(days=60), stage: Stage | None = Stage.STAGE1,
                service_area: str = "", themes: tuple[str, ...] = ("staffing",)) -> NewConcern:
    return NewConcern(
        received_on=received,
        channel=Channel.PHONE,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT,
        raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED if named else Anonymity.ANONYMOUS,
        service_type=ServiceType.NHS,
        service_area=service_area,
        summary=summary,
        themes=themes,
        starting_stage=stage,
        handler="Stage handler",
        consent_on=received if named else None,
        consent_method=ConsentMethod.CONVERSATION if named else None,
        person=named,
    )


# ----- mounts (root only) ------------------------------------------------------------------


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True, timeout=30)


def _umount(target: Path) -> None:
    # A lazy unmount as the last resort, so a failing test never leaves a mount behind.
    done = subprocess.run(["umount", str(target)], capture_output=True, timeout=30, check=False)
    if done.returncode != 0:
        subprocess.run(["umount", "-l", str(target)], capture_output=True, timeout=30,
                       check=False)


@contextlib.contextmanager
def tmpfs(target: Path, size: str) -> Iterator[Path]:
    target.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(target))
    try:
        yield target
    finally:
        _umount(target)


@contextlib.contextmanager
def read_only_view(source: Path, target: Path) -> Iterator[Path]:
    """`source` seen read-only at `target` (root ignores permissions; a ro mount it cannot)."""
    target.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(source), str(target))
    try:
        _mount("-o", "remount,bind,ro", str(target))
        yield target
    finally:
        _umount(target)


# ----- a child process that says what it has done -----------------------------------------


class LineReader:
    """Collects a child's stdout lines on a thread, so the test can wait on a line."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        self._proc = proc
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self._done = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._done = True
            self._cond.notify_all()

    def wait_for(self, prefix: str, timeout: float = 30) -> bool:
        """True once a line starting with `prefix` arrived; False at EOF or timeout."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._done or any(x.startswith(prefix) for x in self.lines),
                timeout) and any(x.startswith(prefix) for x in self.lines)

    def finish(self, timeout: float = 30) -> list[str]:
        """Every line, once the child's stdout has closed."""
        self._thread.join(timeout)
        assert not self._thread.is_alive(), "the child's stdout never closed"
        return list(self.lines)


# ----- a casebook left as a crash leaves it ---------------------------------------------

_HOT_WAL_CHILD = """
import os, signal, sys
from pathlib import Path
from app.core.records import ConversationMode
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.support import TODAY
book = Casebook.open(Path(sys.argv[1]), os.environ["CASEBOOK_PASSPHRASE"])
service = ConcernService(book, today=lambda: TODAY)
concern = book.cases.execute("SELECT max(id) FROM concerns").fetchone()[0]
service.log_conversation(concern, TODAY, ConversationMode.PHONE, "Written just before a crash.")
os.kill(os.getpid(), signal.SIGKILL)
"""


def leave_hot_wal(folder: Path, passphrase: str) -> None:
    """Write through a process that is then killed: its WAL is left un-checkpointed."""
    done = subprocess.run([sys.executable, "-c", _HOT_WAL_CHILD, str(folder)], cwd=REPO,
                          env=cli_env(CASEBOOK_PASSPHRASE=passphrase), capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == -9, done.stderr
    assert (folder / "cases.db-wal").stat().st_size > 0


def flip_bytes(path: Path, offset: int, length: int = 100) -> None:
    """Damage a file in place: every bit of `length` bytes at `offset` inverted."""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        data = handle.read(length)
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in data))

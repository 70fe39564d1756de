"""One process at a time per casebook: an OS file lock that dies with its holder.

The lock is an advisory lock on `casebook.lock` (flock on POSIX, msvcrt on
Windows). The kernel releases it when the holder exits or is killed, so a lock
left by a crashed process is recovered by itself; the file's contents (pid and
host) only explain who holds a live lock.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from typing import IO

from app.store.errors import CasebookInUse, folder_error

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class CasebookLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            handle = os.fdopen(descriptor, "r+", encoding="utf-8")
        except OSError as exc:
            raise folder_error(exc, self.path.parent) from exc
        try:
            _lock(handle)
        except OSError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise CasebookInUse(self.path.parent, holder) from exc
        # Who holds it, for the message another process gives; only an explanation, so a
        # full disk that cannot take these few bytes does not stop the casebook opening.
        with contextlib.suppress(OSError):
            os.ftruncate(handle.fileno(), 0)
            os.pwrite(handle.fileno(),
                      f"pid {os.getpid()} on {socket.gethostname()}\n".encode(), 0)
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._handle.fileno(), 0)
        with contextlib.suppress(OSError):
            _unlock(self._handle)
        with contextlib.suppress(OSError):
            self._handle.close()
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def _lock(handle: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

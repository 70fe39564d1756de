"""What happens to an unexpected error: one plain sentence for the user, and a log entry
with the code location only (never the exception's text, which could quote case content).
"""

from __future__ import annotations

import contextlib
import logging
import os
import traceback
from types import TracebackType

from app.paths import ensure_private_dir, log_dir

log = logging.getLogger("casebook")


def setup_logging() -> None:
    """Logs carry ids and events, never names or notes; the folder is private."""
    target = log_dir() / "casebook.log"
    for old in list(log.handlers):
        if getattr(old, "baseFilename", None) == str(target):
            return
        log.removeHandler(old)
        old.close()
    with contextlib.suppress(OSError):
        ensure_private_dir(target.parent)
        handler = logging.FileHandler(target, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def harden_process() -> None:
    """No core dumps (they would hold decrypted case text); new files private to the user."""
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def describe(exc: BaseException, tb: TracebackType | None) -> str:
    """Where it failed (files, lines, functions) and the error's type, without its text."""
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{os.path.basename(f.filename)}:{f.lineno}:{f.name}"
                        for f in reversed(frames[-8:]))
    return f"{type(exc).__name__} at {where}"


def report_unexpected(exc: BaseException) -> str:
    log.error("unexpected error: %s", describe(exc, exc.__traceback__))
    return (f"Casebook hit an unexpected problem ({type(exc).__name__}); everything saved "
            f"before it is intact. Details without case content are in {log_dir()}.")

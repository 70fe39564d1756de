"""What happens to an unexpected error: one plain sentence for the user, and a log entry
with the code location only (never the exception's text, which could quote case content).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
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
    """No core or crash dumps (they would hold keys and decrypted case text); new files
    private to the user."""
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        _not_dumpable_on_linux()
    elif sys.platform == "win32":  # pragma: no cover - this machine cannot run it
        _no_crash_dumps_on_windows()


_PR_SET_DUMPABLE = 4


def _not_dumpable_on_linux() -> None:
    """prctl(PR_SET_DUMPABLE, 0): no core dump even through a pipe handler such as
    systemd-coredump or apport (RLIMIT_CORE does not stop those), and no other process of
    the same user may attach a debugger to read the process's memory."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


# From the Win32 documentation (errhandlingapi.h, werapi.h); written without a Windows
# machine to run it on here, so every call is guarded and its failure ignored.
_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002
_WER_FAULT_REPORTING_FLAG_NOHEAP = 0x1
_WER_FAULT_REPORTING_FLAG_DISABLE_THREAD_SUSPENSION = 0x4


def _no_crash_dumps_on_windows() -> None:  # pragma: no cover - Windows only
    """Keep key material out of Windows Error Reporting: exclude this program from WER
    (WerAddExcludedApplication, for the current user: no administrator rights needed), ask
    WER for no heap in any report it still makes (WerSetFlags NOHEAP), and no crash dialog
    (SetErrorMode), so a crash leaves no memory image on disk or sent to Microsoft."""
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return
    with contextlib.suppress(OSError, AttributeError):
        kernel32 = windll.kernel32
        kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
        kernel32.WerSetFlags(_WER_FAULT_REPORTING_FLAG_NOHEAP)
    with contextlib.suppress(OSError, AttributeError):
        wer = windll.wer
        wer.WerAddExcludedApplication.argtypes = [ctypes.c_wchar_p, ctypes.c_int]
        wer.WerAddExcludedApplication(sys.executable, 0)


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

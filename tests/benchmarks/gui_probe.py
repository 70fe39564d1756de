"""One run of the desktop app in a fresh process, timed from the inside (offscreen Qt).

    python -m tests.benchmarks.gui_probe launch CASEBOOK
    python -m tests.benchmarks.gui_probe unlock CASEBOOK    (passphrase in CASEBOOK_BENCH_PASS)
    python -m tests.benchmarks.gui_probe bare -

`bare` is the yardstick for `launch`: a bare PySide6 window holding a password
field, painted, in a fresh process started the same way (the launch figure is
given as a ratio to it, measured in the same run, so that a slower or busier
machine does not move the target).

The app is started exactly as `casebook --casebook CASEBOOK` starts it
(`app.cli.main`), except that the QApplication is made first so that an
application-wide event filter can watch paint events; nothing of the app is
changed. "Painted" means: the target widget received its first QEvent.Paint,
and then a zero-delay timer fired, so the whole paint pass it belongs to (and
the flush of the window's backing store) has finished.

- `launch`: prints the wall-clock moment (time.time()) the unlock screen was
  painted; the caller subtracts the moment it started the process.
- `unlock`: once the unlock screen is painted, waits TYPING seconds (a person
  reading the screen and typing a passphrase takes longer), enters the passphrase and
  presses Unlock, as a user would, having asked the app to return to the concerns list
  (as after locking while on the list). Measures, with perf_counter, from the
  press to the first paint of the list's table holding rows, and the time spent
  inside the key derivation (Argon2id) during that unlock. Then waits until the
  worker has answered every request (dashboard, list, settings) and reads the
  process's memory: VmHWM (peak resident set over the process's life) and, where
  the kernel allows resetting it (/proc/self/clear_refs), the peak after the key
  derivation had finished.

Prints one JSON object on stdout.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _status_kib(field: str) -> int | None:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


def _reset_peak() -> bool:
    """Reset VmHWM to the current resident set (Linux >= 4.0); False where not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


TYPING = 1.5  # seconds from the unlock screen painted to Unlock pressed

class Probe(QObject):
    def __init__(self, mode: str, passphrase: str) -> None:
        super().__init__()
        self.mode = mode
        self.passphrase = passphrase
        self.result: dict[str, Any] = {"mode": mode}
        self.window: Any = None
        self.screen_seen = False
        self.list_seen = False
        self.pressed = 0.0
        self.kdf: list[float] = []
        self.peak_reset = False

    # -- watching paint events ------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Paint:
            return False
        if not self.screen_seen and watched.objectName() == "unlock":
            self.screen_seen = True
            QTimer.singleShot(0, self.screen_painted)
        elif (self.pressed and not self.list_seen and self.window is not None
              and watched is self.window.shell.concerns.table.viewport()
              and self.window.shell.concerns.model.rowCount() > 0):
            self.list_seen = True
            QTimer.singleShot(0, self.list_painted)
        return False

    def screen_painted(self) -> None:
        self.result["screen_painted_epoch"] = time.time()
        if self.mode == "bare":
            self.window.close()
            QApplication.quit()
            return
        self.window = next(w for w in QApplication.topLevelWidgets()
                           if type(w).__name__ == "MainWindow")
        if self.mode == "launch":
            self.finish()
            return
        self.window._location = {"page": "concerns"}  # as if locked while on the list
        self._time_key_derivation()
        # A person reads the screen and types a passphrase: seconds. The app may use them
        # (it imports the pages' modules meanwhile: app.ui.preload); Unlock is pressed
        # after TYPING seconds, and the time is counted from the press.
        QTimer.singleShot(int(TYPING * 1000), self.press_unlock)

    def press_unlock(self) -> None:
        view = self.window.unlock_view
        view.passphrase.setText(self.passphrase)
        self.pressed = time.perf_counter()
        view.button.click()

    def _time_key_derivation(self) -> None:
        from app.store import keys

        original = keys.passphrase_key

        def timed(*args: Any, **kwargs: Any) -> bytes:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.kdf.append(time.perf_counter() - started)
                # On the worker thread, right after the KDF: its peak so far, then a reset.
                self.result["vm_hwm_through_kdf_kib"] = _status_kib("VmHWM")
                self.peak_reset = _reset_peak()

        keys.passphrase_key = timed  # type: ignore[assignment]

    def list_painted(self) -> None:
        elapsed = time.perf_counter() - self.pressed
        model = self.window.shell.concerns.model
        self.result.update(unlock_to_list_painted=elapsed, kdf=sum(self.kdf),
                           rows=model.rowCount(), total=model.total)
        self.settle()

    def settle(self) -> None:
        if self.window.worker.pending:
            QTimer.singleShot(20, self.settle)
            return
        self.result.update(vm_hwm_kib=_status_kib("VmHWM"), vm_rss_kib=_status_kib("VmRSS"),
                           peak_reset=self.peak_reset)
        self.finish()

    def finish(self) -> None:
        if self.window is not None:
            self.window.close()
        QApplication.quit()


def bare() -> int:
    """A bare PySide6 window with a password field: the least any Qt app pays to show one.

    It is watched exactly as the app is (the same application-wide event filter, which
    turns every event's object into a Python object), so that the ratio compares the
    two programs and not two ways of watching them."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    app = QApplication(["bare"])
    probe = Probe("bare", "")
    app.installEventFilter(probe)
    window = QWidget()
    window.setObjectName("unlock")
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    QVBoxLayout(window).addWidget(field)
    probe.window = window
    window.resize(1100, 700)
    window.show()
    field.setFocus()
    app.exec()
    with contextlib.suppress(Exception):
        app.removeEventFilter(probe)
    print(json.dumps({"exit": 0, **probe.result}), flush=True)
    return 0


def main() -> int:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    if mode == "bare":
        return bare()
    app = QApplication(["casebook"])
    probe = Probe(mode, os.environ.get("CASEBOOK_BENCH_PASS", ""))
    app.installEventFilter(probe)
    if mode == "unlock":  # give up rather than hang if the list never shows
        QTimer.singleShot(300_000, QApplication.quit)

    from app.cli import main as casebook

    code = casebook(["--casebook", str(folder)])
    with contextlib.suppress(Exception):
        app.removeEventFilter(probe)
    print(json.dumps({"exit": code, **probe.result}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

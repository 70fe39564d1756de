"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0 on Python 3.11
aborted after a few thousand void calls with "none_dealloc"): run many in a child process."""

from __future__ import annotations

import os
import subprocess
import sys

LOOP = (
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication([])\n"
    "label = QLabel()\n"
    "for i in range(60000):\n"
    "    label.setText('x')\n"
    "    label.setVisible(False)\n"
    "print('survived')\n"
)


def test_many_void_calls_do_not_abort_the_process() -> None:
    done = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "survived"

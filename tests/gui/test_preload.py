"""The pages' modules are imported on a background thread while the unlock screen waits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_pages_modules_are_imported_in_the_background_and_nothing_else_is_made() -> None:
    code = (
        "import sys, threading\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from app.ui.preload import CASEBOOK_PAGES, preload_in_background\n"
        "assert not any(m in sys.modules for m in CASEBOOK_PAGES)\n"
        "thread = preload_in_background()\n"
        "assert thread.name == 'preload' and thread.daemon\n"
        "thread.join(60)\n"
        "assert all(m in sys.modules for m in CASEBOOK_PAGES)\n"
        "assert QApplication.topLevelWidgets() == [], QApplication.topLevelWidgets()\n"
        "from app.ui.shell.casebook_shell import CasebookShell\n"  # already there: at once
        "print('ok')\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]

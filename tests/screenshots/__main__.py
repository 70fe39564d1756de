"""`python -m tests.screenshots DIR`: a PNG of every main screen, for review.

Opens a demo casebook under a virtual screen (Xvfb when installed, otherwise Qt's
offscreen platform) and writes one PNG per screen into DIR. Synthetic demo data
only; the casebook lives in a temporary folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

PASSPHRASE = "screenshots only, synthetic data"
TODAY = date(2026, 11, 20)


@contextmanager
def virtual_screen() -> Iterator[str]:
    """An Xvfb display if the binary is there, else the offscreen platform."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        yield "offscreen"
        return
    display = f":{90 + os.getpid() % 500}"
    process = subprocess.Popen([xvfb, display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        yield f"Xvfb {display}"
    finally:
        process.terminate()
        process.wait(10)


class Shooter:
    def __init__(self, out: Path) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.out = out
        self.count = 0

    def wait(self, condition: Callable[[], bool], timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the screen did not get ready in time")
            self.app.processEvents()
            time.sleep(0.01)
        for _ in range(5):  # let layouts and paints settle
            self.app.processEvents()

    def shot(self, widget: object, name: str) -> None:
        self.wait(lambda: True)
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)


def make_demo(folder: Path, cases: int) -> None:
    from app.demo import add_demo_concerns
    from app.store.casebook import Casebook

    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Demo Board",
                              unit="Confidential contacts, Acute Services")
    with book:
        add_demo_concerns(book, cases, seed=11, today=TODAY)


def run(out: Path, cases: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casebook-shots-") as scratch:
        folder = Path(scratch) / "casebook"
        make_demo(folder, cases)
        shooter = Shooter(out)
        from tests.screenshots.capture import capture_all

        capture_all(shooter, folder, Path(scratch), PASSPHRASE, TODAY)
    print(f"{shooter.count} screenshots in {out}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.screenshots")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--cases", type=int, default=150)
    args = parser.parse_args()
    with virtual_screen() as where:
        print(f"Screen: {where}")
        run(args.out, args.cases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

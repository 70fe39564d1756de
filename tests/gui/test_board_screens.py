"""PNGs of the board's window: first run, recovery key, unlock, and every workspace page.

    xvfb-run -a .venv/bin/python -m tests.gui.test_board_screens OUT_DIR [--scale 2]
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.test_board_screens OUT_DIR

`capture_board(out_dir, scratch)` can also be called by a wider screenshot command
(tests/screenshots). The test below takes the same pictures into a temporary folder,
so the capture keeps working.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 22)
PASSPHRASE = "screenshots only, synthetic data"
BOARD = "NHS Forth Valley"
YEAR = "2025-26"
# (unit, demo concerns over five years, the returns it sent for 2025-26, staff headcount)
UNITS = (("Falkirk HSCP", 110, ("2025-26",), 3000),
         ("Stirling contacts", 80, ("2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4"),
          2200),
         ("Acute Services Division", 150, ("2025-26-Q1", "2025-26-Q2"), 5400),
         ("Clackmannanshire team", 0, (), None))


def _wait(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the board window did not get there in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def _demo_returns(folder: Path, scratch: Path) -> list[Path]:
    """Each unit's demo casebook and the returns it sent, built with the contact's own code;
    the units are registered in the board at `folder`. One file from an unregistered unit."""
    from app.core.periods import parse_period
    from app.demo import add_demo_concerns
    from app.returns.envelope import set_board_recipient, write_return
    from app.returns.payload import build_payload
    from app.returns.signing import unit_public_key
    from app.store.board import Board
    from app.store.casebook import Casebook
    from tests.returns.return_helpers import Unit, synthetic_payload

    files = []
    with Board.open(folder, PASSPHRASE) as board:
        recipient = board.recipient()
        for seed, (name, concerns, sent, _staff) in enumerate(UNITS):
            book, _ = Casebook.create(scratch / f"casebook-{seed}", PASSPHRASE,
                                      organisation=BOARD, unit=name)
            with book:
                board.register_unit(name, unit_public_key(book))
                add_demo_concerns(book, concerns, seed=seed + 1, today=TODAY, end_year=2025,
                                  batch_size=50)
                set_board_recipient(book, recipient)
                for label in sent:
                    out = scratch / f"{name.lower().replace(' ', '-')}-{label}.age"
                    files.append(write_return(book, build_payload(book, parse_period(label)),
                                              out))
        stranger = Unit("Lothian team")
        path = scratch / "lothian-team-2025-26.age"
        path.write_bytes(stranger.sealed(synthetic_payload("Lothian team", YEAR), recipient))
        files.append(path)
    return files


def capture_board(out: Path, scratch: Path, prefix: str = "board",
                  only: tuple[str, ...] | None = None) -> list[Path]:
    """Drive a BoardWindow through its screens on a new board store; one PNG per screen
    (`only`: those screens alone, as far as the last of them)."""
    from app.core.periods import parse_period
    from app.ui.board.board_window import BoardWindow

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(widget: Any, name: str) -> None:
        if only is not None and name not in only:
            return
        _settle()
        path = out / f"{prefix}-{len(written) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    folder = scratch / "board"
    window = BoardWindow(folder, today=lambda: TODAY)
    window.resize(1280, 800)
    window.show()
    page = window.create_page
    shot(window, "create")
    page.name.setText(BOARD)
    page.passphrase.setText(PASSPHRASE)
    page.confirm.setText(PASSPHRASE)
    page.passphrase.textEdited.emit(PASSPHRASE)
    shot(window, "create-filled")
    page.create_board()
    _wait(lambda: window.recovery_dialog is not None)
    dialog = window.recovery_dialog
    assert dialog is not None
    shot(dialog, "recovery-key")
    dialog.stored.setChecked(True)
    dialog.accept()
    _wait(lambda: window.stack.currentWidget() is window.unlock_view)
    shot(window, "unlock")

    window.close()  # register the units and make their returns while the store is closed
    files = _demo_returns(folder, scratch)
    window = BoardWindow(folder, today=lambda: TODAY)
    window.resize(1280, 800)
    window.show()
    window.unlock_view.passphrase.setText(PASSPHRASE)
    window.unlock_view.button.click()
    _wait(lambda: window.unlocked and window.workspace.units.snapshot is not None)
    workspace = window.workspace
    shot(window, "units")
    if only == ("units",):
        window.close()
        return written
    dialog = workspace.units.open_register()
    dialog.name.setText("Lothian team")
    dialog.key.setText(base64.b64encode(bytes(range(32))).decode())
    shot(dialog, "register-unit")
    dialog.done(0)  # closed without the question typed content brings

    workspace.show_page("returns")
    returns = workspace.returns
    returns.import_paths(files)
    _wait(lambda: len(returns.results) == len(files) and not returns.importing)
    _wait(lambda: returns.held.rowCount() == len(files) - 1)
    shot(window, "returns")

    workspace.show_page("status")
    workspace.status.chooser.set_period(parse_period(YEAR))
    for name, _concerns, _sent, staff in UNITS:
        if staff:
            workspace.status.set_headcount(name, staff)
    _wait(lambda: window.worker.pending == 0)
    _wait(lambda: workspace.status.snapshot is not None and any(
        s.headcount for s in workspace.status.snapshot.units))
    shot(window, "status")

    workspace.show_page("report")
    report = workspace.report
    _wait(lambda: report.report is not None and report.report.units != ())
    shot(window, "report")
    report.publication.setChecked(True)
    _wait(lambda: report.report is not None and report.report.publication)
    shot(window, "report-publication")
    window.lock()
    shot(window, "locked")
    window.close()
    return written


def test_every_board_screen_can_be_captured(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    written = capture_board(tmp_path / "shots", tmp_path)
    assert [p.name.split("-", 2)[2] for p in written] == [
        "create.png", "create-filled.png", "recovery-key.png", "unlock.png", "units.png",
        "register-unit.png", "returns.png", "status.png", "report.png",
        "report-publication.png", "locked.png"]
    for path in written:
        image = QImage(str(path))
        assert image.width() > 300 and image.height() > 200, path


def _dark(app: Any) -> None:
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#e6e6e6"),
                         (roles.Base, "#1e1e1e"), (roles.AlternateBase, "#262626"),
                         (roles.Text, "#e6e6e6"), (roles.Button, "#353535"),
                         (roles.ButtonText, "#e6e6e6"), (roles.Highlight, "#3d6fb4"),
                         (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#353535"),
                         (roles.ToolTipText, "#e6e6e6"), (roles.PlaceholderText, "#9a9a9a")):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.gui.test_board_screens")
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="Qt scale factor (2: 200%%)")
    parser.add_argument("--dark", action="store_true", help="a dark palette, as a dark desktop "
                        "theme gives")
    args = parser.parse_args()
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.store import keys
    from tests.support import CHEAP_ARGON2

    keys.DEFAULT_ARGON2 = CHEAP_ARGON2  # synthetic data: no need to wait on the KDF
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.dark:
        _dark(app)
    with tempfile.TemporaryDirectory(prefix="board-shots-") as scratch:
        for path in capture_board(args.out, Path(scratch)):
            print(path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

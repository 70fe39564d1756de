"""PNGs of a concern's workspace: every tab and every form, on a demo casebook.

    xvfb-run -a .venv/bin/python -m tests.gui.workspace_screenshots OUT_DIR [--scale 2]
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.workspace_screenshots OUT_DIR

`capture_workspace(window, out_dir)` can also be called by a wider screenshot
command once a MainWindow is unlocked on a demo casebook.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 22)


def _wait(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def _rich_concerns(folder: Path, passphrase: str) -> list[int]:
    """Concerns worth looking at: escalated with an extension, closed at stage 1, undecided."""
    from app.store.casebook import Casebook

    book = Casebook.open(folder, passphrase)
    try:
        conn = book.cases
        picks = []
        for sql in (
            # open at stage 2 with an extension and plenty of conversations
            "SELECT c.id FROM concerns c JOIN stages s ON s.concern_id = c.id AND s.stage ="
            " 'stage2' WHERE c.person_ref IS NOT NULL AND c.closure = 'open'"
            " ORDER BY EXISTS (SELECT 1 FROM extensions e WHERE e.concern_id = c.id) DESC,"
            " s.entry = 'escalated' DESC, (SELECT count(*) FROM conversations"
            " WHERE concern_id = c.id) DESC LIMIT 1",
            # closed with a full response, actions and records
            "SELECT c.id FROM concerns c WHERE c.closure = 'closed' AND c.person_ref IS NOT NULL"
            " ORDER BY (SELECT count(*) FROM actions WHERE concern_id = c.id)"
            " + (SELECT count(*) FROM disclosures WHERE concern_id = c.id) DESC LIMIT 1",
            # still at the initial discussion
            "SELECT c.id FROM concerns c WHERE c.decision = 'undecided' AND c.closure = 'open'"
            " ORDER BY c.received_on DESC LIMIT 1",
        ):
            row = conn.execute(sql).fetchone()
            if row:
                picks.append(int(row[0]))
        return picks
    finally:
        book.close()


def capture_workspace(window, out: Path, concern_ids: list[int]) -> list[Path]:  # type: ignore[no-untyped-def]
    """Open each concern's workspace, grab every tab and every form it offers."""
    written: list[Path] = []

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        _settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    shell = window.shell
    workspace = shell.workspace
    for number, concern_id in enumerate(concern_ids, start=1):
        shell.open_concern(concern_id)
        _wait(lambda cid=concern_id: workspace.context is not None
              and workspace.context.concern_id == cid)
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            grab(window, f"workspace-{number}-tab{index}-{_slug(workspace.tabs.tabText(index))}")
        if number > 2:
            continue
        forms = ["conversation", "intake", "escalate", "acknowledge", "extend", "respond",
                 "close", "handler", "issue", "action", "signpost", "detriment", "feedback",
                 "disclosure", "reveal"]
        for name in forms:
            dialog = workspace.open_form(name)
            if dialog is None:
                continue
            grab(dialog, f"form-{number}-{name}")
            if name == "reveal":
                dialog.reason.setPlainText("Checking who to invite to the stage 2 meeting.")
                dialog.accept()
                _wait(lambda d=dialog: d.pages.currentIndex() == 1)
                grab(dialog, f"form-{number}-reveal-shown")
            if name == "extend":
                dialog.reason.setPlainText("x")
                dialog.reason.clear()
                dialog.new_due.set_value(dialog.current_due)
                grab(dialog, f"form-{number}-extend-problems")
            dialog.forget() if hasattr(dialog, "forget") else dialog.reject()
            _settle()
        detail = workspace.context.detail
        for name, rows, key in (("findings", detail.issues, "issue_id"),
                                ("sign_off", detail.actions, "action_id"),
                                ("edit_conversation", detail.conversations, "conversation_id")):
            if rows:
                dialog = workspace.open_form(name, getattr(rows[0], key))
                if dialog is not None:
                    grab(dialog, f"form-{number}-{name}")
                    dialog.forget()
    if len(concern_ids) > 2:
        shell.open_concern(concern_ids[2])
        _wait(lambda: workspace.context is not None
              and workspace.context.concern_id == concern_ids[2])
        dialog = workspace.open_form("decision")
        if dialog is not None:
            grab(dialog, "form-decision")
            dialog.forget()
    dialog = workspace.new_concern()
    grab(dialog, "form-new-concern")
    dialog.forget()
    return written


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _dark(app) -> None:  # type: ignore[no-untyped-def]
    """A dark system palette, as a desktop in dark mode would give (to check contrast)."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in ((role.Window, "#2b2b2b"), (role.WindowText, "#e8e8e8"),
                         (role.Base, "#1e1e1e"), (role.AlternateBase, "#262626"),
                         (role.Text, "#e8e8e8"), (role.Button, "#353535"),
                         (role.ButtonText, "#e8e8e8"), (role.Highlight, "#3d6fb4"),
                         (role.HighlightedText, "#ffffff"), (role.PlaceholderText, "#9a9a9a"),
                         (role.ToolTipBase, "#353535"), (role.ToolTipText, "#e8e8e8")):
        palette.setColor(name, QColor(colour))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, name, QColor("#7a7a7a"))
    app.setPalette(palette)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", default="1")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1200x800", help="window size in logical pixels")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in os.environ
                          else "xcb")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    from PySide6.QtWidgets import QApplication

    from app.demo import add_demo_concerns
    from app.store import keys
    from app.store.casebook import Casebook
    from app.ui.main_window import MainWindow
    from tests.support import CHEAP_ARGON2, PASSPHRASE

    keys.DEFAULT_ARGON2 = CHEAP_ARGON2
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.dark:
        _dark(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "casebook"
        book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Demo Board",
                                  unit="Demo Unit")
        with book:
            add_demo_concerns(book, 80, seed=7, today=TODAY)
        picks = _rich_concerns(folder, PASSPHRASE)
        window = MainWindow(folder, today=lambda: TODAY)
        width, height = (int(n) for n in args.size.split("x"))
        window.resize(width, height)
        window.show()
        window.unlock(PASSPHRASE)
        _wait(lambda: window.unlocked)
        written = capture_workspace(window, args.out, picks)
        window.close()
        window.deleteLater()
        _settle()
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print("\n".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The screens the review command photographs, in the order a contact meets them:
first run, unlock, dashboard, list, each workspace tab and form (reveal, conversation),
reports, the return preview, the import dialog, settings, handover and records, then the
board workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any


def capture_all(shooter: Any, folder: Path, scratch: Path, passphrase: str, today: date) -> None:
    from app.ui.main_window import MainWindow
    from tests.gui.workspace_screenshots import _rich_concerns

    ids = _rich_concerns(folder, passphrase)  # read before the window holds the casebook
    _first_run(shooter, scratch, today)
    window = MainWindow(folder, today=lambda: today)
    window.resize(1280, 800)
    window.show()
    shooter.shot(window, "unlock")
    window.unlock_view.passphrase.setText(passphrase)
    window.unlock_view.button.click()
    shooter.wait(lambda: window.unlocked and window.shell.concerns.model.rowCount() > 0)
    shooter.wait(lambda: bool(window.shell.dashboard.open_counts.text()))
    shooter.shot(window, "dashboard")
    window.shell.show_page("concerns")
    shooter.shot(window, "concerns-list")
    _workspace(shooter, window, ids)
    _reports(shooter, window)
    _import_dialog(shooter, window)
    window.shell.show_page("settings")
    shooter.wait(lambda: bool(window.shell.settings.unit_key.text()))
    shooter.shot(window, "settings")
    from tests.screenshots.continuity_shots import capture_continuity

    capture_continuity(shooter, window, scratch, today)
    window.close()
    _board(shooter, scratch)


def _first_run(shooter: Any, scratch: Path, today: date) -> None:
    from app.ui.main_window import MainWindow

    empty = scratch / "new-casebook"
    window = MainWindow(empty, today=lambda: today)
    window.resize(1280, 800)
    window.show()
    shooter.shot(window, "first-run")
    window.first_run.show_create()
    shooter.shot(window, "first-run-create")
    window.close()


def _workspace(shooter: Any, window: Any, ids: list[int]) -> None:
    """Every tab of a rich concern, its forms (the conversation form, the reveal dialog)."""
    from tests.gui.workspace_screenshots import capture_workspace

    for path in capture_workspace(window, shooter.out, ids[:1]):
        shooter.count += 1
        print(path)


def _reports(shooter: Any, window: Any) -> None:
    shell = window.shell
    shell.show_page("reports")
    shooter.wait(lambda: shell.reports.loaded is not None)
    shooter.shot(window, "reports")
    shell.show_page("return")
    shell.returns.build_preview()
    shooter.wait(lambda: (shell.returns.preview or shell.returns.blocked) is not None)
    shooter.shot(window, "return-preview")


def _import_dialog(shooter: Any, window: Any) -> None:
    window._import()
    dialog = window.import_dialog
    if dialog is not None:
        shooter.shot(dialog, "import-dialog")
        dialog.reject()


def _board(shooter: Any, scratch: Path) -> None:
    from tests.gui.test_board_screens import capture_board

    for path in capture_board(shooter.out / "board", scratch / "board-shots"):
        shooter.count += 1
        print(path)

"""The screens the review command photographs, in the order a contact meets them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any


def capture_all(shooter: Any, folder: Path, scratch: Path, passphrase: str, today: date) -> None:
    from app.ui.main_window import MainWindow

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
    window.close()

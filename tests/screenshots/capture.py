"""The screens the review command photographs, in the order a contact meets them:
first run, unlock, dashboard, list, each workspace tab and form (reveal, conversation),
the identity check's notice in a form and the by-person search, reports, the return
preview, the import dialog, settings (and its whole-casebook identity check), handover
and records, then the
board workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any


def capture_all(shooter: Any, folder: Path, scratch: Path, passphrase: str, today: date) -> None:
    from app.ui.main_window import MainWindow
    from tests.gui.workspace_screenshots import _rich_concerns

    ids = _rich_concerns(folder, passphrase)  # read before the window holds the casebook
    name = _person_name(folder, passphrase, ids[0])
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
    _identity(shooter, window, ids[0], name)
    _reports(shooter, window)
    _import_dialog(shooter, window)
    window.shell.show_page("settings")
    shooter.wait(lambda: bool(window.shell.settings.unit_key.text()))
    shooter.shot(window, "settings")
    _identity_check(shooter, window)
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


def _person_name(folder: Path, passphrase: str, concern_id: int) -> str:
    """The synthetic name held for a demo concern (read here only to type it into a form)."""
    from app.store.casebook import Casebook
    from app.store.identities import IdentityService

    with Casebook.open(folder, passphrase) as book:
        ref = IdentityService(book).person_ref_of(concern_id)
        row = book.identities().execute("SELECT name FROM persons WHERE person_ref = ?",
                                        (ref,)).fetchone()
        return str(row[0]) if row else "Jordan Testperson"


def _identity(shooter: Any, window: Any, concern_id: int, name: str) -> None:
    """The notice under a conversation form holding C's name and a phone number, then the
    Find by person dialog with a name looked up (audited: this is a synthetic casebook)."""
    shell = window.shell
    shell.open_concern(concern_id)
    workspace = shell.workspace
    shooter.wait(lambda: workspace.context is not None
                 and workspace.context.concern_id == concern_id)
    workspace.log_conversation()
    form = workspace.current_dialog
    first = name.split()[0]
    form.notes.setPlainText(f"Spoke with {first} by phone. {first} said the night rota is "
                            "still two nurses short and asked to be called back on "
                            "07700 900 982 after six.")
    shooter.wait(lambda: form.notice.state == "found")
    shooter.shot(form, "identity-notice")
    form.keeper.stop()
    form.forget()
    shell.show_page("concerns")
    dialog = shell.find_person()
    dialog.text.setText(first)
    dialog.reason.setText("C phoned and gave only a first name")
    dialog.look_up()
    shooter.wait(lambda: dialog.results.topLevelItemCount() > 0 or bool(
        dialog.found_note.text()))
    shooter.shot(dialog, "find-by-person")
    dialog.reject()


def _identity_check(shooter: Any, window: Any) -> None:
    panel = window.shell.settings.identity_check
    panel.check()
    shooter.wait(lambda: panel.report is not None and not panel.progress.busy, 120)
    window.shell.settings.scroll_area.ensureWidgetVisible(panel)
    shooter.shot(window, "settings-identity-check")


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

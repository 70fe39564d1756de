"""The screens the review command photographs, in the order a contact meets them:
first run (choices, create, restore, open), unlock, dashboard, list, each workspace tab
(on an open stage 2 concern and on a closed one), every form on a concern where it
applies (app/ui/case), reports, the return preview, the import and backup dialogs,
settings (its identity check, the passphrase and holiday dialogs), Help (keyboard
shortcuts, About), handover and records, then the board's window.

`capture_main` photographs the main screens only, for the runs at 200% scaling and in
the dark colour scheme."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any


def _kinds(folder: Path, passphrase: str) -> tuple[list[int], dict[str, int]]:
    from tests.gui.workspace_screenshots import _rich_concerns
    from tests.screenshots.form_shots import concerns_by_kind

    return _rich_concerns(folder, passphrase), concerns_by_kind(folder, passphrase)


def _unlocked(shooter: Any, folder: Path, passphrase: str, today: date) -> Any:
    from app.ui.main_window import MainWindow

    window = MainWindow(folder, today=lambda: today)
    room = window.screen().availableGeometry()
    window.resize(min(1280, room.width()), min(800, room.height() - 40))
    window.show()
    shooter.shot(window, "unlock")
    window.unlock_view.passphrase.setText(passphrase)
    window.unlock_view.button.click()
    shooter.wait(lambda: window.unlocked and window.shell.concerns.model.rowCount() > 0)
    shooter.wait(lambda: window.shell.dashboard.loaded is not None)
    shooter.shot(window, "dashboard")
    window.shell.show_page("concerns")
    shooter.wait(lambda: window.shell.concerns.view_loaded)
    shooter.shot(window, "concerns-list")
    return window


def capture_all(shooter: Any, folder: Path, scratch: Path, passphrase: str, today: date) -> None:
    ids, kinds = _kinds(folder, passphrase)  # read before the window holds the casebook
    name = _person_name(folder, passphrase, ids[0])
    _first_run(shooter, scratch, today)
    window = _unlocked(shooter, folder, passphrase, today)
    # An open stage 2 concern, then a closed one with everything in it (the demo's open
    # stage 2 concern with the most in it may be the same one as the first).
    _tabs(shooter, window, [kinds.get("stage2"), ids[1] if len(ids) > 1 else None])
    from tests.screenshots.form_shots import capture_forms

    capture_forms(shooter, window, kinds)
    _identity(shooter, window, kinds.get("stage1", ids[0]), name)
    _reports(shooter, window)
    _import_dialog(shooter, window)
    _backup_dialog(shooter, window)
    _settings(shooter, window)
    _help(shooter, window)
    from tests.screenshots.continuity_shots import capture_continuity

    capture_continuity(shooter, window, scratch, today)
    window.close()
    _board(shooter, scratch)


def capture_main(shooter: Any, folder: Path, scratch: Path, passphrase: str,
                 today: date) -> None:
    """The main screens only: unlock, dashboard, list, a concern, its most used forms,
    reports, the return, settings, and the board's units."""
    _ids, kinds = _kinds(folder, passphrase)
    window = _unlocked(shooter, folder, passphrase, today)
    concern = kinds.get("stage2")
    if concern is not None:
        window.shell.open_concern(concern)
        workspace = window.shell.workspace
        shooter.wait(lambda: workspace.context is not None
                     and workspace.context.concern_id == concern)
        shooter.shot(window, "workspace-summary")
        workspace.log_conversation()
        form = workspace.current_dialog
        shooter.wait(form.isVisible)
        shooter.shot(form, "form-conversation")
        form.keeper.stop()
        form.forget()
        # Two casework forms, to see them at 200% on the smallest supported screen.
        for name, about in (("correct_stage", "stage2"), ("person_record", None)):
            dialog = workspace.open_form(name, about)
            if dialog is not None:
                shooter.wait(dialog.isVisible)
                shooter.shot(dialog, f"form-{name}")
                dialog.forget()
    dialog = window.shell.workspace.new_concern()
    shooter.wait(dialog.isVisible)
    shooter.shot(dialog, "form-new-concern")
    dialog.accept()
    shooter.shot(dialog, "form-new-concern-after-save")
    dialog.keeper.stop()
    dialog.forget()
    _reports(shooter, window)
    window.shell.show_page("settings")
    shooter.wait(lambda: bool(window.shell.settings.unit_key.text()))
    shooter.shot(window, "settings")
    window.close()
    from tests.gui.test_board_screens import capture_board

    paths = capture_board(shooter.out / "board", scratch / "board-main", only=("units",))
    for path in paths:
        shooter.count += 1
        print(path)


def _first_run(shooter: Any, scratch: Path, today: date) -> None:
    from app.ui.main_window import MainWindow

    empty = scratch / "new-casebook"
    window = MainWindow(empty, today=lambda: today)
    window.resize(1280, 800)
    window.show()
    shooter.shot(window, "first-run")
    window.first_run.show_create()
    shooter.shot(window, "first-run-create")
    window.first_run.show_restore()
    shooter.shot(window, "first-run-restore")
    window.close()


def _tabs(shooter: Any, window: Any, concern_ids: list[int | None]) -> None:
    """Every tab of an open stage 2 concern and of a closed one with everything in it."""
    shell = window.shell
    workspace = shell.workspace
    for number, concern_id in enumerate((c for c in concern_ids if c is not None), start=1):
        shell.open_concern(concern_id)
        shooter.wait(lambda c=concern_id: workspace.context is not None
                     and workspace.context.concern_id == c)
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            title = "".join(ch if ch.isalnum() else "-" for ch in
                            workspace.tabs.tabText(index).lower()).strip("-")
            shooter.shot(window, f"workspace-{number}-tab{index}-{title}")


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


def _settings(shooter: Any, window: Any) -> None:
    settings = window.shell.settings
    window.shell.show_page("settings")
    shooter.wait(lambda: bool(settings.unit_key.text()))
    shooter.shot(window, "settings")
    panel = settings.identity_check
    panel.check()
    shooter.wait(lambda: panel.report is not None and not panel.progress.busy, 120)
    settings.scroll_area.ensureWidgetVisible(panel)
    shooter.shot(window, "settings-identity-check")
    settings.scroll_area.ensureWidgetVisible(settings.letters_panel)
    shooter.wait(lambda: settings.letters_panel.settings is not None)
    shooter.shot(window, "settings-letters")
    settings.open_change_passphrase()
    dialog = settings.passphrase_dialog
    shooter.wait(dialog.isVisible)
    shooter.shot(dialog, "settings-change-passphrase")
    dialog.clear()
    dialog.done(0)
    editor = settings.holiday_editor
    editor.open_add_holiday()
    shooter.wait(lambda: editor.dialog is not None and editor.dialog.isVisible())
    shooter.shot(editor.dialog, "settings-add-holiday")
    editor.dialog.done(0)


def _help(shooter: Any, window: Any) -> None:
    from app.ui.base.about_dialog import AboutDialog
    from app.ui.base.shortcuts_dialog import ShortcutsDialog

    shortcuts = ShortcutsDialog(window.actions(), window)
    shortcuts.show()
    shooter.shot(shortcuts, "help-keyboard-shortcuts")
    shortcuts.close()
    about = AboutDialog(window.folder, "casebook", window)
    about.show()
    shooter.shot(about, "help-about")
    about.close()


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


def _backup_dialog(shooter: Any, window: Any) -> None:
    window._backup()
    dialog = window.backup_dialog
    if dialog is not None:
        shooter.wait(dialog.isVisible)
        shooter.shot(dialog, "backup-dialog")
        dialog.reject()


def _board(shooter: Any, scratch: Path) -> None:
    from tests.gui.test_board_screens import capture_board

    for path in capture_board(shooter.out / "board", scratch / "board-shots"):
        shooter.count += 1
        print(path)

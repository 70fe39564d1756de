"""First run: the chosen folder holds no casebook yet. Create one, open another, or restore.

Whichever way, the view ends by emitting casebook_ready(folder) with the casebook
closed, and the window shows the unlock screen for that folder. After creating,
the user unlocks with the new passphrase straight away: the casebook is not kept
open in between (one way in, and the passphrase is typed once more while fresh).
`ready_message` says what just happened, for the unlock screen to show.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.paths import is_casebook
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    ask_folder,
    centred_page,
    heading_font,
)
from app.ui.base.worker import CasebookWorker
from app.ui.firstrun.create_page import CreateCasebookPage
from app.ui.firstrun.recovery_key_dialog import NewCasebook, RecoveryKeyDialog
from app.ui.firstrun.restore_page import RestorePage


class FirstRunView(QWidget):
    casebook_ready = Signal(Path)

    def __init__(self, worker: CasebookWorker, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.worker = worker
        self.folder = folder
        self.ready_message = ""
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.ask_folder: Callable[[Path], Path | None] = lambda start: ask_folder(
            self, self.tr("Choose a casebook folder"), start)

        self.choices = self._choice_page()
        self.create_page = CreateCasebookPage(worker, folder)
        self.restore_page = RestorePage(worker, folder)
        self.stack = QStackedWidget()
        self._areas: dict[int, QScrollArea] = {}
        for page in (self.choices, self.create_page, self.restore_page):
            area = centred_page(page, 80 if page is self.choices else 100,
                                self.tr("Welcome to Casebook"))
            self._areas[id(page)] = area
            self.stack.addWidget(area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.stack)

        self.create_page.back_requested.connect(self.show_choices)
        self.restore_page.back_requested.connect(self.show_choices)
        self.create_page.created.connect(self._created)
        self.restore_page.restored.connect(self._restored)

    def _choice_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("firstRunChoices")
        title = QLabel(self.tr("Welcome to Casebook"))
        title.setFont(heading_font(self, 1.8))
        where = QLabel(self.tr("There is no casebook in {folder} yet. What would you like "
                               "to do?").format(folder=self.folder))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_choice = QCommandLinkButton(
            self.tr("&Create a new casebook"),
            self.tr("Start afresh: set the organisation, reporting unit and a passphrase."))
        self.create_choice.setAccessibleName(self.tr("Create a new casebook"))
        self.open_choice = QCommandLinkButton(
            self.tr("&Open an existing casebook"),
            self.tr("Choose the folder of a casebook already on this computer."))
        self.open_choice.setAccessibleName(self.tr("Open an existing casebook folder"))
        self.restore_choice = QCommandLinkButton(
            self.tr("&Restore from a backup"),
            self.tr("Copy a casebook back from a backup, for example onto a new laptop."))
        self.restore_choice.setAccessibleName(self.tr("Restore a casebook from a backup"))
        self.open_message = FieldMessage(self.tr("Open casebook message"))
        self.busy = BusyIndicator()
        self.create_choice.clicked.connect(self.show_create)
        self.open_choice.clicked.connect(self._choose_existing)
        self.restore_choice.clicked.connect(self.show_restore)

        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addSpacing(12)
        for button in (self.create_choice, self.open_choice, self.restore_choice):
            layout.addWidget(button)
        layout.addWidget(self.busy)
        layout.addWidget(self.open_message)
        layout.addStretch(2)
        return page

    # ----- moving between pages ----------------------------------------------------------

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(self._areas[id(page)])

    def show_choices(self) -> None:
        self._show(self.choices)
        self.create_choice.setFocus()

    def show_create(self) -> None:
        self._show(self.create_page)
        self.create_page.organisation.setFocus()

    def show_restore(self) -> None:
        self._show(self.restore_page)
        self.restore_page.backup_field.setFocus()
        self.restore_page.check()

    # ----- open an existing casebook -----------------------------------------------------

    def _choose_existing(self) -> None:
        chosen = self.ask_folder(self.folder.parent if not self.folder.exists() else self.folder)
        if chosen is not None:
            self.open_existing(chosen)

    def open_existing(self, folder: Path) -> None:
        """Check the folder holds a casebook (on the worker), then hand it on."""
        self.open_message.show_problem(None)
        self.busy.start(self.tr("Looking for a casebook in {folder}…").format(folder=folder))
        self.worker.submit(lambda _state: is_casebook(folder),
                           lambda found: self._existing_checked(folder, found),
                           self._open_failed)

    def _existing_checked(self, folder: Path, found: Any) -> None:
        self.busy.stop()
        if not found:
            self.open_message.show_problem(self.tr(
                "There is no casebook in {folder}. Choose the folder that holds cases.db, "
                "or restore from a backup.").format(folder=folder))
            self.open_choice.setFocus()
            return
        self._ready(folder, self.tr("Unlock the casebook in {folder}.").format(folder=folder))

    def _open_failed(self, message: str) -> None:
        self.busy.stop()
        self.open_message.show_problem(message)

    # ----- after creating or restoring ---------------------------------------------------

    def _created(self, created: Any) -> None:
        if not isinstance(created, NewCasebook):
            return
        dialog = RecoveryKeyDialog(created, self.worker, self)
        self.recovery_dialog = dialog

        def finished(_result: int) -> None:
            dialog.forget()
            dialog.deleteLater()
            self.recovery_dialog = None
            self._ready(created.folder, self.tr(
                "The casebook is ready. Unlock it with your new passphrase."))

        dialog.finished.connect(finished)
        dialog.open()

    def _restored(self, folder: Path) -> None:
        self._ready(folder, self.tr(
            "The casebook was restored. Unlock it with its passphrase."))

    def _ready(self, folder: Path, message: str) -> None:
        self.folder = folder
        self.ready_message = message
        self.casebook_ready.emit(folder)

    def reset(self) -> None:
        self.create_page.clear_passphrases()
        self.show_choices()


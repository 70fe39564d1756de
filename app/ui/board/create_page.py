"""Create the board's store: its name, a passphrase, and a new or existing age identity.

The shared create page (app.ui.base.create_store_page), as at a casebook's first
run: every field is checked as the user types, creation (Argon2id) runs on the
worker, the new store is closed straight away and the recovery key handed back to
be shown once. This page adds the board's name and its age identity: an existing
one (made with `age-keygen`) is read on the worker when chosen, to show which
recipient it gives; only that public recipient comes back to the window, and the
file is read again when the store is made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.returns.signing import recipient_fingerprint
from app.services.board_identity import identity_recipient, read_identity_file
from app.store.board import Board
from app.ui.base.create_store_page import CreateStorePage, CreateWording
from app.ui.base.form_feedback import FieldMessage, field_with_message
from app.ui.base.formatting import fingerprint_in_two_lines
from app.ui.base.messages import shown
from app.ui.base.worker import CasebookWorker, Job, WorkerState

MAX_NAME = 200


@dataclass(frozen=True)
class NewBoard:
    """What the creation job hands back: enough to show the key and the recipient."""

    folder: Path
    recovery_key: str
    name: str
    board_id: str
    recipient: str


def name_problem(text: str) -> str:
    name = text.strip()
    if not name:
        return "Give the board's name, as its reports are headed."
    if len(name) > MAX_NAME or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return f"The board's name is one line of at most {MAX_NAME} characters."
    return ""


class BoardCreatePage(CreateStorePage):
    folder_changed = Signal(Path)

    def __init__(self, worker: CasebookWorker, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(worker, folder, CreateWording(
            title=self.tr("Create the board's store"),
            intro=self.tr(
                "The board's store keeps the returns sent by reporting units, encrypted on this "
                "computer. Units encrypt their returns to the board's key, so only this store "
                "can open them. Only someone who knows the passphrase (or holds the recovery "
                "key) can open the store."),
            choose_folder=self.tr("Choose a folder for the board's store"),
            folder_name=self.tr("Board store folder"),
            change_folder_name=self.tr("Change the board store folder"),
            create=self.tr("&Create board store"),
            create_name=self.tr("Create the board store"),
            message_name=self.tr("Create board store message"),
            busy=self.tr("Creating the board store… this takes a few seconds."),
            failed=self.tr("The board store was not created: {message}")), parent)
        self.setObjectName("createBoard")
        self._identity_ok = False
        self.ask_identity: Callable[[Path], Path | None] = self._ask_identity

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Board name"))
        self.name.setPlaceholderText(self.tr("for example, NHS Forth Valley"))
        self.name_message = FieldMessage(self.tr("Board name problem"))

        self.use_identity = QCheckBox(self.tr("Use an existing age &identity file (made with "
                                              "age-keygen)"))
        self.use_identity.setAccessibleName(self.tr("Use an existing age identity file"))
        self.identity_field = QLineEdit()
        self.identity_field.setReadOnly(True)
        self.identity_field.setAccessibleName(self.tr("Age identity file"))
        self.identity_field.setPlaceholderText(self.tr("no file chosen"))
        self.choose_identity = QPushButton(self.tr("Choose &file…"))
        self.choose_identity.setAccessibleName(self.tr("Choose the age identity file"))
        self.choose_identity.clicked.connect(self._choose_identity)
        identity_row = QWidget()
        identity_layout = QHBoxLayout(identity_row)
        identity_layout.setContentsMargins(0, 0, 0, 0)
        identity_layout.addWidget(self.identity_field, 1)
        identity_layout.addWidget(self.choose_identity)
        identity_row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.identity_message = FieldMessage(self.tr("Age identity file message"))
        identity_note = FieldMessage(self.tr("Age identity note"))
        identity_note.show_note(self.tr(
            "Without a file, a new identity is made for the board. Use a file only if the "
            "board already has an age identity that units encrypt to."))

        self.lay_out([
            (self.tr("Board &name:"), field_with_message(self.name, self.name_message),
             self.name),
            (self.tr("F&older:"), self.folder_row, self.folder_field),
            (self.tr("Age identity:"),
             field_with_message(self.use_identity, identity_row, self.identity_message,
                                identity_note), None),
            *self.passphrase_rows(),
        ], {"name": (self.name, self.name_message)})
        self.use_identity.toggled.connect(self._identity_toggled)
        self.set_tab_order((self.name, self.folder_field, self.change_folder, self.use_identity,
                            self.identity_field, self.choose_identity, self.passphrase,
                            self.confirm, self.create_button))
        self._identity_toggled(False)

    # ----- checking ----------------------------------------------------------------------

    def own_problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        name = name_problem(self.name.text())
        if name:
            found["name"] = shown(name)
        if self.use_identity.isChecked() and not self._identity_ok:
            found["identity"] = self.tr("Choose the age identity file, or untick the box to "
                                        "make a new identity.")
        return found

    # ----- folder and identity -----------------------------------------------------------

    def set_folder(self, folder: Path) -> None:
        super().set_folder(folder)
        self.folder_changed.emit(folder)

    def _ask_identity(self, start: Path) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the board's age identity file"), str(start),
            self.tr("Age identity (*.txt *.key);;All files (*)"))
        return Path(chosen) if chosen else None

    def _identity_toggled(self, on: bool) -> None:
        self.identity_field.setEnabled(on)
        self.choose_identity.setEnabled(on)
        if not on:
            self.identity_field.clear()
            self._identity_ok = False
            self.identity_message.show_problem(None)
        elif not self.identity_field.text():
            self.identity_message.show_note(self.tr(
                "Choose the identity file, or untick the box to make a new identity."))
        self.validate()

    def _choose_identity(self) -> None:
        current = self.identity_field.text()
        chosen = self.ask_identity(Path(current).parent if current else Path.home())
        if chosen is not None:
            self.set_identity_file(chosen)

    def set_identity_file(self, path: Path) -> None:
        """Check the file on the worker; only its public recipient comes back."""
        self.use_identity.setChecked(True)
        self.identity_field.setText(str(path))
        self._identity_ok = False
        self.identity_message.show_note(self.tr("Reading {path}…").format(path=path))
        self.validate()

        def done(recipient: Any) -> None:
            if self.identity_field.text() != str(path):
                return
            self._identity_ok = True
            self.identity_message.show_note(self.tr(
                "Units will encrypt to {recipient}\nFingerprint: {fingerprint}").format(
                recipient=recipient,
                fingerprint=fingerprint_in_two_lines(recipient_fingerprint(recipient))))
            self.validate()

        def failed(message: str) -> None:
            if self.identity_field.text() != str(path):
                return
            self.identity_message.show_problem(message)
            self.validate()

        self._worker.submit(lambda _state: identity_recipient(path), done, failed)

    # ----- creating ----------------------------------------------------------------------

    def create_board(self) -> None:
        self.create_store()

    def creation_job(self) -> Job:
        folder = self.folder
        passphrase = self.passphrase.text()
        name = self.name.text().strip()
        identity_path = Path(self.identity_field.text()) if self.use_identity.isChecked() \
            else None

        def job(state: WorkerState) -> NewBoard:
            state.close()
            identity = read_identity_file(identity_path) if identity_path else None
            board, recovery_key = Board.create(folder, passphrase, name=name, identity=identity)
            try:
                return NewBoard(folder, recovery_key, board.name, board.board_id,
                                board.recipient())
            finally:
                board.close()

        return job

    def busy_widgets(self) -> Sequence[QWidget]:
        return (self.name, self.change_folder, self.use_identity)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.choose_identity.setEnabled(not busy and self.use_identity.isChecked())

    def focus_first(self) -> None:
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

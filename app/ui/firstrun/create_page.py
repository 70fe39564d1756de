"""Create a new casebook: organisation, reporting unit, folder and passphrase.

The shared create page (app.ui.base.create_store_page) checks every field as the
user types and makes the casebook on the worker thread; this page adds the
organisation and the reporting unit and the way back to the first-run choices.
The new casebook is closed straight away and the recovery key handed back to be
shown once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from app.store.casebook import Casebook
from app.store.settings_service import organisation_problem, unit_problem
from app.ui.base.create_store_page import CreateStorePage, CreateWording
from app.ui.base.form_feedback import FieldMessage, field_with_message
from app.ui.base.messages import shown
from app.ui.base.worker import CasebookWorker, Job, WorkerState
from app.ui.firstrun.recovery_key_dialog import NewCasebook


class CreateCasebookPage(CreateStorePage):
    back_requested = Signal()

    def __init__(self, worker: CasebookWorker, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(worker, folder, CreateWording(
            title=self.tr("Create a new casebook"),
            intro=self.tr(
                "The casebook keeps every concern encrypted on this computer. Only someone who "
                "knows the passphrase (or holds the recovery key) can open it."),
            choose_folder=self.tr("Choose a folder for the new casebook"),
            folder_name=self.tr("Casebook folder"),
            change_folder_name=self.tr("Change the casebook folder"),
            create=self.tr("&Create casebook"),
            create_name=self.tr("Create the casebook"),
            message_name=self.tr("Create casebook message"),
            busy=self.tr("Creating the casebook… this takes a few seconds."),
            failed=self.tr("The casebook was not created: {message}")), parent)
        self.setObjectName("createCasebook")

        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.setPlaceholderText(self.tr("for example, NHS Lothian"))
        self.organisation_message = FieldMessage(self.tr("Organisation problem"))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Reporting unit"))
        self.unit.setPlaceholderText(self.tr("for example, Acute Services Division"))
        self.unit_message = FieldMessage(self.tr("Reporting unit problem"))
        self.folder_message = FieldMessage(self.tr("Casebook folder problem"))

        self.back = QPushButton(self.tr("&Back"))
        self.back.setAccessibleName(self.tr("Back to the first-run choices"))
        self.back.clicked.connect(self.back_requested.emit)

        self.lay_out([
            (self.tr("&Organisation:"),
             field_with_message(self.organisation, self.organisation_message), self.organisation),
            (self.tr("&Reporting unit:"), field_with_message(self.unit, self.unit_message),
             self.unit),
            (self.tr("&Folder:"), field_with_message(self.folder_row, self.folder_message),
             self.folder_field),
            *self.passphrase_rows(),
        ], {"organisation": (self.organisation, self.organisation_message),
            "unit": (self.unit, self.unit_message)}, before_create=[self.back])
        self.set_tab_order((self.organisation, self.unit, self.folder_field, self.change_folder,
                            self.passphrase, self.confirm, self.back, self.create_button))
        self.validate()

    def own_problems(self) -> dict[str, str]:
        """What stops the casebook being created, by field (English, then translated)."""
        found: dict[str, str] = {}
        organisation = organisation_problem(self.organisation.text())
        if organisation:
            found["organisation"] = shown(organisation)
        unit = unit_problem(self.unit.text())
        if unit:
            found["unit"] = shown(unit)
        return found

    def set_folder(self, folder: Path) -> None:
        super().set_folder(folder)
        self.folder_message.show_problem(None)

    # ----- creating ----------------------------------------------------------------------

    def create_casebook(self) -> None:
        self.create_store()

    def creation_job(self) -> Job:
        folder = self.folder
        passphrase = self.passphrase.text()
        organisation = self.organisation.text().strip()
        unit = self.unit.text().strip()

        def job(state: WorkerState) -> NewCasebook:
            state.close()
            book, recovery_key = Casebook.create(folder, passphrase, organisation=organisation,
                                                 unit=unit)
            try:
                return NewCasebook(folder, recovery_key, organisation, unit, book.casebook_id)
            finally:
                book.close()

        return job

    def busy_widgets(self) -> Sequence[QWidget]:
        return (self.organisation, self.unit, self.change_folder, self.back)

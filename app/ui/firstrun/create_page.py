"""Create a new casebook: organisation, reporting unit, folder and passphrase.

Every field is checked as the user types and says what is wrong beside it; the
Create button stays disabled until all is well. Creation (Argon2id, about half a
second) runs on the worker thread; the new casebook is closed straight away and
the recovery key handed back to be shown once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.casebook import Casebook
from app.store.settings_service import organisation_problem, unit_problem
from app.ui.base.folder_row import FolderRow
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    ask_folder,
    field_with_message,
    heading_font,
)
from app.ui.base.messages import shown
from app.ui.base.new_passphrase import NewPassphraseFields
from app.ui.base.worker import CasebookWorker, WorkerState
from app.ui.firstrun.recovery_key_dialog import NewCasebook


class CreateCasebookPage(QWidget):
    created = Signal(object)  # NewCasebook
    back_requested = Signal()

    def __init__(self, worker: CasebookWorker, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createCasebook")
        self._worker = worker
        self.folder = folder
        self.ask_folder: Callable[[Path], Path | None] = lambda start: ask_folder(
            self, self.tr("Choose a folder for the new casebook"), start)
        self._touched: set[str] = set()

        title = QLabel(self.tr("Create a new casebook"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "The casebook keeps every concern encrypted on this computer. Only someone who "
            "knows the passphrase (or holds the recovery key) can open it."))
        intro.setWordWrap(True)

        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.setPlaceholderText(self.tr("for example, NHS Lothian"))
        self.organisation_message = FieldMessage(self.tr("Organisation problem"))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Reporting unit"))
        self.unit.setPlaceholderText(self.tr("for example, Acute Services Division"))
        self.unit_message = FieldMessage(self.tr("Reporting unit problem"))

        folder_row = FolderRow(str(folder), self.tr("Casebook folder"),
                               self.tr("Change the casebook folder"))
        self.folder_field, self.change_folder = folder_row.field, folder_row.change
        self.change_folder.clicked.connect(self._choose_folder)
        self.folder_message = FieldMessage(self.tr("Casebook folder problem"))

        self.new_passphrase = NewPassphraseFields(self)
        self.passphrase, self.confirm = self.new_passphrase.passphrase, self.new_passphrase.confirm
        self.meter = self.new_passphrase.meter
        self.passphrase_message = self.new_passphrase.passphrase_message
        self.confirm_message = self.new_passphrase.confirm_message
        rule = self.new_passphrase.rule

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Organisation:"),
                    field_with_message(self.organisation, self.organisation_message))
        form.addRow(self.tr("&Reporting unit:"),
                    field_with_message(self.unit, self.unit_message))
        form.addRow(self.tr("&Folder:"), field_with_message(folder_row, self.folder_message))
        form.addRow(self.tr("&Passphrase:"),
                    field_with_message(self.passphrase, self.meter, self.passphrase_message))
        form.addRow(self.tr("Passphrase a&gain:"),
                    field_with_message(self.confirm, self.confirm_message))
        self._buddy_labels(form)

        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Create casebook message"))
        self.back = QPushButton(self.tr("&Back"))
        self.back.setAccessibleName(self.tr("Back to the first-run choices"))
        self.back.clicked.connect(self.back_requested.emit)
        self.create_button = QPushButton(self.tr("&Create casebook"))
        self.create_button.setAccessibleName(self.tr("Create the casebook"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_casebook)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for name, field in (("organisation", self.organisation), ("unit", self.unit),
                            ("passphrase", self.passphrase), ("confirm", self.confirm)):
            field.textEdited.connect(lambda _text, name=name: self._touch(name))
        for field in (self.organisation, self.unit, self.passphrase, self.confirm):
            field.textChanged.connect(self.validate)
            field.returnPressed.connect(self.create_casebook)
        for first, second in ((self.organisation, self.unit), (self.unit, self.folder_field),
                              (self.folder_field, self.change_folder),
                              (self.change_folder, self.passphrase),
                              (self.passphrase, self.confirm), (self.confirm, self.back),
                              (self.back, self.create_button)):
            self.setTabOrder(first, second)
        self.validate()

    def _buddy_labels(self, form: QFormLayout) -> None:
        """Mnemonics on the labels move the focus to the field itself, not its container."""
        fields = (self.organisation, self.unit, self.folder_field, self.passphrase, self.confirm)
        for row, field in enumerate(fields):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setBuddy(field)

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def problems(self) -> dict[str, str]:
        """What stops the casebook being created, by field (English, then translated)."""
        found: dict[str, str] = {}
        organisation = organisation_problem(self.organisation.text())
        if organisation:
            found["organisation"] = shown(organisation)
        unit = unit_problem(self.unit.text())
        if unit:
            found["unit"] = shown(unit)
        found.update(self.new_passphrase.problems())
        return found

    def validate(self) -> bool:
        problems = self.problems()
        messages = {"organisation": self.organisation_message, "unit": self.unit_message,
                    **self.new_passphrase.messages()}
        for name, message in messages.items():
            shown = name in self._touched or (name == "confirm" and bool(self.confirm.text()))
            message.show_problem(problems.get(name) if shown else None)
        busy = self.busy.busy
        self.create_button.setEnabled(not problems and not busy)
        return not problems

    def _choose_folder(self) -> None:
        chosen = self.ask_folder(self.folder)
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_field.setText(str(folder))
        self.folder_message.show_problem(None)

    # ----- creating ----------------------------------------------------------------------

    def create_casebook(self) -> None:
        self._touched.update(("organisation", "unit", "passphrase", "confirm"))
        if not self.validate() or self.busy.busy:
            return
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

        self._set_busy(True)
        self.message.show_problem(None)
        self._worker.submit(job, self._created, self._failed)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.start(self.tr("Creating the casebook… this takes a few seconds."))
        else:
            self.busy.stop()
        for widget in (self.organisation, self.unit, self.change_folder, self.passphrase,
                       self.confirm, self.back):
            widget.setEnabled(not busy)
        self.validate()

    def _created(self, result: Any) -> None:
        self._set_busy(False)
        self.clear_passphrases()
        self.created.emit(result)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.message.show_problem(self.tr("The casebook was not created: {message}").format(
            message=message))
        self.create_button.setFocus()

    def clear_passphrases(self) -> None:
        self.new_passphrase.clear()
        self._touched.difference_update(("passphrase", "confirm"))
        self.validate()

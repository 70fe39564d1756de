"""The page that makes a new encrypted store: a casebook at first run, or the board's store.

What both share: a title and an introduction, the store's own fields (given by the
page that uses this one), the folder with its Change… button, a new passphrase typed
twice with its meter, a busy line and a message, and the Create button. Every field is
checked as the user types and says what is wrong beside it, once touched; the button
stays disabled until all is well. Creation (Argon2id, a few seconds) runs on the worker
thread as a job the page gives; its result is handed on by `created`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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

from app.ui.base.folder_row import FolderRow
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    ask_folder,
    field_with_message,
    heading_font,
)
from app.ui.base.new_passphrase import NewPassphraseFields
from app.ui.base.worker import CasebookWorker, Job

# A form row: its label, what stands in the row, and the field its mnemonic moves to.
Row = tuple[str, QWidget, QWidget | None]


@dataclass(frozen=True)
class CreateWording:
    """What the page says, in the words of the store it makes (already translated)."""

    title: str
    intro: str
    choose_folder: str  # the folder chooser's title
    folder_name: str  # the folder field's accessible name
    change_folder_name: str
    create: str  # the button
    create_name: str  # its accessible name
    message_name: str
    busy: str
    failed: str  # with {message}


class CreateStorePage(QWidget):
    """The shared page; a page that uses it adds its fields through `lay_out`, says what is
    wrong with them in `own_problems` and gives the creation job in `creation_job`."""

    created = Signal(object)  # what the creation job returned

    def __init__(self, worker: CasebookWorker, folder: Path, wording: CreateWording,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._wording = wording
        self.folder = folder
        self._touched: set[str] = set()
        self._fields: dict[str, tuple[QLineEdit, FieldMessage]] = {}
        self.ask_folder: Callable[[Path], Path | None] = lambda start: ask_folder(
            self, wording.choose_folder, start)

        self.title = QLabel(wording.title)
        self.title.setFont(heading_font(self))
        self.intro = QLabel(wording.intro)
        self.intro.setWordWrap(True)

        self.folder_row = FolderRow(str(folder), wording.folder_name,
                                    wording.change_folder_name)
        self.folder_field, self.change_folder = self.folder_row.field, self.folder_row.change
        self.change_folder.clicked.connect(self._choose_folder)

        self.new_passphrase = NewPassphraseFields(self)
        self.passphrase, self.confirm = self.new_passphrase.passphrase, self.new_passphrase.confirm
        self.meter = self.new_passphrase.meter
        self.passphrase_message = self.new_passphrase.passphrase_message
        self.confirm_message = self.new_passphrase.confirm_message

        self.busy = BusyIndicator()
        self.message = FieldMessage(wording.message_name)
        self.create_button = QPushButton(wording.create)
        self.create_button.setAccessibleName(wording.create_name)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_store)

    def passphrase_rows(self) -> list[Row]:
        return [
            (self.tr("&Passphrase:"),
             field_with_message(self.passphrase, self.meter, self.passphrase_message),
             self.passphrase),
            (self.tr("Passphrase a&gain:"),
             field_with_message(self.confirm, self.confirm_message), self.confirm),
        ]

    def lay_out(self, rows: Sequence[Row], fields: dict[str, tuple[QLineEdit, FieldMessage]],
                before_create: Sequence[QWidget] = ()) -> None:
        """Place the rows (the page's own, the folder's and `passphrase_rows()`), check the
        named `fields` as they are typed in, and put `before_create` (a Back button) at the
        left of the Create button."""
        self._fields = fields
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, buddy in rows:
            label = QLabel(text)
            if buddy is not None:  # mnemonics move the focus to the field, not its container
                label.setBuddy(buddy)
            form.addRow(label, field)

        buttons = QHBoxLayout()
        for widget in before_create:
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.new_passphrase.rule)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

        checked = {**{name: field for name, (field, _message) in fields.items()},
                   "passphrase": self.passphrase, "confirm": self.confirm}
        for name, field in checked.items():
            field.textEdited.connect(lambda _text, name=name: self._touch(name))
        for field in checked.values():
            field.textChanged.connect(self.validate)
            field.returnPressed.connect(self.create_store)

    def set_tab_order(self, order: Sequence[QWidget]) -> None:
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    # ----- checking ----------------------------------------------------------------------

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def own_problems(self) -> dict[str, str]:
        """What is wrong with the page's own fields, by name (translated)."""
        return {}

    def problems(self) -> dict[str, str]:
        """What stops the store being created, by field."""
        found = self.own_problems()
        found.update(self.new_passphrase.problems())
        return found

    def validate(self) -> bool:
        problems = self.problems()
        messages = {**{name: message for name, (_field, message) in self._fields.items()},
                    **self.new_passphrase.messages()}
        for name, message in messages.items():
            shown = name in self._touched or (name == "confirm" and bool(self.confirm.text()))
            message.show_problem(problems.get(name) if shown else None)
        self.create_button.setEnabled(not problems and not self.busy.busy)
        return not problems

    # ----- the folder --------------------------------------------------------------------

    def _choose_folder(self) -> None:
        chosen = self.ask_folder(self.folder)
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_field.setText(str(folder))

    # ----- creating ----------------------------------------------------------------------

    def creation_job(self) -> Job:
        """The job that makes the store (on the worker) and returns what `created` says."""
        raise NotImplementedError

    def busy_widgets(self) -> Sequence[QWidget]:
        """What cannot be changed while the store is being made."""
        return ()

    def create_store(self) -> None:
        self._touched.update((*self._fields, "passphrase", "confirm"))
        if not self.validate() or self.busy.busy:
            return
        job = self.creation_job()
        self._set_busy(True)
        self.message.show_problem(None)
        self._worker.submit(job, self._created, self._failed)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.start(self._wording.busy)
        else:
            self.busy.stop()
        for widget in (*self.busy_widgets(), self.passphrase, self.confirm):
            widget.setEnabled(not busy)
        self.validate()

    def _created(self, result: Any) -> None:
        self._set_busy(False)
        self.clear_passphrases()
        self.created.emit(result)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.message.show_problem(self._wording.failed.format(message=message))
        self.create_button.setFocus()

    def clear_passphrases(self) -> None:
        self.new_passphrase.clear()
        self._touched.difference_update(("passphrase", "confirm"))
        self.validate()

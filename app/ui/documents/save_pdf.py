"""Saving a PDF from a concern: where to, and for one that identifies a person, a warning and
an optional password.

PdfSaveOptions is the part of a dialog that asks. With `identity` on, it shows
the warning that the file leaves the encrypted casebook
(app.documents.protect.LEAVES_CASEBOOK) and offers AES-256 password protection
(password and confirmation, checked as they are typed); with it off (a redacted
summary) it asks only where to save. The worker's half is app.services.documents
(make the PDF, which is where a reveal is audited, then save it, protected when a
password was given). Nothing is revealed or written until Save is pressed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.documents.protect import LEAVES_CASEBOOK, MIN_PASSWORD
from app.ui.base.form_feedback import FieldMessage, ask_save_file, field_with_message
from app.ui.reports.files import default_folder, remember_folder, with_suffix


class PdfSaveOptions(QWidget):
    """The warning, the password (when the PDF identifies a person) and where to save it."""

    changed = Signal()

    def __init__(self, suggested_name: str, *, identity: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggested_name = suggested_name
        self._path: Path | None = None
        self._tried = False

        self.warning = QLabel(self.tr(LEAVES_CASEBOOK))
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Warning: the file leaves the encrypted casebook"))
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setMargin(self.fontMetrics().averageCharWidth())
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)

        self.protect = QCheckBox(self.tr("Protect the file with a pass&word (AES-256)"))
        self.protect.setAccessibleName(self.tr("Protect the file with a password"))
        self.protect.setChecked(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password for the file"))
        self.password_message = FieldMessage(self.tr("Password problem"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("The password again"))
        self.confirm_message = FieldMessage(self.tr("Confirmation problem"))
        self.protect_note = FieldMessage(self.tr("About the password"))
        self.protect_note.show_note(self.tr(
            "Anyone opening the file will need this password: tell it to them separately (by "
            "phone, not in the same email). It cannot be recovered if it is forgotten."))

        self.path_field = QLineEdit()
        self.path_field.setReadOnly(True)
        self.path_field.setAccessibleName(self.tr("Where the file will be saved"))
        self.path_field.setPlaceholderText(self.tr("Not chosen yet"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setAccessibleName(self.tr("Choose where to save the file"))
        self.path_message = FieldMessage(self.tr("Where to save problem"))
        path_row = QWidget()
        path_row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_field, 1)
        row.addWidget(self.choose_button)

        self.password_box = QWidget()
        form = QFormLayout(self.password_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.password_label = QLabel(self.tr("&Password:"))
        self.password_label.setBuddy(self.password)
        self.confirm_label = QLabel(self.tr("Type it &again:"))
        self.confirm_label.setBuddy(self.confirm)
        form.addRow(self.protect)
        form.addRow(self.password_label, field_with_message(self.password,
                                                            self.password_message))
        form.addRow(self.confirm_label, field_with_message(self.confirm, self.confirm_message))
        form.addRow(self.protect_note)

        path_form = QFormLayout()
        path_form.setContentsMargins(0, 0, 0, 0)
        path_label = QLabel(self.tr("Save &to:"))
        path_label.setBuddy(self.choose_button)
        path_form.addRow(path_label, field_with_message(path_row, self.path_message))
        self.labels = (self.password_label, self.confirm_label, path_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.password_box)
        layout.addLayout(path_form)

        self.protect.toggled.connect(self._changed)
        self.password.textChanged.connect(self._changed)
        self.confirm.textChanged.connect(self._changed)
        self.choose_button.clicked.connect(self.choose)
        for first, second in ((self.protect, self.password), (self.password, self.confirm),
                              (self.confirm, self.path_field),
                              (self.path_field, self.choose_button)):
            self.setTabOrder(first, second)
        self.identity = identity
        self.set_identity(identity)

    # ----- what the file is --------------------------------------------------------------

    def set_identity(self, identity: bool) -> None:
        """A PDF that shows the person gets the warning and the password offer."""
        self.identity = identity
        self.warning.setVisible(identity)
        self.password_box.setVisible(identity)
        self._changed()

    def set_suggested_name(self, name: str) -> None:
        self.suggested_name = name

    # ----- where -------------------------------------------------------------------------

    def choose(self) -> None:
        chosen = ask_save_file(self, self.tr("Save the PDF"),
                               (self._path or default_folder() / self.suggested_name),
                               self.tr("PDF files (*.pdf)"))
        if chosen is not None:
            remember_folder(chosen)
            self.set_path(with_suffix(chosen, ".pdf"))

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.path_field.setText(str(path) if path else "")
        self._changed()

    def path(self) -> Path | None:
        return self._path

    # ----- the password ------------------------------------------------------------------

    @property
    def protected(self) -> bool:
        return self.identity and self.protect.isChecked()

    def confirm_unprotected(self) -> bool:
        """A file that identifies a person is protected unless the contact, asked, says to
        save it without a password (the save is then audited as unprotected). True: go on."""
        if not self.identity or self.protected:
            return True
        answer = QMessageBox.question(
            self.window(), self.tr("Save without a password?"),
            self.tr("This file shows the person's identity. Without a password anyone who gets "
                    "a copy can read it. Save it without one? (The audit log records that it "
                    "was saved unprotected.)"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def password_value(self) -> str | None:
        """The password to protect the file with, or None for an unprotected file."""
        return self.password.text() if self.protected else None

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.protected:
            typed = self.password.text()
            if len(typed) < MIN_PASSWORD:
                found["password"] = self.tr(
                    "A password needs at least %1 characters (%2 more).").replace(
                    "%1", str(MIN_PASSWORD)).replace("%2", str(MIN_PASSWORD - len(typed)))
            if self.confirm.text() != typed:
                found["confirm"] = self.tr("The two passwords are not the same.")
        if self._path is None:
            found["path"] = self.tr("Choose where to save the file.")
        return found

    def show_all_problems(self) -> None:
        """After Save was pressed: say every problem, even for fields not yet typed in."""
        self._tried = True
        self._changed()

    def _changed(self) -> None:
        problems = self.problems()
        protected = self.protected
        for widget in (self.password, self.confirm, self.password_label, self.confirm_label):
            widget.setEnabled(protected)
        shown_password = self._tried or bool(self.password.text())
        shown_confirm = self._tried or bool(self.confirm.text())
        self.password_message.show_problem(problems.get("password") if shown_password else None)
        self.confirm_message.show_problem(problems.get("confirm") if shown_confirm else None)
        self.path_message.show_problem(problems.get("path") if self._tried else None)
        self.changed.emit()

    def clear_passwords(self) -> None:
        for field in (self.password, self.confirm):
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        self._changed()

    def forget(self) -> None:
        self._tried = False
        self.clear_passwords()
        self.set_path(None)

"""Letters: the named contact every letter gives, who signs each kind, and the signposting
bodies' names and contact details. Each part is saved on its own, through the worker
(app/services/letters.py); the store audits each change."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.letters import KINDS
from app.store.letter_settings import Body, LetterSettings, NamedContact
from app.ui.base.form_feedback import FieldMessage
from app.ui.session import Session

_BODIES = (("inwo", "INWO"), ("care_inspectorate", "Care Inspectorate"),
           ("audit_scotland", "Audit Scotland"), ("other", "Another body"))


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    return edit


def _left(button: QPushButton) -> QHBoxLayout:
    """A button at its own width, at the start of its row (not stretched across it)."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class LettersPanel(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Letters"), parent)
        self.session = session
        self.settings: LetterSettings | None = None
        intro = QLabel(self.tr(
            "Every letter gives the person a named member of staff to contact with questions, "
            "and is signed by someone: the named contact unless you choose another for a kind "
            "of letter. Staff only: never the person who raised a concern."))
        intro.setWordWrap(True)

        self.contact: dict[str, QLineEdit] = {
            "name": _line(self.tr("Named contact's name")),
            "role": _line(self.tr("Named contact's role")),
            "phone": _line(self.tr("Named contact's work phone")),
            "email": _line(self.tr("Named contact's work email")),
            "address": _line(self.tr("Address for replies"))}
        contact_form = QFormLayout()
        for key, text in (("name", "Name:"), ("role", "Role:"), ("phone", "Work phone:"),
                          ("email", "Work email:"), ("address", "Address for replies:")):
            label = QLabel(self.tr(text))
            label.setBuddy(self.contact[key])
            contact_form.addRow(label, self.contact[key])
        self.save_contact = QPushButton(self.tr("Save the named contact"))
        self.save_contact.setAccessibleName(self.tr("Save the named contact"))
        contact_form.addRow(_left(self.save_contact))

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Which letter"))
        for kind, label_text in KINDS.items():
            self.kind.addItem(self.tr(label_text), kind)
        self.signatory_name = _line(self.tr("Who signs it"))
        self.signatory_role = _line(self.tr("Their role"))
        self.save_signatory = QPushButton(self.tr("Save who signs it"))
        self.save_signatory.setAccessibleName(self.tr("Save who signs this letter"))
        sign_form = QFormLayout()
        for text, widget in ((self.tr("Letter:"), self.kind),
                             (self.tr("Signed by:"), self.signatory_name),
                             (self.tr("Their role:"), self.signatory_role)):
            label = QLabel(text)
            label.setBuddy(widget)
            sign_form.addRow(label, widget)
        sign_form.addRow(_left(self.save_signatory))

        self.body = QComboBox()
        self.body.setAccessibleName(self.tr("Which body"))
        for code, label_text in _BODIES:
            self.body.addItem(self.tr(label_text), code)
        self.body_fields: dict[str, QLineEdit] = {
            "name": _line(self.tr("The body's name, as a letter says it")),
            "website": _line(self.tr("The body's website")),
            "phone": _line(self.tr("The body's phone number")),
            "about": _line(self.tr("One sentence about the body"))}
        body_form = QFormLayout()
        body_label = QLabel(self.tr("Body:"))
        body_label.setBuddy(self.body)
        body_form.addRow(body_label, self.body)
        for key, text in (("name", "Name in a letter:"), ("website", "Website:"),
                          ("phone", "Phone:"), ("about", "About it:")):
            label = QLabel(self.tr(text))
            label.setBuddy(self.body_fields[key])
            body_form.addRow(label, self.body_fields[key])
        self.save_body = QPushButton(self.tr("Save the body's details"))
        self.save_body.setAccessibleName(self.tr("Save the body's details"))
        self.reset_body = QPushButton(self.tr("Back to the published details"))
        self.reset_body.setAccessibleName(self.tr("Back to the published details"))
        body_buttons = QHBoxLayout()
        body_buttons.addWidget(self.save_body)
        body_buttons.addWidget(self.reset_body)
        body_buttons.addStretch(1)
        body_form.addRow(body_buttons)

        self.message = FieldMessage(self.tr("Letters settings message"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for title, form in ((self.tr("Named contact"), contact_form),
                            (self.tr("Who signs each letter"), sign_form),
                            (self.tr("Signposting bodies"), body_form)):
            heading = QLabel(title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            layout.addWidget(heading)
            layout.addLayout(form)
        layout.addWidget(self.message)

        self.save_contact.clicked.connect(self._save_contact)
        self.save_signatory.clicked.connect(self._save_signatory)
        self.save_body.clicked.connect(self._save_body)
        self.reset_body.clicked.connect(self._reset_body)
        self.kind.currentIndexChanged.connect(self._show_signatory)
        self.body.currentIndexChanged.connect(self._show_body)
        self.set_enabled(False)

    # ----- loading and showing -------------------------------------------------------------

    def reload(self) -> None:
        session = self.session
        session.read(lambda state: _letters().settings(session.book(state)), self._show,
                     self.message.show_problem)

    def _show(self, settings: Any) -> None:
        if not isinstance(settings, LetterSettings):
            return
        self.settings = settings
        contact = settings.contact
        for key, edit in self.contact.items():
            edit.setText(getattr(contact, key))
        self._show_signatory()
        self._show_body()
        self.set_enabled(True)

    def _show_signatory(self) -> None:
        if self.settings is None:
            return
        who = self.settings.signatories.get(str(self.kind.currentData()))
        self.signatory_name.setText(who.name if who else "")
        self.signatory_role.setText(who.role if who else "")
        self.signatory_name.setPlaceholderText(self.tr("The named contact"))

    def _show_body(self) -> None:
        if self.settings is None:
            return
        body = self.settings.bodies.get(str(self.body.currentData()))
        for key, edit in self.body_fields.items():
            edit.setText(getattr(body, key) if body else "")

    # ----- saving -------------------------------------------------------------------------

    def _run(self, job: Any, done_text: str) -> None:
        session = self.session

        def done(settings: Any) -> None:
            self._show(settings)
            self.message.show_note(done_text)

        session.write(lambda state: job(session.book(state)), done, self.message.show_problem)

    def _save_contact(self) -> None:
        contact = NamedContact(**{k: e.text() for k, e in self.contact.items()})
        self._run(lambda book: _letters().set_contact(book, contact),
                  self.tr("The named contact was saved."))

    def _save_signatory(self) -> None:
        kind, name, role = (str(self.kind.currentData()), self.signatory_name.text(),
                            self.signatory_role.text())
        self._run(lambda book: _letters().set_signatory(book, kind, name, role),
                  self.tr("Who signs it was saved."))

    def _save_body(self) -> None:
        code = str(self.body.currentData())
        body = Body(**{k: e.text() for k, e in self.body_fields.items()})
        self._run(lambda book: _letters().set_body(book, code, body),
                  self.tr("The body's details were saved."))

    def _reset_body(self) -> None:
        code = str(self.body.currentData())
        self._run(lambda book: _letters().reset_body(book, code),
                  self.tr("The body's published details are back."))

    def set_enabled(self, enabled: bool) -> None:
        for widget in (*self.contact.values(), self.save_contact, self.kind,
                       self.signatory_name, self.signatory_role, self.save_signatory,
                       self.body, *self.body_fields.values(), self.save_body, self.reset_body):
            widget.setEnabled(enabled)

    def forget(self) -> None:
        self.settings = None
        for edit in (*self.contact.values(), self.signatory_name, self.signatory_role,
                     *self.body_fields.values()):
            edit.clear()
        self.message.show_note(None)
        self.set_enabled(False)


def _letters() -> ModuleType:
    """The letters service, loaded on the worker when first used (it loads reportlab)."""
    from app.services import letters

    return letters


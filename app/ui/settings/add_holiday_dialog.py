"""Add a local public holiday: a date and a name, checked as the user types."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.store.settings_service import HolidayEntry, HolidayKind
from app.ui.base.date_field import DateField
from app.ui.base.form_feedback import (
    AsksBeforeClosing,
    FieldMessage,
    fit_height,
    plain_buttons,
    text_width,
)
from app.ui.base.formatting import format_day


class AddHolidayDialog(AsksBeforeClosing, QDialog):
    def __init__(self, entries: dict[date, HolidayEntry], first: date, last: date,
                 suggested: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a local holiday"))
        self._entries = entries
        intro = QLabel(self.tr(
            "A local public holiday is not a working day: every due date that spans it moves "
            "on by a day."))
        intro.setWordWrap(True)
        self.day = DateField()
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setDateRange(QDate(first.year, first.month, first.day),
                              QDate(last.year, last.month, last.day))
        self.day.setDate(QDate(suggested.year, suggested.month, suggested.day))
        self.day.setAccessibleName(self.tr("Holiday date"))
        self.label = QLineEdit()
        self.label.setAccessibleName(self.tr("Holiday name"))
        self.label.setPlaceholderText(self.tr("for example, Victoria Day"))
        self.message = FieldMessage(self.tr("Holiday problem"))
        form = QFormLayout()
        form.addRow(self.tr("&Date:"), self.day)
        form.addRow(self.tr("&Name:"), self.label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Add holiday"))
        self.ok.setAccessibleName(self.tr("Add the holiday"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.day.dateChanged.connect(self.validate)
        self.label.textChanged.connect(self.validate)
        self.setMinimumWidth(text_width(self, 60))
        self.validate()
        plain_buttons(self)
        self.settle()

    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def chosen_label(self) -> str:
        return self.label.text().strip() or self.tr("Local holiday")

    def validate(self) -> bool:
        day = self.chosen_day()
        existing = self._entries.get(day)
        ok = True
        if existing is not None and existing.kind is HolidayKind.NATIONAL:
            self.message.show_problem(self.tr(
                "{day} is already a Scottish bank holiday ({name}).").format(
                day=format_day(day), name=existing.label))
            ok = False
        elif existing is not None and existing.kind is HolidayKind.LOCAL:
            self.message.show_note(self.tr(
                "{day} is already a local holiday ({name}); this renames it.").format(
                day=format_day(day), name=existing.label))
        elif day.weekday() >= 5:
            self.message.show_note(self.tr(
                "{day} is a weekend day, so no due date moves.").format(day=format_day(day)))
        elif len(self.label.text().strip()) > 100:
            self.message.show_problem(self.tr("The name is too long (100 characters at most)."))
            ok = False
        else:
            self.message.show_note(None)
        self.ok.setEnabled(ok)
        fit_height(self)
        return ok

    def _accept_if_valid(self) -> None:
        if self.validate():
            self.accept()

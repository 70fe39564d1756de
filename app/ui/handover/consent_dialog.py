"""Record the person's consent for their identity to go with their concern: to whoever takes
over (a handover may then carry it), or to someone named."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services import handover
from app.ui.base.date_field import DateField
from app.ui.base.form_feedback import AsksBeforeClosing, FieldMessage, plain_buttons
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class ConsentDialog(AsksBeforeClosing, QDialog):
    recorded = Signal(str)  # the reference

    def __init__(self, session: Session, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record consent for %1").replace("%1", reference))
        self.session = session
        self.reference = reference
        intro = QLabel(self.tr(
            "Record only what the person agreed. Without a consent that covers the colleague "
            "taking over, a handover leaves their identity behind (and this casebook no longer "
            "holds it afterwards)."))
        intro.setWordWrap(True)
        self.successor = QRadioButton(self.tr("Their identity may be passed to &whoever takes "
                                              "over their concern"))
        self.named = QRadioButton(self.tr("It may be shared with someone &named:"))
        self.successor.setChecked(True)
        self.share_with = QLineEdit()
        self.share_with.setAccessibleName(self.tr("Who the identity may be shared with"))
        self.how = QLineEdit()
        self.how.setAccessibleName(self.tr("How the person agreed"))
        self.how.setPlaceholderText(self.tr("in conversation, by email…"))
        self.on = DateField()
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd/MM/yyyy")
        today = session.today()
        self.on.setDate(QDate(today.year, today.month, today.day))
        self.on.setAccessibleName(self.tr("The date the person agreed"))
        self.message = FieldMessage(self.tr("About the consent"))
        form = QFormLayout()
        form.addRow(self.successor)
        form.addRow(self.named, self.share_with)
        form.addRow(self.tr("&How they agreed:"), self.how)
        form.addRow(self.tr("&Date:"), self.on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for widget in (self.share_with, self.how):
            widget.textChanged.connect(self._enable)
        self.named.toggled.connect(self._enable)
        self._enable()
        plain_buttons(self)
        self.settle()

    def _enable(self) -> None:
        self.share_with.setEnabled(self.named.isChecked())
        ready = bool(self.how.text().strip()) and (
            self.successor.isChecked() or bool(self.share_with.text().strip()))
        self.save_button.setEnabled(ready)

    def save(self) -> None:
        successor, share_with, how = (self.successor.isChecked(), self.share_with.text(),
                                      self.how.text())
        chosen = self.on.date()
        on = date(chosen.year(), chosen.month(), chosen.day())
        reference = self.reference

        def job(state: WorkerState) -> None:
            handover.record_consent(state.require_book(), reference, successor=successor,
                                    share_with=share_with, on=on, how=how)

        def done(_: Any) -> None:
            self.recorded.emit(reference)
            self.settle()
            self.accept()

        self.session.write(job, done, self.message.show_problem)

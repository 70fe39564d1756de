"""The person behind the concern, hidden: case records call them C.

A named concern's identity is kept in the separately encrypted identity store;
the Reveal action asks for a reason, writes it to the audit log, and shows the
identity in its own window only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.records import Anonymity
from app.ui.case.context import CaseContext
from app.ui.case.fields import heading, note
from app.ui.case.tab_base import WorkspaceTab


class PersonPanel(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("The person is referred to as C"), 1.1)
        self.explanation = note()
        self.explanation.setAccessibleName(self.tr("About the person's identity"))
        self.told = note()
        self.told.setAccessibleName(self.tr("How many times the identity has been shared"))
        self.reveal = self.button(self.tr("&Reveal the person…"), "reveal")
        self.fingerprint = self.button(self.tr("Record the name's &fingerprint…"),
                                       "fingerprint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.told)
        layout.addLayout(self.button_row(self.reveal, self.fingerprint))
        layout.addStretch(1)

    def show_context(self, context: CaseContext) -> None:
        super().show_context(context)
        detail = context.detail
        if detail.anonymity == Anonymity.ANONYMOUS.value:
            text = self.tr("This concern is anonymous: nobody knows who raised it, so there is "
                           "no identity to show.")
        elif detail.anonymity == Anonymity.UNNAMED.value:
            text = self.tr("This concern is unnamed: you know who raised it, but the casebook "
                           "must not record it.")
            text += " " + (self.tr(
                "A fingerprint of the name is recorded, so the identity check finds the name "
                "where it is typed; the name itself is not kept.") if context.fingerprint
                else self.tr(
                "You may record a fingerprint of the name (never the name itself), so that "
                "the identity check finds it where it is typed."))
        elif detail.has_person:
            text = self.tr("C's identity is kept apart from the case, in a separately "
                           "encrypted store. Revealing it asks for a reason, which is written "
                           "to the audit log with the date and time, and shows who has already "
                           "been told.")
        else:
            text = self.tr("No identity is held for this concern (it may have been destroyed "
                           "at the end of the retention period).")
        self.explanation.setText(text)
        count = len(detail.disclosures)
        if count == 0:
            told = self.tr("The identity has not been shared with anyone.")
        elif count == 1:
            told = self.tr("The identity has been shared once; Records shows with whom and why.")
        else:
            told = self.tr("The identity has been shared %1 times; Records shows with whom and "
                           "why.").replace("%1", str(count))
        self.told.setText(told)
        self.told.setVisible(detail.has_person)
        self.reveal.setEnabled(detail.has_person)
        self.fingerprint.setVisible(detail.anonymity == Anonymity.UNNAMED.value)

    def forget(self) -> None:
        super().forget()
        self.explanation.clear()
        self.told.clear()
        self.reveal.setEnabled(False)
        self.fingerprint.setVisible(False)

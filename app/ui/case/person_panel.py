"""The people behind the concern, hidden: case records call them C.

A named concern's identity is kept in the separately encrypted identity store; the Reveal
action asks for a reason, writes it to the audit log, and shows the identity in its own
window only. From here the person's details and consents are corrected (a reveal first),
the concern's class is changed or corrected (named, unnamed, anonymous), and other people
who raised the same concern are linked, each with their own record (the concern is counted
once).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QTreeWidgetItem, QVBoxLayout, QWidget

from app.core.records import Anonymity, RaiserCategory
from app.ui.base.formatting import format_day
from app.ui.case.context import CaseContext
from app.ui.case.fields import fit_columns, heading, note, record_list, select_first
from app.ui.case.tab_base import WorkspaceTab

RAISER = Qt.ItemDataRole.UserRole


class PersonPanel(WorkspaceTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("The person is referred to as C"), 1.1)
        self.explanation = note()
        self.explanation.setAccessibleName(self.tr("About the person's identity"))
        self.told = note()
        self.told.setAccessibleName(self.tr("How many times the identity has been shared"))
        self.history = note()
        self.history.setAccessibleName(self.tr("How the concern's class changed"))
        self.reveal = self.button(self.tr("&Reveal the person…"), "reveal")
        self.fingerprint = self.button(self.tr("Record the name's &fingerprint…"),
                                       "fingerprint")
        self.edit_person = self.button(self.tr("&Edit details and consents…"),
                                       on_click=lambda: self.action_requested.emit(
                                           "person_record", 0))
        self.change_class = self.button(self.tr("&Named, unnamed or anonymous…"),
                                        "change_class")
        self.raisers = record_list(self.tr("Other people who raised it"), [
            self.tr("Raiser"), self.tr("Who"), self.tr("Category"), self.tr("Raised"),
            self.tr("Agreed to the procedure")])
        fit_columns(self.raisers, {1})
        self.link = self.button(self.tr("Link &another person…"), "raiser")
        self.correct_raiser = self.button(self.tr("C&orrect or unlink…"),
                                          on_click=lambda: self._raiser("raiser"))
        self.raiser_person = self.button(self.tr("Their detail&s and consents…"),
                                         on_click=lambda: self._raiser("person_record"))
        linked = QGroupBox(self.tr("Several people raising the same concern"))
        column = QVBoxLayout(linked)
        column.addWidget(note(self.tr("Each person has their own record (named, unnamed or "
                                      "anonymous, with their own consent and letters). The "
                                      "concern is counted once: at its stages if anyone named "
                                      "agreed, and among the anonymous or unnamed as well when "
                                      "someone raised it so.")))
        column.addWidget(self.raisers, 1)
        column.addLayout(self.button_row(self.link, self.correct_raiser, self.raiser_person))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.told)
        layout.addWidget(self.history)
        layout.addLayout(self.button_row(self.reveal, self.edit_person, self.fingerprint,
                                         self.change_class))
        layout.addWidget(linked, 1)

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
        if detail.received_as and detail.received_as != detail.anonymity:
            self.history.setText(self.tr("It was %1 when received, and changed later: the "
                                         "figures already made count it as %1.").replace(
                "%1", self.tr(detail.received_as)) + (
                " " + self.tr("It came within the Standards on %1.").replace(
                    "%1", format_day(detail.named_on)) if detail.named_on else ""))
        else:
            self.history.clear()
        self.history.setVisible(bool(self.history.text()))
        self.reveal.setEnabled(detail.has_person)
        self.edit_person.setEnabled(detail.has_person and detail.read_only is None)
        self.fingerprint.setVisible(detail.anonymity == Anonymity.UNNAMED.value)
        self.change_class.setEnabled(detail.read_only is None)
        self.raisers.clear()
        for raiser in detail.raisers:
            try:
                category = self.tr(RaiserCategory(raiser.raiser_category).label)
            except ValueError:
                category = raiser.raiser_category
            who = self.tr(raiser.anonymity) + ("" if raiser.anonymity != "named" else (
                self.tr(" (identity held)") if raiser.has_person else
                self.tr(" (no identity held)")))
            item = QTreeWidgetItem([str(raiser.number + 1), who, category,
                                    format_day(raiser.raised_on),
                                    format_day(raiser.consent_on)])
            item.setData(0, RAISER, raiser.number)
            self.raisers.addTopLevelItem(item)
        select_first(self.raisers)
        editable = detail.read_only is None
        self.link.setEnabled(editable)
        self.correct_raiser.setEnabled(editable and bool(detail.raisers))
        self.raiser_person.setEnabled(editable and any(r.has_person for r in detail.raisers))

    def _raiser(self, action: str) -> None:
        item = self.raisers.currentItem()
        if item is not None:
            self.action_requested.emit(action, int(item.data(0, RAISER)))

    def forget(self) -> None:
        super().forget()
        self.explanation.clear()
        self.told.clear()
        self.history.clear()
        self.raisers.clear()
        self.reveal.setEnabled(False)
        self.fingerprint.setVisible(False)

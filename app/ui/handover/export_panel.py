"""Hand concerns over: tick them, choose the trusted colleague, see which identities go
(only where consent covers them), then save the package. The sender keeps the records
read-only and no longer holds the identities; its own backups are remade."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services import handover
from app.ui.base.form_feedback import FieldMessage, ask_save_file
from app.ui.base.formatting import day_text, ended_label
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.handover.consent_dialog import ConsentDialog
from app.ui.handover.table_rows import fill, text_table, ticked
from app.ui.reports.files import default_folder, remember_folder
from app.ui.session import Session


def read_choices(state: WorkerState) -> tuple[tuple[handover.HeldConcern, ...], tuple[str, ...]]:
    book = state.require_book()
    return (tuple(handover.held_concerns(book)),
            tuple(c.name for c in handover.trusted(book)))


class ExportPanel(QWidget):
    exported = Signal(object)  # the ExportResult

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concerns: tuple[handover.HeldConcern, ...] = ()
        self.plan: handover.ExportPlan | None = None
        self.result: handover.ExportResult | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.table = text_table(self.tr("Concerns held in this casebook"),
                                [self.tr("Hand over"), self.tr("Received"), self.tr("Status"),
                                 self.tr("Identity"), self.tr("Consent")], checkable=True)
        self.consent_button = QPushButton(self.tr("Record &consent…"))
        self.consent_button.setAccessibleName(self.tr("Record the selected concern's person's "
                                                      "consent"))
        self.consent_button.clicked.connect(self.open_consent)
        self.colleague = QComboBox()
        self.colleague.setAccessibleName(self.tr("The colleague taking over"))
        self.consented = QRadioButton(self.tr("Each identity where the person's &consent covers "
                                              "the colleague"))
        self.consented.setChecked(True)
        self.no_identity = QRadioButton(self.tr("&No identities"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the handover"))
        self.reason.setPlaceholderText(self.tr("e.g. going on long leave"))
        form = QFormLayout()
        form.addRow(self.tr("&To:"), self.colleague)
        form.addRow(self.tr("Identities:"), self.consented)
        form.addRow("", self.no_identity)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.check_button = QPushButton(self.tr("C&heck what would go"))
        self.check_button.setAccessibleName(self.tr("Check what the handover would carry"))
        self.check_button.clicked.connect(self.check)
        self.save_button = QPushButton(self.tr("&Save the package…"))
        self.save_button.setAccessibleName(self.tr("Save the handover package"))
        self.save_button.clicked.connect(self._ask_and_export)
        self.plan_list = QListWidget()
        self.plan_list.setAccessibleName(self.tr("What the handover would carry"))
        self.plan_list.setWordWrap(True)
        self.plan_note = QLabel(self.tr(
            "After saving, this casebook keeps these records read-only, marked as handed over, "
            "and no longer holds their identities, sent or not."))
        self.plan_note.setWordWrap(True)
        self.progress = WorkProgress()
        self.message = FieldMessage(self.tr("About the handover"))
        buttons = QHBoxLayout()
        for button in (self.consent_button, self.check_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        outgoing = QGroupBox(self.tr("What goes"))
        going = QVBoxLayout(outgoing)
        going.addWidget(self.plan_list)
        going.addWidget(self.plan_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(outgoing, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.table.itemChanged.connect(lambda _item: self._stale())
        self.colleague.currentIndexChanged.connect(lambda _i: self._stale())
        self.consented.toggled.connect(lambda _on: self._stale())
        self.reason.textChanged.connect(lambda _t: self._enable())
        self._enable()

    # ----- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.session.read(read_choices, self._show, self.message.show_problem)

    def _show(self, loaded: Any) -> None:
        concerns, names = loaded
        chosen = set(self.chosen_references())
        self.concerns = concerns
        self.table.blockSignals(True)
        fill(self.table, [[c.reference, day_text(c.received_on), ended_label(c.closure),
                           self.tr("held") if c.identity_held else self.tr("none") + (
                               f" ({c.anonymity})" if c.anonymity != "named" else ""),
                           ", ".join(self._kind_label(k) for k in c.consents)]
                          for c in concerns], [c.reference in chosen for c in concerns])
        self.table.blockSignals(False)
        current = self.colleague.currentText()
        self.colleague.clear()
        self.colleague.addItems(list(names))
        if current in names:
            self.colleague.setCurrentText(current)
        if not names:
            self.message.show_note(self.tr("Trust a colleague first (the Colleagues tab)."))
        self._stale()

    def _kind_label(self, kind: str) -> str:
        return self.tr("whoever takes over") if kind == "successor" else self.tr("named person")

    def chosen_references(self) -> list[str]:
        return [self.concerns[row].reference for row in ticked(self.table)
                if row < len(self.concerns)]

    def _stale(self) -> None:
        self.plan = None
        self.plan_list.clear()
        self._enable()

    def _enable(self) -> None:
        busy = self.progress.busy
        self.check_button.setEnabled(not busy and bool(self.chosen_references())
                                     and self.colleague.count() > 0)
        self.save_button.setEnabled(not busy and self.plan is not None
                                    and bool(self.reason.text().strip()))

    # ----- consent --------------------------------------------------------------------------

    def open_consent(self) -> ConsentDialog | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.concerns):
            self.message.show_problem(self.tr("Select a concern first."))
            return None
        concern = self.concerns[row]
        if not concern.identity_held:
            self.message.show_problem(self.tr("%1 holds no identity.").replace(
                "%1", concern.reference))
            return None
        dialog = self.consent_dialog = ConsentDialog(self.session, concern.reference, self)
        dialog.recorded.connect(self._consent_recorded)
        dialog.finished.connect(lambda _r: setattr(self, "consent_dialog", None))
        dialog.open()
        return dialog

    def _consent_recorded(self, reference: str) -> None:
        self.message.show_note(self.tr("Consent recorded for %1.").replace("%1", reference))
        self.reload()

    # ----- checking and exporting -----------------------------------------------------------

    def check(self) -> None:
        references, to = self.chosen_references(), self.colleague.currentText()
        mode = "consented" if self.consented.isChecked() else "none"

        def job(state: WorkerState) -> handover.ExportPlan:
            return handover.plan_export(state.require_book(), references, to, mode)

        self.message.show_note(None)
        self.session.read(job, self._planned, self.message.show_problem)

    def _planned(self, plan: Any) -> None:
        self.plan = plan
        self.plan_list.clear()
        words = {"sent": self.tr("with the identity"),
                 "withheld": self.tr("WITHOUT the identity"), "none": self.tr("no identity")}
        for item in plan.concerns:
            self.plan_list.addItem(f"{item.reference}: {words[item.identity]} ({item.why})")
        self._enable()

    def _ask_and_export(self) -> None:
        if self.plan is None:
            return
        suggested = default_folder() / f"handover-to-{self.plan.colleague.name}.age"
        path = ask_save_file(self, self.tr("Save the handover package"), suggested,
                             self.tr("Handover packages (*.age)"))
        if path is not None:
            remember_folder(path)
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        plan, reason, today = self.plan, self.reason.text(), self.session.today()
        if plan is None:
            return

        def job(state: WorkerState) -> handover.ExportResult:
            return handover.export(state.require_book(), plan, path, reason,
                                   on=today)

        self.progress.start(self.tr("Writing the package and removing the identities here…"),
                            WorkTicket(), cancellable=False)
        self._enable()
        self.session.write(job, self._exported, self._failed)

    def _exported(self, result: Any) -> None:
        self.progress.stop()
        self.result = result
        text = self.tr("Package saved to %1. Send it to %2; these records are now read-only "
                       "here.").replace("%1", str(result.path)).replace(
                           "%2", result.plan.colleague.name)
        if result.backups is not None and result.backups.external:
            elsewhere = len(result.backups.external)
            text += " " + (self.tr(
                "1 backup made elsewhere before now still holds the identities until it is "
                "destroyed (see Records, Retention).") if elsewhere == 1 else self.tr(
                "%1 backups made elsewhere before now still hold the identities until they "
                "are destroyed (see Records, Retention).").replace("%1", str(elsewhere)))
        self.message.show_note(text)
        self.plan = None
        self.plan_list.clear()
        self.exported.emit(result)
        self.reload()

    def _failed(self, message: str) -> None:
        self.progress.stop()
        self.message.show_problem(message)
        self._enable()

    def forget(self) -> None:
        self.concerns = ()
        self.plan = None
        self.result = None
        self.table.setRowCount(0)
        self.plan_list.clear()
        self.reason.clear()
        self.colleague.clear()
        self.message.show_note(None)
        self.progress.stop()
        if self.consent_dialog is not None:
            self.consent_dialog.done(0)

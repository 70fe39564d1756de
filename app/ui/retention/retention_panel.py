"""Retention: the organisation's period and who must approve, the records with their due
dates, destroying the due ones, and the backups elsewhere that still hold what went."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services import retention
from app.store.backup_purge import ExternalCopy
from app.store.destruction import RetentionItem
from app.ui.base.form_feedback import FieldMessage
from app.ui.base.formatting import day_text, ended_label
from app.ui.base.worker import WorkerState
from app.ui.handover.table_rows import fill, set_ticked, text_table, ticked
from app.ui.retention.destroy_dialog import DestroyDialog
from app.ui.session import Session


@dataclass(frozen=True)
class Retention:
    policy: retention.Policy
    items: tuple[RetentionItem, ...]
    external: tuple[ExternalCopy, ...]


def read_retention(state: WorkerState) -> Retention:
    book = state.require_book()
    return Retention(retention.policy(book), tuple(retention.items(book)),
                     tuple(retention.external_copies(book)))


class RetentionPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded: Retention | None = None
        self.dialog: DestroyDialog | None = None
        self.policy = QLabel()
        self.policy.setWordWrap(True)
        self.policy.setAccessibleName(self.tr("The retention policy"))
        self.one = QRadioButton(self.tr("One person destroys records"))
        self.two = QRadioButton(self.tr("Two people: a trusted colleague's signed &approval "
                                        "is needed"))
        self.one.setChecked(True)
        self.two.toggled.connect(self._approvers_changed)
        policy_box = QGroupBox(self.tr("Policy"))
        column = QVBoxLayout(policy_box)
        column.addWidget(self.policy)
        column.addWidget(self.one)
        column.addWidget(self.two)
        self.table = text_table(self.tr("Records and when they are due for destruction"), [
            self.tr("Destroy"), self.tr("Ended"), self.tr("On"), self.tr("Due"),
            self.tr("Identity held")], checkable=True)
        self.select_due = QPushButton(self.tr("Tick the &due ones"))
        self.select_due.clicked.connect(self.tick_due)
        self.destroy_button = QPushButton(self.tr("&Destroy the ticked records…"))
        self.destroy_button.setAccessibleName(self.tr("Destroy the ticked records"))
        self.destroy_button.clicked.connect(self.open_destroy)
        row = QHBoxLayout()
        row.addWidget(self.select_due)
        row.addWidget(self.destroy_button)
        row.addStretch(1)
        self.external = text_table(self.tr("Backups elsewhere that still hold identities"), [
            self.tr("Made"), self.tr("Where"), self.tr("Found there now")], stretch=1)
        self.external_note = QLabel(self.tr(
            "A backup holds the casebook as it was. These were written elsewhere before the "
            "last destruction or handover and still hold identities this casebook no longer "
            "does, until they are destroyed; Casebook cannot reach them to do it unless the "
            "drive is connected."))
        self.external_note.setWordWrap(True)
        self.shred_button = QPushButton(self.tr("Destroy the selected &backup"))
        self.shred_button.clicked.connect(self._shred)
        external_box = self.external_box = QGroupBox(self.tr("Backups made elsewhere"))
        inner = QVBoxLayout(external_box)
        inner.addWidget(self.external_note)
        inner.addWidget(self.external)
        inner.addWidget(self.shred_button)
        self.message = FieldMessage(self.tr("About retention"))
        layout = QVBoxLayout(self)
        layout.addWidget(policy_box)
        layout.addWidget(self.table, 2)
        layout.addLayout(row)
        layout.addWidget(external_box, 1)
        layout.addWidget(self.message)

    def reload(self) -> None:
        self.session.read(read_retention, self._show, self.message.show_problem)

    def _show(self, loaded: Any) -> None:
        self.loaded = loaded
        policy = loaded.policy
        after = (self.tr("1 year") if policy.years == 1 else
                 self.tr("%1 years").replace("%1", str(policy.years)))
        self.policy.setText(self.tr("Records are destroyed %1 after they end (closed, decided "
                                    "business as usual, or handed over). Change the period in "
                                    "Settings.").replace("%1", after))
        for button in (self.one, self.two):
            button.blockSignals(True)
        (self.two if policy.approvers == 2 else self.one).setChecked(True)
        for button in (self.one, self.two):
            button.blockSignals(False)
        today = self.session.today()
        fill(self.table, [[
            item.reference,
            self.tr("Still open") if item.open else ended_label(item.ended),
            "" if item.open else day_text(item.ended_on),
            "" if item.open else (day_text(item.due_on) + (
                self.tr(" (due now)") if item.due_on <= today else "")),
            self.tr("Yes") if item.has_identity else self.tr("No")] for item in loaded.items])
        fill(self.external, [[c.made[:16].replace("T", " "), str(c.path),
                              self.tr("yes") if c.present else self.tr("no")]
                             for c in loaded.external])
        self.external_box.setVisible(bool(loaded.external))

    def tick_due(self) -> None:
        if self.loaded is None:
            return
        today = self.session.today()
        for row, item in enumerate(self.loaded.items):
            set_ticked(self.table, row, not item.open and item.due_on <= today)

    def chosen(self) -> list[RetentionItem]:
        if self.loaded is None:
            return []
        return [self.loaded.items[row] for row in ticked(self.table)]

    def open_destroy(self) -> DestroyDialog | None:
        chosen = self.chosen()
        if not chosen or self.loaded is None:
            self.message.show_problem(self.tr("Tick the records to destroy first."))
            return None
        today = self.session.today()
        dialog = self.dialog = DestroyDialog(
            self.session, [i.reference for i in chosen],
            early=any(not i.open and i.due_on > today for i in chosen),
            two_people=self.loaded.policy.approvers == 2, parent=self)
        dialog.destroyed.connect(lambda _r: self.reload())
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _approvers_changed(self, two: bool) -> None:
        def job(state: WorkerState) -> retention.Policy:
            return retention.set_policy(state.require_book(), approvers=2 if two else 1)

        self.session.write(job, lambda _p: self.reload(), self.message.show_problem)

    def _shred(self) -> None:
        row = self.external.currentRow()
        if self.loaded is None or row < 0:
            self.message.show_problem(self.tr("Select a backup first."))
            return
        path = Path(self.loaded.external[row].path)

        def job(state: WorkerState) -> None:
            retention.destroy_external(state.require_book(), path)

        def done(_: Any) -> None:
            self.message.show_note(self.tr("Destroyed the backup %1.").replace("%1", str(path)))
            self.reload()

        self.session.write(job, done, self.message.show_problem)

    def forget(self) -> None:
        self.loaded = None
        self.table.setRowCount(0)
        self.external.setRowCount(0)
        self.policy.clear()
        self.message.show_note(None)
        if self.dialog is not None:
            self.dialog.forget()

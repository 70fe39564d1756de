"""Units: the registered reporting units with their key fingerprints, and the board's own key.

The board's age recipient (what units encrypt to) is shown with its fingerprint
and can be copied to hand to units. Export identity writes the board's secret
age identity to a new file readable by the user alone (0600), after a warning,
exactly as `casebook board export-identity` does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.returns.signing import fingerprint, recipient_fingerprint
from app.services.board_identity import export_identity
from app.store.board import Board
from app.ui.base.form_feedback import BusyIndicator, FieldMessage, heading_font, monospace_font
from app.ui.base.formatting import fingerprint_in_two_lines
from app.ui.base.worker import WorkerState
from app.ui.board.board_session import BoardSession
from app.ui.board.display import format_date
from app.ui.board.register_dialog import RegisterUnitDialog


@dataclass(frozen=True)
class UnitRow:
    name: str
    fingerprint: str
    registered_at: str


@dataclass(frozen=True)
class UnitsSnapshot:
    board_name: str
    recipient: str
    recipient_fingerprint: str
    units: tuple[UnitRow, ...]


def units_snapshot(board: Board) -> UnitsSnapshot:
    recipient = board.recipient()
    return UnitsSnapshot(board.name, recipient, recipient_fingerprint(recipient),
                         tuple(UnitRow(u.name, fingerprint(u.public_key), u.registered_at)
                               for u in board.units()))


class UnitsPage(QWidget):
    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardUnits")
        self.session = session
        self.snapshot: UnitsSnapshot | None = None
        self.register_dialog: RegisterUnitDialog | None = None
        self.confirm_export: Callable[[], bool] = self._confirm_export
        self.ask_export_path: Callable[[Path], Path | None] = self._ask_export_path

        title = QLabel(self.tr("Reporting units"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "A return is imported only from a registered unit, signed with the key registered "
            "for it. Register each unit with the public key it gives you, and check the "
            "fingerprint with the unit by phone."))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Registered reporting units"))
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Key fingerprint"),
                                              self.tr("Registered on")])
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.fontMetrics().height() * 10)
        self.empty_note = FieldMessage(self.tr("Units note"))

        self.register_button = QPushButton(self.tr("&Register unit…"))
        self.register_button.setAccessibleName(self.tr("Register a reporting unit"))
        self.register_button.clicked.connect(self.open_register)
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(self.register_button)
        unit_buttons.addStretch(1)

        self.recipient = QLabel()
        self.recipient.setFont(monospace_font())
        self.recipient.setWordWrap(True)
        self.recipient.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.recipient.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.recipient.setAccessibleName(self.tr("The board's key for units (age recipient)"))
        self.fingerprint = QLabel()
        self.fingerprint.setFont(monospace_font(1.1))
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of the board's key"))
        key_note = QLabel(self.tr(
            "Give units this key: in Casebook's Settings it goes under \u201cThe board's public "
            "key\u201d. Read the fingerprint to them by phone: every group must match."))
        key_note.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Copy key"))
        self.copy_button.setAccessibleName(self.tr("Copy the board's key for units"))
        self.copy_button.clicked.connect(self.copy_recipient)
        self.export_button = QPushButton(self.tr("&Export identity…"))
        self.export_button.setAccessibleName(self.tr("Export the board's secret identity to "
                                                     "a file"))
        self.export_button.setToolTip(self.tr(
            "Writes the board's secret key to a file, for the standard age tool and for "
            "safekeeping."))
        self.export_button.clicked.connect(self.export_identity)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.copy_button)
        key_buttons.addWidget(self.export_button)
        key_buttons.addStretch(1)
        key_box = QGroupBox(self.tr("This board's key, for units"))
        box_layout = QVBoxLayout(key_box)
        recipient_label = QLabel(self.tr("Key (a&ge recipient):"))
        recipient_label.setBuddy(self.recipient)
        fingerprint_label = QLabel(self.tr("F&ingerprint:"))
        fingerprint_label.setBuddy(self.fingerprint)
        for widget in (recipient_label, self.recipient, fingerprint_label, self.fingerprint,
                       key_note):
            box_layout.addWidget(widget)
        box_layout.addLayout(key_buttons)

        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Units message"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(unit_buttons)
        layout.addSpacing(8)
        layout.addWidget(key_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        order = (self.table, self.register_button, self.recipient, self.fingerprint,
                 self.copy_button, self.export_button)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.register_button, self.copy_button, self.export_button):
            widget.setEnabled(enabled)

    # ----- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        self.session.read(lambda state: units_snapshot(BoardSession.board(state)), self._show,
                          self._failed)

    def _show(self, snapshot: Any) -> None:
        if not isinstance(snapshot, UnitsSnapshot):
            return
        self.snapshot = snapshot
        self.table.setRowCount(len(snapshot.units))
        mono = monospace_font()
        for row, unit in enumerate(snapshot.units):
            name = QTableWidgetItem(unit.name)
            printed = QTableWidgetItem(fingerprint_in_two_lines(unit.fingerprint))
            printed.setFont(mono)
            printed.setData(Qt.ItemDataRole.AccessibleTextRole, unit.fingerprint)
            registered = QTableWidgetItem(format_date(unit.registered_at))
            for column, item in enumerate((name, printed, registered)):
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty_note.show_note(None if snapshot.units else self.tr(
            "No units are registered yet. Register each unit that will send returns."))
        self.recipient.setText(snapshot.recipient)
        self.fingerprint.setText(fingerprint_in_two_lines(snapshot.recipient_fingerprint))
        self._set_enabled(True)

    def _failed(self, message: str) -> None:
        self.busy.stop()
        self.message.show_problem(message)

    # ----- registering -------------------------------------------------------------------

    def open_register(self) -> RegisterUnitDialog:
        dialog = RegisterUnitDialog(self.session, self)
        self.register_dialog = dialog
        dialog.registered.connect(self._registered)
        dialog.finished.connect(lambda _result: self._dialog_done(dialog))
        dialog.open()
        return dialog

    def _dialog_done(self, dialog: RegisterUnitDialog) -> None:
        if self.register_dialog is dialog:
            self.register_dialog = None
        dialog.deleteLater()

    def _registered(self, name: str, printed: str) -> None:
        self.message.show_note(self.tr(
            "Registered {name} with key fingerprint {fingerprint}; check it against the one "
            "the unit sees.").format(name=name, fingerprint=printed))

    # ----- the board's key ---------------------------------------------------------------

    def copy_recipient(self) -> None:
        if self.snapshot is not None:
            QGuiApplication.clipboard().setText(self.snapshot.recipient)
            self.message.show_note(self.tr("The board's key is on the clipboard."))

    def _confirm_export(self) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Export the board's secret identity"),
            self.tr("The file will hold the board's secret key in the clear. Anyone with it "
                    "can read every return sent to this board.\n\nKeep it offline (an "
                    "encrypted USB stick in a safe), and delete any working copy once used. "
                    "Export it now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_export_path(self, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the board's identity"), str(suggested),
            self.tr("Age identity (*.txt);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        return Path(chosen) if chosen else None

    def export_identity(self) -> None:
        if self.snapshot is None or self.busy.busy or not self.confirm_export():
            return
        out = self.ask_export_path(Path.home() / "board-identity.txt")
        if out is None or self.snapshot is None:  # cancelled, or locked while asking
            return

        def job(state: WorkerState) -> Path:
            return export_identity(BoardSession.board(state), out)

        self.busy.start(self.tr("Writing the identity file…"))
        self.message.show_note(None)
        self.export_button.setEnabled(False)
        self.session.read(job, self._exported, self._export_failed)

    def _exported(self, out: Any) -> None:
        self.busy.stop()
        self.export_button.setEnabled(True)
        self.message.show_problem(self.tr(
            "{out} holds the board's secret key in the clear (readable by you alone). Keep it "
            "offline and delete any working copy once used. Open a return with it: "
            "age -d -i {out} RETURN-FILE | tar -x").format(out=out))

    def _export_failed(self, message: str) -> None:
        self.busy.stop()
        self.export_button.setEnabled(True)
        self.message.show_problem(self.tr("The identity was not exported: {message}").format(
            message=message))

    # ----- locking -----------------------------------------------------------------------

    def forget(self) -> None:
        if self.register_dialog is not None:
            dialog, self.register_dialog = self.register_dialog, None
            dialog.name.clear()
            dialog.key.clear()
            dialog.done(0)
        self.snapshot = None
        self.table.setRowCount(0)
        self.empty_note.show_note(None)
        self.recipient.clear()
        self.fingerprint.clear()
        self.busy.stop()
        self.message.show_note(None)
        self._set_enabled(False)

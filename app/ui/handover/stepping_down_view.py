"""Stepping down: what remains before this casebook can be retired, as a checklist, and the
final backup to the organisation's chosen place (made from here, on the worker)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.periods import parse_period
from app.services import stepping_down
from app.store import backup
from app.ui.base.form_feedback import FieldMessage, ask_folder, heading_font
from app.ui.base.formatting import period_text, tr
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.reports.files import default_folder
from app.ui.session import Session

DONE, LEFT = "\u2714", "\u2717"  # ✔ ✗
SHOWN = 12  # references or periods named in a line; the rest are counted


def _some(items: tuple[str, ...], shown: int = SHOWN) -> str:
    if len(items) <= shown:
        return ", ".join(items)
    return ", ".join(items[:shown]) + " " + tr("… (%1 in all)").replace("%1", str(len(items)))


def _periods(labels: tuple[str, ...]) -> tuple[str, ...]:
    """Quarters and years in words ("April to June 2022 (Q1 2022-23)"), never codes."""
    words = []
    for label in labels:
        try:
            words.append(period_text(parse_period(label)))
        except ValueError:
            words.append(label)
    return tuple(words)


class SteppingDownView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state: stepping_down.SteppingDown | None = None
        intro = QLabel(self.tr(
            "Before a casebook is retired: open concerns handed over to a colleague, the "
            "returns still owed sent to the board, the records due for destruction destroyed, "
            "and a final backup left where the organisation chose."))
        intro.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setFont(heading_font(self, 1.2))
        self.verdict.setAccessibleName(self.tr("Whether the casebook can be retired"))
        self.items: dict[str, QLabel] = {}
        checklist = QGroupBox(self.tr("What remains"))
        column = QVBoxLayout(checklist)
        for key, name in (("open", self.tr("Open concerns")), ("returns", self.tr("Returns")),
                          ("destruction", self.tr("Records due for destruction")),
                          ("backup", self.tr("Final backup"))):
            label = QLabel()
            label.setWordWrap(True)
            label.setAccessibleName(name)
            self.items[key] = label
            column.addWidget(label)
        place_box = QGroupBox(self.tr("The organisation's place for the final backup"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Folder for the final backup"))
        self.choose = QPushButton(self.tr("&Choose…"))
        self.choose.setAccessibleName(self.tr("Choose the folder for the final backup"))
        self.choose.clicked.connect(self._choose)
        self.backup_button = QPushButton(self.tr("Make the final &backup there"))
        self.backup_button.setAccessibleName(self.tr("Make the final backup in that folder"))
        self.backup_button.clicked.connect(self.final_backup)
        row = QHBoxLayout()
        row.addWidget(self.place, 1)
        row.addWidget(self.choose)
        row.addWidget(self.backup_button)
        inner = QVBoxLayout(place_box)
        inner.addLayout(row)
        self.progress = WorkProgress()
        self.message = FieldMessage(self.tr("About stepping down"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.verdict)
        layout.addWidget(checklist)
        layout.addWidget(place_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.place.textChanged.connect(lambda _t: self._enable())
        self._enable()

    def _enable(self) -> None:
        self.backup_button.setEnabled(bool(self.place.text().strip()) and not self.progress.busy)

    def reload(self) -> None:
        today = self.session.today()
        self.session.read(lambda state: stepping_down.status(state.require_book(), today),
                          self._show, self.message.show_problem)

    def _show(self, state: Any) -> None:
        self.state = state

        def mark(key: str, done: bool, text: str) -> None:
            self.items[key].setText(f"{DONE if done else LEFT}  {text}")

        mark("open", not state.open_concerns, self.tr("All open concerns handed over.")
             if not state.open_concerns else self.tr("Still held here and open: %1. Hand them "
                                                     "over (Hand over tab).").replace(
                 "%1", _some(state.open_concerns)))
        mark("returns", not state.returns_due, self.tr("A return built for every quarter.")
             if not state.returns_due else self.tr("No return built yet for %1 (Return to the "
                                                   "board).").replace(
                 "%1", _some(_periods(state.returns_due), 4)))
        mark("destruction", not state.due_for_destruction,
             self.tr("No record is due for destruction.") if not state.due_for_destruction
             else self.tr("Due for destruction: %1 (Records, Retention).").replace(
                 "%1", _some(state.due_for_destruction)))
        final = state.final_backup
        if final.place is None:
            text = self.tr("No place chosen for the final backup.")
        elif final.current:
            text = self.tr("Final backup in %1, made %2.").replace("%1", final.place).replace(
                "%2", (final.made or "")[:16].replace("T", " "))
        else:
            text = self.tr("No backup in %1 since the last change.").replace("%1", final.place)
        mark("backup", final.current, text)
        if final.place and not self.place.text().strip():
            self.place.setText(final.place)
        self.verdict.setText(self.tr("Ready to retire this casebook.") if state.ready
                             else self.tr("Not ready to retire yet."))

    def _choose(self) -> None:
        chosen = ask_folder(self, self.tr("Folder for the final backup"), default_folder())
        if chosen is not None:
            self.place.setText(str(chosen))

    def final_backup(self) -> None:
        place = Path(self.place.text().strip()).expanduser()
        ticket = WorkTicket()

        def job(state: WorkerState) -> str:
            book = state.require_book()
            stepping_down.set_place(book, place)
            result = backup.backup_files(book.folder, book.master_key, to=place,
                                         reason="final", on_progress=ticket.progress_or_stop)
            book.record("backup.written", "backup", result.path.name)
            return str(result.path)

        self.progress.start(self.tr("Making the final backup and checking it…"), ticket)
        self._enable()

        def done(path: Any) -> None:
            self.progress.stop()
            self.message.show_note(self.tr("Final backup written and checked: %1").replace(
                "%1", str(path)))
            self._enable()
            self.reload()

        def failed(message: str) -> None:
            self.progress.stop()
            self.message.show_problem(message)
            self._enable()

        self.session.write(job, done, failed)

    def forget(self) -> None:
        self.state = None
        self.verdict.clear()
        for label in self.items.values():
            label.clear()
        self.place.clear()
        self.message.show_note(None)
        if self.progress.ticket is not None:
            self.progress.ticket.cancel()
        self.progress.stop()

"""A concern's workspace (placeholder until the full workspace lands)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.store.concern_detail import ConcernDetail, load_concern
from app.ui.base.worker import WorkerState
from app.ui.session import Session


class ConcernWorkspace(QWidget):
    back_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session = session
        self.concern_id: int | None = None
        self.title = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        back = QPushButton(self.tr("Back to the list"))
        back.clicked.connect(self.back_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(back)
        layout.addWidget(self.title)
        layout.addWidget(self.summary, 1)

    def show_concern(self, concern_id: int) -> None:
        self.concern_id = concern_id

        def job(state: WorkerState) -> ConcernDetail:
            return load_concern(state.require_book().cases, concern_id)

        self.session.read(job, self._show)

    def _show(self, detail: ConcernDetail) -> None:
        if detail.concern_id != self.concern_id:
            return
        self.title.setText(detail.reference)
        self.summary.setText(detail.summary)

    def log_conversation(self) -> None:
        pass

    def location(self) -> dict[str, Any]:
        return {"concern_id": self.concern_id}

    def restore(self, location: dict[str, Any]) -> None:
        pass

    def pending_drafts(self) -> list[tuple[str, int | None, str]]:
        return []

    def forget(self) -> None:
        self.concern_id = None
        self.title.clear()
        self.summary.clear()

"""A quiet bar offering back conversation notes kept as a draft (after a lock or a close)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from app.ui.case.drafts import DraftForm, when_typed
from app.ui.case.fields import note


class DraftsBanner(QFrame):
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = note()
        self.message.setAccessibleName(self.tr("Unsaved notes"))
        self.resume = QPushButton(self.tr("Res&ume typing"))
        self.resume.setAccessibleName(self.tr("Resume typing the unsaved notes"))
        self.resume.clicked.connect(self.resume_requested.emit)
        row = QHBoxLayout(self)
        row.addWidget(self.message, 1)
        row.addWidget(self.resume)
        self.hide()

    def offer(self, forms: list[DraftForm]) -> None:
        if not forms:
            self.forget()
            return
        newest = forms[-1]
        if len(forms) == 1:
            text = self.tr("There are conversation notes you have not saved yet (last typed "
                           "%1). They are kept as an encrypted draft.")
        else:
            text = self.tr("There are %2 sets of conversation notes you have not saved yet "
                           "(the latest typed %1). They are kept as encrypted drafts.").replace(
                               "%2", str(len(forms)))
        self.message.setText(text.replace("%1", when_typed(newest.updated_at)))
        self.show()

    def forget(self) -> None:
        self.message.clear()
        self.hide()

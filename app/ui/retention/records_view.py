"""Records: retention and destruction, and subject access requests."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.ui.base.form_feedback import heading_font
from app.ui.retention.retention_panel import RetentionPanel
from app.ui.retention.subject_access_panel import SubjectAccessPanel
from app.ui.session import Session


class RecordsView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("records")
        title = QLabel(self.tr("Records"))
        title.setFont(heading_font(self))
        self.retention = RetentionPanel(session)
        self.subject_access = SubjectAccessPanel(session)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Records sections"))
        self.tabs.addTab(self.retention, self.tr("&Retention"))
        self.tabs.addTab(self.subject_access, self.tr("S&ubject access"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self._active = False
        self.tabs.currentChanged.connect(lambda _i: self._shown())
        session.changed.connect(lambda _c: self._shown())

    def reload(self) -> None:
        self._active = True
        self._shown()

    def _shown(self) -> None:
        # Read when the page is shown (a list of every record is long), not while another is.
        if self._active and self.isVisible() and self.tabs.currentWidget() is self.retention:
            self.retention.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Shown again (another screen may have changed the casebook): read afresh."""
        super().showEvent(event)
        self._shown()

    def forget(self) -> None:
        self._active = False
        self.retention.forget()
        self.subject_access.forget()

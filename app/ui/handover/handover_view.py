"""Handover: colleagues you trust, handing concerns over, receiving them, stepping down."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.ui.base.form_feedback import heading_font
from app.ui.handover.colleagues_panel import ColleaguesPanel
from app.ui.handover.export_panel import ExportPanel
from app.ui.handover.import_panel import ImportPanel
from app.ui.handover.stepping_down_view import SteppingDownView
from app.ui.session import Session


class HandoverView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handover")
        self.session = session
        title = QLabel(self.tr("Handover"))
        title.setFont(heading_font(self))
        self.colleagues = ColleaguesPanel(session)
        self.export = ExportPanel(session)
        self.receive = ImportPanel(session)
        self.stepping_down = SteppingDownView(session)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Handover sections"))
        self.tabs.addTab(self.colleagues, self.tr("&Colleagues"))
        self.tabs.addTab(self.export, self.tr("&Hand over"))
        self.tabs.addTab(self.receive, self.tr("&Receive"))
        self.tabs.addTab(self.stepping_down, self.tr("&Stepping down"))
        self.tabs.currentChanged.connect(self._shown)
        self.receive.imported.connect(lambda _r: self.session.changed.emit(None))
        self.export.exported.connect(lambda _r: self.stepping_down.reload())
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self._active = False

    def panels(self) -> tuple[ColleaguesPanel | ExportPanel | ImportPanel | SteppingDownView,
                              ...]:
        return (self.colleagues, self.export, self.receive, self.stepping_down)

    def reload(self) -> None:
        """After unlocking: the shown tab reads its data now, the others when shown."""
        self._active = True
        self._shown(self.tabs.currentIndex())

    def _shown(self, index: int) -> None:
        if not self._active or not self.isVisible():
            return  # read when the page is shown, not while another is
        panel = self.tabs.widget(index)
        if isinstance(panel, ColleaguesPanel | ExportPanel | SteppingDownView):
            panel.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Shown again (another screen may have changed the casebook): read afresh."""
        super().showEvent(event)
        self._shown(self.tabs.currentIndex())

    def forget(self) -> None:
        self._active = False
        for panel in self.panels():
            panel.forget()

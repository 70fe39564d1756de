"""The unlocked board store: a navigation list and the page it selects."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QWidget

from app.core.periods import Period
from app.ui.base.sidebar import Sidebar
from app.ui.board.board_session import BoardSession
from app.ui.board.report_page import ReportPage
from app.ui.board.returns_page import ReturnsPage
from app.ui.board.status_page import StatusPage
from app.ui.board.units_page import UnitsPage


class BoardWorkspace(QWidget):
    """Units, Returns, Status and Report, behind one navigation list."""

    PAGES = ("units", "returns", "status", "report")

    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardWorkspace")
        self.session = session
        self.units = UnitsPage(session)
        self.returns = ReturnsPage(session)
        self.status = StatusPage(session)
        self.report = ReportPage(session)
        self.sidebar = Sidebar([(self.tr("Units"), "nav-units"),
                                (self.tr("Returns"), "nav-import"),
                                (self.tr("Status"), "nav-status"),
                                (self.tr("Report"), "nav-reports")], self.tr("The board"))
        self.nav = self.sidebar.list
        self.nav.currentRowChanged.connect(self._go)
        self.stack = QStackedWidget()
        for page in self.pages():
            self.stack.addWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        session.changed.connect(self._changed)
        self.status.period_changed.connect(lambda p: self._sync_period(self.report, p))
        self.report.period_changed.connect(lambda p: self._sync_period(self.status, p))
        self.setTabOrder(self.nav, self.stack)
        self.nav.setCurrentRow(0)

    def pages(self) -> tuple[Any, ...]:
        return (self.units, self.returns, self.status, self.report)

    def _go(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(self.PAGES.index(name))

    @property
    def current_page(self) -> str:
        return self.PAGES[self.stack.currentIndex()]

    @staticmethod
    def _sync_period(page: StatusPage | ReportPage, period: Period) -> None:
        """The two pages look at the same period: choosing it on one moves the other."""
        if page.period() != period:
            page.chooser.set_period(period, notify=False)
            page.reload()

    def reload(self) -> None:
        """Everything afresh from the store (after unlocking)."""
        for page in self.pages():
            page.reload()

    def _changed(self, what: str) -> None:
        if what == "units":
            self.units.reload()
        if what in ("units", "returns"):
            self.returns.reload()
        self.status.reload()
        self.report.reload()

    def forget(self) -> None:
        for page in self.pages():
            page.forget()

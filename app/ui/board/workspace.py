"""The unlocked board store: a navigation list and the page it selects."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.core.periods import Period
from app.ui.base.sidebar_pages import SidebarPages
from app.ui.board.board_session import BoardSession
from app.ui.board.kinds_page import KindsPage
from app.ui.board.report_page import ReportPage
from app.ui.board.returns_page import ReturnsPage
from app.ui.board.status_page import StatusPage
from app.ui.board.units_page import UnitsPage


class BoardWorkspace(SidebarPages):
    """Units, Returns, Status, Report and Reports and trends, behind one navigation list."""

    PAGES = ("units", "returns", "status", "report", "kinds")

    def __init__(self, session: BoardSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardWorkspace")
        self.session = session
        self.units = UnitsPage(session)
        self.returns = ReturnsPage(session)
        self.status = StatusPage(session)
        self.report = ReportPage(session)
        self.kinds = KindsPage(session)
        self.lay_out_pages(self.pages(), [(self.tr("Units"), "nav-units"),
                                          (self.tr("Returns"), "nav-import"),
                                          (self.tr("Status"), "nav-status"),
                                          (self.tr("Report"), "nav-reports"),
                                          (self.tr("Reports and trends"), "nav-reports")],
                           self.tr("The board"))
        session.changed.connect(self._changed)
        self.status.period_changed.connect(lambda p: self._sync_period(self.report, p))
        self.report.period_changed.connect(lambda p: self._sync_period(self.status, p))
        self.setTabOrder(self.nav, self.stack)
        self.nav.setCurrentRow(0)

    def pages(self) -> tuple[Any, ...]:
        return (self.units, self.returns, self.status, self.report, self.kinds)

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
        self.kinds.reload()

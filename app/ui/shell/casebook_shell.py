"""The unlocked casebook: a navigation list and the page it selects."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from app.ui.base.sidebar_pages import SidebarPages
from app.ui.cases.concern_list_view import ConcernListView
from app.ui.cases.find_person_dialog import FindPersonDialog
from app.ui.dashboard.dashboard_view import DashboardView
from app.ui.handover.handover_view import HandoverView
from app.ui.reports.kpi_report_view import KpiReportView
from app.ui.reports.return_view import ReturnView
from app.ui.retention.records_view import RecordsView
from app.ui.session import Session
from app.ui.settings.settings_view import SettingsView


class CasebookShell(SidebarPages):
    """Dashboard, concerns list and a concern's workspace, behind one navigation list."""

    lock_requested = Signal()  # Ctrl+L inside a window-modal dialog the shell opened

    PAGES = ("dashboard", "concerns", "workspace", "reports", "return", "settings", "handover",
             "records")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.ui.case.workspace import ConcernWorkspace

        self.session = session
        self.dashboard = DashboardView(session)
        self.concerns = ConcernListView(session.worker)
        self.workspace = ConcernWorkspace(session)
        self.reports = KpiReportView(session)
        self.returns = ReturnView(session)
        self.settings = SettingsView(session)
        self.handover = HandoverView(session)
        self.records = RecordsView(session)
        self.lay_out_pages((self.dashboard, self.concerns, self.workspace, self.reports,
                            self.returns, self.settings, self.handover, self.records), [
            (self.tr("Dashboard"), "nav-dashboard"), (self.tr("Concerns"), "nav-concerns"),
            (self.tr("Concern"), "nav-concern"), (self.tr("Reports"), "nav-reports"),
            (self.tr("Return to the board"), "nav-return"),
            (self.tr("Settings"), "nav-settings"), (self.tr("Handover"), "nav-handover"),
            (self.tr("Records"), "nav-records")])
        self.dashboard.open_concern.connect(self.open_concern)
        self.concerns.open_concern.connect(self.open_concern)
        self.concerns.find_person_requested.connect(self.find_person)
        self.find_person_dialog: FindPersonDialog | None = None
        self.workspace.back_requested.connect(lambda: self.show_page("concerns"))
        self.returns.settings_requested.connect(lambda: self.show_page("settings"))
        self.settings.open_concern.connect(self.open_concern)
        session.changed.connect(self._changed)
        self._workspace_item().setFlags(Qt.ItemFlag.NoItemFlags)

    def _workspace_item(self) -> Any:
        return self.nav.item(2)

    def open_concern(self, concern_id: int) -> None:
        self._workspace_item().setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.workspace.show_concern(concern_id)
        self.show_page("workspace")

    def find_person(self) -> FindPersonDialog:
        """Find a concern by its person (a reveal with a reason, audited)."""
        if self.find_person_dialog is not None:
            self.find_person_dialog.raise_()
            return self.find_person_dialog
        dialog = FindPersonDialog(self.session, self)
        self.find_person_dialog = dialog
        dialog.open_concern.connect(self.open_concern)
        dialog.lock_requested.connect(self.lock_requested.emit)

        def finished(_result: int) -> None:
            dialog.wipe()  # the names found go with the dialog
            dialog.deleteLater()
            self.find_person_dialog = None

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def reload(self, first: str = "dashboard") -> None:
        """Fresh figures and rows from the casebook (after unlocking). When the list is the
        page about to be shown (`first`), its rows are asked for before anything else."""
        if first == "concerns":
            self.concerns.reload(self.session.today(), then=self._reload_the_rest)
            return
        self.dashboard.reload()
        self.concerns.reload(self.session.today())
        self._reload_the_rest(dashboard=False)

    def _reload_the_rest(self, dashboard: bool = True) -> None:
        if dashboard:
            self.dashboard.reload()
        self.concerns.prepare_search()
        self.reports.reload()  # read when first shown
        self.returns.reload()
        self.settings.reload()
        self.handover.reload()
        self.records.reload()

    def _changed(self, _concern_id: object) -> None:
        self.dashboard.reload()
        self.concerns.model.refresh()

    def selected_concern(self) -> int | None:
        if self.current_page == "workspace":
            return self.workspace.concern_id
        if self.current_page == "concerns":
            return self.concerns.selected_concern()
        return None

    def location(self) -> dict[str, Any]:
        """Where the user is (ids only, never content), to return there after unlocking."""
        return {"page": self.current_page, **self.workspace.location()}

    def restore(self, location: dict[str, Any]) -> None:
        concern_id = location.get("concern_id")
        if location.get("page") == "workspace" and isinstance(concern_id, int):
            self.open_concern(concern_id)
            self.workspace.restore(location)
        else:
            self.show_page(str(location.get("page", "dashboard")))
            if location.get("new_concern"):  # the New concern form was open over this page
                self.workspace.restore(location)

    def pending_drafts(self) -> list[tuple[str, int | None, str]]:
        """Text being typed that must be kept (kind, concern id, text) before locking."""
        return self.workspace.pending_drafts()

    def pending_person_drafts(self) -> list[tuple[str, dict[str, str]]]:
        """The person's details in an open New concern form, kept in the identity store."""
        return self.workspace.pending_person_drafts()

    def forget(self) -> None:
        if self.find_person_dialog is not None:
            self.find_person_dialog.forget()
        super().forget()
        self._workspace_item().setFlags(Qt.ItemFlag.NoItemFlags)

"""The unlocked store's pages behind one navigation list: the casebook's and the board's.

The sidebar names the sections; choosing one shows its page. Pages are known by name
(`PAGES`, in the sidebar's order) so that menus and shortcuts can go to them, and
each page forgets what it holds when the store is locked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QWidget

from app.ui.base.sidebar import Sidebar


class Page(Protocol):
    def forget(self) -> None: ...


class SidebarPages(QWidget):
    """A sidebar and a stack of pages; a subclass names its pages in `PAGES` and places
    them with `lay_out_pages`."""

    PAGES: tuple[str, ...] = ()

    def lay_out_pages(self, pages: Sequence[QWidget], sections: list[tuple[str, str]],
                      where: str = "") -> None:
        """`pages` in the order of `PAGES`, each with its section (title, icon name)."""
        self._pages = tuple(pages)
        self.sidebar = Sidebar(sections, where)
        self.nav = self.sidebar.list
        self.nav.currentRowChanged.connect(self._go)
        self.stack = QStackedWidget()
        for page in self._pages:
            self.stack.addWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)

    def _go(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(self.PAGES.index(name))

    @property
    def current_page(self) -> str:
        return self.PAGES[self.stack.currentIndex()]

    def forget(self) -> None:
        """Every page forgets what it holds (the store is being locked)."""
        for page in self._pages:
            cast(Page, page).forget()  # every page has one

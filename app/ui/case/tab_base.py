"""What every workspace tab shares: asking the workspace to open a form, a details pane,
and the red/amber markers for due dates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.ui.case.context import CaseContext
from app.ui.case.deadline_text import Level
from app.ui.case.fields import error_colour, warning_colour
from app.ui.case.flow_layout import FlowLayout


class WorkspaceTab(QWidget):
    """A page of the workspace. It shows one concern and asks for forms by name."""

    action_requested = Signal(str, object)  # form name, and what it is about (an id or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: CaseContext | None = None

    def button(self, text: str, action: str = "", *,
               on_click: Callable[[], None] | None = None) -> QPushButton:
        """A button asking for the form `action`, or calling `on_click` (which decides)."""
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        if on_click is not None:
            button.clicked.connect(lambda: on_click())
        else:
            button.clicked.connect(lambda: self.action_requested.emit(action, None))
        return button

    @staticmethod
    def button_row(*buttons: QWidget) -> FlowLayout:
        """Buttons side by side, wrapping onto another line when the window is narrow."""
        row = FlowLayout()
        for button in buttons:
            row.addWidget(button)
        return row

    def show_context(self, context: CaseContext) -> None:
        self.context = context

    def forget(self) -> None:
        self.context = None


class DetailsView(QPlainTextEdit):
    """The full text of the selected record, read-only, reachable with Tab."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setAccessibleName(name)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)


def mark_level(widget: QLabel | None, item: QTreeWidgetItem | None, column: int,
               level: Level, tree: QTreeWidget | None = None) -> None:
    """Red for overdue or late, amber for due soon; the palette's own colour otherwise."""
    source = widget if widget is not None else tree
    if source is None:
        return
    palette = source.palette()
    colour = {"overdue": error_colour(palette), "late": error_colour(palette),
              "soon": warning_colour(palette)}.get(level)
    if widget is not None:
        widget.setStyleSheet(f"color: {colour.name()}; font-weight: bold;" if colour else "")
    if item is not None:
        item.setForeground(column, QBrush(colour) if colour else QBrush())
        font = item.font(column)
        font.setBold(colour is not None)
        item.setFont(column, font)

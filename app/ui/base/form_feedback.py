"""Small pieces every form uses: a message beside a field, and a busy indicator.

Messages say what is wrong and where, in the system palette's own colours with
a warning tint that reads on light and dark themes alike.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


class FieldMessage(QLabel):
    """A sentence under a field: a problem (tinted) or a neutral note; empty hides it."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)
        self.is_problem = False

    def show_problem(self, text: str | None) -> None:
        self.is_problem = bool(text)
        colour = "#ff8a80" if _is_dark(self) else "#b3261e"
        self.setStyleSheet(f"color: {colour};" if text else "")
        self._show(text or "")

    def show_note(self, text: str | None) -> None:
        self.is_problem = False
        self.setStyleSheet("")
        self._show(text or "")

    def _show(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def field_with_message(field: QWidget, *below: QWidget) -> QWidget:
    """A field with its message (and anything else) stacked underneath, for a form row.

    A field that does not grow sideways (a spin box, a button) stays at its own width
    while the messages beneath it take the row's full width.
    """
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    grows = field.sizePolicy().horizontalPolicy() in (QSizePolicy.Policy.Expanding,
                                                      QSizePolicy.Policy.MinimumExpanding)
    if grows:
        layout.addWidget(field)
    else:
        layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    for widget in below:
        layout.addWidget(widget)
    return box


def with_unit(field: QWidget, unit: QLabel) -> QWidget:
    """A spin box followed by its unit ("minutes", "years"), at their own widths."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field)
    row.addWidget(unit)
    row.addStretch(1)
    holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return holder


def fit_height(window: QWidget) -> None:
    """Grow a dialog downwards when a message appears, so no wrapped line is cut off."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)


def text_width(widget: QWidget, characters: int) -> int:
    """The width of about `characters` characters of the widget's font (scales with it)."""
    return widget.fontMetrics().averageCharWidth() * characters


def centred_page(page: QWidget, characters: int = 110) -> QScrollArea:
    """A page in a scroll area, centred and no wider than is comfortable to read."""
    page.setMaximumWidth(text_width(page, characters))
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.addStretch(1)
    row.addWidget(page, 100)
    row.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(holder)
    return area


class BusyIndicator(QWidget):
    """An indeterminate bar and what is happening; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName(self.tr("Working"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("What Casebook is doing"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.setVisible(False)
        self.busy = False

    def start(self, text: str) -> None:
        self.busy = True
        self.label.setText(text)
        self.setVisible(True)

    def stop(self) -> None:
        self.busy = False
        self.label.clear()
        self.setVisible(False)


def monospace_font(scale: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def heading_font(widget: QWidget, scale: float = 1.5) -> QFont:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    """The system's folder chooser; None when the user cancels."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def ask_save_file(parent: QWidget, title: str, suggested: Path, filters: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(chosen) if chosen else None

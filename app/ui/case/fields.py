"""Small input and display widgets the workspace and its forms share.

Dates are typed as people type them, or picked (app/ui/base/date_field.py);
multi-line text moves focus on Tab (so a form can be worked with the keyboard
alone); problems show in red, hints in the palette's quieter colour. No fixed
pixel sizes: heights come from the font, so everything grows with the system's
scaling.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from app.core.records import LabelledEnum
from app.ui.base.date_field import DateField
from app.ui.base.formatting import tr

__all__ = ["DateField", "EnumCombo", "OptionalDateField", "ProblemLabel", "TextBox"]



def palette_of() -> QPalette:
    return QApplication.palette()


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(palette: QPalette) -> QColor:
    """A red that reads on the palette's background, light or dark."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b00020")


def warning_colour(palette: QPalette) -> QColor:
    """Amber for "due soon", readable on light and dark backgrounds."""
    return QColor("#ffd180") if is_dark(palette) else QColor("#8a5300")


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDateField(QWidget):
    """A date that may not have happened yet: a check box says whether there is one."""

    changed = Signal()

    def __init__(self, question: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(question)
        self.check.setAccessibleName(question)
        self.date = DateField(day)
        self.date.setEnabled(False)
        self.check.toggled.connect(self.date.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.date.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.check)
        # The box as tall as the date beside it (its tick centred): both start at the same
        # height, so the row reads, and Tab goes, left to right.
        self.check.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date)
        layout.addStretch(1)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        super().setAccessibleName(name)
        self.date.setAccessibleName(name)

    def value(self) -> date | None:
        return self.date.value() if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.date.set_value(day)


class EnumCombo(QComboBox):
    """The members of a LabelledEnum by label; optionally starting with "Choose…" (None)."""

    def __init__(self, members: Sequence[LabelledEnum] | type[LabelledEnum],
                 placeholder: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if placeholder is not None:
            self.addItem(placeholder, None)
        for member in members:
            self.addItem(tr(member.label), member.value)
        self._members = {m.value: m for m in members}

    def value(self) -> LabelledEnum | None:
        data = self.currentData()
        return self._members.get(data) if data is not None else None

    def set_value(self, member: Enum | str | None) -> None:
        code = member.value if isinstance(member, Enum) else member
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


class TextBox(QPlainTextEdit):
    """Several lines of text; Tab moves on to the next field, as in every other field."""

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._lines = lines
        self.setMinimumHeight(self._height_for(min(lines, 3)))

    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        return (self.fontMetrics().lineSpacing() * lines + 2 * int(self.document().documentMargin())
                + margins.top() + margins.bottom())

    def sizeHint(self):  # type: ignore[no-untyped-def]  # noqa: N802
        hint = super().sizeHint()
        hint.setHeight(self._height_for(self._lines))
        return hint

    def text(self) -> str:
        return self.toPlainText()


class ProblemLabel(QLabel):
    """What is wrong with one field, or with a page.

    A form's own field problems are `silent`: the label keeps the sentence (for the
    field's accessible description and for the form's message area, where it is shown)
    but never takes space itself, so nothing moves when a problem comes or goes."""

    def __init__(self, parent: QWidget | None = None, silent: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.urgent = False
        self.silent = silent
        self.hide()

    def set_silent(self, silent: bool) -> None:
        self.silent = silent
        if silent:
            self.hide()

    def show_problem(self, text: str, urgent: bool) -> None:
        """Urgent: red (the field was left, or Save pressed). Otherwise quiet: what the
        field still needs, in the palette's own colour."""
        self.urgent = urgent
        from app.ui.base.theme import set_role

        set_role(self, "problem" if urgent else "quiet")
        font = self.font()
        font.setItalic(not urgent)
        self.setFont(font)
        self.setText(("⚠ " if urgent else "") + text)
        self.setAccessibleName(text)
        if not self.silent:
            self.show()

    def clear_problem(self) -> None:
        self.urgent = False
        self.clear()
        self.setAccessibleName("")
        self.hide()


def heading(text: str, scale: float = 1.25) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def note(text: str = "") -> QLabel:
    """A wrapped explanatory sentence."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def value_label(name: str) -> QLabel:
    """A read-only value in a record, selectable with the mouse, named for screen readers."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def record_list(name: str, headers: list[str]) -> QTreeWidget:
    """A read-only table of records, one row each, named for screen readers."""
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(False)
    tree.setWordWrap(True)
    tree.setAlternatingRowColors(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return tree


def wipe(root: QWidget) -> None:
    """Clear every piece of text held by `root` and its children (on lock, before deleting)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            widget.clear()
        elif isinstance(widget, QLabel):
            widget.clear()
            widget.setAccessibleName("")
        elif isinstance(widget, QComboBox) and widget.isEditable():
            widget.clearEditText()
        elif isinstance(widget, QTreeWidget):
            widget.clear()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            model.removeRows(0, model.rowCount())


def hint_label(text: str) -> QLabel:
    """Helper text under a field, in the palette's quieter colour."""
    label = note(text)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, quiet_colour(palette))
    label.setPalette(palette)
    return label


def quiet_colour(palette: QPalette) -> QColor:
    """Text a little softer than the body text, still well above 4.5:1 contrast."""
    text = palette.color(QPalette.ColorRole.WindowText)
    ground = palette.color(QPalette.ColorRole.Window)
    mix = 0.7
    return QColor(*(round(mix * a + (1 - mix) * b) for a, b in (
        (text.red(), ground.red()), (text.green(), ground.green()),
        (text.blue(), ground.blue()))))


def fit_columns(tree: QTreeWidget, long_columns: set[int]) -> None:
    """Short columns (dates, labels) fit their contents; long text columns share the rest."""
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(tree.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                    if column in long_columns
                                    else QHeaderView.ResizeMode.ResizeToContents)


def select_first(tree: QTreeWidget) -> None:
    """Show the first record's details straight away when nothing is selected."""
    first = tree.topLevelItem(0)
    if tree.currentItem() is None and first is not None:
        tree.setCurrentItem(first)

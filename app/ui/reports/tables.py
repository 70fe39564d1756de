"""Read-only tables of figures or problems that copy as tab-separated text.

Ctrl+C (or the context menu) copies the selected cells, or the whole table
with its headings when nothing is selected, ready to paste into a spreadsheet.
Tab moves on to the next control rather than from cell to cell. A FittedTable
is as tall as its rows, so a page of several tables scrolls as one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class CopyableTable(QTableWidget):
    def __init__(self, accessible_name: str, headings: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(0, len(headings), parent)
        self.setAccessibleName(accessible_name)
        self.setHorizontalHeaderLabels(list(headings))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.copy_action = QAction(self.tr("&Copy"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy)
        self.addAction(self.copy_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # Wrapped text needs its rows re-measured when a column's width changes.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_rows)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._refit.start())

    def _fit_rows(self) -> None:
        self.resizeRowsToContents()
        self.updateGeometry()

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.clearContents()
        self.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c > 0 and self._numeric_column(c):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
        self.resizeRowsToContents()
        self.updateGeometry()

    def _numeric_column(self, column: int) -> bool:
        return False

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def heading(self, column: int) -> str:
        item = self.horizontalHeaderItem(column)
        return item.text().replace("\n", " ") if item is not None else ""

    def as_text(self, selected_only: bool = True) -> str:
        """The selected cells (or all, with headings) as lines of tab-separated values."""
        ranges = self.selectedRanges() if selected_only else []
        if ranges:
            cells = {(i.row(), i.column()) for i in self.selectedIndexes()}
            rows = sorted({r for r, _ in cells})
            columns = sorted({c for _, c in cells})
            lines = [[self.cell_text(r, c) if (r, c) in cells else "" for c in columns]
                     for r in rows]
        else:
            header = [self.heading(c) for c in range(self.columnCount())]
            lines = [header, *([self.cell_text(r, c) for c in range(self.columnCount())]
                               for r in range(self.rowCount()))]
        return "\n".join("\t".join(v.replace("\t", " ").replace("\n", " ") for v in line)
                         for line in lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def clear_rows(self) -> None:
        self.clearContents()
        self.setRowCount(0)
        self.updateGeometry()


class FittedTable(CopyableTable):
    """A table of a few rows, shown whole: the page scrolls, never the table.

    The first column (what is measured) takes the spare width; the figures
    columns fit their contents and are right-aligned.
    """

    def __init__(self, accessible_name: str, headings: Sequence[str],
                 sample: str = "0,000 (100.0%)", parent: QWidget | None = None) -> None:
        super().__init__(accessible_name, headings, parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.numeric = True
        self.sample = sample
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every figures column the same width (wide enough for `sample` and its heading),
        so that the columns of tables one above the other line up."""
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        bold = QFont(header.font())
        bold.setBold(True)  # headings are set in bold by the style sheet: measure them so
        heading = QFontMetrics(bold)
        width = metrics.horizontalAdvance(self.sample) + 3 * metrics.averageCharWidth()
        padding = 22 + metrics.averageCharWidth()  # the section's padding (the style sheet)
        for column in range(1, self.columnCount()):
            item = self.horizontalHeaderItem(column)
            if item is not None:
                lines = item.text().splitlines() or [""]
                width = max(width, *(heading.horizontalAdvance(line) + padding
                                     for line in lines))
        for column in range(1, self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _numeric_column(self, column: int) -> bool:
        return self.numeric

    def _height(self) -> int:
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        scroll = self.horizontalScrollBar()
        if scroll.isVisible():
            height += scroll.sizeHint().height()
        return height

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), self._height())


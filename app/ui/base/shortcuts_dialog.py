"""Help > Keyboard shortcuts: every shortcut of the window's menus, and those of forms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.base.theme import set_role


def form_shortcuts() -> list[tuple[str, str]]:
    """What works in every form and list, besides the menus' shortcuts."""
    from app.ui.base.formatting import tr

    return [
        (tr("Save the form"), "Ctrl+Enter"),
        (tr("Close the form (asks first when something was typed)"), "Esc"),
        (tr("Next field, previous field"), "Tab, Shift+Tab"),
        (tr("A field by its underlined letter"), "Alt+letter"),
        (tr("In a date: today"), "T"),
        (tr("In a date: a day later or earlier"), "Up, Down"),
        (tr("In a date: the calendar"), "Alt+Down, F4"),
        (tr("Open the selected concern"), "Enter"),
        (tr("Lock, from any form"), "Ctrl+L"),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        title = QLabel(self.tr("Keyboard shortcuts"))
        set_role(title, "section")
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHeaderLabels([self.tr("What"), self.tr("Keys")])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        rows = [(action.text().replace("&", "").rstrip("…"),
                 action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for action in actions if not action.shortcut().isEmpty()]
        for what, keys in [*rows, *form_shortcuts()]:
            item = QTreeWidgetItem([what, keys])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{what}: {keys}")
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80,
                    metrics.lineSpacing() * min(28, self.table.topLevelItemCount() + 8))

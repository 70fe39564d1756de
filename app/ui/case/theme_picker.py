"""Choosing a concern's themes: the fixed list (ticked) and any local themes (typed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.records import THEMES
from app.ui.base.formatting import tr
from app.ui.case.fields import hint_label


class ThemePicker(QWidget):
    """Space ticks a theme; local themes are separated by semicolons and count as "other"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Themes"))
        for code, label in THEMES.items():
            item = QListWidgetItem(tr(label))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = self.list.count()
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * min(rows, 5) + 8)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.itemActivated.connect(self._toggle)
        self.local = QLineEdit()
        self.local.setAccessibleName(tr("Local themes"))
        self.local.setPlaceholderText(tr("Local themes, separated by ;"))
        self.local.textChanged.connect(lambda _text: self.changed.emit())
        self.setFocusProxy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.local)
        layout.addWidget(hint_label(tr("Press Space to tick a theme. Local themes stay on this "
                                       "laptop and count as Other in returns.")))

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def value(self) -> tuple[str, ...]:
        codes = [str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                 for i in range(self.list.count())
                 if self.list.item(i).checkState() == Qt.CheckState.Checked]
        local = [part.strip() for part in self.local.text().split(";") if part.strip()]
        return (*codes, *local)

    def set_value(self, themes: tuple[tuple[str, str], ...] | tuple[str, ...]) -> None:
        """From a concern's (code, local label) pairs, or from codes and local labels."""
        codes: set[str] = set()
        local: list[str] = []
        for theme in themes:
            code, label = theme if isinstance(theme, tuple) else (theme, "")
            if label:
                local.append(label)
            elif code in THEMES:
                codes.add(code)
            else:
                local.append(code)
        for i in range(self.list.count()):
            item = self.list.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.local.setText("; ".join(local))

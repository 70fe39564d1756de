"""A folder shown read-only with a Change… button beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QWidget


class FolderRow(QWidget):
    """`field` shows the folder; `change` asks for another (the page connects it)."""

    def __init__(self, folder: str, field_name: str, change_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(folder)
        self.field.setReadOnly(True)
        self.field.setAccessibleName(field_name)
        self.change = QPushButton(self.tr("C&hange…"))
        self.change.setAccessibleName(change_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.change)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

"""A set of radio buttons for one choice: keyboard-friendly and named for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget


class Choice(QWidget):
    """Radio buttons stacked; `value()` is the chosen code (arrow keys move between them)."""

    changed = Signal()

    def __init__(self, name: str, options: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, (text, code) in enumerate(options):
            button = QRadioButton(text)
            button.setAccessibleName(text.replace("&", ""))
            self.group.addButton(button, index)
            self.buttons[code] = button
            layout.addWidget(button)
            button.toggled.connect(self._toggled)
        self._codes = [code for _, code in options]
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def _toggled(self, on: bool) -> None:
        if on:
            self.changed.emit()

    def value(self) -> str | None:
        index = self.group.checkedId()
        return self._codes[index] if index >= 0 else None

    def set_value(self, code: str | None) -> None:
        button = self.buttons.get(code or "")
        if button is not None:
            button.setChecked(True)

    def set_enabled(self, code: str, enabled: bool) -> None:
        self.buttons[code].setEnabled(enabled)

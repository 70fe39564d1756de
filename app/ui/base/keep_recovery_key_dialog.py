"""The recovery key of a new store, shown once: a casebook's or the board's store's.

The dialog cannot be dismissed (Escape, the window's close button) until the user
ticks "I have stored the recovery key safely": after it closes, the key is never
shown again. The dialog that uses this one says what the key opens and adds what
it shows beside the key (the casebook's printable sheet, the board's recipient).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.base.form_feedback import (
    FieldMessage,
    fit_height,
    heading_font,
    monospace_font,
    plain_buttons,
    text_width,
)


def key_in_lines(recovery_key: str, per_line: int = 3) -> str:
    """Nine groups of four as three lines of three: easy to copy out by hand."""
    groups = recovery_key.split("-")
    return "\n".join("-".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


@dataclass(frozen=True)
class RecoveryKeyWording:
    """What the dialog says, in the words of the store the key opens (already translated)."""

    window_title: str
    title: str
    explain: str
    continue_name: str  # the Continue button's accessible name


class KeepRecoveryKeyDialog(QDialog):
    """The key in large type, "I have stored the recovery key safely" and Continue; the
    dialog that uses it places its own widgets with `lay_out`."""

    def __init__(self, recovery_key: str, wording: RecoveryKeyWording,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.window_title)
        self.setModal(True)
        self._wording = wording

        self.title = QLabel(wording.title)
        self.title.setFont(heading_font(self, 1.3))
        self.title.setWordWrap(True)
        self.explain = QLabel(wording.explain)
        self.explain.setWordWrap(True)

        self.key = QLabel(key_in_lines(recovery_key))
        self.key.setObjectName("recoveryKey")
        self.key.setFont(monospace_font(1.6))
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setAccessibleDescription(" ".join(recovery_key))
        self.key.setFrameShape(QLabel.Shape.StyledPanel)
        self.key.setMargin(12)

        self.stored = QCheckBox(self.tr("&I have stored the recovery key safely"))
        self.stored.setAccessibleName(self.tr("I have stored the recovery key safely"))
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setAccessibleName(wording.continue_name)
        self.continue_button.setEnabled(False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        self._reject_message: FieldMessage | None = None

    def lay_out(self, below_key: Sequence[QWidget | QLayout], message: FieldMessage,
                tab_after_key: Sequence[QWidget]) -> None:
        """Place `below_key` under the key, then `message` (where closing too soon is
        answered); the keyboard goes from the key through `tab_after_key` to the box."""
        self._reject_message = message
        buttons = QHBoxLayout()
        buttons.addWidget(self.stored, 1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.key)
        for item in below_key:
            if isinstance(item, QLayout):
                layout.addLayout(item)
            else:
                layout.addWidget(item)
        layout.addWidget(message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        order = (self.key, *tab_after_key, self.stored, self.continue_button)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.key.setFocus()
        self.setMinimumWidth(text_width(self, 80))
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        plain_buttons(self, self.continue_button)

    # ----- closing only once stored ------------------------------------------------------

    def reject(self) -> None:
        if self.stored.isChecked():
            super().reject()
        elif self._reject_message is not None:
            self._reject_message.show_problem(self.tr(
                "Store the key first, then tick the box: it will not be shown again."))
            fit_height(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.stored.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()

    def forget(self) -> None:
        """Drop the key from the widgets once the dialog is done."""
        self.key.clear()
        self.key.setAccessibleDescription("")

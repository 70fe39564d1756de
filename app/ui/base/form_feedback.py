"""Small pieces every form uses: a message beside a field, the form's message area, a
busy indicator.

Messages say what is wrong and where, in the theme's own colours (red that reads on
light and dark alike). A message never moves what is below it: a field's message keeps
its line whether or not it has anything to say, and a form's messages appear in one
place of fixed height above its buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.base.theme import set_role


class FieldMessage(QLabel):
    """A sentence under a field: a problem (red) or a neutral note.

    It keeps its line when empty (`reserve` lines, one by default), so that a message
    appearing never pushes the fields below it down; `reserve=0` for a message that
    stands last in its box, where nothing below can move. A message longer than its
    reserved lines still shows whole."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None,
                 reserve: int = 1) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reserve = reserve
        self._pending: bool | None = None  # visibility wanted before it had a parent
        if reserve:
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * reserve)
        else:
            self.setVisible(False)
        self.is_problem = False

    def show_problem(self, text: str | None) -> None:
        self.is_problem = bool(text)
        set_role(self, "problem" if text else "")
        self._show(text or "")

    def show_note(self, text: str | None) -> None:
        self.is_problem = False
        set_role(self, "")
        self._show(text or "")

    def _show(self, text: str) -> None:
        self.setText(text)
        visible = bool(text) or bool(self.reserve)
        if self.parentWidget() is None:
            # Shown without a parent it would be a window of its own (and take the focus
            # from the real one): it is shown once it is placed in its page.
            self._pending = visible
            return
        self.setVisible(visible)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if (event.type() == QEvent.Type.ParentChange and self._pending is not None
                and self.parentWidget() is not None):
            self.setVisible(self._pending)
            self._pending = None
        super().changeEvent(event)

    def has_message(self) -> bool:
        """Whether it says anything (it may be on screen, empty, holding its line)."""
        return bool(self.text())


class FormMessages(QFrame):
    """Where a form says what is wrong: one place of fixed height above its buttons.

    It shows the problems of the fields already left (or all of them once Save was
    pressed), each named by its field, and the form's own (a save that failed). It
    takes the same space whether or not it has anything to say, and scrolls when there
    is more than fits, so neither the fields above nor the buttons below ever move."""

    LINES = 2

    def __init__(self, parent: QWidget | None = None, general: QLabel | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("form-messages")
        if general is None:
            general = QLabel()
            general.setWordWrap(True)
            general.setTextFormat(Qt.TextFormat.PlainText)
            set_role(general, "problem")
            general.hide()
        self.general = general
        self.general.setAccessibleName(self.tr("About the form"))
        self.fields = QLabel()
        self.fields.setWordWrap(True)
        self.fields.setTextFormat(Qt.TextFormat.PlainText)
        self.fields.setAccessibleName(self.tr("What needs putting right"))
        self.fields.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        set_role(self.hint, "quiet")
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.general)
        column.addWidget(self.fields)
        column.addWidget(self.hint)
        column.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(inner)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.area)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES + 8)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_hint(self, text: str) -> None:
        """A quiet line shown when there is nothing wrong (how to save, say)."""
        self.hint.setText(text)
        self._arrange()

    def show_general(self, text: str) -> None:
        self.general.setText(text)
        self.general.setVisible(bool(text))
        self._arrange()

    def show_fields(self, problems: list[str], names: list[str] | None = None) -> None:
        """Each problem on a line of its own while they fit; when there are more than the
        area's lines, the first in full and the other fields by name ("Also: Summary,
        Themes."), each of them marked where it stands, so that no line shows cut in half.
        The accessible description says every one in full."""
        room = self.LINES - (1 if self.general.text() else 0)
        lines = ["⚠ " + p for p in problems]
        if names is not None and len(problems) > max(room, 1):
            shown = max(room - 1, 1)
            lines = lines[:shown] + ["⚠ " + self.tr("Also: %1.").replace(
                "%1", ", ".join(dict.fromkeys(names[shown:])))]
        text = "\n".join(lines)
        if self.fields.text() != text:
            self.fields.setText(text)
            set_role(self.fields, "problem")
        self.fields.setVisible(bool(text))
        self.setAccessibleDescription(" ".join(problems))
        self._arrange()

    def _arrange(self) -> None:
        self.hint.setVisible(not self.general.text() and not self.fields.text()
                             and bool(self.hint.text()))

    def text(self) -> str:
        """Everything it says now."""
        return "\n".join(t for t in (self.general.text(), self.fields.text()) if t)

    def clear(self) -> None:
        self.show_general("")
        self.show_fields([])


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
    """Grow a dialog downwards when a message appears, so no wrapped line is cut off; never
    beyond what the smallest supported screen allows (its scroll area scrolls instead)."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    needed = min(needed, screen_bounded(window, QSize(window.width(), needed)).height())
    if needed > window.height():
        window.resize(window.width(), needed)


SMALLEST_SCREEN = QSize(1366, 768)  # the smallest screen Casebook is made for
_SCREEN_CHROME = QSize(40, 110)  # a task bar, a title bar and a little room around


def screen_bounded(window: QWidget, wanted: QSize) -> QSize:
    """`wanted`, no bigger than the window's screen allows (90% of it), nor than the
    smallest supported screen (1366x768, less a task bar and a title bar) would allow:
    a dialog opened on a big screen still fits when the laptop is used on its own.
    Sizes are in the window's own (logical) pixels, so at 200% the same bound holds on
    a screen of twice the pixels."""
    smallest = QSize(SMALLEST_SCREEN.width() - _SCREEN_CHROME.width(),
                     SMALLEST_SCREEN.height() - _SCREEN_CHROME.height())
    bounded = wanted.boundedTo(smallest)
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry()
        bounded = bounded.boundedTo(QSize(int(room.width() * 0.9), int(room.height() * 0.9)))
    return bounded


def fit_dialog(window: QWidget, minimum_characters: int = 60) -> None:
    """Size a dialog to what it shows, within screen_bounded (its layout scrolls or
    wraps beyond that)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    hint = layout.totalSizeHint()
    width = max(hint.width(), text_width(window, minimum_characters))
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else hint.height()
    window.resize(screen_bounded(window, QSize(width, height)))


def text_width(widget: QWidget, characters: int) -> int:
    """The width of about `characters` characters of the widget's font (scales with it)."""
    return widget.fontMetrics().averageCharWidth() * characters


def centred_page(page: QWidget, characters: int = 110, name: str = "") -> QScrollArea:
    """A page in a scroll area, centred and no wider than is comfortable to read. The area
    takes the keyboard's focus to scroll, so it is named (for screen readers) after the
    page."""
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
    area.setAccessibleName(name or page.accessibleName() or page.objectName()
                           or area.tr("Page"))
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


def no_default_buttons(dialog: QWidget) -> None:
    """No push button in `dialog` is a default button, nor becomes one when pressed."""
    from PySide6.QtWidgets import QPushButton

    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


class _NoDefaultOnShow(QObject):
    """A button box makes its first accepting button the default as it is shown (children
    are shown before their dialog): this takes it back, each time the dialog is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            no_default_buttons(watched)
        return False


def plain_buttons(dialog: QWidget, primary: QWidget | None = None) -> None:
    """A dialog's buttons, as in every form: none is a default button (Enter in a field,
    or a space typed while a button has the focus by chance, presses nothing by surprise),
    words only (no icons), and the main action, if given, in the brand's blue."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QDialogButtonBox

    from app.ui.base.theme import set_primary

    no_default_buttons(dialog)
    if not isinstance(getattr(dialog, "_no_default_on_show", None), _NoDefaultOnShow):
        watcher = _NoDefaultOnShow(dialog)
        dialog.installEventFilter(watcher)
        dialog._no_default_on_show = watcher  # type: ignore[attr-defined]  # kept alive
    for box in dialog.findChildren(QDialogButtonBox):
        for boxed in box.buttons():
            boxed.setIcon(QIcon())
            if not boxed.accessibleName():  # a standard button: named by its words
                boxed.setAccessibleName(boxed.text().replace("&&", "\0").replace("&", "")
                                        .replace("\0", "&"))
    if primary is not None:
        set_primary(primary)


def ask_before_discarding(dialog: QWidget, discard: Callable[[], None],
                          text: str = "") -> QMessageBox:
    """The question a dialog asks when it is closed with something typed, as every form
    asks: "Discard and close" or "Keep editing", which is the default (Enter, a space or
    Escape in the question keeps the dialog and what was typed). `discard` runs only when
    the person chose to discard. Opened window-modal; returns the question."""
    box = QMessageBox(dialog)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(box.tr("Close without saving?"))
    box.setText(text or box.tr("Close without saving? What you typed will be lost."))
    close = box.addButton(box.tr("&Discard and close"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(box.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
    close.setAccessibleName(box.tr("Discard and close"))
    keep.setAccessibleName(box.tr("Keep editing"))
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)

    def answered() -> None:
        if box.clickedButton() is close:
            discard()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


def typed_values(root: QWidget) -> tuple[object, ...]:
    """What a person can type or choose inside `root`, to tell whether anything changed."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    values: list[object] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            values.append(widget.text())
        elif isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentIndex())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
    return tuple(values)


class AsksBeforeClosing:
    """Mixed into a dialog (listed before QDialog): Escape, Cancel and the window's close
    button ask first when something was typed since `settle()` (called once the dialog is
    filled in, and again once what was typed is saved), as every form does. `done(0)`
    closes without asking (on lock).

    A dialog may say more by overriding: `typed()` (whether something would be lost),
    `working()` (while it saves, Escape and Cancel wait), `closing_question()` (the
    question's words), `_discard()` (what discarding does; by default, close); and once
    its `forgotten` is set (locked), nothing is asked."""

    _settled: tuple[object, ...] | None = None
    _asking: QMessageBox | None = None
    forgotten: bool = False

    def settle(self) -> None:
        self._settled = typed_values(self)  # type: ignore[arg-type]

    def typed(self) -> bool:
        return self._settled is not None and typed_values(self) != self._settled  # type: ignore[arg-type]

    def working(self) -> bool:
        return False

    def closing_question(self) -> str:
        return ""

    def reject(self) -> None:
        if self.working() and not self.forgotten:
            return  # being saved: a moment, then it can be closed
        if self.forgotten or not self.typed():
            super().reject()  # type: ignore[misc]
            return
        if self._asking is None:
            self._asking = ask_before_discarding(self, self._discard,  # type: ignore[arg-type]
                                                 self.closing_question())
            self._asking.finished.connect(self._asked)

    def _asked(self) -> None:
        self._asking = None

    def done(self, result: int) -> None:
        if self._asking is not None:  # closed another way (on lock): the question goes too
            asking, self._asking = self._asking, None
            asking.done(0)
        super().done(result)  # type: ignore[misc]

    def _discard(self) -> None:
        self._settled = None
        super().reject()  # type: ignore[misc]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.forgotten and (self.working() or self.typed()):
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)  # type: ignore[misc]

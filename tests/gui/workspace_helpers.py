"""Driving a concern's workspace in a real window on a real casebook (no sleeps)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.ui.case.workspace import ConcernWorkspace
from app.ui.main_window import MainWindow
from tests.support import PASSPHRASE, TODAY

T = TypeVar("T")


def make_casebook(folder: Path, build: Callable[[ConcernService], T],
                  today: date = TODAY) -> T:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        return build(ConcernService(book, today=lambda: today))


def open_window(qtbot: Any, folder: Path, today: date = TODAY) -> MainWindow:
    window = MainWindow(folder, today=lambda: today)
    qtbot.addWidget(window)
    window.show()
    window.unlock_view.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlocked)
    return window


def open_concern(qtbot: Any, window: MainWindow, concern_id: int) -> ConcernWorkspace:
    workspace = window.shell.workspace
    window.shell.open_concern(concern_id)
    wait_loaded(qtbot, workspace, concern_id)
    return workspace


def wait_loaded(qtbot: Any, workspace: ConcernWorkspace, concern_id: int) -> None:
    qtbot.waitUntil(lambda: workspace.context is not None
                    and workspace.context.concern_id == concern_id)


def idle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.worker.pending == 0)


def query(qtbot: Any, window: MainWindow, ask: Callable[[Casebook], T]) -> T:
    """Read the casebook through the window's own worker (it holds the only connection)."""
    found: list[T] = []
    window.session.read(lambda state: ask(state.require_book()), found.append)
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def rows(qtbot: Any, window: MainWindow, sql: str, *args: object) -> list[tuple[Any, ...]]:
    return query(qtbot, window, lambda book: list(book.cases.execute(sql, args)))


def identity_rows(qtbot: Any, window: MainWindow, sql: str,
                  *args: object) -> list[tuple[Any, ...]]:
    """Rows of identities.db (only tests look there so plainly)."""
    return query(qtbot, window, lambda book: list(book.identities().execute(sql, args)))


def save(qtbot: Any, window: MainWindow, dialog: Any) -> None:
    """Click the form's Save button and wait for the write and the reload behind it."""
    assert dialog.save_button.isEnabled()
    problems = getattr(dialog, "problems", None)
    found = problems() if problems is not None else []
    assert not found, found
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)


def _columns(model: Any, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # list models keep columnCount private: they have one column
        return 1


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if value is not None:
                        yield str(value)
            pending.append(model.index(row, 0, parent))


def widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    yield widget.toolTip()
    if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
        yield widget.currentText()
    if isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget)


def all_texts(*roots: QWidget) -> str:
    """Every piece of text held by the roots, their children and every top-level window."""
    widgets: list[QWidget] = []
    for root in (*roots, *QApplication.topLevelWidgets()):
        widgets.append(root)
        widgets.extend(root.findChildren(QWidget))
    return "\n".join(text for w in widgets for text in widget_texts(w) if text)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type as a person would: QTest types plain ASCII itself; anything else (an accent, a
    no-break or thin space, a combining mark, a Cyrillic letter) arrives as a key event
    carrying the character, as a keyboard layout or an input method sends it."""
    for ch in text:
        if ord(ch) < 128:
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     ch))

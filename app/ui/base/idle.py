"""Locking after idle time: a key press, click, wheel or mouse move restarts a timer.

The watcher looks at the input events arriving at the application's windows (the
QWindow each top-level widget sits in: the main window, a form, a message box), not at
every event of every object: an application-wide Python event filter would run Python
for each paint, timer and queued call, and make the GUI thread wait for the interpreter
lock whenever the worker thread holds it. Windows are taken in as they get the focus,
which every window a person types into does first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """Restarts a timer on every keyboard or mouse event in the application's windows."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)
        self._windows: list[QWindow] = []
        self._watching = False

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))

    def watch(self, window: QWidget) -> None:
        """Watch `window` (once it is shown) and every window that gets the focus."""
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication) or self._watching:
            return
        self._watching = True
        app.focusWindowChanged.connect(self._take)
        window.winId()  # the QWindow exists from here on
        handle = window.windowHandle()
        if handle is not None:
            self._take(handle)

    def _take(self, window: QWindow | None) -> None:
        if window is None or not isValid(window) or window in self._windows:
            return
        self._windows = [w for w in self._windows if isValid(w)]
        self._windows.append(window)
        window.installEventFilter(self)

    def unwatch(self) -> None:
        app = QGuiApplication.instance()
        if self._watching and isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._take)
        self._watching = False
        for window in self._windows:
            if isValid(window):
                window.removeEventFilter(self)
        self._windows = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

"""A form's identity check: each free-text field scanned on the worker as it is typed.

The form names the fields to watch. A change waits for a pause in typing (about half a
second), then the field's text goes to the worker, which scans it as part of its concern
(app/services/identity_scan.py); a newer change stops an older scan between pieces, and an
answer for text that has changed since is dropped. The notice (identity_notice.py) shows
what the latest answers found. "Replace" puts the service's replacement into the field as
one undoable edit; "Keep as written" asks first, and the form's save then records in the
audit log which fields were kept with which kinds (never the text).

Saving waits for an answer for every field's current text: the form asks `ready()`, which
starts whatever check is missing and calls the form back when the answers are in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from shiboken6 import isValid

from app.core.identifying import HeldIdentity
from app.services import identity_scan
from app.services.identity_scan import FieldScan, ScanCancelled
from app.store.casebook import Casebook
from app.ui.base.worker import WorkerState
from app.ui.case.identity_notice import IdentityNotice, field_sentence
from app.ui.session import Session

PAUSE_MS = 500
TextWidget = QLineEdit | QPlainTextEdit
# (casebook, field key, text, cancelled) -> what the text mentions
FieldScanner = Callable[[Casebook, str, str, Callable[[], bool]], FieldScan]


@dataclass
class _Watched:
    key: str
    name: str
    widget: TextWidget
    shown: Callable[[], bool]
    generation: int = 0  # counts changes to the text: an answer is for one generation
    scanned: FieldScan | None = None
    scanned_generation: int = -1
    kept: frozenset[str] = frozenset()


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return ""


class IdentityCheck(QObject):
    changed = Signal()  # new answers, or a field replaced or kept

    def __init__(self, session: Session, notice: IdentityNotice,
                 concern_id: Callable[[], int | None],
                 person: Callable[[], HeldIdentity | None] = lambda: None,
                 parent: QObject | None = None, scan: FieldScanner | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # How a field's text is scanned on the worker: as part of its concern (the forms'),
        # or another way (a letter's text, addressed to one person: app/services/letters.py).
        self.scan_with = scan
        self.notice = notice
        self.concern_id = concern_id
        self.person = person
        self.fields: dict[str, _Watched] = {}
        self._dirty: set[str] = set()
        self._waiting: list[Callable[[], None]] = []
        self._in_flight = 0
        self.forgotten = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.scan_now)
        notice.replace_requested.connect(self.replace_all)
        notice.keep_requested.connect(self.ask_to_keep)

    # ----- watching -----------------------------------------------------------------------

    def watch(self, key: str, name: str, widget: TextWidget,
              shown: Callable[[], bool] = lambda: True) -> None:
        """Check `widget`'s text as part of the form; `shown` says whether its row is shown
        (a hidden field's text is not saved, so what it mentions does not count)."""
        self.fields[key] = _Watched(key, name, widget, shown)
        widget.textChanged.connect(lambda *_: self.typed(key))
        if text_of(widget).strip():
            self.typed(key)

    def typed(self, key: str) -> None:
        if self.forgotten or key not in self.fields:
            return
        self._dirty.add(key)
        self.fields[key].generation += 1  # an older scan of this field stops
        self.notice.show_checking()
        self.timer.start()

    def rescan_all(self) -> None:
        """Something the check depends on changed (the person being recorded): all again."""
        for key, watched in self.fields.items():
            if text_of(watched.widget).strip() or watched.scanned is not None:
                self.typed(key)

    def scan_now(self) -> None:
        self.timer.stop()
        keys, self._dirty = sorted(self._dirty), set()
        for key in keys:
            self._scan(key)
        if not self._in_flight:
            self._settle()

    def _scan(self, key: str) -> None:
        watched = self.fields[key]
        text = text_of(watched.widget)
        generation = watched.generation
        if not text.strip():
            watched.scanned, watched.scanned_generation = None, generation
            return
        session, concern_id, person = self.session, self.concern_id(), self.person()
        fields = self.fields
        scan_with = self.scan_with

        def stale() -> bool:  # asked on the worker between pieces of a long text
            current = fields.get(key)
            return current is None or current.generation != generation or self.forgotten

        def job(state: WorkerState) -> FieldScan | None:
            try:
                if scan_with is not None:
                    return scan_with(session.book(state), key, text, stale)
                return identity_scan.scan_field(session.book(state), concern_id, key, text,
                                                person=person, cancelled=stale)
            except ScanCancelled:
                return None

        self._in_flight += 1
        session.read(job, lambda scan: self._answer(key, generation, scan),
                     lambda message: self._failed(key, generation, message))

    def _answer(self, key: str, generation: int, scan: Any) -> None:
        self._in_flight -= 1
        watched = self.fields.get(key)
        if (self.forgotten or watched is None or not isValid(self.notice)
                or generation != watched.generation or not isinstance(scan, FieldScan)):
            self._settle()
            return
        watched.scanned, watched.scanned_generation = scan, generation
        watched.kept = watched.kept & frozenset(scan.kinds)
        self._settle()

    def _failed(self, key: str, generation: int, message: str) -> None:
        self._in_flight -= 1
        watched = self.fields.get(key)
        if watched is not None and generation == watched.generation:
            watched.scanned, watched.scanned_generation = None, -1
        self._settle()

    def _settle(self) -> None:
        if self.forgotten or not isValid(self.notice):
            return
        if self._in_flight or self._dirty:
            return
        self.show()
        self.changed.emit()
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    # ----- what is known ------------------------------------------------------------------

    def current(self, key: str) -> FieldScan | None:
        """The answer for the field's text as it stands now (None: none yet, or empty)."""
        watched = self.fields[key]
        if watched.scanned is None or watched.scanned_generation != watched.generation:
            return None
        return watched.scanned

    def outstanding(self) -> dict[str, tuple[str, ...]]:
        """Fields whose text mentions something not yet kept: key -> kinds."""
        found: dict[str, tuple[str, ...]] = {}
        for key, watched in self.fields.items():
            scan = self.current(key)
            if scan is not None and scan.found and watched.shown():
                kinds = tuple(k for k in scan.kinds if k not in watched.kept)
                if kinds:
                    found[key] = kinds
        return found

    def kept(self) -> dict[str, tuple[str, ...]]:
        """Fields kept as written, with the kinds they still mention: for the audit log."""
        found: dict[str, tuple[str, ...]] = {}
        for key, watched in self.fields.items():
            scan = self.current(key)
            if scan is not None and watched.shown():
                kinds = tuple(k for k in scan.kinds if k in watched.kept)
                if kinds:
                    found[key] = kinds
        return found

    def ready(self, then: Callable[[], None]) -> bool:
        """True when every field's current text has its answer; otherwise check what is
        missing and call `then` once the answers are in."""
        missing = [key for key, watched in self.fields.items()
                   if watched.shown() and watched.scanned_generation != watched.generation]
        if not missing and not self._in_flight and not self._dirty:
            return True
        self._waiting.append(then)
        for key in missing:
            self._dirty.add(key)
            self.fields[key].generation += 1
        self.scan_now()
        return False

    def show(self) -> None:
        outstanding = self.outstanding()
        if outstanding:
            sentences = [field_sentence(self.fields[k].name, kinds)
                         for k, kinds in outstanding.items()]
            self.notice.show_found(sentences, can_replace=True)
        elif any(self.current(k) is not None for k in self.fields):
            self.notice.show_clear([field_sentence(self.fields[k].name, kinds)
                                    for k, kinds in self.kept().items()])
        else:
            self.notice.show_idle()

    # ----- replacing and keeping ----------------------------------------------------------

    def replace_all(self) -> None:
        for key in self.outstanding():
            watched, scan = self.fields[key], self.current(key)
            if scan is None:
                continue
            widget = watched.widget
            if isinstance(widget, QPlainTextEdit):
                cursor = widget.textCursor()
                cursor.beginEditBlock()
                cursor.select(cursor.SelectionType.Document)
                cursor.insertText(scan.replaced)
                cursor.endEditBlock()
            else:
                widget.selectAll()
                widget.insert(scan.replaced)  # one step Ctrl+Z undoes
        self.changed.emit()

    def ask_to_keep(self) -> None:
        outstanding = self.outstanding()
        if not outstanding:
            return
        parent = self.notice.window()
        answer = QMessageBox.question(
            parent, self.tr("Keep the text as written?"),
            self.tr("Case text refers to the person as C, and other people's names are kept "
                    "out of it. Keep it as written only where it must be (a note quoting "
                    "someone, for example). That you kept it is written to the audit log: "
                    "which field and what kind, never the words."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.keep(outstanding)

    def keep(self, outstanding: dict[str, tuple[str, ...]]) -> None:
        for key, kinds in outstanding.items():
            watched = self.fields[key]
            watched.kept = watched.kept | frozenset(kinds)
        self.show()
        self.changed.emit()

    def forget(self) -> None:
        self.forgotten = True
        self.timer.stop()
        self._waiting.clear()
        for watched in self.fields.values():
            watched.scanned = None
            watched.scanned_generation = -1
        if isValid(self.notice):
            self.notice.forget()

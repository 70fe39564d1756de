"""The shape every workspace form shares: fields with labels, checks as you type, a save job.

A form lists its fields (each with a mnemonic label and a place for its
problem), says what is wrong with the values as they stand (`problems`), and
gives the job that saves them (`save_job`). The base class runs the checks on
every change, keeps Save disabled until there are none, sends the job to the
worker, and on failure stays open with everything still filled in and the
reason shown. On lock, `forget` wipes every field before the form goes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.case_text import MAX_FIELD_CHARS, too_long_message
from app.core.facts import ConcernFacts
from app.core.identifying import HeldIdentity
from app.services import identity_scan
from app.store.concerns import ConcernService
from app.ui.base.formatting import format_day
from app.ui.base.worker import WorkerState
from app.ui.case.context import CaseContext
from app.ui.case.fields import ProblemLabel, hint_label, note, wipe
from app.ui.case.identity_check import IdentityCheck, text_of
from app.ui.case.identity_notice import IdentityNotice
from app.ui.session import Session

Problem = tuple[str, str]  # (field key, or "" for the form as a whole; one plain sentence)
Job = Callable[[WorkerState], Any]


def plain(label: str) -> str:
    """A label without its mnemonic marker or trailing colon, for names and messages."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


@dataclass
class _Field:
    name: str
    widget: QWidget
    problem: ProblemLabel
    holder: QWidget


class CaseForm(QDialog):
    """A dialog that validates as the user types and saves through the session's worker."""

    saved = Signal(object)
    lock_requested = Signal()  # Ctrl+L inside the form: the window's shortcuts are blocked

    def __init__(self, session: Session, title: str, save_text: str, intro: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.session = session
        self.concern_id: int | None = None
        self.forgotten = False
        self._fields: dict[str, _Field] = {}
        self._touched: set[str] = set()
        self._busy = False
        self._last_focus: QWidget | None = None

        self.intro = note(intro)
        self.intro.setVisible(bool(intro))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.intro)
        body_layout.addLayout(self.form)
        body_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(body)
        self.scroller.setAccessibleName(title)

        self.notice = IdentityNotice()
        self.identity = IdentityCheck(session, self.notice, lambda: self.concern_id,
                                      self.scan_person, self)
        self.identity.changed.connect(self._identity_changed)
        self.general = ProblemLabel()
        self.general.setObjectName("form-problem")
        self.busy_note = note()
        self.busy_note.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(plain(save_text))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        for button in self.buttons.buttons():
            button.setIcon(QIcon())  # words only: a red cross on "Close and keep draft" misleads
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.general)
        layout.addWidget(self.busy_note)
        layout.addWidget(self.buttons)

    def fit(self) -> None:
        """Size the form to show every field where the screen allows (it scrolls otherwise)."""
        self.resize(self._preferred_size())

    def _preferred_size(self) -> QSize:
        """Big enough for the whole form where the screen allows; it scrolls otherwise."""
        body = self.scroller.widget().sizeHint()  # type: ignore[union-attr]
        chrome = self.layout().sizeHint()  # type: ignore[union-attr]
        wanted = QSize(max(body.width() + 40, chrome.width(), self.fontMetrics().averageCharWidth()
                           * 110), body.height() + self.buttons.sizeHint().height() + 80)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            wanted = wanted.boundedTo(QSize(int(screen.width() * 0.9),
                                            int(screen.height() * 0.9)))
        return wanted

    # ----- building the form ------------------------------------------------------------

    def add_field(self, key: str, label: str, widget: QWidget, *, hint: str = "",
                  buddy: QWidget | None = None, watch: Iterable[QWidget] = (),
                  name: str = "", scan: bool = True) -> QWidget:
        """A labelled field; `label` carries its mnemonic (&Date). Changes re-run the checks.
        `name` is how problems refer to the field, when not its label. Free text (a line or
        a box) is case text, checked for identifying text as it is typed, unless `scan` is
        False (a name typed only to make its fingerprint)."""
        name = name or plain(label)
        caption = QLabel(label)
        caption.setBuddy(buddy or widget)
        caption.setWordWrap(len(name) > 40)  # short labels stay on one line
        if not widget.accessibleName():
            widget.setAccessibleName(name)
        problem = ProblemLabel()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        if hint:
            column.addWidget(hint_label(hint))
        column.addWidget(problem)
        self.form.addRow(caption, holder)
        self._fields[key] = _Field(name, widget, problem, holder)
        for watched in (widget, *watch):
            self._watch(key, watched)
        if scan and isinstance(widget, (QLineEdit, QPlainTextEdit)):
            self.identity.watch(key, name, widget, lambda: self._shown(key))
        return widget

    def _shown(self, key: str) -> bool:
        """Whether a field's row is shown (a hidden field's text is not saved)."""
        return self.form.isRowVisible(self._fields[key].holder)

    def track(self, key: str, name: str, widget: QWidget, problem: ProblemLabel,
              holder: QWidget) -> None:
        """A field laid out by the form itself (inside a group box), checked like the rest."""
        self._fields[key] = _Field(name, widget, problem, holder)

    def add_wide(self, widget: QWidget) -> QWidget:
        """A row across the whole form (a group of choices, a note)."""
        self.form.addRow(widget)
        return widget

    def show_field(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self._fields[key].holder, visible)

    def _watch(self, key: str, widget: QWidget) -> None:
        touched: Callable[..., None] = lambda *_args: self._changed(key)  # noqa: E731
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(touched)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(touched)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(touched)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(touched)
        elif hasattr(widget, "changed"):  # OptionalDateField, Choice
            widget.changed.connect(touched)

    def _changed(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()
        self.on_change()

    def on_change(self) -> None:
        """A field changed (after the checks ran): forms keeping drafts hook in here."""

    def settle(self) -> None:
        """Call once the form is filled in: show what is still needed, quietly."""
        self._touched.clear()
        self.notice.setVisible(bool(self.identity.fields))
        self.revalidate()

    # ----- the identity check -----------------------------------------------------------

    def scan_person(self) -> HeldIdentity | None:
        """A person not yet recorded whose details the text is checked against (the new
        concern form's); an existing concern's own person is the worker's to find."""
        return None

    def _identity_changed(self) -> None:
        if (not self.forgotten and not self._busy and not self.identity.outstanding()
                and self.general.text().endswith(self._identity_problem())):
            self.general.clear_problem()

    def _identity_problem(self) -> str:
        return self.tr("Before saving, replace what the identity check found, or keep it as "
                       "written.")

    def _length_problems(self) -> list[Problem]:
        found: list[Problem] = []
        for key, watched in self.identity.fields.items():
            length = len(text_of(watched.widget))
            if length > MAX_FIELD_CHARS and self._shown(key):
                found.append((key, self.tr(too_long_message("This", length))))
        return found

    # ----- checking ---------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Everything wrong with the values as they stand; none means Save is allowed."""
        return []

    def problem_for(self, key: str) -> ProblemLabel:
        return self._fields[key].problem

    def field_widget(self, key: str) -> QWidget:
        return self._fields[key].widget

    def revalidate(self) -> list[Problem]:
        found = [] if self.forgotten else self.problems() + self._length_problems()
        by_key: dict[str, list[str]] = defaultdict(list)
        loose: list[str] = []
        for key, message in found:
            (by_key[key] if key in self._fields else loose).append(message)
        for key, field in self._fields.items():
            messages = by_key.get(key)
            if messages:
                text = f"{field.name}: {' '.join(dict.fromkeys(messages))}"
                field.problem.show_problem(text, urgent=key in self._touched)
                field.widget.setAccessibleDescription(text)
            else:
                field.problem.clear_problem()
                field.widget.setAccessibleDescription("")
        if loose:
            self.general.show_problem(" ".join(dict.fromkeys(loose)), urgent=True)
        elif not self._busy:
            self.general.clear_problem()
        self.save_button.setEnabled(not found and not self._busy)
        return found

    # ----- saving -----------------------------------------------------------------------

    def save_job(self) -> Job:
        """What saving does: every form subclass overrides this with its own service call."""
        raise NotImplementedError(f"{type(self).__name__} does not say how it saves")

    def service_job(self, call: Callable[[ConcernService], Any]) -> Job:
        """A job calling the concern service; built from values read now, on the GUI thread."""
        session = self.session
        return lambda state: call(session.service(state))

    def accept(self) -> None:
        if self._busy or self.forgotten:
            return
        self._touched.update(self._fields)
        if self.revalidate():
            return
        if not self.identity.ready(self._checked):
            self.busy_note.setText(self.tr("Checking for identifying text…"))
            self.busy_note.setVisible(True)
            return
        if self.identity.outstanding():
            self.general.show_problem(self._identity_problem(), urgent=True)
            self.notice.replace_button.setFocus()
            return
        job = self._with_kept(self.save_job(), self.identity.kept())
        self._set_busy(True)
        self.session.write(job, self._saved, self._failed, self.concern_id)

    def _checked(self) -> None:
        """The identity check's answers came in while Save waited: try again."""
        if self.forgotten or not isValid(self):
            return
        self.busy_note.setVisible(False)
        self.accept()

    def _with_kept(self, job: Job, kept: dict[str, tuple[str, ...]]) -> Job:
        """The save, then one audit entry per field kept as written (field and kinds)."""
        if not kept:
            return job
        concern_id = self.concern_id

        def saving(state: WorkerState) -> Any:
            result = job(state)
            target = concern_id if concern_id is not None else result
            if isinstance(target, int):
                for field, kinds in kept.items():
                    identity_scan.record_kept(state.require_book(), target, field, kinds)
            return result

        return saving

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self._last_focus = self.focusWidget()
        self.scroller.setEnabled(not busy)
        self.busy_note.setText(self.tr("Saving…") if busy else "")
        self.busy_note.setVisible(busy)
        self.save_button.setEnabled(not busy)
        if not busy and self._last_focus is not None and isValid(self._last_focus):
            self._last_focus.setFocus()

    def _saved(self, result: object) -> None:
        if self.forgotten or not isValid(self):
            return
        self._set_busy(False)
        self.after_save(result)
        self.saved.emit(result)
        super().accept()

    def after_save(self, result: object) -> None:
        """The save succeeded (forms keeping drafts discard them here)."""

    def _failed(self, message: str) -> None:
        if self.forgotten or not isValid(self):
            return
        self._set_busy(False)
        self.revalidate()
        self.general.show_problem(self.tr("Not saved: %1").replace("%1", message), urgent=True)

    # ----- locking ----------------------------------------------------------------------

    def forget(self) -> None:
        """On lock: wipe every field and label, then close without saving anything."""
        self.forgotten = True
        self._busy = False
        self.identity.forget()
        wipe(self)
        super().done(QDialog.DialogCode.Rejected)


class ConcernForm(CaseForm):
    """A form changing one concern: it checks the proposed facts against the rules."""

    def __init__(self, session: Session, context: CaseContext, title: str, save_text: str,
                 intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(session, title, save_text, intro, parent)
        self.context = context
        self.concern_id = context.concern_id

    def rule_problems(self, proposed: ConcernFacts, places: dict[str, str],
                      elsewhere: str = "") -> list[Problem]:
        """The rules the change would break, each placed at its field; those about other
        parts of the concern go to `elsewhere` (a field, or "" for the form as a whole)."""
        return [(places.get(v.field, elsewhere), v.message)
                for v in self.context.new_violations(proposed)]

    def date_problems(self, key: str, day: date | None, what: str) -> list[Problem]:
        """A record's date must fall between the concern's receipt and today."""
        if day is None:
            return []
        received = self.context.detail.received_on
        if day < received:
            return [(key, self.tr("%1 is before the concern was received (%2).")
                     .replace("%1", what).replace("%2", format_day(received)))]
        if day > self.context.today:
            return [(key, self.tr("%1 is in the future.").replace("%1", what))]
        return []

    @staticmethod
    def required(key: str, text: str, message: str) -> list[Problem]:
        return [] if text.strip() else [(key, message)]

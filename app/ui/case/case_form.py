"""The shape every workspace form shares: fields with labels, checks as you type, a save job.

A form lists its fields (each with a mnemonic label), says what is wrong with the
values as they stand (`problems`), and gives the job that saves them (`save_job`). The
base class does the rest, the same way in every form:

- Nothing moves. A field's problem is said in the form's message area, one place of
  fixed height above the buttons (naming the field), and the field gets a red border of
  the width it always has; the identity notice keeps its space too.
- Messages come when they help: a field's problem shows once the field has been left
  (or Save pressed), and goes as soon as it no longer applies (checks run on every
  change). A field that was fine is not marked while it is being typed in. A problem
  with the form as a whole (nothing changed to correct, say) shows once a field has
  been left, or on Save.
- Save is always there to press: pressing it with something wrong shows every problem
  and takes the focus to the first. Ctrl+Enter saves. No button is a default button,
  so Enter in a field or a typed space never presses one by surprise.
- Escape, Cancel or the window's close button on a form with something typed asks
  first; a form that keeps drafts says that the draft is kept.
- Saving sends the job to the worker; on failure the form stays open with everything
  still filled in and the reason shown. On lock, `forget` wipes every field first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.case_text import MAX_FIELD_CHARS, too_long_message
from app.core.facts import ConcernFacts
from app.core.identifying import HeldIdentity
from app.services import identity_scan
from app.store.concerns import ConcernService
from app.ui.base.date_field import DateField
from app.ui.base.form_feedback import FormMessages, screen_bounded
from app.ui.base.formatting import format_day
from app.ui.base.messages import shown
from app.ui.base.theme import set_primary, set_problem, set_role
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
    caption: QLabel | None = None


_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
           QAbstractItemView)


def _inputs_of(widget: QWidget) -> list[QWidget]:
    """The widget and the input widgets inside it (a date with its check box, a list)."""
    found: list[QWidget] = [widget] if isinstance(widget, _INPUTS) else []
    return found + [w for w in widget.findChildren(QWidget) if isinstance(w, _INPUTS)
                    and not isinstance(w.parentWidget(), QComboBox)]


def _dates_in(widget: QWidget) -> list[DateField]:
    found: list[DateField] = [widget] if isinstance(widget, DateField) else []
    return found + widget.findChildren(DateField)


def form_values(root: QWidget) -> tuple[object, ...]:
    """Everything a person can change inside `root`, to tell whether anything was."""
    values: list[object] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            values.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentIndex())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
        elif isinstance(widget, QListWidget):
            values.append(tuple(widget.item(i).checkState().value
                                for i in range(widget.count())))
    return tuple(values)


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
        self._settled: tuple[object, ...] | None = None
        self._asking: QMessageBox | None = None
        self._ordered = False  # the tab order is set once, when first shown

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
        self.messages = FormMessages(general=self.general)
        self.messages.set_hint(self.tr("Ctrl+Enter saves; Esc closes."))
        self.busy_note = note()
        self.busy_note.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(plain(save_text))
        set_primary(self.save_button)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        for button in self.buttons.buttons():
            button.setIcon(QIcon())  # words only: a red cross on "Close and keep draft" misleads
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self._cancel_pressed)
        footer = QFrame()
        footer.setObjectName("form-footer")
        row = QHBoxLayout(footer)
        row.setContentsMargins(0, 6, 0, 0)
        row.addWidget(self.busy_note, 1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.messages)
        layout.addWidget(footer)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def fit(self) -> None:
        """Size the form to show every field where the screen allows (it scrolls otherwise)."""
        self.resize(self._preferred_size())

    def _preferred_size(self) -> QSize:
        """Big enough for the whole form where the screen allows, and never taller than the
        smallest supported screen (1366x768) allows; it scrolls otherwise."""
        body = self.scroller.widget().sizeHint()  # type: ignore[union-attr]
        layout = self.layout()
        assert layout is not None
        chrome = layout.sizeHint()
        scroll = self.scroller.sizeHint().height()
        rest = max(0, chrome.height() - scroll)
        width = max(body.width() + 40, chrome.width(),
                    self.fontMetrics().averageCharWidth() * 100)
        return screen_bounded(self, QSize(width, body.height() + rest + 24))

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
        problem = ProblemLabel(silent=True)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        if hint:
            column.addWidget(hint_label(hint))
        column.addWidget(problem)
        self.form.addRow(caption, holder)
        self._fields[key] = _Field(name, widget, problem, holder, caption)
        for watched in (widget, *watch):
            self._watch(key, watched)
        for day in _dates_in(widget):
            day.set_today(self.session.today())
            day.keep_invalid = True  # the form says what is wrong with it
        if scan and isinstance(widget, (QLineEdit, QPlainTextEdit)) and not isinstance(
                widget, DateField):
            self.identity.watch(key, name, widget, lambda: self._shown(key))
        return widget

    def _shown(self, key: str) -> bool:
        """Whether a field's row is shown (a hidden field's text is not saved)."""
        return self.form.isRowVisible(self._fields[key].holder)

    def track(self, key: str, name: str, widget: QWidget, problem: ProblemLabel,
              holder: QWidget, caption: QLabel | None = None) -> None:
        """A field laid out by the form itself (inside a group box), checked like the rest;
        its problem is said in the form's message area, like every other field's."""
        problem.set_silent(True)
        self._fields[key] = _Field(name, widget, problem, holder, caption)

    def add_wide(self, widget: QWidget) -> QWidget:
        """A row across the whole form (a group of choices, a note)."""
        self.form.addRow(widget)
        return widget

    def show_field(self, key: str, visible: bool) -> None:
        holder = self._fields[key].holder
        if self.form.isRowVisible(holder) != visible:
            self.form.setRowVisible(holder, visible)
            if self._settled is not None:  # built and filled in: check again
                self.revalidate()

    def _watch(self, key: str, widget: QWidget) -> None:
        touched: Callable[..., None] = lambda *_args: self._changed(key, typing=False)  # noqa: E731
        if isinstance(widget, DateField):
            # Typed: marked when left, like text; stepped, picked or set: at once.
            widget.textChanged.connect(lambda _t: self._changed(key, typing=True))
            widget.dateChanged.connect(lambda _d: self._changed(key, typing=widget.typing))
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(lambda: self._changed(key, typing=True))
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(touched)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(touched)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(touched)
        elif hasattr(widget, "changed"):  # OptionalDateField, Choice
            widget.changed.connect(touched)

    def _changed(self, key: str, typing: bool = False) -> None:
        """A field changed. Text being typed that was fine until now is not marked while it
        is typed (it is checked again when it is left, or on Save); a problem already shown
        goes as soon as it is put right. A choice made (a date, a list, a box ticked) is
        complete: what it breaks is said at once."""
        field = self._fields.get(key)
        if not typing:
            self._touched.add(key)
        elif field is not None and not field.problem.urgent:
            self._touched.discard(key)
        self.revalidate()
        self.on_change()

    def _key_of(self, widget: QWidget | None) -> str | None:
        if widget is None:
            return None
        for key, field in self._fields.items():
            if widget is field.widget or field.widget.isAncestorOf(widget):
                return key
        return None

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """A field left for another place in this form: its problems may show now."""
        if self.forgotten or not isValid(self) or new is None or old is None:
            return
        if not self.isAncestorOf(new):
            return  # another window (a message box, the calendar): not left yet
        left = self._key_of(old)
        if left is not None and left != self._key_of(new) and left not in self._touched:
            self._touched.add(left)
            self.revalidate()

    def on_change(self) -> None:
        """A field changed (after the checks ran): forms keeping drafts hook in here."""

    def settle(self) -> None:
        """Call once the form is filled in: nothing is marked yet, and what it holds now
        counts as nothing typed (Escape closes it without asking)."""
        self._touched.clear()
        self.notice.setVisible(bool(self.identity.fields))
        self.revalidate()
        self._settled = form_values(self.scroller.widget() or self)

    # ----- closing ------------------------------------------------------------------------

    def typed(self) -> bool:
        """Whether anything was typed or changed since the form was filled in."""
        body = self.scroller.widget() or self
        return self._settled is not None and form_values(body) != self._settled

    @property
    def keeps_draft(self) -> bool:
        """A form whose text is kept as an encrypted draft when it is closed."""
        return hasattr(self, "keeper")

    def _cancel_pressed(self) -> None:
        if self.keeps_draft:  # its button says "Close and keep draft": no need to ask
            self.close_now()
        else:
            self.reject()

    def reject(self) -> None:
        """Escape, Cancel, the close button: asks first when something was typed."""
        if self.forgotten or self._busy:
            super().reject()
            return
        if not self.typed():
            self.close_now()
            return
        self._ask_to_close()

    def _ask_to_close(self) -> None:
        if self._asking is not None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close the form?"))
        if self.keeps_draft:
            box.setText(self.tr("Close this form? What you typed is kept as an encrypted "
                                "draft and offered again next time."))
            close = box.addButton(self.tr("&Close and keep draft"),
                                  QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(self.tr("Close this form without saving? What you typed will be "
                                "lost."))
            close = box.addButton(self.tr("&Discard and close"),
                                  QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter, Space or Escape in the question keeps the form
        box.setEscapeButton(keep)
        close.setAccessibleName(plain(close.text()))
        keep.setAccessibleName(plain(keep.text()))
        self._asking = box

        def answered() -> None:
            self._asking = None
            if box.clickedButton() is close and not self.forgotten and isValid(self):
                self.close_now()

        box.finished.connect(lambda _result: answered())
        box.open()

    def close_now(self) -> None:
        """Close without asking (the draft of a form that keeps one is saved first)."""
        self.before_close()
        super().reject()

    def before_close(self) -> None:
        """The form is closing without saving: forms keeping drafts save theirs here."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            event.accept()  # Enter in a field saves nothing by surprise (Ctrl+Enter saves)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.typed() and not self.forgotten and not self._busy:
            event.ignore()
            self._ask_to_close()
            return
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """No button is a default button (including those a form adds): Enter in a field,
        or a space typed while a button has the focus by chance, never saves or closes.
        Tab goes through the form in reading order."""
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        super().showEvent(event)
        if not self._ordered:
            self._ordered = True
            self.tab_in_reading_order()

    def tab_in_reading_order(self) -> None:
        """Tab from field to field as they are read: down the form, left to right within
        a row; then the identity notice's buttons, then the form's own buttons."""
        def focusable(root: QWidget) -> list[QWidget]:
            inside = [root, *root.findChildren(QWidget)]
            return [w for w in inside if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and w.focusProxy() is None and not isinstance(w.parentWidget(), QComboBox)
                    and w.window() is self]  # not a date's calendar, a window of its own

        chain: list[QWidget] = []
        for row in range(self.form.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                         QFormLayout.ItemRole.SpanningRole):
                item = self.form.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    chain += [w for w in focusable(widget) if w not in chain]
        chain += focusable(self.notice)
        chain += list(self.buttons.buttons())
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

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

    def _date_problems(self) -> list[Problem]:
        """A date typed that is not a date (or is out of range), said plainly; every form
        gets this without asking."""
        found: list[Problem] = []
        for key, field in self._fields.items():
            for day in _dates_in(field.widget):
                if day.isEnabled() and not day.is_valid():
                    found.append((key, day.problem()))
                    break
        return found

    def _length_problems(self) -> list[Problem]:
        found: list[Problem] = []
        for key, watched in self.identity.fields.items():
            length = len(text_of(watched.widget))
            if length > MAX_FIELD_CHARS and self._shown(key):
                found.append((key, shown(too_long_message("This", length))))
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
        """Run the checks; mark the fields already left (or all, after Save) that have a
        problem, and say each in the message area. Returns every problem, shown or not."""
        found = [] if self.forgotten else (self._date_problems() + self.problems()
                                           + self._length_problems())
        by_key: dict[str, list[str]] = defaultdict(list)
        loose: list[str] = []
        for key, message in found:
            (by_key[key] if key in self._fields else loose).append(message)
        shown: list[str] = []
        names: list[str] = []
        for key, field in self._fields.items():
            messages = by_key.get(key)
            if messages:
                text = f"{field.name}: {' '.join(dict.fromkeys(messages))}"
                urgent = key in self._touched and self._shown_field(key)
                field.problem.show_problem(text, urgent=urgent)
                if urgent:
                    shown.append(text)
                    names.append(field.name)
                    field.widget.setAccessibleDescription(text)
                else:
                    field.widget.setAccessibleDescription("")
                self._mark(field, urgent)
            else:
                field.problem.clear_problem()
                field.widget.setAccessibleDescription("")
                self._mark(field, False)
        if loose and self._touched:  # about the form as a whole: once a field was left
            self.general.show_problem(" ".join(dict.fromkeys(loose)), urgent=True)
        elif not self._busy:
            self.general.clear_problem()
        self.messages.show_fields(shown, names)
        self.save_button.setEnabled(not self._busy)
        return found

    def _shown_field(self, key: str) -> bool:
        holder = self._fields[key].holder
        try:
            return self.form.isRowVisible(holder) and not holder.isHidden()
        except RuntimeError:
            return True

    @staticmethod
    def _mark(field: _Field, problem: bool) -> None:
        """A red border on the field's inputs (same width as ever) and its caption in red."""
        for widget in _inputs_of(field.widget):
            set_problem(widget, problem)
        if field.caption is not None:
            set_role(field.caption, "problem" if problem else "")

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
        found = self.revalidate()
        if found:
            self._focus_first(found)
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

    def _focus_first(self, found: list[Problem]) -> None:
        """Take the focus to the first field (in the form's order) with a problem."""
        keys = {key for key, _ in found}
        for key, field in self._fields.items():
            if key in keys and self._shown_field(key):
                target = field.widget.focusProxy() or field.widget
                self.scroller.ensureWidgetVisible(field.holder)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return

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
        self.cancel_button.setEnabled(not busy)
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
        if self._asking is not None:
            self._asking.done(0)
            self._asking = None
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

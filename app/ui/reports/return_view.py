"""Return to the board: preview every figure that would leave the laptop, then save it.

"Preview" builds the payload on the worker (app.returns.payload.build_payload,
the same code as `casebook return build --preview`) and shows all of it: a tree
of every value, the learning statements, and, on request, the exact JSON text
that is signed and sent. "Save return file…" writes exactly the previewed
payload (write_return), signed with this unit's key and encrypted to the board's
recipient, whose fingerprint is shown for checking by phone. A learning
statement that may identify someone blocks the build: each is listed with why.

forget() drops the preview, the statements and the board's key on lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.periods import Period
from app.returns.signing import recipient_fingerprint
from app.store.errors import IdentifyingText
from app.ui.base.form_feedback import (
    FieldMessage,
    ask_save_file,
    centred_page,
    heading_font,
    monospace_font,
)
from app.ui.base.formatting import fingerprint_in_two_lines, period_text
from app.ui.base.work_progress import WorkProgress, WorkTicket
from app.ui.base.worker import WorkerState
from app.ui.reports.files import default_folder, remember_folder, safe_file_name, with_suffix
from app.ui.reports.payload_tree import PayloadTree, shown_value
from app.ui.reports.period_chooser import PeriodChooser, previous_quarter
from app.ui.reports.tables import FittedTable
from app.ui.session import Session

_PAGE_WIDTH_CHARACTERS = 120


if TYPE_CHECKING:  # jsonschema and the envelope load when a return is first built
    from app.returns.payload import Payload


@dataclass(frozen=True)
class BoardKey:
    """The board's recipient as set in Settings ("" when not set) and this unit's name."""

    recipient: str
    fingerprint: str
    unit: str


@dataclass(frozen=True)
class Preview:
    period: Period
    payload: Payload  # exactly what would be signed and sent
    text: str  # return_text(payload): the exact bytes, as text
    board: BoardKey


@dataclass(frozen=True)
class Blocked:
    """Learning statements that may identify someone: (statement, reasons) each."""

    period: Period
    problems: tuple[tuple[str, tuple[str, ...]], ...]
    board: BoardKey


def read_board_key(state: WorkerState, session: Session) -> BoardKey:
    book = session.book(state)
    recipient = (book.setting("board_recipient") or "").strip()
    unit = (book.setting("reporting_unit") or "").strip()
    return BoardKey(recipient, recipient_fingerprint(recipient) if recipient else "", unit)


def build_preview(state: WorkerState, session: Session, period: Period) -> Preview | Blocked:
    # Loaded when first used: the return's machinery is not needed to open the window.
    from app.services.returns import build_return, return_text

    board = read_board_key(state, session)
    try:
        payload = build_return(session.book(state), period, need_board_key=False)
    except IdentifyingText as exc:
        return Blocked(period, tuple((s, tuple(r)) for s, r in exc.problems), board)
    return Preview(period, payload, return_text(payload), board)


class ReturnView(QWidget):
    settings_requested = Signal()  # "Open Settings" (to set the board's key)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("return")
        self.session = session
        self.board: BoardKey | None = None
        self.preview: Preview | None = None
        self.blocked: Blocked | None = None
        self.saved_to: Path | None = None
        self._active = False
        self._serial = 0
        self._working = False
        self._own_write = False

        title = QLabel(self.tr("Return to the board"))
        title.setFont(heading_font(self))
        intro = QLabel(self.tr(
            "The board adds up the returns of every unit for its quarterly and annual reports. "
            "A return holds counts only, and the learning statements you marked publishable: "
            "no names, no notes, no references, no dates finer than the period. Preview it to "
            "see every figure that would leave this laptop."))
        intro.setWordWrap(True)

        # The period and the board's key
        self.chooser = PeriodChooser(allow_dates=False)
        self.recipient = QLabel()
        self.recipient.setFont(monospace_font())
        self.recipient.setWordWrap(True)
        self.recipient.setAccessibleName(self.tr("The board's public key"))
        self.fingerprint = QLabel()
        self.fingerprint.setFont(monospace_font(1.1))
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of the board's public key"))
        self.board_note = FieldMessage(self.tr("About the board's key"))
        self.open_settings = QPushButton(self.tr("Open &Settings"))
        self.open_settings.setAccessibleName(self.tr("Open Settings to set the board's key"))
        self.open_settings.clicked.connect(self.settings_requested.emit)
        for label in (self.recipient, self.fingerprint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        board_box = QGroupBox(self.tr("Encrypted to the board"))
        board = QVBoxLayout(board_box)
        board.addWidget(self.recipient)
        board.addWidget(self.fingerprint)
        board.addWidget(self.board_note)
        board.addWidget(self.open_settings, 0, Qt.AlignmentFlag.AlignLeft)

        self.preview_button = QPushButton(self.tr("Pre&view the return"))
        self.preview_button.setAccessibleName(self.tr("Preview the return for this period"))
        self.preview_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save return &file…"))
        self.save_button.setAccessibleName(self.tr("Save the previewed return as a file"))
        period_box = QGroupBox(self.tr("Period"))
        period = QVBoxLayout(period_box)
        period.addWidget(self.chooser)
        period_buttons = QHBoxLayout()
        period_buttons.addWidget(self.preview_button)
        period_buttons.addWidget(self.save_button)
        period_buttons.addStretch(1)
        period.addLayout(period_buttons)

        # What would be sent, or why it cannot be
        self.status = FieldMessage(self.tr("About the preview"))
        self.problems = FittedTable(self.tr("Learning statements that stop the return"),
                                    [self.tr("Statement"), self.tr("Why it cannot be sent")],
                                    sample="")
        self.problems.numeric = False
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.problems_box = QGroupBox(self.tr("Learning statements that may identify someone"))
        problems = QVBoxLayout(self.problems_box)
        problems_note = QLabel(self.tr(
            "The return was not built. Edit each statement in its concern's actions, or untick "
            "\"publishable\" there, then preview again."))
        problems_note.setWordWrap(True)
        problems.addWidget(problems_note)
        problems.addWidget(self.problems)

        self.tree = PayloadTree()
        self.tree.setMinimumHeight(self.fontMetrics().height() * 22)
        self.json = QPlainTextEdit()
        self.json.setReadOnly(True)
        self.json.setFont(monospace_font())
        self.json.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.json.setAccessibleName(self.tr("The exact text the return would send"))
        self.json.setMinimumHeight(self.fontMetrics().height() * 22)
        self.shown = QStackedWidget()
        self.shown.addWidget(self.tree)
        self.shown.addWidget(self.json)
        self.show_json = QCheckBox(self.tr("Show the exact &JSON that is signed and sent"))
        self.show_json.setAccessibleName(self.tr("Show the exact JSON"))
        self.show_json.toggled.connect(self._show_json)
        self._json_pending: str | None = None  # the preview's text, set when first shown
        self.learning = QListWidget()
        self.learning.setWordWrap(True)
        self.learning.setAccessibleName(self.tr("Learning statements in the return"))
        self.learning.setMinimumHeight(self.fontMetrics().height() * 4)
        self.learning.setMaximumHeight(self.fontMetrics().height() * 9)
        self.learning_note = FieldMessage(self.tr("About the learning statements"))
        self.preview_box = QGroupBox(self.tr("What the return would send"))
        preview = QVBoxLayout(self.preview_box)
        preview.addWidget(self.show_json)
        preview.addWidget(self.shown, 1)
        learning_title = QLabel(self.tr("&Learning statements:"))
        learning_title.setBuddy(self.learning)
        preview.addWidget(learning_title)
        preview.addWidget(self.learning_note)
        preview.addWidget(self.learning)

        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(title)
        column.addWidget(intro)
        column.addWidget(period_box)
        column.addWidget(board_box)
        column.addWidget(self.status)
        column.addWidget(self.problems_box)
        column.addWidget(self.preview_box, 10)
        column.addStretch(1)
        self.scroll_area = centred_page(page, _PAGE_WIDTH_CHARACTERS,
                                        self.tr("Return to the board"))

        self.progress = WorkProgress()
        self.message = FieldMessage(self.tr("Return message"))
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.message, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bar)

        self.chooser.changed.connect(self._period_changed)
        self.preview_button.clicked.connect(self.build_preview)
        self.save_button.clicked.connect(self.save_return)
        session.changed.connect(self._casebook_changed)
        order = (self.chooser.kind, self.chooser.year, self.chooser.quarter,
                 self.preview_button, self.save_button, self.open_settings, self.problems,
                 self.show_json, self.tree, self.json, self.learning)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._reset_period()
        self._show()

    # ----- loading -----------------------------------------------------------------------

    def _reset_period(self) -> None:
        today = self.session.today()
        self.chooser.blockSignals(True)
        self.chooser.reset(today, previous_quarter(today))
        self.chooser.blockSignals(False)

    def reload(self) -> None:
        """After unlocking: read the board's key (the preview waits to be asked for)."""
        if not self._active:
            self._reset_period()
        self._active = True
        self._read_board_key()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._active and self.board is None:
            self._read_board_key()

    def _read_board_key(self) -> None:
        session = self.session
        serial = self._serial

        def done(board: Any) -> None:
            if serial == self._serial and isinstance(board, BoardKey):
                self.board = board
                self._show()

        def failed(message: str) -> None:
            if serial == self._serial:
                self.message.show_problem(message)

        session.read(lambda state: read_board_key(state, session), done, failed)

    def _casebook_changed(self, _concern_id: object) -> None:
        if self._own_write:  # our own audit entry for the saved return
            self._own_write = False
            return
        if not self._active:
            return
        self._read_board_key()
        if self.preview is not None or self.blocked is not None:
            self.status.show_note(self.tr(
                "The casebook has changed since this preview: preview again to include the "
                "changes. Saving now sends the preview as shown."))

    def _period_changed(self) -> None:
        """A preview belongs to its period: a new period needs a new preview."""
        self._serial += 1
        self.preview = None
        self.blocked = None
        self.saved_to = None
        self.message.show_note(None)
        self.status.show_note(None)
        self._working = False
        self.progress.stop()
        self._show()

    # ----- previewing --------------------------------------------------------------------

    def build_preview(self) -> None:
        period = self.chooser.period()
        if period is None or self._working or not self._active:
            return
        self._serial += 1
        serial = self._serial
        session = self.session
        self._working = True
        self.message.show_note(None)
        self.status.show_note(None)
        self.progress.start(self.tr("Building the return for %1…").replace(
            "%1", period_text(period)),
                            WorkTicket(), cancellable=False)
        self._show()

        def done(result: Any) -> None:
            if serial != self._serial:
                return
            self._working = False
            self.progress.stop()
            self.saved_to = None
            self.preview = result if isinstance(result, Preview) else None
            self.blocked = result if isinstance(result, Blocked) else None
            if isinstance(result, Preview | Blocked):
                self.board = result.board
            self._show()

        def failed(message: str) -> None:
            if serial != self._serial:
                return
            self._working = False
            self.progress.stop()
            self.preview = self.blocked = None
            self._show()
            self.message.show_problem(message)

        session.read(lambda state: build_preview(state, session, period), done, failed)

    # ----- showing -----------------------------------------------------------------------

    def _show_json(self, on: bool) -> None:
        """The exact JSON in place of the tree; its text is set the first time it is shown
        for a preview (setting a long text lays it out at once)."""
        if on and self._json_pending is not None:
            self.json.setPlainText(self._json_pending)
            self._json_pending = None
        self.shown.setCurrentIndex(1 if on else 0)

    def _show(self) -> None:
        board = self.board
        if board is None:
            self.recipient.clear()
            self.fingerprint.clear()
            self.board_note.show_note(None)
            self.open_settings.setVisible(False)
        elif board.recipient:
            self.recipient.setText(board.recipient)
            self.fingerprint.setText(fingerprint_in_two_lines(board.fingerprint))
            self.fingerprint.setVisible(True)
            self.board_note.show_note(self.tr(
                "Only the board can open a saved return. Check this fingerprint with the "
                "board's whistleblowing lead by phone: every group must match."))
            self.open_settings.setVisible(False)
        else:
            self.recipient.setText(self.tr("No board key is set."))
            self.fingerprint.clear()
            self.fingerprint.setVisible(False)
            self.board_note.show_problem(self.tr(
                "A return is encrypted to the board's public key, so that only the board can "
                "read it. Ask the board's whistleblowing lead for it (it starts with age1) and "
                "enter it in Settings. You can preview the return without it."))
            self.open_settings.setVisible(True)

        preview, blocked = self.preview, self.blocked
        self.problems_box.setVisible(blocked is not None)
        if blocked is not None:
            self.problems.set_rows([[statement, " ".join(reasons)]
                                    for statement, reasons in blocked.problems])
            count = len(blocked.problems)
            self.status.show_problem(
                (self.tr("The return for %1 cannot be built: a learning statement may identify "
                         "someone.") if count == 1 else
                 self.tr("The return for %1 cannot be built: %2 learning statements may "
                         "identify someone.")).replace("%1", period_text(blocked.period))
                .replace("%2", str(count)))
        else:
            self.problems.clear_rows()
        if preview is None:  # emptied before it is hidden: hiding a full tree lays it out
            self.tree.clear_payload()
            self.json.clear()
            self._json_pending = None
        self.preview_box.setVisible(preview is not None)
        if preview is not None:
            self.tree.show_payload(preview.payload)
            self.json.clear()  # a long text lays out on the window's thread: when asked for
            self._json_pending = preview.text
            if self.show_json.isChecked():
                self._show_json(True)
            statements = list(preview.payload.get("learning", []))
            self.learning.clear()
            self.learning.addItems(statements)
            self.learning.setVisible(bool(statements))
            self.learning_note.show_note(
                self.tr("These statements, exactly as written, are in the return.")
                if statements else self.tr("No learning statements are marked publishable and "
                                           "signed off in this period."))
            if self.saved_to is None and not self.status.text():
                self.status.show_note(self.tr(
                    "This is everything the return for %1 would send, built on %2. Nothing has "
                    "been saved yet.").replace("%1", period_text(preview.period))
                    .replace("%2", self._built_at(preview)))
        else:
            self.tree.clear_payload()
            self.json.clear()
            self._json_pending = None
            self.learning.clear()
            self.learning_note.show_note(None)
        can_save = (preview is not None and board is not None and bool(board.recipient)
                    and not self._working)
        self.save_button.setEnabled(can_save)
        self.preview_button.setEnabled(self._active and not self._working
                                       and self.chooser.period() is not None)

    @staticmethod
    def _built_at(preview: Preview) -> str:
        return shown_value("created_at", preview.payload.get("created_at", ""))

    # ----- saving ------------------------------------------------------------------------

    def save_return(self) -> None:
        preview, board = self.preview, self.board
        if preview is None or board is None or not board.recipient or self._working:
            return
        name = safe_file_name(self.tr("Return %1 %2").replace("%1", board.unit or "unit")
                              .replace("%2", preview.period.label)) + ".age"
        chosen = ask_save_file(self, self.tr("Save the return file"), default_folder() / name,
                               self.tr("Encrypted returns (*.age);;All files (*)"))
        if chosen is None:
            return
        remember_folder(chosen)
        path = with_suffix(chosen, ".age")
        payload = preview.payload
        session = self.session
        serial = self._serial
        self._working = True
        self.progress.start(self.tr("Signing and encrypting the return…"), WorkTicket(),
                            cancellable=False)
        self._show()

        def job(state: WorkerState) -> Path:
            from app.services.returns import send_return

            return send_return(session.book(state), payload, path)

        def done(out: Any) -> None:
            self._working = False
            self.progress.stop()
            if serial != self._serial:
                return
            self.saved_to = Path(out)
            self._show()
            self.status.show_note(self.tr(
                "Saved the return for %1 to %2. It is signed with this unit's key and encrypted "
                "to the board's key (fingerprint %3), so only the board can open it. Send this "
                "file to the board.").replace("%1", period_text(preview.period))
                .replace("%2", str(out)).replace("%3", board.fingerprint))

        def failed(message: str) -> None:
            self._own_write = False
            self._working = False
            self.progress.stop()
            if serial == self._serial:
                self._show()
                self.message.show_problem(message)

        self._own_write = True
        session.write(job, done, failed)

    # ----- forgetting --------------------------------------------------------------------

    def forget(self) -> None:
        """On lock: drop the preview, the statements and the board's key."""
        self._serial += 1
        self._active = False
        self._working = False
        self._own_write = False
        self.board = None
        self.preview = None
        self.blocked = None
        self.saved_to = None
        self.progress.stop()
        self.show_json.setChecked(False)
        self.message.show_note(None)
        self.status.show_note(None)
        self._show()

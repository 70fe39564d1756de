"""The calm notice under a form: what the identity check found, and two ways on.

It names what was found in the users' words ("Notes: this mentions C's name and a phone
number.") and never repeats the words themselves. It always takes the same height, found
or not (three lines; Replace and Keep beside the sentence when something was found), so
the fields above it and the buttons below never move under the mouse: when nothing is
found it says so quietly, across the whole width, and while a check runs it says that.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.base.formatting import tr
from app.ui.case.fields import quiet_colour, warning_colour

LINES = 3


def what_found(kind: str) -> str:
    """A finding's kind in the users' words (translatable; never the text found)."""
    return {
        "own_name": tr("C's name"),
        "other_name": tr("a name held in the casebook"),
        "unnamed_name": tr("the name of someone whose concern is unnamed"),
        "own_email": tr("C's email address"),
        "held_email": tr("an email address held in the casebook"),
        "email": tr("an email address"),
        "own_phone": tr("C's phone number"),
        "held_phone": tr("a phone number held in the casebook"),
        "phone": tr("a phone number"),
        "chi": tr("a CHI number"),
        "chi_like": tr("a number that looks like a CHI number"),
        "dob": tr("a date of birth"),
        "own_job_title": tr("C's job title"),
        "own_employer": tr("C's employer"),
        "never_publish": tr("a word on your organisation's never-publish list"),
    }.get(kind, tr("something that could identify someone"))


def listed(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return tr("%1 and %2").replace("%1", ", ".join(parts[:-1])).replace("%2", parts[-1])


def field_sentence(field: str, kinds: tuple[str, ...]) -> str:
    """"Notes: this mentions C's name and a phone number." """
    return tr("%1: this mentions %2.").replace("%1", field).replace(
        "%2", listed([what_found(k) for k in kinds]))


class IdentityNotice(QFrame):
    """Three states: checking, nothing found (quiet), found (with Replace and Keep)."""

    replace_requested = Signal()
    keep_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity-notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Identity check"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setAccessibleName(self.tr("What the identity check found"))
        self.replace_button = QPushButton(self.tr("&Replace with C and [name]"))
        self.replace_button.setAccessibleName(self.tr(
            "Replace what was found: C's name with C, anyone else's with [name]"))
        self.replace_button.setAutoDefault(False)
        self.keep_button = QPushButton(self.tr("&Keep as written…"))
        self.keep_button.setAccessibleName(self.tr("Keep the text as written"))
        self.keep_button.setAutoDefault(False)
        self.replace_button.clicked.connect(self.replace_requested.emit)
        self.keep_button.clicked.connect(self.keep_requested.emit)
        # The sentence on the left, the two buttons beside it when there is something to
        # replace or keep: three lines' height in all, found or not, so a form keeps its
        # room for fields even at 200% on a small screen and nothing around it moves. With
        # no buttons the sentence takes the whole width (it is not squeezed into a column).
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        margins = layout.contentsMargins()
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * LINES + 4)
        self.setFixedHeight(max(self.text.height(), self.replace_button.sizeHint().height())
                            + margins.top() + margins.bottom() + 4)
        self.state = "idle"
        self.show_idle()

    def _tint(self, warn: bool) -> None:
        palette = QPalette(self.palette())
        colour = warning_colour(palette) if warn else quiet_colour(palette)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.text.setPalette(palette)
        font = self.text.font()
        font.setItalic(not warn)
        self.text.setFont(font)

    def _buttons(self, found: bool) -> None:
        self.replace_button.setVisible(found)
        self.keep_button.setVisible(found)

    def show_idle(self) -> None:
        self.state = "idle"
        self._tint(False)
        self.text.setText(self.tr("Text typed here is checked for names, contact details and "
                                  "other identifying details."))
        self._buttons(False)

    def show_checking(self) -> None:
        if self.state == "found":
            return  # keep what was found on screen until the new answer comes
        self.state = "checking"
        self._tint(False)
        self.text.setText(self.tr("Checking for names and contact details…"))
        self._buttons(False)

    def show_clear(self, kept: list[str]) -> None:
        self.state = "clear"
        self._tint(False)
        if kept:
            self.text.setText(self.tr("Kept as written: %1 The audit log records that you "
                                      "kept it (which field and what kind, never the words).")
                              .replace("%1", " ".join(kept)))
        else:
            self.text.setText(self.tr("Checked: no names or contact details found."))
        self._buttons(False)

    def show_found(self, sentences: list[str], can_replace: bool) -> None:
        self.state = "found"
        self._tint(True)
        shown = sentences[:2]
        more = len(sentences) - len(shown)
        tail = "" if not more else " " + (self.tr("1 more field too.") if more == 1 else
                                          self.tr("%1 more fields too.").replace("%1",
                                                                                 str(more)))
        advice = self.tr("Case text calls the person C.")
        self.text.setText("⚠ " + " ".join(shown) + tail + " " + advice)
        self.setAccessibleDescription(self.text.text())
        self._buttons(True)
        self.replace_button.setEnabled(can_replace)
        self.keep_button.setEnabled(True)

    def forget(self) -> None:
        self.text.clear()
        self.setAccessibleDescription("")
        self.show_idle()

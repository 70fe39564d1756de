"""The wrapping button row keeps its heights per width, and forgets them whenever what it
holds changes: a button hidden, shown, relabelled or added."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from app.ui.case.flow_layout import FlowLayout


def test_heights_follow_the_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    row = FlowLayout(holder)
    buttons = [QPushButton(f"Action number {n}") for n in range(4)]
    for button in buttons:
        row.addWidget(button)
    holder.show()
    one_line = buttons[0].sizeHint().height()
    wide = sum(b.sizeHint().width() for b in buttons) + 100
    narrow = buttons[0].sizeHint().width() + 10  # one button a line
    assert row.heightForWidth(wide) == one_line
    four_lines = row.heightForWidth(narrow)
    assert four_lines > 3 * one_line

    buttons[3].hide()
    assert row.heightForWidth(narrow) < four_lines  # three lines now
    buttons[3].show()
    assert row.heightForWidth(narrow) == four_lines

    buttons[0].setText("A much longer label than any of the others on this row")
    assert row.heightForWidth(wide) > one_line  # no longer fits on one line

    extra = QPushButton("One more")
    row.addWidget(extra)
    extra.show()  # a child added to a shown window stays hidden until shown
    assert row.heightForWidth(narrow) > four_lines

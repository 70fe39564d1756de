"""The identity check's word lists on the settings page: typed, checked, saved, audited."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.core.identity import PersonDetails
from app.services import identity_scan
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.gui.test_settings_view import Opened, _view, opened  # noqa: F401
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE


def test_lists_are_added_to_and_removed_from_at_once(qtbot, opened: Opened) -> None:  # noqa: F811
    view = _view(qtbot, opened)
    panel = view.identity_lists
    qtbot.waitUntil(lambda: panel.never.field.isEnabled())
    height = panel.never.sizeHint().height()
    qtbot.keyClicks(panel.never.field, "---")
    assert "letter or digit" in panel.never.message.text()
    assert not panel.never.add_button.isEnabled()
    assert panel.never.sizeHint().height() == height  # the message had its place kept
    panel.never.field.clear()
    qtbot.keyClicks(panel.never.field, "Night Owls")
    qtbot.mouseClick(panel.never.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.never.values() == ("Night Owls",))
    assert panel.never.field.text() == ""
    qtbot.keyClicks(panel.allow.field, "speakup@board.scot")
    qtbot.keyClick(panel.allow.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.allow.values() == ("speakup@board.scot",))
    panel.never.entries.setCurrentRow(0)
    qtbot.mouseClick(panel.never.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.never.values() == ())
    opened.close()
    with Casebook.open(opened.folder, PASSPHRASE) as book:
        assert identity_scan.lists(book).allow == ("speakup@board.scot",)
        audited = [row[0] for row in book.cases.execute(
            "SELECT entity_id || detail FROM audit WHERE event = 'setting.changed'")]
    assert len(audited) == 3 and not any("Owls" in a or "speakup" in a for a in audited)


def test_a_held_persons_number_is_refused_for_the_allow_list(qtbot, folder) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        ConcernService(book).create(replace(NAMED, person=PersonDetails(
            name="Jordan Testperson", phone="07700 900123")))
    holder = Opened(qtbot, folder)
    try:
        view = _view(qtbot, holder)
        panel = view.identity_lists
        qtbot.waitUntil(lambda: panel.allow.field.isEnabled())
        qtbot.keyClicks(panel.allow.field, "07700900123")
        qtbot.mouseClick(panel.allow.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "cannot be allowed" in panel.allow.message.text())
        assert panel.allow.values() == ()
        assert panel.allow.field.text() == "07700900123"  # still there to put right
    finally:
        holder.close()

"""Every workspace screen and form: named controls, distinct mnemonics, dd/mm/yyyy dates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QTabBar,
    QWidget,
)

from app.core.records import ConversationMode, Stage
from tests.gui.test_forms_hold_still import CASEWORK
from tests.gui.workspace_helpers import make_casebook, open_concern, open_window
from tests.store.test_concerns import NAMED

FORMS = ("conversation", "intake", "escalate", "extend", "respond", "close", "handler", "issue",
         "action", "signpost", "detriment", "feedback", "disclosure", "reveal")


def _busy_concern(service) -> int:  # type: ignore[no-untyped-def]
    concern = service.create(replace(NAMED, received_on=date(2026, 11, 2),
                                     consent_on=date(2026, 11, 2)))
    issue = service.add_issue(concern, "Checks skipped")
    service.log_conversation(concern, date(2026, 11, 2), ConversationMode.PHONE, "Notes")
    action = service.add_action(concern, "Two-person check")
    service.set_issue_findings(issue, "Found")
    service.update_action(action, done_on=date(2026, 11, 10))
    return int(concern)


def _controls(root: QWidget) -> list[QWidget]:
    """Widgets a keyboard user can reach (inner parts of spin boxes and combos excluded)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox) or isinstance(widget, QTabBar):
            continue
        if widget is root:
            continue
        found.append(widget)
    return found


def _unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
            for w in _controls(root) if not w.accessibleName().strip()]


def _mnemonics(root: QWidget) -> list[str]:
    letters = []
    for widget in [*root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        match = re.search(r"&([^&\s])", widget.text().replace("&&", ""))
        if match:
            letters.append(match.group(1).lower())
    return [letter for letter, count in Counter(letters).items() if count > 1]


def test_every_control_is_named_and_mnemonics_do_not_clash(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _busy_concern)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        page = workspace.tabs.currentWidget()
        assert _unnamed(page) == [], workspace.tabs.tabText(index)
        assert _mnemonics(workspace) == [], workspace.tabs.tabText(index)
    assert _unnamed(workspace.header) == []

    context = workspace.context
    assert context is not None
    for name in (*FORMS, *CASEWORK):
        dialog = workspace.open_form(name)
        assert dialog is not None, name
        assert _unnamed(dialog) == [], name
        assert _mnemonics(dialog) == [], name
        assert dialog.findChildren(QDateEdit) == [], name  # dates typed as people type them
        forget = getattr(dialog, "forget", None)
        forget() if forget is not None else dialog.reject()
    for name, about in (("findings", context.detail.issues[0].issue_id),
                        ("sign_off", context.detail.actions[0].action_id),
                        ("edit_conversation", context.detail.conversations[0].conversation_id)):
        dialog = workspace.open_form(name, about)
        assert dialog is not None, name
        assert _unnamed(dialog) == [], name
        assert _mnemonics(dialog) == [], name
        dialog.reject()
    new = workspace.new_concern()
    assert _unnamed(new) == [] and _mnemonics(new) == []
    new.reject()
    window.close()


def _tab_out_of(qtbot, dialog, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        if dialog.focusWidget() is not widget:
            return
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_a_form_is_worked_with_the_keyboard_alone(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _busy_concern)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    dialog = workspace.open_form("extend")
    assert dialog.stage is Stage.STAGE1
    dialog.activateWindow()
    dialog.authorised_by.setFocus()
    qtbot.keyClicks(dialog.authorised_by, "Service manager")
    qtbot.keyClick(dialog.authorised_by, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.authorised_on
    _tab_out_of(qtbot, dialog, dialog.authorised_on)  # Tab steps day, month, year, then on
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "Handler off sick")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # Tab leaves a multi-line field
    assert dialog.focusWidget() is dialog.new_due
    qtbot.keyClick(dialog.new_due, Qt.Key.Key_Return)  # Enter in a field saves nothing
    assert dialog.isVisible()
    dialog.activateWindow()  # a shortcut works in the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(dialog.new_due, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    window.close()

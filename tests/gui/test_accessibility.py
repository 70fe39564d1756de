"""Accessible (issue 17, item 7): every control a keyboard reaches is named for screen
readers (the name AT-SPI gives Orca), Tab goes through every form in reading order, the
sections and menus work from the keyboard, and text colours meet WCAG AA contrast on the
backgrounds they are used on, light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.base import theme
from app.ui.base.about_dialog import AboutDialog
from app.ui.base.shortcuts_dialog import ShortcutsDialog
from app.ui.case.case_form import CaseForm
from tests.gui.test_forms_hold_still import CASEWORK, FORMS
from tests.gui.test_workspace_keyboard import _busy_concern, _controls
from tests.gui.workspace_helpers import make_casebook, open_concern, open_window


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(a: str, b: str) -> float:
    first, second = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (first + 0.05) / (second + 0.05)


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_text_colours_meet_wcag_aa(colours: theme.Colours) -> None:
    pairs = [(text, ground, f"{name} on {where}")
             for name, text in (("text", colours.text), ("quiet", colours.quiet),
                                ("error", colours.error), ("warning", colours.warning),
                                ("success", colours.success), ("link", colours.link))
             for where, ground in (("window", colours.window), ("surface", colours.surface),
                                   ("alternate rows", colours.alternate))]
    pairs += [(colours.on_brand, colours.brand, "a blue button"),
              (colours.on_brand, colours.brand_strong, "a blue button, pressed"),
              (colours.sidebar_text, colours.sidebar, "the sidebar"),
              (colours.sidebar_text, colours.sidebar_selected, "the sidebar's selection"),
              (colours.on_brand, colours.brand, "a selected row")]
    pairs += [(fg, bg, f"the {tone} chip") for tone, (bg, fg) in colours.chips.items()]
    low = [f"{what}: {contrast(a, b):.2f}" for a, b, what in pairs if contrast(a, b) < 4.5]
    assert low == []
    # A tick box's or radio button's edge is a graphical object too: 3:1 against where it
    # stands (it is drawn in the quiet colour, ticked or not).
    assert contrast(colours.quiet, colours.surface) >= 3
    assert contrast(colours.quiet, colours.window) >= 3
    # A focus ring is a graphical object: at least 3:1 against what is around it.
    assert contrast(colours.focus, colours.surface) >= 3
    assert contrast(colours.focus, colours.window) >= 3


def test_every_page_and_dialog_names_its_controls(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _busy_concern)
    window = open_window(qtbot, folder)
    shell = window.shell
    for page in shell.PAGES:
        if page == "workspace":
            continue
        shell.show_page(page)
        qtbot.waitUntil(lambda: window.worker.pending == 0)
        assert _unnamed(shell.stack.currentWidget()) == [], page
    assert _unnamed(shell.sidebar) == []
    open_concern(qtbot, window, concern)
    new = shell.workspace.new_concern()
    assert _unnamed(new) == []
    new.forget()
    for dialog in (ShortcutsDialog(window.actions(), window),
                   AboutDialog(window.folder, "casebook", window)):
        dialog.show()
        assert _unnamed(dialog) == [], type(dialog).__name__
        dialog.close()
    window._backup()
    assert window.backup_dialog is not None
    assert _unnamed(window.backup_dialog) == []
    window.backup_dialog.reject()
    window.close()


def _unnamed(root: QWidget) -> list[str]:
    """Controls a keyboard reaches whose name, as the accessibility bridge gives it to a
    screen reader (AT-SPI, for Orca), is empty: its own name, a button's words, or the
    label it is the buddy of."""
    found = []
    for widget in _controls(root):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            found.append(f"{type(widget).__name__} {widget.objectName()}")
    return found


def _tab_path(qtbot, form: CaseForm) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widgets Tab visits from the first field until it comes back round."""
    first = form.focusWidget()
    seen: list[QWidget] = []
    widget = first
    for _ in range(80):
        seen.append(widget)
        QWidget.focusNextChild(form)
        widget = form.focusWidget()
        if widget is first or widget is None:
            break
    return seen


def test_tab_goes_through_every_form_in_reading_order(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _busy_concern)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    for name in (*FORMS, *CASEWORK, "new"):
        form = workspace.new_concern() if name == "new" else workspace.open_form(name)
        if form is None:
            continue
        if not isinstance(form, CaseForm):
            form.done(0)  # its own tab order: tested with it
            continue
        qtbot.waitUntil(form.isVisible)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        body = form.scroller.widget()
        fields = [w for w in _tab_path(qtbot, form) if body.isAncestorOf(w)]
        places = []
        for widget in fields:
            form.scroller.ensureWidgetVisible(widget)
            point = widget.mapTo(body, QPoint(0, 0))
            places.append((point.y(), point.x(), type(widget).__name__))
        if places:  # Tab goes round: start the path at the top of the form
            start = places.index(min(places))
            places = places[start:] + places[:start]
        rows = [y for y, _x, _kind in places]
        backwards = [(a, b) for a, b in zip(places, places[1:], strict=False)
                     if b[0] < a[0] - 4]
        assert backwards == [], (name, places)
        assert rows, name
        form.forget()
    window.close()


def test_the_sections_and_the_menus_work_from_the_keyboard(qtbot, folder: Path) -> None:
    make_casebook(folder, _busy_concern)
    window = open_window(qtbot, folder)
    shell = window.shell
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    shell.nav.setFocus()
    shell.show_page("dashboard")
    qtbot.keyClick(shell.nav, Qt.Key.Key_Down)
    assert shell.current_page == "concerns"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert shell.current_page == "reports"
    titles = [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["File", "Go", "Concern", "Help"]
    window.lock()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["File", "Help"]
    help_entries = [a.text().replace("&", "") for a in window.actions()]
    assert "Keyboard shortcuts" in help_entries and "About Casebook" in help_entries
    assert "Quit" in help_entries
    QApplication.processEvents()
    window.close()

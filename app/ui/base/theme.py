"""Casebook's look: one palette and type scale on Qt's Fusion style, light or dark as the
system is, with an NHS-like blue for the brand.

Everything visual that is not layout lives here: the palette, the style sheet (focus
rings, buttons, the sidebar, status chips, the reserved message areas of forms) and
the colours code needs for itself (red for overdue, amber for due soon). Sizes come
from the font, so the whole look scales with the system's text size and with
QT_SCALE_FACTOR. Text colours meet WCAG AA (4.5:1) on the backgrounds they are used on
(tests/gui/test_look.py checks the pairs).

A widget asks for a look by name, never by colour: `set_role(label, "page-title")`,
`set_chip(label, "overdue")`, `set_primary(button)`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget


@dataclass(frozen=True)
class Colours:
    window: str  # the page behind everything
    surface: str  # fields, lists, cards
    alternate: str  # every other row
    text: str
    quiet: str  # hints and secondary text, still AA on window and surface
    border: str
    brand: str  # buttons that carry the main action, the selection
    brand_strong: str  # hover and pressed, the sidebar
    on_brand: str
    focus: str  # the focus ring
    error: str  # text: a problem, overdue
    warning: str  # text: due soon
    success: str  # text: done in time
    link: str
    sidebar: str
    sidebar_text: str
    sidebar_selected: str
    chips: dict[str, tuple[str, str]]  # tone -> (background, text)


LIGHT = Colours(
    window="#f0f4f5", surface="#ffffff", alternate="#f7f9fa", text="#212b32", quiet="#4c6272",
    border="#aeb7bd", brand="#005eb8", brand_strong="#003087", on_brand="#ffffff",
    focus="#003087", error="#b3261e", warning="#7a4a00", success="#00703c", link="#005eb8",
    sidebar="#003087", sidebar_text="#ffffff", sidebar_selected="#005eb8",
    chips={"stage": ("#dbe8f6", "#003087"), "overdue": ("#b3261e", "#ffffff"),
           "today": ("#ffeb3b", "#212b32"), "soon": ("#fff2b3", "#5c3b00"),
           "ok": ("#d9efe2", "#00592f"), "closed": ("#e0e5e8", "#33414a"),
           "waiting": ("#f3e3f3", "#5f1a5f")})

DARK = Colours(
    window="#181c20", surface="#22272c", alternate="#272d33", text="#e8edee", quiet="#b3bfc7",
    border="#5d6b75", brand="#1d63b0", brand_strong="#174f8c", on_brand="#ffffff",
    focus="#ffeb3b", error="#ff8a80", warning="#ffd180", success="#7fd6a4", link="#8cc4ff",
    sidebar="#0d1b33", sidebar_text="#e8edee", sidebar_selected="#1f5fa8",
    chips={"stage": ("#1d3b61", "#dbe8f6"), "overdue": ("#8c1d18", "#ffffff"),
           "today": ("#ffeb3b", "#212b32"), "soon": ("#5c4400", "#fff2b3"),
           "ok": ("#124a2d", "#d9efe2"), "closed": ("#3a444c", "#e0e5e8"),
           "waiting": ("#4a2350", "#f3e3f3")})

_current: Colours = LIGHT


def colours() -> Colours:
    """The colours in use now (light or dark)."""
    return _current


def system_is_dark(app: QGuiApplication) -> bool:
    """The system's colour scheme; where it does not say, the platform palette's window."""
    wanted = os.environ.get("CASEBOOK_THEME", "").lower()
    if wanted in ("dark", "light"):
        return wanted == "dark"
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    style = QStyleFactory.create("Fusion")
    return style is not None and style.standardPalette().color(
        QPalette.ColorRole.Window).lightness() < 128


def icon_dir() -> str:
    from app.paths import resources_dir

    return (resources_dir() / "icons").as_posix()


def palette_for(c: Colours) -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, value in ((role.Window, c.window), (role.WindowText, c.text),
                        (role.Base, c.surface), (role.AlternateBase, c.alternate),
                        (role.Text, c.text), (role.Button, c.surface),
                        (role.ButtonText, c.text), (role.Highlight, c.brand),
                        (role.HighlightedText, c.on_brand), (role.ToolTipBase, c.surface),
                        (role.ToolTipText, c.text), (role.PlaceholderText, c.quiet),
                        (role.Link, c.link), (role.LinkVisited, c.link),
                        (role.BrightText, c.error), (role.Mid, c.border),
                        (role.Dark, c.border), (role.Light, c.surface),
                        (role.Midlight, c.alternate), (role.Shadow, "#000000")):
        palette.setColor(name, QColor(value))
    disabled = QColor(c.quiet)
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, disabled)
    palette.setColor(group.Disabled, role.Base, QColor(c.alternate))
    palette.setColor(group.Disabled, role.Button, QColor(c.alternate))
    return palette


def style_sheet(c: Colours, point_size: float) -> str:
    """The one style sheet. Sizes in points from the application font, so it scales.

    A column sorted newest first (descending) shows an arrow pointing down, as in a file
    manager or a spreadsheet; Fusion's own arrow points up for it."""
    icons = icon_dir()
    arrow = "-dark" if c is DARK else ""
    big, title, small = point_size * 1.25, point_size * 1.6, point_size * 0.95
    chips = "\n".join(
        f'QLabel[chip="{tone}"] {{ background: {bg}; color: {fg}; }}'
        for tone, (bg, fg) in c.chips.items())
    return f"""
QWidget {{ color: {c.text}; }}
QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.border};
            padding: 4px; }}
QLabel[role="page-title"] {{ font-size: {title:.1f}pt; font-weight: 600; color: {c.text}; }}
QLabel[role="section"] {{ font-size: {big:.1f}pt; font-weight: 600; }}
QLabel[role="quiet"] {{ color: {c.quiet}; }}
QLabel[role="problem"] {{ color: {c.error}; }}
QLabel[role="note-ok"] {{ color: {c.success}; }}
QLabel[role="form-messages"] {{ color: {c.error}; }}
QLabel[chip] {{ border-radius: 9px; padding: 1px 9px; font-weight: 600;
                font-size: {small:.1f}pt; }}
{chips}
QGroupBox {{ border: 1px solid {c.border}; border-radius: 6px; margin-top: 1.4em;
             padding: 0.6em 0.5em 0.4em 0.5em; background: {c.surface}; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; left: 6px;
                    padding: 0 4px; font-weight: 600; color: {c.text}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox {{
    border: 1px solid {c.border}; border-radius: 4px; padding: 3px 5px;
    background: {c.surface}; selection-background-color: {c.brand};
    selection-color: {c.on_brand}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus {{ border: 2px solid {c.focus}; padding: 2px 4px; }}
QComboBox {{ padding-right: 1.8em; }}
QComboBox:focus {{ padding-right: 1.75em; }}
QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding;
    subcontrol-position: center right; width: 1.6em; border: none;
    border-left: 1px solid {c.border}; }}
QComboBox::down-arrow, QDateEdit::down-arrow, QAbstractSpinBox::down-arrow {{
    image: url({icons}/chevron-down{arrow}.svg); width: 10px; height: 10px; }}
QAbstractSpinBox::up-arrow {{ image: url({icons}/chevron-up{arrow}.svg); width: 10px;
    height: 10px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border;
    width: 1.4em; border: none; border-left: 1px solid {c.border}; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QComboBox QAbstractItemView {{ border: 1px solid {c.border}; background: {c.surface};
    selection-background-color: {c.brand}; selection-color: {c.on_brand}; }}
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{
    background: {c.alternate}; color: {c.quiet}; }}
QLineEdit[problem="true"], QPlainTextEdit[problem="true"], QAbstractSpinBox[problem="true"],
QComboBox[problem="true"] {{ border: 1px solid {c.error}; }}
QLineEdit[problem="true"]:focus, QPlainTextEdit[problem="true"]:focus,
QAbstractSpinBox[problem="true"]:focus, QComboBox[problem="true"]:focus {{
    border: 2px solid {c.error}; }}
QPushButton {{ border: 1px solid {c.border}; border-radius: 4px; padding: 5px 14px;
               background: {c.surface}; color: {c.text}; min-height: 1.3em; }}
QPushButton:hover {{ border-color: {c.brand}; }}
QPushButton:pressed {{ background: {c.alternate}; }}
QPushButton:focus {{ border: 2px solid {c.focus}; padding: 4px 13px; }}
QPushButton:disabled {{ color: {c.quiet}; background: {c.alternate}; }}
QPushButton[primary="true"] {{ background: {c.brand}; color: {c.on_brand};
                               border: 1px solid {c.brand_strong}; font-weight: 600; }}
QPushButton[primary="true"]:hover {{ background: {c.brand_strong}; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {c.focus}; padding: 4px 13px; }}
QPushButton[primary="true"]:disabled {{ background: {c.alternate}; color: {c.quiet};
                                        border: 1px solid {c.border}; }}
QCheckBox:focus, QRadioButton:focus {{ color: {c.text}; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 14px; height: 14px;
    border: 1px solid {c.quiet}; background: {c.surface}; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator {{ border-radius: 8px; }}
QCheckBox::indicator:checked {{ background: {c.brand}; image: url({icons}/check.svg); }}
QRadioButton::indicator:checked {{ background: {c.brand};
    image: url({icons}/radio-dot.svg); }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
    background: {c.alternate}; border-color: {c.border}; }}
QCheckBox::indicator:checked:disabled, QRadioButton::indicator:checked:disabled {{
    background: {c.border}; border-color: {c.border}; }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border: 2px solid {c.focus}; }}
QTableView, QTreeView, QListView {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 4px; alternate-background-color: {c.alternate};
    selection-background-color: {c.brand}; selection-color: {c.on_brand}; }}
QTableView:focus, QTreeView:focus, QListView:focus {{ border: 2px solid {c.focus}; }}
QHeaderView::section {{ background: {c.alternate}; color: {c.text}; padding: 4px 16px 4px 6px;
    border: none; border-right: 1px solid {c.border}; border-bottom: 1px solid {c.border};
    font-weight: 600; }}
QHeaderView::up-arrow, QHeaderView::down-arrow {{ subcontrol-origin: padding;
    subcontrol-position: center right; width: 10px; height: 10px; }}
QHeaderView::up-arrow {{ image: url({icons}/arrow-up{arrow}.svg); }}
QHeaderView::down-arrow {{ image: url({icons}/arrow-down{arrow}.svg); }}
QTabWidget::pane {{ border: 1px solid {c.border}; border-radius: 4px; top: -1px;
                    background: {c.surface}; }}
QTabBar::tab {{ padding: 6px 12px; border: 1px solid transparent; margin-right: 2px;
                color: {c.quiet}; }}
QTabBar::tab:selected {{ color: {c.text}; border: 1px solid {c.border};
    border-bottom: 3px solid {c.brand}; background: {c.surface}; }}
QTabBar::tab:focus {{ border: 2px solid {c.focus}; }}
QListWidget#sidebar {{ background: {c.sidebar}; color: {c.sidebar_text}; border: none;
                       border-radius: 0; padding: 4px 6px; outline: none; }}
QListWidget#sidebar::item {{ padding: 0 8px; border-radius: 6px;
                             color: {c.sidebar_text}; }}
QListWidget#sidebar::item:hover {{ background: {c.brand_strong}; }}
QListWidget#sidebar::item:selected {{ background: {c.sidebar_selected};
                                      color: {c.sidebar_text}; }}
QListWidget#sidebar::item:disabled {{ color: #8fa3c0; }}
QListWidget#sidebar:focus {{ border: 2px solid {c.focus}; }}
QWidget#sidebar-panel {{ background: {c.sidebar}; }}
QLabel#sidebar-brand {{ color: {c.sidebar_text}; font-size: {big:.1f}pt; font-weight: 700;
                        padding: 10px 12px 4px 12px; }}
QLabel#sidebar-where {{ color: #c8d6ea; padding: 0 12px 8px 12px; font-size: {small:.1f}pt; }}
QStatusBar {{ color: {c.quiet}; }}
QFrame#form-footer {{ border-top: 1px solid {c.border}; }}
QFrame#card {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px; }}
"""


def apply(app: QApplication | None = None) -> None:
    """Fusion, the palette and the style sheet on the application; again when the system's
    colour scheme changes. Calling it twice changes nothing."""
    global _current
    target = app or QApplication.instance()
    if not isinstance(target, QApplication):
        return
    keep_the_window_answering()
    dark = system_is_dark(target)
    wanted = DARK if dark else LIGHT
    if target.property("casebook-theme") == ("dark" if dark else "light"):
        _current = wanted
        return
    _current = wanted
    target.setStyle("Fusion")
    target.setPalette(palette_for(wanted))
    target.setStyleSheet(style_sheet(wanted, target.font().pointSizeF()))
    target.setProperty("casebook-theme", "dark" if dark else "light")
    if not target.property("casebook-theme-watch"):
        target.setProperty("casebook-theme-watch", True)
        target.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow(target))


def keep_the_window_answering() -> None:
    """The window's thread waits at most about a millisecond for the interpreter lock
    when the worker thread is busy in Python (a report's figures, a search index being
    written), instead of Python's default of five: every event the window handles in
    Python needs the lock."""
    import sys

    if sys.getswitchinterval() > 0.001:
        sys.setswitchinterval(0.001)


def _follow(app: QApplication) -> None:
    app.setProperty("casebook-theme", None)
    apply(app)


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """A named look from the style sheet: page-title, section, quiet, problem, note-ok."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        _repolish(widget)


def set_chip(widget: QWidget, tone: str | None) -> None:
    """A status chip (stage, overdue, today, soon, ok, closed, waiting), or none."""
    if widget.property("chip") != tone:
        widget.setProperty("chip", tone)
        _repolish(widget)


def set_primary(button: QWidget) -> None:
    """The button carrying the screen's main action (blue)."""
    button.setProperty("primary", True)
    _repolish(button)


def set_problem(widget: QWidget, problem: bool) -> None:
    """A field whose value has a problem: a red border of the same width (nothing moves)."""
    if bool(widget.property("problem")) != problem:
        widget.setProperty("problem", problem)
        _repolish(widget)


def title_font(widget: QWidget, scale: float = 1.6) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def colour(name: str) -> QColor:
    return QColor(getattr(_current, name))


def chip_colours(tone: str) -> tuple[QColor, QColor]:
    bg, fg = _current.chips[tone]
    return QColor(bg), QColor(fg)

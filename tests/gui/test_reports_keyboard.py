"""Keyboard use and accessible names on the reports, return, letter, summary and import screens."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.ui.documents.letter_dialog import LetterDialog
from app.ui.documents.summary_dialog import SummaryDialog
from app.ui.importing.import_dialog import ImportDialog
from app.ui.reports.kpi_report_view import KpiReportView
from app.ui.reports.return_view import ReturnView
from tests.gui.test_reports_support import Q1, create_casebook, designed, opened_casebook

CONTROLS = (QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit)


def _unnamed(root: QWidget) -> list[str]:
    """Controls a screen reader would announce with no name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts of a date edit, a combo box or a scroll area
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()} "
                           f"in {type(widget.parent()).__name__}")
    return missing


def _clashing_mnemonics(root: QWidget) -> list[str]:
    """Alt+letter keys claimed by more than one visible control (or the window's menu)."""
    seen: dict[str, list[str]] = {"c": ["the Casebook menu"]}
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if not (isinstance(widget, QAbstractButton) or labelled):
            continue
        text = widget.text()
        match = re.search(r"(?<!&)&([^&])", text)
        if match:
            seen.setdefault(match[1].lower(), []).append(text)
    return [f"{key}: {texts}" for key, texts in seen.items() if len(texts) > 1]


def _tab_through(qtbot, window: QWidget, first: QWidget, count: int) -> list[QWidget]:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    visited = [first]
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def test_the_pages_and_dialogs_name_every_control_and_tab_in_order(
        qtbot, folder: Path) -> None:
    ids = create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        report = KpiReportView(opened.session)
        qtbot.addWidget(report)
        report.show()
        report.reload()
        report.chooser.select(Q1)
        qtbot.waitUntil(lambda: report.loaded is not None and report.loaded.period == Q1)
        assert _unnamed(report) == [] and _clashing_mnemonics(report) == []
        visited = _tab_through(qtbot, report, report.chooser.kind, 5)
        assert visited == [report.chooser.kind, report.chooser.year, report.chooser.quarter,
                           report.publication, report.save_pdf_button, report.save_csv_button]
        # Alt+U ticks "For publication" (its mnemonic).
        qtbot.keyClick(report, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(report.publication.isChecked)  # a mnemonic clicks after a moment

        returns = ReturnView(opened.session)
        qtbot.addWidget(returns)
        returns.show()
        returns.reload()
        qtbot.waitUntil(lambda: returns.board is not None)
        assert _unnamed(returns) == [] and _clashing_mnemonics(returns) == []
        visited = _tab_through(qtbot, returns, returns.chooser.kind, 4)
        assert visited == [returns.chooser.kind, returns.chooser.year, returns.chooser.quarter,
                           returns.preview_button, returns.open_settings]

        letter = LetterDialog(opened.session, ids["A"])
        qtbot.addWidget(letter)
        letter.open()
        qtbot.waitUntil(lambda: letter.choices is not None)
        assert _unnamed(letter) == [] and _clashing_mnemonics(letter) == []
        # The letter's own fields are laid out once its kind is chosen: wait for them.
        qtbot.waitUntil(lambda: bool(letter.field_boxes) and all(
            box.isVisible() for box in letter.field_boxes.values()))
        boxes = list(letter.field_boxes.values())
        assert _tab_through(qtbot, letter, letter.kind, 5) == [
            letter.kind, *boxes, letter.write_button, letter.text]
        # (Tab steps through the day, month and year of a date, then on.)
        visited = _tab_through(qtbot, letter, letter.reason, 5)
        assert visited == [letter.reason, letter.options.protect, letter.options.password,
                           letter.options.confirm, letter.options.path_field,
                           letter.options.choose_button]

        summary = SummaryDialog(opened.session, ids["A"])
        qtbot.addWidget(summary)
        summary.open()
        qtbot.waitUntil(lambda: summary.target is not None)
        assert _unnamed(summary) == [] and _clashing_mnemonics(summary) == []

        importing = ImportDialog(opened.session)
        qtbot.addWidget(importing)
        importing.open()
        assert _unnamed(importing) == [] and _clashing_mnemonics(importing) == []
        visited = _tab_through(qtbot, importing, importing.choose_button, 3)
        assert visited == [importing.choose_button, importing.pseudonymise,
                           importing.save_csv_template, importing.save_xlsx_template]
        opened.idle()

"""The Import dialog on a real casebook: check, every problem listed, import, cancel, drop."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from app.importing.templates import template_path
from app.ui.importing import import_dialog
from app.ui.importing.import_dialog import ImportDialog
from tests.gui.test_reports_support import Opened, create_casebook, opened_casebook
from tests.importing.import_sheet_helpers import counts, generated_rows, named_row, write_csv


def _dialog(qtbot, opened: Opened) -> ImportDialog:
    dialog = ImportDialog(opened.session)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _finished(dialog: ImportDialog) -> bool:
    return not dialog.busy


def _check(qtbot, dialog: ImportDialog) -> None:
    assert dialog.check_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and _finished(dialog))


def test_a_check_lists_every_problem_and_import_stays_off(
        qtbot, folder: Path, tmp_path: Path) -> None:
    create_casebook(folder)
    sheet = write_csv(tmp_path / "log.csv", [
        named_row("WB-1", "31/02/2025"),
        named_row("WB-2", "2025-05-01", service_type="council", raiser_email="not-an-email"),
        named_row("WB-1", "2025-05-02")])
    with opened_casebook(qtbot, folder) as opened:
        before = opened.ask(counts)
        dialog = _dialog(qtbot, opened)
        assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
        dialog.set_file(sheet)
        _check(qtbot, dialog)
        report = dialog.report
        assert report is not None and report.dry_run and not report.ok
        table = dialog.problems
        assert table.rowCount() == len(report.problems) == 4
        shown = [[table.cell_text(r, c) for c in range(5)] for r in range(table.rowCount())]
        assert shown[0][:4] == ["2", "received_date", "31/02/2025", "is not a date"]
        assert "DD/MM/YYYY" in shown[0][4]
        assert shown[1][:3] == ["3", "raiser_email", "(not shown)"]  # identity never repeated
        assert shown[2][:3] == ["3", "service_type", "council"]
        assert "nhs, local_authority or both" in shown[2][4]
        assert "4 problems" in dialog.summary.text() and dialog.summary.is_problem
        assert dialog.problems_box.isVisible()
        assert not dialog.import_button.isEnabled()

        table.clearSelection()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        copied = QGuiApplication.clipboard().text().splitlines()
        assert copied[0] == "Row\tColumn\tValue\tProblem\tExpected"
        assert copied[1].startswith("2\treceived_date\t31/02/2025\tis not a date\t")
        assert len(copied) == 5
        assert opened.ask(counts) == before  # a check writes nothing


def test_a_clean_sheet_imports_after_its_check(qtbot, folder: Path, tmp_path: Path) -> None:
    create_casebook(folder)
    sheet = write_csv(tmp_path / "clean.csv", [
        named_row("WB-10", "2025-05-01"),
        named_row("WB-11", "2025-05-03", anonymity="anonymous", raiser_name="")])
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened)
        dialog.set_file(sheet)
        _check(qtbot, dialog)
        assert dialog.report is not None and dialog.report.ok
        assert "Would import 2 concerns" in dialog.summary.text()
        assert opened.ask(lambda book: book.cases.execute(
            "SELECT count(*) FROM concerns").fetchone()[0]) == 0
        assert dialog.import_button.isEnabled() and not dialog.problems_box.isVisible()

        changed: list[object] = []
        opened.session.changed.connect(changed.append)
        with qtbot.waitSignal(dialog.imported) as imported:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert imported.args == [2]
        qtbot.waitUntil(lambda: changed == [None])
        assert "Imported 2 concerns" in dialog.summary.text()
        assert not dialog.import_button.isEnabled()
        references = opened.ask(lambda book: [r for (r,) in book.cases.execute(
            "SELECT reference FROM concerns ORDER BY reference")])
        assert references == ["WB-10", "WB-11"]

        _check(qtbot, dialog)  # the same file again: nothing new
        assert "Nothing new to import" in dialog.summary.text()
        assert not dialog.import_button.isEnabled()


def test_cancelling_an_import_leaves_nothing_written(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_casebook(folder)
    sheet = write_csv(tmp_path / "big.csv", generated_rows(80))
    reached, release = threading.Event(), threading.Event()
    real = import_dialog.import_spreadsheet

    def held(book: Any, path: Path, **options: Any) -> Any:
        """The real import, held (on the worker) at its first step of writing."""
        on_progress = options["on_progress"]

        def progress(done: int, total: int) -> None:
            on_progress(done, total)
            if not options["dry_run"] and done > total // 2 and not reached.is_set():
                reached.set()
                release.wait(10)

        return real(book, path, **{**options, "on_progress": progress})

    monkeypatch.setattr(import_dialog, "import_spreadsheet", held)
    with opened_casebook(qtbot, folder) as opened:
        before = opened.ask(counts)
        dialog = _dialog(qtbot, opened)
        dialog.set_file(sheet)
        _check(qtbot, dialog)
        assert dialog.import_button.isEnabled(), dialog.summary.text()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(reached.is_set)
        assert dialog.busy and dialog.progress.cancel_button.isVisible()
        assert not dialog.check_button.isEnabled() and not dialog.choose_button.isEnabled()
        qtbot.mouseClick(dialog.progress.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
        qtbot.waitUntil(lambda: _finished(dialog))
        assert "cancelled: nothing was imported" in dialog.summary.text()
        assert dialog.report is None and not dialog.import_button.isEnabled()
        assert opened.ask(counts) == before


def test_a_file_dropped_on_the_dialog_and_the_templates(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_casebook(folder)
    sheet = write_csv(tmp_path / "dropped.csv", [named_row("WB-20", "2025-05-01")])
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened)

        def drop(path: Path) -> QDropEvent:
            data = QMimeData()
            data.setUrls([QUrl.fromLocalFile(str(path))])
            event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
            dialog.dropEvent(event)
            return event

        assert not drop(tmp_path / "notes.txt").isAccepted()
        assert dialog.path is None
        assert drop(sheet).isAccepted()
        assert dialog.path == sheet and dialog.file_field.text() == str(sheet)
        _check(qtbot, dialog)
        assert dialog.import_button.isEnabled()

        monkeypatch.setattr(import_dialog, "ask_save_file", lambda *args: tmp_path / "template")
        qtbot.mouseClick(dialog.save_xlsx_template, Qt.MouseButton.LeftButton)
        saved = tmp_path / "template.xlsx"
        qtbot.waitUntil(lambda: str(saved) in dialog.summary.text())
        assert saved.read_bytes() == template_path("xlsx").read_bytes()
        opened.idle()


def test_names_in_case_text_are_problems_or_replaced_when_asked(
        qtbot, folder: Path, tmp_path: Path) -> None:
    create_casebook(folder)
    sheet = write_csv(tmp_path / "names.csv", [
        named_row("WB-20", "2025-05-01", raiser_name="Siobhan Kerr-Lindsay",
                  summary="Siobhan says the hoist is broken.")])
    with opened_casebook(qtbot, folder) as opened:
        dialog = _dialog(qtbot, opened)
        dialog.set_file(sheet)
        _check(qtbot, dialog)
        table = dialog.problems
        shown = [table.cell_text(0, c) for c in range(5)]
        assert shown == ["2", "summary", "(not shown)", "mentions a held name",
                         "refer to the person as C"]
        assert not dialog.import_button.isEnabled()
        qtbot.mouseClick(dialog.pseudonymise, Qt.MouseButton.LeftButton)
        assert dialog.report is None  # checked the other way: check again
        _check(qtbot, dialog)
        assert dialog.report is not None and dialog.report.ok
        assert [table.cell_text(0, c) for c in range(4)] == [
            "2", "summary", "(not shown)", "Replaced: a held name replaced by C."]
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report.dry_run
                        and _finished(dialog))
        stored = opened.ask(lambda book: book.cases.execute(
            "SELECT summary FROM concerns").fetchone()[0])
        assert stored == "C says the hoist is broken."

"""The Reports page on a real casebook: the figures on screen, the PDF and CSV, publication."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core.kpi import derived
from app.core.periods import financial_year
from app.store.report_figures import kpi_figures
from app.ui.reports import kpi_report_view
from app.ui.reports.kpi_report_view import KpiReportView
from app.ui.reports.kpi_tables import SERVICES
from tests.documents.document_helpers import pdf_text
from tests.gui.test_reports_support import Q1, Opened, create_casebook, designed, opened_casebook
from tests.support import TODAY


def _view(qtbot, opened: Opened) -> KpiReportView:
    view = KpiReportView(opened.session)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    view.reload()
    return view


def _choose(qtbot, view: KpiReportView, period) -> None:
    view.chooser.select(period)
    qtbot.waitUntil(lambda: view.loaded is not None and view.loaded.period == period)


def _rows(view: KpiReportView, key: str) -> list[list[str]]:
    table = view.kpis.tables[key]
    return [[table.cell_text(r, c) for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(kpi_report_view, "ask_save_file", lambda *args: path)


def test_the_page_shows_the_kpi_figures_and_saves_them_as_pdf_and_csv(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        # This quarter by default (TODAY is 22/11/2026).
        qtbot.waitUntil(lambda: view.loaded is not None)
        assert view.loaded is not None and view.loaded.period.label == "2026-27-Q3"
        assert view.chooser.span.text() == "01/10/2026 to 31/12/2026"

        _choose(qtbot, view, Q1)
        figures = opened.ask(lambda book: kpi_figures(book, Q1))
        assert view.loaded.content.figures == figures
        # Every count on screen is the casebook's figure, for every service.
        for column, (block, _) in enumerate(SERVICES, start=1):
            shown = figures if block == "all" else figures["by_service"][block]
            ratios = derived(figures) if block == "all" else derived(figures)["by_service"][block]
            received = _rows(view, "received")
            assert received[0][column] == str(shown["received"]["stage1"])
            assert received[1][column] == str(shown["received"]["stage2"])
            assert _rows(view, "outside")[0][column] == str(shown["received"]["anonymous"])
            assert _rows(view, "outside")[1][column] == str(shown["received"]["unnamed"])
            closed = shown["closed"]["stage1"]
            percent = ratios["closed_percent"]["stage1"]
            assert _rows(view, "closed")[0][column] == (
                f"{closed} ({percent:.1f}%)" if percent is not None else f"{closed} (\u2013)")
            assert _rows(view, "extended")[1][column].startswith(
                str(shown["extended"]["stage2"]))
        assert _rows(view, "received")[0][1:] == ["5", "3", "1", "1"]  # worked out by hand
        assert _rows(view, "working_days")[0][1] == "5.3"  # (4 + 8 + 4) / 3
        assert _rows(view, "outcomes")[0][1] == "1 (33.3%)"
        assert view.kpis.learning.item(0).text() == "Night checks now need two nurses."

        # The PDF holds the very rows on screen.
        _save_to(monkeypatch, tmp_path / "kpi")
        qtbot.mouseClick(view.save_pdf_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Saved the report" in view.message.text())
        saved = tmp_path / "kpi.pdf"
        assert str(saved) in view.message.text() and "not for publication" in view.message.text()
        text = pdf_text(saved.read_bytes())
        assert "Internal: not for publication" in text
        for key in ("received", "outside", "closed", "outcomes", "working_days", "timescale",
                    "extended", "other"):
            for row in _rows(view, key):
                assert " ".join(row) in text, row

        _save_to(monkeypatch, tmp_path / "kpi.csv")
        qtbot.mouseClick(view.save_csv_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "kpi.csv" in view.message.text())
        rows = list(csv.reader(io.StringIO((tmp_path / "kpi.csv").read_text("utf-8"))))
        assert ["kpi4_received", "received", "stage1", "all", "", "5", "2025-26-Q1"] in rows
        assert ["kpi4_received", "received", "stage2", "nhs", "", "1", "2025-26-Q1"] in rows

        exports = [(entity, detail) for event, entity, detail in opened.audit()
                   if event == "export.report"]
        assert exports == [
            ("2025-26-Q1", {"pdf": True, "csv": False, "json": False, "publication": False}),
            ("2025-26-Q1", {"pdf": False, "csv": True, "json": False, "publication": False})]


def test_for_publication_hides_small_numbers_on_screen_and_in_the_pdf(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        _choose(qtbot, view, Q1)
        assert "exact figures" in view.publication_note.text()
        qtbot.keyClick(view.publication, Qt.Key.Key_Space)
        assert view.publication.isChecked()
        assert not view.save_pdf_button.isEnabled()  # until the figures are checked
        qtbot.waitUntil(lambda: "Numbers from 1 to 4 are hidden" in
                        view.publication_note.text(), timeout=20_000)
        # The audit's finding, before anything is saved.
        assert "Checked: " in view.publication_note.text()
        assert "a hidden small number is 0 to 5" in view.publication_note.text()
        received = _rows(view, "received")
        assert received[1][1] == "*"  # 2 received at stage 2: fewer than 5
        # Stage 1 (5) and the total (7) are never both shown: stage 2 = total - stage 1.
        assert "*" in (received[0][1], received[2][1])
        assert "2" not in received[1]
        assert view.kpis.hidden_notes[0].text() == "* hidden to protect confidentiality."

        _save_to(monkeypatch, tmp_path / "public.pdf")
        qtbot.mouseClick(view.save_pdf_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Saved the report" in view.message.text())
        text = pdf_text((tmp_path / "public.pdf").read_bytes())
        assert "For publication" in text
        assert " ".join(received[1]) in text
        assert "Received at stage 2 2" not in text
        for row in _rows(view, "received"):
            assert " ".join(row) in text
        events = opened.audit()
        assert events[-2][0] == "export.report" and events[-2][2]["publication"] is True
        # Kept in the publication register, so the next publication is checked against it.
        assert events[-1][0] == "publication.registered"
        assert events[-1][2]["periods"] == ["2025-26-Q1"]


def test_dates_the_wrong_way_round_and_forgetting_on_lock(qtbot, folder: Path) -> None:
    create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        _choose(qtbot, view, financial_year(2025))
        assert view.save_pdf_button.isEnabled()
        chooser = view.chooser
        chooser.kind.setCurrentIndex(chooser.kind.findData("dates"))
        qtbot.waitUntil(lambda: view.loaded is not None
                        and view.loaded.period.label == "2025-04-01 to 2026-03-31")
        chooser.end.setDate(chooser.start.date().addDays(-1))
        assert "before the first day" in chooser.problem.text()
        assert view.loaded is None and not view.save_pdf_button.isEnabled()
        assert view.kpis.tables["received"].rowCount() == 0
        chooser.end.setDate(chooser.start.date().addDays(29))
        qtbot.waitUntil(lambda: view.loaded is not None)
        assert view.loaded.period.label == "2025-04-01 to 2025-04-30"
        assert _rows(view, "received")[0][1] == "2"  # A and B

        view.forget()
        assert view.loaded is None and view.heading.text() == ""
        assert all(table.rowCount() == 0 for table in view.kpis.tables.values())
        assert view.kpis.learning.count() == 0 and not view.save_pdf_button.isEnabled()
        opened.idle()


def test_making_the_pdf_can_be_cancelled_and_saves_nothing(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_casebook(folder, designed)
    reached, release = threading.Event(), threading.Event()
    from app.documents import kpi_report

    real = kpi_report.render_kpi_report

    def held(content: Any, **options: Any) -> bytes:
        on_progress = options["on_progress"]

        def progress(done: int, total: int) -> None:
            if not reached.is_set():
                reached.set()
                release.wait(10)
            on_progress(done, total)

        return real(content, **{**options, "on_progress": progress})

    # The view imports the renderer when it first makes a PDF: patch it at its source.
    monkeypatch.setattr(kpi_report, "render_kpi_report", held)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        _choose(qtbot, view, Q1)
        _save_to(monkeypatch, tmp_path / "never.pdf")
        qtbot.mouseClick(view.save_pdf_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(reached.is_set)
        assert view.progress.isVisible() and not view.save_pdf_button.isEnabled()
        qtbot.mouseClick(view.progress.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
        qtbot.waitUntil(lambda: not view.progress.busy)
        assert view.message.text() == "Cancelled; nothing was saved."
        assert not (tmp_path / "never.pdf").exists()
        assert not any(event == "export.report" for event, _, _ in opened.audit())
        assert view.save_pdf_button.isEnabled()


def test_a_demo_casebook_shows_and_saves_the_same_figures(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.demo import add_demo_concerns

    create_casebook(folder, lambda book: add_demo_concerns(book, 20, seed=3, today=TODAY))
    year = financial_year(2025)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        _choose(qtbot, view, year)
        figures = opened.ask(lambda book: kpi_figures(book, year))
        assert view.loaded.content.figures == figures
        assert figures["received"]["stage1"] > 0
        total = figures["received"]["stage1"] + figures["received"]["stage2"]
        assert _rows(view, "received")[2][1] == f"{total:,}"
        _save_to(monkeypatch, tmp_path / "year.pdf")
        qtbot.mouseClick(view.save_pdf_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Saved the report" in view.message.text())
        text = pdf_text((tmp_path / "year.pdf").read_bytes())
        for key in ("received", "outside", "closed", "outcomes", "working_days", "timescale",
                    "extended", "other"):
            for row in _rows(view, key):
                assert " ".join(row) in text, row

"""The board window's Reports and trends page: each report kind, the trends' charts, the
board's own statements, due dates on the status page, saved PDF and CSV (a real board store,
real signed and encrypted returns, waits on conditions only)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QDate

from app.core.periods import parse_period
from app.store.board import Board
from app.ui.board.kinds_page import TrendChartView
from tests.gui.test_board_window import (
    PASSPHRASE,
    make_board,
    open_window,
    query,
    return_file,
    unlock,
)

Q = [f"2025-26-Q{n}" for n in (1, 2, 3, 4)]


def _board(tmp_path: Path) -> Path:
    folder = tmp_path / "board"
    recipient, units = make_board(folder, "Falkirk HSCP", "Stirling contacts", "Clacks team")
    files = tmp_path / "incoming"
    paths = []
    for n, label in enumerate(Q):
        for seed, name in enumerate(("Falkirk HSCP", "Stirling contacts")):
            paths.append(return_file(files, units[name], recipient, label, seed=10 * n + seed,
                                     stage1=6 + n, stage2=2))
    with Board.open(folder, PASSPHRASE) as board:
        from app.returns.board_import import import_files

        import_files(board, paths)
    return folder


def _choose(page: Any, kind: str, label: str) -> None:
    page.chooser.set_period(parse_period(label), notify=False)
    page.kind.setCurrentIndex(page.kind.findData(kind))
    page.refresh()


def test_each_kind_shows_saves_and_the_trends_draw(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, _board(tmp_path))
    unlock(qtbot, window)
    page = window.workspace.kinds
    window.workspace.show_page("kinds")
    _choose(page, "quarterly", "2025-26-Q2")
    qtbot.waitUntil(lambda: page.made is not None and page.made.report.kind == "quarterly"
                    and page.made.report.period_label == "2025-26-Q2")
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "KPI 4: concerns received" in labels and "Themes by service type" in labels
    assert "Clacks team" in page.front.text()  # missing, said on top
    assert "Oversight: access to whistleblowers' identities" in labels

    page.publication.setChecked(True)
    qtbot.waitUntil(lambda: page.made is not None and page.made.publication)
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "Oversight: access to whistleblowers' identities" not in labels
    out = tmp_path / "quarterly.pdf"
    page.ask_save_path = lambda _s, _k: out
    page.save("pdf")
    qtbot.waitUntil(lambda: "Saved to" in page.message.text(), timeout=20_000)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "For publication" in text and "quarterly report to the board" in text

    # The annual report, with the board's own statements typed on the page.
    page.publication.setChecked(False)
    _choose(page, "annual", "2025-26")
    qtbot.waitUntil(lambda: page.made is not None and page.made.report.kind == "annual")
    assert page.statements_box.isVisibleTo(page)
    page.statement2.setPlainText("Most people involved said they felt listened to.")
    page.statement3.setPlainText("310 staff completed the training.")
    page.keep_statements()
    qtbot.waitUntil(lambda: "are kept" in page.message.text())
    qtbot.waitUntil(lambda: page.made is not None and any(
        "310 staff" in body for _, body in page.made.report.statements))
    csv_out = tmp_path / "annual.csv"
    page.ask_save_path = lambda _s, _k: csv_out
    page.save("csv")
    qtbot.waitUntil(lambda: "annual.csv" in page.message.text())
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text())))
    year = next(r for r in rows if r["measure"] == "stage_entries" and r["stage"] == "stage1"
                and r["period"] == "2025-26")
    assert int(year["value"]) == sum(
        int(r["value"]) for r in rows if r["measure"] == "stage_entries"
        and r["stage"] == "stage1" and r["period"] in Q)

    # IJB: for one HSCP.
    _choose(page, "ijb", "2025-26")
    qtbot.waitUntil(lambda: page.made is not None and page.made.report.kind == "ijb")
    assert page.unit_name() == "Clacks team" or page.unit_name() is not None

    # Trends: charts drawn, flags stated.
    _choose(page, "trends", "2025-26-Q4")
    page.unit.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.made is not None and page.made.report.kind == "trends"
                    and page.charts.count() >= 2)
    chart = page.charts.itemAt(0).widget()
    assert isinstance(chart, TrendChartView) and chart.lines
    assert chart.grab().width() > 0  # it paints
    assert page.flags.text().startswith("Flags:")
    events = query(qtbot, window, lambda b: [row[0] for row in b.conn.execute(
        "SELECT event FROM audit ORDER BY seq")])
    assert "report.pdf" in events and "statement.set" in events
    window.close()


def test_due_dates_on_the_status_page(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, _board(tmp_path))
    unlock(qtbot, window)
    status = window.workspace.status
    window.workspace.show_page("status")
    status.chooser.set_period(parse_period("2025-26-Q1"))
    qtbot.waitUntil(lambda: status.snapshot is not None
                    and status.snapshot.period.label == "2025-26-Q1")
    status.due.setDate(QDate(2025, 7, 31))
    status.save_due_date(status._due_value())
    qtbot.waitUntil(lambda: status.snapshot is not None
                    and status.snapshot.due_on == "2025-07-31")
    column = [status.table.item(r, 4).text() for r in range(status.table.rowCount())]
    assert column[0] == "overdue (due 2025-07-31)"  # Clacks team sent nothing
    assert all(text.startswith("in, late") for text in column[1:])  # imported in 2026
    assert "31/07/2025" in status.due_text.text()
    window.close()

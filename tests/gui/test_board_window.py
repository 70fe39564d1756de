"""The board's window end to end: a real board store, real signed and encrypted returns.

Returns are made with the contact's own code: `seal` (sign with the unit's key,
encrypt to the board) over synthetic payloads, and one built from a real
casebook with build_payload and write_return. No sleeps: every wait is on a
condition or a signal.
"""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pyrage
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from app.core.periods import parse_period
from app.returns.board_report import board_figures
from app.returns.signing import fingerprint, recipient_fingerprint
from app.store.board import Board
from app.ui.base.formatting import fingerprint_in_two_lines as two_lines
from app.ui.board.board_window import BoardWindow
from app.ui.board.display import format_moment
from tests.gui.test_forms_hold_still import _question
from tests.returns.return_helpers import Unit, set_received, synthetic_payload
from tests.support import PASSPHRASE, TODAY

Q1 = "2025-26-Q1"
BOARD_NAME = "NHS Forth Valley"
T = TypeVar("T")


# ----- making boards and returns ------------------------------------------------------------


def make_board(folder: Path, *names: str) -> tuple[str, dict[str, Unit]]:
    """A board store with these units registered; its recipient and the units' keys."""
    board, _ = Board.create(folder, PASSPHRASE, name=BOARD_NAME)
    with board:
        units = {name: Unit(name) for name in names}
        for unit in units.values():
            board.register_unit(unit.name, unit.public)
        return board.recipient(), units


def return_file(folder: Path, unit: Unit, recipient: str, label: str = Q1, *,
                seed: int = 0, day: int = 1, **received: int) -> Path:
    """A sealed return file (signed by the unit, encrypted to the board)."""
    payload = synthetic_payload(unit.name, label, seed=seed,
                                created=datetime(2026, 7, day, 9, 0, tzinfo=UTC))
    set_received(payload["figures"], **received)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{unit.name}-{label}-{seed}.age"
    path.write_bytes(unit.sealed(payload, recipient))
    return path


def open_window(qtbot: Any, folder: Path) -> BoardWindow:
    window = BoardWindow(folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def unlock(qtbot: Any, window: BoardWindow, passphrase: str = PASSPHRASE) -> None:
    window.unlock_view.passphrase.setText(passphrase)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlocked)
    qtbot.waitUntil(lambda: window.workspace.units.snapshot is not None)


def idle(qtbot: Any, window: BoardWindow) -> None:
    qtbot.waitUntil(lambda: window.worker.pending == 0)


def query(qtbot: Any, window: BoardWindow, ask: Callable[[Board], T]) -> T:
    """Read the store through the window's own worker (it holds the only connection)."""
    found: list[T] = []
    window.session.read(lambda state: ask(state.require_board()), found.append)
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def cells(table: QTableWidget, column: int) -> list[str]:
    return [table.item(row, column).text() if table.item(row, column) else ""
            for row in range(table.rowCount())]


def row_of(table: QTableWidget, label: str) -> int:
    return cells(table, 0).index(label)


def drop(widget: QWidget, paths: list[Path]) -> bool:
    """Drag files over the widget and drop them, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


# ----- creating and unlocking ---------------------------------------------------------------


def test_create_a_board_through_the_window(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "board"
    window = open_window(qtbot, folder)
    page = window.create_page
    assert window.stack.currentWidget() is window.create_area and not window.unlocked
    assert not page.create_button.isEnabled()
    qtbot.keyClicks(page.name, BOARD_NAME)
    qtbot.keyClicks(page.passphrase, "short")
    assert page.passphrase_message.is_problem and not page.create_button.isEnabled()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE + "x")
    assert page.confirm_message.is_problem
    qtbot.keyClick(page.confirm, Qt.Key.Key_Backspace)
    assert page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.recovery_dialog is not None, timeout=10_000)

    dialog = window.recovery_dialog
    assert dialog is not None
    shown = dialog.key.text()
    groups = shown.replace("\n", "-").split("-")
    assert len(groups) >= 8 and all(len(g) == 4 for g in groups)
    dialog.reject()  # cannot be dismissed before the key is stored
    assert dialog.isVisible() and dialog.message.is_problem
    recipient = dialog.recipient.text().splitlines()[0]
    assert recipient.startswith("age1")
    dialog.stored.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_view)
    assert "ready" in window.unlock_view.message.text()
    assert page.passphrase.text() == "" and page.confirm.text() == ""

    unlock(qtbot, window)
    units = window.workspace.units
    assert units.recipient.text() == recipient
    assert units.fingerprint.text() == two_lines(recipient_fingerprint(recipient))
    assert units.table.rowCount() == 0 and BOARD_NAME in window.windowTitle()
    window.close()

    # The key shown once opens the store on its own.
    recovery_key = "-".join(groups)
    with Board.open_with_recovery_key(folder, recovery_key) as board:
        assert board.name == BOARD_NAME and board.recipient() == recipient


def test_create_with_an_existing_age_identity_and_unlock_with_the_recovery_key(
        qtbot, tmp_path: Path) -> None:
    identity = pyrage.x25519.Identity.generate()
    key_file = tmp_path / "board-identity.txt"
    key_file.write_text(f"# created: 2026-01-01T00:00:00Z\n# public key: "
                        f"{identity.to_public()}\n{identity}\n", encoding="utf-8")
    folder = tmp_path / "board"
    window = open_window(qtbot, folder)
    page = window.create_page
    page.name.setText(BOARD_NAME)
    page.ask_identity = lambda _start: key_file
    page.use_identity.setChecked(True)
    assert not page.create_button.isEnabled()  # ticked, but no file yet
    page.passphrase.setText(PASSPHRASE)
    page.confirm.setText(PASSPHRASE)
    qtbot.mouseClick(page.choose_identity, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(identity.to_public()) in page.identity_message.text())
    assert page.create_button.isEnabled()
    page.create_board()
    qtbot.waitUntil(lambda: window.recovery_dialog is not None, timeout=10_000)
    dialog = window.recovery_dialog
    assert dialog is not None
    recovery_key = dialog.key.text().replace("\n", "-")
    assert dialog.recipient.text().splitlines()[0] == str(identity.to_public())
    dialog.stored.setChecked(True)
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_view)

    view = window.unlock_view
    view.use_recovery.setChecked(True)
    assert view.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    view.passphrase.setText("AAAA-BBBB-CCCC")
    view.button.click()
    qtbot.waitUntil(lambda: view.button.isEnabled() and view.message.text() != "Unlocking…")
    assert not window.unlocked and view.message.text()
    view.use_recovery.setChecked(True)
    view.passphrase.setText(recovery_key)
    view.button.click()
    qtbot.waitUntil(lambda: window.unlocked and window.workspace.units.snapshot is not None)
    assert window.workspace.units.recipient.text() == str(identity.to_public())
    window.close()


def test_a_wrong_passphrase_is_refused(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "board"
    make_board(folder)
    window = open_window(qtbot, folder)
    assert window.stack.currentWidget() is window.unlock_view
    window.unlock_view.passphrase.setText("not the passphrase at all")
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlock_view.message.text() == "Wrong passphrase.")
    assert not window.unlocked
    window.close()


# ----- units and returns --------------------------------------------------------------------


def test_register_a_unit_and_import_by_picker_and_by_drop(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "board"
    recipient, _ = make_board(folder)
    ward = Unit("Ward 7 contacts")
    stranger = Unit("Not registered")
    files = tmp_path / "incoming"
    first = return_file(files, ward, recipient, seed=1, day=1)
    newer = return_file(files, ward, recipient, seed=2, day=2)
    other_quarter = return_file(files, ward, recipient, "2025-26-Q2", seed=3)
    unknown = return_file(files, stranger, recipient, seed=4)
    junk = files / "not-a-return.age"
    junk.write_bytes(b"this is not a return")

    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    units = window.workspace.units
    dialog = units.open_register()
    qtbot.keyClicks(dialog.name, ward.name)
    qtbot.keyClicks(dialog.key, "not a key")
    assert dialog.key_message.is_problem and not dialog.save_button.isEnabled()
    dialog.key.setText(base64.b64encode(ward.public).decode())
    assert dialog.fingerprint.text() == two_lines(fingerprint(ward.public))
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: units.table.rowCount() == 1)
    assert units.table.item(0, 0).text() == ward.name
    assert units.table.item(0, 1).text() == two_lines(fingerprint(ward.public))
    assert "Registered Ward 7 contacts" in units.message.text()

    # Registering the same key under another name is refused, and the form stays filled.
    again = units.open_register()
    again.name.setText("Someone else")
    again.key.setText(base64.b64encode(ward.public).decode())
    again.register()
    qtbot.waitUntil(lambda: again.message.is_problem)
    assert "already registered" in again.message.text() and again.name.text()
    again.reject()  # something typed: it asks first, as every form
    box = _question(qtbot, again)
    discard = next(b for b in box.buttons() if "Discard" in b.text())
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not again.isVisible())

    # The picker: one good file, one from an unregistered unit, one not a return at all.
    window.workspace.show_page("returns")
    page = window.workspace.returns
    page.ask_files = lambda: [first, unknown, junk]
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.results) == 3 and not page.importing)
    assert [r.outcome for r in page.results] == ["imported", "refused", "refused"]
    assert [r.reason for r in page.results[1:]] == ["unknown_unit", "not_a_return"]
    assert cells(page.table, 1) == ["Imported", "Refused", "Refused"]
    assert "register the unit's key under Units" in page.table.item(1, 2).text()
    assert page.table.item(2, 2).text() == page.results[2].message != ""
    assert page.summary.is_problem and "2 refused" in page.summary.text()
    qtbot.waitUntil(lambda: page.held.rowCount() == 1)

    # Dropping files on the page: a newer return replaces, the older one is then refused.
    assert drop(page, [newer, first, other_quarter])
    qtbot.waitUntil(lambda: len(page.results) == 6 and not page.importing)
    assert [r.outcome for r in page.results[3:]] == ["replaced", "refused", "imported"]
    assert page.results[4].reason == "superseded"
    assert cells(page.table, 1)[3] == "Replaced an older return"
    assert "replaces the return made 01/07/2026" in page.table.item(3, 2).text()
    page.ask_files = lambda: [newer]
    page.choose_files()
    qtbot.waitUntil(lambda: len(page.results) == 7 and not page.importing)
    assert cells(page.table, 1)[6] == "Already held (unchanged)"
    qtbot.waitUntil(lambda: page.held.rowCount() == 2)
    assert sorted(cells(page.held, 1)) == [  # the period in words, never its code alone
        "April to June 2025 (Q1 2025-26)", "July to September 2025 (Q2 2025-26)"]
    held = query(qtbot, window, lambda board: [(r.unit, r.period) for r in board.returns()])
    assert sorted(held) == [(ward.name, Q1), (ward.name, "2025-26-Q2")]
    # Something that is not a file is not taken.
    assert not drop(page, [])
    window.close()


def test_a_return_built_from_a_real_casebook_imports(qtbot, tmp_path: Path) -> None:
    from app.demo import add_demo_concerns
    from app.returns.envelope import set_board_recipient, write_return
    from app.returns.payload import build_payload
    from app.returns.signing import unit_public_key
    from app.store.casebook import Casebook

    folder = tmp_path / "board"
    recipient, _ = make_board(folder)
    book, _ = Casebook.create(tmp_path / "casebook", PASSPHRASE, organisation="NHS Forth Valley",
                              unit="Falkirk HSCP contacts")
    with book:
        add_demo_concerns(book, 25, seed=3, today=TODAY, end_year=2025)
        set_board_recipient(book, recipient)
        payload = build_payload(book, parse_period("2025-26"))
        sent = write_return(book, payload, tmp_path / "falkirk-2025-26.age")
        public = unit_public_key(book)
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    dialog = window.workspace.units.open_register()
    dialog.name.setText("Falkirk HSCP contacts")
    dialog.key.setText(base64.b64encode(public).decode())
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.save_button.click()
    page = window.workspace.returns
    page.ask_files = lambda: [sent]
    page.choose_files()
    qtbot.waitUntil(lambda: len(page.results) == 1 and not page.importing)
    assert page.results[0].outcome == "imported", page.results[0].message
    status = window.workspace.status
    status.chooser.set_period(parse_period("2025-26"))
    qtbot.waitUntil(lambda: status.snapshot is not None
                    and status.snapshot.period.label == "2025-26")
    assert cells(status.table, 1) == ["Sent"]
    report = window.workspace.report
    qtbot.waitUntil(lambda: report.report is not None
                    and report.report.period.label == "2025-26")
    table = report.table
    received = payload["figures"]["received"]
    total_row = row_of(table, "Received at both stages")
    assert table.item(total_row, 1).text() == f"{received['stage1'] + received['stage2']:,}"
    window.close()


# ----- status, headcounts and the report ----------------------------------------------------


def _board_with_two_returns(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "board"
    recipient, units = make_board(folder, "Falkirk HSCP", "Stirling contacts", "Clacks team")
    files = tmp_path / "incoming"
    # Figures that agree with each other, as a casebook's do: with these seeds Falkirk HSCP
    # received 5 at stage 1, 4 at stage 2, 3 anonymous; Stirling contacts 17, 4 and 1.
    paths = [return_file(files, units["Falkirk HSCP"], recipient, seed=4),
             return_file(files, units["Stirling contacts"], recipient, seed=2)]
    with Board.open(folder, PASSPHRASE) as board:
        from app.returns.board_import import import_files

        import_files(board, paths)
    return folder, files


def test_status_headcount_report_and_saved_pdf_and_csv(qtbot, tmp_path: Path) -> None:
    folder, _ = _board_with_two_returns(tmp_path)
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    workspace = window.workspace
    status, report = workspace.status, workspace.report
    workspace.show_page("status")
    status.chooser.set_period(parse_period(Q1))
    # The report follows the status page's period.
    assert report.period().label == Q1
    qtbot.waitUntil(lambda: status.snapshot is not None and status.snapshot.period.label == Q1)
    assert cells(status.table, 0) == ["Clacks team", "Falkirk HSCP", "Stirling contacts"]
    assert cells(status.table, 1) == ["Not sent", "Sent", "Sent"]
    made = format_moment(status.snapshot.units[1].created_at)
    assert cells(status.table, 2)[0] == "" and cells(status.table, 2)[1] == made
    assert made.startswith("01/07/2026 ")
    assert status.summary.text().startswith("2 of 3 units have sent")

    # Headcount: edited in place, stored at once, and the rate appears in the report.
    status.table.item(1, 3).setText("3,000")
    qtbot.waitUntil(lambda: "3,000" in status.message.text())
    assert query(qtbot, window, lambda b: b.headcounts(Q1)) == {"Falkirk HSCP": 3000}
    qtbot.waitUntil(lambda: report.report is not None
                    and report.report.headcounts.get("Falkirk HSCP") == 3000)
    rate_row = row_of(report.table, "Per 1,000 staff (both stages)")
    falkirk = 1 + 1 + list(report.report.units).index("Falkirk HSCP")
    assert report.table.item(rate_row, falkirk).text() == "3.00"  # 5 + 4 per 3,000 staff
    assert report.table.item(rate_row, 1).text() == "not available"  # Stirling has none
    status.table.item(2, 3).setText("0")  # not a headcount: refused, nothing stored
    qtbot.waitUntil(lambda: status.message.is_problem)
    assert query(qtbot, window, lambda b: b.headcounts(Q1)) == {"Falkirk HSCP": 3000}

    # The report table is board_figures, the total and the units side by side.
    doc = query(qtbot, window, lambda b: board_figures(b, parse_period(Q1)))
    table = report.table
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headings == ["Figure", "All units", "Falkirk HSCP", "Stirling contacts"]
    columns = [doc, doc["units"]["Falkirk HSCP"], doc["units"]["Stirling contacts"]]
    for label, pick in (
            ("Received at stage 1", lambda f: f["received"]["stage1"]),
            ("Received at stage 2", lambda f: f["received"]["stage2"]),
            ("Received at both stages", lambda f: f["received"]["stage1"]
             + f["received"]["stage2"]),
            ("Anonymous concerns (outside the Standards)", lambda f: f["received"]["anonymous"]),
            ("Unnamed concerns (outside the Standards)", lambda f: f["received"]["unnamed"]),
            ("Withdrawn", lambda f: f["other_closures"]["withdrawn"]),
            ("Not taken forward under the Standards",
             lambda f: f["other_closures"]["not_taken_forward"])):
        row = row_of(table, label)
        assert [table.item(row, c).text() for c in (1, 2, 3)] == [
            f"{pick(f):,}" for f in columns], label
    row = row_of(table, "Closed at stage 1 (% of all closed)")
    assert table.item(row, 1).text().startswith(f"{doc['closed']['stage1']:,} (")
    row = row_of(table, "Stage 2: upheld")
    assert table.item(row, 2).text().startswith(
        f"{doc['units']['Falkirk HSCP']['outcomes']['stage2']['upheld']:,} (")
    # As in the PDF, the average is the summed working days over the concerns closed in full
    # (random synthetic figures need not have working_days.count equal to closed).
    days = doc["working_days"]["stage1"]["sum"] / doc["closed"]["stage1"]
    kpi7 = row_of(table, "KPI 7: average working days to a full response") + 1
    assert table.item(kpi7, 0).text() == "Stage 1"
    assert table.item(kpi7, 1).text() == f"{days:.1f}"
    assert "No return from: Clacks team." in report.notes.text()

    # For publication: small counts hidden in the table as they will be in the files.
    report.publication.setChecked(True)
    qtbot.waitUntil(lambda: report.report is not None and report.report.publication)
    shown = [table.item(r, c).text() for r in range(table.rowCount())
             for c in range(1, table.columnCount()) if table.item(r, c)]
    assert "*" in shown and "hidden to protect confidentiality" in report.notes.text()
    anonymous = row_of(table, "Anonymous concerns (outside the Standards)")
    assert table.item(anonymous, 2).text() == "*"  # Falkirk's 3 anonymous concerns

    # Save PDF and CSV (on the worker, behind a busy indicator).
    report.publication.setChecked(False)
    qtbot.waitUntil(lambda: report.report is not None and not report.report.publication)
    pdf = tmp_path / "out" / "board report.pdf"
    pdf.parent.mkdir()
    report.ask_save_path = lambda _suggested, _kind: pdf
    qtbot.mouseClick(report.save_pdf, Qt.MouseButton.LeftButton)
    assert report.busy.busy and not report.save_pdf.isEnabled()
    qtbot.waitUntil(lambda: "Saved to" in report.message.text(), timeout=20_000)
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert BOARD_NAME in text and "Falkirk HSCP" in text and Q1 in text
    assert "22" in text  # stage 1 received, 5 + 17
    csv_out = tmp_path / "out" / "figures"
    report.ask_save_path = lambda _suggested, _kind: csv_out
    report.save("csv")
    qtbot.waitUntil(lambda: "figures.csv" in report.message.text())
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "figures.csv").read_text())))
    total = next(r["value"] for r in rows if r["measure"] == "received"
                 and r["stage"] == "stage1" and r["service"] == "all" and r["unit"] == "")
    assert total == "22"
    events = query(qtbot, window, lambda b: [row[0] for row in b.conn.execute(
        "SELECT event FROM audit ORDER BY seq")])
    assert "report.pdf" in events and "report.csv" in events and "headcount.set" in events
    window.close()


# ----- locking --------------------------------------------------------------------------


def _everything_shown(window: BoardWindow) -> list[str]:
    """Every text the workspace holds in its tables and labels."""
    workspace = window.workspace
    texts = [workspace.units.recipient.text(), workspace.units.fingerprint.text(),
             workspace.status.summary.text(), workspace.report.notes.text()]
    for table in workspace.findChildren(QTableWidget):
        texts += [table.item(r, c).text() for r in range(table.rowCount())
                  for c in range(table.columnCount()) if table.item(r, c)]
    return [t for t in texts if t]


def test_lock_forgets_everything_and_unlock_restores(qtbot, tmp_path: Path) -> None:
    folder, files = _board_with_two_returns(tmp_path)
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    workspace = window.workspace
    workspace.status.chooser.set_period(parse_period(Q1))
    page = workspace.returns
    page.ask_files = lambda: sorted(files.iterdir())
    page.choose_files()
    qtbot.waitUntil(lambda: len(page.results) == 2 and not page.importing)
    qtbot.waitUntil(lambda: workspace.report.report is not None
                    and workspace.report.report.units != ())
    qtbot.waitUntil(lambda: workspace.status.table.rowCount() == 3)
    qtbot.waitUntil(lambda: page.held.rowCount() == 2)
    assert any("Falkirk HSCP" in t for t in _everything_shown(window))

    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    workspace.units.copy_button.click()
    qtbot.waitUntil(window.clipboard_guard.holds_casebook_text)
    workspace.status.reload()  # an answer still on its way when the lock strikes
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.unlocked
    assert _everything_shown(window) == []
    assert page.results == [] and workspace.units.snapshot is None
    assert workspace.report.report is None and workspace.status.snapshot is None
    assert QGuiApplication.clipboard().text() == ""
    assert BOARD_NAME not in window.windowTitle()
    assert window.unlock_view.message.text() == "Locked."
    idle(qtbot, window)
    assert _everything_shown(window) == []  # late answers were dropped
    # The store is closed on the worker: another open now succeeds.
    Board.open(folder, PASSPHRASE).close()

    unlock(qtbot, window)
    qtbot.waitUntil(lambda: workspace.status.table.rowCount() == 3)
    qtbot.waitUntil(lambda: page.held.rowCount() == 2)
    assert cells(workspace.units.table, 0) == ["Clacks team", "Falkirk HSCP",
                                               "Stirling contacts"]
    qtbot.waitUntil(lambda: workspace.report.report is not None
                    and workspace.report.report.units != ())
    window.close()


def test_idle_time_locks_the_window(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "board"
    make_board(folder, "Falkirk HSCP")
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    assert window.idle.timer.isActive()
    assert window.idle.timer.interval() == 5 * 60_000
    window.idle.set_minutes(0.002)  # 120 ms
    window.idle.timer.start()
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert not window.unlocked and window.workspace.units.table.rowCount() == 0
    assert "without use" in window.unlock_view.message.text()
    window.close()


# ----- keyboard and accessibility -------------------------------------------------------


def _inside_qt_parts(widget: QWidget) -> bool:
    """Qt's own pieces: a combo box's popup list, a spin box's line edit, a corner button."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return widget.objectName() == "qt_tableview_cornerbutton" or type(widget).__name__ == \
        "QHeaderView"


def _controls(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds)
            and not _inside_qt_parts(w)]


def test_every_control_has_an_accessible_name_and_keys_reach_the_pages(qtbot,
                                                                      tmp_path: Path) -> None:
    folder = tmp_path / "board"
    create = open_window(qtbot, folder)
    unnamed = [type(w).__name__ for w in _controls(create.create_page)
               if not w.accessibleName()]
    assert unnamed == []
    create.close()

    make_board(folder, "Falkirk HSCP")
    window = open_window(qtbot, folder)
    assert [type(w).__name__ for w in _controls(window.unlock_view)
            if not w.accessibleName() and w.isVisibleTo(window.unlock_view)] == []
    unlock(qtbot, window)
    missing = [(type(w).__name__, w.objectName()) for w in _controls(window.workspace)
               if not w.accessibleName()]
    assert missing == []
    dialog = window.workspace.units.open_register()
    assert [type(w).__name__ for w in _controls(dialog) if not w.accessibleName()] == []
    dialog.reject()

    for key, page in ((Qt.Key.Key_2, "returns"), (Qt.Key.Key_3, "status"),
                      (Qt.Key.Key_4, "report"), (Qt.Key.Key_1, "units")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.workspace.current_page == page
    # Alt+R on the units page opens the register dialog (its mnemonic).
    assert window.workspace.units.register_button.text().startswith("&Register")
    window.close()


def test_export_identity_writes_a_private_file_that_opens_returns(qtbot, tmp_path: Path) -> None:
    import os
    import stat

    from app.returns.envelope import open_return
    from app.store.board import parse_age_identity

    folder = tmp_path / "board"
    recipient, units = make_board(folder, "Falkirk HSCP")
    sent = return_file(tmp_path / "incoming", units["Falkirk HSCP"], recipient)
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    page = window.workspace.units
    out = tmp_path / "board-identity.txt"
    asked: list[Path] = []
    page.confirm_export = lambda: False  # the warning, answered "Cancel"
    page.ask_export_path = lambda suggested: asked.append(suggested) or out
    page.export_button.click()
    assert asked == [] and not out.exists()
    page.confirm_export = lambda: True
    page.export_button.click()
    qtbot.waitUntil(lambda: str(out) in page.message.text())
    assert "secret key" in page.message.text() and page.export_button.isEnabled()
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    identity = parse_age_identity(out.read_text(encoding="utf-8"))
    assert open_return(sent.read_bytes(), identity).signature is not None
    page.export_button.click()  # never over an existing file
    qtbot.waitUntil(lambda: "already exists" in page.message.text())
    window.close()


def test_the_report_page_is_reached_in_tab_order(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "board"
    make_board(folder, "Falkirk HSCP")
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    report = window.workspace.report
    qtbot.waitUntil(lambda: report.report is not None)
    report.chooser.year.setFocus()
    seen = []
    for _ in range(6):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen == [report.chooser.year, report.chooser.quarter, report.publication,
                    report.table, report.save_pdf, report.save_csv]
    # Space on the check box: the table is shown as for publication.
    report.publication.setFocus()
    qtbot.keyClick(report.publication, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: report.report is not None and report.report.publication)
    assert report.threshold.isEnabled()
    window.close()


def test_casebook_with_board_and_no_command_opens_the_board_window(monkeypatch,
                                                                   tmp_path: Path) -> None:
    import app.ui.main as gui
    from app.cli import main

    opened: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(gui, "run_board", lambda folder: opened.append(("board", folder)) or 0)
    monkeypatch.setattr(gui, "run", lambda folder: opened.append(("casebook", folder)) or 0)
    assert main(["--board", str(tmp_path / "board")]) == 0
    assert main(["--casebook", str(tmp_path / "cb")]) == 0
    assert opened == [("board", tmp_path / "board"), ("casebook", tmp_path / "cb")]


def test_a_database_error_in_a_board_job_is_said_plainly(tmp_path: Path) -> None:
    from app.store.database import DatabaseError
    from app.ui.base.worker import WorkerState

    folder = tmp_path / "board"
    make_board(folder)
    state = WorkerState()
    state.board = Board.open(folder, PASSPHRASE)
    try:
        assert "full" in state.damage_message(DatabaseError("database or disk is full"))
        assert "board.db is damaged" in state.damage_message(DatabaseError("malformed"))
    finally:
        state.close()
    assert state.board is None
    Board.open(folder, PASSPHRASE).close()  # closed with the state: the lock is free


def test_choosing_a_folder_that_holds_a_board_goes_to_unlock(qtbot, tmp_path: Path) -> None:
    held = tmp_path / "held"
    make_board(held)
    window = open_window(qtbot, tmp_path / "empty")
    assert window.stack.currentWidget() is window.create_area
    window.create_page.ask_folder = lambda _start: held
    window.create_page.change_folder.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_view)
    assert str(held) in window.unlock_view.where.text()
    unlock(qtbot, window)
    assert window.folder == held
    window.close()


def test_importing_can_be_stopped_between_files(qtbot, tmp_path: Path) -> None:
    import threading

    folder = tmp_path / "board"
    recipient, units = make_board(folder, "Falkirk HSCP")
    files = [return_file(tmp_path / "incoming", units["Falkirk HSCP"], recipient, label)
             for label in ("2025-26-Q1", "2025-26-Q2", "2025-26-Q3")]
    window = open_window(qtbot, folder)
    unlock(qtbot, window)
    idle(qtbot, window)
    page = window.workspace.returns
    gate = threading.Event()  # holds the worker until the stop has been asked for
    window.worker.submit(lambda _state: gate.wait(10), lambda _: None, lambda _: None)
    page.import_paths(files)
    assert page.importing and page.stop_button.isVisibleTo(page)
    assert not page.choose_button.isEnabled()
    page.stop_importing()
    gate.set()
    qtbot.waitUntil(lambda: not page.importing)
    assert page.results == [] and "Stopped before the rest" in page.summary.text()
    assert page.choose_button.isEnabled() and not page.stop_button.isVisibleTo(page)
    assert query(qtbot, window, lambda b: b.returns()) == []
    window.close()

"""The handover and records screens, driven as a person would: trust a colleague by
fingerprint, hand concerns over, receive them, destroy a due record, a subject access PDF,
the stepping-down checklist. Every wait is on a condition, never a sleep."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.records import Outcome, Stage
from app.services import handover
from app.store import backup
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.continuity.helpers import consent, make_book, named
from tests.gui.workspace_helpers import idle, open_window, rows
from tests.support import PASSPHRASE, TODAY


def _books(tmp_path: Path) -> tuple[Path, Path, str, str]:
    a, b = tmp_path / "ambassador", tmp_path / "contact"
    make_book(a, "Speak up ambassador", "SA")
    make_book(b, "Confidential contact", "CC")
    with Casebook.open(a, PASSPHRASE) as book:
        service = ConcernService(book, today=lambda: TODAY)
        first = service.create(named("Jordan Testperson", received_on=date(2026, 10, 5)))
        consent(book, first, successor=True, on=date(2026, 10, 5))
        service.create(named("Robin Quietperson", received_on=date(2026, 10, 6)))
        old = service.create(named("Old Person", received_on=date(2018, 5, 2)))
        service.respond(old, Stage.STAGE1, date(2018, 5, 9), Outcome.UPHELD)
        a_address = handover.address(book).token
    with Casebook.open(b, PASSPHRASE) as book:
        b_address = handover.address(book).token
        handover.trust(book, handover.prepare_trust(book, a_address, "Sam Ambassador"))
    return a, b, a_address, b_address


def test_trust_hand_over_and_receive(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _, b_address = _books(tmp_path)
    window = open_window(qtbot, a)
    shell = window.shell
    shell.show_page("handover")
    page = shell.handover
    colleagues = page.colleagues
    qtbot.waitUntil(lambda: colleagues.address.text().startswith("casebook-handover1."))
    dialog = colleagues.open_trust()
    dialog.address.setPlainText(b_address)
    qtbot.keyClicks(dialog.name, "Alex Contact")
    qtbot.waitUntil(lambda: dialog.plan is not None and bool(dialog.fingerprint.text()))
    assert not dialog.trust_button.isEnabled()  # not before the fingerprint was compared
    dialog.compared.setChecked(True)
    qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: colleagues.table.rowCount() == 1)
    assert colleagues.table.item(0, 0).text() == "Alex Contact"

    page.tabs.setCurrentWidget(page.export)
    export = page.export
    qtbot.waitUntil(lambda: export.table.rowCount() == 3 and export.colleague.count() == 1)
    references = [export.table.item(r, 0).text() for r in range(3)]
    for row, reference in enumerate(references):
        if reference in ("SA-2026-0001", "SA-2026-0002"):
            export.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(export.reason, "Going on long leave")
    qtbot.mouseClick(export.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.plan_list.count() == 2)
    lines = [export.plan_list.item(i).text() for i in range(2)]
    assert any("with the identity" in line for line in lines)
    assert any("WITHOUT the identity" in line for line in lines)
    package = tmp_path / "to-alex.age"
    export.export_to(package)
    qtbot.waitUntil(lambda: export.result is not None, timeout=20_000)
    assert package.exists() and "read-only" in export.message.text()
    qtbot.waitUntil(lambda: export.table.rowCount() == 1)  # only the old record stays held
    assert rows(qtbot, window, "SELECT count(*) FROM concerns WHERE person_ref IS NOT NULL"
                ) == [(1,)]
    window.close()

    window = open_window(qtbot, b)
    window.shell.show_page("handover")
    receive = window.shell.handover.receive
    window.shell.handover.tabs.setCurrentWidget(receive)
    receive.open_package(package)
    qtbot.waitUntil(lambda: receive.table.rowCount() == 2)
    assert "Sam Ambassador" in receive.sent_by.text()
    qtbot.mouseClick(receive.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Imported 2 concerns, 1 with the identity" in
                    receive.message.text())
    idle(qtbot, window)
    assert rows(qtbot, window, "SELECT reference FROM concerns ORDER BY reference") == [
        ("SA-2026-0001",), ("SA-2026-0002",)]
    receive.open_package(package)  # a second time: refused, one sentence
    qtbot.waitUntil(lambda: receive.message.is_problem)
    assert "already imported" in receive.message.text()
    window.close()


def test_destroy_a_due_record_and_step_down(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, _, _, _ = _books(tmp_path)
    usb = tmp_path / "usb"
    with Casebook.open(a, PASSPHRASE) as book:
        backup.backup_files(a, book.master_key, to=usb)
    window = open_window(qtbot, a)
    window.shell.show_page("records")
    panel = window.shell.records.retention
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3)
    panel.tick_due()
    assert [i.reference for i in panel.chosen()] == ["SA-2018-0001"]
    dialog = panel.open_destroy()
    assert dialog is not None and not dialog.destroy_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "End of the retention period")
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.destroy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.is_problem, timeout=20_000)
    assert dialog.message.text() == "Wrong passphrase."
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.destroy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert "Destroyed: SA-2018-0001" in dialog.message.text()
    assert dialog.backups.isVisible() and str(usb) in dialog.backups.item(1).text()
    certificate = tmp_path / "certificate.pdf"
    dialog.save_certificate(certificate)
    qtbot.waitUntil(certificate.exists, timeout=20_000)
    dialog.accept()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    qtbot.waitUntil(lambda: panel.external.rowCount() == 1)

    window.shell.records.tabs.setCurrentWidget(window.shell.records.subject_access)
    sar = window.shell.records.subject_access
    qtbot.keyClicks(sar.reference, "SA-2026-0001")
    qtbot.keyClicks(sar.reason, "Request received")
    assert sar.save_button.isEnabled()
    sar.save_to(tmp_path / "sar.pdf")
    qtbot.waitUntil(lambda: sar.saved is not None, timeout=20_000)
    assert "Review it before release" in sar.message.text()

    window.shell.show_page("handover")
    view = window.shell.handover
    view.tabs.setCurrentWidget(view.stepping_down)
    steps = view.stepping_down
    qtbot.waitUntil(lambda: bool(steps.verdict.text()))
    assert steps.verdict.text() == "Not ready to retire yet."
    assert "SA-2026-0001" in steps.items["open"].text()
    assert "No place chosen" in steps.items["backup"].text()
    steps.place.setText(str(tmp_path / "final"))
    qtbot.mouseClick(steps.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Final backup in" in steps.items["backup"].text(), timeout=20_000)
    assert steps.items["backup"].text().startswith("\u2714")
    window.close()


def test_record_consent_then_the_sender_sees_a_read_only_record(qtbot, tmp_path: Path
                                                                ) -> None:  # type: ignore[no-untyped-def]
    a, b, _, b_address = _books(tmp_path)
    with Casebook.open(a, PASSPHRASE) as book:
        handover.trust(book, handover.prepare_trust(book, b_address, "Alex Contact"))
    window = open_window(qtbot, a)
    window.shell.show_page("handover")
    page = window.shell.handover
    page.tabs.setCurrentWidget(page.export)
    export = page.export
    qtbot.waitUntil(lambda: export.table.rowCount() == 3)
    row = next(r for r in range(3) if export.table.item(r, 0).text() == "SA-2026-0002")
    assert export.table.item(row, 4).text() == ""  # no consent yet
    export.table.setCurrentCell(row, 1)
    dialog = export.open_consent()
    assert dialog is not None and not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.how, "in conversation")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent recorded for SA-2026-0002" in export.message.text())
    qtbot.waitUntil(lambda: export.table.item(row, 4) is not None
                    and export.table.item(row, 4).text() == "whoever takes over")
    export.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(export.reason, "Leave")
    qtbot.mouseClick(export.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.plan_list.count() == 1)
    assert "with the identity" in export.plan_list.item(0).text()
    export.export_to(tmp_path / "p.age")
    qtbot.waitUntil(lambda: export.result is not None, timeout=20_000)
    (cid,) = rows(qtbot, window, "SELECT id FROM concerns WHERE reference = 'SA-2026-0002'")[0]
    window.shell.open_concern(cid)
    header = window.shell.workspace.header
    qtbot.waitUntil(lambda: "handed over to Alex Contact" in header.where.text())
    assert not header.log.isEnabled() and not header.letter.isEnabled()
    window.close()


def test_a_dialog_with_something_typed_asks_before_closing(qtbot, folder: Path) -> None:
    """Trusting a colleague, as every form: Escape or Cancel with something typed asks, and
    Keep editing keeps it; untouched, it closes at once; on lock it closes without asking."""

    from app.ui.handover.trust_dialog import TrustDialog
    from tests.gui.test_forms_hold_still import _question
    from tests.gui.test_reports_support import create_casebook, opened_casebook

    create_casebook(folder)
    with opened_casebook(qtbot, folder) as opened:
        dialog = TrustDialog(opened.session)
        qtbot.addWidget(dialog)
        dialog.open()
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            dialog.reject()  # nothing typed: closes at once
        dialog.open()
        dialog.name.setText("Chris Example")
        dialog.reject()
        box = _question(qtbot, dialog)
        keep = next(b for b in box.buttons() if "Keep" in b.text())
        qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not box.isVisible())
        assert dialog.isVisible() and dialog.name.text() == "Chris Example"
        dialog.reject()
        box = _question(qtbot, dialog)
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            dialog.done(0)  # the lock: closed, and the question with it
        assert not box.isVisible()

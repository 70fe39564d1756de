"""The handover and records screens, photographed on the demo casebook with a colleague's
casebook beside it (both synthetic)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

COLLEAGUE_PASSPHRASE = "screenshots only, the colleague"


def _colleague(scratch: Path) -> Path:
    from app.store.casebook import Casebook

    folder = scratch / "colleague"
    book, _ = Casebook.create(folder, COLLEAGUE_PASSPHRASE, organisation="NHS Demo Board",
                              unit="Speak up ambassadors, Community")
    with book:
        book.set_setting("reference_prefix", "SU")
    return folder


def _run(shooter: Any, window: Any, job: Any) -> Any:
    found: list[Any] = []
    failed: list[str] = []
    window.session.write(job, lambda result: found.append(result), failed.append)
    shooter.wait(lambda: bool(found or failed))
    if failed:
        raise RuntimeError(failed[0])
    return found[0]


def capture_continuity(shooter: Any, window: Any, scratch: Path, today: date) -> None:
    from app.core.records import ConversationMode
    from app.services import handover, retention
    from app.store.casebook import Casebook
    from app.store.concerns import ConcernService
    from app.store.identities import Consent, IdentityService
    from tests.continuity.helpers import named

    colleague = _colleague(scratch)
    with Casebook.open(colleague, COLLEAGUE_PASSPHRASE) as book:
        colleague_address = handover.address(book).token
        service = ConcernService(book, today=lambda: today)
        first = service.create(named("Synthetic Person", received_on=date(2026, 11, 2),
                                     summary="Rota gaps on the community night shift"))
        IdentityService(book).add_consent(first, Consent(
            "", date(2026, 11, 2), "in conversation", kind="successor"))
        service.log_conversation(first, date(2026, 11, 3), ConversationMode.PHONE,
                                 "Synthetic notes.")
        service.create(named("Another Synthetic", received_on=date(2026, 11, 9),
                             summary="Equipment checks skipped"))

    def prepare(state: Any) -> str:
        book = state.require_book()
        plan = handover.prepare_trust(book, colleague_address, "Sam Ambassador",
                                      "speak up ambassador")
        handover.trust(book, plan)
        retention.set_policy(book, years=1)
        held = [c for c in handover.held_concerns(book) if c.identity_held][:3]
        for concern in held[:2]:
            IdentityService(book).add_consent(concern.concern_id, Consent(
                "", today, "in conversation", kind="successor"))
        return handover.address(book).token

    own_address = _run(shooter, window, prepare)
    with Casebook.open(colleague, COLLEAGUE_PASSPHRASE) as book:
        handover.trust(book, handover.prepare_trust(book, own_address, "Alex Contact",
                                                    "confidential contact"))
        plan = handover.plan_export(book, ["SU-2026-0001", "SU-2026-0002"], "Alex Contact")
        package = scratch / "from-sam.age"
        handover.export(book, plan, package, "Stepping down as ambassador", on=today)

    shell = window.shell
    shell.show_page("handover")
    page = shell.handover
    shooter.wait(lambda: page.colleagues.table.rowCount() == 1)
    shooter.shot(window, "handover-colleagues")
    dialog = page.colleagues.open_trust()
    dialog.address.setPlainText(colleague_address.replace("casebook-handover1.",
                                                          "casebook-handover1.", 1))
    dialog.name.setText("Chris Example")
    shooter.wait(lambda: bool(dialog.fingerprint.text()) or dialog.message.is_problem)
    shooter.shot(dialog, "handover-trust-dialog")
    dialog.done(0)  # closed without the question typed content brings

    page.tabs.setCurrentWidget(page.export)
    export = page.export
    shooter.wait(lambda: export.table.rowCount() > 0 and export.colleague.count() == 1)
    for row in range(min(3, export.table.rowCount())):
        export.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    export.reason.setText("Going on long leave from December")
    export.check()
    shooter.wait(lambda: export.plan_list.count() > 0)
    shooter.shot(window, "handover-export")

    page.tabs.setCurrentWidget(page.receive)
    page.receive.open_package(package)
    shooter.wait(lambda: page.receive.table.rowCount() == 2)
    shooter.shot(window, "handover-receive")

    page.tabs.setCurrentWidget(page.stepping_down)
    shooter.wait(lambda: bool(page.stepping_down.verdict.text()))
    shooter.shot(window, "handover-stepping-down")

    shell.show_page("records")
    records = shell.records
    shooter.wait(lambda: records.retention.table.rowCount() > 0)
    records.retention.tick_due()
    shooter.shot(window, "records-retention")
    destroy = records.retention.open_destroy()
    if destroy is not None:
        destroy.reason.setText("End of the retention period")
        shooter.shot(destroy, "records-destroy-dialog")
        destroy.done(0)
    records.tabs.setCurrentWidget(records.subject_access)
    records.subject_access.reference.setText("WB-2026-0001")
    records.subject_access.reason.setText("Request received by email on 18 November")
    shooter.shot(window, "records-subject-access")

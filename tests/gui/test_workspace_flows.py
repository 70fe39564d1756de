"""A concern's workspace, end to end through its widgets on a real casebook.

New concern, a conversation logged with Ctrl+N, escalation, acknowledgement, an
extension (with its as-you-type checks), the full response with per-issue
outcomes, a failed save that leaves the form filled in, and the "C" rule.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.core.records import ConversationMode, Outcome, Stage
from app.ui.case.conversation_form import ConversationForm
from app.ui.case.extension_dialog import ExtensionDialog
from app.ui.case.new_concern_dialog import NewConcernDialog
from app.ui.case.response_dialog import ResponseDialog
from tests.gui.workspace_helpers import (
    all_texts,
    idle,
    make_casebook,
    open_concern,
    open_window,
    rows,
    save,
)
from tests.store.test_concerns import NAMED
from tests.support import TODAY


def test_a_new_concern_is_checked_as_typed_and_keeps_the_person_apart(qtbot,
                                                                       folder: Path) -> None:
    make_casebook(folder, lambda service: None)
    window = open_window(qtbot, folder)
    workspace = window.shell.workspace
    created: list[int] = []
    workspace.concern_created.connect(created.append)
    dialog = workspace.new_concern()
    assert isinstance(dialog, NewConcernDialog)
    summary = dialog.problem_for("summary")
    assert not summary.urgent and dialog.messages.text() == ""  # nothing said yet

    dialog.intake.received_on.set_value(date(2026, 11, 20))
    dialog.accept()  # Save with nothing written: every problem is said, nothing is saved
    assert dialog.isVisible() and summary.urgent and "Summary" in dialog.messages.text()
    qtbot.keyClicks(dialog.intake.summary, "Fire doors propped open on ward 5")
    assert not summary.urgent and "Summary" not in dialog.messages.text()  # put right: gone
    dialog.intake.themes.list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.start.set_value("stage1")
    dialog.accept()  # named, at a stage: needs the name and consent
    assert dialog.isVisible()
    assert "name" in dialog.problem_for("person").text()
    assert "agreed" in dialog.problem_for("consent").text()
    qtbot.keyClicks(dialog.person["name"], "Robin Canary")
    dialog.consent.check.setChecked(True)
    dialog.consent.date.set_value(date(2026, 11, 21))
    dialog.consent_method.setCurrentIndex(1)
    dialog.intake.aware_on.check.setChecked(True)
    dialog.intake.aware_on.date.set_value(date(2025, 1, 1))  # more than 6 months before
    assert "6 months" in dialog.problem_for("late_reason").text()
    dialog.intake.late_reason.setPlainText("C was off sick for most of the year")
    save(qtbot, window, dialog)

    assert len(created) == 1
    stored = rows(qtbot, window, "SELECT reference, summary, stage, late_reason, person_ref"
                  " FROM concerns")
    assert stored[0][:4] == ("WB-2026-0001", "Fire doors propped open on ward 5", "stage1",
                             "C was off sick for most of the year")
    assert stored[0][4].startswith("P-")
    assert rows(qtbot, window, "SELECT count(*) FROM drafts") == [(0,)]
    workspace = open_concern(qtbot, window, created[0])
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
    assert "Robin Canary" not in all_texts(window)  # the person is C everywhere
    assert "Fire doors" in workspace.intake.values["summary"].text()
    window.close()


def test_ctrl_n_logs_a_conversation_autosaved_as_a_draft(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(workspace.current_dialog, ConversationForm))
    form = workspace.current_dialog
    assert isinstance(form, ConversationForm)
    assert form.held_on.value() == TODAY and form.held_on.displayFormat() == "dd/MM/yyyy"
    form.keeper.timer.setInterval(10)
    qtbot.keyClicks(form.notes, "Met C in the quiet room.")
    qtbot.waitUntil(lambda: form.keeper.draft_id is not None)  # autosaved, encrypted
    assert rows(qtbot, window, "SELECT kind, concern_id FROM drafts") == [
        ("conversation", concern)]
    form.mode.set_value(ConversationMode.PHONE)
    qtbot.keyClicks(form.next_steps, "Call again on Friday")
    save(qtbot, window, form)

    assert rows(qtbot, window, "SELECT held_on, mode, notes, next_steps FROM conversations") == [
        (TODAY.isoformat(), "phone", "Met C in the quiet room.", "Call again on Friday")]
    assert rows(qtbot, window, "SELECT count(*) FROM drafts") == [(0,)]  # discarded on save
    qtbot.waitUntil(lambda: workspace.conversations.tree.topLevelItemCount() == 1)
    assert "quiet room" in workspace.conversations.notes.toPlainText()
    window.close()


def _stage1_with_issues(service) -> int:  # type: ignore[no-untyped-def]
    concern = service.create(NAMED)
    service.add_issue(concern, "Checks skipped at night")
    service.add_issue(concern, "Keys left in the drug cupboard")
    return int(concern)


def test_escalate_acknowledge_extend_and_respond(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _stage1_with_issues)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    timeline = workspace.timeline
    assert timeline.escalate.isEnabled() and not timeline.acknowledge.isEnabled()

    qtbot.mouseClick(timeline.escalate, Qt.MouseButton.LeftButton)
    escalate = workspace.current_dialog
    escalate.on.set_value(date(2025, 4, 1))  # before the concern was received
    escalate.accept()
    assert escalate.isVisible() and "before" in escalate.problem_for("on").text()
    escalate.on.set_value(date(2026, 11, 2))
    escalate.handler.setText("Head of Governance")
    save(qtbot, window, escalate)
    assert rows(qtbot, window, "SELECT entry, entered_on, handler FROM stages"
                " WHERE stage = 'stage2'") == [("escalated", "2026-11-02", "Head of Governance")]
    qtbot.waitUntil(lambda: workspace.timeline.acknowledge.isEnabled())
    assert "Stage 2" in workspace.header.where.text()
    assert "overdue" in workspace.header.deadline.text()  # 3 working days passed long ago

    qtbot.mouseClick(timeline.acknowledge, Qt.MouseButton.LeftButton)
    acknowledge = workspace.current_dialog
    acknowledge.on.set_value(date(2026, 11, 4))
    save(qtbot, window, acknowledge)
    assert rows(qtbot, window, "SELECT acknowledged_on FROM stages WHERE stage = 'stage2'") == [
        ("2026-11-04",)]

    qtbot.waitUntil(lambda: timeline.extend.isEnabled() and not timeline.acknowledge.isEnabled())
    qtbot.mouseClick(timeline.extend, Qt.MouseButton.LeftButton)
    extend = workspace.current_dialog
    assert isinstance(extend, ExtensionDialog)
    qtbot.keyClicks(extend.authorised_by, "Director of Nursing")
    qtbot.keyClicks(extend.reason, "W")
    qtbot.keyClick(extend.reason, Qt.Key.Key_Backspace)  # typed, then emptied
    reason = extend.problem_for("reason")
    assert not reason.urgent  # not said while it is being typed in
    extend.accept()
    assert reason.urgent and "needs a reason" in reason.text() and "Reason" in reason.text()
    assert "needs a reason" in extend.messages.text() and extend.isVisible()
    qtbot.keyClicks(extend.reason, "Witness on leave")
    assert not reason.urgent and "needs a reason" not in extend.messages.text()
    extend.new_due.set_value(extend.current_due)  # not later than the date it replaces
    due = extend.problem_for("new_due_date")
    assert due.urgent and "not later than the due date it replaces" in due.text()
    assert "not later than the due date" in extend.messages.text()
    extend.new_due.set_value(date(2026, 12, 18))
    extend.person_told.check.setChecked(True)
    save(qtbot, window, extend)
    assert rows(qtbot, window, "SELECT stage, authorised_by, reason, new_due_on, person_told_on"
                " FROM extensions") == [("stage2", "Director of Nursing", "Witness on leave",
                                         "2026-12-18", TODAY.isoformat())]
    qtbot.waitUntil(lambda: "18/12/2026" in workspace.header.deadline.text())
    chip = workspace.header.deadline  # one line, as wide as it says: nothing cut off
    qtbot.waitUntil(lambda: chip.width() >= chip.sizeHint().width() and not chip.wordWrap())

    qtbot.mouseClick(timeline.respond, Qt.MouseButton.LeftButton)
    respond = workspace.current_dialog
    assert isinstance(respond, ResponseDialog) and respond.stage is Stage.STAGE2
    respond.on.set_value(date(2026, 11, 1))  # before the escalation
    assert "before the concern entered stage 2" in respond.problem_for("on").text()
    respond.on.set_value(date(2026, 11, 20))  # before the extension was authorised
    assert "authorised after the stage 2 response" in respond.problem_for("on").text()
    respond.on.set_value(TODAY)
    respond.outcome.set_value(Outcome.PARTIALLY_UPHELD)
    assert respond.problems()  # each issue needs its outcome
    first, second = respond.issue_outcomes.values()
    first.set_value(Outcome.UPHELD)
    second.set_value(Outcome.NOT_UPHELD)
    respond.summary.setPlainText("Checks now done by two nurses.")
    save(qtbot, window, respond)
    assert rows(qtbot, window, "SELECT closure, closure_on FROM concerns") == [
        ("closed", TODAY.isoformat())]
    assert rows(qtbot, window, "SELECT stage2_outcome FROM concern_issues ORDER BY number") == [
        ("upheld",), ("not_upheld",)]
    qtbot.waitUntil(lambda: "Closed" in workspace.header.where.text())
    assert not workspace.timeline.respond.isEnabled()
    window.close()


def test_a_failed_save_leaves_the_form_open_and_filled(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _stage1_with_issues)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    escalate = workspace.open_form("escalate")
    escalate.handler.setText("Head of Governance")
    # Meanwhile the concern is escalated another way: the form's view of it is out of date.
    window.session.write(lambda state: window.session.service(state).escalate(
        concern, date(2026, 11, 3)), lambda _: None)
    idle(qtbot, window)
    qtbot.mouseClick(escalate.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: escalate.general.isVisibleTo(escalate))
    assert "already at stage 2" in escalate.general.text()
    assert escalate.isVisible() and escalate.handler.text() == "Head of Governance"
    assert escalate.save_button.isEnabled()
    escalate.reject()
    window.close()


def test_withdrawal_needs_its_date_and_a_transfer_its_procedure(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(
        replace(NAMED, received_on=date(2026, 11, 2), consent_on=date(2026, 11, 2))))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    close = workspace.open_form("close")
    close.how.set_value("transferred")
    assert "procedure" in close.problem_for("reason").text()
    close.on.set_value(date(2026, 10, 1))
    assert "before the concern was received" in all_texts(close)
    close.on.set_value(date(2026, 11, 10))
    close.reason.setPlainText("Grievance procedure")
    save(qtbot, window, close)
    assert rows(qtbot, window, "SELECT closure, closure_on, closure_reason FROM concerns") == [
        ("transferred", "2026-11-10", "Grievance procedure")]
    qtbot.waitUntil(lambda: "Transferred" in workspace.header.where.text())
    window.close()


def test_ctrl_n_on_the_list_opens_the_concern_and_its_form(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, lambda service: service.create(NAMED))
    window = open_window(qtbot, folder)
    window.shell.show_page("concerns")
    view = window.shell.concerns
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.selectRow(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    workspace = window.shell.workspace
    qtbot.waitUntil(lambda: isinstance(workspace.current_dialog, ConversationForm))
    assert workspace.concern_id == concern and window.shell.current_page == "workspace"
    form = workspace.current_dialog
    with qtbot.waitSignal(workspace.lock_requested, timeout=2000):
        form.activateWindow()
        qtbot.keyClick(form.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    form.reject()
    window.close()

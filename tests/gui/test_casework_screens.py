"""The casework screens driven as a contact would: correcting and removing records (with a
reason, shown on the timeline), a change of named / unnamed / anonymous, linked raisers,
independence at stage 2, the person's details, updates after closure, issues' services,
the written-response agreement and the letters kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    ConsentMethod,
    Outcome,
    ProcedureDecision,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    Stage,
)
from app.store.concern_detail import load_concern
from app.ui.base.date_field import DateField
from app.ui.case.class_change_dialog import ClassChangeDialog
from app.ui.case.correction_dialog import CorrectionDialog, StageCorrectionDialog
from app.ui.case.person_record_dialog import PersonRecordDialog
from app.ui.case.raiser_dialog import RaiserDialog
from tests.gui.test_forms_hold_still import _question
from tests.gui.workspace_helpers import (
    make_casebook,
    open_concern,
    open_window,
    rows,
    save,
    type_text,
    wait_loaded,
)
from tests.store.test_concerns import NAMED


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(tree: QTreeWidget, text: str) -> QTreeWidgetItem:
    """Select the row whose first column holds `text`, as a click would."""
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        stack = [item]
        while stack:
            current = stack.pop()
            if current is None:
                continue
            if text in current.text(0):
                tree.setCurrentItem(current)
                return current
            stack.extend(current.child(i) for i in range(current.childCount()))
    raise AssertionError(f"no row {text!r}")


def _extended(service) -> int:  # type: ignore[no-untyped-def]
    concern = service.create(replace(NAMED, handler="Ward manager"))
    service.extend(concern, Stage.STAGE1, authorised_by="Head of service",
                   authorised_on=date(2025, 5, 6), reason="Witness on leave",
                   new_due_on=date(2025, 5, 16))
    service.signpost(concern, SignpostBody.INWO, date(2025, 5, 7))
    service.add_issue(concern, "Checks skipped", ServiceType.NHS)
    return int(concern)


def test_an_extension_corrected_and_signposting_removed_with_reasons(qtbot,
                                                                     folder: Path) -> None:
    concern = make_casebook(folder, _extended)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    timeline = workspace.timeline
    _select(timeline.tree, "Extension 1")
    _click(qtbot, timeline.correct)
    dialog = workspace.current_dialog
    assert isinstance(dialog, CorrectionDialog) and dialog.record == "extension"
    assert dialog.messages.text() == "" and not dialog.general.text()  # nothing said yet
    _click(qtbot, dialog.save_button)  # nothing changed, no reason yet: nothing is saved
    assert dialog.isVisible() and "Reason: Say why" in dialog.messages.text()
    assert "Change something to correct it" in dialog.general.text()
    assert dialog.focusWidget() is dialog.reason
    dialog.editors["new_due_on"].set_value(date(2025, 5, 19))  # type: ignore[attr-defined]
    type_text(qtbot, dialog.reason, "The new date was typed wrongly")
    save(qtbot, window, dialog)
    assert rows(qtbot, window, "SELECT new_due_on FROM extensions") == [("2025-05-19",)]
    qtbot.waitUntil(lambda: "Corrected" in "".join(
        timeline.tree.topLevelItem(i).text(0) for i in range(timeline.tree.topLevelItemCount())))
    edit = _select(timeline.tree, "Corrected:")
    assert "new due on" in edit.text(3)
    assert "The new date was typed wrongly" in timeline.details.toPlainText()

    workspace.tabs.setCurrentWidget(workspace.records)
    records = workspace.records
    records.signposting.setCurrentItem(records.signposting.topLevelItem(0))
    _click(qtbot, records.correct)
    remove = workspace.current_dialog
    assert isinstance(remove, CorrectionDialog) and remove.record == "signposting"
    remove.mode.buttons["remove"].click()
    assert not remove.editors["body"].isVisibleTo(remove)
    type_text(qtbot, remove.reason, "Recorded on the wrong concern")
    save(qtbot, window, remove)
    assert rows(qtbot, window, "SELECT count(*) FROM signposting") == [(0,)]
    assert rows(qtbot, window, "SELECT kind, reason FROM record_edits ORDER BY id") == [
        ("correction", "The new date was typed wrongly"),
        ("removal", "Recorded on the wrong concern")]

    # A stage's response corrected from the timeline: the figures follow.
    workspace.tabs.setCurrentWidget(timeline)
    _select(timeline.tree, "Stage 1")
    _click(qtbot, timeline.correct)
    stage = workspace.current_dialog
    assert isinstance(stage, StageCorrectionDialog)
    stage.editors["responded_on"].set_value(date(2025, 5, 9))  # type: ignore[attr-defined]
    stage.editors["outcome"].setCurrentIndex(  # type: ignore[attr-defined]
        stage.editors["outcome"].findData(Outcome.UPHELD.value))  # type: ignore[attr-defined]
    type_text(qtbot, stage.reason, "The response was not recorded")
    save(qtbot, window, stage)
    assert rows(qtbot, window, "SELECT responded_on, outcome FROM stages") == [
        ("2025-05-09", "upheld")]
    window.close()


def test_independence_is_asked_when_the_stage1_handler_investigates(qtbot,
                                                                     folder: Path) -> None:
    def build(service) -> int:  # type: ignore[no-untyped-def]
        concern = service.create(replace(NAMED, handler="Jo Bloggs"))
        service.respond(concern, Stage.STAGE1, date(2025, 5, 9), Outcome.NOT_UPHELD)
        service.add_involved(concern, "Pat Example", "Wrote the rota")
        return int(concern)

    concern = make_casebook(folder, build)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    escalate = workspace.open_form("escalate")
    assert not escalate.independence.box.isVisibleTo(escalate)
    type_text(qtbot, escalate.handler, "Dr Jo Bloggs")
    qtbot.waitUntil(lambda: escalate.independence.box.isVisibleTo(escalate))
    assert "handled stage 1" in escalate.problem_for("justification").text()
    _click(qtbot, escalate.save_button)  # not saved without a justification
    assert escalate.isVisible() and "handled stage 1" in escalate.messages.text()
    assert escalate.focusWidget() is escalate.independence.box
    type_text(qtbot, escalate.independence.box, "Only senior manager in the unit")
    save(qtbot, window, escalate)
    assert rows(qtbot, window, "SELECT handler_clash, handler_justification FROM stages"
                " WHERE stage = 'stage2'") == [("handled stage 1",
                                                "Only senior manager in the unit")]
    wait_loaded(qtbot, workspace, concern)
    handler = workspace.open_form("handler")
    handler.handler.setText("Pat Example")
    assert "recorded as involved (Wrote the rota)" in handler.problem_for(
        "justification").text()
    handler.handler.setText("An Independent Investigator")
    assert not handler.independence.box.isVisibleTo(handler)
    save(qtbot, window, handler)
    assert rows(qtbot, window, "SELECT handler_clash FROM stages WHERE stage = 'stage2'") == [
        (None,)]
    window.close()


def test_an_anonymous_concern_whose_person_comes_forward(qtbot, folder: Path) -> None:
    def build(service) -> int:  # type: ignore[no-untyped-def]
        return int(service.create(replace(NAMED, anonymity=Anonymity.ANONYMOUS, person=None,
                                          consent_on=None, consent_method=None,
                                          starting_stage=None)))

    concern = make_casebook(folder, build)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    workspace.tabs.setCurrentWidget(workspace.person)
    _click(qtbot, workspace.person.change_class)
    dialog = workspace.current_dialog
    assert isinstance(dialog, ClassChangeDialog)
    dialog.to.set_value(Anonymity.NAMED)
    assert dialog.person["name"].isVisibleTo(dialog)
    dialog.on.set_value(date(2025, 6, 2))
    type_text(qtbot, dialog.person["name"], "Robin Forward")
    dialog.consent_method.set_value(ConsentMethod.CONVERSATION)
    type_text(qtbot, dialog.reason, "C came forward and agreed")
    save(qtbot, window, dialog)
    assert rows(qtbot, window, "SELECT anonymity, received_as, named_on, consent_on"
                " FROM concerns") == [("named", "anonymous", "2025-06-02", "2025-06-02")]
    wait_loaded(qtbot, workspace, concern)
    qtbot.waitUntil(lambda: "when received" in workspace.person.history.text())
    decision = workspace.open_form("decision")
    decision.decision.set_value("stage1")
    decision.on.set_value(date(2025, 6, 2))
    save(qtbot, window, decision)
    assert rows(qtbot, window, "SELECT entered_on FROM stages") == [("2025-06-02",)]
    window.close()


def test_linked_raisers_and_the_persons_details(qtbot, folder: Path,
                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    concern = make_casebook(folder, lambda s: int(s.create(NAMED)))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    person = workspace.person
    workspace.tabs.setCurrentWidget(person)
    _click(qtbot, person.link)
    link = workspace.current_dialog
    assert isinstance(link, RaiserDialog)
    link.anonymity.set_value(Anonymity.NAMED.value)
    type_text(qtbot, link.person["name"], "Quinn Second")
    link.category.set_value(RaiserCategory.STUDENT_TRAINEE)
    link.raised_on.set_value(date(2025, 5, 5))
    link.consent.set_value(date(2025, 5, 5))
    link.consent_method.set_value(ConsentMethod.EMAIL)
    save(qtbot, window, link)
    wait_loaded(qtbot, workspace, concern)
    qtbot.waitUntil(lambda: person.raisers.topLevelItemCount() == 1)
    assert person.raisers.topLevelItem(0).text(0) == "2"
    assert "identity held" in person.raisers.topLevelItem(0).text(1)

    # Their details, shown only after a reason, corrected with another.
    person.raisers.setCurrentItem(person.raisers.topLevelItem(0))
    _click(qtbot, person.raiser_person)
    details = workspace.current_dialog
    assert isinstance(details, PersonRecordDialog) and details.raiser == 1
    assert details.person["name"].text() == "" and not details.details_box.isEnabled()
    type_text(qtbot, details.reveal_reason, "Correcting the email")
    _click(qtbot, details.show_button)
    qtbot.waitUntil(lambda: details.person["name"].text() == "Quinn Second")
    _click(qtbot, details.save_details)  # nothing changed: nothing to save, said plainly
    assert "Nothing to save" in details.message.text()
    details.person["email"].setText("quinn@example.org")
    _click(qtbot, details.save_details)  # not saved without a reason
    assert "Say why" in details.message.text() and details.message.is_problem
    details.reject()  # Escape with a detail changed asks; Keep editing keeps it all
    box = _question(qtbot, details)
    keep = next(b for b in box.buttons() if "Keep" in b.text())
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert details.isVisible() and details.person["email"].text() == "quinn@example.org"
    type_text(qtbot, details.reason, "A new email address")
    _click(qtbot, details.save_details)
    qtbot.waitUntil(lambda: "corrected" in details.message.text())
    details.reject()
    assert rows(qtbot, window, "SELECT label, fields, reason FROM record_edits") == [
        ("Raiser 2's details", '["email"]', "A new email address")]

    # Unlinked, with a reason: their identity goes.
    wait_loaded(qtbot, workspace, concern)
    person.raisers.setCurrentItem(person.raisers.topLevelItem(0))
    _click(qtbot, person.correct_raiser)
    unlink = workspace.current_dialog
    unlink.mode.buttons["remove"].click()
    type_text(qtbot, unlink.reason, "Linked to the wrong concern")
    save(qtbot, window, unlink)
    assert rows(qtbot, window, "SELECT count(*) FROM linked_raisers") == [(0,)]
    window.close()


def test_updates_after_closure_issue_services_and_the_written_response(qtbot,
                                                                       folder: Path) -> None:
    def build(service) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        closed = service.create(NAMED)
        service.respond(closed, Stage.STAGE1, date(2025, 5, 9), Outcome.UPHELD)
        other = service.create(replace(NAMED, starting_stage=None,
                                       person=PersonDetails("Sam Other")))
        return int(closed), int(other)

    closed, other = make_casebook(folder, build)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, closed)
    actions = workspace.actions_tab
    workspace.tabs.setCurrentWidget(actions)
    _click(qtbot, actions.agree)
    frequency = workspace.current_dialog
    type_text(qtbot, frequency.frequency, "monthly until the actions are done")
    save(qtbot, window, frequency)
    wait_loaded(qtbot, workspace, closed)
    _click(qtbot, actions.record_update)
    update = workspace.current_dialog
    update.on.set_value(date(2025, 6, 9))
    type_text(qtbot, update.told, "Told C the rota review is done")
    save(qtbot, window, update)
    qtbot.waitUntil(lambda: actions.updates.topLevelItemCount() == 1)
    assert "monthly until the actions are done" in actions.frequency.text()

    # The concern is about both services: an issue says which it is about.
    issue = workspace.open_form("issue")
    type_text(qtbot, issue.description, "Home care visits cut short")
    assert "say which this issue is about" in issue.problem_for("service").text()
    issue.service.set_value(ServiceType.LOCAL_AUTHORITY)
    save(qtbot, window, issue)
    assert rows(qtbot, window, "SELECT service_type FROM concern_issues") == [
        ("local_authority",)]

    workspace = open_concern(qtbot, window, other)
    decision = workspace.open_form("decision")
    decision.decision.set_value(ProcedureDecision.NOT_TAKEN_FORWARD.value)
    assert decision.written.isVisibleTo(decision)
    decision.on.set_value(date(2025, 5, 6))
    type_text(qtbot, decision.reasons, "A grievance matter")
    decision.written.set_value("not_needed")
    save(qtbot, window, decision)
    assert rows(qtbot, window, "SELECT written_response FROM concerns WHERE id = ?",
                other) == [("not_needed",)]
    window.close()


def test_the_letters_tab_lists_letters_and_reprints_one(qtbot, folder: Path,
                                                        tmp_path: Path) -> None:
    from app.services import letters
    from tests.documents.document_helpers import pdf_text, set_letter_contact

    def build(service) -> int:  # type: ignore[no-untyped-def]
        concern = service.create(NAMED)
        service.respond(concern, Stage.STAGE1, date(2025, 5, 9), Outcome.UPHELD)
        set_letter_contact(service.book)
        text = letters.draft(service.book, concern, "stage1_response",
                             {"findings": "We found you were right."}).text
        letters.make(service.book, concern, "stage1_response", text, "Writing",
                     tmp_path / "first.pdf", unprotected=True)
        return int(concern)

    concern = make_casebook(folder, build)
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    tab = workspace.letters
    workspace.tabs.setCurrentWidget(tab)
    assert tab.tree.topLevelItemCount() == 1
    assert tab.tree.topLevelItem(0).text(0) == "09/05/2025"
    assert tab.tree.topLevelItem(0).text(4) == "not protected"
    # Re-issue, as every form: a date typed as people type one, no default button, what
    # is wrong said on Save and gone once put right, Escape with a reason typed asks.
    _click(qtbot, tab.reissue)
    again = workspace.current_dialog
    assert isinstance(again.letter_date, DateField) and again.letter_date.text() == "09/05/2025"
    assert not [b.text() for b in again.findChildren(QPushButton)
                if b.isDefault() or b.autoDefault()]
    again.options.set_path(tmp_path / "reissued.pdf")
    _click(qtbot, again.save_button)  # no reason, no password
    assert again.isVisible() and "Put right" in again.message.text()
    type_text(qtbot, again.reason, "C moved house")
    qtbot.keyClicks(again.options.password, "a long password")
    qtbot.keyClicks(again.options.confirm, "a long password")
    assert not again.message.has_message()
    again.reject()
    box = _question(qtbot, again)
    discard = next(b for b in box.buttons() if "Discard" in b.text())
    with qtbot.waitSignal(again.finished, timeout=5000):
        qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert rows(qtbot, window, "SELECT count(*) FROM letters") == [(1,)]
    _click(qtbot, tab.reprint)
    dialog = workspace.current_dialog
    type_text(qtbot, dialog.reason, "Lost in the post")
    qtbot.keyClicks(dialog.options.password, "a long password")
    qtbot.keyClicks(dialog.options.confirm, "a long password")
    dialog.options.set_path(tmp_path / "again.pdf")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        _click(qtbot, dialog.save_button)
    assert "Dear Jordan Testperson," in pdf_text((tmp_path / "again.pdf").read_bytes(),
                                                 "a long password")
    assert load_concern  # the record is unchanged by a re-print
    window.close()


def test_the_letters_settings_are_set_in_the_window(qtbot, folder: Path) -> None:
    from app.services import letters
    from app.ui.settings.letters_panel import LettersPanel
    from tests.gui.test_reports_support import create_casebook, opened_casebook

    create_casebook(folder)
    with opened_casebook(qtbot, folder) as opened:
        panel = LettersPanel(opened.session)
        qtbot.addWidget(panel)
        panel.show()
        panel.reload()
        qtbot.waitUntil(lambda: panel.settings is not None)
        assert panel.body_fields["website"].text() == "www.inwo.org.uk"
        type_text(qtbot, panel.contact["name"], "Morgan Contact")
        _click(qtbot, panel.save_contact)
        qtbot.waitUntil(lambda: panel.message.is_problem)
        assert "a name, a role" in panel.message.text()
        type_text(qtbot, panel.contact["role"], "Whistleblowing lead")
        type_text(qtbot, panel.contact["phone"], "01234 567890")
        _click(qtbot, panel.save_contact)
        qtbot.waitUntil(lambda: "was saved" in panel.message.text())
        panel.kind.setCurrentIndex(panel.kind.findData("stage2_decision"))
        type_text(qtbot, panel.signatory_name, "Rowan Director")
        _click(qtbot, panel.save_signatory)
        qtbot.waitUntil(lambda: "signs it was saved" in panel.message.text())
        settings = opened.ask(letters.settings)
        assert settings.contact.name == "Morgan Contact"
        assert settings.signatory("stage2_decision").name == "Rowan Director"
        assert settings.signatory("stage1_response").name == "Morgan Contact"

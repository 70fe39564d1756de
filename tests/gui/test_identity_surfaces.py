"""Surfaces that do not reveal: a held name typed into case text (and kept) never shows on
the list, in its search, on the Summary tab or any other tab, the dashboard, or the
redacted case summary; finding a concern by its person is its own audited reveal.

Typed into a real casebook through ConcernService, as a contact who kept the text would
leave it; looked at through the real window (pytest-qt) and the real PDF (pypdf).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core.identity import PersonDetails
from app.core.records import ConversationMode
from app.documents.case_summary import render_case_summary
from app.store.casebook import Casebook
from app.ui.cases.find_person_dialog import FindPersonDialog
from tests.documents.document_helpers import pdf_text
from tests.gui.workspace_helpers import (
    all_texts,
    idle,
    make_casebook,
    open_window,
    rows,
    save,
    type_text,
)
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE

SIOBHAN = PersonDetails(name="Siobhan Ó Ceallaigh", email="siobhan.oc@example.org",
                        phone="07700 900461", job_title="night pharmacist")
ZOE = PersonDetails(name="Zoë Erskine")
# Every piece of the held identities that must never show (compared case-blind).
PIECES = ("siobhan", "ceallaigh", "erskine", "zoë", "zoe ", "siobhan.oc", "900461",
          "\u0405iobhan", "ceall\u00adaigh")


def _with_names(service: Any) -> int:
    service.create(replace(NAMED, person=ZOE, summary="Rota gaps on ward 2"))
    concern = int(service.create(replace(
        NAMED, person=SIOBHAN, service_area="Pharmacy (Siobhan's team)",
        summary="Siobhan says controlled drugs are not double-checked.\nZoe Erskine agrees.",
        themes=("patient_safety", "Ceallaigh rota"), handler="Zoe Erskine")))
    service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE,
                             "\u0405iobhan rang from 07700 900461; Ms Ceall\u00adaigh is upset.",
                             "Call Siobhan Ó Ceallaigh back.")
    issue = service.add_issue(concern, "Checks skipped when Siobhan is on nights")
    service.set_issue_findings(issue, "Zoë Erskine confirmed the gaps")
    service.add_action(concern, "Audit the checks", owner="Zoe Erskine",
                       learning="Siobhan's team now double-checks", publishable=True)
    service.record_detriment(concern, date(2025, 5, 4), "Siobhan was moved off nights")
    service.escalate(concern, date(2025, 5, 5), handler="Siobhan Ceallaigh")
    return concern


def _shown(text: str) -> list[str]:
    lower = text.lower()
    return [p for p in PIECES if p.lower() in lower]


def _search(qtbot: Any, window: Any, text: str) -> int:
    view = window.shell.concerns
    window.shell.show_page("concerns")
    view.search.clear()
    type_text(qtbot, view.search, text)
    qtbot.waitUntil(lambda: view.model.query.search == text and not view.model._fetching,
                    timeout=10_000)
    idle(qtbot, window)
    return int(view.model.total)


def test_a_held_name_never_shows_on_the_list_or_is_found_by_its_search(qtbot,
                                                                       folder: Path) -> None:
    make_casebook(folder, _with_names)
    window = open_window(qtbot, folder)
    for typed in ("Siobhan", "siob", "Ceallaigh", "Erskine", "Zoë", "900461"):
        assert _search(qtbot, window, typed) == 0, typed
    assert _search(qtbot, window, "double-checked") == 1
    view = window.shell.concerns
    summary_column = [c[0] for c in view.model.COLUMNS].index("summary")
    shown = view.model.data(view.model.index(0, summary_column))
    assert shown == "C says controlled drugs are not double-checked."
    assert _search(qtbot, window, "") == 2
    assert not _shown(all_texts(window)), _shown(all_texts(window))
    window.close()


def test_every_tab_the_dashboard_and_the_timeline_show_c_and_name(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _with_names)
    window = open_window(qtbot, folder)
    window.shell.show_page("dashboard")
    idle(qtbot, window)
    workspace = window.shell.workspace
    window.shell.open_concern(concern)
    qtbot.waitUntil(lambda: workspace.context is not None)
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        for tree in workspace.findChildren(type(workspace.issues.tree)):
            for i in range(tree.topLevelItemCount()):
                tree.setCurrentItem(tree.topLevelItem(i))  # fills each details pane
        texts = all_texts(window)
        assert not _shown(texts), (workspace.tabs.tabText(index), _shown(texts))
    summary = workspace.intake.values["summary"].text()
    assert summary.startswith("C says controlled drugs") and "[name] agrees" in summary
    assert "[phone]" in all_texts(window)
    window.close()


def test_the_redacted_case_summary_pdf_holds_no_piece_of_a_held_name(folder: Path) -> None:
    concern = make_casebook(folder, _with_names)
    with Casebook.open(folder, PASSPHRASE) as book:
        text = pdf_text(render_case_summary(book, concern))
    assert not _shown(text), _shown(text)
    assert "C says controlled drugs" in text and "[name]" in text


def test_a_name_held_later_leaves_the_search_and_the_list(qtbot, folder: Path) -> None:
    def build(service: Any) -> int:
        return int(service.create(replace(NAMED, summary="Torquil Abernethy saw the error")))

    make_casebook(folder, build)
    window = open_window(qtbot, folder)
    assert _search(qtbot, window, "Abernethy") == 1  # nobody holds that name yet
    done: list[object] = []
    window.session.write(lambda state: window.session.service(state).create(
        replace(NAMED, person=PersonDetails(name="Torquil Abernethy"), summary="Lifts")),
        done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert _search(qtbot, window, "Abernethy") == 0
    assert _search(qtbot, window, "error") == 1
    assert "Torquil" not in all_texts(window)
    window.close()


def test_finding_a_concern_by_the_person_is_an_audited_reveal(qtbot, folder: Path) -> None:
    concern = make_casebook(folder, _with_names)
    window = open_window(qtbot, folder)
    window.shell.show_page("concerns")
    qtbot.mouseClick(window.shell.concerns.find_person, Qt.MouseButton.LeftButton)
    dialog = window.shell.find_person_dialog
    assert isinstance(dialog, FindPersonDialog)
    qtbot.keyClicks(dialog.text, "siobhan ceall")
    assert not dialog.find_button.isEnabled()  # no reason, no lookup
    qtbot.keyClicks(dialog.reason, "C phoned and gave only a first name")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 1)
    person = dialog.results.topLevelItem(0)
    assert person.text(0) == "Siobhan Ó Ceallaigh" and person.childCount() == 1
    audited = rows(qtbot, window, "SELECT detail FROM audit WHERE event = ?",
                   "identity.found_by_person")
    assert [json.loads(a[0]) for a in audited] == [
        {"reason": "C phoned and gave only a first name"}]
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shell.workspace.context is not None
                    and window.shell.workspace.context.concern_id == concern)
    assert window.shell.find_person_dialog is None
    assert "Ceallaigh" not in all_texts(window)  # gone with the dialog
    window.close()


def test_the_find_person_dialog_is_wiped_on_lock(qtbot, folder: Path) -> None:
    make_casebook(folder, _with_names)
    window = open_window(qtbot, folder)
    dialog = window.shell.find_person()
    qtbot.keyClicks(dialog.text, "Erskine")
    qtbot.keyClicks(dialog.reason, "Checking")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 1)
    window.lock()
    qtbot.waitUntil(lambda: not window.unlocked)
    assert "Erskine" not in all_texts(window)
    window.close()


def test_editing_shows_text_masked_and_never_writes_the_mask_over_it(qtbot,
                                                                     folder: Path) -> None:
    concern = make_casebook(folder, _with_names)
    window = open_window(qtbot, folder)
    workspace = window.shell.workspace
    window.shell.open_concern(concern)
    qtbot.waitUntil(lambda: workspace.context is not None)
    conversation = workspace.context.detail.conversations[0].conversation_id
    form = workspace.open_form("edit_conversation", conversation)
    assert form.notes.toPlainText() == "C rang from [phone]; C is upset."
    assert form.next_steps.toPlainText() == "Call C back."
    form.next_steps.clear()
    qtbot.keyClicks(form.next_steps, "Call back on Friday.")
    save(qtbot, window, form)
    stored = rows(qtbot, window, "SELECT notes, next_steps FROM conversations")
    assert stored == [("\u0405iobhan rang from 07700 900461; Ms Ceall\u00adaigh is upset.",
                       "Call back on Friday.")]
    intake = workspace.open_form("intake")
    assert intake.intake.summary.toPlainText().startswith("C says")
    intake.intake.service_type.setCurrentIndex(0)
    qtbot.keyClicks(intake.reason, "The service was recorded wrongly")
    save(qtbot, window, intake)
    assert rows(qtbot, window, "SELECT summary FROM concerns WHERE id = ?", concern)[0][0] \
        .startswith("Siobhan says")
    window.close()

"""Letters and case summaries open from a concern's workspace header."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.records import Anonymity
from app.ui.documents.letter_dialog import LetterDialog
from app.ui.documents.summary_dialog import SummaryDialog
from tests.gui.workspace_helpers import make_casebook, open_concern, open_window
from tests.store.test_concerns import NAMED


def test_letter_and_summary_buttons_open_their_dialogs(qtbot, folder: Path) -> None:
    named, anonymous = make_casebook(folder, lambda service: (
        service.create(NAMED),
        service.create(replace(NAMED, anonymity=Anonymity.ANONYMOUS, person=None,
                               starting_stage=None, consent_on=None, consent_method=None))))
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, named)
    assert workspace.header.letter.isEnabled()
    workspace.header.letter.click()
    assert isinstance(workspace.current_dialog, LetterDialog)
    workspace.current_dialog.reject()
    workspace.header.summary.click()
    assert isinstance(workspace.current_dialog, SummaryDialog)
    workspace.current_dialog.reject()

    workspace = open_concern(qtbot, window, anonymous)
    assert not workspace.header.letter.isEnabled()  # nobody to address a letter to
    assert workspace.header.summary.isEnabled()
    window.close()


def test_imported_history_shows_missing_details_as_not_recorded(qtbot, folder: Path,
                                                               tmp_path: Path) -> None:
    from app.importing import import_spreadsheet
    from app.store.casebook import Casebook
    from tests.support import PASSPHRASE, TODAY

    sheet = tmp_path / "log.csv"
    sheet.write_text(
        "reference,received_date,starting_stage,anonymity,raiser_name,raiser_category,"
        "service_type,summary,consent_date,escalation_date,stage2_extended\n"
        "OLD-1,2025-04-07,1,named,Alex Example,employee,nhs,Rota gaps,2025-04-07,"
        "2025-04-14,yes\n", encoding="utf-8")
    Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")[0].close()
    with Casebook.open(folder, PASSPHRASE) as book:
        report = import_spreadsheet(book, sheet, today=TODAY)
        assert report.ok, report.summary()
        concern = book.cases.execute("SELECT id FROM concerns").fetchone()[0]
    window = open_window(qtbot, folder)
    workspace = open_concern(qtbot, window, concern)
    from tests.gui.workspace_helpers import all_texts

    timeline = workspace.findChild(type(workspace.tabs.widget(1)))
    shown = all_texts(timeline or workspace)
    assert shown.count("not recorded (imported)") >= 3  # consent how, handler, extension
    window.close()

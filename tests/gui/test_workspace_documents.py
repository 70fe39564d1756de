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

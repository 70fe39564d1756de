"""Every dialog a person types into asks before Escape or Cancel throws the typing away
(issue 17): the passphrase dialogs, find by person, import, backup and the case summary.
Untouched, each closes at once; "Keep editing" keeps what was typed; "Discard and close"
closes; a lock closes without asking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app.store.concerns import ConcernService
from tests.gui.test_forms_hold_still import _question
from tests.gui.test_reports_support import create_casebook, opened_casebook
from tests.store.test_concerns import NAMED
from tests.support import TODAY


def _change_passphrase(session: Any, _concern: int) -> tuple[QDialog, Callable[[], None],
                                                             Callable[[], str]]:
    from app.ui.settings.change_passphrase_dialog import ChangePassphraseDialog

    dialog = ChangePassphraseDialog(session)
    return dialog, lambda: dialog.new.setText("a new passphrase typed"), dialog.new.text


def _new_passphrase(session: Any, _concern: int) -> tuple[QDialog, Callable[[], None],
                                                          Callable[[], str]]:
    from app.ui.unlock.new_passphrase_dialog import NewPassphraseDialog

    dialog = NewPassphraseDialog(session)
    return dialog, lambda: dialog.new.setText("a new passphrase typed"), dialog.new.text


def _find_person(session: Any, _concern: int) -> tuple[QDialog, Callable[[], None],
                                                       Callable[[], str]]:
    from app.ui.cases.find_person_dialog import FindPersonDialog

    dialog = FindPersonDialog(session)
    return dialog, lambda: dialog.reason.setText("She phoned and gave a name"), \
        dialog.reason.text


def _import(session: Any, _concern: int) -> tuple[QDialog, Callable[[], None],
                                                  Callable[[], str]]:
    from app.ui.importing.import_dialog import ImportDialog

    dialog = ImportDialog(session)
    return dialog, lambda: dialog.pseudonymise.setChecked(
        not dialog.pseudonymise.isChecked()), lambda: str(dialog.pseudonymise.isChecked())


def _backup(session: Any, _concern: int) -> tuple[QDialog, Callable[[], None],
                                                  Callable[[], str]]:
    from app.ui.backup.backup_dialog import BackupDialog

    dialog = BackupDialog(session)
    return dialog, lambda: dialog.folder.setText("/media/stick/backups"), dialog.folder.text


def _summary(session: Any, concern: int) -> tuple[QDialog, Callable[[], None],
                                                  Callable[[], str]]:
    from app.ui.documents.summary_dialog import SummaryDialog

    dialog = SummaryDialog(session, concern)
    return dialog, lambda: dialog.reason.setPlainText("For the investigating manager"), \
        dialog.reason.toPlainText


DIALOGS = {"change passphrase": _change_passphrase, "new passphrase": _new_passphrase,
           "find by person": _find_person, "import": _import, "backup": _backup,
           "case summary": _summary}


def _answer(qtbot: Any, dialog: QDialog, words: str) -> None:
    box = _question(qtbot, dialog)
    button = next(b for b in box.buttons() if words in b.text().replace("&", ""))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_escape_asks_when_something_was_typed(qtbot, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "casebook"

    def build(book: Any) -> int:
        return ConcernService(book, today=lambda: TODAY).create(NAMED)

    concern = create_casebook(folder, build)
    with opened_casebook(qtbot, folder) as opened:
        dialog, type_something, typed = DIALOGS[name](opened.session, concern)
        qtbot.addWidget(dialog)
        dialog.open()
        opened.idle()  # filled in (the summary reads its concern first)
        qtbot.waitUntil(lambda: dialog._settled is not None)  # type: ignore[attr-defined]
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
        assert not dialog.isVisible()

        dialog.open()
        opened.idle()
        type_something()
        before = typed()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        _answer(qtbot, dialog, "Keep editing")
        assert dialog.isVisible() and typed() == before

        dialog.reject()  # Cancel or Close, as the button does
        _answer(qtbot, dialog, "Discard and close")
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert dialog.result() == QDialog.DialogCode.Rejected

        dialog.open()
        opened.idle()
        type_something()
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            dialog.done(0)  # a lock: closes without asking
        assert not any(b.isVisible() for b in dialog.findChildren(QDialog))

"""The "Return to the board" page: every figure previewed, exactly the preview saved, encrypted."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pyrage
import pytest
from PySide6.QtCore import Qt

from app.core.periods import parse_period
from app.returns.envelope import open_return, set_board_recipient
from app.returns.payload import preview_text
from app.returns.signing import recipient_fingerprint
from app.store.concerns import ConcernService
from app.ui.reports import return_view
from app.ui.reports.return_view import ReturnView
from tests.gui.test_reports_support import Q1, Opened, create_casebook, designed, opened_casebook
from tests.support import TODAY


def _view(qtbot, opened: Opened) -> ReturnView:
    view = ReturnView(opened.session)
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view.board is not None)
    return view


def _preview(qtbot, view: ReturnView, period) -> None:
    view.chooser.select(period)
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (view.preview or view.blocked) is not None)


def _scalars(value: Any, path: str = "") -> dict[str, Any]:
    """Every value in the payload by its JSON path (list items as path[i])."""
    if isinstance(value, dict):
        found: dict[str, Any] = {}
        for key, inner in value.items():
            found.update(_scalars(inner, f"{path}.{key}" if path else key))
        return found
    if isinstance(value, list):
        return {f"{path}[{i}]": item for i, item in enumerate(value)}
    return {path: value}


def test_the_preview_shows_every_figure_and_the_file_holds_exactly_it(
        qtbot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    board = pyrage.x25519.Identity.generate()
    recipient = str(board.to_public())

    def build(book) -> None:
        designed(book)
        set_board_recipient(book, recipient)

    create_casebook(folder, build)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        assert view.chooser.period() == parse_period("2026-27-Q2")  # the last quarter ended
        assert view.recipient.text() == recipient
        assert view.fingerprint.text().split() == recipient_fingerprint(recipient).split()
        assert not view.open_settings.isVisible()
        assert not view.save_button.isEnabled()  # nothing previewed yet

        _preview(qtbot, view, Q1)
        preview = view.preview
        assert preview is not None and view.blocked is None
        payload = preview.payload
        # Every value that would leave the laptop has its own line in the tree.
        scalars = _scalars(payload)
        assert set(view.tree.leaves) == set(scalars)
        assert view.tree.value_at("figures.received.stage1") == "5"
        assert view.tree.value_at("figures.by_service.both.received.stage2") == "1"
        assert view.tree.value_at("figures.by_theme.patient_safety.closed.stage1") == "3"
        assert view.tree.value_at("period.from") == "01/04/2025"
        assert view.tree.value_at("reporting_unit") == "Test Unit"
        assert view.tree.value_at("learning[0]") == "Night checks now need two nurses."
        for path, value in scalars.items():
            if isinstance(value, int) and not isinstance(value, bool) and path != "audit_head.seq":
                assert view.tree.value_at(path) == f"{value:,}", path
        assert [view.learning.item(i).text() for i in range(view.learning.count())] == [
            "Night checks now need two nurses."]
        # The exact JSON, as signed.
        assert view.shown.currentWidget() is view.tree
        qtbot.keyClick(view.show_json, Qt.Key.Key_Space)
        assert view.shown.currentWidget() is view.json
        assert view.json.toPlainText() == preview_text(payload)
        assert ("everything the return for April to June 2025 (Q1 2025-26) would send"
            in view.status.text())

        monkeypatch.setattr(return_view, "ask_save_file", lambda *args: tmp_path / "q1")
        assert view.save_button.isEnabled()
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.saved_to is not None)
        saved = tmp_path / "q1.age"
        assert view.saved_to == saved
        assert str(saved) in view.status.text() and "encrypted" in view.status.text()
        opened_file = open_return(saved.read_bytes(), str(board))
        assert opened_file.payload == preview.text.encode("utf-8")
        assert json.loads(opened_file.payload) == payload
        built = [(entity, detail) for event, entity, detail in opened.audit()
                 if event == "return.built"]
        assert built == [(payload["return_id"], {  # which board key it went to, no content
            "period": "2025-26-Q1", "board_key": recipient_fingerprint(recipient)})]
        # Our own save does not call the preview out of date.
        assert "changed since" not in view.status.text()

        # A new period needs a new preview.
        view.chooser.select(parse_period("2025-26-Q2"))
        assert view.preview is None and not view.save_button.isEnabled()
        assert view.tree.topLevelItemCount() == 0 and view.json.toPlainText() == ""


def test_without_the_boards_key_the_page_says_so_and_points_to_settings(
        qtbot, folder: Path) -> None:
    create_casebook(folder, designed)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        assert view.recipient.text() == "No board key is set."
        assert "Settings" in view.board_note.text() and view.board_note.is_problem
        assert view.open_settings.isVisible()
        with qtbot.waitSignal(view.settings_requested):
            qtbot.mouseClick(view.open_settings, Qt.MouseButton.LeftButton)
        _preview(qtbot, view, Q1)  # a preview needs no key
        assert view.preview is not None and not view.save_button.isEnabled()

        # The key set in Settings (a write through the session) is picked up.
        recipient = str(pyrage.x25519.Identity.generate().to_public())
        opened.session.write(lambda state: set_board_recipient(state.require_book(), recipient),
                             lambda _: None)
        qtbot.waitUntil(lambda: view.recipient.text() == recipient)
        assert view.save_button.isEnabled() and not view.open_settings.isVisible()
        assert "changed since this preview" in view.status.text()

        view.forget()
        assert view.preview is None and view.board is None
        assert view.recipient.text() == "" and view.fingerprint.text() == ""
        assert view.tree.topLevelItemCount() == 0 and view.learning.count() == 0
        opened.idle()


def test_a_learning_statement_that_may_identify_someone_blocks_the_build(
        qtbot, folder: Path) -> None:
    statement = "Call 07700 900456 if it happens again."

    def build(book) -> None:
        ids = designed(book)
        service = ConcernService(book, today=lambda: TODAY)
        action = service.add_action(ids["A"], "Share the number", learning=statement,
                                    publishable=True)
        service.update_action(action, done_on=date(2025, 6, 12))
        set_board_recipient(book, str(pyrage.x25519.Identity.generate().to_public()))

    create_casebook(folder, build)
    with opened_casebook(qtbot, folder) as opened:
        view = _view(qtbot, opened)
        _preview(qtbot, view, Q1)
        assert view.preview is None and view.blocked is not None
        assert view.problems_box.isVisible() and not view.preview_box.isVisible()
        assert view.problems.rowCount() == 1
        assert view.problems.cell_text(0, 0) == statement
        assert "phone number" in view.problems.cell_text(0, 1)
        assert "cannot be built" in view.status.text() and view.status.is_problem
        assert not view.save_button.isEnabled()
        assert not any(event == "return.built" for event, _, _ in opened.audit())


def test_a_long_audit_proof_is_summed_up_in_the_tree_and_whole_in_the_exact_text(qtbot) -> None:
    """At 100,000 concerns a return carries 90,000 entries' proofs (3.8 MB of base64): the
    tree says how many (laying the whole line out took 1.3 s on the window's thread), the
    exact text holds every character."""
    import base64

    from app.ui.reports.payload_tree import PayloadTree

    macs = base64.b64encode(bytes(32 * 90_000)).decode()
    payload = {"audit_chain": {"from": {"seq": 4, "hash": "ab" * 32}, "macs": macs},
               "figures": {"received": {"stage1": 3}}}
    tree = PayloadTree()
    qtbot.addWidget(tree)
    tree.show_payload(payload)
    shown = tree.value_at("audit_chain.macs")
    assert "90,000 entries' proofs" in shown and f"{len(macs):,} characters" in shown
    assert len(shown) < 200 and shown.startswith(macs[:24])
    assert tree.value_at("figures.received.stage1") == "3"
    assert macs in preview_text(payload)  # type: ignore[arg-type]
    short = base64.b64encode(bytes(32 * 3)).decode()
    tree.show_payload({"audit_chain": {"macs": short}})
    assert tree.value_at("audit_chain.macs") == short  # a few proofs are shown as they are

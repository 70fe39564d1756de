"""An audit log a key-holder cannot rewrite unseen, and keys that rotate on rekey.

The attacks, with the real keys (the passphrase holder has them all): rewrite an entry
and recompute the whole chain (and the record kept beside it), so that `casebook check`
on the laptop says "All checks passed"; cut the log short; keep signing returns with the
unit's key after a rekey; vouch for a new key with a stolen old one. Each is caught
through what the board holds (its anchors), the casebook's own backups, or the rotation
the board must confirm by phone. Real SQLCipher casebooks, real returns (signed and
encrypted), the real command line.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.core.fingerprints import fingerprint
from app.core.periods import parse_period
from app.returns.board_import import import_return
from app.returns.envelope import write_return
from app.returns.payload import build_payload
from app.returns.schema import payload_bytes
from app.returns.signing import unit_public_key
from app.store import audit, backup, database, head_record, keys
from app.store.board import Board
from app.store.casebook import Casebook
from app.store.check import check
from app.store.concerns import ConcernService
from app.store.errors import CasebookError, ReturnRejected
from tests.returns.return_helpers import named_concern
from tests.support import PASSPHRASE, TODAY

Q1, Q2, Q3 = (parse_period(f"2025-26-Q{n}") for n in (1, 2, 3))
UNIT = "Forth Valley contacts"


@pytest.fixture
def casebook(folder: Path, board: Board) -> Iterator[Casebook]:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Forth Valley", unit=UNIT)
    book.set_setting("board_recipient", board.recipient())
    board.register_unit(UNIT, unit_public_key(book))
    service = ConcernService(book, today=lambda: TODAY)
    for day in (2, 9, 16):
        service.create(named_concern(date(2025, 5, day), f"Person {day}"))
    try:
        yield book
    finally:
        book.close()


def _send(book: Casebook, board: Board, period: Any, tmp_path: Path, name: str,
          created: datetime | None = None) -> Any:
    """Build and write a return as the contact does, and import it at the board."""
    payload = build_payload(book, period, now=created)
    out = write_return(book, payload, tmp_path / f"{name}.age")
    return import_return(board, out.read_bytes())


def _activity(book: Casebook, n: int = 3) -> None:
    for i in range(n):
        book.record("test.activity", "test", i)


def _rewrite(book: Casebook, seq: int, detail: str) -> None:
    """The passphrase holder's attack: change entry `seq`, recompute every mac and hash after
    it with the real audit key, move the head in meta and in the record beside the file."""
    conn = book.cases
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    with database.write(conn):
        conn.execute("UPDATE audit SET detail = ? WHERE seq = ?", (detail, seq))
        prev = audit.hash_at(conn, seq - 1)
        rows = conn.execute("SELECT seq, at, event, entity, entity_id, detail FROM audit"
                            " WHERE seq >= ? ORDER BY seq", (seq,)).fetchall()
        for s, at, event, entity, entity_id, text in rows:
            mac = audit._digest(book.audit_key, s, at, event, entity, entity_id, text, prev)
            digest = audit.link(prev, mac)
            conn.execute("UPDATE audit SET prev = ?, mac = ?, hash = ? WHERE seq = ?",
                         (prev, mac, digest, s))
            prev = digest
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                     (f"{rows[-1][0]}:{prev}",))
    head_record.write(book.folder, book.master_key, head_record.current(conn))
    book._recorded_head = head_record.current(conn)


def _truncate(book: Casebook, keep: int) -> None:
    """The other attack: cut the log back to entry `keep` (and keep it consistent)."""
    conn = book.cases
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    with database.write(conn):
        conn.execute("DELETE FROM audit WHERE seq > ?", (keep,))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                     (f"{keep}:{audit.hash_at(conn, keep)}",))
        conn.execute("DELETE FROM meta WHERE key = 'last_return_head'")
    head_record.write(book.folder, book.master_key, head_record.current(conn))
    book._recorded_head = head_record.current(conn)


# ----- the chain the board follows -----------------------------------------------------


def test_returns_carry_the_chain_and_the_board_follows_it_in_any_order(
        casebook: Casebook, board: Board, tmp_path: Path) -> None:
    payloads = []
    for period in (Q1, Q2, Q3):
        _activity(casebook)
        payloads.append(build_payload(casebook, period))
        write_return(casebook, payloads[-1], tmp_path / f"{period.label}.age")
    # Each return carries the macs since the previous one built, from its head.
    for earlier, later in zip(payloads, payloads[1:], strict=False):
        assert later["audit_chain"]["from"] == earlier["audit_head"]
    # Out of order (Q3, then Q1, then Q2): every one is accepted and followed.
    for label in ("2025-26-Q3", "2025-26-Q1", "2025-26-Q2"):
        result = import_return(board, (tmp_path / f"{label}.age").read_bytes())
        assert result.outcome == "imported"
    held = board.conn.execute("SELECT count(*) FROM chain_points").fetchone()[0]
    assert held == payloads[-1]["audit_head"]["seq"] + 1  # every entry from 0, once


def test_a_rewritten_log_passes_the_laptops_own_check_but_not_the_board(
        casebook: Casebook, board: Board, tmp_path: Path) -> None:
    assert _send(casebook, board, Q1, tmp_path, "q1").outcome == "imported"
    q1_head = json.loads(board.returns([Q1.label])[0].payload)["audit_head"]["seq"]
    _activity(casebook)
    _rewrite(casebook, 4, json.dumps({"note": "this reveal never happened"}))
    assert check(casebook).ok  # the threat: the laptop alone cannot tell
    with pytest.raises(ReturnRejected) as refused:
        _send(casebook, board, Q2, tmp_path, "q2")
    # The new return starts where the last one ended; there the hashes no longer agree.
    assert refused.value.reason == "fork" and f"entry {q1_head} differs" in str(refused.value)
    assert board.conn.execute("SELECT count(*) FROM returns").fetchone()[0] == 1


def test_a_log_cut_short_is_refused_even_when_it_agrees_with_what_is_held(
        casebook: Casebook, board: Board, tmp_path: Path) -> None:
    """The review's case: a return whose head went back to entry 1 was imported."""
    first = _send(casebook, board, Q1, tmp_path, "q1",
                  created=datetime.now(UTC) - timedelta(hours=1))
    assert first.outcome == "imported"
    _truncate(casebook, 1)
    with pytest.raises(ReturnRejected) as refused:
        _send(casebook, board, Q2, tmp_path, "q2")
    assert refused.value.reason == "fork" and "cut short" in str(refused.value)


def test_the_board_anchors_name_the_first_entry_the_laptop_no_longer_passes_through(
        casebook: Casebook, board: Board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _send(casebook, board, Q1, tmp_path, "q1", created=datetime.now(UTC) - timedelta(hours=2))
    _activity(casebook)
    second = _send(casebook, board, Q2, tmp_path, "q2")
    assert second.outcome == "imported"
    _activity(casebook)
    q1_head = json.loads(board.returns([Q1.label])[0].payload)["audit_head"]["seq"]
    _rewrite(casebook, q1_head - 1, json.dumps({"note": "altered"}))
    folder, board_folder = casebook.folder, board.folder
    casebook.close()
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    anchors = tmp_path / "anchors.json"
    assert main(["board", "anchors", UNIT, "--out", str(anchors), "--board",
                 str(board_folder)]) == 0
    assert "2 audit head(s)" in capsys.readouterr().err
    assert main(["check", "--casebook", str(folder)]) == 0  # on its own: passes
    capsys.readouterr()
    assert main(["check", "--anchors", str(anchors), "--casebook", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"does not pass through entry {q1_head:,}" in err and "2025-26-Q1" in err
    assert "All checks passed" not in err
    for bad in (b"{}", b"not json", b'{"format": "casebook-anchors", "version": 1, '
                b'"heads": [{"seq": -1, "hash": "x"}]}'):
        anchors.write_bytes(bad)
        assert main(["check", "--anchors", str(anchors), "--casebook", str(folder)]) == 1
        assert "is not an anchors file" in capsys.readouterr().err


def test_the_casebooks_own_backups_catch_a_rewrite_and_a_cut(casebook: Casebook,
                                                             tmp_path: Path) -> None:
    _activity(casebook, 5)
    backup.backup_files(casebook.folder, casebook.master_key)
    manifest = backup.read_manifest(backup.list_backups(casebook.folder)[0])
    head = manifest["audit_head"]
    assert isinstance(head, dict) and head["seq"] == audit.head(casebook.cases)[0] - 0
    _activity(casebook, 2)
    _rewrite(casebook, 3, json.dumps({"note": "altered"}))
    report = check(casebook)
    assert not report.ok and any("rewritten since" in p and "backup" in p
                                 for p in report.problems)
    _truncate(casebook, 2)
    report = check(casebook)
    assert any("entries have been removed since" in p for p in report.problems)


def test_an_accepted_fork_lets_one_return_through_audited(
        casebook: Casebook, board: Board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _send(casebook, board, Q1, tmp_path, "q1")
    _activity(casebook)
    _rewrite(casebook, 2, json.dumps({"note": "restored from backup"}))
    payload = build_payload(casebook, Q2)
    out = write_return(casebook, payload, tmp_path / "q2.age")
    with pytest.raises(ReturnRejected):
        import_return(board, out.read_bytes())
    with pytest.raises(Exception, match="Say why"):
        board.accept_fork(UNIT, "  ")
    board.accept_fork(UNIT, "restored from the backup of 1 May after a disk failure")
    assert import_return(board, out.read_bytes()).outcome == "imported"
    events = [e for (e,) in board.conn.execute("SELECT event FROM audit")]
    assert "chain.fork_accepted" in events and "chain.fork_taken" in events
    assert board.verify_audit().ok
    # Once only: the next contradiction is refused again.
    _activity(casebook)
    _rewrite(casebook, 3, json.dumps({"note": "again"}))
    with pytest.raises(ReturnRejected):
        _send(casebook, board, Q3, tmp_path, "q3")


def test_a_return_whose_chain_does_not_lead_to_its_head_is_impossible(
        casebook: Casebook, board: Board) -> None:
    from app.returns.envelope import seal
    from app.returns.signing import unit_signing_key

    payload = build_payload(casebook, Q1)
    raw = bytearray(base64.b64decode(payload["audit_chain"]["macs"]))
    raw[5] ^= 1
    payload["audit_chain"]["macs"] = base64.b64encode(bytes(raw)).decode()
    data = seal(payload_bytes(payload), unit_signing_key(casebook), board.recipient())
    with pytest.raises(ReturnRejected) as refused:
        import_return(board, data)
    assert refused.value.reason == "impossible" and "does not lead to its head" in str(
        refused.value)


def test_a_version_1_return_is_still_accepted(casebook: Casebook, board: Board) -> None:
    from app.returns.board_report import board_figures
    from app.returns.envelope import seal
    from app.returns.signing import unit_signing_key

    payload = build_payload(casebook, Q1)
    del payload["audit_chain"], payload["identity_access"]
    payload["version"] = 1

    def without_contracted(block: dict) -> None:  # type: ignore[type-arg]
        block.pop("contracted_services", None)  # format 2 only
        for value in block.values():
            if isinstance(value, dict):
                without_contracted(value)

    without_contracted(payload["figures"])
    data = seal(payload_bytes(payload), unit_signing_key(casebook), board.recipient())
    assert import_return(board, data).outcome == "imported"
    # Added up with newer returns, it counts none about contracted services.
    total = board_figures(board, Q1)
    assert total["contracted_services"] == {"stage1": 0, "stage2": 0, "anonymous": 0,
                                            "unnamed": 0}


# ----- rekey rotates the signing key and the audit key ---------------------------------------


def _rekey(book: Casebook) -> Casebook:
    from app.store.rekey import rekey

    folder = book.folder
    book.close()
    rekey(folder, PASSPHRASE)
    return Casebook.open(folder, PASSPHRASE)


def test_rekey_rotates_both_keys_and_the_chain_links_them(casebook: Casebook) -> None:
    old_signing = unit_public_key(casebook)
    old_audit = casebook.audit_key
    book = _rekey(casebook)
    try:
        assert unit_public_key(book) != old_signing and book.audit_key != old_audit
        rotation = book.cases.execute(
            "SELECT detail, key_epoch FROM audit WHERE event = 'casebook.rekeyed'").fetchone()
        detail = json.loads(rotation[0])
        assert rotation[1] == 0  # made under the old key ...
        assert detail["audit_key"]["new_key"] == audit.key_fingerprint(book.audit_key)
        assert detail["signing_key"] == {"old": fingerprint(old_signing),
                                         "new": fingerprint(unit_public_key(book))}
        book.record("after.rekey", "test")
        assert book.cases.execute("SELECT max(key_epoch) FROM audit").fetchone()[0] == 1
        assert check(book).ok  # ... and the whole chain still verifies, old and new keys
        # The old audit key no longer makes entries the casebook accepts.
        conn = book.cases
        seq, prev = audit.head(conn)
        at = "2026-11-22T10:00:00.000+00:00"
        mac = audit._digest(old_audit, seq + 1, at, "forged", "x", "", "{}", prev)
        with database.write(conn):
            conn.execute("INSERT INTO audit (seq, at, event, entity, entity_id, detail, prev,"
                         " hash, mac, key_epoch) VALUES (?, ?, 'forged', 'x', '', '{}', ?, ?,"
                         " ?, 1)", (seq + 1, at, prev, audit.link(prev, mac), mac))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                         (f"{seq + 1}:{audit.link(prev, mac)}",))
        assert any(f"audit entry {seq + 1} was altered" in p for p in check(book).problems)
    finally:
        book.close()


def test_the_board_follows_a_rotation_only_once_confirmed(
        casebook: Casebook, board: Board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.returns.envelope import seal
    from app.returns.signing import unit_signing_key

    assert _send(casebook, board, Q1, tmp_path, "q1").outcome == "imported"
    old_key = unit_signing_key(casebook)
    book = _rekey(casebook)
    try:
        new_fp = fingerprint(unit_public_key(book))
        held = _send(book, board, Q2, tmp_path, "q2")
        assert held.outcome == "held" and held.new_key == new_fp
        assert "confirm-key" in held.message and board.returns([Q2.label]) == []
        from app.returns.board_report import board_status

        [status] = board_status(board, Q2)
        assert "waiting for confirmation by phone" in status.description
        # Until confirmed, a thief of the old key can still sign (that is why it is phoned).
        thief = build_payload(book, Q3)
        with pytest.raises(CasebookError):  # a wrong fingerprint changes nothing
            board.confirm_key(UNIT, "0000 " * 16)
        from app.returns.board_import import confirm_key

        results = confirm_key(board, UNIT, new_fp.replace(" ", "").upper())
        assert [r.outcome for _, r in results] == ["imported"]  # type: ignore[union-attr]
        assert board.returns([Q2.label])
        # Now the old key is refused outright.
        data = seal(payload_bytes(thief), old_key, board.recipient())
        with pytest.raises(ReturnRejected) as refused:
            import_return(board, data)
        assert refused.value.reason == "retired_key"
        # And the new key's returns go straight in.
        assert _send(book, board, Q3, tmp_path, "q3").outcome == "imported"
        events = [e for (e,) in board.conn.execute("SELECT event FROM audit")]
        assert "return.held_for_key" in events and "unit.key_confirmed" in events
    finally:
        book.close()


def test_two_different_rotations_freeze_the_unit(casebook: Casebook, board: Board,
                                                 tmp_path: Path) -> None:
    """A thief of the old key vouches for a key of their own: the board freezes the unit."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.returns.envelope import seal
    from app.returns.signing import raw_public_key, unit_signing_key

    _send(casebook, board, Q1, tmp_path, "q1")
    old_key = unit_signing_key(casebook)
    thief_payload = build_payload(casebook, Q2)
    book = _rekey(casebook)
    try:
        assert _send(book, board, Q2, tmp_path, "q2").outcome == "held"
        thief_key = Ed25519PrivateKey.generate()
        statement = json.dumps({
            "format": "casebook-key-rotation", "version": 1, "reporting_unit": UNIT,
            "old_public_key": base64.b64encode(raw_public_key(old_key)).decode(),
            "new_public_key": base64.b64encode(raw_public_key(thief_key)).decode(),
            "rotated_at": "2026-11-22T10:00:00.000000Z"}, sort_keys=True, separators=(",", ":"))
        thief_payload["key_rotations"] = [{"statement": statement, "signature": base64.b64encode(
            old_key.sign(statement.encode())).decode()}]
        data = seal(payload_bytes(thief_payload), thief_key, board.recipient())
        with pytest.raises(ReturnRejected) as refused:
            import_return(board, data)
        assert refused.value.reason == "frozen" and "frozen" in str(refused.value)
        from app.returns.board_report import board_status

        assert "frozen" in board_status(board, Q3)[0].description
        with pytest.raises(ReturnRejected) as again:  # even the unit's own returns wait
            _send(book, board, Q3, tmp_path, "q3")
        assert again.value.reason == "frozen"
        from app.returns.board_import import confirm_key

        confirm_key(board, UNIT, fingerprint(unit_public_key(book)))
        assert not board.unit_named(UNIT).frozen  # type: ignore[union-attr]
        assert _send(book, board, Q3, tmp_path, "q3b").outcome == "imported"
        with pytest.raises(ReturnRejected):
            import_return(board, data)  # the thief's key was never taken
    finally:
        book.close()


def test_the_command_line_confirms_a_key_and_prints_what_it_imported(
        casebook: Casebook, board: Board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _send(casebook, board, Q1, tmp_path, "q1")
    book = _rekey(casebook)
    new_fp = fingerprint(unit_public_key(book))
    _send(book, board, Q2, tmp_path, "q2")
    book.close()
    board_folder = board.folder
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    assert main(["board", "confirm-key", UNIT, "ffff " * 16, "--board", str(board_folder)]) == 1
    assert "not the one of any new key" in capsys.readouterr().err
    assert main(["board", "confirm-key", UNIT, new_fp, "--board", str(board_folder)]) == 0
    err = capsys.readouterr().err
    assert "Imported the return from Forth Valley contacts for 2025-26-Q2" in err
    assert keys.DEFAULT_ARGON2 is not None

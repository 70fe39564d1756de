"""Escrow goes to the organisation, never to the board.

The attack: the board holds the identity behind its return key. If a casebook's key were
sealed to that key, `casebook recover --escrow-identity board-identity.txt` would open it
and every name would be readable. Each way of getting the board's key into the escrow
slot is tried here (set in settings, used for a return then changed, written in another
form, --yes given), and the board's real identity is then tried against the casebook.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
import pytest

from app.cli import main
from app.services import escrow
from app.store import escrow as escrow_slot
from app.store import recipients
from app.store.casebook import Casebook
from tests.support import PASSPHRASE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def casebook(folder: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code, _, err = run(capsys, "init", "--casebook", str(folder))
    assert code == 0, err
    return folder


@pytest.fixture
def board_identity(tmp_path: Path) -> tuple[pyrage.x25519.Identity, Path]:
    identity = pyrage.x25519.Identity.generate()
    path = tmp_path / "board-identity.txt"
    path.write_text(f"{identity}\n")
    return identity, path


def _board_cannot_open(folder: Path, identity_file: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    """The board's own identity is tried against the casebook, as the board would."""
    code, _, err = run(capsys, "recover", "--escrow-identity", str(identity_file),
                       "--casebook", str(folder))
    assert code == 1, "the board's identity opened the casebook"
    assert "does not open" in err


def test_the_boards_current_key_is_refused_whatever_the_flags(
        casebook: Path, board_identity: tuple[pyrage.x25519.Identity, Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    identity, identity_file = board_identity
    board_key = str(identity.to_public())
    assert run(capsys, "settings", "board-recipient", board_key, "--casebook",
               str(casebook))[0] == 0
    before = (casebook / "keyslots.json").read_bytes()
    # The same key typed in capitals with spaces around it is the same key.
    for form in (board_key, f"  {board_key.upper()}  "):
        code, out, err = run(capsys, "escrow", form, "--yes", "--casebook", str(casebook))
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "board's return key" in err and "Nothing" in err
    assert (casebook / "keyslots.json").read_bytes() == before
    assert "escrow" not in json.loads(before)["slots"]
    _board_cannot_open(casebook, identity_file, capsys)


def test_a_board_key_once_sent_a_return_stays_refused_after_it_changes(
        casebook: Path, board_identity: tuple[pyrage.x25519.Identity, Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    identity, identity_file = board_identity
    old_key = str(identity.to_public())
    folder = str(casebook)
    assert run(capsys, "settings", "board-recipient", old_key, "--casebook", folder)[0] == 0
    code, _, err = run(capsys, "return", "build", "--period", "2025-26", "--out",
                       str(tmp_path / "return.age"), "--casebook", folder)
    assert code == 0, err
    new_key = str(pyrage.x25519.Identity.generate().to_public())
    assert run(capsys, "settings", "board-recipient", new_key, "--casebook", folder)[0] == 0
    code, _, err = run(capsys, "escrow", old_key, "--yes", "--casebook", folder)
    assert code == 1 and "used it as the board's key before" in err
    _board_cannot_open(casebook, identity_file, capsys)
    # The organisation's own key is accepted, and the board still cannot open the casebook.
    lead = pyrage.x25519.Identity.generate()
    code, _, err = run(capsys, "escrow", str(lead.to_public()), "--yes", "--casebook", folder)
    assert code == 0, err
    _board_cannot_open(casebook, identity_file, capsys)


def test_a_board_key_that_is_the_escrow_key_is_refused(
        casebook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lead = str(pyrage.x25519.Identity.generate().to_public())
    folder = str(casebook)
    assert run(capsys, "escrow", lead, "--yes", "--casebook", folder)[0] == 0
    code, _, err = run(capsys, "settings", "board-recipient", lead, "--casebook", folder)
    assert code == 1 and "escrow key" in err
    with Casebook.open(casebook, PASSPHRASE) as book:
        assert book.setting("board_recipient") is None
        from app.store.settings_service import SettingsChanges, SettingsError, SettingsService

        with pytest.raises(SettingsError, match="escrow key"):
            SettingsService(book).save(SettingsChanges(board_recipient=lead))


def test_the_fingerprint_is_shown_and_nothing_changes_without_confirmation(
        casebook: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    lead = str(pyrage.x25519.Identity.generate().to_public())
    folder = str(casebook)
    before = (casebook / "keyslots.json").read_bytes()
    code, _, err = run(capsys, "escrow", lead, "--casebook", folder)  # no terminal, no --yes
    assert code == 1 and "--yes" in err and recipients.recipient_fingerprint(lead) in err
    assert (casebook / "keyslots.json").read_bytes() == before
    # On a terminal, "n" changes nothing and "y" seals.
    from app.cli import prompts

    monkeypatch.setattr(prompts.sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: "n")
    assert run(capsys, "escrow", lead, "--casebook", folder)[0] == 1
    assert (casebook / "keyslots.json").read_bytes() == before
    monkeypatch.setattr("builtins.input", lambda question: "y")
    assert run(capsys, "escrow", lead, "--casebook", folder)[0] == 0
    code, out, err = run(capsys, "check", "--casebook", folder)
    assert code == 0 and f"escrow: {lead} (fingerprint " in err
    doc = json.loads(run(capsys, "check", "--json", "--casebook", folder)[1])
    assert doc["escrow"] == {"recipient": lead,
                             "fingerprint": recipients.recipient_fingerprint(lead)}
    with Casebook.open(casebook, PASSPHRASE) as book:
        events = [row for row in book.cases.execute(
            "SELECT event, detail FROM audit WHERE event LIKE 'escrow.%'")]
    assert events == [("escrow.set", json.dumps(
        {"fingerprint": recipients.recipient_fingerprint(lead)}))]


def test_an_escrow_to_the_board_made_before_is_named_by_check_and_dropped_by_rekey(
        casebook: Path, board_identity: tuple[pyrage.x25519.Identity, Path],
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A casebook from before the refusal, its escrow already sealed to the board."""
    identity, identity_file = board_identity
    board_key = str(identity.to_public())
    folder = str(casebook)
    with Casebook.open(casebook, PASSPHRASE) as book:
        recipients.set_board_recipient(book, board_key)
        slots = escrow_slot.with_escrow(book.slots, book.master_key, board_key)  # the old way
        from app.store import keyslots

        keyslots.save(casebook / "keyslots.json", slots)
    code, out, err = run(capsys, "check", "--casebook", folder)
    assert code == 1 and "sealed to the board's return key" in err
    with Casebook.open(casebook, PASSPHRASE) as book:
        assert escrow.status(book).to_board
        assert "board could open" in escrow.status(book).description
    # A return is not written while the board's key is the escrow's.
    code, _, err = run(capsys, "return", "build", "--period", "2025-26", "--out",
                       str(tmp_path / "r.age"), "--casebook", folder)
    assert code == 1 and not (tmp_path / "r.age").exists()
    assert run(capsys, "rekey", "--casebook", folder)[0] == 0
    assert "escrow" not in json.loads((casebook / "keyslots.json").read_text())["slots"]
    _board_cannot_open(casebook, identity_file, capsys)
    assert run(capsys, "check", "--casebook", folder)[0] == 0


def test_rekey_carries_an_organisational_escrow(casebook: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    lead = pyrage.x25519.Identity.generate()
    folder = str(casebook)
    assert run(capsys, "escrow", str(lead.to_public()), "--yes", "--casebook", folder)[0] == 0
    assert run(capsys, "rekey", "--casebook", folder)[0] == 0
    lead_file = tmp_path / "lead.txt"
    lead_file.write_text(str(lead))
    monkeypatch.setenv("CASEBOOK_NEW_PASSPHRASE", "a new long passphrase here")
    code, _, err = run(capsys, "recover", "--escrow-identity", str(lead_file), "--casebook",
                       folder)
    assert code == 0, err


def test_the_service_refuses_without_the_command_line(book: Casebook) -> None:
    board_key = str(pyrage.x25519.Identity.generate().to_public())
    recipients.set_board_recipient(book, board_key)
    with pytest.raises(recipients.EscrowToBoardRefused):
        escrow.prepare(book, board_key)
    # A plan made before the key became the board's is checked again when sealing.
    other = str(pyrage.x25519.Identity.generate().to_public())
    plan = escrow.prepare(book, other)
    recipients.set_board_recipient(book, other)
    with pytest.raises(recipients.EscrowToBoardRefused):
        escrow.seal(book, plan)
    assert escrow.status(book).recipient is None

"""A return opens with the standard tools: `age` decrypts it, `openssl` verifies it.

These run the real binaries when they are installed (Debian: age, openssl) and
are skipped where they are not.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from datetime import date
from pathlib import Path

import pytest

from app.core.periods import parse_period
from app.returns.board_import import import_return
from app.returns.envelope import pack, write_return
from app.returns.payload import build_payload
from app.returns.schema import payload_bytes
from app.returns.signing import public_key_pem, unit_public_key, unit_signing_key
from app.store.board import Board
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.returns.return_helpers import named_concern, new_board
from tests.support import PASSPHRASE

AGE, AGE_KEYGEN, OPENSSL = shutil.which("age"), shutil.which("age-keygen"), shutil.which("openssl")
needs_age = pytest.mark.skipif(AGE is None or AGE_KEYGEN is None, reason="age is not installed")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")
Q1 = parse_period("2025-26-Q1")


def _run(*argv: str, data: bytes | None = None) -> bytes:
    done = subprocess.run(argv, input=data, capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def _identity_file(board: Board, path: Path) -> Path:
    path.write_text(f"# public key: {board.recipient()}\n{board.identity()}\n")
    path.chmod(0o600)
    return path


@needs_age
@needs_openssl
def test_age_decrypts_a_return_and_openssl_verifies_it(
        book: Casebook, service: ConcernService, tmp_path: Path) -> None:
    service.create(named_concern(date(2025, 5, 2), "Jordan Testperson"))
    board = new_board(tmp_path / "board")
    with board:
        book.set_setting("board_recipient", board.recipient())
        payload = build_payload(book, Q1)
        out = write_return(book, payload, tmp_path / "return.age")
        identity = _identity_file(board, tmp_path / "board-identity.txt")
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    (tmp_path / "inner.tar").write_bytes(_run(AGE, "-d", "-i", str(identity), str(out)))
    with tarfile.open(tmp_path / "inner.tar") as tar:
        assert tar.getnames() == ["payload.json", "payload.sig"]
        tar.extractall(unpacked, filter="data")
    assert (unpacked / "payload.json").read_bytes() == payload_bytes(payload)
    assert len((unpacked / "payload.sig").read_bytes()) == 64
    pem = tmp_path / "unit.pem"
    pem.write_text(public_key_pem(unit_public_key(book)))
    verified = _run(OPENSSL, "pkeyutl", "-verify", "-pubin", "-inkey", str(pem), "-rawin",
                    "-in", str(unpacked / "payload.json"), "-sigfile",
                    str(unpacked / "payload.sig"))
    assert b"Signature Verified Successfully" in verified
    # One changed byte and openssl refuses it too.
    (unpacked / "payload.json").write_bytes(payload_bytes(payload).replace(b'"version": 2',
                                                                           b'"version": 3'))
    refused = subprocess.run([OPENSSL, "pkeyutl", "-verify", "-pubin", "-inkey", str(pem),
                              "-rawin", "-in", str(unpacked / "payload.json"), "-sigfile",
                              str(unpacked / "payload.sig")], capture_output=True, check=False)
    assert refused.returncode != 0


@needs_age
def test_a_board_made_from_an_age_keygen_identity_reads_what_age_encrypts(
        book: Casebook, tmp_path: Path) -> None:
    key_file = tmp_path / "key.txt"
    _run(AGE_KEYGEN, "-o", str(key_file))  # type: ignore[arg-type]
    public = next(line.split(": ", 1)[1] for line in key_file.read_text().splitlines()
                  if line.startswith("# public key:"))
    board, _ = Board.create(tmp_path / "board", PASSPHRASE, identity=key_file.read_text())
    with board:
        assert board.recipient() == public
        board.register_unit("Test Unit", unit_public_key(book))
        # The unit's signed payload, encrypted by the age tool rather than by pyrage.
        payload = payload_bytes(build_payload(book, Q1))
        packed = pack(payload, unit_signing_key(book).sign(payload))
        encrypted = _run(AGE, "-r", public, data=packed)  # type: ignore[arg-type]
        assert import_return(board, encrypted).outcome == "imported"
        # Armoured output from age opens as well.
        armoured = _run(AGE, "-a", "-r", public, data=packed)  # type: ignore[arg-type]
        assert import_return(board, armoured).outcome == "unchanged"


@needs_age
def test_exported_identity_opens_returns_with_age(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    board_dir, casebook_dir = tmp_path / "board", tmp_path / "cb"
    assert main(["board", "init", "--board", str(board_dir)]) == 0
    assert main(["--casebook", str(casebook_dir), "init", "--unit", "Ward 7"]) == 0
    capsys.readouterr()
    assert main(["board", "recipient", "--board", str(board_dir)]) == 0
    recipient = capsys.readouterr().out.splitlines()[0]
    assert main(["settings", "board-recipient", recipient, "--casebook", str(casebook_dir)]) == 0
    assert main(["return", "build", "--period", "2025-26-Q1", "--out", str(tmp_path / "r.age"),
                 "--casebook", str(casebook_dir)]) == 0
    identity = tmp_path / "board-identity.txt"
    assert main(["board", "export-identity", "--out", str(identity), "--board",
                 str(board_dir)]) == 0
    assert "WARNING" in capsys.readouterr().err
    assert identity.stat().st_mode & 0o777 == 0o600
    inner = _run(AGE, "-d", "-i", str(identity), str(tmp_path / "r.age"))  # type: ignore[arg-type]
    (tmp_path / "inner.tar").write_bytes(inner)
    with tarfile.open(tmp_path / "inner.tar") as tar:
        assert tar.getnames() == ["payload.json", "payload.sig"]
    # It will not overwrite a file.
    assert main(["board", "export-identity", "--out", str(identity), "--board",
                 str(board_dir)]) == 1

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main, split_casebook_option
from app.store.casebook import Casebook
from tests.support import PASSPHRASE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def initialised(folder: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "init", "--casebook", str(folder), "--organisation",
                         "NHS Forth Valley", "--unit", "Confidential contact 2")
    assert code == 0, err
    return out.strip()


def test_casebook_option_anywhere() -> None:
    assert split_casebook_option(["--casebook", "/a", "check"]) == (Path("/a"), ["check"])
    assert split_casebook_option(["check", "--json", "--casebook=/b"]) == (
        Path("/b"), ["check", "--json"])
    assert split_casebook_option(["restore", "X", "--casebook", "/c"]) == (
        Path("/c"), ["restore", "X"])


def test_init_prints_the_recovery_key_once(initialised: str, folder: Path) -> None:
    assert len(initialised.split("-")) == 9
    with Casebook.open_with_recovery_key(folder, initialised) as book:
        assert book.setting("organisation") == "NHS Forth Valley"


def test_init_refuses_a_short_passphrase(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", "too short")
    code, out, err = run(capsys, "--casebook", str(folder), "init")
    assert code == 1 and out == "" and "at least 12 characters" in err
    assert len(err.strip().splitlines()) == 1 and not folder.exists()


def test_check_json_is_alone_on_stdout(initialised: str, folder: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--json", "--casebook", str(folder))
    doc = json.loads(out)
    assert code == 0 and doc["ok"] is True and doc["concerns"] == 0
    assert doc["reporting_unit"] == "Confidential contact 2"


def test_wrong_passphrase_is_one_sentence(initialised: str, folder: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", "not the passphrase at all")
    code, out, err = run(capsys, "--casebook", str(folder), "check")
    assert (code, out, err) == (1, "", "Wrong passphrase.\n")


def test_backup_restore_passphrase_recover_rekey(initialised: str, folder: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "backup", "--to", str(tmp_path / "usb"), "--casebook", str(folder))
    entry = Path(out.strip())
    assert code == 0 and entry.parent == tmp_path / "usb" and (entry / "manifest.json").exists()

    target = tmp_path / "restored"
    code, _, err = run(capsys, "restore", str(entry), "--casebook", str(target))
    assert code == 0 and "passes its check" in err
    code, _, err = run(capsys, "restore", str(entry), "--casebook", str(target))
    assert code == 1 and "not empty" in err

    monkeypatch.setenv("CASEBOOK_NEW_PASSPHRASE", "a second long passphrase")
    assert run(capsys, "passphrase", "--casebook", str(folder))[0] == 0
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", "a second long passphrase")
    assert run(capsys, "check", "--casebook", str(folder))[0] == 0

    monkeypatch.setenv("CASEBOOK_RECOVERY_KEY", initialised)
    monkeypatch.setenv("CASEBOOK_NEW_PASSPHRASE", "a third long passphrase!")
    code, _, err = run(capsys, "recover", "--casebook", str(folder))
    assert code == 0, err
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", "a third long passphrase!")
    code, out, err = run(capsys, "rekey", "--casebook", str(folder))
    assert code == 0 and "Backups made before now stay under the old keys" in err
    new_recovery = out.strip()
    assert new_recovery != initialised
    monkeypatch.setenv("CASEBOOK_RECOVERY_KEY", initialised)
    code, _, err = run(capsys, "recover", "--casebook", str(folder))
    assert code == 1 and "does not open this casebook" in err
    monkeypatch.setenv("CASEBOOK_RECOVERY_KEY", new_recovery)
    assert run(capsys, "recover", "--casebook", str(folder))[0] == 0


def test_no_casebook_and_bad_usage_are_plain(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--casebook", str(tmp_path / "nothing"))
    assert code == 1 and err.startswith("There is no casebook in")
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "invalid choice" in err and "Traceback" not in err
    code, _, err = run(capsys, "demo", "--cases", "0")
    assert code == 2


def test_no_terminal_and_no_variable_says_what_to_do(initialised: str, folder: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("CASEBOOK_PASSPHRASE")
    code, _, err = run(capsys, "check", "--casebook", str(folder))
    assert code == 1 and "set CASEBOOK_PASSPHRASE" in err


def test_an_unexpected_error_is_a_sentence_and_a_log_line_without_content(
        initialised: str, folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import commands
    from app.paths import log_dir

    def explode(book: object, *anchors: object) -> object:
        raise ValueError("SECRET-NOTE-TEXT")

    monkeypatch.setattr(commands.check, "check", explode)
    code, out, err = run(capsys, "check", "--casebook", str(folder))
    assert code == 1 and "unexpected problem (ValueError)" in err
    assert "SECRET-NOTE-TEXT" not in err and "Traceback" not in err
    logged = "".join(p.read_text() for p in log_dir().glob("*.log"))
    assert "ValueError at" in logged and "SECRET-NOTE-TEXT" not in logged


def test_escrow_to_the_organisations_recovery_recipient(
        initialised: str, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    code, _, err = run(capsys, "escrow", str(identity.to_public()), "--yes", "--casebook",
                       str(folder))
    assert code == 0, err
    identity_file = tmp_path / "ig-lead.txt"
    identity_file.write_text(f"# created: today\n{identity}\n")
    monkeypatch.setenv("CASEBOOK_NEW_PASSPHRASE", "set by the IG lead, long")
    code, _, err = run(capsys, "recover", "--escrow-identity", str(identity_file),
                       "--casebook", str(folder))
    assert code == 0, err
    Casebook.open(folder, "set by the IG lead, long").close()
    other = tmp_path / "other.txt"
    other.write_text(str(pyrage.x25519.Identity.generate()))
    code, _, err = run(capsys, "recover", "--escrow-identity", str(other), "--casebook",
                       str(folder))
    assert code == 1 and "does not open" in err
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", "set by the IG lead, long")
    code, _, err = run(capsys, "escrow", "age1notarecipient", "--yes", "--casebook", str(folder))
    assert code == 1 and "not an age recipient" in err


def test_the_process_disables_core_dumps_and_keeps_new_files_private(tmp_path: Path) -> None:
    import subprocess
    import sys

    probe = ("import ctypes, os, resource\n"
             "from app.cli import main\n"
             "main(['version'])\n"
             "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n"  # PR_GET_DUMPABLE
             "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
             f"open({str(tmp_path / 'made')!r}, 'w').close()\n"
             f"print(oct(os.stat({str(tmp_path / 'made')!r}).st_mode & 0o777))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60)
    lines = done.stdout.strip().splitlines()
    assert lines[-3:] == ["0", "(0, 0)", "0o600"], done.stderr  # not dumpable either

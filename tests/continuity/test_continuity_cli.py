"""The continuity commands as a person types them: handover, retention, subject-access."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.records import Outcome, Stage
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.continuity.helpers import make_book, named
from tests.fault.fault_helpers import assert_one_plain_line, run_cli
from tests.support import PASSPHRASE, TODAY


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def books(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    a, b = tmp_path / "a", tmp_path / "b"
    make_book(a, "Speak up ambassador", "SA")
    make_book(b, "Confidential contact", "CC")
    with Casebook.open(a, PASSPHRASE) as book:
        service = ConcernService(book, today=lambda: TODAY)
        first = service.create(named("Jordan Testperson", received_on=date(2025, 5, 2)))
        service.create(named("Robin Quietperson", received_on=date(2025, 5, 6)))
        old = service.create(named("Old Person", received_on=date(2018, 5, 2)))
        service.respond(old, Stage.STAGE1, date(2018, 5, 9), Outcome.UPHELD)
        assert first
    return a, b


def test_handover_from_the_command_line(books: tuple[Path, Path], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    a, b = books
    code, out, _ = run(capsys, "handover", "address", "--casebook", str(a))
    assert code == 0
    a_address, a_fingerprint = out.splitlines()
    assert a_address.startswith("casebook-handover1.age1") and len(a_fingerprint) == 79
    _, out, _ = run(capsys, "handover", "address", "--casebook", str(b))
    b_address = out.splitlines()[0]
    code, _, err = run(capsys, "handover", "trust", b_address, "--name", "Alex Contact",
                       "--role", "confidential contact", "--yes", "--casebook", str(a))
    assert code == 0 and "Fingerprint:" in err
    code, _, err = run(capsys, "handover", "trust", a_address, "--name", "Sam Ambassador",
                       "--yes", "--casebook", str(b))
    assert code == 0
    code, out, _ = run(capsys, "handover", "colleagues", "--json", "--casebook", str(b))
    assert json.loads(out)[0]["fingerprint"] == a_fingerprint
    code, _, err = run(capsys, "handover", "consent", "SA-2025-0001", "--whoever-takes-over",
                       "--how", "in conversation", "--on", "2025-05-02", "--casebook", str(a))
    assert code == 0, err
    package = tmp_path / "handover.age"
    code, out, err = run(capsys, "handover", "export", "SA-2025-0001", "SA-2025-0002", "--to",
                         "Alex Contact", "--out", str(package), "--reason", "Long leave",
                         "--casebook", str(a))
    assert code == 0, err
    assert "SA-2025-0001 (open) with the identity" in err
    assert "SA-2025-0002 (open) WITHOUT the identity: no recorded consent covers" in err
    assert "read-only" in err and out.strip() == str(package)
    code, out, err = run(capsys, "handover", "import", str(package), "--yes", "--json",
                         "--casebook", str(b))
    assert code == 0, err
    assert json.loads(out)["references"] == ["SA-2025-0001", "SA-2025-0002"]
    code, out, err = run(capsys, "handover", "import", str(package), "--yes",
                         "--casebook", str(b))
    assert code == 1 and "already imported" in err
    code, out, _ = run(capsys, "handover", "status", "--json", "--casebook", str(a))
    state = json.loads(out)
    assert state["open_concerns"] == [] and state["due_for_destruction"] == ["SA-2018-0001"]
    assert state["final_backup"]["place"] is None and code == 1


def test_retention_and_subject_access_from_the_command_line(
        books: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = books
    code, out, _ = run(capsys, "retention", "--due", "--json", "--casebook", str(a))
    assert [r["reference"] for r in json.loads(out)["records"]] == ["SA-2018-0001"]
    usb = tmp_path / "usb"
    assert run(capsys, "backup", "--to", str(usb), "--casebook", str(a))[0] == 0
    sar = tmp_path / "sar.pdf"
    code, _, err = run(capsys, "subject-access", "SA-2018-0001", "--out", str(sar), "--reason",
                       "Request of 1 December", "--casebook", str(a))
    assert code == 0 and sar.exists() and "Review it before release" in err
    code, _, err = run(capsys, "subject-access", "--named", "Dr Someone Named", "--out",
                       str(tmp_path / "named.pdf"), "--reason", "Request",
                       "--casebook", str(a))
    assert code == 0 and "none mention them" in err
    certificate = tmp_path / "certificate.pdf"
    code, out, err = run(capsys, "retention", "destroy", "SA-2018-0001", "--reason",
                         "End of retention", "--certificate", str(certificate), "--json",
                         "--casebook", str(a))
    assert code == 0, err
    done = json.loads(out)
    assert done["destroyed"] == ["SA-2018-0001"] and certificate.exists()
    assert [c["path"] for c in done["external_backups_still_holding"]] == [
        str(next(usb.iterdir()).resolve())]
    code, out, _ = run(capsys, "retention", "backups", "--json", "--casebook", str(a))
    assert len(json.loads(out)) == 1
    code, out, err = run(capsys, "retention", "backups", "--destroy", str(next(usb.iterdir())),
                         "--casebook", str(a))
    assert code == 0 and not any(usb.iterdir())
    code, out, err = run(capsys, "retention", "policy", "--approvers", "2", "--years", "7",
                         "--casebook", str(a))
    assert code == 0 and "7 years" in err and "two people" in err


def test_the_reference_prefix(books: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
                              ) -> None:
    a, _ = books
    assert run(capsys, "handover", "prefix", "--casebook", str(a))[1].strip() == "SA"
    code, out, err = run(capsys, "handover", "prefix", "cc-north", "--casebook", str(a))
    assert code == 1 and "1 to 10 letters and digits" in err
    code, out, err = run(capsys, "handover", "prefix", "ccnorth", "--casebook", str(a))
    assert code == 0 and out.strip() == "CCNORTH"
    with Casebook.open(a, PASSPHRASE) as book:
        new = ConcernService(book, today=lambda: TODAY).create(named(received_on=TODAY))
        assert ConcernService(book).facts(new) and book.cases.execute(
            "SELECT reference FROM concerns WHERE id = ?", (new,)).fetchone()[0] == (
            "CCNORTH-2026-0001")


@pytest.mark.parametrize("args,words", [
    (["handover", "trust", "not-an-address", "--name", "X", "--yes"], "not a handover address"),
    (["handover", "export", "SA-2025-0001", "--to", "Nobody", "--out", "{tmp}/p.age",
      "--reason", "r"], "No trusted colleague is called 'Nobody'"),
    (["handover", "import", "{tmp}/missing.age", "--yes"], "Cannot read"),
    (["handover", "import", "{tmp}/plain.txt", "--yes"], "not a handover package"),
    (["retention", "destroy", "SA-2025-0001", "--reason", "r"], "still open"),
    (["retention", "destroy", "SA-1999-0001", "--reason", "r"], "no record with reference"),
    (["subject-access", "--out", "{tmp}/x.pdf", "--reason", "r"], "Name the one concern"),
    (["handover", "trust", "{address}", "--name", "Me"], "own handover address"),
])
def test_bad_input_is_one_plain_sentence(books: tuple[Path, Path], tmp_path: Path,
                                         args: list[str], words: str) -> None:
    a, _ = books
    (tmp_path / "plain.txt").write_text("not a package\n")
    with Casebook.open(a, PASSPHRASE) as book:
        from app.services import handover

        address = handover.address(book).token
    filled = [x.replace("{tmp}", str(tmp_path)).replace("{address}", address) for x in args]
    done = run_cli([*filled, "--casebook", str(a)], CASEBOOK_PASSPHRASE=PASSPHRASE)
    assert done.returncode != 0
    line = assert_one_plain_line(done.stderr)
    assert words in line, line


def test_trust_needs_a_yes_without_a_terminal(books: tuple[Path, Path]) -> None:
    a, b = books
    with Casebook.open(b, PASSPHRASE) as book:
        from app.services import handover

        address = handover.address(book).token
    done = run_cli(["handover", "trust", address, "--name", "Alex Contact", "--casebook",
                    str(a)], CASEBOOK_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 1
    assert "give --yes once you have checked" in done.stderr
    assert "Traceback" not in done.stderr

"""The publication register: later publications cannot be differenced against earlier ones.

Attacks use tests/documents/csv_attacker.py, a reader written from the CSV's column
meanings alone (not the engine), on the very files `casebook report --publication` saves.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.demo import add_demo_concerns
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.documents import csv_attacker
from tests.returns.return_helpers import named_concern
from tests.support import PASSPHRASE

TODAY = date(2026, 3, 31)
YEAR = "2025-26"
QUARTERS = [f"{YEAR}-Q{n}" for n in range(1, 5)]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("register") / "casebook"
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board",
                              unit="Test Unit")
    with book:
        add_demo_concerns(book, 160, 7, today=TODAY, batch_size=200)
    return folder


@pytest.fixture
def folder(demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "casebook"
    shutil.copytree(demo_folder, copy)
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    return copy


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--casebook", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def publish(capsys: pytest.CaptureFixture[str], folder: Path, period: str, out: Path,
            *, publication: bool = True) -> str:
    argv = ["report", "--period", period, "--csv", str(out)]
    code, _, err = run(capsys, folder, *argv, *(["--publication"] if publication else []))
    assert code == 0, err
    return out.read_text("utf-8")


def registered(capsys: pytest.CaptureFixture[str], folder: Path) -> list[dict[str, object]]:
    code, out, err = run(capsys, folder, "report", "publications", "--json")
    assert code == 0, err
    return list(json.loads(out))


def test_the_attacker_bites_on_cell_by_cell_hiding(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Hiding only the small numbers (as the first version did) gives them away: proof
    that the attacker below can find what it looks for."""
    found = []
    for period in [*QUARTERS, YEAR]:
        exact = publish(capsys, folder, period, tmp_path / f"{period}.csv", publication=False)
        naive = "\n".join(
            ",".join([*r[:5], "*" if r[5].isdigit() and 0 < int(r[5]) < 5 else r[5], r[6]])
            for r in (line.split(",") for line in exact.splitlines()))
        found += csv_attacker.narrowed([exact], [naive], 5)
    assert len(found) >= 3, found


def test_a_year_published_after_its_quarters_gives_nothing_away(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exact, published = [], []
    for period in [*QUARTERS, YEAR]:
        exact.append(publish(capsys, folder, period, tmp_path / f"{period}.exact.csv",
                             publication=False))
        published.append(publish(capsys, folder, period, tmp_path / f"{period}.csv"))
        # Each alone, and everything published so far together, holds.
        assert csv_attacker.narrowed(exact[-1:], published[-1:], 5) == []
        assert csv_attacker.narrowed(exact, published, 5, {YEAR: QUARTERS}) == []
    assert sum(text.count(",*,") for text in published) > 0  # something was hidden
    listed = registered(capsys, folder)
    assert [item["periods"] for item in listed] == [[p] for p in [*QUARTERS, YEAR]]
    assert all(item["source"] == "made here" for item in listed)


def test_a_publication_is_kept_once_however_many_files(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert registered(capsys, folder) == []
    publish(capsys, folder, QUARTERS[1], tmp_path / "internal.csv", publication=False)
    assert registered(capsys, folder) == []  # an internal report is not a publication
    first = publish(capsys, folder, QUARTERS[1], tmp_path / "a.csv")
    code, _, err = run(capsys, folder, "report", "--period", QUARTERS[1], "--publication",
                       "--pdf", str(tmp_path / "a.pdf"))
    assert code == 0, err
    assert publish(capsys, folder, QUARTERS[1], tmp_path / "b.csv") == first
    listed = registered(capsys, folder)
    assert len(listed) == 1 and listed[0]["periods"] == [QUARTERS[1]]
    assert int(str(listed[0]["shown"])) + int(str(listed[0]["hidden"])) > 100
    code, out, _ = run(capsys, folder, "report", "publications")
    assert code == 0 and QUARTERS[1] in out and "made here" in out


def test_a_reissue_that_changes_a_published_figure_by_a_little_is_refused(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    publish(capsys, folder, QUARTERS[2], tmp_path / "first.csv")
    with Casebook.open(folder, PASSPHRASE) as book:  # one more concern, received in Q3
        concern = named_concern(date(2025, 11, 3), "Robin Late")
        ConcernService(book, today=lambda: TODAY).create(concern)
    again = tmp_path / "again.csv"
    code, _, err = run(capsys, folder, "report", "--period", QUARTERS[2], "--publication",
                       "--csv", str(again))
    assert code != 0 and not again.exists()
    assert "Nothing was saved." in err and "small number" in err and "Traceback" not in err
    assert len(registered(capsys, folder)) == 1


def test_dates_that_overlap_a_published_quarter_are_refused(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    publish(capsys, folder, QUARTERS[0], tmp_path / "q1.csv")
    out = tmp_path / "may.csv"
    code, _, err = run(capsys, folder, "report", "--from", "2025-05-01", "--to", "2025-05-31",
                       "--publication", "--csv", str(out))
    assert code != 0 and not out.exists()
    assert "covers some of the same days" in err and "Traceback" not in err


def test_a_release_made_elsewhere_is_recorded_and_checked_against(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exact = publish(capsys, folder, QUARTERS[3], tmp_path / "exact.csv", publication=False)
    # A freedom-of-information answer gave the totals received and closed, nothing else.
    lines = exact.splitlines()
    kept = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        total = cells[0] in ("kpi4_received", "kpi5_closed") and cells[2] == "total" \
            and cells[3] == "all"
        kept.append(line if total else ",".join([*cells[:5], "*", cells[6]]))
    foi = tmp_path / "foi.csv"
    foi.write_text("\n".join(kept) + "\n", encoding="utf-8")
    code, _, err = run(capsys, folder, "report", "publications", "--import", str(foi),
                       "--label", "FOI answer 2026-041", "--published-on", "2026-04-20")
    assert code == 0, err
    assert "Recorded FOI answer 2026-041" in err and "2 figures shown" in err
    listed = registered(capsys, folder)
    assert listed[0]["source"] == "imported" and listed[0]["shown"] == 2
    code, _, err = run(capsys, folder, "report", "--period", QUARTERS[3], "--publication",
                       "--csv", str(tmp_path / "q4.csv"), "--json")
    assert code == 0, err
    assert "against 1 earlier publication" in err
    published = (tmp_path / "q4.csv").read_text("utf-8")
    assert csv_attacker.narrowed([exact], [published, foi.read_text("utf-8")], 5) == []


@pytest.mark.parametrize(("content", "message"), [
    ("a,b\n1,2\n", "not in this app's long format"),
    ("section,measure,stage,service,unit,value,period\nx,y,,all,,3,2025-26-Q1\n",
     "None of the file's rows"),
    ("section,measure,stage,service,unit,value,period\n", "one period"),
])
def test_a_file_that_is_not_a_release_is_refused_in_one_sentence(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str,
        message: str) -> None:
    path = tmp_path / "release.csv"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, folder, "report", "publications", "--import", str(path))
    assert code != 0 and message in err and "Traceback" not in err
    assert registered(capsys, folder) == []


def test_json_carries_the_audit_never_a_hidden_value(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, folder, "report", "--period", QUARTERS[0], "--publication",
                         "--json")
    assert code == 0, err
    audit = json.loads(out)["disclosure_audit"]
    assert audit["passed"] is True and audit["threshold"] == 5
    assert audit["hidden"] == (audit["hidden_small"] + audit["hidden_to_protect_others"]
                               + audit["hidden_zero_beside_a_small_group"]) > 0
    assert audit["narrowest"]["low"] <= 0 and audit["narrowest"]["high"] >= 5
    assert "Checked: " in err
    assert registered(capsys, folder) == []  # nothing was written, so nothing published


def test_the_register_travels_in_a_backup(folder: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from app.store import backup

    publish(capsys, folder, QUARTERS[0], tmp_path / "q1.csv")
    with Casebook.open(folder, PASSPHRASE) as book:
        made = backup.backup_files(book.folder, book.master_key, to=tmp_path / "usb")
    restored = backup.restore(made.path, tmp_path / "new-laptop")
    listed = registered(capsys, restored)
    assert [item["periods"] for item in listed] == [[QUARTERS[0]]]
    # And it still binds: the same figures give the same publication, kept once.
    assert publish(capsys, restored, QUARTERS[0], tmp_path / "again.csv") == (
        tmp_path / "q1.csv").read_text("utf-8")
    assert len(registered(capsys, restored)) == 1

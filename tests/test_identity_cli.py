"""`casebook list`, `casebook find-person` and `casebook check --identity` on real casebooks."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.identity import PersonDetails
from app.core.records import ConversationMode
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE, TODAY

SIOBHAN = PersonDetails(name="Siobhan Ó Ceallaigh", email="siobhan.oc@example.org",
                        phone="07700 900461")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def casebook(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        service = ConcernService(book, today=lambda: TODAY)
        first = service.create(replace(NAMED, person=SIOBHAN, service_area="Siobhan's ward",
                                       summary="Siobhan says the checks are skipped.\nMore."))
        service.log_conversation(first, date(2025, 5, 3), ConversationMode.PHONE,
                                 "Ceallaigh rang from 07700 900461.")
        second = service.create(replace(NAMED, person=PersonDetails(name="Zoë Erskine"),
                                        summary="Hoist broken on ward 2"))
    return {"first": first, "second": second}


def test_list_shows_what_the_list_screen_shows_masked(casebook: dict[str, int], folder: Path,
                                                      capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "list", "--json", "--casebook", str(folder))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["count"] == 2
    rows = {row["reference"]: row for row in doc["concerns"]}
    row = rows["WB-2025-0001"]
    assert row["summary"] == "C says the checks are skipped."
    assert row["service_area"] == "C's ward"
    assert row["stage"] == "stage1" and row["status"] == "open"
    assert row["themes"] == ["Night shift handover", "Patient safety or quality of care",
                             "Working practices or procedures"]
    assert "Siobhan" not in out and "Ceallaigh" not in out and "Erskine" not in out
    code, out, err = run(capsys, "list", "--casebook", str(folder))
    assert code == 0 and "C says the checks are skipped." in out and "Siobhan" not in out


@pytest.mark.parametrize("typed", ["Siobhan", "ceallaigh", "Erskine", "zoe", "900461"])
def test_list_search_never_matches_a_held_identity(casebook: dict[str, int], folder: Path,
                                                   capsys, typed: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "list", "--search", typed, "--json", "--casebook", str(folder))
    assert code == 0, err
    assert json.loads(out)["count"] == 0


def test_list_search_and_filters(casebook: dict[str, int], folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "list", "--search", "hoist", "--json", "--casebook", str(folder))
    assert [r["reference"] for r in json.loads(out)["concerns"]] == ["WB-2025-0002"]
    code, out, _ = run(capsys, "list", "--status", "closed", "--json", "--casebook", str(folder))
    assert json.loads(out)["count"] == 0
    code, out, _ = run(capsys, "list", "--stage", "stage1", "--status", "open", "--json",
                       "--casebook", str(folder))
    assert json.loads(out)["count"] == 2
    code, _, err = run(capsys, "list", "--stage", "stage9", "--casebook", str(folder))
    assert code == 2 and "invalid choice" in err and "Traceback" not in err


def test_find_person_is_a_reveal_audited_with_its_reason(casebook: dict[str, int],
                                                         folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "find-person", "Siobhan", "--casebook", str(folder))
    assert code == 2 and "--reason" in err
    code, _, err = run(capsys, "find-person", "Siobhan", "--reason", "  ", "--casebook",
                       str(folder))
    assert code == 1 and err.strip() == ("Give a reason for looking up a person: it is "
                                         "written to the audit log.")
    code, out, err = run(capsys, "find-person", "siob ceall", "--reason", "C phoned",
                         "--json", "--casebook", str(folder))
    assert code == 0, err
    matches = json.loads(out)["matches"]
    assert [(m["name"], [c["reference"] for c in m["concerns"]]) for m in matches] == [
        ("Siobhan Ó Ceallaigh", ["WB-2025-0001"])]
    for typed in ("07700900461", "siobhan.oc@example.org", "ZOË"):
        code, out, _ = run(capsys, "find-person", typed, "--reason", "C phoned", "--json",
                           "--casebook", str(folder))
        assert len(json.loads(out)["matches"]) == 1, typed
    code, out, err = run(capsys, "find-person", "Nobody", "--reason", "C phoned",
                         "--casebook", str(folder))
    assert code == 0 and "Nobody held in this casebook matches that." in err
    with Casebook.open(folder, PASSPHRASE) as book:
        audited = [json.loads(row[0]) for row in book.cases.execute(
            "SELECT detail FROM audit WHERE event = 'identity.found_by_person'")]
        everything = " ".join(str(r) for r in book.cases.execute("SELECT * FROM audit"))
    assert audited == [{"reason": "C phoned"}] * 5
    assert "siob" not in everything.lower() and "0770" not in everything

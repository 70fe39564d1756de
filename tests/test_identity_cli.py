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


# ----- casebook check --identity ------------------------------------------------------------


def _everything(book: Casebook) -> int:
    from app.core.records import DisclosureConsent, SignpostBody, SpeakUpAgain, Stage

    service = ConcernService(book, today=lambda: TODAY)
    concern = service.create(replace(NAMED, person=SIOBHAN, summary="C raised it."))
    issue = service.add_issue(concern, "Rota gaps")
    service.set_issue_findings(issue, "Ms Ceallaigh was right")
    service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE,
                             "Clean notes.", "Ring 07700 900461")
    service.add_action(concern, "Audit", learning="Siobhan's idea")
    service.extend(concern, Stage.STAGE1, authorised_by="Siobhan Ó Ceallaigh",
                   authorised_on=date(2025, 5, 5), reason="Leave", new_due_on=date(2025, 5, 20))
    service.signpost(concern, SignpostBody.INWO, date(2025, 5, 6), notes="CHI 120385 1235")
    service.record_detriment(concern, date(2025, 5, 6), "Moved", "siobhan.oc@example.org told")
    service.record_feedback(concern, date(2025, 5, 7), SpeakUpAgain.YES, "Born 03/04/1981 DOB")
    service.record_disclosure(concern, disclosed_to="Dr Ceallaigh", role="lead",
                              on=date(2025, 5, 7), reason="Interview",
                              consent=DisclosureConsent.CONSENT_WRITTEN)
    service.save_draft("conversation", concern, json.dumps(
        {"form": "x", "fields": {"notes": "Draft about Siobhan", "mode": "phone"}}))
    service.save_draft("new_concern", None, "plain text draft naming Siobhan Ó Ceallaigh")
    return concern


def test_check_identity_lists_every_finding_and_exits_1(folder: Path, monkeypatch,
                                                        capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        _everything(book)
    code, out, err = run(capsys, "check", "--identity", "--json", "--casebook", str(folder))
    assert code == 1, err
    doc = json.loads(out)
    assert doc["complete"] is True and doc["ok"] is False
    found = {(f["reference"], f["record"], f["field"], tuple(f["kinds"]))
             for f in doc["findings"]}
    assert found == {
        ("WB-2025-0001", "issue 1", "findings", ("own_name",)),
        ("WB-2025-0001", "the conversation of 03/05/2025", "next_steps", ("own_phone",)),
        ("WB-2025-0001", "action 1", "learning", ("own_name",)),
        ("WB-2025-0001", "an extension at stage 1", "authorised_by", ("own_name",)),
        ("WB-2025-0001", "signposting on 06/05/2025", "notes", ("chi",)),
        ("WB-2025-0001", "detriment reported on 06/05/2025", "action_taken", ("own_email",)),
        ("WB-2025-0001", "feedback received on 07/05/2025", "comments", ("dob",)),
        ("WB-2025-0001", "the disclosure on 07/05/2025", "disclosed_to", ("own_name",)),
        ("WB-2025-0001", "a draft (conversation)", "body", ("own_name",)),
        (None, "a draft (new concern)", "body", ("other_name",)),
    }
    assert "siobhan" not in out.lower() and "900461" not in out and "1235" not in out
    code, out, err = run(capsys, "check", "--identity", "--casebook", str(folder))
    assert code == 1 and "issue 1, Findings: mentions C's name" in err
    assert "10 piece(s) of text in 2 concern(s) may identify someone." in err


def test_check_identity_finds_a_name_held_later_and_passes_a_clean_casebook(
        folder: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")
    with book:
        service = ConcernService(book, today=lambda: TODAY)
        concern = service.create(replace(NAMED, summary="C raised it."))
        service.log_conversation(concern, date(2025, 5, 3), ConversationMode.PHONE,
                                 "Torquil Abernethy was there too.")
    code, out, err = run(capsys, "check", "--identity", "--casebook", str(folder))
    assert code == 0 and "nothing that identifies anyone was found" in err
    with Casebook.open(folder, PASSPHRASE) as book:  # the second meeting: a name is given
        ConcernService(book, today=lambda: TODAY).create(
            replace(NAMED, person=PersonDetails(name="Torquil Abernethy")))
    code, out, err = run(capsys, "check", "--identity", "--json", "--casebook", str(folder))
    assert code == 1
    assert [(f["record"], f["kinds"]) for f in json.loads(out)["findings"]] == [
        ("the conversation of 03/05/2025", ["other_name"])]


def test_a_check_that_cannot_look_never_says_nothing_was_found(folder: Path, monkeypatch,
                                                               capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    Casebook.create(folder, PASSPHRASE, organisation="o", unit="u")[0].close()
    holder = Casebook.open(folder, PASSPHRASE)  # open elsewhere: locked to this command
    try:
        code, out, err = run(capsys, "check", "--identity", "--casebook", str(folder))
    finally:
        holder.close()
    assert code == 1 and out == "" and "nothing" not in err.lower()
    assert "already open" in err and len(err.strip().splitlines()) == 1
    (folder / "identities.db").write_bytes(b"\0" * 4096)  # damaged: cannot be scanned against
    code, out, err = run(capsys, "check", "--identity", "--casebook", str(folder))
    assert code == 1 and "nothing" not in err.lower() and "Traceback" not in err
    assert "identities.db" in err


def test_replacing_a_finding_writes_c_and_is_audited(book: Casebook) -> None:
    from app.services import identity_check

    _everything(book)
    report = identity_check.check_casebook(book)
    by_record = {f.record: f for f in report.findings}
    left = identity_check.replace_finding(book, by_record["issue 1"])
    assert left is None
    assert book.cases.execute("SELECT findings FROM concern_issues").fetchone()[0] == \
        "C was right"
    draft = by_record["a draft (conversation)"]
    assert identity_check.replace_finding(book, draft) is None
    body = json.loads(book.cases.execute("SELECT body FROM drafts ORDER BY id").fetchone()[0])
    assert body["fields"] == {"notes": "Draft about C", "mode": "phone"}
    audited = [json.loads(r[0]) for r in book.cases.execute(
        "SELECT detail FROM audit WHERE event = 'identity.text_replaced'")]
    assert audited == [{"record": "concern_issues", "field": "findings", "kinds": ["own_name"]},
                       {"record": "drafts", "field": "body", "kinds": ["own_name"]}]
    again = identity_check.check_casebook(book)
    assert len(again.findings) == len(report.findings) - 2

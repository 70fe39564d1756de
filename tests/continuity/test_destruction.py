"""Retention and destruction: what is due, destroyed deliberately, identity first, nowhere
left in the files (pages, free space, WAL, search index, drafts), no figure changed, the
backups remade and the copies elsewhere named."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.periods import parse_period
from app.core.records import ConversationMode, Outcome, Stage
from app.core.rules import RuleError
from app.returns.payload import build_payload
from app.services import handover, retention
from app.store import backup, keys
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import CasebookError, WrongPassphrase
from app.store.identities import IdentityService
from app.store.listing import ListQuery, count
from tests.continuity.helpers import consent, make_book, make_pair, named
from tests.continuity.pages import casebook_plaintext, decrypted_pages, holds
from tests.support import PASSPHRASE, TODAY

OLD = date(2018, 5, 2)
NAME = "Zebediah Canaryname"
NOTE = "Zebediah said the ward quillfeather rota was unsafe"


def _old_closed(book: Casebook, name: str = NAME, received: date = OLD) -> int:
    service = ConcernService(book, today=lambda: TODAY)
    cid = service.create(named(name, received_on=received, summary="Quillfeather summary",
                               themes=("patient_safety", "Quillfeather local theme")))
    service.log_conversation(cid, received, ConversationMode.IN_PERSON, NOTE, "Next quill")
    service.add_issue(cid, "Quillfeather issue")
    action = service.add_action(cid, "Quillfeather action", learning="Published learning",
                                publishable=True)
    service.update_action(action, done_on=received)
    service.record_detriment(cid, received, "Quillfeather detriment")
    consent(book, cid, share_with="Dr Quillfeather", on=received)
    service.respond(cid, Stage.STAGE1, date(received.year, 5, 9), Outcome.UPHELD,
                    "Quillfeather response")
    service.save_draft("conversation", cid, "Quillfeather draft about Zebediah")
    return cid


def _figures(book: Casebook) -> dict[str, object]:
    return {label: build_payload(book, parse_period(label))["figures"]
            for label in ("2018-19", "2018-19-Q1")}


def test_due_open_and_early(book: Casebook) -> None:
    service = ConcernService(book, today=lambda: TODAY)
    old = _old_closed(book)
    recent = _old_closed(book, "Recent Person", date(2024, 5, 2))
    still_open = service.create(named("Open Person", received_on=date(2018, 6, 1)))
    assert [i.reference for i in retention.due(book, TODAY)] == ["WB-2018-0001"]
    items = {i.concern_id: i for i in retention.items(book)}
    assert items[old].due_on == date(2024, 5, 9) and items[recent].due_on == date(2030, 5, 9)
    assert items[still_open].open
    with pytest.raises(CasebookError, match="still open"):
        retention.plan(book, ["WB-2018-0002"], "End of retention", today=TODAY)
    with pytest.raises(CasebookError, match="not due for destruction until 2030-05-09.*--early"):
        retention.plan(book, ["WB-2024-0001"], "End of retention", today=TODAY)
    planned = retention.plan(book, ["WB-2024-0001"], "Asked to by the person", early=True,
                             today=TODAY)
    assert planned.early
    with pytest.raises(CasebookError, match="no record with reference WB-1999-0001"):
        retention.plan(book, ["WB-1999-0001"], "x", today=TODAY)
    retention.set_policy(book, years=10)
    assert retention.due(book, TODAY) == []


def test_destruction_leaves_no_trace_of_the_identity_and_no_figure_changes(
        book: Casebook, folder: Path) -> None:
    cid = _old_closed(book)
    backup.backup_files(folder, book.master_key)  # an own backup holding the identity
    figures = _figures(book)
    before = casebook_plaintext(folder, book.master_key)
    assert holds(before, NAME) and holds(before, "quillfeather")  # the search can succeed
    with pytest.raises(WrongPassphrase):
        retention.destroy(book, retention.plan(book, ["WB-2018-0001"], "End of retention",
                                               today=TODAY), "not the passphrase")
    assert IdentityService(book).person_details(
        str(book.cases.execute("SELECT person_ref FROM concerns").fetchone()[0])) is not None
    result = retention.destroy(book, retention.plan(book, ["WB-2018-0001"], "End of retention",
                                                    today=TODAY), PASSPHRASE)
    assert result.references == ("WB-2018-0001",)
    after = casebook_plaintext(folder, book.master_key)
    assert not holds(after, "zebediah") and not holds(after, "quillfeather")
    assert holds(after, "Published learning")  # approved for publication: kept as sent
    assert book.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 0
    assert book.identities().execute("SELECT count(*) FROM consents").fetchone()[0] == 0
    assert book.cases.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    row = book.cases.execute("SELECT anonymity, person_ref, summary FROM concerns").fetchone()
    assert row == ("named", None, "[destroyed at the end of retention]")
    assert _same(_figures(book), figures)
    from app.services.concern_list import prepare_search

    prepare_search(book)  # as the list does before a search: the tombstone is indexed
    assert count(book.cases, ListQuery(search="quillfeather")) == 0
    assert count(book.cases, ListQuery(search="WB-2018-0001")) == 1
    # read-only from now on
    with pytest.raises(RuleError, match="destroyed at the end of retention"):
        ConcernService(book, today=lambda: TODAY).log_conversation(
            cid, TODAY, ConversationMode.PHONE, "more")
    events = [json.loads(d) for e, d in book.cases.execute(
        "SELECT event, detail FROM audit WHERE event LIKE 'retention.%'")]
    assert events[-1]["reference"] == "WB-2018-0001" and "identity" in events[-1]["destroyed"]
    assert "zebediah" not in json.dumps(events).lower()
    # The own backups were remade: the old one is gone, the new one holds nothing of it.
    entries = list((folder / "backups").iterdir())
    assert [e.name for e in entries] == [result.backups.new_backup.name]
    copy = decrypted_pages(entries[0] / "identities.db",
                           keys.database_key(book.master_key, "identities"))
    copy += decrypted_pages(entries[0] / "cases.db", keys.database_key(book.master_key, "cases"))
    assert not holds(copy, "zebediah") and not holds(copy, "quillfeather")


def _same(a: object, b: object) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_an_older_backup_elsewhere_is_named_and_can_be_destroyed(book: Casebook, folder: Path,
                                                                 tmp_path: Path) -> None:
    _old_closed(book)
    usb = tmp_path / "usb-stick"
    made = backup.backup_files(folder, book.master_key, to=usb).path
    result = retention.destroy(book, retention.plan(book, ["WB-2018-0001"], "End of retention",
                                                    today=TODAY), PASSPHRASE)
    assert [c.path for c in result.backups.external] == [made.resolve()]
    assert result.backups.external[0].made[:10] == date.today().isoformat()
    assert result.backups.external[0].present
    # It does still hold the identity: opened with the casebook's key, the name is there.
    assert holds(decrypted_pages(made / "identities.db",
                                 keys.database_key(book.master_key, "identities")), NAME)
    assert [c.path for c in retention.external_copies(book)] == [made.resolve()]
    later = backup.backup_files(folder, book.master_key, to=usb).path  # after: not listed
    assert later.resolve() not in [c.path for c in retention.external_copies(book)]
    retention.destroy_external(book, made)
    assert not made.exists()
    listed = retention.external_copies(book)
    assert [(c.path, c.present) for c in listed] == [(made.resolve(), False)]


def test_two_people_a_colleagues_signed_approval(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    with pair.b() as b:
        _old_closed(b)
        retention.set_policy(b, approvers=2)
        with pytest.raises(CasebookError, match="requires two people"):
            retention.plan(b, ["CC-2018-0001"], "End of retention", today=TODAY)
    with pair.a() as a:  # the colleague signs an approval for Alex Contact's casebook
        approval = retention.approve(a, "Alex Contact", ["CC-2018-0001"], "End of retention",
                                     today=TODAY)
        wrong_refs = retention.approve(a, "Alex Contact", ["CC-2018-0002"],
                                       "End of retention", today=TODAY)
        wrong_reason = retention.approve(a, "Alex Contact", ["CC-2018-0001"], "Tidy up",
                                         today=TODAY)
    stranger = tmp_path / "stranger"
    make_book(stranger, "Stranger", "ST")
    with pair.b() as b:
        b_address = handover.address(b).token
    with Casebook.open(stranger, PASSPHRASE) as s:
        handover.trust(s, handover.prepare_trust(s, b_address, "Alex Contact"))
        untrusted = retention.approve(s, "Alex Contact", ["CC-2018-0001"], "End of retention",
                                      today=TODAY)
    edited = json.loads(approval)
    edited["signature"] = edited["signature"][:-4] + "AAA="
    with pair.b() as b:
        for bad, words in ((wrong_refs, "names other records"),
                           (wrong_reason, "another reason"),
                           (untrusted, "does not trust"),
                           (json.dumps(edited).encode(), "changed since it was signed"),
                           (b"not json", "not an approval")):
            with pytest.raises(CasebookError, match=words):
                retention.plan(b, ["CC-2018-0001"], "End of retention", approval=bad,
                               today=TODAY)
        with pytest.raises(CasebookError, match="holds for 14 days"):
            retention.plan(b, ["CC-2018-0001"], "End of retention", approval=approval,
                           today=date(2026, 12, 20))
        planned = retention.plan(b, ["CC-2018-0001"], "End  of retention", approval=approval,
                                 today=TODAY)
        assert planned.approval is not None and planned.approval.colleague == "Sam Ambassador"
        retention.destroy(b, planned, PASSPHRASE)
        row = b.cases.execute("SELECT approved_by FROM destructions").fetchone()
        assert row == ("Sam Ambassador",)
        with pytest.raises(CasebookError, match="used already"):
            retention.read_approval(b, approval, ["CC-2018-0001"], "End of retention", TODAY)


def test_a_handed_over_record_is_due_from_the_handover(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    with pair.a() as a, pair.b() as b:
        service = ConcernService(a, today=lambda: TODAY)
        cid = service.create(named(received_on=date(2019, 5, 2)))
        consent(a, cid, successor=True)
        plan = handover.plan_export(a, ["SA-2019-0001"], "Alex Contact")
        handover.export(a, plan, tmp_path / "p.age", "Leave", on=date(2019, 6, 3))
        handover.import_package(b, handover.read_package(b, tmp_path / "p.age",
                                                         today=date(2019, 6, 3)))
        item = retention.items(a)[0]
        assert (item.ended, item.ended_on, item.due_on) == ("handed_over", date(2019, 6, 3),
                                                           date(2025, 6, 3))
        assert retention.items(b)[0].open  # the receiver holds it, open: never due
        retention.destroy(a, retention.plan(a, ["SA-2019-0001"], "End of retention",
                                            today=TODAY), PASSPHRASE)


def test_the_certificate_names_what_went_and_nothing_of_it(book: Casebook, folder: Path,
                                                           tmp_path: Path) -> None:
    _old_closed(book)
    backup.backup_files(folder, book.master_key, to=tmp_path / "usb")
    retention.destroy(book, retention.plan(book, ["WB-2018-0001"], "End of retention period",
                                           today=TODAY), PASSPHRASE)
    out = retention.certificate(book, ["WB-2018-0001"], tmp_path / "certificate.pdf",
                                today=TODAY)
    words = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())
                                                               ).pages)
    flat = " ".join(words.split())
    for expected in ("Certificate of destruction", "WB-2018-0001", "End of retention period",
                     "the contact alone", "What was destroyed", "What is kept",
                     "still hold the destroyed identities"):
        assert expected in flat, expected
    assert str(tmp_path / "usb") in "".join(words.split())  # a long path wraps in its cell
    assert "zebediah" not in flat.lower() and "quillfeather" not in flat.lower()
    with pytest.raises(CasebookError, match="No destruction is recorded for WB-2018-0009"):
        retention.certificate(book, ["WB-2018-0009"], tmp_path / "x.pdf")

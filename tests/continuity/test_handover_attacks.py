"""A handover package as an attacker would try it: another casebook's package, a sender not
trusted, a forged or re-addressed package, tampering, records that do not fit. Each is
refused with one sentence and leaves the receiving casebook exactly as it was."""

from __future__ import annotations

import io
import json
import tarfile
from datetime import date
from pathlib import Path

import pyrage
import pytest

from app.returns import handover_package
from app.returns.handover_package import PackageRefused
from app.services import handover
from app.store.casebook import Casebook
from tests.continuity.helpers import (
    Pair,
    consent,
    make_book,
    make_pair,
    named,
    service,
)
from tests.fault.fault_helpers import folder_state
from tests.support import PASSPHRASE

HANDED = date(2025, 5, 7)


@pytest.fixture
def pair(tmp_path: Path) -> Pair:
    return make_pair(tmp_path)


def _package(pair: Pair, out: Path) -> None:
    with pair.a() as a:
        cid = service(a, HANDED).create(named())
        consent(a, cid, successor=True)
        handover.export(a, handover.plan_export(a, ["SA-2025-0001"], "Alex Contact"), out,
                        "Leave", on=HANDED)


def _unpack(data: bytes, identity: str) -> tuple[bytes, bytes]:
    opened = handover_package.open_package(data, identity)
    return opened.body, opened.signature


def _repack(body: bytes, signature: bytes, recipient: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in (("handover.json", body), ("handover.sig", signature)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return bytes(pyrage.encrypt(buffer.getvalue(), [pyrage.x25519.Recipient.from_str(recipient)]))


def _b_identity(pair: Pair) -> tuple[str, str]:
    with pair.b() as b:
        identity = b.setting("handover_identity") or ""
    return identity, str(pyrage.x25519.Identity.from_str(identity).to_public())


def _refused(pair: Pair, path: Path, reason: str, words: str) -> None:
    """Refused with the reason and one plain sentence; the casebook unchanged on disk."""
    before = folder_state(pair.b_folder)
    with pair.b() as b:
        with pytest.raises(PackageRefused) as refused:
            handover.import_package(b, handover.read_package(b, path, today=HANDED))
        assert b.cases.execute("SELECT count(*) FROM concerns").fetchone()[0] == 0
        assert b.identities().execute("SELECT count(*) FROM persons").fetchone()[0] == 0
    assert refused.value.reason == reason, refused.value
    message = str(refused.value)
    assert words in message and "\n" not in message and message.endswith(".")
    after = folder_state(pair.b_folder)
    changed = {name for name in before if before[name][0] != after.get(name, ("",))[0]}
    assert changed <= {"cases.db", "cases.db-wal", "cases.db-shm", "identities.db-wal",
                       "identities.db-shm", "audit-head.json"}
    with pair.b() as b:  # whatever moved on disk, nothing was written
        assert b.cases.execute("SELECT count(*) FROM handovers").fetchone()[0] == 0


def test_another_casebooks_package_is_refused(pair: Pair, tmp_path: Path) -> None:
    third = tmp_path / "third"
    make_book(third, "Another contact", "TC")
    with Casebook.open(third, PASSPHRASE) as c:
        c_address = handover.address(c).token
    with pair.a() as a:
        handover.trust(a, handover.prepare_trust(a, c_address, "Chris Third"))
        service(a, HANDED).create(named())
        handover.export(a, handover.plan_export(a, ["SA-2025-0001"], "Chris Third"),
                        tmp_path / "for-c.age", "Leave", on=HANDED)
    _refused(pair, tmp_path / "for-c.age", "not_for_this_casebook", "another casebook")


def test_a_package_from_a_sender_not_trusted_is_refused(pair: Pair, tmp_path: Path) -> None:
    stranger = tmp_path / "stranger"
    make_book(stranger, "Stranger", "ST")
    with pair.b() as b:
        b_address = handover.address(b).token
    with Casebook.open(stranger, PASSPHRASE) as s:
        handover.trust(s, handover.prepare_trust(s, b_address, "Alex Contact"))
        service(s, HANDED).create(named())
        handover.export(s, handover.plan_export(s, ["ST-2025-0001"], "Alex Contact"),
                        tmp_path / "stranger.age", "Leave", on=HANDED)
    _refused(pair, tmp_path / "stranger.age", "untrusted_sender", "does not trust")


def test_a_forged_sender_and_an_edited_package_fail_the_signature(pair: Pair,
                                                                   tmp_path: Path) -> None:
    _package(pair, tmp_path / "real.age")
    identity, recipient = _b_identity(pair)
    body, signature = _unpack((tmp_path / "real.age").read_bytes(), identity)
    doc = json.loads(body)
    # Edited: one more conversation slipped into the record, the signature kept.
    doc["concerns"][0]["record"]["tables"]["conversations"].append(
        {"held_on": "2025-05-03", "mode": "phone", "notes": "planted", "next_steps": "",
         "created_at": "2025-05-03T00:00:00+00:00", "updated_at": "2025-05-03T00:00:00+00:00"})
    (tmp_path / "edited.age").write_bytes(_repack(handover_package.body_bytes(doc), signature,
                                                  recipient))
    _refused(pair, tmp_path / "edited.age", "tampered", "changed since it was signed")
    # Forged: signed by a stranger's key while naming the trusted sender's.
    stranger = tmp_path / "stranger"
    make_book(stranger, "Stranger", "ST")
    with Casebook.open(stranger, PASSPHRASE) as s:
        forged = handover_package.seal(s, json.loads(body), recipient)
    (tmp_path / "forged.age").write_bytes(forged)
    _refused(pair, tmp_path / "forged.age", "tampered", "signature does not check out")


def test_a_package_re_addressed_to_this_casebook_is_refused(pair: Pair,
                                                            tmp_path: Path) -> None:
    """A trusted colleague's real package for someone else, re-encrypted to this casebook
    (its recipient is public): signed, but not addressed here."""
    third = tmp_path / "third"
    make_book(third, "Another contact", "TC")
    with Casebook.open(third, PASSPHRASE) as c:
        c_address = handover.address(c).token
        c_identity = c.setting("handover_identity") or ""
    with pair.a() as a:
        handover.trust(a, handover.prepare_trust(a, c_address, "Chris Third"))
        service(a, HANDED).create(named())
        handover.export(a, handover.plan_export(a, ["SA-2025-0001"], "Chris Third"),
                        tmp_path / "for-c.age", "Leave", on=HANDED)
    body, signature = _unpack((tmp_path / "for-c.age").read_bytes(), c_identity)
    _, recipient = _b_identity(pair)
    (tmp_path / "moved.age").write_bytes(_repack(body, signature, recipient))
    _refused(pair, tmp_path / "moved.age", "not_for_this_casebook", "another casebook")


@pytest.mark.parametrize("damage", ["flip", "truncate", "plain", "return"])
def test_damaged_or_foreign_files_are_refused(pair: Pair, tmp_path: Path, damage: str) -> None:
    _package(pair, tmp_path / "real.age")
    data = (tmp_path / "real.age").read_bytes()
    target = tmp_path / "bad.age"
    if damage == "flip":
        target.write_bytes(data[:200] + bytes([data[200] ^ 0xFF]) + data[201:])
        reason = "damaged"
    elif damage == "truncate":
        target.write_bytes(data[: len(data) // 2])
        reason = "damaged"
    elif damage == "plain":
        target.write_text("SA-2025-0001,Jordan Testperson\n")
        reason = "not_a_package"
    else:  # a return to the board is age-encrypted too, but not to this casebook
        board = pyrage.x25519.Identity.generate()
        target.write_bytes(bytes(pyrage.encrypt(b"x" * 100, [board.to_public()])))
        reason = "not_for_this_casebook"
    _refused(pair, target, reason, "nothing was imported")


def test_records_that_do_not_fit_are_refused_whole(pair: Pair, tmp_path: Path) -> None:
    """A trusted sender's package (signed by it) whose second concern breaks this
    casebook's schema: nothing arrives, not even the first concern or its identity."""
    identity, recipient = _b_identity(pair)
    with pair.a() as a:
        s = service(a, HANDED)
        for name in ("Jordan Testperson", "Robin Quietperson"):
            consent(a, s.create(named(name)), successor=True)
        handover.export(a, handover.plan_export(a, ["SA-2025-0001", "SA-2025-0002"],
                                                "Alex Contact"), tmp_path / "real.age",
                        "Leave", on=HANDED)
    body, _ = _unpack((tmp_path / "real.age").read_bytes(), identity)
    for change, reason, words in (
            (lambda c: c["record"]["concern"].update(anonymity="bogus"), "invalid",
             "do not fit"),
            (lambda c: c["record"]["concern"].update(extra_column="x"), "invalid",
             "does not know"),
            (lambda c: c["record"]["tables"]["stages"][0].update(outcome="maybe"), "invalid",
             "do not fit")):
        doc = json.loads(body)
        change(doc["concerns"][1])
        with pair.a() as a:  # the real sender signs it: only the content is wrong
            (tmp_path / "odd.age").write_bytes(handover_package.seal(a, doc, recipient))
        _refused(pair, tmp_path / "odd.age", reason, words)

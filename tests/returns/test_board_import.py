"""The board's import: every refusal with its reason, no-ops, replacement, and a fuzz test."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.returns.board_import import import_return
from app.returns.envelope import open_return, pack
from app.returns.schema import payload_bytes
from app.store.board import Board
from app.store.errors import CasebookError, ReturnRejected
from tests.returns.return_helpers import Unit, synthetic_payload, tar_of

LABEL = "2025-26-Q1"


def _reason(board: Board, data: bytes) -> str:
    with pytest.raises(ReturnRejected) as caught:
        import_return(board, data)
    assert "\n" not in str(caught.value) and str(caught.value).endswith(".")
    return caught.value.reason


def _count(board: Board) -> int:
    return int(board.conn.execute("SELECT count(*) FROM returns").fetchone()[0])


def test_a_good_return_imports_once_and_again_is_a_no_op(board: Board, unit: Unit) -> None:
    data = unit.sealed(synthetic_payload(unit.name, LABEL), board.recipient())
    first = import_return(board, data)
    assert (first.outcome, first.unit, first.period) == ("imported", unit.name, LABEL)
    again = import_return(board, data)
    assert again.outcome == "unchanged" and "nothing changed" in again.message
    assert _count(board) == 1


def test_a_newer_return_replaces_and_an_older_one_is_superseded(board: Board,
                                                                 unit: Unit) -> None:
    older = synthetic_payload(unit.name, LABEL, created=datetime(2026, 7, 1, tzinfo=UTC), seed=1)
    newer = synthetic_payload(unit.name, LABEL, created=datetime(2026, 7, 2, tzinfo=UTC), seed=2)
    import_return(board, unit.sealed(older, board.recipient()))
    replaced = import_return(board, unit.sealed(newer, board.recipient()))
    assert replaced.outcome == "replaced" and "replaces" in replaced.message
    held = board.returns()
    assert len(held) == 1 and json.loads(held[0].payload)["return_id"] == newer["return_id"]
    assert _reason(board, unit.sealed(older, board.recipient())) == "superseded"
    assert json.loads(board.returns()[0].payload)["return_id"] == newer["return_id"]


def test_an_older_return_arriving_later_is_refused(board: Board, unit: Unit) -> None:
    older = synthetic_payload(unit.name, LABEL, created=datetime(2026, 7, 1, tzinfo=UTC), seed=1)
    newer = synthetic_payload(unit.name, LABEL, created=datetime(2026, 7, 2, tzinfo=UTC), seed=2)
    import_return(board, unit.sealed(newer, board.recipient()))
    assert _reason(board, unit.sealed(older, board.recipient())) == "superseded"


def test_wrong_recipient_is_refused(board: Board, unit: Unit) -> None:
    other = pyrage.x25519.Identity.generate().to_public()
    data = unit.sealed(synthetic_payload(unit.name, LABEL), str(other))
    assert _reason(board, data) == "not_for_this_board"


def test_tampered_and_truncated_files_are_refused(board: Board, unit: Unit) -> None:
    data = unit.sealed(synthetic_payload(unit.name, LABEL), board.recipient())
    middle = len(data) // 2
    tampered = data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]
    assert _reason(board, tampered) == "damaged"
    assert _reason(board, data[:-40]) == "damaged"
    assert _reason(board, data[:60]) == "damaged"
    assert _reason(board, b"PK\x03\x04 not a return") == "not_a_return"
    assert _count(board) == 0


def _rewrapped(board: Board, data: bytes, edit: object) -> bytes:
    """Open a return as the board can, change it, and encrypt it to the board again."""
    opened = open_return(data, board.identity())
    payload, signature = edit(opened.payload, opened.signature)  # type: ignore[operator]
    members = [("payload.json", payload)] + ([("payload.sig", signature)] if signature else [])
    return bytes(pyrage.encrypt(tar_of(members), [pyrage.x25519.Recipient.from_str(
        board.recipient())]))


def test_altered_payload_resigned_or_unsigned_is_refused(board: Board, unit: Unit) -> None:
    data = unit.sealed(synthetic_payload(unit.name, LABEL), board.recipient())

    def altered(payload: bytes) -> bytes:
        doc = json.loads(payload)
        doc["figures"]["received"]["stage1"] += 1
        return payload_bytes(doc)

    # The payload changed but the unit's signature kept: the signature no longer matches.
    assert _reason(board, _rewrapped(board, data, lambda p, s: (altered(p), s))) == \
        "bad_signature"
    # Changed and re-signed with a key that is not the unit's.
    stranger = Unit(unit.name)
    assert _reason(board, _rewrapped(board, data, lambda p, s: (
        altered(p), stranger.key.sign(altered(p))))) == "bad_signature"
    # No signature at all, and an empty one.
    assert _reason(board, _rewrapped(board, data, lambda p, s: (p, None))) == "no_signature"
    assert _reason(board, _rewrapped(board, data, lambda p, s: (p, b""))) == "no_signature"
    assert _count(board) == 0


def test_unknown_unit_and_unit_name_mismatch(board: Board, unit: Unit) -> None:
    stranger = Unit("A unit nobody registered")
    assert _reason(board, stranger.sealed(synthetic_payload(stranger.name, LABEL),
                                          board.recipient())) == "unknown_unit"
    other = Unit("Ward 8 contacts")
    board.register_unit(other.name, other.public)
    # Signed by a registered unit, claiming to be another one.
    claims = other.sealed(synthetic_payload(unit.name, LABEL), board.recipient())
    assert _reason(board, claims) == "unit_mismatch"
    # The registered name differs only in case: still not the same name.
    assert _reason(board, unit.sealed(synthetic_payload(unit.name.upper(), LABEL),
                                      board.recipient())) == "unit_mismatch"


def test_schema_invalid_payloads_are_refused(board: Board, unit: Unit) -> None:
    def sent(edit: object) -> str:
        doc = synthetic_payload(unit.name, LABEL)
        edit(doc)  # type: ignore[operator]
        return _reason(board, unit.sealed(doc, board.recipient()))

    assert sent(lambda d: d.update(person="Jordan Testperson")) == "invalid"
    assert sent(lambda d: d["figures"]["by_theme"]["fraud"].update(note="x")) == "invalid"
    assert sent(lambda d: d["figures"]["closed"].update(stage1=-1)) == "invalid"
    assert sent(lambda d: d["figures"]["closed"].update(stage1=True)) == "invalid"
    assert sent(lambda d: d["learning"].append("x" * 2001)) == "invalid"
    assert sent(lambda d: d.pop("audit_head")) == "invalid"
    assert sent(lambda d: d.update(version=3)) == "invalid"  # a version the board does not know
    assert sent(lambda d: d.update(version=1)) == "invalid"  # v1 has no audit_chain
    # Fractions and duplicate keys never reach the schema.
    doc = synthetic_payload(unit.name, LABEL)
    for extra in (b'"stage1": 0.5, ', b'"stage1": 1, '):  # a fraction; a key given twice
        text = payload_bytes(doc).replace(b'"stage1": ', extra + b'"stage1": ', 1)
        assert text != payload_bytes(doc)
        assert _reason(board, pyrage.encrypt(pack(text, unit.key.sign(text)), [
            pyrage.x25519.Recipient.from_str(board.recipient())])) == "invalid"
    assert _count(board) == 0


def test_a_period_that_does_not_match_its_dates_is_refused(board: Board, unit: Unit) -> None:
    doc = synthetic_payload(unit.name, LABEL)
    doc["period"]["to"] = "2025-09-30"
    assert _reason(board, unit.sealed(doc, board.recipient())) == "period_mismatch"
    doc = synthetic_payload(unit.name, LABEL)
    doc["figures"]["period"]["from"] = "2025-03-01"
    assert _reason(board, unit.sealed(doc, board.recipient())) == "period_mismatch"
    doc = synthetic_payload(unit.name, LABEL)
    doc["period"]["label"] = "2025-27"
    assert _reason(board, unit.sealed(doc, board.recipient())) == "period_mismatch"


def test_a_refused_import_writes_nothing(board: Board, unit: Unit) -> None:
    audit_before = board.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    doc = synthetic_payload(unit.name, LABEL)
    doc["period"]["to"] = "2025-09-30"
    _reason(board, unit.sealed(doc, board.recipient()))
    assert board.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_before
    assert board.verify_audit().ok


# ----- the fuzz test: whatever bytes arrive, a clean CasebookError or a good import ----------

_FUZZ = settings(max_examples=120, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


def _import_cleanly(board: Board, data: bytes) -> None:
    with contextlib.suppress(CasebookError):  # a refusal with a reason is the expected answer
        import_return(board, data)


@_FUZZ
@given(data=st.one_of(st.binary(max_size=600),
                      st.binary(max_size=200).map(lambda b: b"age-encryption.org/v1\n" + b)))
def test_import_of_random_bytes_never_crashes(board: Board, unit: Unit, data: bytes) -> None:
    _import_cleanly(board, data)


@_FUZZ
@given(position=st.floats(0, 1), value=st.integers(0, 255), cut=st.booleans())
def test_import_of_mutated_files_never_crashes(board: Board, unit: Unit, position: float,
                                               value: int, cut: bool) -> None:
    data = unit.sealed(synthetic_payload(unit.name, LABEL), board.recipient())
    at = min(int(position * len(data)), len(data) - 1)
    mutated = data[:at] if cut else data[:at] + bytes([value]) + data[at + 1:]
    _import_cleanly(board, mutated)


@_FUZZ
@given(inner=st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.integers(0, 4000), st.integers(0, 255)),
    st.lists(st.tuples(st.sampled_from(["payload.json", "payload.sig", "../x", "other"]),
                       st.binary(max_size=100)), max_size=4)))
def test_import_of_mutated_contents_never_crashes(board: Board, unit: Unit,
                                                  inner: object) -> None:
    """Well encrypted to the board, but what is inside is broken in every way."""
    payload = payload_bytes(synthetic_payload(unit.name, LABEL))
    if isinstance(inner, bytes):
        content = inner
    elif isinstance(inner, tuple):
        packed = pack(payload, unit.key.sign(payload))
        at = inner[0] % len(packed)
        content = packed[:at] + bytes([inner[1]]) + packed[at + 1:]
    else:
        assert isinstance(inner, list)
        content = tar_of(inner)
    recipient = pyrage.x25519.Recipient.from_str(board.recipient())
    _import_cleanly(board, bytes(pyrage.encrypt(content, [recipient])))


@_FUZZ
@given(mutation=st.tuples(st.integers(0, 30_000), st.sampled_from(
    [b"", b"-", b"1", b"9999999999999999999999", b"\"", b"{", b"]", b"null", b"\xff"])))
def test_import_of_signed_garbled_payloads_never_crashes(board: Board, unit: Unit,
                                                         mutation: tuple[int, bytes]) -> None:
    """Signed by the registered unit, so every check after the signature is exercised."""
    payload = payload_bytes(synthetic_payload(unit.name, LABEL))
    at = mutation[0] % len(payload)
    garbled = payload[:at] + mutation[1] + payload[at + 1:]
    recipient = pyrage.x25519.Recipient.from_str(board.recipient())
    _import_cleanly(board, bytes(pyrage.encrypt(pack(garbled, unit.key.sign(garbled)),
                                                [recipient])))

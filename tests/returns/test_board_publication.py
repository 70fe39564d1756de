"""The board, which holds no names, scans every learning statement once more before it
publishes anything: patterns (every disguise) and its own never-publish list, refusing with
each statement's position, unit and reason, never the statement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.core.periods import parse_period
from app.returns.board_import import import_return
from app.returns.board_output import board_csv, board_pdf, write_board_pdf
from app.returns.board_publication import PublicationRefused
from app.returns.board_report import board_figures
from app.store import board_settings
from app.store.board import Board
from tests.returns.return_helpers import Unit, new_board, synthetic_payload

Q1 = parse_period("2025-26-Q1")
DISGUISES = [
    "Ring 07700\u00a0900\u00a0123 for the policy.",  # no-break spaces
    "Contact jo dot bloggs at example dot org.",  # spelled out
    "Call +49 30 901820 to learn more.",  # international
    "Patient 120385\u2009 1235 was moved safely.",  # CHI, a thin space and a space
    "Born 03/04/1981 (DOB), the only one on the ward.",
    "The N\u0456ght Owls changed the rota.",  # never-publish, with a Cyrillic i
]


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Board]:
    held = new_board(tmp_path / "board")
    with held:
        for name, learning in (("Falkirk HSCP", ["Handovers now use a checklist.",
                                                 *DISGUISES[:3]]),
                               ("Stirling contacts", DISGUISES[3:])):
            unit = Unit(name)
            held.register_unit(name, unit.public)
            payload = synthetic_payload(name, Q1.label, learning=learning)
            import_return(held, unit.sealed(payload, held.recipient()))
        board_settings.set_never_publish(held, ["Night Owls"])
        yield held


def test_every_disguise_stops_publication_with_its_position_and_reason(board: Board) -> None:
    doc = board_figures(board, Q1)
    with pytest.raises(PublicationRefused) as refused:
        board_pdf(doc, "NHS Forth Valley", publication=True,
                  never_publish=board_settings.never_publish(board))
    problems = [(p.position, p.unit) for p in refused.value.problems]
    assert problems == [(2, "Falkirk HSCP"), (3, "Falkirk HSCP"), (4, "Falkirk HSCP"),
                        (5, "Stirling contacts"), (6, "Stirling contacts"),
                        (7, "Stirling contacts")]
    text = str(refused.value)
    assert "Learning statement 2 (from Falkirk HSCP) mentions a phone number." in text
    assert "Learning statement 7 (from Stirling contacts) mentions a word on the " \
        "organisation's never-publish list." in text
    for piece in ("900", "bloggs", "901820", "1235", "1981", "Owls"):
        assert piece not in text
    with pytest.raises(PublicationRefused):
        board_csv(doc, "NHS Forth Valley", publication=True,
                  never_publish=board_settings.never_publish(board))
    # The board's own exact copy is not a publication: it is still made.
    assert board_pdf(doc, "NHS Forth Valley").startswith(b"%PDF")


def test_a_refused_publication_writes_no_file(board: Board, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    with pytest.raises(PublicationRefused):
        write_board_pdf(board_figures(board, Q1), out, "NHS Forth Valley", publication=True)
    assert not out.exists()


def test_the_command_line_refuses_and_keeps_the_list(board: Board, tmp_path: Path,
                                                     monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.returns.return_helpers import PASSPHRASE

    folder = board.folder
    board.close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    code = main(["board", "never-publish", "--add", "Ward 7b crew", "--json",
                 "--board", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0 and '"Ward 7b crew"' in out and '"Night Owls"' in out
    code = main(["board", "report", "--period", "2025-26-Q1", "--publication", "--pdf",
                 str(tmp_path / "out.pdf"), "--board", str(folder)])
    out, err = capsys.readouterr()
    assert code == 1 and "Nothing was published" in err and "Traceback" not in err
    assert "Learning statement 2 (from Falkirk HSCP)" in err
    assert not (tmp_path / "out.pdf").exists()

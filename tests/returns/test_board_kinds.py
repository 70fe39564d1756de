"""The board's report kinds over real casebooks, real signed and encrypted returns and a real
board store: service types at the board, counts that say what they count, themes of every
concern, completeness, identity access, the quarterly, annual, IJB and trends reports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.board_tables import ALL, LA_VIEW, NHS_VIEW, TOTAL, VIEWS, kpi_cells, theme_cells
from app.core.kpi import SERVICE_KEYS, add_figures
from app.core.periods import parse_period
from app.core.records import (
    Anonymity,
    Channel,
    Closure,
    DisclosureConsent,
    Outcome,
    ProcedureDecision,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    Stage,
)
from app.demo import add_demo_concerns
from app.returns.board_import import import_return
from app.returns.board_report import board_completeness, board_figures, figures_only
from app.returns.envelope import envelope
from app.returns.payload import build_payload
from app.returns.signing import unit_public_key
from app.services.report_kinds import completeness_json, make_report, set_statement
from app.store.board import Board
from app.store.board_reports import set_due_date
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, NewConcern
from app.store.errors import CasebookError
from tests.returns.return_helpers import named_concern, new_board
from tests.support import CHEAP_ARGON2, PASSPHRASE, TODAY

YEAR = "2025-26"
QUARTERS = [f"{YEAR}-Q{n}" for n in (1, 2, 3, 4)]
NORTH, SOUTH, LATE = "North HSCP", "South contacts", "West contacts"


@dataclass
class World:
    board: Board
    folder: Path
    north: Casebook
    south: Casebook


def _book(folder: Path, unit: str) -> Casebook:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test", unit=unit,
                              argon2=CHEAP_ARGON2)
    return book


def _north_concerns(book: Casebook) -> None:
    """Concerns whose figures are known: escalated, withdrawn, transferred, not taken
    forward, anonymous, and escalated in a later quarter; signposting both ways."""
    s = ConcernService(book, today=lambda: TODAY)
    d = date
    # Escalated within Q1: one concern, two stage entries.
    one = s.create(named_concern(d(2025, 5, 1), "Alex Escalated", themes=("patient_safety",)))
    s.escalate(one, d(2025, 5, 12))
    s.respond(one, Stage.STAGE2, d(2025, 6, 5), Outcome.UPHELD)
    s.signpost(one, SignpostBody.INWO, d(2025, 6, 6))
    for day in (3, 4):  # the identity shared twice in Q1, with consent: counts only leave
        s.record_disclosure(one, disclosed_to="Pat Investigator", role="Investigator",
                            on=d(2025, 6, day), reason="To investigate.",
                            consent=DisclosureConsent.CONSENT_WRITTEN, consent_on=d(2025, 5, 1))
    # Withdrawn (local authority).
    two = s.create(named_concern(d(2025, 5, 2), "Bo Withdrawn", themes=("staffing",),
                                 service=ServiceType.LOCAL_AUTHORITY))
    s.close(two, Closure.WITHDRAWN, d(2025, 5, 20), "They withdrew it.")
    # Closed at stage 1 in Q1, escalated in Q2: a stage 2 entry in Q2, no new concern.
    six = s.create(named_concern(d(2025, 4, 10), "Cy Later", themes=("working_practices",)))
    s.respond(six, Stage.STAGE1, d(2025, 4, 14), Outcome.NOT_UPHELD)
    s.escalate(six, d(2025, 7, 1))
    # Not taken forward (both), with two themes, in Q2.
    three = s.create(NewConcern(
        received_on=d(2025, 8, 1), channel=Channel.PHONE,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED, service_type=ServiceType.BOTH,
        themes=("bullying_harassment", "governance"),
        person=named_concern(d(2025, 8, 1), "Dee Grievance").person))
    s.decide(three, ProcedureDecision.NOT_TAKEN_FORWARD, d(2025, 8, 5),
             "A grievance matter.")
    # Transferred (local authority) in Q3, signposted to the Care Inspectorate.
    four = s.create(named_concern(d(2025, 10, 1), "Eli Transferred", themes=("fraud",),
                                  service=ServiceType.LOCAL_AUTHORITY))
    s.close(four, Closure.TRANSFERRED, d(2025, 10, 15), "Counter fraud.")
    s.signpost(four, SignpostBody.CARE_INSPECTORATE, d(2025, 10, 16))
    # Anonymous (NHS), in Q1.
    s.create(NewConcern(
        received_on=d(2025, 6, 1), channel=Channel.IN_PERSON,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.ANONYMOUS, service_type=ServiceType.NHS,
        themes=("worker_safety",)))


def _send(board: Board, book: Casebook, label: str) -> None:
    outcome = import_return(board, envelope(book, build_payload(book, parse_period(label))))
    assert outcome.outcome in ("imported", "replaced")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("kinds")
    board = new_board(root / "board")
    north, south = _book(root / "north", NORTH), _book(root / "south", SOUTH)
    _north_concerns(north)
    add_demo_concerns(south, 60, seed=3, today=TODAY, end_year=2025, batch_size=20)
    late_book = _book(root / "west", LATE)
    for book in (north, south, late_book):
        book.set_setting("board_recipient", board.recipient())
        board.register_unit(book.setting("reporting_unit") or "", unit_public_key(book))
    for label in ("2024-25-Q1", *QUARTERS):
        _send(board, north, label)
        _send(board, south, label)
    _send(board, north, YEAR)  # the annual return as well: it must agree with its quarters
    _send(board, late_book, "2025-26-Q1")
    late_book.close()
    board.set_headcount(NORTH, "2025-26-Q1", 1200)
    try:
        yield World(board, root / "board", north, south)
    finally:
        for item in (board, north, south):
            item.close()


# ----- 1. service types at the board ---------------------------------------------------------


@pytest.mark.parametrize("label", [*QUARTERS, YEAR])
def test_the_boards_by_service_is_the_sum_of_the_units_per_service(world: World,
                                                                    label: str) -> None:
    doc = board_figures(world.board, parse_period(label))
    assert set(doc["by_service"]) == set(SERVICE_KEYS)
    for service in SERVICE_KEYS:
        expected = None
        for figures in doc["units"].values():
            block = figures["by_service"][service]
            expected = block if expected is None else add_figures(expected, block)
        assert doc["by_service"][service] == expected
        for name, figures in doc["units"].items():  # each unit's split in the same shape
            assert set(figures["by_service"][service]) == set(doc["by_service"][service]), name
    # The services partition the total; and the distinct concerns add up across units too.
    for service in SERVICE_KEYS:
        assert doc["concerns"]["received"][service] == sum(
            u["concerns"]["received"][service] for u in doc["units"].values())
    total = doc["received"]["stage1"]
    assert total == sum(doc["by_service"][s]["received"]["stage1"] for s in SERVICE_KEYS)


def test_the_nhs_and_local_authority_views_are_labelled_for_whom(world: World) -> None:
    made = make_report(world.board, "quarterly", parse_period("2025-26-Q1"))
    text = _pdf_text(made.pdf())
    assert "NHS services (NHS + both): for the INWO" in text
    assert "Local-authority services (local authority + both): for the IJBs" in text
    cells = made.report.cells
    for view, parts in VIEWS.items():
        key = ("kpi4", "stage_entries", "total", view, TOTAL, "2025-26-Q1")
        assert cells[key] == sum(cells[(*key[:3], p, *key[4:])] for p in parts)
    # Each unit's service split adds up to the unit, and the units to the board, per service.
    units = [NORTH, SOUTH, LATE]
    for measure in (("kpi4", "concerns", ""), ("kpi4", "stage_entries", "total")):
        for unit in units:
            assert cells[(*measure, ALL, unit, "2025-26-Q1")] == sum(
                cells[(*measure, s, unit, "2025-26-Q1")] for s in SERVICE_KEYS)
        for service in (*SERVICE_KEYS, *VIEWS):
            assert cells[(*measure, service, TOTAL, "2025-26-Q1")] == sum(
                cells[(*measure, service, u, "2025-26-Q1")] for u in units)
    assert "Service types by unit" in text


# ----- 4. counts that say what they count ------------------------------------------------------


def test_distinct_concerns_and_stage_entries_on_escalated_concerns(world: World) -> None:
    q1 = board_figures(world.board, parse_period("2025-26-Q1"))["units"][NORTH]
    # Concerns 1 (escalated in Q1), 2 (withdrawn) and 6 (stage 1, escalated in Q2).
    assert sum(q1["concerns"]["within_standards"].values()) == 3
    assert q1["received"]["stage1"] == 3 and q1["received"]["stage2"] == 1
    q2 = board_figures(world.board, parse_period("2025-26-Q2"))["units"][NORTH]
    assert sum(q2["concerns"]["within_standards"].values()) == 0  # no new concern
    assert q2["received"]["stage2"] == 1  # concern 6's stage 2 entry
    made = make_report(world.board, "quarterly", parse_period("2025-26-Q1"), unit=NORTH)
    cells = made.report.cells
    assert cells[("kpi4", "concerns", "", ALL, NORTH, "2025-26-Q1")] == 3
    assert cells[("kpi4", "stage_entries", "total", ALL, NORTH, "2025-26-Q1")] == 4
    text = _pdf_text(made.pdf())
    assert "Concerns received (each counted once)" in text
    assert "an escalated concern counts twice" in text


def test_themes_of_withdrawn_transferred_and_not_taken_forward_concerns_count(
        world: World) -> None:
    def themes(label: str) -> dict[str, dict[str, int]]:
        units = board_figures(world.board, parse_period(label))["units"]
        by_theme: dict[str, dict[str, int]] = units[NORTH]["concerns"]["by_theme"]
        return by_theme

    assert themes("2025-26-Q1")["staffing"]["local_authority"] == 1  # withdrawn
    assert themes("2025-26-Q1")["worker_safety"]["nhs"] == 1  # anonymous
    assert themes("2025-26-Q2")["bullying_harassment"]["both"] == 1  # not taken forward
    assert themes("2025-26-Q2")["governance"]["both"] == 1
    assert themes("2025-26-Q3")["fraud"]["local_authority"] == 1  # transferred
    # The theme by service table shows them.
    made = make_report(world.board, "quarterly", parse_period("2025-26-Q2"), unit=NORTH)
    assert made.report.cells[("themes", "bullying_harassment", "", "both", TOTAL,
                              "2025-26-Q2")] == 1
    assert "Themes by service type" in _pdf_text(made.pdf())


# ----- a year equals its quarters, in every view ------------------------------------------------


def test_a_year_equals_its_quarters_in_every_view(world: World) -> None:
    year = board_figures(world.board, parse_period(YEAR))
    parts = [board_figures(world.board, parse_period(q)) for q in QUARTERS]
    for unit in [None, NORTH, SOUTH]:
        def figures(doc: dict[str, object], unit: str | None = unit) -> dict[str, object]:
            if unit is None:
                return figures_only(doc)  # type: ignore[arg-type]
            return doc["units"][unit]  # type: ignore[index, no-any-return]

        for service in (ALL, *SERVICE_KEYS, *VIEWS):
            whole, _ = kpi_cells(figures(year), service)
            whole.update(theme_cells(figures(year), service))
            summed: dict[tuple[str, str, str], int] = {}
            for doc in parts:
                cells, _ = kpi_cells(figures(doc), service)
                cells.update(theme_cells(figures(doc), service))
                for key, value in cells.items():
                    summed[key] = summed.get(key, 0) + value
            assert summed == whole, (unit, service)
    # And in the annual report (NHS services) and the IJB report (local-authority services).
    for kind, unit, view in (("annual", None, NHS_VIEW), ("ijb", NORTH, LA_VIEW)):
        made = make_report(world.board, kind, parse_period(YEAR), unit=unit)
        cells = made.report.cells
        yearly = [k for k in cells if k[5] == YEAR and k[3] == view]
        assert yearly
        for key in yearly:
            assert cells[key] == sum(cells[(*key[:5], q)] for q in QUARTERS), key


# ----- 5. completeness ----------------------------------------------------------------------


def test_status_says_in_late_superseded_withdrawn_and_missing(world: World,
                                                               tmp_path: Path) -> None:
    board = world.board
    q3 = parse_period("2025-26-Q3")
    set_due_date(board, q3.label, date(2025, 11, 15))  # every Q3 return came in after it
    states = {c.unit: c for c in board_completeness(board, q3, date(2026, 1, 1))}
    assert states[NORTH].state == "late" and "due 2025-11-15" in states[NORTH].description
    assert states[LATE].state == "overdue"
    # A newer return supersedes; a withdrawal leaves the unit withdrawn until a new one.
    _send(board, world.south, q3.label)
    board.withdraw_return(SOUTH, q3.label, "Sent with the wrong period's learning.")
    states = {c.unit: c for c in board_completeness(board, q3, date(2026, 1, 1))}
    assert states[SOUTH].state == "withdrawn" and states[SOUTH].replaced == 1
    doc = completeness_json(board, q3, date(2026, 1, 1))
    assert {u["unit"]: u["state"] for u in doc["units"]} == {
        NORTH: "late", SOUTH: "withdrawn", LATE: "overdue"}
    # Reports made now say on page 1 which units are missing.
    made = make_report(board, "quarterly", q3)
    first = _pdf_pages(made.pdf())[0]
    assert "Returns missing" in first and SOUTH in first and LATE in first
    _send(board, world.south, q3.label)  # put it back for the other tests
    set_due_date(board, q3.label, None)


def test_status_json_on_the_command_line(world: World, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    world.board.close()
    try:
        assert main(["board", "due-date", "2025-07-31", "--period", "2025-26-Q1",
                     "--board", str(world.folder)]) == 0
        capsys.readouterr()
        assert main(["board", "status", "--period", "2025-26-Q1", "--json",
                     "--board", str(world.folder)]) == 0
        doc = json.loads(capsys.readouterr().out)
        assert doc["due_on"] == "2025-07-31"
        units = {u["unit"]: u for u in doc["units"]}
        assert units[NORTH]["state"] == "late" and units[NORTH]["status"] == "sent"
        assert main(["board", "status", "--period", "2025-26-Q1",
                     "--board", str(world.folder)]) == 0
        assert "in, late (due 2025-07-31)" in capsys.readouterr().out
        assert main(["board", "due-date", "--period", "2025-26-Q1", "--clear",
                     "--board", str(world.folder)]) == 0
        code = main(["board", "report", "--period", "2025-26", "--kind", "ijb",
                     "--board", str(world.folder)])
        assert code == 1 and "--unit" in capsys.readouterr().err
        code = main(["board", "statement", "--year", "2025-26-Q1", "--kpi", "2", "--text", "x",
                     "--board", str(world.folder)])
        err = capsys.readouterr().err
        assert code == 1 and "per financial year" in err and "Traceback" not in err
        assert main(["board", "statement", "--year", YEAR, "--kpi", "3", "--text",
                     "Training for all new starts.", "--board", str(world.folder)]) == 0
        capsys.readouterr()
        assert main(["board", "statement", "--year", YEAR, "--kpi", "3",
                     "--board", str(world.folder)]) == 0
        assert capsys.readouterr().out.strip() == "Training for all new starts."
        code = main(["board", "report", "--period", YEAR, "--kind", "quarterly",
                     "--board", str(world.folder)])
        err = capsys.readouterr().err
        assert code == 1 and "for a quarter" in err and len(err.strip().splitlines()) == 1
        pdf, out = tmp_path / "annual.pdf", tmp_path / "annual.csv"
        assert main(["board", "report", "--period", YEAR, "--kind", "annual", "--pdf",
                     str(pdf), "--csv", str(out), "--publication",
                     "--board", str(world.folder)]) == 0
        assert "For publication" in _pdf_text(pdf.read_bytes())
        assert "Training for all new starts." in _pdf_text(pdf.read_bytes())
        assert out.read_text().startswith("section,measure,stage,service,unit,period,value")
        capsys.readouterr()
        assert main(["board", "report", "--period", "2025-26-Q4", "--kind", "trends",
                     "--quarters", "4", "--json", "--board", str(world.folder)]) == 0
        doc = json.loads(capsys.readouterr().out)
        assert doc["kind"] == "trends" and isinstance(doc["flags"], list)
        assert {c["period"] for c in doc["cells"]} == set(QUARTERS)
    finally:
        world.board = Board.open(world.folder, PASSPHRASE)


# ----- 6. identity access, internal only -----------------------------------------------------


def test_identity_access_per_unit_in_the_internal_report_only(world: World) -> None:
    made = make_report(world.board, "quarterly", parse_period("2025-26-Q1"))
    internal = _pdf_text(made.pdf())
    assert "Oversight: access to whistleblowers' identities" in internal
    rows = _csv(made.csv())
    assert any(r["section"] == "identity_access" and r["unit"] == NORTH for r in rows)
    doc = board_figures(world.board, parse_period("2025-26-Q1"))
    access = doc["board"]["units"][NORTH]["identity_access"]
    assert set(access) == {"reveals", "documents", "disclosures", "person_searches"}
    assert access["disclosures"] == 2
    key = ("identity_access", "disclosures", "", ALL, NORTH, "2025-26-Q1")
    assert made.report.cells[key] == 2
    assert "Pat Investigator" not in internal and "Pat Investigator" not in made.csv()
    published = make_report(world.board, "quarterly", parse_period("2025-26-Q1"),
                            publication=True)
    assert "Oversight" not in _pdf_text(published.pdf())
    assert not any(r["section"] == "identity_access" for r in _csv(published.csv()))


# ----- 2. the kinds, exact and for publication ---------------------------------------------------


@pytest.mark.parametrize(("kind", "label", "unit"), [
    ("quarterly", "2025-26-Q2", None), ("annual", YEAR, None), ("ijb", YEAR, NORTH),
    ("trends", "2025-26-Q4", None)])
def test_each_kind_exact_and_for_publication(world: World, kind: str, label: str,
                                             unit: str | None) -> None:
    exact = make_report(world.board, kind, parse_period(label), unit=unit, run=5)
    public = make_report(world.board, kind, parse_period(label), unit=unit, run=5,
                         publication=True, threshold=5)
    exact_rows, public_rows = _csv(exact.csv()), _csv(public.csv())
    keyed = [tuple(r[c] for c in ("section", "measure", "stage", "service", "unit", "period"))
             for r in public_rows]
    internal = [tuple(r[c] for c in ("section", "measure", "stage", "service", "unit",
                                     "period")) for r in exact_rows
                if r["section"] != "identity_access"]
    assert keyed == internal  # exactly the rows of the exact CSV
    counts = [r["value"] for r in public_rows if "percent" not in r["measure"]
              and "average" not in r["measure"] and "per_1000" not in r["measure"]]
    assert all(v not in {"1", "2", "3", "4"} for v in counts)
    text = _pdf_text(public.pdf())
    assert "For publication" in text and exact.report.audience.split(":")[0][:30] in text
    assert "Internal: not for publication" in _pdf_text(exact.pdf())
    for name in ("Alex", "Escalated", "Bo Withdrawn"):  # no identity, ever
        assert name not in _pdf_text(exact.pdf()) and name not in exact.csv()


def test_the_annual_report_carries_the_boards_own_statements(world: World) -> None:
    set_statement(world.board, YEAR, 2, "We asked everyone involved: most felt heard.")
    set_statement(world.board, YEAR, 3, "412 staff trained; survey: 78% know how to raise.")
    text = _pdf_text(make_report(world.board, "annual", parse_period(YEAR)).pdf())
    assert "KPI 2: the experience of everyone involved" in text
    assert "most felt heard" in text and "412 staff trained" in text
    assert "KPI 1: learning" in text
    with pytest.raises(CasebookError, match="KPI 2"):
        set_statement(world.board, YEAR, 4, "no")
    # For publication, the board's own words are scanned as the units' learning is.
    set_statement(world.board, YEAR, 2, "Ask pat.smith@nhs.scot for the survey.")
    with pytest.raises(CasebookError, match="statement for KPI 2"):
        make_report(world.board, "annual", parse_period(YEAR), publication=True)
    set_statement(world.board, YEAR, 2, "We asked everyone involved: most felt heard.")


def test_the_ijb_report_has_signposting_for_its_hscp(world: World) -> None:
    made = make_report(world.board, "ijb", parse_period(YEAR), unit=NORTH)
    cells = made.report.cells
    assert cells[("signposting", "care_inspectorate", "", "local_authority", NORTH, YEAR)] == 1
    assert cells[("signposting", "inwo", "", LA_VIEW, NORTH, YEAR)] == 0  # NHS: not here
    assert "Signposting" in _pdf_text(made.pdf())


def test_trends_over_a_run_of_quarters(world: World) -> None:
    made = make_report(world.board, "trends", parse_period("2025-26-Q4"), run=8)
    periods = {k[5] for k in made.report.cells}
    assert len(periods) == 8 and "2024-25-Q1" in periods and "2025-26-Q4" in periods
    text = _pdf_text(made.pdf())
    assert "How a flag is raised" in text and "upper quartile" in text
    assert "Themes: concerns received each quarter" in text
    rows = _csv(made.csv())
    assert {r["period"] for r in rows} == periods


# ----- helpers --------------------------------------------------------------------------------


def _pdf_pages(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _pdf_text(pdf: bytes) -> str:
    return " ".join(_pdf_pages(pdf))


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))

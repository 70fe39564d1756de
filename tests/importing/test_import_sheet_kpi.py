"""After importing a small sheet made to touch every KPI rule, the figures match ones worked
out by hand: escalation, extensions, anonymous and unnamed rows, a response on the working day
after a bank holiday, and a concern that spans two quarters.

The figures are read both from `casebook report --json` and, beside it, straight from
app.core.kpi.compute_figures over the casebook's facts and calendar.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.kpi import compute_figures
from app.core.periods import parse_period
from app.store.concerns import ConcernService
from tests.importing.import_sheet_helpers import init_casebook, open_book, run_cli, write_xlsx


def _row(reference: str, received: str, service: str, **values: str) -> dict[str, str]:
    row = {"reference": reference, "received_date": received, "anonymity": "named",
           "raiser_name": f"Person {reference}", "raiser_category": "employee",
           "service_type": service, "summary": "C raised a concern."}
    row.update(values)
    return row


# Scottish bank holidays used: Mon 5 May 2025 (May Day), Mon 4 Aug 2025 (Summer Bank Holiday).
SHEET = [
    # K1: received Fri 2 May, response Tue 6 May, the day after the May Day holiday: 1 working day.
    _row("K1", "02/05/2025", "nhs", starting_stage="1", stage1_response_date="06/05/2025",
         stage1_outcome="upheld"),
    # K2: extended at stage 1; Mon 2 June to Wed 11 June is 7 working days: late.
    _row("K2", "2025-06-02", "local_authority", starting_stage="1", stage1_extended="yes",
         stage1_extended_to="2025-06-13", stage1_response_date="2025-06-11",
         stage1_outcome="not_upheld"),
    # K3: stage 1 in Q1 (Mon 23 to Fri 27 June: 4 days), escalated Tue 1 July (Q2), extended at
    # stage 2, response Fri 8 Aug: 22 days in July after the 1st, Fri 1 Aug, Mon 4 Aug a
    # holiday, 5-8 Aug = 27 working days: late.
    _row("K3", "2025-06-23", "nhs", starting_stage="1", stage1_response_date="2025-06-27",
         stage1_outcome="partially_upheld", escalation_date="2025-07-01",
         stage2_acknowledged_date="2025-07-03", stage2_extended="yes",
         stage2_extended_to="2025-08-15", stage2_response_date="2025-08-08",
         stage2_outcome="upheld"),
    # K4: starts at stage 2 on Mon 14 July; response Fri 8 Aug: 13 in July, 1 Aug, 4 more
    # after the holiday = 18 working days: in time.
    _row("K4", "2025-07-14", "both", starting_stage="2", stage2_acknowledged_date="2025-07-16",
         stage2_response_date="2025-08-08", stage2_outcome="not_upheld"),
    # K5: anonymous: counted as received, and nowhere else.
    {"reference": "K5", "received_date": "2025-05-20", "anonymity": "anonymous",
     "service_type": "nhs"},
    # K6: unnamed, with a stage 1 response: outside the Standards, so only received.unnamed.
    {"reference": "K6", "received_date": "2025-08-12", "anonymity": "unnamed",
     "raiser_category": "volunteer", "service_type": "local_authority", "starting_stage": "1",
     "stage1_response_date": "2025-08-14", "stage1_outcome": "upheld"},
    # K7: withdrawn at stage 1.
    _row("K7", "2025-07-07", "nhs", starting_stage="1", closure="withdrawn",
         closure_date="2025-07-09"),
    # K8: open at stage 1 with an extension whose new date was not recorded.
    _row("K8", "2025-09-29", "nhs", starting_stage="1", stage1_extended="yes"),
    # K9: not taken forward under the Standards, before any stage.
    _row("K9", "2025-04-22", "nhs", closure="not_taken_forward", closure_date="2025-04-24",
         closure_reason="A contractual dispute, for the grievance procedure."),
]


def _block(**counts: Any) -> dict[str, Any]:
    """A figures block: zeros except the counts given as path=value, e.g. received_stage1=2."""
    block: dict[str, Any] = {
        "received": {"stage1": 0, "stage2": 0, "anonymous": 0, "unnamed": 0},
        "closed": {"stage1": 0, "stage2": 0},
        "outcomes": {s: {"upheld": 0, "partially_upheld": 0, "not_upheld": 0}
                     for s in ("stage1", "stage2")},
        "working_days": {s: {"sum": 0, "count": 0} for s in ("stage1", "stage2")},
        "within_timescale": {"stage1": 0, "stage2": 0},
        "extended": {"stage1": 0, "stage2": 0},
        "other_closures": {"withdrawn": 0, "transferred": 0, "not_taken_forward": 0},
        "contracted_services": {"stage1": 0, "stage2": 0, "anonymous": 0, "unnamed": 0},
    }
    for path, value in counts.items():
        *parents, leaf = path.split("__")
        target = block
        for key in parents:
            target = target[key]
        target[leaf] = value
    return block


# By hand. Q1 is April to June 2025, Q2 July to September 2025 (2025-26).
Q1 = {
    "all": _block(received__stage1=3, received__anonymous=1, closed__stage1=3,
                  outcomes__stage1__upheld=1, outcomes__stage1__not_upheld=1,
                  outcomes__stage1__partially_upheld=1,
                  working_days__stage1__sum=1 + 7 + 4, working_days__stage1__count=3,
                  within_timescale__stage1=2, extended__stage1=1,
                  other_closures__not_taken_forward=1),
    "nhs": _block(received__stage1=2, received__anonymous=1, closed__stage1=2,
                  outcomes__stage1__upheld=1, outcomes__stage1__partially_upheld=1,
                  working_days__stage1__sum=1 + 4, working_days__stage1__count=2,
                  within_timescale__stage1=2, other_closures__not_taken_forward=1),
    "local_authority": _block(received__stage1=1, closed__stage1=1,
                              outcomes__stage1__not_upheld=1, working_days__stage1__sum=7,
                              working_days__stage1__count=1, extended__stage1=1),
    "both": _block(),
}
Q2 = {
    "all": _block(received__stage1=2, received__stage2=2, received__unnamed=1,
                  closed__stage2=2, outcomes__stage2__upheld=1, outcomes__stage2__not_upheld=1,
                  working_days__stage2__sum=27 + 18, working_days__stage2__count=2,
                  within_timescale__stage2=1, extended__stage1=1, extended__stage2=1,
                  other_closures__withdrawn=1),
    "nhs": _block(received__stage1=2, received__stage2=1, closed__stage2=1,
                  outcomes__stage2__upheld=1, working_days__stage2__sum=27,
                  working_days__stage2__count=1, extended__stage1=1, extended__stage2=1,
                  other_closures__withdrawn=1),
    "local_authority": _block(received__unnamed=1),
    "both": _block(received__stage2=1, closed__stage2=1, outcomes__stage2__not_upheld=1,
                   working_days__stage2__sum=18, working_days__stage2__count=1,
                   within_timescale__stage2=1),
}


def _without_period(block: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in block.items() if key not in ("period", "by_service")}


def _split(figures: dict[str, Any]) -> dict[str, Any]:
    found = {"all": _without_period(figures)}
    found.update({service: _without_period(block)
                  for service, block in figures["by_service"].items()})
    return found


def _add(a: Any, b: Any) -> Any:
    if isinstance(a, dict):
        return {key: _add(a[key], b[key]) for key in a}
    return a + b


@pytest.fixture
def kpi_casebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> Path:
    folder = init_casebook(tmp_path / "casebook", monkeypatch, capsys)
    sheet = write_xlsx(tmp_path / "kpi.xlsx", SHEET)
    code, _, err = run_cli(capsys, "import", str(sheet), "--casebook", str(folder))
    assert code == 0, err
    return folder


def _figures(folder: Path, period: str) -> dict[str, Any]:
    with open_book(folder) as book:
        service = ConcernService(book)
        return compute_figures(list(service.all_facts()), parse_period(period),
                               service.calendar())


@pytest.mark.parametrize("period, expected", [("2025-26-Q1", Q1), ("2025-26-Q2", Q2)])
def test_imported_figures_match_the_hand_worked_ones(kpi_casebook: Path, period: str,
                                                     expected: dict[str, Any]) -> None:
    assert _split(_figures(kpi_casebook, period)) == expected


def test_the_year_is_the_two_quarters_added(kpi_casebook: Path) -> None:
    year = _split(_figures(kpi_casebook, "2025-26"))
    assert year == {key: _add(Q1[key], Q2[key]) for key in Q1}


@pytest.mark.parametrize("period, expected", [
    ("2025-26-Q1", Q1), ("2025-26-Q2", Q2),
    ("2025-26", {key: _add(Q1[key], Q2[key]) for key in Q1})])
def test_casebook_report_json_gives_the_hand_worked_figures(
        kpi_casebook: Path, capsys: pytest.CaptureFixture[str], period: str,
        expected: dict[str, Any]) -> None:
    code, out, err = run_cli(capsys, "report", "--period", period, "--json", "--casebook",
                             str(kpi_casebook))
    assert code == 0, err
    assert _split(json.loads(out)) == expected

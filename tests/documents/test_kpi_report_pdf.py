"""The KPI report: figures checked by hand, the PDF's text, publication, CSV, page rendering."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.core.periods import parse_period
from app.documents.kpi_report import build_kpi_report, render_kpi_report, report_csv
from app.documents.report_content import ReportContent, report_content
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.identities import IdentityService
from app.store.report_figures import kpi_figures, theme_figures
from tests.documents.document_helpers import (
    EXPECTED_Q1,
    add_designed_concerns,
    have,
    page_count,
    pdf_text,
    render_pages,
)
from tests.support import TODAY

Q1 = parse_period("2025-26-Q1")
SERVICES = ("all", "nhs", "local_authority", "both")

# The designed concerns' rows as the report must print them, worked out by hand
# (columns: all services, NHS, local authority, both).
DESIGNED_ROWS = (
    "Received at stage 1 5 3 1 1",
    "Received at stage 2 2 1 0 1",
    "Total at both stages 7 4 1 2",
    "Anonymous concerns 1 1 0 0",
    "Unnamed concerns 1 0 1 0",
    "Closed at stage 1 3 (60.0%) 1 (50.0%) 1 (100.0%) 1 (50.0%)",
    "Closed at stage 2 2 (40.0%) 1 (50.0%) 0 (0.0%) 1 (50.0%)",
    "Total closed in full 5 2 1 2",
    "Stage 1: upheld 1 (33.3%) 1 (100.0%) 0 (0.0%) 0 (0.0%)",
    "Stage 1: partially upheld 1 (33.3%) 0 (0.0%) 0 (0.0%) 1 (100.0%)",
    "Stage 1: not upheld 1 (33.3%) 0 (0.0%) 1 (100.0%) 0 (0.0%)",
    "Stage 2: upheld 1 (50.0%) 0 (0.0%) 0 (\u2013) 1 (100.0%)",
    "Stage 2: not upheld 1 (50.0%) 1 (100.0%) 0 (\u2013) 0 (0.0%)",
    "Stage 1: average working days 5.3 4.0 8.0 4.0",
    "Stage 2: average working days 22.0 26.0 \u2013 18.0",
    "Stage 1: within 5 working days 2 (66.7%) 1 (100.0%) 0 (0.0%) 1 (100.0%)",
    "Stage 1: over 5 working days 1 (33.3%) 0 (0.0%) 1 (100.0%) 0 (0.0%)",
    "Stage 2: within 20 working days 1 (50.0%) 0 (0.0%) 0 (\u2013) 1 (100.0%)",
    "Stage 2: over 20 working days 1 (50.0%) 1 (100.0%) 0 (\u2013) 0 (0.0%)",
    "Stage 1: extension authorised 1 (20.0%) 0 (0.0%) 1 (100.0%) 0 (0.0%)",
    "Stage 2: extension authorised 1 (50.0%) 1 (100.0%) 0 (\u2013) 0 (0.0%)",
    "Withdrawn 1 1 0 0",
    "Transferred to another procedure 0 0 0 0",
    "Not taken forward under the Standards 1 1 0 0",
)


@pytest.fixture
def designed(book: Casebook, service: ConcernService) -> Casebook:
    add_designed_concerns(service)
    return book


def test_the_figures_are_those_worked_out_by_hand(designed: Casebook) -> None:
    assert kpi_figures(designed, Q1) == EXPECTED_Q1


def test_the_report_prints_the_figures_worked_out_by_hand(designed: Casebook) -> None:
    text = pdf_text(build_kpi_report(designed, Q1, today=TODAY))
    for row in DESIGNED_ROWS:
        assert row in text, row
    assert "2025-26-Q1 (1 April 2025 to 30 June 2025)" in text
    assert "NHS Test Board: Test Unit" in text and "Produced on 22 November 2026" in text
    assert "Night checks now need two nurses." in text  # the publishable learning
    assert "Internal report with exact figures" in text


# ----- the report's numbers are --json's ------------------------------------------------------


def _pct(part: int, whole: int) -> str:
    return "\u2013" if whole == 0 else f"{100 * part / whole:.1f}%"


def rows_from_json(figures: dict[str, Any]) -> list[str]:
    """The report rows as they must read, made from the JSON figures alone."""
    blocks = [figures if s == "all" else figures["by_service"][s] for s in SERVICES]

    def row(label: str, cell: Any) -> str:
        return " ".join([label, *(cell(b) for b in blocks)])

    rows = []
    for n, stage in ((1, "stage1"), (2, "stage2")):
        rows.append(row(f"Received at stage {n}", lambda b, s=stage: str(b["received"][s])))
        rows.append(row(f"Closed at stage {n}", lambda b, s=stage: (
            f"{b['closed'][s]} "
            f"({_pct(b['closed'][s], b['closed']['stage1'] + b['closed']['stage2'])})")))
        for outcome, words in (("upheld", "upheld"), ("partially_upheld", "partially upheld"),
                               ("not_upheld", "not upheld")):
            rows.append(row(f"Stage {n}: {words}", lambda b, s=stage, o=outcome: (
                f"{b['outcomes'][s][o]} ({_pct(b['outcomes'][s][o], b['closed'][s])})")))
        rows.append(row(f"Stage {n}: full responses",
                        lambda b, s=stage: str(b["working_days"][s]["count"])))
        rows.append(row(f"Stage {n}: average working days", lambda b, s=stage: (
            "\u2013" if b["working_days"][s]["count"] == 0 else
            f"{b['working_days'][s]['sum'] / b['working_days'][s]['count']:.1f}")))
        rows.append(row(f"Stage {n}: extension authorised", lambda b, s=stage: (
            f"{b['extended'][s]} ({_pct(b['extended'][s], b['received'][s])})")))
    rows.append(row("Anonymous concerns", lambda b: str(b["received"]["anonymous"])))
    rows.append(row("Unnamed concerns", lambda b: str(b["received"]["unnamed"])))
    return rows


def test_the_report_numbers_equal_the_json_for_demo_cases(book: Casebook) -> None:
    from app.demo import add_demo_concerns

    add_demo_concerns(book, 60, seed=3, today=TODAY)
    for period in (parse_period("2025-26"), parse_period("2024-25-Q3")):
        figures = kpi_figures(book, period)
        text = pdf_text(build_kpi_report(book, period, today=TODAY))
        for row in rows_from_json(figures):
            assert row in text, (period.label, row)


def test_the_designed_rows_are_the_json_rows(designed: Casebook) -> None:
    text = pdf_text(build_kpi_report(designed, Q1, today=TODAY))
    for row in rows_from_json(EXPECTED_Q1):
        assert row in text, row


# ----- publication ------------------------------------------------------------------------------


def _csv_rows(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data)))


def _is_count(row: dict[str, str]) -> bool:
    return not (row["measure"].endswith("_percent") or row["measure"].startswith("average")
                or row["section"] == "publication")


def test_publication_hides_every_small_count(designed: Casebook) -> None:
    content = report_content(designed, Q1, today=TODAY)
    rows = _csv_rows(report_csv(content, publication=True, threshold=5))
    counts = [r for r in rows if _is_count(r)]
    assert counts and all(r["value"] not in {"1", "2", "3", "4"} for r in counts)
    assert any(r["value"] == "*" for r in counts)
    text = pdf_text(render_kpi_report(content, publication=True, threshold=5))
    assert "For publication" in text and "the threshold is 5" in text
    assert "* hidden to protect confidentiality" in text
    for row in DESIGNED_ROWS:  # none of the exact rows survives
        if any(ch in row for ch in "1234"):
            assert row not in text, row


def test_publication_with_a_higher_threshold_from_the_setting(designed: Casebook) -> None:
    designed.set_setting("small_number_threshold", "3")
    text = pdf_text(build_kpi_report(designed, Q1, publication=True, today=TODAY))
    assert "numbers from 1 to 2 are hidden (the threshold is 3)" in text


def test_the_csv_carries_the_exact_figures(designed: Casebook) -> None:
    content = report_content(designed, Q1, today=TODAY)
    rows = _csv_rows(report_csv(content))
    assert list(rows[0]) == ["section", "measure", "stage", "service", "unit", "value",
                             "period"]
    assert {r["period"] for r in rows} == {Q1.label}
    # The publication CSV has exactly the exact CSV's rows, values hidden or not.
    published = _csv_rows(report_csv(content, publication=True))
    assert [{k: v for k, v in r.items() if k != "value"} for r in published] == [
        {k: v for k, v in r.items() if k != "value"} for r in rows]
    assert all(p["value"] in (r["value"], "*") for p, r in zip(published, rows, strict=True)
               if p["measure"] != "hidden_below")
    value = {(r["measure"], r["stage"], r["service"]): r["value"] for r in rows}
    for service in SERVICES:
        block = EXPECTED_Q1 if service == "all" else EXPECTED_Q1["by_service"][service]  # type: ignore[index]
        for stage in ("stage1", "stage2"):
            assert value[("received", stage, service)] == str(block["received"][stage])
            assert value[("closed", stage, service)] == str(block["closed"][stage])
            assert value[("extended", stage, service)] == str(block["extended"][stage])
            for outcome in ("upheld", "partially_upheld", "not_upheld"):
                assert value[(outcome, stage, service)] == str(block["outcomes"][stage][outcome])
    assert value[("average_working_days", "stage1", "all")] == "5.3"
    assert value[("patient_safety", "stage1", "all")] == "5"  # every designed concern has it


# ----- themes, identity, pages, progress -------------------------------------------------------


def test_themes_count_the_concerns_received(designed: Casebook) -> None:
    themes = theme_figures(designed, Q1)
    assert themes["patient_safety"]["received"]["stage1"] == 5
    assert themes["staffing"]["received"]["stage1"] == 0
    text = pdf_text(build_kpi_report(designed, Q1, today=TODAY))
    assert "Patient safety or quality of care 5 2 2" in text


def test_no_name_ever_reaches_a_report(designed: Casebook) -> None:
    names = [s for s in IdentityService(designed).identifying_strings() if " " in s]
    assert len(names) == 8
    for publication in (False, True):
        text = pdf_text(build_kpi_report(designed, Q1, publication=publication, today=TODAY))
        for name in names:
            for part in name.split():
                assert part not in text


@pytest.mark.skipif(not have("pdftoppm"), reason="poppler's pdftoppm is not installed")
def test_pages_render_with_poppler(designed: Casebook, tmp_path: Path) -> None:
    for publication in (False, True):
        pdf = build_kpi_report(designed, Q1, publication=publication, today=TODAY)
        path = tmp_path / f"report-{publication}.pdf"
        path.write_bytes(pdf)
        out = tmp_path / f"pages-{publication}"
        out.mkdir()
        pages = render_pages(path, out)
        assert len(pages) == page_count(pdf) >= 3
        assert all(p.stat().st_size > 1000 for p in pages)


def test_progress_is_reported_to_the_end(designed: Casebook) -> None:
    seen: list[tuple[int, int]] = []
    build_kpi_report(designed, Q1, today=TODAY, on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_board_report_sets_units_side_by_side() -> None:
    units = {"North HSCP": EXPECTED_Q1, "South HSCP": EXPECTED_Q1}
    from app.core.kpi import add_figures

    total = add_figures(EXPECTED_Q1, EXPECTED_Q1)
    content = ReportContent(figures=total, organisation="NHS Test Board",
                            unit="NHS Test Board", period_label="2025-26-Q1",
                            generated_on=date(2026, 11, 22), units=units, headcount=2000,
                            unit_headcounts={"North HSCP": 1000})
    text = pdf_text(render_kpi_report(content))
    # A board lists its units down the page and the measures across.
    assert ("Unit Received at stage 1 Received at stage 2 Total at both stages "
            "Per 1,000 staff (both stages) All units 10 4 14 7.0 North HSCP 5 2 7 7.0 "
            "South HSCP 5 2 7 not available") in text
    public = pdf_text(render_kpi_report(content, publication=True, threshold=5))
    # Stage 2 counts (2 in each unit) are hidden, and in each row stage 1 or the total goes
    # too (either gives stage 2 away); the 2s never show.
    row = public[public.index("Unit Received"):public.index("hidden to protect")]
    for unit in ("All units", "North HSCP", "South HSCP"):
        cells = row.split(unit, 1)[1].split()[:3]
        assert cells[1] == "*" and "*" in (cells[0], cells[2]), (unit, cells)

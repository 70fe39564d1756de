"""The return's figures add up: over quarters, over units, and inside themselves."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts
from app.core.kpi import add_figures, compute_figures
from app.core.periods import parse_period, quarters
from app.core.records import THEMES, RaiserCategory, SpeakUpAgain
from app.core.return_figures import (
    RAISER_KEYS,
    DetrimentReport,
    FeedbackRecord,
    compute_return_figures,
    detriment_figures,
    empty_return_figures,
    feedback_figures,
    total_figures,
)
from app.returns.schema import schema
from tests.core.concern_strategies import valid_concerns

YEAR = parse_period("2025-26")
CAL = WorkingCalendar()

themed = st.tuples(
    valid_concerns(first=date(2025, 1, 1), last=date(2026, 3, 31)),
    st.sets(st.sampled_from(sorted(THEMES)), max_size=3),
    st.sampled_from(RaiserCategory),
).map(lambda t: replace(t[0], themes=tuple(sorted(t[1])), raiser_category=t[2]))
days = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 6, 30))
detriments = st.lists(st.builds(DetrimentReport, st.integers(1, 8), days), max_size=12)
feedbacks = st.lists(st.builds(FeedbackRecord, st.integers(1, 8), days,
                               st.one_of(st.none(), st.sampled_from(SpeakUpAgain))),
                     max_size=12)


@settings(max_examples=40, deadline=None)
@given(st.lists(themed, max_size=20), detriments, feedbacks)
def test_four_quarterly_returns_add_up_to_the_annual_one(
        concerns: list[ConcernFacts], detriment: list[DetrimentReport],
        feedback: list[FeedbackRecord]) -> None:
    year = compute_return_figures(concerns, YEAR, CAL, detriment, feedback)
    parts = [compute_return_figures(concerns, q, CAL, detriment, feedback)
             for q in quarters(YEAR)]
    assert total_figures(parts, YEAR) == year  # every key, the periods included


@settings(max_examples=40, deadline=None)
@given(st.lists(themed, max_size=20), st.integers(0, 20))
def test_units_add_up_and_raiser_categories_partition(concerns: list[ConcernFacts],
                                                      cut: int) -> None:
    whole = compute_return_figures(concerns, YEAR, CAL)
    split = add_figures(compute_return_figures(concerns[:cut], YEAR, CAL),
                        compute_return_figures(concerns[cut:], YEAR, CAL))
    assert split == whole
    kpi_only = {k: v for k, v in whole.items()
                if k not in ("by_theme", "by_raiser_category", "detriment", "feedback",
                              "concerns", "signposting")}
    assert kpi_only == compute_figures(concerns, YEAR, CAL)
    categories = [whole["by_raiser_category"][c] for c in RAISER_KEYS]
    for stage in ("stage1", "stage2"):
        assert sum(c["received"][stage] for c in categories) == whole["received"][stage]
        assert sum(c["closed"][stage] for c in categories) == whole["closed"][stage]
    for code in THEMES:
        carrying = [c for c in concerns if code in c.themes]
        expected = compute_figures(carrying, YEAR, CAL)
        expected.pop("by_service")
        assert whole["by_theme"][code] == expected


def test_detriment_counts_each_concern_once_in_the_period_of_its_first_report() -> None:
    reports = [DetrimentReport(1, date(2025, 5, 1)), DetrimentReport(1, date(2025, 8, 1)),
               DetrimentReport(2, date(2025, 8, 2))]
    q1, q2 = parse_period("2025-26-Q1"), parse_period("2025-26-Q2")
    assert detriment_figures(reports, q1) == {"reports": 1, "concerns": 1}
    assert detriment_figures(reports, q2) == {"reports": 2, "concerns": 1}
    assert detriment_figures(reports, YEAR) == {"reports": 3, "concerns": 2}


def test_feedback_counts_by_answer() -> None:
    records = [FeedbackRecord(1, date(2025, 5, 1), SpeakUpAgain.YES),
               FeedbackRecord(2, date(2025, 5, 2), None),
               FeedbackRecord(3, date(2025, 5, 3), SpeakUpAgain.UNSURE),
               FeedbackRecord(4, date(2024, 5, 3), SpeakUpAgain.NO)]
    assert feedback_figures(records, YEAR) == {
        "received": 3, "speak_up_again": {"yes": 1, "no": 0, "unsure": 1, "not_answered": 1}}


def test_the_schema_lists_the_same_themes_and_categories_as_the_code() -> None:
    figures = schema()["$defs"]["figures"]["properties"]
    assert figures["by_theme"]["required"] == list(THEMES)
    assert figures["by_raiser_category"]["required"] == list(RAISER_KEYS)
    empty = empty_return_figures(YEAR)
    assert set(figures) == set(empty) - set(compute_figures([], YEAR, CAL)) | {"by_service"}
    speak = figures["feedback"]["properties"]["speak_up_again"]["required"]
    assert speak == list(empty["feedback"]["speak_up_again"])


@settings(max_examples=40, deadline=None)
@given(st.lists(themed, max_size=20))
def test_concerns_are_counted_once_and_every_concern_received_has_its_themes(
        concerns: list[ConcernFacts]) -> None:
    from app.core.kpi import SERVICE_KEYS, counts_in_stage_figures
    from app.core.return_figures import first_stage_entry

    figures = compute_return_figures(concerns, YEAR, CAL)
    counted = figures["concerns"]
    entered = [c for c in concerns if counts_in_stage_figures(c)
               and (first := first_stage_entry(c)) is not None and YEAR.contains(first)]
    assert sum(counted["within_standards"].values()) == len(entered)
    for service in SERVICE_KEYS:  # never more concerns than stage entries
        received = figures["by_service"][service]["received"]
        assert counted["within_standards"][service] <= received["stage1"] + received["stage2"]
    # Every concern received in the period, whatever became of it and whatever its class.
    received = [c for c in concerns if YEAR.contains(c.received_on)]
    assert sum(counted["received"].values()) == len(received)
    for code in THEMES:
        assert sum(counted["by_theme"][code].values()) == sum(
            1 for c in received if code in c.themes)

"""The attacker bites: against naive suppression (hide the small counts, nothing else) it
works hidden cells out, through totals, averages, percentages, group disclosure and
earlier releases. Without these, its finding nothing against the engine would prove nothing."""

from __future__ import annotations

from app.core.records import Outcome, Stage
from app.core.sdc import Layout
from tests.core.sdc_helpers import YEAR, casebook_release, figures_by_period, random_concerns
from tests.sdc.attacker import Attacker, Shape, Shown, breaches, shown_from
from tests.sdc.cases import Made, casebook, one_year
from tests.sdc.harness import exact_values, naive_hidden, printed_periods, shape_of

KEY = (YEAR, "", "all")


def naive(periods, layout=None):  # type: ignore[no-untyped-def]
    layout = layout or Layout()
    shape, exact = shape_of(periods, layout), exact_values(periods, layout)
    shown = shown_from(shape, exact, naive_hidden(exact), printed_periods(periods))
    return Attacker([shown]), shape, exact, shown


def test_naive_suppression_of_a_year_and_quarters_is_unpicked() -> None:
    attacker, shape, exact, _ = naive(casebook_release(1, 30))
    found = breaches(attacker, shape, exact)
    pinned = [b for b in found if b.interval[0] == b.interval[1] == b.exact]
    assert len(found) > 20 and pinned, "the attacker must recover naive suppression"


def test_a_part_is_the_total_less_the_other_part() -> None:
    concerns = casebook((7, Made(Stage.STAGE1)), (3, Made(Stage.STAGE2)))
    attacker, shape, exact, _ = naive(one_year(concerns), Layout(services=False, themes=False))
    assert attacker.interval((*KEY, "received", "stage2")) == (3, 3)
    assert breaches(attacker, shape, exact)


def test_an_average_of_zero_days_says_none_was_late() -> None:
    shape = Shape({YEAR: ()}, services=False)
    shown = Shown(shape, {(*KEY, "closed", "stage1"): 10,
                          (*KEY, "within_timescale", "stage1"): None,
                          (*KEY, "outside_timescale", "stage1"): None,
                          (*KEY, "average_working_days", "stage1"): 0.0})
    attacker = Attacker([shown])
    assert attacker.interval((*KEY, "outside_timescale", "stage1")) == (0, 0)
    assert attacker.interval((*KEY, "within_timescale", "stage1")) == (10, 10)


def test_an_average_bounds_the_late_ones() -> None:
    # 10 closed at stage 1 averaging 9.0 days: their days sum to 90 (89.5 to 90.5), at most
    # 5 each within the timescale, so at least (90 - 50) / 515 > 0 were late, and at most 90 / 6.
    shape = Shape({YEAR: ()}, services=False)
    shown = Shown(shape, {(*KEY, "closed", "stage1"): 10,
                          (*KEY, "average_working_days", "stage1"): 9.0})
    attacker = Attacker([shown])
    assert attacker.interval((*KEY, "outside_timescale", "stage1")) == (1, 10)
    assert attacker.interval((*KEY, "working_days", "stage1")) == (90, 90)


def test_a_percentage_gives_its_numerator_away() -> None:
    shape = Shape({YEAR: ()}, services=False)
    shown = Shown(shape, {(*KEY, "closed", "stage1"): 10,
                          (*KEY, "within_timescale", "stage1"): None,
                          (*KEY, "percent", "within_timescale_percent.stage1"): 30.0})
    assert Attacker([shown]).interval((*KEY, "within_timescale", "stage1")) == (3, 3)


def test_printed_zeros_beside_a_small_group_are_group_disclosure() -> None:
    concerns = casebook((20, Made(Stage.STAGE1)),
                        (3, Made(Stage.STAGE2, Outcome.UPHELD, extended=True)))
    attacker, shape, exact, _ = naive(one_year(concerns), Layout(services=False, themes=False))
    groups = [b for b in breaches(attacker, shape, exact) if "group" in b.what]
    assert groups, "all three upheld, shown by the zeros beside them"


def test_the_year_gives_away_quarters_printed_before() -> None:
    figures = figures_by_period(random_concerns(11, 25))
    periods = casebook_release(11, 25)
    layout = Layout()
    quarters = [p for p in periods if p.label != YEAR]
    shape = shape_of(periods, layout)
    exact = exact_values(periods, layout)
    naive_each = naive_hidden(exact)
    releases = [shown_from(shape, exact, naive_each, [q.label]) for q in quarters]
    releases.append(shown_from(shape, exact, naive_each, [YEAR]))
    attacker = Attacker(releases)
    found = breaches(attacker, shape, exact)
    assert any(b.expr and next(iter(b.expr))[0] != YEAR for b in found), "a quarter recovered"
    assert figures[YEAR]["received"]["stage1"] == sum(
        figures[q.label]["received"]["stage1"] for q in quarters)

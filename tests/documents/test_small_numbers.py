"""Small-number suppression: no small count shown, and no hidden count recoverable from totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.disclosure import (
    ALL,
    TOTAL_UNIT,
    Group,
    Suppressed,
    figure_groups,
    publication_view,
    suppress,
)
from app.core.kpi import OUTCOME_KEYS, SERVICE_KEYS, STAGE_KEYS, add_figures, empty_figures
from app.core.periods import parse_period
from app.core.thresholds import threshold_from_setting

Q1 = parse_period("2025-26-Q1")
PRIME = 1_000_000_007  # a different prime from the product's, and a different method below


def _hidden(value: object) -> bool:
    return isinstance(value, Suppressed)


def _determined(groups: Sequence[Group[Any]], cells: Mapping[Any, object]) -> list[Any]:
    """Hidden cells the group equations pin down, found through the null space.

    A hidden cell is pinned exactly when every solution of the homogeneous system
    (every null-space vector) is zero there.
    """
    hidden = [k for k, v in cells.items() if _hidden(v)]
    column = {k: i for i, k in enumerate(hidden)}
    rows = []
    for group in groups:
        row = [0] * len(hidden)
        for member, sign in [*((p, 1) for p in group.parts), (group.total, -1)]:
            if member in column:
                row[column[member]] = (row[column[member]] + sign) % PRIME
        if any(row):
            rows.append(row)
    pivots: list[int] = []
    r = 0
    for c in range(len(hidden)):  # dense reduced row-echelon form
        found = next((i for i in range(r, len(rows)) if rows[i][c]), None)
        if found is None:
            continue
        rows[r], rows[found] = rows[found], rows[r]
        inverse = pow(rows[r][c], PRIME - 2, PRIME)
        rows[r] = [v * inverse % PRIME for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c]:
                factor = rows[i][c]
                rows[i] = [(a - factor * b) % PRIME for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append(c)
        r += 1
    free = [c for c in range(len(hidden)) if c not in pivots]
    pinned = []
    for i, c in enumerate(pivots):
        if not any(rows[i][f] for f in free):
            pinned.append(hidden[c])
    return pinned


# ----- figures that could come from a casebook -----------------------------------------------

_small = st.integers(0, 12)


@st.composite
def _block(draw: st.DrawFn) -> dict[str, Any]:
    block = empty_figures(Q1)
    block.pop("by_service")
    for stage in STAGE_KEYS:
        received = draw(_small)
        block["received"][stage] = received
        block["extended"][stage] = draw(st.integers(0, received))
        outcomes = [draw(_small) for _ in OUTCOME_KEYS]
        block["outcomes"][stage] = dict(zip(OUTCOME_KEYS, outcomes, strict=True))
        closed = sum(outcomes)
        block["closed"][stage] = closed
        block["within_timescale"][stage] = draw(st.integers(0, closed))
        block["working_days"][stage] = {"sum": closed * draw(st.integers(0, 30)),
                                        "count": closed}
    block["received"]["anonymous"] = draw(st.integers(0, 6))
    block["received"]["unnamed"] = draw(st.integers(0, 6))
    for key in block["other_closures"]:
        block["other_closures"][key] = draw(st.integers(0, 6))
    return block


@st.composite
def _figures(draw: st.DrawFn) -> dict[str, Any]:
    blocks = {service: draw(_block()) for service in SERVICE_KEYS}
    total = blocks["nhs"]
    for service in SERVICE_KEYS[1:]:
        total = add_figures(total, blocks[service])
    return {**total, "by_service": blocks}


def _check(view_cells: Mapping[Any, object], groups: Sequence[Group[Any]],
           threshold: int) -> None:
    for key, value in view_cells.items():
        if not _hidden(value):
            assert not 0 < int(str(value)) < threshold, key
    for group in groups:
        assert sum(_hidden(view_cells[m]) for m in group.members) != 1, group
    # A cell hidden only to protect others may be one a reader could work out (the engine
    # prints those again when bound propagation finds them); a protected one never is.
    # (tests/core/test_sdc_attack.py attacks with intervals, not only exact values.)
    determined = _determined(groups, view_cells)
    assert [k for k in determined if getattr(view_cells[k], "primary", False)] == []


@settings(max_examples=60, deadline=None)
@given(_figures(), st.integers(2, 10))
def test_no_small_count_shown_and_no_hidden_count_recoverable(figures: dict[str, Any],
                                                             threshold: int) -> None:
    view = publication_view(figures, threshold)
    _, groups = figure_groups()
    _check(view.cells, groups, threshold)


@settings(max_examples=20, deadline=None)
@given(st.lists(_figures(), min_size=2, max_size=3), st.integers(3, 6))
def test_a_board_with_units_side_by_side(units_figures: list[dict[str, Any]],
                                         threshold: int) -> None:
    units = {f"Unit {i}": figures for i, figures in enumerate(units_figures)}
    total = units_figures[0]
    for figures in units_figures[1:]:
        total = add_figures(total, figures)
    view = publication_view(total, threshold, units)
    _, groups = figure_groups(tuple(units))
    _check(view.cells, groups, threshold)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 30), min_size=1),
       st.integers(2, 10))
def test_a_table_without_totals_hides_only_small_counts(cells: dict[str, int],
                                                        threshold: int) -> None:
    shown = suppress(cells, [], threshold)
    for key, value in cells.items():
        assert _hidden(shown[key]) == (0 < value < threshold)


@settings(max_examples=60, deadline=None)
@given(_figures(), st.integers(2, 10))
def test_percentages_hide_with_their_counts(figures: dict[str, Any], threshold: int) -> None:
    view = publication_view(figures, threshold)
    for block in (ALL, *SERVICE_KEYS):
        derived = view.derived(block)
        for stage in STAGE_KEYS:
            closed = view.count("closed", stage, block=block)
            average = derived["average_working_days"][stage]
            if _hidden(closed):  # an average may also be hidden on its own (it can narrow
                assert _hidden(average)  # a count over the timescale)
            for outcome in OUTCOME_KEYS:
                hidden = _hidden(closed) or _hidden(view.count("outcomes", stage, outcome,
                                                               block=block))
                assert _hidden(derived["outcomes_percent"][stage][outcome]) == hidden


# ----- examples -------------------------------------------------------------------------------


def test_a_single_small_cell_takes_the_next_smallest_with_it() -> None:
    cells = {"a": 3, "b": 9, "c": 20, "total": 32}
    shown = suppress(cells, [Group(("a", "b", "c"), "total")], 5)
    assert shown == {"a": Suppressed(True), "b": Suppressed(False), "c": 20, "total": 32}


def test_zero_is_shown_but_may_be_hidden_to_protect() -> None:
    # Hiding the 0 beside the 3 would not do: the two hidden cells add up to 3, so a
    # reader would know the 3 is at most 3, not possibly 5 or more. The 20 goes instead.
    cells = {"a": 3, "b": 0, "c": 20, "total": 23}
    shown = suppress(cells, [Group(("a", "b", "c"), "total")], 5)
    assert shown == {"a": Suppressed(True), "b": 0, "c": Suppressed(False), "total": 23}
    # Two small cells adding up to the threshold protect each other: each could be 0 or 5.
    cells = {"a": 3, "b": 0, "c": 2, "d": 20, "total": 25}
    shown = suppress(cells, [Group(("a", "b", "c", "d"), "total")], 5)
    assert shown == {"a": Suppressed(True), "b": 0, "c": Suppressed(True), "d": 20,
                     "total": 25}
    assert suppress({"a": 0, "b": 7, "total": 7}, [Group(("a", "b"), "total")], 5) == {
        "a": 0, "b": 7, "total": 7}


def test_two_linked_tables_are_protected_together() -> None:
    # Rows add to their totals and columns add to theirs; hiding a,b in row 1 alone would
    # let the columns give them away, so more is hidden until nothing can be worked out.
    cells = {"a": 2, "b": 8, "r1": 10, "c": 9, "d": 11, "r2": 20,
             "ac": 11, "bd": 19, "all": 30}
    groups = [Group(("a", "b"), "r1"), Group(("c", "d"), "r2"), Group(("a", "c"), "ac"),
              Group(("b", "d"), "bd"), Group(("r1", "r2"), "all"), Group(("ac", "bd"), "all")]
    shown = suppress(cells, groups, 5)
    _check(shown, groups, 5)
    assert _hidden(shown["a"]) and _hidden(shown["b"])


def test_nothing_small_nothing_hidden() -> None:
    figures = empty_figures(Q1)
    view = publication_view(figures, 5)
    assert not any(_hidden(v) for v in view.cells.values())
    assert view.count("received", "total", unit=TOTAL_UNIT) == 0


def test_the_threshold_setting() -> None:
    assert threshold_from_setting("5") == 5
    assert threshold_from_setting("10") == 10
    assert threshold_from_setting(None) == 5
    assert threshold_from_setting("five") == 5
    assert threshold_from_setting("0") == 5

"""The board report model: how cells add up, the one publication function, and the flags."""

from __future__ import annotations

from app.core.board_tables import (
    ALL,
    FLAG_RULE,
    TOTAL,
    BoardReport,
    Count,
    Key,
    ReportTable,
    Series,
    flags,
    groups_for,
    protect,
    report_csv,
    upper_quartile,
)
from app.core.disclosure import Suppressed


def _key(unit: str, period: str = "2025-26-Q1", measure: str = "all_concerns",
         service: str = ALL) -> Key:
    return ("themes", measure, "", service, unit, period)


def _report(cells: dict[Key, int], series: tuple[Series, ...] = ()) -> BoardReport:
    table = ReportTable("t", "", ("Unit", "n"), tuple((k[4] or "All", (Count(k),))
                                                    for k in cells))
    return BoardReport("trends", "T", "for", "Board", "P", "words", (), (), cells, {},
                       (table,), series=series)


def test_units_add_up_over_those_with_a_figure_and_only_when_they_do() -> None:
    cells = {_key("A"): 3, _key("B"): 9, _key(TOTAL): 12,
             _key("A", "2025-26-Q2"): 7, _key(TOTAL, "2025-26-Q2"): 7}  # B sent nothing
    groups = {(g.total, frozenset(g.parts)) for g in groups_for(cells)}
    assert (_key(TOTAL), frozenset({_key("A"), _key("B")})) in groups
    assert (_key(TOTAL, "2025-26-Q2"), frozenset({_key("A", "2025-26-Q2")})) in groups
    cells[_key(TOTAL)] = 13  # not the sum: no group is claimed
    assert not any(g.total == _key(TOTAL) for g in groups_for(cells))


def test_services_views_and_quarters_add_up() -> None:
    cells: dict[Key, int] = {}
    for n, label in enumerate(("2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4")):
        for service, value in (("nhs", 2 + n), ("local_authority", 1), ("both", n)):
            cells[_key(TOTAL, label, service=service)] = value
        cells[_key(TOTAL, label)] = 3 + 2 * n
        cells[_key(TOTAL, label, service="nhs_services")] = 2 + 2 * n
    cells[_key(TOTAL, "2025-26")] = sum(3 + 2 * n for n in range(4))
    totals = {g.total for g in groups_for(cells)}
    assert _key(TOTAL, "2025-26") in totals  # the quarters make the year
    assert _key(TOTAL, "2025-26-Q1", service="nhs_services") in totals  # nhs + both
    assert _key(TOTAL, "2025-26-Q1") in totals  # nhs + local authority + both


def test_protect_hides_small_numbers_and_what_would_give_them_away() -> None:
    cells = {_key("A"): 2, _key("B"): 9, _key("C"): 8, _key(TOTAL): 19}
    shown = protect(_report(cells), 5)
    assert isinstance(shown[_key("A")], Suppressed)
    assert sum(isinstance(v, Suppressed) for v in shown.values()) >= 2
    text = report_csv(_report(cells), publication=True, threshold=5)
    exact = report_csv(_report(cells))
    assert [r.rsplit(",", 1)[0] for r in text.splitlines()] == \
        [r.rsplit(",", 1)[0] for r in exact.splitlines()]  # the same rows, values hidden
    assert ",*" in text and ",2\n" not in text


def test_flags_follow_the_stated_rule() -> None:
    labels = [f"2024-25-Q{n}" for n in (1, 2, 3, 4)] + [f"2025-26-Q{n}" for n in (1, 2)]
    rising = Series("Rising unit", tuple(_key("R", p) for p in labels))
    steady = Series("Steady unit", tuple(_key("S", p) for p in labels))
    small = Series("Small unit", tuple(_key("M", p) for p in labels))
    cells = {}
    for i, p in enumerate(labels):
        cells[_key("R", p)] = [1, 2, 1, 2, 2, 6][i]
        cells[_key("S", p)] = [5, 6, 5, 6, 5, 6][i]
        cells[_key("M", p)] = [0, 0, 1, 0, 0, 2][i]  # above its history, but under 3
    report = _report(cells, (rising, steady, small))
    found = flags(report, report.cells)
    assert len(found) == 1 and found[0].startswith("Rising unit: 6 in the latest quarter")
    assert "upper quartile" in FLAG_RULE and "at least 3" in FLAG_RULE
    # A hidden figure in a series: the series is not judged (a flag never reveals it).
    hidden = dict(report.cells)
    hidden[_key("R", labels[2])] = Suppressed(True)  # type: ignore[assignment]
    assert flags(report, hidden) == []
    assert upper_quartile([1, 2, 1, 2, 2]) == 2.0


def test_a_unit_well_above_its_peers_per_1000_staff_is_flagged() -> None:
    labels = ["2025-26-Q1", "2025-26-Q2"]
    series = []
    cells = {}
    for name, counts, staff in (("A", (4, 4), 1000), ("B", (4, 4), 1000), ("C", (4, 4), 1000),
                                ("D", (4, 9), 1000)):
        keys = tuple(_key(name, p) for p in labels)
        cells.update(dict(zip(keys, counts, strict=True)))
        series.append(Series(name, keys, (staff, staff)))
    report = _report(cells, tuple(series))
    found = flags(report, report.cells)
    assert found == ["D: 9.0 concerns per 1,000 staff in the latest quarter, above the upper "
                     "quartile (4.0) of the other units."]

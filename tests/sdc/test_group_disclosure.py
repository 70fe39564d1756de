"""Group disclosure, hand-made: a small group all in one category (all upheld, all late, all
extended, none extended) must not show, and a printed zero beside it would show it."""

from __future__ import annotations

import pytest

from app.core.records import Outcome, ServiceType, Stage
from app.core.sdc import Layout, Protection, kpi_tables, requirements
from app.core.sdc.protect import protect
from tests.core.sdc_helpers import YEAR
from tests.sdc.cases import Made, casebook, one_year
from tests.sdc.harness import attack_release, check_printed_exact, describe

BULK = (40, Made(Stage.STAGE1))  # enough other concerns that totals are printed
OTHERS = (12, Made(Stage.STAGE2, Outcome.PARTIALLY_UPHELD, service=ServiceType.LOCAL_AUTHORITY))

CASES = {
    "all upheld at stage 2": (3, Made(Stage.STAGE2, Outcome.UPHELD)),
    "all late at stage 2": (2, Made(Stage.STAGE2, Outcome.NOT_UPHELD, late=True)),
    "all extended at stage 2": (4, Made(Stage.STAGE2, None, extended=True)),
    "one, upheld, late and extended": (1, Made(Stage.STAGE2, Outcome.UPHELD, late=True,
                                               extended=True)),
    "both services, all upheld": (2, Made(Stage.STAGE2, Outcome.UPHELD,
                                          service=ServiceType.BOTH)),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("layout", [Layout(themes=False), Layout(views=True)],
                         ids=["services", "views and themes"])
def test_a_small_group_all_in_one_category_does_not_show(name: str, layout: Layout) -> None:
    concerns = casebook(BULK, CASES[name])
    publication, found, _ = attack_release(one_year(concerns), layout)
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)


def test_the_zeros_beside_a_small_group_are_protected() -> None:
    concerns = casebook(BULK, CASES["all upheld at stage 2"])
    tables = kpi_tables(one_year(concerns), Layout(services=False, themes=False))
    needs = requirements(tables, Protection())
    zero = (YEAR, "", "all", "outcomes", "stage2", "not_upheld")
    assert tables.cells[zero].value == 0 and needs[zero].reason == "group"
    publication = protect(tables)
    # printed or not, a reader must be unable to tell it is 0
    assert publication.audit.intervals[zero].high >= 1


def test_a_group_split_over_categories_is_no_disclosure() -> None:
    concerns = casebook(BULK, (2, Made(Stage.STAGE2, Outcome.UPHELD)),
                        (2, Made(Stage.STAGE2, Outcome.NOT_UPHELD)))
    tables = kpi_tables(one_year(concerns), Layout(services=False, themes=False))
    needs = requirements(tables, Protection())
    assert not [k for k, r in needs.items() if r.reason == "group" and k[3] == "outcomes"]

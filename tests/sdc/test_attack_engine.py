"""The engine's releases under attack: casebooks (a year and its quarters), boards (units and
all units), and what is printed.

For every release the engine passes: no small figure (printed or not) can be narrowed by
the attacker (tests/sdc/attacker.py) away from 0 or the threshold, no small group shows
all in one category, and every printed figure is exact.
"""

from __future__ import annotations

import pytest

from app.core.sdc import Layout
from tests.core.sdc_helpers import board_release, casebook_release
from tests.sdc.harness import attack_release, check_printed_exact, describe


@pytest.mark.parametrize(("seed", "count"), [(1, 5), (2, 9), (3, 17), (4, 40), (5, 90),
                                             (6, 200)])
def test_a_casebook_year_and_its_quarters_cannot_be_unpicked(seed: int, count: int) -> None:
    publication, found, _ = attack_release(casebook_release(seed, count))
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)


@pytest.mark.parametrize(("seed", "count"), [(7, 12), (8, 60)])
def test_with_the_service_views_too(seed: int, count: int) -> None:
    publication, found, _ = attack_release(casebook_release(seed, count), Layout(views=True))
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)


def test_a_board_with_units_cannot_be_unpicked() -> None:
    publication, found, _ = attack_release(board_release(21, [3, 8, 40, 120]))
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)


def test_a_board_with_themes_per_unit_cannot_be_unpicked() -> None:
    publication, found, _ = attack_release(board_release(22, [2, 6, 15]),
                                           Layout(unit_themes=True))
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)

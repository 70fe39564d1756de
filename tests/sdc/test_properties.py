"""Property tests: over random small casebooks and boards, whatever the engine passes, the
attacker cannot unpick (few examples each, so that the file runs within a minute)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.sdc import Layout
from tests.core.sdc_helpers import board_release, casebook_release
from tests.sdc.harness import attack_release, check_printed_exact, describe

LAYOUTS = st.builds(Layout, services=st.booleans(), views=st.booleans(), themes=st.booleans())


def few(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@few(8)
@given(seed=st.integers(0, 10**6), count=st.integers(1, 70), layout=LAYOUTS)
def test_no_small_casebook_can_be_unpicked(seed: int, count: int, layout: Layout) -> None:
    publication, found, _ = attack_release(casebook_release(seed, count), layout)
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)


@few(3)
@given(seed=st.integers(0, 10**6), sizes=st.lists(st.integers(1, 20), min_size=2, max_size=3))
def test_no_small_board_can_be_unpicked(seed: int, sizes: list[int]) -> None:
    publication, found, _ = attack_release(board_release(seed, sizes), Layout(themes=False))
    assert publication.audit.passed, publication.audit.reason
    assert not found, describe(found)
    check_printed_exact(publication)

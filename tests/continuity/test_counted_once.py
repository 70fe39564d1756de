"""Who counts what after a handover: the unit holding the concern on the event's date.

Two units (A hands concerns to B in the middle of their stages) against a control casebook
where the same events happen with no handover: for every quarter and the year, A's return
figures plus B's equal the control's, every quarter adds up to the year, and A's return for
a quarter before the handover is the same before and after it (returns already sent stay
true)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.core.kpi import add_figures
from app.core.periods import parse_period
from app.core.records import Closure, ConversationMode, Outcome, SpeakUpAgain, Stage
from app.returns.payload import build_payload
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.continuity.helpers import anonymous, consent, hand_over, make_book, make_pair, named
from tests.support import PASSPHRASE

PERIODS = ("2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4", "2025-26")


def on(day: str) -> date:
    return date.fromisoformat(day)


# The story, in date order. Each step is (date, what happens); "handover" marks a handover
# of the named references from A to B on that date (the control casebook just goes on).
STORY: list[tuple[str, Any]] = [
    ("2025-05-02", lambda s, r: s.create(named("Jordan First", received_on=on("2025-05-02")))),
    ("2025-05-05", lambda s, r: s.create(anonymous(received_on=on("2025-05-05")))),
    ("2025-05-20", lambda s, r: s.escalate(r("1"), on("2025-05-20"), handler="Head of HR")),
    ("2025-06-01", lambda s, r: s.record_detriment(r("1"), on("2025-06-01"), "Moved rota")),
    ("2025-06-02", lambda s, r: s.create(named("Robin Second", received_on=on("2025-06-02")))),
    ("2025-06-03", lambda s, r: s.create(named("Casey Third", received_on=on("2025-06-03")))),
    ("2025-06-04", lambda s, r: s.extend(r("3"), Stage.STAGE1, authorised_by="Director",
                                         authorised_on=on("2025-06-04"), reason="Leave",
                                         new_due_on=on("2025-06-20"))),
    ("2025-06-10", "handover:1,2,3,4"),  # stage 1 of 3 and 4 open, stage 2 of 1 open
    ("2025-06-20", lambda s, r: s.close(r("4"), Closure.WITHDRAWN, on("2025-06-20"))),
    ("2025-06-20", lambda s, r: s.respond(r("3"), Stage.STAGE1, on("2025-06-20"),
                                          Outcome.PARTIALLY_UPHELD)),
    ("2025-07-14", lambda s, r: s.create(named("Pat Fifth", received_on=on("2025-07-14")))),
    ("2025-07-20", lambda s, r: s.extend(r("1"), Stage.STAGE2, authorised_by="Director",
                                         authorised_on=on("2025-07-20"), reason="Witnesses",
                                         new_due_on=on("2025-08-29"))),
    ("2025-08-01", lambda s, r: s.record_detriment(r("1"), on("2025-08-01"), "Again")),
    ("2025-08-20", lambda s, r: s.respond(r("1"), Stage.STAGE2, on("2025-08-20"),
                                          Outcome.UPHELD)),
    ("2025-08-25", lambda s, r: s.update_action(
        s.add_action(r("1"), "Double-check rota", learning="Two signatures on every rota",
                     publishable=True), done_on=on("2025-08-25"))),
    ("2025-09-01", lambda s, r: s.record_feedback(r("1"), on("2025-09-01"),
                                                  SpeakUpAgain.YES)),
    ("2025-09-02", lambda s, r: s.log_conversation(r("5"), on("2025-09-02"),
                                                   ConversationMode.PHONE, "Follow-up")),
    ("2025-10-06", lambda s, r: s.respond(r("5"), Stage.STAGE1, on("2025-10-06"),
                                          Outcome.NOT_UPHELD)),
]


def _play(book: Casebook, prefix: str, upto: str | None = None,
          handover: Callable[[str, list[str]], None] | None = None) -> None:
    """Play the story on a casebook (A: until the handover; B: after it; control: all)."""
    for day, step in STORY:
        if upto is not None and day >= upto:
            break
        if isinstance(step, str):
            if handover is not None:
                handover(day, [f"{prefix}-2025-{int(n):04d}" for n in step.split(":")[1]
                               .split(",")])
            continue
        service = ConcernService(book, today=_fixed(on(day)))

        def ref(number: str, s: ConcernService = service) -> int:
            return s.id_for_reference(f"{prefix}-2025-{int(number):04d}")

        step(service, ref)


def _fixed(day: date) -> Callable[[], date]:
    return lambda: day


def _figures(book: Casebook, label: str) -> dict[str, Any]:
    return build_payload(book, parse_period(label))["figures"]


def _without_period(figures: Any) -> Any:
    if isinstance(figures, dict):
        return {k: _without_period(v) for k, v in figures.items() if k != "period"}
    return figures


def test_two_units_count_each_concern_once(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    control = tmp_path / "control"
    make_book(control, "Control", "SA")
    with Casebook.open(control, PASSPHRASE) as book:
        _play(book, "SA")
        expected = {label: _figures(book, label) for label in PERIODS}

    with pair.a() as a:
        _play(a, "SA", upto="2025-06-10")
        for number in (1, 3, 4):  # two with consent to go with the concern, one without
            if number != 4:
                consent(a, number, successor=True)
        before_q1 = _figures(a, "2025-26-Q1")

    def handover(day: str, references: list[str]) -> None:
        with pair.a() as a, pair.b() as b:
            hand_over(a, b, references, "Alex Contact", tmp_path / f"{day}.age", on=on(day))

    handover("2025-06-10", ["SA-2025-0001", "SA-2025-0002", "SA-2025-0003", "SA-2025-0004"])
    with pair.b() as b:
        b.set_setting("reference_prefix", "SA")  # so B's next concern is SA-2025-0005 too
        started = False
        for day, step in STORY:
            if day == "2025-06-10":
                started = True
                continue
            if not started or isinstance(step, str):
                continue
            service = ConcernService(b, today=_fixed(on(day)))

            def ref(number: str, s: ConcernService = service) -> int:
                return s.id_for_reference(f"SA-2025-{int(number):04d}")

            step(service, ref)

    with pair.a() as a, pair.b() as b:
        assert _figures(a, "2025-26-Q1") == before_q1  # what A sent for Q1 stays true
        for label in PERIODS:
            a_figures, b_figures = _figures(a, label), _figures(b, label)
            assert _without_period(add_figures(a_figures, b_figures)) == _without_period(
                expected[label]), label
        for book in (a, b):
            quarters = [_figures(book, label) for label in PERIODS[:4]]
            total = quarters[0]
            for quarter in quarters[1:]:
                total = add_figures(total, quarter)
            assert _without_period(total) == _without_period(_figures(book, "2025-26"))
        # The split is where the rule puts it: A counts the stage entries before the
        # handover, B the responses, the withdrawal and the extension authorised after it.
        a_year, b_year = _figures(a, "2025-26"), _figures(b, "2025-26")
        assert a_year["received"]["stage1"] == 3 and b_year["received"]["stage1"] == 1
        assert a_year["received"]["stage2"] == 1 and b_year["received"]["stage2"] == 0
        assert a_year["received"]["anonymous"] == 1 and b_year["received"]["anonymous"] == 0
        assert a_year["extended"] == {"stage1": 1, "stage2": 0}
        assert b_year["extended"] == {"stage1": 0, "stage2": 1}
        assert a_year["closed"] == {"stage1": 0, "stage2": 0}
        assert b_year["closed"] == {"stage1": 2, "stage2": 1}
        assert b_year["other_closures"]["withdrawn"] == 1
        assert a_year["detriment"] == {"reports": 1, "concerns": 1}
        assert b_year["detriment"] == {"reports": 1, "concerns": 0}
        assert b_year["feedback"]["received"] == 1
        assert build_payload(b, parse_period("2025-26-Q2"))["learning"] == [
            "Two signatures on every rota"]
        assert build_payload(a, parse_period("2025-26-Q2"))["learning"] == []

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


# The story, in date order: (who acts, date, what happens). "A>B:1,2" is a handover of
# SA-2025-0001 and 0002 from A to B on that date; the control casebook does every step
# itself and never hands anything over.
STORY: list[tuple[str, str, Any]] = [
    ("A", "2025-05-02", lambda s, r: s.create(named("Jordan First",
                                                    received_on=on("2025-05-02")))),
    ("A", "2025-05-05", lambda s, r: s.create(anonymous(received_on=on("2025-05-05")))),
    ("A", "2025-05-20", lambda s, r: s.escalate(r("1"), on("2025-05-20"), handler="Head")),
    ("A", "2025-06-01", lambda s, r: s.record_detriment(r("1"), on("2025-06-01"), "Rota")),
    ("A", "2025-06-02", lambda s, r: s.create(named("Robin Second",
                                                    received_on=on("2025-06-02")))),
    ("A", "2025-06-03", lambda s, r: s.create(named("Casey Third",
                                                    received_on=on("2025-06-03")))),
    ("A", "2025-06-04", lambda s, r: s.extend(r("3"), Stage.STAGE1, authorised_by="Director",
                                              authorised_on=on("2025-06-04"), reason="Leave",
                                              new_due_on=on("2025-06-20"))),
    ("", "2025-06-10", "A>B:1,2,3,4"),  # stage 1 of 3 and 4 open, stage 2 of 1 open
    ("B", "2025-06-20", lambda s, r: s.close(r("4"), Closure.WITHDRAWN, on("2025-06-20"))),
    ("B", "2025-06-20", lambda s, r: s.respond(r("3"), Stage.STAGE1, on("2025-06-20"),
                                               Outcome.PARTIALLY_UPHELD)),
    ("B", "2025-07-14", lambda s, r: s.create(named("Pat Fifth",
                                                    received_on=on("2025-07-14")))),
    ("B", "2025-07-20", lambda s, r: s.extend(r("1"), Stage.STAGE2, authorised_by="Director",
                                              authorised_on=on("2025-07-20"),
                                              reason="Witnesses", new_due_on=on("2025-08-29"))),
    ("B", "2025-08-01", lambda s, r: s.record_detriment(r("1"), on("2025-08-01"), "Again")),
    ("B", "2025-08-20", lambda s, r: s.respond(r("1"), Stage.STAGE2, on("2025-08-20"),
                                               Outcome.UPHELD)),
    ("B", "2025-08-25", lambda s, r: s.update_action(
        s.add_action(r("1"), "Double-check rota", learning="Two signatures on every rota",
                     publishable=True), done_on=on("2025-08-25"))),
    ("B", "2025-09-01", lambda s, r: s.record_feedback(r("1"), on("2025-09-01"),
                                                       SpeakUpAgain.YES)),
    ("B", "2025-09-02", lambda s, r: s.log_conversation(r("5"), on("2025-09-02"),
                                                        ConversationMode.PHONE, "Follow-up")),
    ("", "2025-09-15", "B>A:3,5"),  # the other way: 3 closed at stage 1, 5 open at stage 1
    ("A", "2025-09-22", lambda s, r: s.escalate(r("3"), on("2025-09-22"), handler="Head")),
    ("A", "2025-09-24", lambda s, r: s.acknowledge(r("3"), on("2025-09-24"))),
    ("A", "2025-10-01", lambda s, r: s.extend(r("3"), Stage.STAGE2, authorised_by="Director",
                                              authorised_on=on("2025-10-01"), reason="Busy",
                                              new_due_on=on("2025-11-14"))),
    ("A", "2025-10-06", lambda s, r: s.respond(r("5"), Stage.STAGE1, on("2025-10-06"),
                                               Outcome.NOT_UPHELD)),
    ("B", "2025-10-10", lambda s, r: s.record_feedback(r("1"), on("2025-10-10"),
                                                       SpeakUpAgain.UNSURE)),
    ("A", "2025-10-20", lambda s, r: s.respond(r("3"), Stage.STAGE2, on("2025-10-20"),
                                               Outcome.NOT_UPHELD)),
]


def _fixed(day: date) -> Callable[[], date]:
    return lambda: day


def _step(book: Casebook, day: str, step: Any) -> None:
    service = ConcernService(book, today=_fixed(on(day)))

    def ref(number: str) -> int:
        return service.id_for_reference(f"SA-2025-{int(number):04d}")

    step(service, ref)


def _figures(book: Casebook, label: str) -> dict[str, Any]:
    return build_payload(book, parse_period(label))["figures"]


def _without_period(figures: Any) -> Any:
    if isinstance(figures, dict):
        return {k: _without_period(v) for k, v in figures.items() if k != "period"}
    return figures


def test_two_units_count_each_concern_once_both_ways(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    control = tmp_path / "control"
    make_book(control, "Control", "SA")
    with Casebook.open(control, PASSPHRASE) as book:
        for _, day, step in STORY:
            if not isinstance(step, str):
                _step(book, day, step)
        expected = {label: _figures(book, label) for label in PERIODS}
    with pair.b() as b:
        b.set_setting("reference_prefix", "SA")  # B's own concern is SA-2025-0005 too
    kept: dict[str, dict[str, Any]] = {}
    for actor, day, step in STORY:
        if isinstance(step, str):
            route, numbers = step.split(":")
            sender, receiver = route.split(">")
            if sender == "A":
                with pair.a() as a:
                    kept["A Q1"] = _figures(a, "2025-26-Q1")
            else:
                with pair.b() as b:
                    kept["B Q2"] = _figures(b, "2025-26-Q2")
            references = [f"SA-2025-{int(n):04d}" for n in numbers.split(",")]
            with pair.a() as a, pair.b() as b:
                books = {"A": a, "B": b}
                for number in numbers.split(","):  # two with consent, the rest without
                    if number in ("1", "3"):
                        cid = ConcernService(books[sender]).id_for_reference(
                            f"SA-2025-{int(number):04d}")
                        if books[sender].cases.execute(
                                "SELECT person_ref FROM concerns WHERE id = ?",
                                (cid,)).fetchone()[0]:
                            consent(books[sender], cid, successor=True, on=on("2025-06-03"))
                hand_over(books[sender], books[receiver], references,
                          "Alex Contact" if receiver == "B" else "Sam Ambassador",
                          tmp_path / f"{day}.age", on=on(day))
            continue
        opener = pair.a if actor == "A" else pair.b
        with opener() as book:
            _step(book, day, step)

    with pair.a() as a, pair.b() as b:
        assert _figures(a, "2025-26-Q1") == kept["A Q1"]  # what A sent for Q1 stays true
        assert _figures(b, "2025-26-Q2") == kept["B Q2"]  # and what B sent for Q2
        for label in PERIODS:
            total = add_figures(_figures(a, label), _figures(b, label))
            assert _without_period(total) == _without_period(expected[label]), label
        for book in (a, b):
            quarters = [_figures(book, label) for label in PERIODS[:4]]
            year = quarters[0]
            for quarter in quarters[1:]:
                year = add_figures(year, quarter)
            assert _without_period(year) == _without_period(_figures(book, "2025-26"))
        # The split is where the rule puts it.
        a_year, b_year = _figures(a, "2025-26"), _figures(b, "2025-26")
        assert a_year["received"]["stage1"] == 3 and b_year["received"]["stage1"] == 1
        assert a_year["received"]["stage2"] == 2 and b_year["received"]["stage2"] == 0
        assert a_year["received"]["anonymous"] == 1 and b_year["received"]["anonymous"] == 0
        assert a_year["extended"] == {"stage1": 1, "stage2": 1}
        assert b_year["extended"] == {"stage1": 0, "stage2": 1}
        assert a_year["closed"] == {"stage1": 1, "stage2": 1}
        assert b_year["closed"] == {"stage1": 1, "stage2": 1}
        assert b_year["other_closures"]["withdrawn"] == 1
        assert a_year["detriment"] == {"reports": 1, "concerns": 1}
        assert b_year["detriment"] == {"reports": 1, "concerns": 0}
        assert b_year["feedback"]["received"] == 2
        assert build_payload(b, parse_period("2025-26-Q2"))["learning"] == [
            "Two signatures on every rota"]
        assert build_payload(a, parse_period("2025-26-Q2"))["learning"] == []

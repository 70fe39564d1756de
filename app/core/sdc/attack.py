"""The reader's attack on one group of cells: can each protected cell reach both ends of its level?

A protected cell passes at one end when a point that agrees with everything a reader
is told puts it there (at or below its `low`, at or above its `high`). Such a point
stays valid if more cells are hidden later (hiding only takes constraints away), so a
pass is never re-examined.

To pass many cells with few solves, cells are tested in groups: one linear program
asks for a point with every cell of a group at its end at once (bounds moved, no
objective: the dual simplex answers quickly from the last basis). If there is one,
the whole group passes (and any other protected cell that the point happens to put at
an end); if not, the group is halved and each half asked again. A single cell with no
such point fails: then the linear program for that cell alone gives how far a reader
can push it, and the dual values secondary suppression needs.

In a large group with whole numbers, that is preceded by asking for as many ends as
the linear program can reach at once (reader.Component.reach_most, a point each round for
hundreds of ends where random groups of 64 each need an integer solve of their own).

Points come from linear programs and may hold fractions, but a reader knows every
count and sum is a whole number: with `whole_numbers` (the audit, and pruning), a point
only counts when every value in it is whole; a fractional one is asked for again of the
integer program (reader.Component.reach_all, optimise), so that a pass is a point a
reader truly cannot rule out. Without it (the rounds of secondary suppression, a
heuristic), linear points are taken as they come and the audit has the last word. The
attacker tests (tests/sdc) check the results with an integer program of their own.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.core.sdc.knowledge import whole_point
from app.core.sdc.program import Witness
from app.core.sdc.reader import UNKNOWN, Component, Optimum
from app.core.sdc.tables import CellKey

FIRST_GROUP = 64  # cells asked for together at first
TOLERANCE = 1e-6
MOST_GROUP = 500  # in a group of at least this many cells, first ask (in linear numbers,
MOST_ROUNDS = 60  # `at_once`, while more than FIRST_GROUP are left) for points with many
# cells at their ends at once, while each passes
MOST_GAIN = 4  # at least this many more ends

End = tuple[CellKey, bool]  # a cell and which end: True for up (high), False for down (low)


@dataclass(frozen=True)
class Failure:
    """One end of a protected cell a reader can hold it away from."""

    key: CellKey
    upward: bool
    target: float
    found: Optimum

    @property
    def shortfall(self) -> float:
        return (self.target - self.found.value if self.upward
                else self.found.value - self.target)


@dataclass
class Attack:
    """Targets for one group: cell -> the value its low (`lows`) or high (`highs`) end must
    reach; what passed (with the value reached) and what failed."""

    lows: dict[CellKey, float]
    highs: dict[CellKey, float]
    reached: dict[End, float] = field(default_factory=dict)
    failures: dict[End, Failure] = field(default_factory=dict)
    points: list[Mapping[CellKey, float]] = field(default_factory=list)
    fractional: int = 0  # linear answers that needed the integer program

    def take(self, point: Mapping[CellKey, float] | None, keep: bool = True) -> int:
        """Pass every end this point reaches; how many new (points that passed any are
        kept, for the audit to check and use again)."""
        if point is None:
            return 0
        new = 0
        for upward, targets in ((False, self.lows), (True, self.highs)):
            for key, target in targets.items():
                value = point.get(key)
                if value is None:
                    continue
                if (value >= target - TOLERANCE) if upward else (value <= target + TOLERANCE):
                    end = (key, upward)
                    old = self.reached.get(end)
                    if old is None:
                        new += 1
                    if old is None or (value > old if upward else value < old):
                        self.reached[end] = value
        if new and keep:
            self.points.append(point)
        return new

    def pending(self, upward: bool) -> dict[CellKey, float]:
        targets = self.highs if upward else self.lows
        return {k: t for k, t in targets.items()
                if (k, upward) not in self.reached and (k, upward) not in self.failures}


def attack(component: Component, lows: Mapping[CellKey, float],
           highs: Mapping[CellKey, float], *, want_duals: bool = False,
           max_failures: int | None = None, seed: int = 0,
           hints: Iterable[Witness] = (), whole_numbers: bool = False,
           at_once: bool = False) -> Attack:
    """Try to pass every given end; what passed and what failed (after `max_failures`
    failures, the rest is left unchecked). `hints` are points found before (by secondary
    suppression): each is checked against this group's program and, if it holds, used.
    With `whole_numbers`, only points of whole numbers pass anything. In a large group,
    a whole-number attack (and a linear one `at_once`: many ends to ask) first asks for
    points with many ends at once."""
    result = Attack({k: t for k, t in lows.items() if k in component.column},
                    {k: t for k, t in highs.items() if k in component.column})
    for hint in hints:
        if not result.pending(False) and not result.pending(True):
            break
        result.take(component.verify(hint, whole_numbers))
    if len(component.keys) >= MOST_GROUP and (whole_numbers or at_once):
        most = component.reach_most if whole_numbers else component.most_linear
        fewest = 1 if whole_numbers else FIRST_GROUP + 1  # fewer: one linear ask below
        for upward in (False, True):  # first many cells at once (Component.reach_most)
            for _ in range(MOST_ROUNDS):
                targets = result.pending(upward)
                if len(targets) < fewest or result.take(most(targets, upward)) < MOST_GAIN:
                    break
    rng = random.Random(seed)  # noqa: S311 - the order cells are asked in, nothing secret
    for upward in (False, True):
        keys = sorted(result.pending(upward))
        rng.shuffle(keys)
        stack = [keys[i:i + FIRST_GROUP] for i in range(0, len(keys), FIRST_GROUP)]
        stack.reverse()
        while stack:
            targets = result.highs if upward else result.lows
            group = [k for k in stack.pop() if (k, upward) not in result.reached]
            if not group:
                continue
            asked = {k: targets[k] for k in group}
            point = component.reach_all(asked, upward)
            if whole_numbers and point is not None and point is not UNKNOWN and not (
                    whole_point(point)):
                result.fractional += 1
                linear = point
                point = component.rounded(linear)  # rounded, if it still holds
                if point is None:  # else whole numbers near it, else smaller groups
                    point = component.whole_near(linear, asked, upward)
                if point is None:  # and for a single cell, the whole integer program
                    point = (UNKNOWN if len(group) > 1 else
                             component.reach_all(asked, upward, integer=True))
            if point is not None and point is not UNKNOWN:
                result.take(point)
                for key in group:
                    result.reached.setdefault((key, upward), targets[key])
            elif len(group) > 1:
                half = len(group) // 2
                stack.extend([group[half:], group[:half]])
            else:
                key = group[0]
                if max_failures is not None and len(result.failures) >= max_failures:
                    continue  # left unchecked for now
                target = targets[key]
                found = component.optimise(key, upward, target=target, want_duals=want_duals)
                if whole_numbers and not found.whole:
                    result.fractional += 1
                    found = component.optimise(key, upward, want_duals=want_duals)
                if (found.value >= target - TOLERANCE) if upward else (
                        found.value <= target + TOLERANCE):
                    result.reached[(key, upward)] = found.value  # within tolerance after all
                    if found.point is not None and (found.whole or not whole_numbers):
                        result.take(found.point)
                else:
                    result.failures[(key, upward)] = Failure(key, upward, target, found)
    return result

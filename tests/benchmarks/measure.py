"""Timing helpers and the figure record the benchmark command prints and writes."""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure. `target` is an upper bound, or a lower bound when `at_least`."""

    name: str
    size: int | None  # concerns in the casebook (returns or rows where the name says so)
    value: float
    unit: str
    target: float | None = None
    at_least: bool = False
    note: str = ""

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.at_least else self.value <= self.target

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "size": self.size, "value": round(self.value, 4),
                "unit": self.unit, "target": self.target, "pass": self.passed}


@dataclass(frozen=True)
class Runs:
    """Several runs of one piece of work after a warm-up: seconds each."""

    times: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return percentile(self.times, 95)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least pct% of values at or below."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def timed(work: Callable[[], object], runs: int, warmups: int = 1) -> Runs:
    """`warmups` untimed runs, then `runs` timed ones (perf_counter, wall time)."""
    for _ in range(warmups):
        work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return Runs(tuple(times))


def once(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()

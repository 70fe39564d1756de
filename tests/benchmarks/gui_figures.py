"""The desktop app's figures, each run in a fresh process (tests/benchmarks/gui_probe.py)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.benchmarks.corpus import PASSPHRASE, ROOT
from tests.benchmarks.measure import Runs


def ensure_bytecode() -> None:
    """The app's modules compiled to bytecode, as an installed app has them (the bundle
    carries its bytecode; pip writes it on install). Without it, a machine that sets
    PYTHONDONTWRITEBYTECODE (this one does) compiles every module from source in every run:
    the launch then pays for compiling, and a module compiled on the worker holds the
    interpreter lock for the whole compile while the window waits for it."""
    import compileall

    compileall.compile_dir(str(ROOT / "app"), quiet=1)
    compileall.compile_dir(str(ROOT / "tests" / "benchmarks"), quiet=1)


def _probe(mode: str, folder: Path) -> tuple[float, dict[str, Any]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CASEBOOK_BENCH_PASS=PASSPHRASE,
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.time()
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.gui_probe", mode,
                           str(folder)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"the GUI probe failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    if result.get("exit") != 0 or "screen_painted_epoch" not in result:
        raise RuntimeError(f"the GUI probe did not reach the unlock screen: {result}")
    return started, result


def launch_figures(folder: Path, runs: int) -> Runs:
    """New process to the unlock screen painted: wall time from just before starting it."""
    return launch_pair(folder, runs)[0]


def launch_pair(folder: Path, runs: int) -> tuple[Runs, Runs]:
    """The app's launch and a bare PySide6 window's with a password field, taken in turn
    (app, bare, app, bare, ...) so that both meet the same load on the machine."""
    ensure_bytecode()
    times: list[float] = []
    bare: list[float] = []
    for run in range(runs + 1):
        started, result = _probe("launch", folder)
        started_bare, result_bare = _probe("bare", folder)
        if run:  # the first is the warm-up
            times.append(result["screen_painted_epoch"] - started)
            bare.append(result_bare["screen_painted_epoch"] - started_bare)
    return Runs(tuple(times)), Runs(tuple(bare))


@dataclass
class DayFigures:
    """The scripted day (tests/benchmarks/day_probe.py): the GUI thread's stalls, each the
    time between two firings of a 1 ms timer beyond its 1 ms, and search as you type."""

    longest_ms: Runs  # the longest stall of each run
    p99_ms: Runs  # the 99th percentile of each run's gaps
    over_16: Runs  # how many stalls over 16 ms in each run
    search_p95_s: Runs  # each run's 95th percentile, last key to the list painted
    stalls: list[str]  # where the stalls over 16 ms were, in the median run
    steps: dict[str, float]


def day_figures(folder: Path, runs: int) -> DayFigures:
    from tests.benchmarks.measure import percentile

    ensure_bytecode()
    results = []
    for _ in range(runs):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CASEBOOK_BENCH_PASS=PASSPHRASE,
                   PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        done = subprocess.run([sys.executable, "-m", "tests.benchmarks.day_probe",
                               str(folder)], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=900, check=False)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode or not lines:
            raise RuntimeError(f"the day probe failed ({done.returncode}): "
                               f"{done.stderr[-2000:]}")
        result: dict[str, Any] = json.loads(lines[-1])
        if result.get("error") or not result.get("gaps_ms"):
            raise RuntimeError(f"the day probe did not finish its day: {result.get('error')}")
        results.append(result)
    longest = [max(r["gaps_ms"]) for r in results]
    median_run = sorted(range(len(results)), key=lambda i: longest[i])[len(results) // 2]
    return DayFigures(
        longest_ms=Runs(tuple(longest)),
        p99_ms=Runs(tuple(percentile(r["gaps_ms"], 99) for r in results)),
        over_16=Runs(tuple(float(sum(1 for g in r["gaps_ms"] if g > 16)) for r in results)),
        search_p95_s=Runs(tuple(percentile(r["search_s"], 95) for r in results)),
        stalls=list(results[median_run]["stalls"]), steps=results[median_run]["steps_s"])


@dataclass
class UnlockFigures:
    beyond_kdf: Runs  # press Unlock -> list painted, minus the time inside the KDF
    with_kdf: Runs
    kdf: Runs
    peak_kib: int  # VmHWM over the process's life (the largest of the runs)
    peak_after_kdf_kib: int | None  # VmHWM reset right after the KDF, then read at the end
    rows: int
    total: int


def unlock_figures(folder: Path, runs: int) -> UnlockFigures:
    ensure_bytecode()
    results = []
    for run in range(runs + 1):
        _, result = _probe("unlock", folder)
        if "unlock_to_list_painted" not in result:
            raise RuntimeError(f"the list was never painted after unlocking: {result}")
        if run:
            results.append(result)
    totals = [r["unlock_to_list_painted"] for r in results]
    kdfs = [r["kdf"] for r in results]
    peaks = [max(r["vm_hwm_kib"], r.get("vm_hwm_through_kdf_kib") or 0) for r in results]
    after = [r["vm_hwm_kib"] for r in results if r.get("peak_reset")]
    return UnlockFigures(
        beyond_kdf=Runs(tuple(t - k for t, k in zip(totals, kdfs, strict=True))),
        with_kdf=Runs(tuple(totals)), kdf=Runs(tuple(kdfs)), peak_kib=max(peaks),
        peak_after_kdf_kib=max(after) if after else None,
        rows=int(statistics.median(r["rows"] for r in results)),
        total=int(statistics.median(r["total"] for r in results)))

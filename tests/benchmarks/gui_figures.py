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
    times = []
    for run in range(runs + 1):
        started, result = _probe("launch", folder)
        if run:  # the first is the warm-up
            times.append(result["screen_painted_epoch"] - started)
    return Runs(tuple(times))


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

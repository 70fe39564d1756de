"""`python -m tests.benchmarks` keeps working: run whole at a tiny size (not for its figures)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_command_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks", "--sizes", "40", "--runs", "1",
         "--returns", "12", "--xlsx-rows", "20", "--cache", str(tmp_path / "cache"),
         "--json", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(out.read_text())
    assert figures and all(set(f) == {"name", "size", "value", "unit", "target", "pass"}
                           for f in figures)
    names = {f["name"] for f in figures}
    for expected in ("launch to the unlock screen painted", "key derivation (Argon2id)",
                     "unlock to the list painted, beyond the KDF", "first page of the list",
                     "sort or filter the list, slowest", "full-text search, p95 of 50 queries",
                     "save a conversation, p95 of 100", "dashboard figures",
                     "build a return for a year", "KPI report PDF for a year", "backup",
                     "casebook check", "casebook size on disk per 1,000 concerns",
                     "peak memory of the process, with the KDF's 256 MiB",
                     "import and aggregate returns on the board", "import an xlsx log",
                     "encrypted / plain: full-text search, p95 of 50 queries",
                     "identity notices per 200 demo notes",
                     "identity scan of a 3,000-character note, 10,000 held",
                     "prepare the identity scanner for 10,000 held"):
        assert expected in names, expected
    assert all(f["value"] > 0 or f["name"] == "identity notices per 200 demo notes"
               for f in figures)
    assert all(f["pass"] is None if f["target"] is None else isinstance(f["pass"], bool)
               for f in figures)
    assert "| figure" in done.stdout and "targets missed" in done.stdout
    # The generated casebook is cached: asking for it again does not make it again.
    from tests.benchmarks import corpus

    said: list[str] = []
    cached = corpus.ensure_casebook(40, tmp_path / "cache", said.append)
    assert said == [] and cached.meta["concerns"] == 40

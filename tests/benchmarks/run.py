"""`python -m tests.benchmarks`: Casebook's speed from 100 to 100,000 concerns, side by side
with plain SQLite. Prints a table; `--json FILE` writes the figures as a list.

    python -m tests.benchmarks                 # 100, 1,000, 10,000 and 100,000 concerns
    python -m tests.benchmarks --quick         # 1,000 and 10,000 only
    python -m tests.benchmarks --json out.json --cache DIR

Generated casebooks are cached (tests/benchmarks/corpus.py): the first full run
spends a few minutes making the 100,000-concern one. Each figure is the median
of several runs after a warm-up (`--runs`, default 5; the heavy ones, taking
seconds each, use at most 3), except the 95th percentiles, which are over 50
queries or 100 saves. See the README's "Performance" section for what each means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.benchmarks import corpus, gui_figures, other_figures, scanner_figures, store_figures
from tests.benchmarks.measure import Figure, load_average

FULL_SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)

# name -> (target, largest size it applies to, at_least). A target stated for 100,000
# concerns applies at every smaller size too; one stated for 10,000 is only reported above.
TARGETS: dict[str, tuple[float, int | None, bool]] = {
    "launch to the unlock screen painted": (0.7, None, False),
    "launch / a bare PySide6 window with a password field": (2.0, None, False),
    "scripted day: longest the GUI thread stalled": (50, 100_000, False),
    "scripted day: GUI thread stalls, p99": (16, 100_000, False),
    "search as you type: last key to the list painted, p95": (150, 100_000, False),
    "key derivation (Argon2id)": (0.25, None, True),
    "unlock to the list painted, beyond the KDF": (0.3, 10_000, False),
    "peak memory with the casebook open (after the KDF)": (350, 100_000, False),
    "first page of the list": (150, 100_000, False),
    "sort or filter the list, slowest": (300, 100_000, False),
    "full-text search, p95 of 50 queries": (50, 100_000, False),
    "save a conversation, p95 of 100": (15, 100_000, False),
    "dashboard figures": (200, 100_000, False),
    "build a return for a year": (1.5, 100_000, False),
    "KPI report PDF for a year": (1.0, 10_000, False),
    "casebook check": (10, 100_000, False),
    "backup": (10, 100_000, False),
    "import and aggregate returns on the board": (5, 1_000, False),
    "the same, 100 returns per commit": (5, 1_000, False),
    "import an xlsx log": (10, 5_000, False),
    "identity notices per 200 demo notes": (1, None, False),
    "identity scan of a 3,000-character note, 10,000 held": (20, None, False),
    "identity check of the whole casebook": (30, 10_000, False),
}
PRECISION_UP_TO = 10_000  # above this, scanning every note takes longer than it tells
RATIO_TARGET = 1.5


def figure(name: str, size: int | None, value: float, unit: str, note: str = "") -> Figure:
    target, largest, at_least = TARGETS.get(name, (None, None, False))
    applies = target is not None and (largest is None or size is None or size <= largest)
    return Figure(name, size, value, unit, target if applies else None, at_least, note)


# ----- the side-by-side figures ------------------------------------------------------------

SIDE_BY_SIDE = ("first page of the list", "sort or filter the list, slowest",
                "full-text search, p95 of 50 queries", "save a conversation, p95 of 100",
                "build a return for a year")


def _side_by_side(book: object, scratch: Path, size: int, runs: int, heavy: int,
                  label: str) -> dict[str, tuple[float, str, str]]:
    """The figures compared with plain SQLite, in the unit each is shown in."""
    lists = store_figures.list_figures(book, runs)  # type: ignore[arg-type]
    search = store_figures.search_figures(book)  # type: ignore[arg-type]
    unmarked = store_figures.prepare_returns(book)  # type: ignore[arg-type]
    built = store_figures.return_figures(book, scratch, heavy)  # type: ignore[arg-type]
    saves = store_figures.save_figures(book)  # type: ignore[arg-type]
    note_unmarked = (f"{label}: {unmarked:,} of the year's publishable learning statements "
                     "unmarked in the working copy to keep within a return's 1,000"
                     if unmarked else "")
    return {
        "first page of the list": (lists.first_page.median * 1000, "ms", ""),
        "sort or filter the list, slowest": (
            lists.slowest * 1000, "ms", f"{label}: slowest is {lists.slowest_variant}"),
        "full-text search, p95 of 50 queries": (
            search.p95 * 1000, "ms",
            f"{label}: median {search.median * 1000:.1f} ms, slowest '{search.slowest_query}' "
            f"{search.per_query[search.slowest_query] * 1000:.0f} ms"),
        "save a conversation, p95 of 100": (saves.p95 * 1000, "ms",
                                           f"{label}: median {saves.median * 1000:.1f} ms"),
        "build a return for a year": (built.median, "s", note_unmarked),
    }


# ----- one size --------------------------------------------------------------------------


def measure_size(size: int, cache: Path, scratch: Path, runs: int, say: Callable[[str], None],
                 gui_only: bool = False) -> list[Figure]:
    heavy = max(1, min(3, runs))
    found: list[Figure] = []
    made = corpus.ensure_casebook(size, cache, say)
    found.append(figure("generate the casebook (batches of 500)", size,
                        made.generation_seconds, "s",
                        f"generated {made.meta['generated_at']}, load average "
                        f"{made.meta['load_average'][:3]} before, "
                        f"{made.meta['conversations']:,} conversations"))
    found.append(figure("casebook size on disk per 1,000 concerns", size,
                        corpus.disk_bytes(made.folder) / 1e6 / (size / 1000), "MB"))
    work = corpus.working_copy(made.folder, scratch / "casebook")
    from app.store.casebook import Casebook

    with Casebook.open(work, corpus.PASSPHRASE) as book:  # the day previews a return
        unmarked = store_figures.prepare_returns(book)

    say(f"{size:,}: the desktop app (fresh processes) ...")
    gui = gui_figures.unlock_figures(work, runs)
    found.append(figure("unlock to the list painted, beyond the KDF", size,
                        gui.beyond_kdf.median, "s",
                        f"{size:,}: {gui.rows} rows of {gui.total:,} shown"))
    found.append(figure("unlock to the list painted, with the KDF", size, gui.with_kdf.median,
                        "s", f"{size:,}: KDF inside the app {gui.kdf.median:.2f} s"))
    if gui.peak_after_kdf_kib is not None:
        found.append(figure("peak memory with the casebook open (after the KDF)", size,
                            gui.peak_after_kdf_kib / 1024, "MB"))
    found.append(figure("peak memory of the process, with the KDF's 256 MiB", size,
                        gui.peak_kib / 1024, "MB"))

    say(f"{size:,}: a scripted day in the desktop app ({heavy} runs, fresh processes) ...")
    day = gui_figures.day_figures(work, heavy)
    stalls = "; ".join(day.stalls[:12]) or "none over 16 ms"
    found.append(figure(
        "scripted day: longest the GUI thread stalled", size, day.longest_ms.median, "ms",
        f"{size:,}: median of {heavy} days; stalls over 16 ms: {day.over_16.median:.0f} "
        f"(median run: {stalls})"))
    found.append(figure("scripted day: GUI thread stalls, p99", size, day.p99_ms.median, "ms",
                        f"{size:,}: {unmarked:,} publishable learning statements unmarked in "
                        "the working copy, to keep each quarter within a return's 1,000"
                        if unmarked else ""))
    found.append(figure("search as you type: last key to the list painted, p95", size,
                        day.search_p95_s.median * 1000, "ms"))
    shutil.rmtree(work, ignore_errors=True)
    if gui_only:
        return found
    work = corpus.working_copy(made.folder, scratch / "casebook")

    say(f"{size:,}: the store ...")

    with Casebook.open(work, corpus.PASSPHRASE) as book:
        encrypted = _side_by_side(book, scratch, size, runs, heavy, f"{size:,} encrypted")
        dash = store_figures.dashboard_figures(book, runs)
        kpi = store_figures.kpi_figures(book, heavy)
        checked = store_figures.check_figures(book, heavy)
        backed = store_figures.backup_figures(book, scratch, heavy)
        noticed = (scanner_figures.demo_precision(book) if size <= PRECISION_UP_TO else None)
        # At 100,000 concerns a check takes minutes: one run, reported without a target.
        whole = scanner_figures.casebook_scan(book, heavy if size <= PRECISION_UP_TO else 1)
    for name, (value, unit, note) in encrypted.items():
        found.append(figure(name, size, value, unit, note))
    found.append(figure("dashboard figures", size, dash.median * 1000, "ms"))
    found.append(figure("KPI report PDF for a year", size, kpi.median, "s"))
    found.append(figure("casebook check", size, checked.median, "s"))
    found.append(figure("backup", size, backed.median, "s"))
    found.append(figure(
        "identity check of the whole casebook", size, whole.runs.median, "s",
        f"{size:,}: {whole.pieces:,} pieces of text in {whole.records:,} records, "
        f"{whole.findings:,} findings (the demo's notes hold no identity of their own)"))
    if noticed is not None:
        found.append(figure(
            "identity notices per 200 demo notes", size, noticed.per_200, "per 200",
            f"{size:,}: {noticed.noticed:,} of {noticed.notes:,} notes raised a notice "
            f"({scanner_figures.kinds_text(noticed.kinds.most_common())}); scanning them "
            f"all took {noticed.seconds:.1f} s"))
    shutil.rmtree(work, ignore_errors=True)

    say(f"{size:,}: the same on plain SQLite ...")
    plain_folder = corpus.ensure_plain_copy(made, say)
    plain_work = corpus.working_copy(plain_folder, scratch / "plain")
    with corpus.plain_sqlite(), Casebook.open(plain_work, corpus.PASSPHRASE) as book:
        plain = _side_by_side(book, scratch, size, runs, heavy, f"{size:,} plain")
    shutil.rmtree(plain_work, ignore_errors=True)
    for name in SIDE_BY_SIDE:
        value, unit, note = plain[name]
        found.append(figure(f"plain SQLite: {name}", size, value, unit, note))
    for name in SIDE_BY_SIDE:
        ratio = encrypted[name][0] / plain[name][0] if plain[name][0] else float("inf")
        found.append(Figure(f"encrypted / plain: {name}", size, ratio, "x", RATIO_TARGET))
    return found


# ----- the command -----------------------------------------------------------------------


def machine() -> list[str]:
    import PySide6
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return [f"cores (nproc): {os.cpu_count()}", f"CPU: {cpu}", f"RAM: {memory:.1f} GiB",
            f"Python {platform.python_version()}, SQLCipher {cipher} (SQLite {sqlite}), "
            f"PySide6 {PySide6.__version__}, {platform.system()} {platform.release()}"]


def _value(f: Figure) -> str:
    if f.unit == "ms":
        return f"{f.value:,.1f} ms"
    if f.unit == "s":
        return f"{f.value:,.2f} s"
    if f.unit == "x":
        return f"{f.value:.2f}x"
    if f.unit == "per 200":
        return f"{f.value:.2f} per 200"
    return f"{f.value:,.0f} {f.unit}"


def _target(f: Figure) -> str:
    if f.target is None:
        return "report"
    sign = ">=" if f.at_least else "<="
    shown = Figure("", None, f.target, f.unit)
    return f"{sign} {_value(shown)}"


def table(figures: Sequence[Figure]) -> str:
    rows = [("figure", "size", "value", "target", "pass")]
    for f in figures:
        passed = {True: "yes", False: "NO", None: ""}[f.passed]
        rows.append((f.name, f"{f.size:,}" if f.size is not None else "-", _value(f),
                     _target(f), passed))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for index, row in enumerate(rows):
        lines.append("| " + " | ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(row)) + " |")
        if index == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "").replace(",", "")) for part in text.split(":"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError("sizes are whole numbers joined by ':'") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes are whole numbers above zero")
    return sizes


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only 1,000 and 10,000 concerns")
    parser.add_argument("--json", metavar="FILE", type=Path, help="write the figures as JSON")
    parser.add_argument("--cache", metavar="DIR", type=Path, default=corpus.default_cache_dir(),
                        help="where generated casebooks are kept (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure after a "
                        "warm-up (default: %(default)s; the heavy figures use at most 3)")
    # For the smoke test: tiny sizes, few returns and rows.
    parser.add_argument("--sizes", type=_sizes, help=argparse.SUPPRESS)
    parser.add_argument("--gui-only", action="store_true",
                        help="only the desktop app's figures (launch, unlock, the scripted day)")
    parser.add_argument("--returns", type=int, default=1000, help=argparse.SUPPRESS)
    parser.add_argument("--xlsx-rows", type=int, default=5000, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    header = machine()
    start_load = load_average()
    for line in header:
        say(line)
    say(f"load average at start: {start_load[0]:.2f} {start_load[1]:.2f} {start_load[2]:.2f}")
    figures: list[Figure] = []
    args.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="work-", dir=args.cache) as temp:
        scratch = Path(temp)
        if not args.gui_only:
            figures.extend(_process_figures(args.runs, say))
        smallest = corpus.ensure_casebook(min(sizes), args.cache, say)
        launch_copy = corpus.working_copy(smallest.folder, scratch / "launch")
        say("launch to the unlock screen, and a bare window (fresh processes) ...")
        launch, bare = gui_figures.launch_pair(launch_copy, args.runs)
        figures.append(figure("launch to the unlock screen painted", None, launch.median, "s"))
        figures.append(figure("a bare PySide6 window with a password field painted", None,
                              bare.median, "s"))
        figures.append(figure("launch / a bare PySide6 window with a password field", None,
                              launch.median / bare.median, "x",
                              "launch and the bare window taken in turn, in the same run"))
        shutil.rmtree(launch_copy, ignore_errors=True)
        for size in sorted(sizes):
            figures.extend(measure_size(size, args.cache, scratch, args.runs, say,
                                        args.gui_only))
        if not args.gui_only:
            figures.extend(_board_and_import_figures(args, scratch, say))
    end_load = load_average()
    ordered = sorted(figures, key=lambda f: (_order(f.name), f.size or 0))
    print("\n".join(header))
    print(f"load average: {start_load[0]:.2f} at start, {end_load[0]:.2f} at end "
          f"(1-minute; {end_load[1]:.2f} over 5 minutes at end)\n")
    print(table(ordered))
    notes = [f.note for f in ordered if f.note]
    if notes:
        print("\nNotes:")
        for note in notes:
            print(f"- {note}")
    failed = [f for f in ordered if f.passed is False]
    print(f"\n{len(failed)} of {sum(1 for f in ordered if f.passed is not None)} targets missed.")
    if args.json is not None:
        args.json.write_text(json.dumps([f.as_json() for f in ordered], indent=2) + "\n")
    return 0


def _process_figures(runs: int, say: Callable[[str], None]) -> list[Figure]:
    """The figures that need no casebook: the KDF and the identity scanner."""
    figures: list[Figure] = []
    say("key derivation ...")
    kdf = other_figures.kdf_figures(min(runs, 3))
    figures.append(figure("key derivation (Argon2id)", None, kdf.median, "s"))
    say("the identifying-text scanner against 10,000 held identities ...")
    speed = scanner_figures.scanner_speed(runs=max(20, 10 * runs))
    figures.append(figure(
        "identity scan of a 3,000-character note, 10,000 held", None,
        speed.scan.median * 1000, "ms",
        f"p95 {speed.scan.p95 * 1000:.1f} ms over {len(speed.scan.times)} scans, "
        f"{speed.findings} findings in the note"))
    figures.append(figure(
        "prepare the identity scanner for 10,000 held", None, speed.build.median, "s",
        f"the first build of the process, loading the word list: "
        f"{speed.first_build:.2f} s"))
    return figures


def _board_and_import_figures(args: argparse.Namespace, scratch: Path,
                              say: Callable[[str], None]) -> list[Figure]:
    figures: list[Figure] = []
    say(f"the board: import {args.returns:,} returns and add them up ...")
    for per_commit, name in ((1, "import and aggregate returns on the board"),
                             (100, "the same, 100 returns per commit")):
        board = other_figures.board_figures(args.returns, scratch,
                                            max(1, min(3, args.runs)), per_commit)
        figures.append(figure(name, args.returns, board.total.median, "s",
                              f"{args.returns:,} returns from {board.units} units, "
                              f"{per_commit} per commit: import alone "
                              f"{board.imported.median:.2f} s"))
    say(f"import a {args.xlsx_rows:,}-row spreadsheet ...")
    sheet = other_figures.xlsx_figures(args.xlsx_rows, scratch / "xlsx",
                                       max(1, min(3, args.runs)))
    figures.append(figure("import an xlsx log", args.xlsx_rows, sheet.median, "s"))
    return figures


def _order(name: str) -> int:
    names = ["launch to the unlock screen painted",
             "a bare PySide6 window with a password field painted",
             "launch / a bare PySide6 window with a password field", "key derivation (Argon2id)",
             "identity scan of a 3,000-character note, 10,000 held",
             "prepare the identity scanner for 10,000 held",
             "generate the casebook (batches of 500)", "casebook size on disk per 1,000 concerns",
             "unlock to the list painted, beyond the KDF",
             "unlock to the list painted, with the KDF",
             "peak memory with the casebook open (after the KDF)",
             "peak memory of the process, with the KDF's 256 MiB",
             "scripted day: longest the GUI thread stalled",
             "scripted day: GUI thread stalls, p99",
             "search as you type: last key to the list painted, p95",
             *SIDE_BY_SIDE[:4], "dashboard figures", SIDE_BY_SIDE[4],
             "KPI report PDF for a year", "casebook check", "backup",
             "identity check of the whole casebook", "identity notices per 200 demo notes",
             *(f"plain SQLite: {n}" for n in SIDE_BY_SIDE),
             *(f"encrypted / plain: {n}" for n in SIDE_BY_SIDE),
             "import and aggregate returns on the board", "the same, 100 returns per commit",
             "import an xlsx log"]
    return names.index(name) if name in names else len(names)

"""Figures measured in this process on an open casebook: the list, search, saving, the
dashboard, a return, the KPI report, backup and check.

Every function works through the app's own code (app.store, app.returns,
app.documents), exactly as the GUI's worker or the CLI calls it, on a working
copy of a generated casebook. A list "page" is what the list's model asks for
on a new query: the count of matching concerns and the first 200 rows.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.periods import parse_period
from app.core.records import ConversationMode
from app.store import backup, check, dashboard, database, listing
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.listing import ListQuery
from tests.benchmarks.corpus import TODAY, YEAR
from tests.benchmarks.measure import Runs, percentile, timed

PAGE = 200  # the list model's page (app/ui/cases/concern_table_model.py)

# What a contact might type into the search box: references, words from notes and
# summaries (some common, some rare), a few words together, and words half typed (the
# last word is matched as a prefix, as the list does). Fixed, so every run asks the same.
SEARCHES: tuple[str, ...] = (
    "WB-2023-0042", "WB-2025-0317", "2024-0150", "WB-2026",
    "insulin", "defibrillator", "needlestick", "hoists", "orthopaedics", "neonatal",
    "renal", "maternity", "radiology", "pharmacy", "parking", "timesheets", "overtime",
    "corridors", "sharps", "discriminatory", "intimidating", "anticoagulants",
    "bladder scanner", "nurse call", "lone working", "infusion pumps", "controlled drugs",
    "night shift", "agency staff", "handover", "escalation policy", "risk register",
    "pressure ulcer", "medication given twice", "care home", "social work", "discharge",
    "addictions", "trade union", "occupational health", "interviews", "rota", "belittling",
    "workaround", "physiotherapist",
    "defib", "orthop", "intimid", "needlest", "timesh",
)
assert len(SEARCHES) == 50

NOTES = (
    "Spoke with C by phone about progress. C said the night shift had been short of two "
    "registered nurses again last week and that the agency cover arrived late without an "
    "induction. Explained that the investigating manager has started interviews and that "
    "the response is due within the timescale. C asked whether colleagues would learn who "
    "raised the concern; explained again how the identity is protected and who has been "
    "told. C said morale in the team is low but that things on the early shift are a little "
    "better. Agreed to speak again in two weeks, or sooner if anything changes. C will send "
    "any further examples by email."
)


def first_page(conn: object, query: ListQuery) -> None:
    """What the list's model asks the worker for on a new query (concern_table_model.py)."""
    listing.first_page(conn, query, PAGE)  # type: ignore[arg-type]


def list_variants() -> list[tuple[str, ListQuery]]:
    """Every sort (each column, both ways) and every single filter the list offers."""
    found = []
    for column in listing.SORT_COLUMNS:
        for descending in (False, True):
            found.append((f"sort {column} {'desc' if descending else 'asc'}",
                          ListQuery(sort=column, descending=descending)))
    for field_name, values in (("stage", ("none", "stage1", "stage2")),
                               ("status", ("open", "closed", "withdrawn", "transferred",
                                           "not_taken_forward")),
                               ("service_type", ("nhs", "local_authority", "both"))):
        for value in values:
            found.append((f"filter {field_name}={value}", ListQuery(**{field_name: value})))
    found.append(("filter overdue", ListQuery(overdue_on=TODAY)))
    return found


@dataclass
class ListFigures:
    first_page: Runs
    slowest_variant: str
    slowest: float  # the median of the slowest sort or filter
    variants: dict[str, float] = field(default_factory=dict)


REPEAT = 5  # a list query takes about a millisecond: each timed run is the mean of five


def _repeated(conn: object, query: ListQuery) -> Callable[[], object]:
    def work() -> None:
        for _ in range(REPEAT):
            first_page(conn, query)

    return work


def list_figures(book: Casebook, runs: int) -> ListFigures:
    conn = book.cases
    first = _per_query(timed(_repeated(conn, ListQuery()), runs))
    medians = {label: _per_query(timed(_repeated(conn, query), runs)).median
               for label, query in list_variants()}
    slowest = max(medians, key=lambda label: medians[label])
    return ListFigures(first, slowest, medians[slowest], medians)


def _per_query(runs: Runs) -> Runs:
    return Runs(tuple(t / REPEAT for t in runs.times))


@dataclass
class SearchFigures:
    p95: float
    median: float
    slowest_query: str
    per_query: dict[str, float]


def search_figures(book: Casebook, repeats: int = 3) -> SearchFigures:
    """Each query: count and first page; median of `repeats` runs after a warm-up pass. The
    index's pending entries (none in a generated casebook) are written first, untimed."""
    from app.services import concern_list

    concern_list.prepare_search(book)
    conn = book.cases
    per_query = {text: timed(lambda t=text: first_page(conn, ListQuery(search=t)),
                             repeats).median
                 for text in SEARCHES}
    values = list(per_query.values())
    slowest = max(per_query, key=lambda text: per_query[text])
    return SearchFigures(percentile(values, 95), percentile(values, 50), slowest, per_query)


def save_figures(book: Casebook, saves: int = 100, warmups: int = 5) -> Runs:
    """Log a conversation on concerns spread over the casebook; each save timed on its own."""
    service = ConcernService(book, today=lambda: TODAY)
    ids = [row[0] for row in book.cases.execute("SELECT id FROM concerns ORDER BY id")]
    step = max(1, len(ids) // (saves + warmups))
    chosen = [ids[(i * step) % len(ids)] for i in range(saves + warmups)]

    def save(concern_id: int) -> Callable[[], object]:
        return lambda: service.log_conversation(concern_id, TODAY, ConversationMode.PHONE,
                                                NOTES, "Speak again in two weeks.")

    for concern_id in chosen[:warmups]:
        save(concern_id)()
    times = [timed(save(concern_id), 1, warmups=0).times[0] for concern_id in chosen[warmups:]]
    return Runs(tuple(times))


def dashboard_figures(book: Casebook, runs: int) -> Runs:
    service = ConcernService(book, today=lambda: TODAY)
    return timed(lambda: dashboard.dashboard(service), runs)


def prepare_returns(book: Casebook) -> int:
    """Set a board recipient, and keep every period's publishable learning within what a
    return may carry (MAX_STATEMENTS): the generator marks about 3,600 a year publishable at
    100,000 concerns, and a return over the limit is refused. At most a quarter of the
    limit is kept in each quarter, so that any quarter or year (the window's return preview
    opens on the last whole quarter, the store's figures build a year) is within it.
    Returns how many statements were unmarked (in this working copy only)."""
    from pyrage import x25519

    from app.returns.envelope import set_board_recipient
    from app.returns.payload import MAX_STATEMENTS

    set_board_recipient(book, str(x25519.Identity.generate().to_public()))
    kept: dict[tuple[int, int], int] = {}
    extra: list[int] = []
    for action, done_on in book.cases.execute(
            "SELECT id, done_on FROM actions WHERE publishable = 1 AND trim(learning) != ''"
            " ORDER BY id"):
        if not done_on:
            continue
        quarter = (int(done_on[:4]), (int(done_on[5:7]) - 1) // 3)
        kept[quarter] = kept.get(quarter, 0) + 1
        if kept[quarter] > MAX_STATEMENTS // 4:
            extra.append(action)
    if extra:
        with database.write(book.cases):
            book.cases.executemany("UPDATE actions SET publishable = 0 WHERE id = ?",
                                   [(i,) for i in extra])
    return len(extra)


def return_figures(book: Casebook, scratch: Path, runs: int) -> Runs:
    """`casebook return build --period YEAR --out FILE`: figures, checks, sign, encrypt, write."""
    from app.returns.envelope import write_return
    from app.returns.payload import build_payload

    period = parse_period(YEAR)
    out = scratch / "return.age"
    return timed(lambda: write_return(book, build_payload(book, period), out), runs)


def kpi_figures(book: Casebook, runs: int) -> Runs:
    from app.documents.kpi_report import build_kpi_report

    period = parse_period(YEAR)
    return timed(lambda: build_kpi_report(book, period, today=TODAY), runs)


def check_figures(book: Casebook, runs: int) -> Runs:
    def run() -> None:
        report = check.check(book)
        if not report.ok:
            raise AssertionError(f"casebook check found problems: {report.problems}")

    return timed(run, runs)


def backup_figures(book: Casebook, scratch: Path, runs: int) -> Runs:
    """`casebook backup --to DIR`: copy both databases, verify the copies, write the manifest
    (each entry deleted again after its run, untimed)."""
    target = scratch / "backups"

    def run() -> None:
        backup.backup_files(book.folder, book.master_key, to=target)

    times = []
    for index in range(runs + 1):
        seconds = timed(run, 1, warmups=0).times[0]
        shutil.rmtree(target, ignore_errors=True)
        if index:  # the first is the warm-up
            times.append(seconds)
    return Runs(tuple(times))

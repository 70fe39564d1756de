"""Importing a spreadsheet log: check it all, then write it all as one change, or nothing.

    report = import_spreadsheet(book, path, dry_run=False, on_progress=..., cancelled=...)

1. The file is read and every row checked (cells, the row against itself, the
   casebook's rules, references used twice) without touching the casebook. Case text
   that could identify someone is a problem too (app/importing/identifying.py); with
   `pseudonymise`, what has a known owner is replaced first (C, [name]) and reported.
2. Each reference the casebook already holds is compared with what it holds:
   the same content is "already imported"; anything else is a conflict.
3. With any problem or conflict, or for a dry run, nothing is written and the
   report lists everything found. Otherwise every new row is written through
   ConcernService inside one casebook batch: one transaction for cases.db and
   one for identities.db, so the import is kept whole or not at all.

Made for a worker thread: `on_progress(done, total)` is called as rows are
checked and then written (a dry run checks only), and `cancelled()` is polled
between rows; a cancelled import raises ImportCancelled with nothing written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from app.core.records import Anonymity
from app.core.rules import RuleError
from app.importing.checking import CheckedSheet, check_sheet
from app.importing.columns import COLUMNS
from app.importing.existing import conflicts
from app.importing.identifying import Replacement, check_sheet_identity
from app.importing.problems import ImportCancelled, ImportProblem
from app.importing.rows import ImportRow
from app.importing.sheets import read_sheet
from app.importing.writer import write_row
from app.store import scanning
from app.store.batch import casebook_batch
from app.store.casebook import Casebook
from app.store.concern_detail import load_concern
from app.store.concerns import ConcernService
from app.store.errors import CasebookError, NotFound

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
MAX_LISTED = 200  # problems listed one by one; the rest are counted
_COLUMN_ORDER = {column.name: index for index, column in enumerate(COLUMNS)}


@dataclass(frozen=True)
class ImportReport:
    """What an import found and did. `ok` when nothing was refused."""

    file: str
    rows: int  # data rows in the sheet
    new: tuple[str, ...]  # references written (for a dry run or a refused file: to write)
    already_imported: tuple[str, ...]  # references held already with the same content
    problems: tuple[ImportProblem, ...]  # problems and conflicts; nothing written if any
    dry_run: bool
    imported: int  # concerns written: 0 for a dry run or a refused file
    by_anonymity: dict[str, int] = field(default_factory=dict)  # of `new`
    identities: int = 0  # people recorded in identities.db (or that would be)
    unlisted: int = 0  # problems found beyond the first MAX_LISTED, counted only
    replacements: tuple[Replacement, ...] = ()  # identifying words replaced (--pseudonymise)

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.unlisted

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def conflicts(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.kind == "conflict")

    def summary(self) -> str:
        """One or two sentences for the end of an import."""
        if not self.ok:
            nothing = "Nothing would be imported" if self.dry_run else "Nothing was imported"
            among = (f", {len(self.conflicts)} of them in conflict with concerns already in "
                     "the casebook" if self.conflicts else "")
            listed = (f" The first {len(self.problems)} are listed; {self.unlisted:,} more are "
                      "not." if self.unlisted else "")
            return (f"{nothing}: {_count(self.problem_count, 'problem')} to put right in "
                    f"{self.file}{among}.{listed}")
        held = (f" {_count(len(self.already_imported), 'row')} already in the casebook "
                "(unchanged)." if self.already_imported else "")
        if not self.rows:
            return f"Nothing to import: {self.file} has no rows below its headings."
        if not self.new:
            return f"Nothing new to import: every row of {self.file} is already in the casebook."
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.by_anonymity.items() if n)
        verb = "Would import" if self.dry_run else "Imported"
        replaced = (f" Identifying words were replaced in {_count(len(self.replacements), 'cell')}"
                    " (listed above)." if self.replacements else "")
        return (f"{verb} {_count(len(self.new), 'concern')} from {self.file} ({kinds}; "
                f"{_count(self.identities, 'identity', 'identities')} kept in identities.db)."
                + held + replaced)

    def as_json(self) -> dict[str, object]:
        return {"file": self.file, "rows": self.rows, "ok": self.ok, "dry_run": self.dry_run,
                "imported": self.imported, "new": list(self.new),
                "already_imported": list(self.already_imported),
                "by_anonymity": self.by_anonymity, "identities": self.identities,
                "problems": [p.as_json() for p in self.problems],
                "problems_not_listed": self.unlisted,
                "replacements": [r.as_json() for r in self.replacements]}


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@dataclass
class _Tracker:
    """Progress over checking and writing, reported at most every `step` rows."""

    total: int
    on_progress: Progress | None
    cancelled: Cancelled | None
    done: int = 0
    step: int = 25

    def advance(self, n: int = 1) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        before, self.done = self.done, self.done + n
        if self.on_progress is not None and (
                self.done // self.step != before // self.step or self.done == self.total):
            self.on_progress(self.done, self.total)


@dataclass(frozen=True)
class _Plan:
    new: tuple[ImportRow, ...]
    already: tuple[str, ...]
    problems: tuple[ImportProblem, ...]


def _plan(service: ConcernService, checked: CheckedSheet) -> _Plan:
    new: list[ImportRow] = []
    already: list[str] = []
    problems: list[ImportProblem] = list(checked.problems)
    for row in checked.rows:
        try:
            concern_id = service.id_for_reference(row.reference)
        except NotFound:
            new.append(row)
            continue
        differences = conflicts(row, load_concern(service.conn, concern_id), checked.columns)
        if differences:
            problems.extend(differences)
        else:
            already.append(row.reference)
    return _Plan(tuple(new), tuple(already), tuple(problems))


class _RowRefused(Exception):
    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _write(service: ConcernService, rows: tuple[ImportRow, ...], tracker: _Tracker) -> None:
    people = any(row.person is not None for row in rows)
    with casebook_batch(service.book, identities=people):
        for row in rows:
            try:
                write_row(service, row)
            except (RuleError, CasebookError) as exc:  # a rule the checks did not foresee
                raise _RowRefused(ImportProblem(
                    row.number, None, "", f"could not be recorded: {exc}",
                    "a row the casebook accepts")) from exc
            tracker.advance()


def import_spreadsheet(book: Casebook, path: Path, *, dry_run: bool = False,
                       on_progress: Progress | None = None, cancelled: Cancelled | None = None,
                       today: date | None = None, pseudonymise: bool = False) -> ImportReport:
    """Check the file, and unless it is a dry run or anything is refused, import it whole.

    Raises ImportFileError when the file cannot be read as a sheet, and
    ImportCancelled when `cancelled()` said so (nothing is written either way).
    """
    sheet = read_sheet(path)
    service = ConcernService(book) if today is None else ConcernService(book, today=lambda: today)
    tracker = _Tracker(len(sheet.rows) * (1 if dry_run else 2), on_progress, cancelled)
    identity = check_sheet_identity(sheet, scanning.scanner_for(book),
                                    pseudonymise=pseudonymise)
    sheet = identity.sheet
    checked = check_sheet(sheet, today=service.today(), calendar=service.calendar(),
                          timescales=service.timescales, on_row=lambda done, total:
                          tracker.advance())
    if identity.problems:
        checked = replace(checked, problems=tuple(sorted(
            (*checked.problems, *identity.problems), key=_problem_order)))
    plan = _plan(service, checked)
    problems = plan.problems
    imported = 0
    if not problems and not dry_run and plan.new:
        tracker.advance(len(sheet.rows) - len(plan.new))  # rows held already: nothing to write
        try:
            _write(service, plan.new, tracker)
            imported = len(plan.new)
        except _RowRefused as refused:
            problems = (refused.problem,)
    if tracker.on_progress is not None and tracker.done < tracker.total:
        tracker.on_progress(tracker.total, tracker.total)
    return _report(path, checked, plan, problems, dry_run, imported, identity.replacements)


def _problem_order(problem: ImportProblem) -> tuple[int, int]:
    """The sheet's problems first; then by row, in column order (as check_sheet sorts)."""
    if problem.row is None:
        return (0, 0)
    return (problem.row, _COLUMN_ORDER.get(problem.column or "", -1))


def _report(path: Path, checked: CheckedSheet, plan: _Plan, problems: tuple[ImportProblem, ...],
            dry_run: bool, imported: int, replacements: tuple[Replacement, ...] = ()
            ) -> ImportReport:
    by_anonymity = {kind.value: sum(1 for row in plan.new if row.anonymity is kind)
                    for kind in Anonymity}
    return ImportReport(
        file=path.name, rows=checked.row_count, new=tuple(row.reference for row in plan.new),
        already_imported=plan.already, problems=problems[:MAX_LISTED], dry_run=dry_run,
        imported=imported, by_anonymity=by_anonymity,
        identities=sum(1 for row in plan.new if row.person is not None),
        unlisted=max(0, len(problems) - MAX_LISTED), replacements=replacements)

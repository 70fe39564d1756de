"""Finding what is already there: every piece of case text in the casebook, scanned.

    report = check_casebook(book, on_progress=..., cancelled=...)
    report.findings     # concern reference, record, field, kinds (never the text)
    replace_finding(book, finding)   # one click: C, [name], [phone] ... in that field

Every free-text field of every table in cases.db (app/core/case_text.CASE_TEXT), drafts
included, is scanned with the casebook's scanner as part of its concern (that concern's
person as C), so a name added to identities.db later shows up in the notes that used it
before. A check that cannot finish (the casebook locked or damaged, or stopped) raises
with one plain sentence: it never reports "nothing found" for text it did not read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from app.core.identifying import Scanner
from app.services.identity_scan import what
from app.store import scanning
from app.store.case_text_records import (
    TextPiece,
    count_rows,
    pieces,
    read_piece,
    replace_piece,
)
from app.store.casebook import Casebook
from app.store.errors import CasebookError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class CheckStopped(CasebookError):
    def __init__(self) -> None:
        super().__init__("The identity check stopped before it finished, so it says nothing "
                         "about the text it did not reach; run it again to the end.")


@dataclass(frozen=True)
class TextFinding:
    """Identifying text in one field of one record: where, and what kind."""

    reference: str  # the concern's ("" for a draft of a concern not yet recorded)
    concern_id: int | None
    table: str
    column: str
    rowid: int
    part: str  # a draft's form field, else ""
    record: str  # the record, in the users' words
    label: str  # the field, in the users' words
    kinds: tuple[str, ...]

    @property
    def what(self) -> str:
        parts = [what(kind) for kind in self.kinds]
        return "mentions " + (parts[0] if len(parts) == 1 else
                              ", ".join(parts[:-1]) + " and " + parts[-1])

    def as_json(self) -> dict[str, object]:
        return {"reference": self.reference or None, "record": self.record,
                "table": self.table, "field": self.column, "label": self.label,
                "kinds": list(self.kinds), "what": self.what}


@dataclass(frozen=True)
class IdentityCheckReport:
    findings: tuple[TextFinding, ...]
    records: int  # records read
    pieces: int  # pieces of text scanned
    seconds: float

    @property
    def concerns(self) -> int:
        return len({f.reference for f in self.findings})

    def summary(self) -> str:
        read = (f"Checked {self.pieces:,} pieces of text in {self.records:,} records in "
                f"{self.seconds:.1f} s")
        if not self.findings:
            return f"{read}: nothing that identifies anyone was found."
        return (f"{read}: {len(self.findings):,} piece(s) of text in {self.concerns:,} "
                "concern(s) may identify someone.")

    def as_json(self) -> dict[str, object]:
        return {"ok": not self.findings, "complete": True, "records": self.records,
                "pieces": self.pieces, "seconds": round(self.seconds, 2),
                "findings": [f.as_json() for f in self.findings]}


def _references(book: Casebook) -> dict[int, str]:
    return {int(cid): str(ref) for cid, ref in book.cases.execute(
        "SELECT id, reference FROM concerns")}


def check_casebook(book: Casebook, *, on_progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> IdentityCheckReport:
    """Scan every piece of case text; see the module's note. Raises CheckStopped when
    `cancelled()` says so, and the store's plain errors when the casebook cannot be read."""
    started = time.perf_counter()
    scanner = scanning.scanner_for(book)
    owners = scanning.owners(book)
    references = _references(book)
    total = count_rows(book.cases)
    found: list[TextFinding] = []
    records: set[tuple[str, int]] = set()
    scanned = 0
    for batch in pieces(book.cases):
        if cancelled is not None and cancelled():
            raise CheckStopped()
        for piece in batch:
            records.add((piece.field.table, piece.rowid))
            scanned += 1
            finding = _finding(scanner, piece, owners, references)
            if finding is not None:
                found.append(finding)
        if on_progress is not None:
            on_progress(min(len(records), total), total)
    if on_progress is not None:
        on_progress(total, total)
    ordered = sorted(found, key=lambda f: (f.reference, f.table, f.rowid, f.column, f.part))
    return IdentityCheckReport(tuple(ordered), len(records), scanned,
                               time.perf_counter() - started)


def _finding(scanner: Scanner, piece: TextPiece, owners: dict[int, str | None],
             references: dict[int, str]) -> TextFinding | None:
    own = owners.get(piece.concern_id) if piece.concern_id is not None else None
    results = scanner.scan(piece.text, own=own)
    if not results:
        return None
    return TextFinding(
        references.get(piece.concern_id, "") if piece.concern_id is not None else "",
        piece.concern_id, piece.field.table, piece.field.column, piece.rowid, piece.part,
        piece.record, piece.field.label, tuple(dict.fromkeys(f.kind for f in results)))


def replace_finding(book: Casebook, finding: TextFinding) -> TextFinding | None:
    """Replace what the scanner finds in that field now (C's name by C, others' by [name],
    the rest by kind), audited by field and kinds; returns what is left (None: nothing)."""
    piece = read_piece(book.cases, finding.table, finding.column, finding.rowid, finding.part)
    own = scanning.own_of(book, piece.concern_id) if piece.concern_id is not None else None
    scanner = scanning.scanner_for(book)
    results = scanner.scan(piece.text, own=own)
    if not results:
        return None
    pseudonym = "C"
    if piece.concern_id is not None:
        row = book.cases.execute("SELECT pseudonym FROM concerns WHERE id = ?",
                                 (piece.concern_id,)).fetchone()
        pseudonym = str(row[0]) if row else "C"
    replaced = scanner.mask(piece.text, own=own, pseudonym=pseudonym)
    replace_piece(book, piece, replaced, [f.kind for f in results])
    left = scanner.scan(replaced, own=own)
    if not left:
        return None
    return TextFinding(finding.reference, finding.concern_id, finding.table, finding.column,
                       finding.rowid, finding.part, finding.record, finding.label,
                       tuple(dict.fromkeys(f.kind for f in left)))

"""Identifying text in an import sheet's case-text columns: problems, or replacements.

Every data row's case-text columns (the summary, service area, local themes, handlers,
extension and closure reasons, learning) are scanned, before the rows are read, with the
casebook's scanner (every identity held, the organisation's lists, name fingerprints) and
with the people the file itself names: each row's own person (its raiser_name, email and
phone) is that row's C, found whole and in part; everyone else named in the file is
someone else's identity. A finding is a problem reported like any other, naming the row,
the column and the kind, never the text:

    Row 7, summary: mentions a held name; refer to the person as C.

With `pseudonymise`, what has a known owner is replaced in the cell before the row is read
(the row's own person's name by C, anyone else's by [name], a held email or phone number by
[email] or [phone], a never-publish word by [redacted]) and each replacement is reported;
only those words change, the rest of the text stays as written. An email address, phone
number, CHI number or date of birth that nobody holds cannot be replaced automatically:
it stays a problem until the sheet is corrected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from app.core.case_text import MAX_FIELD_CHARS, too_long
from app.core.identifying import Finding, HeldIdentity, Scanner, masked, merged
from app.importing.checking import read_layout
from app.importing.columns import MAX_ISSUES, issue_column
from app.importing.problems import ImportProblem
from app.importing.sheets import Sheet, SheetRow

# The columns that hold case text (the raiser's own columns are identity, kept apart).
CASE_TEXT_COLUMNS = ("service_area", "themes", "summary", "stage1_handler", "stage2_handler",
                     "stage1_extension_reason", "stage2_extension_reason", "closure_reason",
                     "learning", *(issue_column(n) for n in range(1, MAX_ISSUES + 1)))
# Kinds with a known owner, which --pseudonymise may replace.
REPLACEABLE = frozenset({"own_name", "other_name", "unnamed_name", "own_email", "held_email",
                         "own_phone", "held_phone", "own_job_title", "own_employer",
                         "never_publish"})

_SAID: dict[str, tuple[str, str]] = {  # kind -> (what the cell mentions, what to do)
    "own_name": ("mentions a held name", "refer to the person as C"),
    "other_name": ("mentions a held name", "leave other people's names out"),
    "unnamed_name": ("mentions a held name", "leave other people's names out"),
    "own_email": ("mentions the person's email address", "leave contact details out"),
    "held_email": ("mentions a held email address", "leave contact details out"),
    "email": ("mentions an email address", "leave contact details out"),
    "own_phone": ("mentions the person's phone number", "leave contact details out"),
    "held_phone": ("mentions a held phone number", "leave contact details out"),
    "phone": ("mentions a phone number", "leave contact details out"),
    "chi": ("mentions a CHI number", "leave it out"),
    "chi_like": ("mentions a number that looks like a CHI number", "leave it out"),
    "dob": ("mentions a date of birth", "leave it out"),
    "own_job_title": ("mentions the person's job title", "describe the role without it"),
    "own_employer": ("mentions the person's employer", "describe it without naming it"),
    "never_publish": ("mentions a word on the never-publish list", "leave it out"),
}
_REPLACED_BY: dict[str, str] = {
    "own_name": "C", "other_name": "[name]", "unnamed_name": "[name]", "own_email": "[email]",
    "held_email": "[email]", "own_phone": "[phone]", "held_phone": "[phone]",
    "own_job_title": "[job title]", "own_employer": "[employer]",
    "never_publish": "[redacted]"}
_CANNOT = "it cannot be replaced automatically, so correct the sheet"


def identity_problem(row: int, column: str, kind: str, *, replaceable: bool = True
                     ) -> ImportProblem:
    what, do = _SAID.get(kind, ("mentions something that could identify someone",
                                "leave it out"))
    if not replaceable:
        do = f"{do} ({_CANNOT})"
    return ImportProblem(row, column, "", what, do, kind="identity")


@dataclass(frozen=True)
class Replacement:
    """Text replaced in one cell by --pseudonymise: where, and what kinds (never the text)."""

    row: int
    column: str
    kinds: tuple[str, ...]

    @property
    def message(self) -> str:
        done = "; ".join(f"{_SAID[k][0].removeprefix('mentions ')} replaced by {_REPLACED_BY[k]}"
                         for k in self.kinds)
        return f"Row {self.row}, {self.column}: {done}."

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "kinds": list(self.kinds),
                "message": self.message}


@dataclass(frozen=True)
class SheetIdentity:
    sheet: Sheet  # with replacements made (the sheet as given when there are none)
    problems: tuple[ImportProblem, ...]
    replacements: tuple[Replacement, ...]


def _person(cells: dict[str, str], number: int) -> HeldIdentity | None:
    name = cells.get("raiser_name", "").strip()
    email = cells.get("raiser_email", "").strip()
    phone = cells.get("raiser_phone", "").strip()
    if not (name or email or phone):
        return None
    return HeldIdentity(f"import-row-{number}", name, emails=(email,) if email else (),
                        phones=(phone,) if phone else ())


def check_sheet_identity(sheet: Sheet, scanner: Scanner, *, pseudonymise: bool = False,
                         on_row: Callable[[int, int], None] | None = None) -> SheetIdentity:
    """Scan every data row's case text (see the module's note)."""
    positions = read_layout(sheet).positions
    columns = [(name, positions[name]) for name in CASE_TEXT_COLUMNS if name in positions]
    cells_of = [{name: row.cells[i] if i < len(row.cells) else ""
                 for name, i in positions.items()} for row in sheet.rows]
    people = {row.number: _person(cells, row.number)
              for row, cells in zip(sheet.rows, cells_of, strict=True)}
    in_file = Scanner.build([p for p in people.values() if p is not None])
    problems: list[ImportProblem] = []
    replacements: list[Replacement] = []
    rows: list[SheetRow] = []
    for done, (row, cells) in enumerate(zip(sheet.rows, cells_of, strict=True), start=1):
        own = people[row.number]
        new_cells = list(row.cells)
        for name, index in columns:
            text = cells.get(name, "")
            if not text.strip():
                continue
            if too_long(text):  # refused by the store too: said here, before any writing
                problems.append(ImportProblem(
                    row.number, name, "", f"is {len(text):,} characters long",
                    f"at most {MAX_FIELD_CHARS:,} characters in a cell", kind="length"))
                continue
            found = _scan(text, scanner, in_file, own)
            if not found:
                continue
            fixable = [f for f in found if f.kind in REPLACEABLE]
            stuck = [f for f in found if f.kind not in REPLACEABLE]
            if pseudonymise and fixable:
                new_cells[index] = masked(text, fixable)
                replacements.append(Replacement(row.number, name, _kinds(fixable)))
                problems.extend(identity_problem(row.number, name, kind, replaceable=False)
                                for kind in _kinds(stuck))
            else:
                problems.extend(identity_problem(row.number, name, kind,
                                                 replaceable=kind in REPLACEABLE)
                                for kind in _kinds(found))
        rows.append(replace(row, cells=tuple(new_cells)) if new_cells != list(row.cells)
                    else row)
        if on_row is not None:
            on_row(done, len(sheet.rows))
    return SheetIdentity(replace(sheet, rows=tuple(rows)), tuple(problems), tuple(replacements))


def _scan(text: str, scanner: Scanner, in_file: Scanner, own: HeldIdentity | None
          ) -> list[Finding]:
    found = scanner.scan(text)
    found += in_file.scan(text, own=own.person_ref if own is not None else None)
    return merged(found)


def _kinds(findings: Iterable[Finding]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.kind for f in findings))

"""A problem found in an import sheet: where it is, what the cell holds, what was expected."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.text import visible
from app.store.errors import CasebookError

_LONGEST_VALUE = 60  # long cells (a summary) are cut in messages
# A name, email or phone number is never repeated in a message or in JSON output:
# the row and column say where it is.
IDENTITY_COLUMNS = frozenset({"raiser_name", "raiser_email", "raiser_phone"})
_WITHHELD = "(not shown)"
_UNQUOTED = frozenset({"identity", "length"})


@dataclass(frozen=True)
class ImportProblem:
    """One problem, said as: Row 7, received_date: '31/02/2024' is not a date; expected ...

    `row` is the sheet's own row number (the headings are row 1), or None for a
    problem with a column of the sheet (then `column` is its heading); `column` is
    the column's name, or None for the whole row.
    `issue` starts lower case and reads after the quoted value; `expected` says
    what would be accepted. `kind` is "problem", "conflict" (a reference already
    in the casebook with other content) or "identity" (case text that could identify
    someone: the value is never quoted, see app/importing/identifying.py).
    """

    row: int | None
    column: str | None
    value: str
    issue: str
    expected: str
    kind: str = "problem"

    @property
    def shown_value(self) -> str:
        """The value as a message shows it: shortened, and withheld if it identifies."""
        if self.kind in _UNQUOTED or (self.column in IDENTITY_COLUMNS and self.value.strip()):
            return _WITHHELD
        return _shortened(self.value)

    @property
    def shown_column(self) -> str | None:
        """The column's heading as the file gave it, with control characters escaped."""
        return None if self.column is None else _shortened(self.column)

    @property
    def message(self) -> str:
        if self.row is None:  # about the sheet's headings: the column is the subject
            subject = f"Column '{self.shown_column}'" if self.column else "The sheet"
            return f"{subject} {self.issue}; expected {self.expected}."
        if self.column is None:
            return f"Row {self.row}: {self.issue}; expected {self.expected}."
        if self.kind in _UNQUOTED:  # the words are the problem (or too many): never repeated
            return f"Row {self.row}, {self.shown_column}: {self.issue}; {self.expected}."
        return (f"Row {self.row}, {self.shown_column}: '{self.shown_value}' {self.issue}; "
                f"expected {self.expected}.")

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.shown_column, "value": self.shown_value,
                "issue": self.issue, "expected": self.expected, "kind": self.kind,
                "message": self.message}


def _shortened(value: str) -> str:
    flat = " ".join(visible(value, keep="\t\n").split())
    if len(flat) <= _LONGEST_VALUE:
        return flat
    return flat[: _LONGEST_VALUE - 1] + "…"


class ImportFileError(CasebookError):
    """The file cannot be read as a sheet at all (one plain sentence)."""


class ImportCancelled(CasebookError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was imported.")

"""Reading one row's cells: each value parsed, or a problem saying what was expected.

Nothing here raises on a cell's content: whatever a cell holds ends as a value
or as an ImportProblem, so a sheet of any content gives a clean list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TypeVar

from app.core.records import LabelledEnum
from app.importing.columns import BY_NAME, CHOICES
from app.importing.problems import ImportProblem

E = TypeVar("E", bound=LabelledEnum)

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_UK = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", re.ASCII)
_STAGE = re.compile(r"(?:stage\s*)?([12])", re.ASCII | re.IGNORECASE)
_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})
# Codes read without being offered: "not recorded" says what an empty cell says.
_ALSO_ACCEPTED: dict[str, tuple[str, ...]] = {"consent_method": ("not_recorded",)}


def parse_date(text: str) -> date | None:
    """YYYY-MM-DD or DD/MM/YYYY (day and month may have one digit); None if neither."""
    text = text.strip()
    iso, uk = _ISO.fullmatch(text), _UK.fullmatch(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if uk:
            return date(int(uk[3]), int(uk[2]), int(uk[1]))
    except ValueError:  # 31/02/2024, month 13, year 0
        return None
    return None


def parse_yes_no(text: str) -> bool | None:
    """True for yes, False for no or empty, None when it is neither."""
    wanted = text.strip().lower()
    if not wanted or wanted in _NO:
        return False
    return True if wanted in _YES else None


class RowCells:
    """One row's cells by column name, read with problems collected as they are found."""

    def __init__(self, number: int, cells: Mapping[str, str]) -> None:
        self.number = number
        self.cells = cells
        self.problems: list[ImportProblem] = []

    def raw(self, name: str) -> str:
        return self.cells.get(name, "")

    def given(self, name: str) -> bool:
        return bool(self.raw(name).strip())

    def problem(self, name: str, issue: str, expected: str | None = None) -> None:
        self.problems.append(ImportProblem(
            self.number, name, self.raw(name), issue,
            expected if expected is not None else BY_NAME[name].expected))

    # ----- one reader per kind of cell -------------------------------------------

    def text(self, name: str) -> str:
        return self.raw(name).strip()

    def day(self, name: str) -> date | None:
        """A date cell: empty is None; anything that is not a date is a problem."""
        if not self.given(name):
            return None
        found = parse_date(self.raw(name))
        if found is None:
            self.problem(name, "is not a date", "YYYY-MM-DD or DD/MM/YYYY")
        return found

    def stage(self, name: str) -> int | None:
        if not self.given(name):
            return None
        match = _STAGE.fullmatch(self.raw(name).strip())
        if match is None:
            self.problem(name, "is not a stage")
            return None
        return int(match[1])

    def choice(self, name: str, kind: type[E]) -> E | None:
        if not self.given(name):
            return None
        try:
            found = kind(kind.parse(self.raw(name)))
        except ValueError:
            found = None
        allowed = CHOICES.get(name, ()) + _ALSO_ACCEPTED.get(name, ())
        if found is None or found.value not in allowed:
            self.problem(name, "is not one of the choices")
            return None
        return found

    def yes_no(self, name: str) -> bool:
        found = parse_yes_no(self.raw(name))
        if found is None:
            self.problem(name, "is not yes or no")
            return False
        return found

    def email(self, name: str) -> str:
        text = self.text(name)
        if text and ("@" not in text or any(ch.isspace() for ch in text)):
            self.problem(name, "is not an email address")
        return text

    def themes(self, name: str) -> tuple[str, ...]:
        parts = (part.strip() for part in self.raw(name).split(";"))
        return tuple(dict.fromkeys(part for part in parts if part))

"""Before the board publishes: the units' learning statements scanned once more.

A unit's casebook checked each statement against every name it holds before the return
was built; the board holds no names, so it looks again for what it can see without them:
email addresses (also spelled out), phone numbers, CHI numbers, dates of birth, and the
board's own never-publish list (app/store/board_settings.py). Any finding stops the
publication output, naming each statement by its position in the report and its unit,
with the reason; the statement itself is not repeated (it may be the problem).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.identifying import Scanner
from app.store.errors import CasebookError


@dataclass(frozen=True)
class StatementProblem:
    position: int  # 1-based, in the order the report lists them
    unit: str
    reasons: tuple[str, ...]

    @property
    def message(self) -> str:
        reasons = "; ".join(dict.fromkeys(self.reasons))
        return f"Learning statement {self.position} (from {self.unit}) {reasons}."


class PublicationRefused(CasebookError):
    def __init__(self, problems: Sequence[StatementProblem]) -> None:
        lines = "\n".join(f"- {p.message}" for p in problems)
        super().__init__(
            "Nothing was published: these learning statements may identify someone; ask the "
            "units to correct them and send their returns again, or publish without "
            f"them.\n{lines}")
        self.problems = tuple(problems)


def statement_problems(statements: Iterable[tuple[str, str]], never_publish: Iterable[str]
                       ) -> list[StatementProblem]:
    """(unit, statement) pairs in report order; what each may reveal (patterns and the
    never-publish list only: the board holds no names)."""
    scanner = Scanner.build((), never_publish=tuple(never_publish))
    found = []
    for position, (unit, statement) in enumerate(statements, start=1):
        reasons = tuple(f.reason for f in scanner.scan(statement))
        if reasons:
            found.append(StatementProblem(position, unit, reasons))
    return found


def report_statements(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """The learning statements of `board_figures`' document, in the report's order."""
    units = doc["board"]["units"]
    return [(name, statement) for name in doc["units"]
            for statement in units[name]["learning"]]


def check_publication(doc: dict[str, Any], never_publish: Iterable[str]) -> None:
    """Refuse (PublicationRefused) when any statement may identify someone."""
    problems = statement_problems(report_statements(doc), never_publish)
    if problems:
        raise PublicationRefused(problems)

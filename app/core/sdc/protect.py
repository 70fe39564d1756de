"""Protect a release: primary and secondary suppression over the whole table set, then the audit.

`protect(tables, protection, earlier)` is the one call an output makes: it returns the
cells to hide and the audit's result. Nothing may be written unless
`publication.audit.passed`; when it has not, `publication.audit.reason` says which
table and why, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.core.sdc.audit import AuditResult, audit, close_hidden, reader_knowledge
from app.core.sdc.bounds import propagate
from app.core.sdc.primary import Protection, requirements
from app.core.sdc.release import Release
from app.core.sdc.secondary import suppress_cells
from app.core.sdc.tables import CellKey, TableSet

_SCALE = 1000
_SUPPRESSION_SHARE = 0.7  # of the progress bar: suppression, then the audit


@dataclass(frozen=True)
class Publication:
    """A protected release: which printed cells to hide, and the audit of the result."""

    tables: TableSet
    hidden: frozenset[CellKey]
    audit: AuditResult
    protection: Protection
    rounds: int = 0

    def is_hidden(self, key: CellKey) -> bool:
        return key in self.hidden

    def shown(self, key: CellKey) -> int | None:
        """The value to print, or None where the cell is hidden."""
        return None if key in self.hidden else self.tables.cells[key].value

    def secondary(self) -> frozenset[CellKey]:
        """Cells hidden only to protect others."""
        return frozenset(k for k in self.hidden if k not in self.audit.protected)

    def release(self, *, label: str, periods: Sequence[str], published_on: str,
                corrects: str | None = None) -> Release:
        """The register's record of this publication."""
        return Release.of(self.tables, self.hidden, label=label, periods=periods,
                          published_on=published_on, threshold=self.protection.threshold,
                          corrects=corrects)


def reveal_known(tables: TableSet, hidden: set[CellKey], protection: Protection,
                 earlier: Sequence[Release] = ()) -> frozenset[CellKey]:
    """Print again the cells hidden only to protect others that a reader can work out
    exactly anyway (bound propagation pins them): a star there hides nothing, and what a
    reader knows is the same either way."""
    needs = requirements(tables, protection)
    knowledge, _ = reader_knowledge(tables, hidden, protection, earlier)
    found = propagate(knowledge.bounds, knowledge.relations(), knowledge.unknown())
    known = {k for k in hidden
             if k not in needs and tables.cells[k].published and found.low[k] == found.high[k]}
    shown = set(hidden) - known
    # An average stays hidden while its count is; a count shown again may print its average
    # only if that was known too (it is in `known` then).
    return frozenset(close_hidden(tables, shown))


def protect(tables: TableSet, protection: Protection | None = None,
            earlier: Sequence[Release] = (), *, exact: bool = False,
            on_progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Publication:
    """Hide what must be hidden in `tables`, consistently with `earlier` releases, and audit.

    `on_progress(done, total)` is called as the work goes on; `cancelled()` is asked
    between solves, and `app.core.sdc.Cancelled` is raised when it says so.
    """
    protection = protection or Protection()
    if on_progress is not None:
        on_progress(0, _SCALE)

    def suppression_progress(done: int, total: int) -> None:
        if on_progress is not None and total:
            on_progress(int(_SCALE * _SUPPRESSION_SHARE * done / total), _SCALE)

    def audit_progress(done: int, total: int) -> None:
        if on_progress is not None and total:
            share = _SUPPRESSION_SHARE + (1 - _SUPPRESSION_SHARE) * done / total
            on_progress(int(_SCALE * share), _SCALE)

    chosen = suppress_cells(tables, protection, earlier, on_progress=suppression_progress,
                            cancelled=cancelled)
    hidden = reveal_known(tables, close_hidden(tables, chosen.hidden), protection, earlier)
    result = audit(tables, hidden, protection, earlier, exact=exact,
                   on_progress=audit_progress, cancelled=cancelled, hints=chosen.witnesses)
    if on_progress is not None:
        on_progress(_SCALE, _SCALE)
    return Publication(tables, hidden, result, protection, chosen.rounds)

"""Statistical disclosure control for published figures: nothing hidden can be worked out.

A release is one set of linked tables (`tables`: cells and the relations a reader
knows between them, built for the KPI figures by `kpi_tables`). `protect` hides the
small numbers and whatever else is needed so that no reader, using everything printed
in this release and in earlier ones (`Release`), can narrow a hidden small number
below its protection level (by default: a reader cannot tell 0 from a small number
from the threshold), and audits the result by linear and integer programming (HiGHS)
before anything is written. The audit counts only points of whole numbers as a
reader's: a linear program's fractional point is not one.

The tests in tests/sdc attack released figures with an independent reader of their own
(tests/sdc/attacker.py: the relations written again from the figures' meanings, solved
by scipy's integer programming); tests/benchmarks/sdc_bench.py times a board's year.

Modules, each small:
    tables      cells, relations, the table set
    kpi_tables  the KPI figures (periods, units, services, views, themes) as a table set
    primary     which cells must be protected, and how far (small counts, group disclosure)
    program     a group of unknown cells as a linear program (HiGHS models, rows)
    reader      what a reader can ask of it: how far a cell goes, many ends at once
    audit       how far a reader can narrow each hidden cell; pass or fail, in plain words
    secondary   which other cells to hide (attack, dual values, cheapest cover, repeat)
    pruning     then which of those can be shown again (on whole-number points)
    release     what a publication released, for later ones (JSON round-trip)
    periods     a year is its four quarters, whichever release printed them
    protect     the one call: suppression, then the audit
"""

from typing import TYPE_CHECKING, Any

from app.core.sdc.kpi import Layout, PeriodFigures, kpi_tables, year_and_quarters
from app.core.sdc.periods import RefusedPeriods
from app.core.sdc.primary import DEFAULT_THRESHOLD, Protection, Requirement, requirements
from app.core.sdc.tables import COUNT, SUM, Cell, CellKey, Relation, TableSet, TableSetBuilder

if TYPE_CHECKING:
    from app.core.sdc.audit import AuditResult, Finding, Interval
    from app.core.sdc.knowledge import Cancelled
    from app.core.sdc.protect import Publication
    from app.core.sdc.release import RefusedChange, Release

# The solver's modules (numpy, HiGHS) load when first asked for, not with the figures'
# tables: a window showing figures need not wait for them. The two calls share their
# modules' names, so they are imported from them: `from app.core.sdc.protect import
# protect`, `from app.core.sdc.audit import audit` (a package attribute of that name is
# the module once it has loaded).
_LATER = {"AuditResult": "audit", "Finding": "audit", "Interval": "audit",
          "Publication": "protect", "Cancelled": "knowledge",
          "RefusedChange": "release", "Release": "release"}


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module 'app.core.sdc' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"app.core.sdc.{module}"), name)


__all__ = [
    "COUNT", "DEFAULT_THRESHOLD", "SUM", "AuditResult", "Cancelled", "Cell", "CellKey",
    "Finding", "Interval", "Layout", "PeriodFigures", "Protection", "Publication",
    "RefusedChange", "RefusedPeriods", "Release", "Relation", "Requirement", "TableSet",
    "TableSetBuilder",
    "kpi_tables", "requirements", "year_and_quarters",
]
